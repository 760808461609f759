"""The rows below Form E.81: Jumlah, Total Rata-Rata Capaian and Predikat Kinerja, over the programs.

The reference report averages K as the plain mean of the programs' percentages and Rp as the total
realisation over the total budget (41,33 % = 8.290.261.639 / 20.057.264.366). That is the default; the method
used is recorded with the result so that a document can say how its totals were made.

Round as printed (see `capaian`): the means are taken over the programs' printed (rounded) percentages and
are themselves rounded to the 2 decimals they are printed with.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from capaian.aturan.capaian import HasilBaris, MasukanBaris, Persen, jumlahkan_rp, persen_rp, tercetak
from capaian.aturan.predikat import BAWAAN, SetPredikat


class MetodeRata(StrEnum):
    RATA_RATA_PROGRAM = "rata-rata-program"  # mean of the programs' percentages
    RASIO_JUMLAH = "rasio-jumlah"  # sum of realisations / sum of targets


URAIAN_METODE = {
    MetodeRata.RATA_RATA_PROGRAM: "rata-rata persentase capaian program",
    MetodeRata.RASIO_JUMLAH: "jumlah realisasi dibagi jumlah target seluruh program",
}


@dataclass(frozen=True)
class Rekap:
    jumlah_renstra_rp: int | None  # col 5
    jumlah_target_rp: int | None  # col 7
    jumlah_realisasi_tw_rp: tuple[int | None, ...]  # cols 8-11, one per quarter shown
    jumlah_realisasi_rp: int | None  # col 12
    jumlah_realisasi_renstra_rp: int | None  # col 14
    rata_capaian: Persen  # col 13
    rata_capaian_renstra: Persen  # col 15
    predikat: tuple[str | None, str | None]
    predikat_renstra: tuple[str | None, str | None]
    metode_k: MetodeRata
    metode_rp: MetodeRata
    jumlah_program: int
    program_tanpa_capaian_k: int  # programs whose col 13 K has no value, left out of the mean

    def uraian_metode(self) -> str:
        teks = f"K: {URAIAN_METODE[self.metode_k]}; Rp: {URAIAN_METODE[self.metode_rp]}"
        if self.program_tanpa_capaian_k:
            teks += (
                f"; {self.program_tanpa_capaian_k} dari {self.jumlah_program} program belum memiliki "
                "capaian kinerja dan tidak ikut dirata-rata"
            )
        return teks


def _rata(nilai: Sequence[Decimal | None]) -> Decimal | None:
    """The mean of the printed percentages that have a value, as printed."""
    ada = [n for n in (tercetak(x) for x in nilai) if n is not None]
    return tercetak(sum(ada, Decimal(0)) / len(ada)) if ada else None


def _rasio(realisasi: Sequence[int | None], target: Sequence[int | None]) -> Decimal | None:
    return tercetak(persen_rp(jumlahkan_rp(realisasi), jumlahkan_rp(target)))


def rekap_program(
    program: Sequence[tuple[MasukanBaris, HasilBaris]],
    triwulan: int,
    set_predikat: SetPredikat = BAWAAN,
    metode_rp: MetodeRata = MetodeRata.RASIO_JUMLAH,
) -> Rekap:
    """Totals over the program rows (one row per program: its first indicator carries the budget)."""
    masukan = [m for m, _ in program]
    hasil = [h for _, h in program]

    def rata_rp(
        persen: Sequence[Decimal | None], realisasi: Sequence[int | None], target: Sequence[int | None]
    ) -> Decimal | None:
        if metode_rp is MetodeRata.RASIO_JUMLAH:
            return _rasio(realisasi, target)
        return _rata(persen)

    rata13 = Persen(
        k=_rata([h.capaian.k for h in hasil]),
        rp=rata_rp(
            [h.capaian.rp for h in hasil], [h.realisasi.rp for h in hasil], [m.target.rp for m in masukan]
        ),
    )
    rata15 = Persen(
        k=_rata([h.capaian_renstra.k for h in hasil]),
        rp=rata_rp(
            [h.capaian_renstra.rp for h in hasil],
            [h.realisasi_renstra.rp for h in hasil],
            [m.renstra.rp for m in masukan],
        ),
    )
    return Rekap(
        jumlah_renstra_rp=jumlahkan_rp([m.renstra.rp for m in masukan]),
        jumlah_target_rp=jumlahkan_rp([m.target.rp for m in masukan]),
        jumlah_realisasi_tw_rp=tuple(
            jumlahkan_rp([m.realisasi_tw[i].rp for m in masukan]) for i in range(triwulan)
        ),
        jumlah_realisasi_rp=jumlahkan_rp([h.realisasi.rp for h in hasil]),
        jumlah_realisasi_renstra_rp=jumlahkan_rp([h.realisasi_renstra.rp for h in hasil]),
        rata_capaian=rata13,
        rata_capaian_renstra=rata15,
        predikat=(set_predikat.predikat(rata13.k), set_predikat.predikat(rata13.rp)),
        predikat_renstra=(set_predikat.predikat(rata15.k), set_predikat.predikat(rata15.rp)),
        # K of different units cannot be summed, so the mean of percentages is the only method for K.
        metode_k=MetodeRata.RATA_RATA_PROGRAM,
        metode_rp=metode_rp,
        jumlah_program=len(program),
        program_tanpa_capaian_k=sum(1 for h in hasil if h.capaian.k is None),
    )
