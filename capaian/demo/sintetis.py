"""A second, clearly synthetic agency so that multi-agency behaviour (scope, consolidation) can be seen.
Nothing here comes from a real report.

Every program and kegiatan here has children, so their Rupiah (but column 6) is derived by the engine and not
loaded; the amounts in RENCANA for those rows are the sums of their children, kept for the reader."""

from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.capaian import Agregasi, Akumulasi
from capaian.aturan.induk import anak_per_induk
from capaian.monev import services
from capaian.organisasi.models import Pemda, Penandatangan, PerangkatDaerah
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import (
    Kegiatan,
    PeriodeRenstra,
    Program,
    SubKegiatan,
)

SLUG = "dinas-contoh"
TAHUN = 2024

# (tingkat, kode, nama, indikator, satuan, agregasi, akumulasi, renstra K, target K, target Rp,
#  realisasi (TW I K, TW I Rp), (TW II K, TW II Rp))
RENCANA: list[
    tuple[str, str, str, str, str, Agregasi, Akumulasi, str, str, int, tuple[str, int], tuple[str, int]]
] = [
    (
        "program",
        "3.26.02",
        "Program Peningkatan Daya Tarik Destinasi Pariwisata (CONTOH)",
        "Persentase destinasi wisata yang dikelola dengan baik",
        "%",
        Agregasi.TERAKHIR,
        Akumulasi.POSISI_AKHIR,
        "80",
        "60",
        900_000_000,
        ("30", 150_000_000),
        ("45", 260_000_000),
    ),
    (
        "kegiatan",
        "3.26.02.2.01",
        "Pengelolaan Daya Tarik Wisata Kabupaten/Kota (CONTOH)",
        "Jumlah daya tarik wisata yang dikelola",
        "Lokasi",
        Agregasi.TERAKHIR,
        Akumulasi.POSISI_AKHIR,
        "10",
        "8",
        900_000_000,
        ("4", 150_000_000),
        ("6", 260_000_000),
    ),
    (
        "subkegiatan",
        "3.26.02.2.01.0001",
        "Pengelolaan Daya Tarik Wisata (CONTOH)",
        "Jumlah laporan pengelolaan daya tarik wisata",
        "Laporan",
        Agregasi.JUMLAH,
        Akumulasi.KUMULATIF,
        "20",
        "4",
        600_000_000,
        ("1", 100_000_000),
        ("1", 180_000_000),
    ),
    (
        "subkegiatan",
        "3.26.02.2.01.0002",
        "Pembangunan Sarana Daya Tarik Wisata (CONTOH)",
        "Jumlah sarana wisata yang dibangun",
        "Unit",
        Agregasi.JUMLAH,
        Akumulasi.KUMULATIF,
        "12",
        "3",
        300_000_000,
        ("0", 50_000_000),
        ("1", 80_000_000),
    ),
    (
        "program",
        "3.26.03",
        "Program Pemasaran Pariwisata (CONTOH)",
        "Persentase kenaikan kunjungan wisatawan",
        "%",
        Agregasi.TERAKHIR,
        Akumulasi.POSISI_AKHIR,
        "25",
        "5",
        400_000_000,
        ("1,5", 90_000_000),
        ("2,75", 120_000_000),
    ),
    (
        "kegiatan",
        "3.26.03.2.01",
        "Pemasaran Pariwisata Dalam dan Luar Negeri (CONTOH)",
        "Jumlah kegiatan promosi pariwisata",
        "Kegiatan",
        Agregasi.JUMLAH,
        Akumulasi.KUMULATIF,
        "40",
        "8",
        400_000_000,
        ("2", 90_000_000),
        ("1", 120_000_000),
    ),
    (
        "subkegiatan",
        "3.26.03.2.01.0001",
        "Penyediaan Data dan Penyebarluasan Informasi Pariwisata (CONTOH)",
        "Jumlah media promosi yang diterbitkan",
        "Media",
        Agregasi.JUMLAH,
        Akumulasi.KUMULATIF,
        "40",
        "8",
        400_000_000,
        ("2", 90_000_000),
        ("1", 120_000_000),
    ),
]


@dataclass(frozen=True)
class _Letak:
    kode: str
    tingkat: str
    lanjutan: bool = False


def _d(teks: str) -> Decimal:
    return Decimal(teks.replace(",", "."))


def muat(pemda: Pemda) -> PerangkatDaerah:
    pd = PerangkatDaerah.objects.create(
        pemda=pemda,
        nama="Dinas Contoh Pariwisata (DATA SINTETIS)",
        slug=SLUG,
        singkatan="Dinas Contoh",
        alamat="Data contoh buatan, bukan perangkat daerah yang sebenarnya.",
        sintetis=True,
    )
    renstra = PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2021, tahun_akhir=2026)
    tujuan = rencana.buat_tujuan(None, renstra, "Meningkatnya kunjungan wisata (CONTOH)")
    sasaran = rencana.buat_sasaran(None, tujuan, "Meningkatnya daya tarik wisata (CONTOH)")
    program: dict[str, Program] = {}
    kegiatan: dict[str, Kegiatan] = {}
    induk = set(anak_per_induk([_Letak(r[1], r[0]) for r in RENCANA]))
    for urutan, (
        tingkat,
        kode,
        nama,
        uraian,
        satuan,
        agregasi,
        akumulasi,
        renstra_k,
        target_k,
        target_rp,
        tw1,
        tw2,
    ) in enumerate(RENCANA, start=1):
        # A parent's Rupiah (but column 6) is derived from its children, not loaded.
        rp_sendiri: int | None = None if urutan - 1 in induk else target_rp
        elemen: Program | Kegiatan | SubKegiatan
        if tingkat == "program":
            elemen = program[kode] = rencana.buat_program(None, pd, kode, nama, sasaran)
        elif tingkat == "kegiatan":
            elemen = kegiatan[kode] = rencana.buat_kegiatan(None, program[kode[:7]], kode, nama)
        else:
            elemen = rencana.buat_subkegiatan(None, kegiatan[kode[:12]], kode, nama)
        indikator = rencana.buat_indikator(
            None,
            elemen,
            uraian,
            satuan,
            urutan,
            agregasi=agregasi,
            akumulasi=akumulasi,
            target_renstra_k=_d(renstra_k),
            target_renstra_rp=None if rp_sendiri is None else rp_sendiri * 5,
        )
        rencana.simpan_target_tahunan(
            None,
            indikator,
            TAHUN,
            realisasi_lalu_k=_d(target_k) * 2,
            realisasi_lalu_rp=target_rp * 2,
            target_k=_d(target_k),
            target_rp=rp_sendiri,
        )
        for tw, (k, rp) in ((1, tw1), (2, tw2)):
            rencana.simpan_target_triwulan(
                None,
                indikator,
                TAHUN,
                tw,
                k=_d(target_k) / 4 * tw,
                rp=None if rp_sendiri is None else rp_sendiri // 4,
            )
            services.simpan_realisasi(
                None, indikator, TAHUN, tw, k=_d(k), rp=None if rp_sendiri is None else rp
            )
    ttd = Penandatangan.objects.create(
        perangkat_daerah=pd,
        nama="Nama Contoh, S.E.",
        nip="198001012005011001",
        pangkat="Pembina IV/a",
        jabatan="Kepala Dinas Contoh Pariwisata",
    )
    services.simpan_catatan(
        None, pd, TAHUN, 2, faktor_pendorong="(Contoh) Dukungan komunitas wisata.", penandatangan=ttd
    )
    return pd
