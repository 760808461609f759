"""Form E.81 columns 12 to 15 for one indicator row, per Permendagri 86/2017 and the reference report.

Three things are kept apart everywhere: a value, "not entered" (None) and zero. A blank never becomes 0 %, and
a percentage over a blank or zero base is no value (None, printed "-"). Values are kept at full precision;
rounding happens once, when a number is shown or judged (see `angka.bulatkan`).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from capaian.aturan.predikat import BAWAAN, SetPredikat

SERATUS = Decimal(100)
NOL = Decimal(0)


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


@dataclass(frozen=True)
class HasilBaris:
    realisasi: KRp  # col 12
    capaian: Persen  # col 13
    realisasi_renstra: KRp  # col 14
    capaian_renstra: Persen  # col 15
    predikat: tuple[str | None, str | None]  # predicate of col 13 (K, Rp)
    predikat_renstra: tuple[str | None, str | None]  # predicate of col 15 (K, Rp)


def agregasikan_k(nilai: Sequence[Decimal | None], cara: Agregasi) -> Decimal | None:
    """The year's K from the quarters entered so far; None when none was entered."""
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
    """Column 14 for K. Unknown this year means unknown up to this year: no value."""
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
    """Tingkat capaian in percent at full precision, by the indicator's polarity."""
    if realisasi is None or target is None or target == 0:
        return None
    if sifat.polaritas is Polaritas.POSITIF:
        return realisasi / target * SERATUS
    if sifat.rumus_negatif is RumusNegatif.T_BAGI_R:
        return None if realisasi == 0 else target / realisasi * SERATUS
    return max((2 * target - realisasi) / target * SERATUS, NOL)


def persen_rp(realisasi: int | None, anggaran: int | None) -> Decimal | None:
    """Budget realisation in percent. Never capped: the report caps some rows at 100 %, the rules do not."""
    if realisasi is None or anggaran is None or anggaran == 0:
        return None
    return Decimal(realisasi) / Decimal(anggaran) * SERATUS


def hitung_baris(masukan: MasukanBaris, triwulan: int, set_predikat: SetPredikat = BAWAAN) -> HasilBaris:
    """Columns 12 to 15 of one row as of the end of quarter `triwulan` (1 to 4)."""
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"Triwulan harus 1 sampai 4, bukan {triwulan}.")
    sampai = masukan.realisasi_tw[:triwulan]
    sifat = masukan.sifat
    realisasi = KRp(
        k=agregasikan_k([tw.k for tw in sampai], sifat.agregasi),
        rp=jumlahkan_rp([tw.rp for tw in sampai]),
    )
    capaian = Persen(
        k=persen_capaian(realisasi.k, masukan.target.k, sifat),
        rp=persen_rp(realisasi.rp, masukan.target.rp),
    )
    renstra = KRp(
        k=akumulasikan_k(masukan.realisasi_lalu.k, realisasi.k, sifat.akumulasi),
        rp=akumulasikan_rp(masukan.realisasi_lalu.rp, realisasi.rp),
    )
    capaian_renstra = Persen(
        k=persen_capaian(renstra.k, masukan.renstra.k, sifat),
        rp=persen_rp(renstra.rp, masukan.renstra.rp),
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
