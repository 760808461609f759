"""Kesimpulan Evaluasi terhadap Hasil RKPD (the East Java format): per program its capaian and serapan.

Decision on a program's "rata-rata capaian": the reference report is inconsistent (its Kesimpulan copies the
agency-wide averages, 43 % and 36 %, into the first program's row and leaves other programs blank). Here a
program's "Rata-rata Capaian Kinerja" is the program's own Form E.81 column 13 K (its outcome indicator's
tingkat capaian, already aggregated over the quarters by the indicator's rule), and its "Rata-rata Realisasi
Anggaran" is its own column 13 Rp (realisation up to the quarter / the year's budget). Both are therefore the
very numbers printed in Form E.81 and in the Narasi, and the predicates are the ones Form E.81 gives. The
agency-wide averages (Form E.81's "Total Rata-Rata" row, with its recorded method) close the table.

Faktor penghambat and pendukung are entered per agency and quarter, not per program, so they are shown once
for the agency (the renderers merge those cells over the program rows) rather than guessed per program.
"""

from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.rekap import Rekap
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81, baris_program
from capaian.laporan.umum import baris_teks


@dataclass(frozen=True)
class BarisKesimpulan:
    no: int
    kode: str | None
    program: str
    capaian: Decimal | None  # Form E.81 col 13 K of the program
    predikat_capaian: str | None
    serapan: Decimal | None  # Form E.81 col 13 Rp of the program
    predikat_serapan: str | None


@dataclass(frozen=True)
class LaporanKesimpulan:
    data: DataLaporan
    baris: tuple[BarisKesimpulan, ...]
    rekap: Rekap  # the agency-wide averages of Form E.81
    faktor_penghambat: tuple[str, ...]
    faktor_pendukung: tuple[str, ...]
    keterangan: str  # how the averages were made


def bangun_kesimpulan(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanKesimpulan:
    laporan = e81 if e81 is not None else bangun_e81(data)
    baris = tuple(
        BarisKesimpulan(
            no=no,
            kode=b.rencana.kode,
            program=b.rencana.uraian,
            capaian=b.hasil.capaian.k,
            predikat_capaian=b.hasil.predikat[0],
            serapan=b.hasil.capaian.rp,
            predikat_serapan=b.hasil.predikat[1],
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
    )
