"""Form E.81 columns 12-15 for one row: aggregation, polarity, accumulation; blank kept apart from zero."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capaian.aturan.capaian import (
    Agregasi,
    Akumulasi,
    KRp,
    MasukanBaris,
    Polaritas,
    RumusNegatif,
    Sifat,
    agregasikan_k,
    akumulasikan_k,
    hitung_baris,
    jumlahkan_rp,
    persen_capaian,
    persen_rp,
)

NEGATIF = Sifat(polaritas=Polaritas.NEGATIF)


@pytest.mark.parametrize(
    ("cara", "hasil"),
    [
        (Agregasi.JUMLAH, D(3)),
        (Agregasi.TERAKHIR, D(1)),
        (Agregasi.RATA_RATA, D("1.5")),
        (Agregasi.MAKSIMUM, D(2)),
        (Agregasi.MINIMUM, D(1)),
    ],
)
def test_quarters_aggregate_per_indicator_and_skip_blank_quarters(cara: Agregasi, hasil: D) -> None:
    # TW II blank (not entered): it is neither 0 in a mean nor the "last" value.
    assert agregasikan_k([D(2), None, D(1)], cara) == hasil


def test_no_quarter_entered_is_no_value_not_zero() -> None:
    for cara in Agregasi:
        assert agregasikan_k([None, None], cara) is None
    assert jumlahkan_rp([None, None]) is None
    assert jumlahkan_rp([None, 0]) == 0


def test_percentage_over_blank_or_zero_base_has_no_value() -> None:
    sifat = Sifat()
    assert persen_capaian(D(5), None, sifat) is None
    assert persen_capaian(D(5), D(0), sifat) is None
    assert persen_capaian(None, D(5), sifat) is None
    assert persen_capaian(D(0), D(5), sifat) == 0  # a real zero stays zero
    assert persen_rp(100, 0) is None
    assert persen_rp(None, 100) is None


def test_lower_is_better_uses_2t_minus_r_floored_at_zero_by_default() -> None:
    # The narrative's Program Stabilisasi Harga: (2 x 10 - 19,875) / 10 = 1,25 %.
    assert persen_capaian(D("19.875"), D(10), NEGATIF) == D("1.25")
    assert persen_capaian(D(10), D(10), NEGATIF) == 100
    assert persen_capaian(D(5), D(10), NEGATIF) == 150
    assert persen_capaian(D(25), D(10), NEGATIF) == 0  # R > 2T: floored, never negative


def test_lower_is_better_t_over_r_is_available() -> None:
    sifat = Sifat(polaritas=Polaritas.NEGATIF, rumus_negatif=RumusNegatif.T_BAGI_R)
    assert persen_capaian(D(20), D(10), sifat) == 50
    assert persen_capaian(D(0), D(10), sifat) is None


def test_renstra_accumulation_readings() -> None:
    assert akumulasikan_k(D("26.80"), D("19.875"), Akumulasi.RATA_RATA) == D("23.3375")
    assert akumulasikan_k(D(91), D(2), Akumulasi.KUMULATIF) == D(93)
    assert akumulasikan_k(D(80), D("36.79"), Akumulasi.POSISI_AKHIR) == D("36.79")
    # Unknown this year means unknown up to this year, whatever the reading.
    for cara in Akumulasi:
        assert akumulasikan_k(D(5), None, cara) is None


def test_row_uses_only_quarters_up_to_the_report_quarter() -> None:
    masukan = MasukanBaris(
        target=KRp(k=D(10), rp=1000),
        realisasi_tw=(KRp(D(1), 100), KRp(D(2), 200), KRp(D(3), 300), KRp()),
    )
    tw2 = hitung_baris(masukan, 2)
    assert tw2.realisasi == KRp(k=D(3), rp=300)
    assert tw2.capaian.k == 30
    assert tw2.capaian.rp == 30
    assert hitung_baris(masukan, 3).realisasi == KRp(k=D(6), rp=600)
    with pytest.raises(ValueError, match="Triwulan"):
        hitung_baris(masukan, 5)


def test_predicate_is_judged_on_the_rounded_value() -> None:
    # 50,004 prints as 50,00 and must be labelled as 50,00 is.
    masukan = MasukanBaris(target=KRp(k=D(100000)), realisasi_tw=(KRp(k=D("50004")), KRp(), KRp(), KRp()))
    hasil = hitung_baris(masukan, 1)
    assert hasil.capaian.k == D("50.004")
    assert hasil.predikat[0] == "Sangat Rendah"


angka = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200)
@given(r=angka, t=angka)
def test_lower_is_better_never_negative_and_100_at_target(r: D, t: D) -> None:
    nilai = persen_capaian(r, t, NEGATIF)
    if t == 0:
        assert nilai is None
    else:
        assert nilai is not None and nilai >= 0
        assert persen_capaian(t, t, NEGATIF) == 100


@settings(max_examples=200)
@given(tw=st.lists(st.one_of(st.none(), angka), min_size=4, max_size=4), triwulan=st.integers(1, 4))
def test_blank_quarters_never_turn_into_zero(tw: list[D | None], triwulan: int) -> None:
    masukan = MasukanBaris(
        target=KRp(k=D(7), rp=7),
        realisasi_tw=tuple(KRp(k=v) for v in tw),  # type: ignore[arg-type]
    )
    hasil = hitung_baris(masukan, triwulan)
    if all(v is None for v in tw[:triwulan]):
        assert hasil.realisasi.k is None and hasil.capaian.k is None and hasil.predikat[0] is None
    else:
        assert hasil.capaian.k is not None
    assert hasil.realisasi.rp is None and hasil.capaian.rp is None  # no Rupiah entered at all
