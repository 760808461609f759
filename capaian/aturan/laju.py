"""The pace of a quarter: realisation against the target expected by this quarter, and how complete the
quarter's entry is. For the verifier's board and the mayor's dashboard ("which agencies and programs are
behind?").

* The target expected by quarter n is the quarterly targets 1..n made into one value by the indicator's own
  aggregation rule (a count sums them, a position takes the last, ...), exactly as column 12 makes the
  realisations into one; Rupiah is the sum. A row without quarterly targets has no expected target (None):
  nothing is invented from the year's target.
* Capaian against it uses the indicator's polarity, like column 13 (capaian.aturan.capaian.persen_capaian).
* An agency's pace is the rekap of its programs with those expected targets in place of the year's, so it is
  averaged by the very method of Form E.81's totals (capaian.aturan.rekap).
* Completeness: of the rows with a target for the quarter (K or Rp), how many have every targeted value
  entered (K after formulas, Rp).
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import (
    SERATUS,
    HasilBaris,
    KRp,
    MasukanBaris,
    Persen,
    agregasikan_k,
    jumlahkan_rp,
    persen_capaian,
    persen_rp,
)
from capaian.aturan.predikat import BAWAAN, SetPredikat
from capaian.aturan.rekap import Rekap, _rata, rekap_program


def target_sampai(masukan: MasukanBaris, triwulan: int) -> KRp:
    """The target expected by the end of quarter `triwulan`, from the quarterly targets 1..triwulan."""
    tw = masukan.target_tw[:triwulan]
    return KRp(
        k=agregasikan_k([t.k for t in tw], masukan.sifat.agregasi), rp=jumlahkan_rp([t.rp for t in tw])
    )


def capaian_laju(masukan: MasukanBaris, hasil: HasilBaris, triwulan: int) -> Persen:
    """Column 12 against the target expected by this quarter, in percent (None where there is no base)."""
    t = target_sampai(masukan, triwulan)
    return Persen(
        k=persen_capaian(hasil.realisasi.k, t.k, masukan.sifat), rp=persen_rp(hasil.realisasi.rp, t.rp)
    )


def rekap_laju(
    program: Sequence[tuple[MasukanBaris, HasilBaris]], triwulan: int, set_predikat: SetPredikat = BAWAAN
) -> Rekap:
    """The programs' pace, averaged as Form E.81's totals are (K: mean of the programs' percentages over the
    programs with a value; Rp: sum of realisations over sum of expected budgets)."""
    diganti = []
    for m, h in program:
        m2 = replace(m, target=target_sampai(m, triwulan))
        diganti.append((m2, replace(h, capaian=capaian_laju(m, h, triwulan))))
    return rekap_program(diganti, triwulan, set_predikat)


@dataclass(frozen=True)
class Kelengkapan:
    bertarget: int  # rows with a target (K or Rp) for the quarter
    terisi: int  # of those, rows with every targeted value entered

    @property
    def persen(self) -> Decimal | None:
        return None if self.bertarget == 0 else Decimal(self.terisi) / Decimal(self.bertarget) * SERATUS


def kelengkapan(baris: Sequence[MasukanBaris], triwulan: int) -> Kelengkapan:
    """Rows with a target for quarter `triwulan` and, of them, those with its realisation entered. A row
    without any quarterly target counts with its year's target (K or Rp) instead."""
    bertarget = terisi = 0
    for m in baris:
        tw = m.target_tw[triwulan - 1]
        ada_tw = any(t.k is not None or t.rp is not None for t in m.target_tw)
        target = tw if ada_tw else m.target
        if target.k is None and target.rp is None:
            continue
        bertarget += 1
        r = m.realisasi_tw[triwulan - 1]
        if (target.k is None or r.k is not None) and (target.rp is None or r.rp is not None):
            terisi += 1
    return Kelengkapan(bertarget, terisi)


def ada_isian(baris: Sequence[MasukanBaris], triwulan: int) -> bool:
    """Whether anything at all (K or Rp) is entered for quarter `triwulan`."""
    return any(
        m.realisasi_tw[triwulan - 1].k is not None or m.realisasi_tw[triwulan - 1].rp is not None
        for m in baris
    )


def rata_capaian(nilai: Sequence[Decimal | None]) -> Decimal | None:
    """The mean of percentages over those that have a value: the rekap's K method (capaian.aturan.rekap),
    for averaging programs gathered from several agencies' summaries."""
    return _rata(nilai)


def rasio_rp(realisasi: Sequence[int | None], target: Sequence[int | None]) -> Decimal | None:
    """Sum of realisations over sum of targets, in percent: the rekap's Rp method."""
    return persen_rp(jumlahkan_rp(realisasi), jumlahkan_rp(target))


def selisih(kini: Decimal | None, lalu: Decimal | None) -> Decimal | None:
    """The change between two percentages, in percentage points; None when either is unknown."""
    return None if kini is None or lalu is None else kini - lalu


def tertinggal(persen: Decimal | None) -> bool:
    """Behind the pace: below 100 % of the target expected by this quarter (as printed, 2 decimals)."""
    return persen is not None and bulatkan(persen, 2) < SERATUS


def harapan(masukan: MasukanBaris, triwulan: int) -> Persen:
    """The capaian against the year's target (column 13's measure) that a row on schedule shows at the end of
    quarter `triwulan`: the target expected by then against the year's target, by the indicator's polarity.
    The charts' "expected by this quarter" mark; None where there are no quarterly targets."""
    t = target_sampai(masukan, triwulan)
    return Persen(
        k=persen_capaian(t.k, masukan.target.k, masukan.sifat), rp=persen_rp(t.rp, masukan.target.rp)
    )
