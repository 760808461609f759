"""A quarter's K for every indicator of an agency: entered directly, or computed from the indicator's
Kertas Kerja formula, whose variables are entered and whose references name other indicators' values.

A formula indicator takes its K from the formula when the quarter has any of its variables entered, or when
the formula uses no variables at all (it only combines other indicators); otherwise the K entered directly
counts (a quarter typed before the formula existed keeps its value).

A quarter's K is a printed value (Form E.81 columns 8-11, the Kertas Kerja's result), so it is rounded half-up
to 2 decimals here, formula or entered, before another indicator's formula or column 12 uses it: row 37's
90 / 726 x 100 = 12,3967 is 12,40 from here on. The formula itself is evaluated at full precision on the
variables as entered (the Kertas Kerja prints them exactly).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from capaian.aturan.capaian import tercetak
from capaian.aturan.rumus import Rumus


class RumusMelingkar(ValueError):
    def __init__(self, jalur: list[str]) -> None:
        self.jalur = jalur
        super().__init__("Rumus indikator saling merujuk tanpa akhir: " + " → ".join(jalur))


@dataclass(frozen=True)
class DataTriwulan:
    langsung: Decimal | None = None
    variabel: Mapping[str, Decimal | None] = field(default_factory=dict)


def k_dari_rumus(rumus: Rumus | None, variabel: Mapping[str, Decimal | None]) -> bool:
    """The rule of this module: whether a quarter's K comes from the indicator's formula (it has one, and
    either uses no variables or has at least one of them entered) rather than from the value entered."""
    if rumus is None:
        return False
    return not rumus.variabel() or any(nilai is not None for nilai in variabel.values())


def nilai_k_triwulan(
    rumus: Mapping[str, Rumus | None], data: Mapping[str, DataTriwulan]
) -> dict[str, Decimal | None]:
    """K of each indicator (by key) for one quarter, as printed, resolving references in dependency order."""
    hasil: dict[str, Decimal | None] = {}
    sedang: list[str] = []

    def nilai(kunci: str) -> Decimal | None:
        if kunci in hasil:
            return hasil[kunci]
        if kunci in sedang:
            raise RumusMelingkar([*sedang[sedang.index(kunci) :], kunci])
        if kunci not in rumus:
            return None  # a reference to an unknown indicator has no value; validation reports it earlier
        sedang.append(kunci)
        r = rumus[kunci]
        d = data.get(kunci, DataTriwulan())
        if r is not None and k_dari_rumus(r, d.variabel):
            keluaran = r.hitung(d.variabel, {ref: nilai(ref) for ref in r.referensi()})
        else:
            keluaran = d.langsung
        sedang.pop()
        hasil[kunci] = tercetak(keluaran)
        return hasil[kunci]

    for kunci in rumus:
        nilai(kunci)
    return hasil
