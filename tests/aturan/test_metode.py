"""The method code that exported workbooks carry per row: written by one function, read back by another."""

import itertools

import pytest

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, RumusNegatif, Sifat
from capaian.aturan.metode import (
    KEPALA_LEMBAR,
    MetodeError,
    baca_kode_metode,
    baris_lembar,
    kode_metode,
    uraian_metode,
)

SEMUA = [
    Sifat(polaritas=p, rumus_negatif=r, agregasi=a, akumulasi=k)
    for p, r, a, k in itertools.product(Polaritas, RumusNegatif, Agregasi, Akumulasi)
    # A positive indicator has no lower-is-better formula to carry: the default stands for it.
    if p is Polaritas.NEGATIF or r is RumusNegatif.DUA_T_KURANG_R
]


def test_kode_baris_40() -> None:
    # Row 40 of the reference: price fluctuation, lower is better, the mean of the quarters.
    sifat = Sifat(Polaritas.NEGATIF, RumusNegatif.DUA_T_KURANG_R, Agregasi.RATA_RATA, Akumulasi.RATA_RATA)
    assert kode_metode(sifat) == "negatif:2t-r; agregasi:rata-rata; akumulasi:rata-rata"
    assert kode_metode(Sifat()) == "positif; agregasi:jumlah; akumulasi:kumulatif"


@pytest.mark.parametrize("sifat", SEMUA, ids=kode_metode)
def test_setiap_metode_bolak_balik(sifat: Sifat) -> None:
    assert baca_kode_metode(kode_metode(sifat)) == sifat


def test_dibaca_longgar_spasi_dan_huruf() -> None:
    assert baca_kode_metode("  NEGATIF : t/r ;Agregasi: terakhir;  akumulasi :posisi-akhir ; ") == Sifat(
        Polaritas.NEGATIF, RumusNegatif.T_BAGI_R, Agregasi.TERAKHIR, Akumulasi.POSISI_AKHIR
    )


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("", "kosong"),
        ("netral; agregasi:jumlah; akumulasi:kumulatif", "diawali 'positif' atau 'negatif"),
        ("positif:2t-r; agregasi:jumlah; akumulasi:kumulatif", "diawali 'positif'"),
        (
            "negatif:2r-t; agregasi:jumlah; akumulasi:kumulatif",
            "Rumus polaritas negatif '2r-t' tidak dikenal",
        ),
        ("positif; agregasi:median; akumulasi:kumulatif", "Agregasi 'median' tidak dikenal"),
        ("positif; agregasi:jumlah", "harus menyebut agregasi dan akumulasi"),
        ("positif; agregasi:jumlah; agregasi:terakhir; akumulasi:kumulatif", "berulang"),
        ("positif; bobot:2; agregasi:jumlah; akumulasi:kumulatif", "tidak dikenal"),
    ],
)
def test_kode_rusak_pesan_jelas(teks: str, pesan: str) -> None:
    with pytest.raises(MetodeError, match=pesan):
        baca_kode_metode(teks)


def test_baris_lembar_mengikuti_kepala() -> None:
    sifat = Sifat(polaritas=Polaritas.NEGATIF, agregasi=Agregasi.RATA_RATA)
    isi = baris_lembar("Form E.81", 49, 40, "3.30.04", "Fluktuasi harga", sifat)
    assert dict(zip(KEPALA_LEMBAR, isi, strict=True)) == {
        "Lembar": "Form E.81",
        "Baris": 49,
        "No": 40,
        "Kode Rekening": "3.30.04",
        "Indikator": "Fluktuasi harga",
        "Metode": "negatif:2t-r; agregasi:rata-rata; akumulasi:kumulatif",
        "Keterangan": uraian_metode(sifat),
    }
    assert "makin kecil makin baik" in uraian_metode(sifat) and "(2T − R) / T × 100" in uraian_metode(sifat)
