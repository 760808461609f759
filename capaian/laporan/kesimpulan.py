"""Kesimpulan Evaluasi terhadap Hasil RKPD (the East Java format): per program its capaian and serapan.

Decision on a program's "rata-rata capaian": the reference report is inconsistent (its Kesimpulan copies the
agency-wide averages, 43 % and 36 %, into the first program's row and leaves other programs blank). Here a
program's "Rata-rata Capaian Kinerja" is the program's own Form E.81 column 13 K (its outcome indicator's
tingkat capaian, already aggregated over the quarters by the indicator's rule), and its "Rata-rata Realisasi
Anggaran" is its own column 13 Rp (realisation up to the quarter / the year's budget). Both are therefore the
very numbers printed in Form E.81 and in the Narasi, and the predicates are the ones Form E.81 gives. The
agency-wide averages (Form E.81's "Total Rata-Rata" row, with its recorded method) close the table.

Faktor penghambat and pendukung are the programs' own (the quarter's texts kept per program,
capaian.monev.models.CatatanCakupan): each program row shows its own, "-" where it has none, as the reference
does. Data with no text kept per program (kept before there were any) shows the agency's factors once for
the agency (`per_program` False: the renderers merge those cells over the program rows), rather than
guessing which program they belong to. A program without capaian kinerja says so in its Keterangan, with the
operator's "belum ada data" reason where its row carries one; how the averages were made is a note under the
table.
"""

from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.rekap import Rekap
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81, baris_program
from capaian.laporan.umum import baris_teks, romawi


@dataclass(frozen=True)
class BarisKesimpulan:
    no: int
    kode: str | None
    program: str
    capaian: Decimal | None  # Form E.81 col 13 K of the program
    predikat_capaian: str | None
    serapan: Decimal | None  # Form E.81 col 13 Rp of the program
    predikat_serapan: str | None
    faktor_penghambat: tuple[str, ...] = ()  # the program's own texts, one item each
    faktor_pendukung: tuple[str, ...] = ()
    keterangan: tuple[str, ...] = ()


@dataclass(frozen=True)
class LaporanKesimpulan:
    data: DataLaporan
    baris: tuple[BarisKesimpulan, ...]
    rekap: Rekap  # the agency-wide averages of Form E.81
    faktor_penghambat: tuple[str, ...]  # the agency's own (shown only when not per_program)
    faktor_pendukung: tuple[str, ...]
    keterangan: str  # how the averages were made
    per_program: bool = False  # some program has factors of its own: every row shows its own


def _keterangan(b: BarisE81, triwulan: int) -> tuple[str, ...]:
    if b.hasil.capaian.k is not None:
        return ()
    alasan = b.rencana.belum_ada_data[triwulan - 1]
    tambahan = f": {alasan}" if alasan else "."
    return (f"Belum memiliki capaian kinerja s.d. Triwulan {romawi(triwulan)}{tambahan}",)


def bangun_kesimpulan(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanKesimpulan:
    laporan = e81 if e81 is not None else bangun_e81(data)
    teks = {t.kode: t for t in data.teks_program}

    def butir(kode: str | None, nama: str) -> tuple[str, ...]:
        t = teks.get(kode or "")
        return tuple(baris_teks(getattr(t, nama))) if t is not None else ()

    baris = tuple(
        BarisKesimpulan(
            no=no,
            kode=b.rencana.kode,
            program=b.rencana.uraian,
            capaian=b.hasil.capaian.k,
            predikat_capaian=b.hasil.predikat[0],
            serapan=b.hasil.capaian.rp,
            predikat_serapan=b.hasil.predikat[1],
            faktor_penghambat=butir(b.rencana.kode, "faktor_penghambat"),
            faktor_pendukung=butir(b.rencana.kode, "faktor_pendorong"),
            keterangan=_keterangan(b, data.triwulan),
        )
        for no, b in enumerate(baris_program(laporan), start=1)
    )
    return LaporanKesimpulan(
        data=data,
        baris=baris,
        rekap=laporan.rekap,
        faktor_penghambat=tuple(baris_teks(data.faktor_penghambat)),
        faktor_pendukung=tuple(baris_teks(data.faktor_pendorong)),
        keterangan=(
            "Capaian dan realisasi anggaran per program = kolom 13 Form E.81 program tersebut. "
            f"Rata-rata perangkat daerah: {laporan.rekap.uraian_metode()}."
        ),
        per_program=any(b.faktor_penghambat or b.faktor_pendukung for b in baris),
    )


def _daftar(butir: tuple[str, ...]) -> str:
    return "\n".join(f"- {t}" for t in butir) or "-"


def teks_baris(laporan: LaporanKesimpulan, b: BarisKesimpulan) -> tuple[str, str, str]:
    """Faktor Penghambat, Faktor Pendukung and Keterangan of a program row as every renderer prints them.

    Per program: the row's own ("-" where none). Otherwise the agency's, on the first row (the renderers
    merge the cells over the program rows, `gabung`), with the averages' method in Keterangan."""
    if laporan.per_program:
        return (
            _daftar(b.faktor_penghambat),
            _daftar(b.faktor_pendukung),
            "\n".join(b.keterangan) or "-",
        )
    if b.no != 1:
        return ("", "", "")
    return (_daftar(laporan.faktor_penghambat), _daftar(laporan.faktor_pendukung), laporan.keterangan)


def gabung(laporan: LaporanKesimpulan) -> bool:
    """Whether the text columns are one cell over all program rows (the agency's texts)."""
    return not laporan.per_program and len(laporan.baris) > 1


def catatan_bawah(laporan: LaporanKesimpulan) -> str:
    """The note under the table: the averages' method, when Keterangan holds the programs' own notes."""
    return f"Keterangan: {laporan.keterangan}" if laporan.per_program else ""
