"""Target versions: the murni targets (the budget as first enacted) and the perubahan ones (the APBD
Perubahan), which count from their effective quarter on. Quarters before it report against murni and so
never change when a Perubahan is made; a perubahan part left blank keeps the murni value.
"""

from enum import StrEnum

from capaian.aturan.capaian import KRp


class VersiTarget(StrEnum):
    MURNI = "murni"
    PERUBAHAN = "perubahan"


def versi_berlaku(triwulan: int, berlaku_triwulan: int | None) -> VersiTarget:
    """The version a report of quarter `triwulan` uses: perubahan from its effective quarter on."""
    if berlaku_triwulan is not None and triwulan >= berlaku_triwulan:
        return VersiTarget.PERUBAHAN
    return VersiTarget.MURNI


def terapkan(murni: KRp, perubahan: KRp | None) -> KRp:
    """A target as revised: each part (K, Rp) the perubahan gives replaces the murni one."""
    if perubahan is None:
        return murni
    return KRp(
        k=murni.k if perubahan.k is None else perubahan.k,
        rp=murni.rp if perubahan.rp is None else perubahan.rp,
    )


def triwulan_berubah(bagian: str, berlaku_triwulan: int) -> bool:
    """Whether a quarterly target part ("1".."4") may have a perubahan value: only from the effective
    quarter on (an earlier quarter's target is what it was reported against)."""
    return not bagian.isdigit() or int(bagian) >= berlaku_triwulan


def selisih(murni: KRp, perubahan: KRp) -> KRp:
    """Perubahan minus murni per part; no value where either side has none."""
    return KRp(
        k=None if murni.k is None or perubahan.k is None else perubahan.k - murni.k,
        rp=None if murni.rp is None or perubahan.rp is None else perubahan.rp - murni.rp,
    )
