"""Form E.81 columns 12 to 15 for one indicator row, per Permendagri 86/2017 and the reference report.

Three things are kept apart everywhere: a value, "not entered" (None) and zero. A blank never becomes 0 %, and
a percentage over a blank or zero base is no value (None, printed "-").

Round as printed: every K and percentage that Form E.81 prints is rounded half-up to the 2 decimals it is
printed with (`tercetak`) before anything is computed from it, so that each printed result is its formula
applied to the printed inputs (12,40 / 13,77 x 100 = 90,05), as a verifier with a calculator checks it.
`hitung_baris` does this for one row: its inputs (K of columns 5, 6, 7 and of the quarters), column 12 K,
column 13, column 14 K and column 15 are each rounded where they are made. The primitives below it
(`agregasikan_k`, `akumulasikan_k`, `persen_capaian`, `persen_rp`) are plain arithmetic at full precision:
the sheet checker (`periksa`) uses them to find which reading explains a hand-made sheet.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from capaian.aturan.angka import bulatkan
from capaian.aturan.predikat import BAWAAN, SetPredikat

SERATUS = Decimal(100)
NOL = Decimal(0)
# Form E.81 prints K and percentages with 2 decimals; Rupiah is whole and needs no rounding.
TEMPAT_CETAK = 2


def tercetak(nilai: Decimal | None) -> Decimal | None:
    """A K or a percentage as the documents print it, half-up to 2 decimals; the value every later step
    computes from. None (no value) stays None."""
    return None if nilai is None else bulatkan(nilai, TEMPAT_CETAK)


class Polaritas(StrEnum):
    POSITIF = "positif"  # higher is better
    NEGATIF = "negatif"  # lower is better, e.g. price fluctuation


class RumusNegatif(StrEnum):
    # (2T - R) / T x 100: 100 % at target, falling as R rises above T, floored at 0 (default).
    DUA_T_KURANG_R = "2t-r"
    # T / R x 100: also used in SAKIP practice.
    T_BAGI_R = "t/r"


class Agregasi(StrEnum):
    """How the quarters' K make the year's K (column 12).

    The regulation gives no rule, and the unit alone does not decide it: it is a property of each indicator.
    """

    JUMLAH = "jumlah"  # counts delivered in the quarter
    TERAKHIR = "terakhir"  # the position at the end of the period
    RATA_RATA = "rata-rata"  # e.g. people paid per month, price fluctuation
    MAKSIMUM = "maksimum"
    MINIMUM = "minimum"


class Akumulasi(StrEnum):
    """How column 14 (Renstra realisation up to this year) is made from column 6 and column 12."""

    KUMULATIF = "kumulatif"  # 6 + 12, the header's own formula, right for counts
    POSISI_AKHIR = "posisi-akhir"  # this year's value: a percentage position
    RATA_RATA = "rata-rata"  # mean of the years: (6 + 12) / 2


URAIAN_RUMUS_NEGATIF = {
    RumusNegatif.DUA_T_KURANG_R: "(2T − R) / T × 100, minimal 0",
    RumusNegatif.T_BAGI_R: "T / R × 100",
}


@dataclass(frozen=True)
class Sifat:
    """The per-indicator attributes that decide how its numbers are computed."""

    polaritas: Polaritas = Polaritas.POSITIF
    rumus_negatif: RumusNegatif = RumusNegatif.DUA_T_KURANG_R
    agregasi: Agregasi = Agregasi.JUMLAH
    akumulasi: Akumulasi = Akumulasi.KUMULATIF

    def uraian_capaian(self) -> str:
        if self.polaritas is Polaritas.NEGATIF:
            return URAIAN_RUMUS_NEGATIF[self.rumus_negatif]
        return "R / T × 100"


@dataclass(frozen=True)
class KRp:
    """A K value (Decimal) and a Rupiah amount (whole int); either may be None (not entered / no target)."""

    k: Decimal | None = None
    rp: int | None = None


@dataclass(frozen=True)
class Persen:
    """A pair of percentages at full precision; None where there is no value."""

    k: Decimal | None = None
    rp: Decimal | None = None


@dataclass(frozen=True)
class MasukanBaris:
    """The inputs of one indicator row of Form E.81 (columns 5 to 11)."""

    sifat: Sifat = field(default_factory=Sifat)
    renstra: KRp = field(default_factory=KRp)  # col 5: Renstra target at the end of the period
    realisasi_lalu: KRp = field(default_factory=KRp)  # col 6: Renstra realisation up to last year
    target: KRp = field(default_factory=KRp)  # col 7: this year's Renja target
    target_tw: tuple[KRp, KRp, KRp, KRp] = (KRp(), KRp(), KRp(), KRp())  # quarterly targets
    realisasi_tw: tuple[KRp, KRp, KRp, KRp] = (KRp(), KRp(), KRp(), KRp())  # cols 8-11


def _krp_tercetak(nilai: KRp) -> KRp:
    return nilai if nilai.k is None else KRp(k=tercetak(nilai.k), rp=nilai.rp)


def masukan_tercetak(masukan: MasukanBaris) -> MasukanBaris:
    """The row's inputs as printed: every K rounded to 2 decimals (a K typed as 0,125 prints, and so counts,
    as 0,13); Rupiah unchanged. Idempotent."""
    tw = masukan.target_tw
    rtw = masukan.realisasi_tw
    return MasukanBaris(
        sifat=masukan.sifat,
        renstra=_krp_tercetak(masukan.renstra),
        realisasi_lalu=_krp_tercetak(masukan.realisasi_lalu),
        target=_krp_tercetak(masukan.target),
        target_tw=(_krp_tercetak(tw[0]), _krp_tercetak(tw[1]), _krp_tercetak(tw[2]), _krp_tercetak(tw[3])),
        realisasi_tw=(
            _krp_tercetak(rtw[0]),
            _krp_tercetak(rtw[1]),
            _krp_tercetak(rtw[2]),
            _krp_tercetak(rtw[3]),
        ),
    )


@dataclass(frozen=True)
class HasilBaris:
    """Columns 12 to 15, each K and percentage already rounded as printed."""

    realisasi: KRp  # col 12
    capaian: Persen  # col 13
    realisasi_renstra: KRp  # col 14
    capaian_renstra: Persen  # col 15
    predikat: tuple[str | None, str | None]  # predicate of col 13 (K, Rp)
    predikat_renstra: tuple[str | None, str | None]  # predicate of col 15 (K, Rp)


def agregasikan_k(nilai: Sequence[Decimal | None], cara: Agregasi) -> Decimal | None:
    """The year's K from the quarters entered so far, unrounded; None when none was entered."""
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    match cara:
        case Agregasi.JUMLAH:
            return sum(ada, NOL)
        case Agregasi.TERAKHIR:
            return ada[-1]
        case Agregasi.RATA_RATA:
            return sum(ada, NOL) / len(ada)
        case Agregasi.MAKSIMUM:
            return max(ada)
        case Agregasi.MINIMUM:
            return min(ada)


