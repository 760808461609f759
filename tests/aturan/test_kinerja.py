"""A quarter's K from formulas, variables and references to other indicators."""

from decimal import Decimal as D

import pytest

from capaian.aturan.kinerja import DataTriwulan, RumusMelingkar, nilai_k_triwulan
from capaian.aturan.rumus import urai


def test_reference_formula_averages_other_indicators_in_dependency_order() -> None:
    # Program Penunjang TW I in the reference: (100+100+100+100+100+25)/6 = 87,5, with the last
    # kegiatan itself computed from its variables.
    rumus = {
        "P": urai("AVG([A]; [B]; [C])"),
        "A": None,
        "B": None,
        "C": urai("terpelihara / semua * 100", ["terpelihara", "semua"]),
    }
    data = {
        "A": DataTriwulan(langsung=D(100)),
        "B": DataTriwulan(langsung=D(100)),
        "C": DataTriwulan(variabel={"terpelihara": D(1), "semua": D(4)}),
    }
    hasil = nilai_k_triwulan(rumus, data)
    assert hasil["C"] == 25
    assert hasil["P"] == D(225) / 3


def test_formula_without_entered_variables_keeps_the_value_entered_directly() -> None:
    rumus = {"X": urai("a / b * 100", ["a", "b"])}
    assert nilai_k_triwulan(rumus, {"X": DataTriwulan(langsung=D("16.66"))}) == {"X": D("16.66")}
    # Once any variable is entered the formula decides; a missing one makes it blank, not zero.
    assert nilai_k_triwulan(rumus, {"X": DataTriwulan(langsung=D(7), variabel={"a": D(1)})}) == {"X": None}


def test_missing_reference_gives_no_value() -> None:
    rumus = {"P": urai("SUM([A]; [B])"), "A": None, "B": None}
    assert nilai_k_triwulan(rumus, {"A": DataTriwulan(langsung=D(1))})["P"] is None


def test_circular_references_are_reported_with_their_path() -> None:
    rumus = {"A": urai("[B] + 1"), "B": urai("[A] * 2")}
    with pytest.raises(RumusMelingkar) as info:
        nilai_k_triwulan(rumus, {})
    assert info.value.jalur == ["A", "B", "A"]
    assert "saling merujuk" in str(info.value)


def test_a_quarters_k_is_rounded_as_printed_before_anything_uses_it() -> None:
    # Row 37: 90 / 726 x 100 = 12,3967 prints 12,40. A formula over it uses the printed 12,40, and an entered
    # K with more decimals than the documents print counts as printed too.
    rumus = {
        "A": urai("dibina / lokus * 100", ["dibina", "lokus"]),
        "B": urai("[A] * 3"),
        "C": None,
        "D": urai("[C] + 0"),
    }
    data = {
        "A": DataTriwulan(variabel={"dibina": D(90), "lokus": D(726)}),
        "C": DataTriwulan(langsung=D("0.125")),
    }
    hasil = nilai_k_triwulan(rumus, data)
    assert hasil["A"] == D("12.40")
    assert hasil["B"] == D("37.20")  # 3 x 12,40, not 3 x 12,3967 = 37,19
    assert hasil["C"] == D("0.13") and hasil["D"] == D("0.13")
