"""Form E.79 (Evaluasi terhadap Hasil RKPD Kabupaten/Kota) as a report object, from the agencies' Form E.81.

Rows are grouped Sasaran RPJMD > urusan > bidang urusan > program (> kegiatan, optional). A program or
kegiatan row does not compute anything: it carries the very BarisE81 object that the agency's own Form E.81 is
built from (`BarisE79.e81`), so both documents print the same numbers by construction. Columns (E.79 <- E.81):
6 <- 5, 7 <- 6, 8 <- 7, 9-12 <- the quarters' realisations (8-11), 13 <- 12, 14 <- 13, 15 <- 14, 16 <- 15,
17 = the responsible agency.

Only agencies whose quarter is verified or locked are in (DataKota.termasuk); the others are listed as not
included and are in no number. The footer's averages are the rules core's rekap over the included programs,
by the same method as each agency's Form E.81 (capaian.aturan.rekap). Programs not linked to a Sasaran RPJMD
are grouped at the end under "Belum ditautkan ke Sasaran RPJMD", so that none silently disappears.

Numbering follows Form E.81's: every row is numbered except a further indicator of the same element.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from capaian.aturan.kodering import coba_urai_kode, urutan
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.aturan.urusan import nama_bidang_lengkap, nama_urusan
from capaian.laporan import narasi
from capaian.laporan.data_kota import AnggotaKota, DataKota, IndikatorSasaran, SasaranKota
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81
from capaian.laporan.umum import baris_teks

BELUM_DITAUTKAN = SasaranKota(kode="", uraian="Belum ditautkan ke Sasaran RPJMD", kode_tujuan="", tujuan="")
LAIN = "lain"


@dataclass(frozen=True)
class BarisE79:
    no: int | None
    tingkat: str  # sasaran, urusan, bidang, program, kegiatan
    kode: str | None
    uraian: str
    indikator: str | None = None
    satuan: str | None = None
    pd: AnggotaKota | None = None
    e81: BarisE81 | None = None  # program and kegiatan rows: the agency's own Form E.81 row
    sasaran: IndikatorSasaran | None = None  # sasaran rows: the RPJMD indicator and its targets
    lanjutan: bool = False


@dataclass(frozen=True)
class TeksE79:
    judul: str
    isi: str
    dihimpun: bool  # not written for the city: gathered from the included agencies' own texts


@dataclass(frozen=True)
class LaporanE79:
    data: DataKota
    baris: tuple[BarisE79, ...]
    rekap: Rekap
    e81: Mapping[str, LaporanE81]  # agency slug -> its Form E.81, the source of every program row
    teks: tuple[TeksE79, ...] = ()
    dengan_kegiatan: bool = False
    belum_ditautkan: int = 0  # programs of included agencies with no Sasaran RPJMD

    @property
    def termasuk(self) -> tuple[AnggotaKota, ...]:
        return self.data.termasuk

    @property
    def tidak_termasuk(self) -> tuple[AnggotaKota, ...]:
        return self.data.tidak_termasuk


@dataclass
class _Blok:
    """One program of one agency: its Form E.81 rows (program indicators, then kegiatan when asked)."""

    pd: AnggotaKota
    kode: str | None
    bidang: str
    baris: list[BarisE81] = field(default_factory=list)


def bidang_program(laporan: LaporanE81) -> dict[str | None, str]:
    """Program kode -> bidang urusan kode, as the agency's own Narasi files its programs (a Program Penunjang
    X.XX.01 under the agency's main bidang): one rule for both documents."""
    return narasi.bidang_program(laporan)


def _blok(pd: AnggotaKota, laporan: LaporanE81, kegiatan: bool) -> list[_Blok]:
    bidang = bidang_program(laporan)
    blok: list[_Blok] = []
    for b in laporan.baris:
        tingkat = b.rencana.tingkat
        if tingkat == "program" and not b.rencana.lanjutan:
            blok.append(_Blok(pd, b.rencana.kode, bidang.get(b.rencana.kode, LAIN), [b]))
        elif blok and (tingkat == "program" or (kegiatan and tingkat == "kegiatan")):
            blok[-1].baris.append(b)
    return blok


def _kunci_kode(kode: str | None) -> tuple[int, ...]:
    urai = coba_urai_kode(kode)
    return urutan(urai) if urai is not None else (99,)