def jumlahkan_rp(nilai: Sequence[int | None]) -> int | None:
    """Rupiah is always the sum of the quarters entered; None when none was entered."""
    ada = [n for n in nilai if n is not None]
    return sum(ada) if ada else None


def akumulasikan_k(lalu: Decimal | None, tahun_ini: Decimal | None, cara: Akumulasi) -> Decimal | None:
    """Column 14 for K, unrounded. Unknown this year means unknown up to this year: no value."""
    if tahun_ini is None:
        return None
    match cara:
        case Akumulasi.POSISI_AKHIR:
            return tahun_ini
        case Akumulasi.KUMULATIF:
            return None if lalu is None else lalu + tahun_ini
        case Akumulasi.RATA_RATA:
            return tahun_ini if lalu is None else (lalu + tahun_ini) / 2


def akumulasikan_rp(lalu: int | None, tahun_ini: int | None) -> int | None:
    if tahun_ini is None:
        return None
    return tahun_ini + (lalu or 0)


def persen_capaian(realisasi: Decimal | None, target: Decimal | None, sifat: Sifat) -> Decimal | None:
    """Tingkat capaian in percent at full precision (unrounded), by the indicator's polarity."""
    if realisasi is None or target is None or target == 0:
        return None
    if sifat.polaritas is Polaritas.POSITIF:
        return realisasi / target * SERATUS
    if sifat.rumus_negatif is RumusNegatif.T_BAGI_R:
        return None if realisasi == 0 else target / realisasi * SERATUS
    return max((2 * target - realisasi) / target * SERATUS, NOL)


def persen_rp(realisasi: int | None, anggaran: int | None) -> Decimal | None:
    """Budget realisation in percent, unrounded. Never capped: the report caps some rows at 100 %, the rules
    do not."""
    if realisasi is None or anggaran is None or anggaran == 0:
        return None
    return Decimal(realisasi) / Decimal(anggaran) * SERATUS


def hitung_baris(masukan: MasukanBaris, triwulan: int, set_predikat: SetPredikat = BAWAAN) -> HasilBaris:
    """Columns 12 to 15 of one row as of the end of quarter `triwulan` (1 to 4), rounded as printed: each
    value is computed from the printed (rounded) values before it."""
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"Triwulan harus 1 sampai 4, bukan {triwulan}.")
    m = masukan_tercetak(masukan)
    sampai = m.realisasi_tw[:triwulan]
    sifat = m.sifat
    realisasi = KRp(
        k=tercetak(agregasikan_k([tw.k for tw in sampai], sifat.agregasi)),
        rp=jumlahkan_rp([tw.rp for tw in sampai]),
    )
    capaian = Persen(
        k=tercetak(persen_capaian(realisasi.k, m.target.k, sifat)),
        rp=tercetak(persen_rp(realisasi.rp, m.target.rp)),
    )
    renstra = KRp(
        k=tercetak(akumulasikan_k(m.realisasi_lalu.k, realisasi.k, sifat.akumulasi)),
        rp=akumulasikan_rp(m.realisasi_lalu.rp, realisasi.rp),
    )
    capaian_renstra = Persen(
        k=tercetak(persen_capaian(renstra.k, m.renstra.k, sifat)),
        rp=tercetak(persen_rp(renstra.rp, m.renstra.rp)),
    )
    return HasilBaris(
        realisasi=realisasi,
        capaian=capaian,
        realisasi_renstra=renstra,
        capaian_renstra=capaian_renstra,
        predikat=(set_predikat.predikat(capaian.k), set_predikat.predikat(capaian.rp)),
        predikat_renstra=(
            set_predikat.predikat(capaian_renstra.k),
            set_predikat.predikat(capaian_renstra.rp),
        ),
    )
