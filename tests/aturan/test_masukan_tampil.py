"""What the entry screen shows beside an input, from the rules core: how a typed number was read, and the
whole Rupiah offered for an amount typed with cents (never rounded silently)."""

from decimal import Decimal

import pytest

from capaian.aturan import masukan
from capaian.aturan.angka import AngkaError, parse_rupiah, rupiah_dibulatkan


@pytest.mark.parametrize(
    ("teks", "dibaca"),
    [
        ("1.500", "1.500"),  # a thousands group: fifteen hundred
        ("1.50", "1,5"),  # not a group of three: a decimal point
        ("1500", "1.500"),
        ("36,79", "36,79"),
        ("0.500", "0,5"),  # a leading 0 is never a thousands group
        ("1.151.384,50", "1.151.384,5"),
    ],
)
def test_dibaca_k(teks: str, dibaca: str) -> None:
    assert masukan.teks_dibaca(masukan.baca_k(teks)) == dibaca


def test_dibaca_rp_dan_kosong() -> None:
    assert masukan.teks_dibaca(masukan.baca_rp("Rp 2.500.000")) == "2.500.000"
    assert masukan.teks_dibaca(None) == ""


@pytest.mark.parametrize(
    ("teks", "bulat"),
    [
        ("1.000,50", 1001),  # half-up: a tie goes up
        ("1.000,49", 1000),
        ("1.000,5", 1001),
        ("Rp 2.585.049.200,75", 2585049201),
        ("-1.000,50", -1001),  # ties away from zero
        ("12,5", 13),
    ],
)
def test_rupiah_dibulatkan(teks: str, bulat: int) -> None:
    assert rupiah_dibulatkan(teks) == bulat
    # The amount itself stays refused: rounding is only offered.
    with pytest.raises(AngkaError, match="Rupiah harus bilangan bulat"):
        parse_rupiah(teks)


@pytest.mark.parametrize("teks", ["1.000", "1.000,00", "satu juta", "", "-", "1,2,3"])
def test_tidak_ada_yang_dibulatkan(teks: str) -> None:
    assert rupiah_dibulatkan(teks) is None
    assert masukan.usul_rp(teks) == ""


def test_usul_rp_teks_untuk_kolom() -> None:
    assert masukan.usul_rp("1.000,50") == "1.001"
    assert masukan.usul_rp("1151384000,5") == "1.151.384.001"
    # A negative amount is offered only where the indicator allows negatives; too long is never parsed.
    assert masukan.usul_rp("-1.000,50") == ""
    assert masukan.usul_rp("-1.000,50", boleh_negatif=True) == "-1.001"
    assert masukan.usul_rp("1" * 60 + ",5") == ""
    # The offered text is read back as exactly the rounded amount.
    assert masukan.baca_rp(masukan.usul_rp("999.999,5")) == 1_000_000
    assert masukan.baca_k("1,5") == Decimal("1.5")
