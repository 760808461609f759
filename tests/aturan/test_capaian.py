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
    masukan_tercetak,
    persen_capaian,
    persen_rp,
    tercetak,
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
    assert hasil.capaian.k == D("50.00")
    assert hasil.predikat[0] == "Sangat Rendah"


def test_primitives_are_plain_arithmetic_the_row_rounds_as_printed() -> None:
    # Row 37 of the reference report: 90 / 726 x 100 = 12,3967 prints 12,40, and 12,40 / 13,77 x 100 = 90,05
    # (at full precision 90,03): every printed value is what the next one is computed from.
    assert (
        persen_capaian(D(90) / D(726) * 100, D("13.77"), Sifat()) == D(90) / D(726) * 100 / D("13.77") * 100
    )
    masukan = MasukanBaris(
        renstra=KRp(k=D("13.77")),
        target=KRp(k=D("13.77")),
        realisasi_tw=(KRp(D("12.40")), KRp(D(90) / D(726) * 100), KRp(), KRp()),
        sifat=Sifat(agregasi=Agregasi.TERAKHIR, akumulasi=Akumulasi.POSISI_AKHIR),
    )
    hasil = hitung_baris(masukan, 2)
    assert hasil.realisasi.k == D("12.40")
    assert hasil.capaian.k == D("90.05") and hasil.capaian_renstra.k == D("90.05")


def test_column_12_and_14_are_rounded_before_the_percentages() -> None:
    # Row 40: the mean of 19,06 and 20,69 is 19,875 and prints 19,88; col 14 = (26,80 + 19,88) / 2 = 23,34;
    # capaian (2 x 10 - 19,88) / 10 = 1,20 (from 19,875 it would be 1,25).
    masukan = MasukanBaris(
        realisasi_lalu=KRp(k=D("26.80")),
        target=KRp(k=D(10)),
        renstra=KRp(k=D(30)),
        realisasi_tw=(KRp(D("19.06")), KRp(D("20.69")), KRp(), KRp()),
        sifat=Sifat(polaritas=Polaritas.NEGATIF, agregasi=Agregasi.RATA_RATA, akumulasi=Akumulasi.RATA_RATA),
    )
    hasil = hitung_baris(masukan, 2)
    assert hasil.realisasi.k == D("19.88")
    assert hasil.capaian.k == D("1.20")
    assert hasil.realisasi_renstra.k == D("23.34")
    assert hasil.capaian_renstra.k == D("122.20")  # (60 - 23,34) / 30; from 23,3375 it would be 122,21


def test_inputs_count_as_printed() -> None:
    # A K typed with 3 decimals prints with 2, and so counts with 2: 0,125 / 0,5 is 26,00 %, not 25,00 %.
    masukan = MasukanBaris(target=KRp(k=D("0.5")), realisasi_tw=(KRp(D("0.125"), 7), KRp(), KRp(), KRp()))
    assert masukan_tercetak(masukan).realisasi_tw[0] == KRp(D("0.13"), 7)
    assert hitung_baris(masukan, 1).capaian.k == D("26.00")
    assert masukan_tercetak(masukan_tercetak(masukan)) == masukan_tercetak(masukan)
    assert (
        tercetak(None) is None and tercetak(D("1.005")) == D("1.01") and tercetak(D("-1.005")) == D("-1.01")
    )


def test_rupiah_percentage_is_rounded_rupiah_stays_whole() -> None:
    hasil = hitung_baris(MasukanBaris(target=KRp(rp=3), realisasi_tw=(KRp(rp=1), KRp(), KRp(), KRp())), 1)
    assert hasil.realisasi.rp == 1 and hasil.capaian.rp == D("33.33")


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
    for nilai in (hasil.realisasi.k, hasil.capaian.k, hasil.realisasi_renstra.k):
        assert nilai is None or nilai == nilai.quantize(D("0.01"))  # as printed
    if all(v is None for v in tw[:triwulan]):
        assert hasil.realisasi.k is None and hasil.capaian.k is None and hasil.predikat[0] is None
    else:
        assert hasil.capaian.k is not None
    assert hasil.realisasi.rp is None and hasil.capaian.rp is None  # no Rupiah entered at all
