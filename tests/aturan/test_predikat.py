"""Predicate bands: data with an explicit boundary rule, judged on the value rounded to 2 decimals."""

from decimal import Decimal as D

import pytest

from capaian.aturan.predikat import (
    BAWAAN,
    PERMENDAGRI_86_ATAS,
    PERMENDAGRI_86_BAWAH,
    AturanBatas,
    SetPredikat,
    SetPredikatError,
    cari,
)


@pytest.mark.parametrize(
    ("nilai", "atas", "bawah"),
    [
        ("0", "Sangat Rendah", "Sangat Rendah"),
        ("50", "Sangat Rendah", "Sangat Rendah"),
        ("50.01", "Rendah", "Sangat Rendah"),
        ("51", "Rendah", "Rendah"),
        ("65", "Rendah", "Rendah"),
        # The report's own totals: 65,08 Sedang and 75,27 Tinggi only under the upper-inclusive reading.
        ("65.08", "Sedang", "Rendah"),
        ("75.27", "Tinggi", "Sedang"),
        ("90", "Tinggi", "Tinggi"),
        ("90.5", "Sangat Tinggi", "Tinggi"),
        ("91", "Sangat Tinggi", "Sangat Tinggi"),
        ("198.75", "Sangat Tinggi", "Sangat Tinggi"),
        ("41.33", "Sangat Rendah", "Sangat Rendah"),
    ],
)
def test_both_readings_of_the_scale(nilai: str, atas: str, bawah: str) -> None:
    assert PERMENDAGRI_86_ATAS.predikat(D(nilai)) == atas
    assert PERMENDAGRI_86_BAWAH.predikat(D(nilai)) == bawah


def test_default_is_the_reading_of_the_reference_report() -> None:
    assert BAWAAN is PERMENDAGRI_86_ATAS
    assert BAWAAN.aturan is AturanBatas.ATAS_INKLUSIF


def test_value_is_rounded_half_up_before_judging() -> None:
    # 50,004 is printed 50,00: Sangat Rendah. 50,005 is printed 50,01: Rendah.
    assert BAWAAN.predikat(D("50.004")) == "Sangat Rendah"
    assert BAWAAN.predikat(D("50.005")) == "Rendah"


def test_blank_has_no_predicate() -> None:
    assert BAWAAN.predikat(None) is None


def test_band_sets_are_validated_and_found_by_code() -> None:
    assert cari("permendagri86-bawah-inklusif") is PERMENDAGRI_86_BAWAH
    with pytest.raises(SetPredikatError):
        cari("tidak-ada")
    with pytest.raises(SetPredikatError):
        SetPredikat("x", 1, "x", AturanBatas.ATAS_INKLUSIF, (D(50),), ("a",))
    with pytest.raises(SetPredikatError):
        SetPredikat("x", 1, "x", AturanBatas.ATAS_INKLUSIF, (D(60), D(50)), ("a", "b", "c"))
    tiga = SetPredikat("tiga", 2, "Tiga tingkat", AturanBatas.BAWAH_INKLUSIF, (D(60), D(80)), ("K", "C", "B"))
    assert [tiga.predikat(D(x)) for x in ("59.99", "60", "80")] == ["K", "C", "B"]
    assert BAWAAN.uraian_batas()[0] == "x ≤ 50: Sangat Rendah"
