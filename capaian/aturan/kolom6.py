"""Column 6 of Form E.81 (Renstra realisation up to last year): an input, derived, or a correction.

For a year after the first one Capaian holds for an indicator, column 6 is the previous year's column 14
(its Renstra realisation up to that year, by the indicator's accumulation rule; Rupiah the sum of the years'
realisations), so it is never typed twice and never off by a year. A value typed for such a year is an
override only with a reason (`koreksi`); the first year's column 6 stays an input (`masukan`).
"""

from enum import StrEnum

from capaian.aturan.capaian import KRp


class SumberKolom6(StrEnum):
    MASUKAN = "masukan"  # no earlier year stored: typed
    TURUNAN = "turunan"  # the previous year's column 14
    KOREKSI = "koreksi"  # the previous year's column 14 overridden, with a reason


def kolom_6(masukan: KRp, tahun_lalu: KRp | None, koreksi: KRp | None = None) -> tuple[KRp, SumberKolom6]:
    """Column 6 and where it comes from. `tahun_lalu` is the previous year's column 14, None when that
    year is not stored (then the typed value counts and a correction means nothing). A correction replaces
    the part (K, Rp) it gives; a blank part keeps the derived one. A derived blank stays blank (a year with
    nothing entered has no column 14)."""
    if tahun_lalu is None:
        return masukan, SumberKolom6.MASUKAN
    if koreksi is None or (koreksi.k is None and koreksi.rp is None):
        return tahun_lalu, SumberKolom6.TURUNAN
    return (
        KRp(
            k=tahun_lalu.k if koreksi.k is None else koreksi.k,
            rp=tahun_lalu.rp if koreksi.rp is None else koreksi.rp,
        ),
        SumberKolom6.KOREKSI,
    )