def _teks(data: DataKota) -> tuple[TeksE79, ...]:
    def himpun(nama: str) -> str:
        # One line per agency, its own items joined, so that no line loses whose it is.
        return "\n".join(
            f"{a.nama_pendek}: {'; '.join(baris_teks(getattr(a.data, nama)))}"
            for a in data.termasuk
            if a.data is not None and baris_teks(getattr(a.data, nama))
        )

    hasil = []
    for judul, milik_kota, milik_pd in (
        ("Faktor pendorong keberhasilan pencapaian", data.faktor_pendorong, "faktor_pendorong"),
        ("Faktor penghambat pencapaian kinerja", data.faktor_penghambat, "faktor_penghambat"),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya", data.tindak_lanjut, "tindak_lanjut"),
        ("Tindak lanjut yang diperlukan dalam RKPD kabupaten/kota berikutnya", data.tindak_lanjut_rkpd, ""),
    ):
        if milik_kota.strip() or not milik_pd:
            hasil.append(TeksE79(judul, milik_kota.strip(), False))
        else:
            hasil.append(TeksE79(judul, himpun(milik_pd), True))
    return tuple(hasil)


def bangun_e79(
    data: DataKota, kegiatan: bool = False, e81: Mapping[str, LaporanE81] | None = None
) -> LaporanE79:
    """`e81` may hand in Form E.81 objects already built (by slug); the others are built here."""
    laporan: dict[str, LaporanE81] = {}
    for a in data.termasuk:
        assert a.data is not None
        laporan[a.slug] = (e81 or data.e81).get(a.slug) or bangun_e81(a.data)
    semua_blok = [blok for a in data.termasuk for blok in _blok(a, laporan[a.slug], kegiatan)]

    per_sasaran: dict[str, list[_Blok]] = {s.kode: [] for s in data.sasaran}
    tanpa: list[_Blok] = []
    for blok in semua_blok:
        kode = data.tautan.get((blok.pd.slug, blok.kode or ""), "")
        per_sasaran.get(kode, tanpa).append(blok)

    baris: list[BarisE79] = []
    nomor = 0

    def tambah(b: BarisE79) -> None:
        nonlocal nomor
        if not b.lanjutan:
            nomor += 1
        baris.append(replace(b, no=None if b.lanjutan else nomor))

    kelompok = [(s, per_sasaran[s.kode]) for s in data.sasaran]
    if tanpa:
        kelompok.append((BELUM_DITAUTKAN, tanpa))
    for sasaran, daftar in kelompok:
        indikator = sasaran.indikator or (None,)
        for ke, ind in enumerate(indikator):
            tambah(
                BarisE79(
                    no=None,
                    tingkat="sasaran",
                    kode=sasaran.kode or None,
                    uraian=sasaran.uraian,
                    indikator=ind.uraian if ind else None,
                    satuan=ind.satuan if ind else None,
                    sasaran=ind,
                    lanjutan=ke > 0,
                )
            )
        urusan_kini = bidang_kini = None
        for blok in sorted(daftar, key=lambda b: (_kunci_kode(b.bidang), _kunci_kode(b.kode), b.pd.nama)):
            urai = coba_urai_kode(blok.bidang)
            kode_urusan = urai.urusan if urai is not None else LAIN
            if kode_urusan != urusan_kini:
                urusan_kini, bidang_kini = kode_urusan, None
                tambah(BarisE79(None, "urusan", urai.urusan if urai else None, nama_urusan(blok.bidang)))
            if blok.bidang != bidang_kini:
                bidang_kini = blok.bidang
                kode_bidang = blok.bidang if urai else None
                tambah(BarisE79(None, "bidang", kode_bidang, nama_bidang_lengkap(kode_bidang)))
            for b in blok.baris:
                r = b.rencana
                tambah(
                    BarisE79(
                        no=None,
                        tingkat=r.tingkat,
                        kode=r.kode,
                        uraian=r.uraian,
                        indikator=r.indikator,
                        satuan=r.satuan,
                        pd=blok.pd,
                        e81=b,
                        lanjutan=r.lanjutan,
                    )
                )

    program = [(blok.baris[0].masukan, blok.baris[0].hasil) for blok in semua_blok]
    return LaporanE79(
        data=data,
        baris=tuple(baris),
        rekap=rekap_program(program, data.triwulan, data.set_predikat),
        e81=laporan,
        teks=_teks(data),
        dengan_kegiatan=kegiatan,
        belum_ditautkan=len(tanpa),
    )
