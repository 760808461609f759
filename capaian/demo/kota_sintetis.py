"""The demo city: synthetic agencies of Kota Pasuruan with a plan, TW I and TW II, and quarters in different
workflow states, so that the verifier's board, Form E.79 and the dashboards have a city to show.

Everything here is made up and marked: each agency is named "... (DATA SINTETIS)" and has sintetis=True.
Agency number i is always generated from the same seed (random.Random(f"{SEED}-{i}")), so `capaian demo` is
deterministic and `--kota 40` after `--kota 10` adds agencies 11..40 without changing the first ten.
Plans, targets and realisations go through the plan and realisation services, the workflow through
capaian.laporan.pemeriksaan.jalankan_langkah with the agency's own demo users: all of it is in the audit
trail, as if typed.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.utils import timezone

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas
from capaian.demo import nomenklatur as nk
from capaian.demo.tanda import tandai_belum_ada_data
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import alur, services
from capaian.monev.models import PeriodeTriwulan
from capaian.organisasi.models import Pemda, Penandatangan, Peran, PerangkatDaerah, Profil
from capaian.perencanaan import perubahan, tahun_baru
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, PeriodeRenstra, TargetTahunan, TargetTriwulan

SEED = "capaian-kota-2024"
TAHUN = 2024
DOMAIN_SUREL = "capaian-demo.invalid"  # RFC 2606: never delivered anywhere
SUFIKS = " Kota Pasuruan (DATA SINTETIS)"

# The TW II state of agency i is POLA[i % 10]: some verified, some submitted, one returned, one not started.
POLA = (
    "terkunci",
    "diverifikasi",
    "diverifikasi",
    "diajukan",
    "diverifikasi",
    "diajukan",
    "dikembalikan",
    "diajukan",
    "draf",
    "belum",
)
# The steps to each state, as an office takes them: the head approves before the verifier's steps (the
# pemda's default, Pemda.persetujuan_kepala). Of the submitted agencies, DISETUJUI are approved by the head
# already (waiting for the verifier), the others wait for their head.
LANGKAH_STATUS = {
    "terkunci": ("ajukan", "setujui", "verifikasi", "kunci"),
    "diverifikasi": ("ajukan", "setujui", "verifikasi"),
    "diajukan": ("ajukan",),
    "dikembalikan": ("ajukan", "setujui", "kembalikan"),
    "draf": (),
    "belum": (),
}
DISETUJUI = (5,)  # agencies i % 10 whose submitted TW II the head approved
KOMENTAR_BARIS = (
    "(contoh) Realisasi Rp sub kegiatan ini melebihi target triwulan; lampirkan SP2D atau perbaiki angkanya."
)
CATATAN_KEMBALI = (
    "(contoh) Realisasi anggaran sub kegiatan belum didukung bukti SP2D; lengkapi bukti dukung dan "
    "periksa kembali realisasi TW II."
)
RIBU = 1000
# The agencies that have the whole of 2024 (TW III and TW IV entered); "terkunci" ones have all four quarters
# locked, the year closed and 2025 started. A Perubahan effective TW III is made for PERUBAHAN of them.
SETAHUN = ("terkunci", "diverifikasi")
TAHUN_BERIKUT = TAHUN + 1
PERUBAHAN = (0, 1)  # agencies i % 10 with a Renja Perubahan 2024 effective TW III (locked, verified TW II)


@dataclass
class Baris:
    """One indicator row of a synthetic plan (plain values; written through the services later)."""

    tingkat: str
    kode: str
    nama: str
    indikator: str
    satuan: str
    agregasi: Agregasi = Agregasi.JUMLAH
    akumulasi: Akumulasi = Akumulasi.KUMULATIF
    polaritas: Polaritas = Polaritas.POSITIF
    lanjutan: bool = False
    renstra_k: Decimal | None = None
    lalu_k: Decimal | None = None
    target_k: Decimal | None = None
    tw_k: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    real_k: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    renstra_rp: int = 0
    lalu_rp: int = 0
    target_rp: int = 0
    tw_rp: list[int] = field(default_factory=lambda: [0] * 4)
    real_rp: list[int | None] = field(default_factory=lambda: [None] * 4)
    anak: list["Baris"] = field(default_factory=list)


@dataclass(frozen=True)
class Identitas:
    slug: str
    nama: str
    singkatan: str
    bidang: tuple[str, ...]

    @property
    def akun(self) -> str:
        return self.slug.removeprefix("sintetis-")


def identitas(indeks: int) -> Identitas:
    """Agency i (0-based): a named city agency while the list lasts, then numbered ones on the same bidang."""
    if indeks < len(nk.PERANGKAT_DAERAH):
        slug, nama, singkatan, bidang = nk.PERANGKAT_DAERAH[indeks]
        return Identitas(slug, nama + SUFIKS, singkatan, bidang)
    nomor = indeks + 1
    _, nama, _, bidang = nk.PERANGKAT_DAERAH[indeks % len(nk.PERANGKAT_DAERAH)]
    return Identitas(f"sintetis-dinas-{nomor}", f"{nama} {nomor}{SUFIKS}", f"Dinas {nomor}", bidang)


# --- the plan and its numbers (pure: random.Random in, rows out) -------------------------------------------


def _ribu(nilai: float) -> int:
    return int(nilai) // RIBU * RIBU


def _bagi(total: int, bobot: tuple[float, ...]) -> list[int]:
    """Split a whole amount by weights, the last part taking the rest (the parts sum to `total`)."""
    bagian = [_ribu(total * b) for b in bobot[:-1]]
    return [*bagian, total - sum(bagian)]


def _bagi_rata(n: int, bagian: int) -> list[int]:
    """n split into `bagian` whole parts as equal as possible: (10, 3) -> [4, 3, 3]."""
    return [n // bagian + (1 if i < n % bagian else 0) for i in range(bagian)]


def _bagi_k(total: int) -> list[Decimal | None]:
    """Quarterly targets of a count: parts of the year's count, summing to it, none above it."""
    bagian = [total * 20 // 100, total * 30 // 100, total * 25 // 100]
    return [Decimal(b) for b in [*bagian, total - sum(bagian)]]


def _isi_sub(b: Baris, rng: random.Random, gaji: bool) -> None:
    pagu = (rng.randrange(2_000, 6_000) if gaji else rng.randrange(40, 950)) * 1_000_000
    pagu += rng.randrange(0, 1000) * RIBU
    b.target_rp = pagu
    b.renstra_rp = _ribu(pagu * rng.uniform(4.6, 5.4))
    b.lalu_rp = _ribu(pagu * rng.uniform(1.7, 2.3))
    b.tw_rp = _bagi(pagu, (0.15, 0.25, 0.30, 0.30))
    if b.agregasi is Agregasi.RATA_RATA:
        orang = Decimal(rng.randrange(25, 140))
        b.target_k, b.tw_k = orang, [orang] * 4
        b.renstra_k, b.lalu_k = orang, orang
    else:
        jumlah = rng.randrange(4, 24) if b.satuan != "Orang" else rng.randrange(20, 200)
        b.target_k, b.tw_k = Decimal(jumlah), _bagi_k(jumlah)
        b.renstra_k, b.lalu_k = Decimal(jumlah * 5), Decimal(jumlah * 2)


def _jumlahkan(induk: Baris) -> None:
    """A parent's budget columns are the sums of its children's (the checks require it)."""
    induk.target_rp = sum(a.target_rp for a in induk.anak)
    induk.renstra_rp = sum(a.renstra_rp for a in induk.anak)
    induk.lalu_rp = sum(a.lalu_rp for a in induk.anak)
    induk.tw_rp = [sum(a.tw_rp[i] for a in induk.anak) for i in range(4)]


def _kegiatan_penunjang(
    kode_program: str, jumlah: int, sub_per: int
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    hasil = []
    for kode, nama, sub in nk.KEGIATAN_PENUNJANG[:jumlah]:
        hasil.append(
            (f"{kode_program}.{kode}", nama, [(f"{kode_program}.{kode}.{s}", n) for s, n in sub[:sub_per]])
        )
    return hasil


def _kegiatan_bidang(
    kode_program: str, pokok: str, jumlah: int, sub_per: list[int]
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    hasil = []
    for i in range(jumlah):
        kode = f"{kode_program}.2.{i + 1:02d}"
        sub = [
            (f"{kode}.{j + 1:04d}", f"{nk.AWALAN_SUB[(i * 3 + j) % len(nk.AWALAN_SUB)][0]} {pokok}")
            for j in range(sub_per[i])
        ]
        hasil.append((kode, f"{nk.AWALAN_KEGIATAN[i % len(nk.AWALAN_KEGIATAN)]} {pokok}", sub))
    return hasil


INDIKATOR_SUB = {
    "Penyusunan Dokumen": ("Jumlah dokumen {x} yang tersusun", "Dokumen"),
    "Sosialisasi dan Pendampingan": ("Jumlah kegiatan sosialisasi dan pendampingan {x}", "Kegiatan"),
    "Penyediaan Sarana dan Prasarana": ("Jumlah sarana dan prasarana {x} yang tersedia", "Unit"),
    "Peningkatan Kapasitas Sumber Daya Manusia": ("Jumlah SDM {x} yang ditingkatkan kapasitasnya", "Orang"),
    "Monitoring, Evaluasi dan Pelaporan": ("Jumlah laporan monitoring dan evaluasi {x}", "Laporan"),
    "Pengumpulan dan Pengolahan Data": ("Jumlah dokumen data {x} yang diolah", "Dokumen"),
    "Pengadaan Peralatan Pendukung": ("Jumlah paket peralatan {x} yang diadakan", "Paket"),
}


def _indikator_sub(nama: str, pokok: str) -> tuple[str, str, Agregasi]:
    if "Gaji" in nama:
        return "Jumlah orang/bulan penerima gaji dan tunjangan ASN", "Orang/Bulan", Agregasi.RATA_RATA
    for awalan, (teks, satuan) in INDIKATOR_SUB.items():
        if nama.startswith(awalan):
            return teks.format(x=pokok.lower()), satuan, Agregasi.JUMLAH
    return f"Jumlah laporan {nama.lower()}", "Laporan", Agregasi.JUMLAH


def rencana_pd(indeks: int, baris: int | None = None) -> list[Baris]:
    """Agency i's programs (each with its kegiatan and sub kegiatan), about `baris` rows (20-80 if None)."""
    rng = random.Random(f"{SEED}-{indeks}")
    pd = identitas(indeks)
    target_baris = baris or rng.randrange(22, 79)
    utama = pd.bidang[0]
    pilihan = [(f"{b}.{n}", nama, b) for b in pd.bidang for n, nama in nk.PROGRAM.get(b, [])]
    jumlah_program = max(2, min(1 + len(pilihan), round(target_baris / 12)))
    terpilih = sorted(rng.sample(pilihan, jumlah_program - 1))
    semua = [(f"{utama}.01", nk.PENUNJANG, utama), *terpilih]
    jatah = _bagi_rata(target_baris, len(semua))
    program: list[Baris] = []
    for nomor, (kode, nama, _) in enumerate(semua):
        sisa = jatah[nomor] - 1
        penunjang = kode.endswith(".01")
        pokok = "penunjang urusan pemerintahan daerah" if penunjang else nk.pokok(nama)
        p = Baris(
            "program",
            kode,
            nama,
            "Nilai SAKIP perangkat daerah"
            if penunjang
            else f"Persentase ketercapaian sasaran {pokok.lower()}",
            "Nilai" if penunjang else "%",
            agregasi=Agregasi.TERAKHIR,
            akumulasi=Akumulasi.POSISI_AKHIR,
        )
        t = Decimal(rng.choice((70, 75, 80, 85, 90, 95, 100)))
        p.target_k, p.renstra_k, p.lalu_k = t, min(t + 5, Decimal(100)), t - rng.randrange(4, 15)
        p.tw_k = [t, t, t, t] if penunjang else [(t * q / 4).quantize(Decimal("0.01")) for q in (1, 2, 3, 4)]
        lanjutan: Baris | None = None
        if not penunjang and sisa >= 6 and rng.random() < 0.35:
            negatif = utama == "1.02" and nomor == 1
            lanjutan = Baris(
                "program",
                kode,
                nama,
                "Prevalensi stunting pada balita" if negatif else f"Indeks kepuasan layanan {pokok.lower()}",
                "%" if negatif else "Indeks",
                agregasi=Agregasi.TERAKHIR,
                akumulasi=Akumulasi.POSISI_AKHIR,
                polaritas=Polaritas.NEGATIF if negatif else Polaritas.POSITIF,
                lanjutan=True,
            )
            t2 = Decimal(rng.choice((14, 16, 18))) if negatif else Decimal(rng.choice((78, 80, 82, 85)))
            lanjutan.target_k, lanjutan.tw_k = t2, [t2] * 4
            lanjutan.renstra_k, lanjutan.lalu_k = (t2 - 4, t2 + 3) if negatif else (t2 + 3, t2 - 3)
            sisa -= 1
        jumlah_kegiatan = max(1, min(4, round(sisa / 4)))
        jumlah_sub = max(jumlah_kegiatan, sisa - jumlah_kegiatan)
        sub_per = [max(1, min(5, s)) for s in _bagi_rata(jumlah_sub, jumlah_kegiatan)]
        if penunjang:
            daftar = _kegiatan_penunjang(kode, jumlah_kegiatan + 1, 3)
        else:
            daftar = _kegiatan_bidang(kode, nk.pokok(nama), jumlah_kegiatan, sub_per)
        for kode_k, nama_k, sub in daftar:
            k = Baris(
                "kegiatan", kode_k, nama_k, f"Jumlah kegiatan {nama_k.lower()} yang terlaksana", "Kegiatan"
            )
            n = rng.randrange(4, 16)
            k.target_k, k.tw_k, k.renstra_k, k.lalu_k = Decimal(n), _bagi_k(n), Decimal(n * 5), Decimal(n * 2)
            for kode_s, nama_s in sub:
                uraian, satuan, agregasi = _indikator_sub(nama_s, pokok)
                s = Baris("subkegiatan", kode_s, nama_s, uraian, satuan, agregasi=agregasi)
                _isi_sub(s, rng, gaji=agregasi is Agregasi.RATA_RATA)
                k.anak.append(s)
            _jumlahkan(k)
            p.anak.append(k)
        _jumlahkan(p)
        program.append(p)
        if lanjutan is not None:
            program.append(lanjutan)
    _realisasi(program, rng, POLA[indeks % len(POLA)])
    return program


def _realisasi(program: list[Baris], rng: random.Random, keadaan: str) -> None:
    """TW I and TW II realisations: each agency has its own pace; parents' Rp are their children's sums."""
    laju = rng.uniform(0.45, 1.05)
    kosong = 0.3 if keadaan == "draf" else 0.04

    def k_tw(b: Baris, i: int) -> Decimal | None:
        t = b.tw_k[i]
        if t is None:
            return None
        nilai = t * Decimal(str(round(laju * rng.uniform(0.8, 1.15), 3)))
        if b.satuan in ("%", "Indeks", "Nilai") or b.agregasi is not Agregasi.JUMLAH:
            return nilai.quantize(Decimal("0.01"))
        return Decimal(int(nilai))

    # TW III and TW IV only for the agencies whose TW II is verified or locked (SETAHUN), drawn after TW I
    # and TW II so that those stay what they were.
    for tw in (0, 1, 2, 3) if keadaan in SETAHUN else (0, 1):
        if tw == 1 and keadaan == "belum":
            break
        for p in program:
            if p.lanjutan or not (tw == 1 and rng.random() < kosong):
                p.real_k[tw] = k_tw(p, tw)
            for k in p.anak:
                k.real_k[tw] = k_tw(k, tw)
                for s in k.anak:
                    if tw == 1 and rng.random() < kosong:
                        continue
                    s.real_k[tw] = k_tw(s, tw)
                    sisa = s.target_rp - sum(r or 0 for r in s.real_rp)
                    s.real_rp[tw] = min(_ribu(s.tw_rp[tw] * laju * rng.uniform(0.75, 1.1)), sisa)
                k.real_rp[tw] = sum(s.real_rp[tw] or 0 for s in k.anak)
            if not p.lanjutan:
                p.real_rp[tw] = sum(k.real_rp[tw] or 0 for k in p.anak)


def jumlah_baris(program: list[Baris]) -> int:
    return sum(1 + sum(1 + len(k.anak) for k in p.anak) for p in program)


# --- writing it through the services ---------------------------------------------------------------------


RENSTRA = range(2021, 2027)


def target_renstra(b: Baris, rp: bool) -> dict[int, tuple[Decimal | None, int | None]]:
    """The Renstra's yearly targets of a row (2021-2026), its 2024 value the Renja's: counts the same each
    year, positions rising to the end-of-period target, budgets 5 % a year apart. No random draw."""
    hasil: dict[int, tuple[Decimal | None, int | None]] = {}
    for tahun in RENSTRA:
        selisih = tahun - TAHUN
        k = b.target_k
        if k is not None and b.akumulasi is Akumulasi.POSISI_AKHIR and b.renstra_k is not None:
            langkah = (b.renstra_k - k) / 2
            k = (k + langkah * selisih).quantize(Decimal("0.01")) if selisih > 0 else k + 2 * selisih
            k = max(k, Decimal(0))
        nilai_rp = _ribu(b.target_rp * (1 + 0.05 * selisih)) if rp and b.target_rp else None
        hasil[tahun] = (k, nilai_rp)
    return hasil


def _simpan(indikator: Indikator, b: Baris, rp: bool) -> None:
    tahun_baru.simpan_target_renstra_tahunan(None, indikator, target_renstra(b, rp))
    rencana.simpan_target_tahunan(
        None,
        indikator,
        TAHUN,
        realisasi_lalu_k=b.lalu_k,
        realisasi_lalu_rp=b.lalu_rp if rp else None,
        target_k=b.target_k,
        target_rp=b.target_rp if rp else None,
    )
    for tw in range(4):
        rencana.simpan_target_triwulan(
            None,
            indikator,
            TAHUN,
            tw + 1,
            k=b.tw_k[tw],
            rp=b.tw_rp[tw] if rp else None,
        )
    for tw in range(4):
        if b.real_k[tw] is not None or (rp and b.real_rp[tw] is not None):
            services.simpan_realisasi(
                None,
                indikator,
                TAHUN,
                tw + 1,
                k=b.real_k[tw],
                rp=b.real_rp[tw] if rp else None,
            )


def _buat_pd(pemda: Pemda, indeks: int, baris: int | None) -> PerangkatDaerah:
    info = identitas(indeks)
    program = rencana_pd(indeks, baris)
    pd = PerangkatDaerah.objects.create(
        pemda=pemda,
        nama=info.nama,
        slug=info.slug,
        singkatan=info.singkatan,
        alamat="Data contoh buatan (sintetis), bukan perangkat daerah yang sebenarnya.",
        sintetis=True,
    )
    renstra = PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2021, tahun_akhir=2026)
    tujuan = rencana.buat_tujuan(None, renstra, f"Meningkatnya kinerja {info.singkatan} (contoh)")
    sasaran = rencana.buat_sasaran(None, tujuan, f"Meningkatnya kualitas layanan {info.singkatan} (contoh)")
    urutan = 0
    elemen_program = None
    for p in program:
        urutan += 1
        if not p.lanjutan:
            elemen_program = rencana.buat_program(None, pd, p.kode, p.nama, sasaran)
        assert elemen_program is not None
        ind = _indikator(elemen_program, p, urutan)
        _simpan(ind, p, rp=not p.lanjutan)
        for k in p.anak:
            urutan += 1
            elemen_k = rencana.buat_kegiatan(None, elemen_program, k.kode, k.nama)
            _simpan(_indikator(elemen_k, k, urutan), k, rp=True)
            for s in k.anak:
                urutan += 1
                elemen_s = rencana.buat_subkegiatan(None, elemen_k, s.kode, s.nama)
                _simpan(_indikator(elemen_s, s, urutan), s, rp=True)
    ttd = Penandatangan.objects.create(
        perangkat_daerah=pd,
        nama=f"Nama Kepala {info.singkatan} (contoh)",
        nip=f"1975{indeks % 12 + 1:02d}{indeks % 28 + 1:02d}2000031{indeks % 1000:03d}",
        pangkat="Pembina Tingkat I IV/b",
        jabatan=f"Kepala {info.nama.removesuffix(' (DATA SINTETIS)')}",
    )
    for tw in (1, 2, 3, 4) if POLA[indeks % len(POLA)] in SETAHUN else (1, 2):
        services.simpan_catatan(
            None,
            pd,
            TAHUN,
            tw,
            faktor_pendorong="(contoh) Dukungan anggaran dan koordinasi lintas perangkat daerah.",
            faktor_penghambat="(contoh) Proses pengadaan barang dan jasa baru selesai pada akhir triwulan.",
            tindak_lanjut="(contoh) Mempercepat pelaksanaan kegiatan fisik pada triwulan berikutnya.",
            penandatangan=ttd,
            tanggal=datetime.date(TAHUN, 3 * tw + 1, 8) if tw < 4 else datetime.date(TAHUN + 1, 1, 8),
        )
    return pd


def _indikator(elemen: rencana.Elemen, b: Baris, urutan: int) -> Indikator:
    return rencana.buat_indikator(
        None,
        elemen,
        b.indikator,
        b.satuan,
        urutan,
        polaritas=b.polaritas,
        agregasi=b.agregasi,
        akumulasi=b.akumulasi,
        target_renstra_k=b.renstra_k,
        target_renstra_rp=None if b.lanjutan else b.renstra_rp,
    )


def _akun(pd: PerangkatDaerah, info: Identitas, sandi: str) -> tuple[User, User]:
    """The agency's operator and head, sharing one hash of the demo password (hashing once per load)."""
    Model = get_user_model()
    hasil = []
    for peran in (Peran.OPERATOR, Peran.KEPALA):
        nama = f"{peran.value}-{info.akun}"
        pengguna = Model.objects.filter(username=nama).first()
        if pengguna is None:
            pengguna = Model.objects.create(
                username=nama,
                password=sandi,
                first_name=f"{'Operator' if peran is Peran.OPERATOR else 'Kepala'} {info.singkatan} (contoh)",
                email=f"{nama}@{DOMAIN_SUREL}",
            )
            Profil.objects.create(pengguna=pengguna, pemda=pd.pemda, peran=peran, perangkat_daerah=pd)
        hasil.append(pengguna)
    return hasil[0], hasil[1]


# The reason the synthetic agencies give for a row they submit without a value.
ALASAN_BELUM_ADA = "data dari bidang pelaksana belum diterima (contoh)"


def _perubahan(pd: PerangkatDaerah, operator: User) -> None:
    """The APBD Perubahan of 2024 effective TW III: every sub kegiatan's budget up 8 %, the increase in its
    TW IV target (so the quarters still add up to the year); murni stays as it was."""
    nilai: perubahan.Nilai = {}
    tahunan = {
        t.indikator_id: t
        for t in TargetTahunan.objects.filter(
            indikator__perangkat_daerah=pd, tahun=TAHUN, indikator__tingkat="subkegiatan", target_rp__gt=0
        )
    }
    tw4 = {
        t.indikator_id: t
        for t in TargetTriwulan.objects.filter(indikator_id__in=list(tahunan), tahun=TAHUN, triwulan=4)
    }
    for id_, t in tahunan.items():
        tambah = _ribu(t.target_rp * 0.08) if t.target_rp else 0
        if not tambah or id_ not in tw4 or tw4[id_].rp is None:
            continue
        nilai[(id_, "tahunan")] = (None, (t.target_rp or 0) + tambah)
        nilai[(id_, "4")] = (None, (tw4[id_].rp or 0) + tambah)
    perubahan.simpan_perubahan(
        operator,
        pd,
        TAHUN,
        berlaku_triwulan=3,
        dasar_hukum="(contoh) Peraturan Daerah Kota Pasuruan tentang Perubahan APBD Tahun Anggaran 2024",
        nomor="7",
        tanggal=datetime.date(TAHUN, 9, 30),
        nilai=nilai,
    )


def _komentar(pd: PerangkatDaerah) -> dict[int, str]:
    """The verifier's comment on the returned quarter's first sub kegiatan row."""
    pertama = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan").order_by("urutan").first()
    return {pertama.pk: KOMENTAR_BARIS} if pertama is not None else {}


def _alur(
    pd: PerangkatDaerah,
    keadaan: str,
    akun: tuple[User, User],
    verifikator: User,
    ubah: bool = False,
    disetujui: bool = False,
) -> None:
    operator, kepala = akun
    oleh = {"ajukan": operator, "setujui": kepala}
    for aksi in LANGKAH_STATUS["terkunci"]:
        jalankan_langkah(aksi, oleh.get(aksi, verifikator), pd, TAHUN, 1)
    if "ajukan" in LANGKAH_STATUS[keadaan]:
        tandai_belum_ada_data(pd, TAHUN, 2, ALASAN_BELUM_ADA)
    langkah = LANGKAH_STATUS[keadaan] + (("setujui",) if disetujui and keadaan == "diajukan" else ())
    for aksi in langkah:
        catatan = CATATAN_KEMBALI if aksi == "kembalikan" else ""
        komentar = _komentar(pd) if aksi == "kembalikan" else None
        jalankan_langkah(aksi, oleh.get(aksi, verifikator), pd, TAHUN, 2, catatan, komentar=komentar)
    if ubah:
        _perubahan(pd, operator)
    if keadaan == "terkunci":
        # The whole year locked: TW III and TW IV through the same steps; then 2025 is started.
        for tw in (3, 4):
            for aksi in LANGKAH_STATUS["terkunci"]:
                jalankan_langkah(aksi, oleh.get(aksi, verifikator), pd, TAHUN, tw)
        tahun_baru.mulai_tahun(operator, pd, TAHUN_BERIKUT)


def _periode(pemda: Pemda, verifikator: User) -> None:
    """TW I's window as it was in 2024 (closed); TW II's around the day the demo is loaded, so that the
    board's countdown means something: opened two weeks ago, closing in three days."""
    hari_ini = timezone.localdate()
    jendela = {
        1: (datetime.date(TAHUN, 4, 1), datetime.date(TAHUN, 4, 15)),
        2: (hari_ini - datetime.timedelta(days=14), hari_ini + datetime.timedelta(days=3)),
    }
    for tw, (dibuka, ditutup) in jendela.items():
        if not PeriodeTriwulan.objects.filter(pemda=pemda, tahun=TAHUN, triwulan=tw).exists():
            alur.atur_periode(verifikator, pemda, TAHUN, tw, dibuka, ditutup)


def _surel_demo() -> None:
    """The demo's own users get an address too, so that reminders reach somebody (the console)."""
    for pengguna in get_user_model().objects.filter(email=""):
        pengguna.email = f"{pengguna.get_username()}@{DOMAIN_SUREL}"
        pengguna.save(update_fields=["email"])


def muat_kota(
    pemda: Pemda, jumlah: int, kata_sandi: str, baris: int | None = None
) -> tuple[list[str], list[str]]:
    """Synthetic agencies 1..`jumlah` of the demo city (those not loaded yet), their users with the demo
    password `kata_sandi`; returns (slugs loaded, slugs already there)."""
    dimuat: list[str] = []
    sudah: list[str] = []
    verifikator = get_user_model().objects.get(username="verifikator")
    sandi = ""
    for indeks in range(jumlah):
        info = identitas(indeks)
        if PerangkatDaerah.objects.filter(slug=info.slug).exists():
            sudah.append(info.slug)
            continue
        sandi = sandi or make_password(kata_sandi)
        pd = _buat_pd(pemda, indeks, baris)
        _alur(
            pd,
            POLA[indeks % len(POLA)],
            _akun(pd, info, sandi),
            verifikator,
            ubah=indeks % len(POLA) in PERUBAHAN,
            disetujui=indeks % len(POLA) in DISETUJUI,
        )
        dimuat.append(info.slug)
    if jumlah:
        _periode(pemda, verifikator)
        _surel_demo()
    return dimuat, sudah
