import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capaian.aturan.angka import (
    DUA_DESIMAL,
    AngkaError,
    bulatkan,
    format_angka,
    format_persen,
    format_rupiah,
    format_rupiah_surat,
    format_satuan,
    format_tanggal,
    parse_angka,
    parse_rupiah,
    satuan_persen,
    satuan_rupiah,
    tempat_satuan,
    terbilang,
    terbilang_rupiah,
)

# --- rounding -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        # Cases where half-even would give a different answer: they pin the Excel (half-up) rule.
        ("0.125", "0.13"),
        ("2.675", "2.68"),
        ("0.005", "0.01"),
        ("233.365", "233.37"),
        ("-1.005", "-1.01"),  # ties go away from zero, as Excel's ROUND
        ("-0.125", "-0.13"),
        # Figures of the reference report.
        ("19.875", "19.88"),
        ("233.375", "233.38"),
        ("36.794", "36.79"),
        ("4000", "4000.00"),
    ],
)
def test_bulatkan_setengah_ke_atas(masuk: str, keluar: str) -> None:
    hasil = bulatkan(Decimal(masuk))
    assert hasil == Decimal(keluar)
    assert str(hasil) == keluar  # exactly two places, so a printed value never shows a third


def test_bulatkan_berbeda_dari_round_bawaan() -> None:
    # The reason this module exists: Python rounds ties to even.
    assert round(Decimal("0.125"), 2) == Decimal("0.12")
    assert bulatkan(Decimal("0.125")) == Decimal("0.13")


def test_bulatkan_tempat_lain() -> None:
    assert bulatkan(Decimal("2.5"), 0) == Decimal("3")
    assert bulatkan(Decimal("-2.5"), 0) == Decimal("-3")
    assert bulatkan(Decimal("1.0005"), 3) == Decimal("1.001")
    assert bulatkan(Decimal("12345678901234567890123456789.125")) == Decimal(
        "12345678901234567890123456789.13"
    )
    assert Decimal("0.01") == DUA_DESIMAL


def test_bulatkan_menolak_nan() -> None:
    with pytest.raises(AngkaError):
        bulatkan(Decimal("NaN"))


# --- formatting -----------------------------------------------------------------------------------------


def test_angka_laporan_acuan() -> None:
    assert format_rupiah(20057264366) == "20.057.264.366"
    assert format_rupiah(1151384000) == "1.151.384.000"
    assert format_persen(Decimal("41.33")) == "41,33%"
    assert format_rupiah_surat(2585049200) == "Rp.2.585.049.200,-"
    assert format_tanggal(datetime.date(2024, 7, 8)) == "8 Juli 2024"


@pytest.mark.parametrize(
    ("nilai", "tempat", "teks"),
    [
        (Decimal("4000"), 2, "4.000,00"),
        (Decimal("36.794"), 2, "36,79"),
        (Decimal("0.125"), 2, "0,13"),
        (1151384000, 0, "1.151.384.000"),
        (Decimal("-1234.5"), 2, "-1.234,50"),
        (Decimal("999.995"), 2, "1.000,00"),  # the rounding carries into a new thousands group
        (Decimal("0"), 2, "0,00"),
        (Decimal("-0.001"), 2, "0,00"),  # rounds to zero: no minus sign
        (Decimal("123"), 0, "123"),
        (Decimal("1234567.891"), 1, "1.234.567,9"),
        (Decimal("1e30"), 2, "1." + ".".join(["000"] * 10) + ",00"),
        (
            Decimal("-123456789012345678901234567890.125"),
            2,
            "-123.456.789.012.345.678.901.234.567.890,13",
        ),
        (None, 2, "-"),
    ],
)
def test_format_angka(nilai: Decimal | int | None, tempat: int, teks: str) -> None:
    assert format_angka(nilai, tempat) == teks


def test_format_angka_menolak_float() -> None:
    with pytest.raises(TypeError):
        format_angka(2.675)  # type: ignore[arg-type]


def test_format_lainnya() -> None:
    assert format_rupiah(None) == "-"
    assert format_rupiah(0) == "0"
    assert format_rupiah(-1500) == "-1.500"
    assert format_rupiah_surat(None) == "-"
    assert format_rupiah_surat(-1000) == "-Rp.1.000,-"
    assert format_persen(Decimal("36.794"), tanda=False) == "36,79"
    assert format_persen(Decimal("100")) == "100,00%"
    assert format_persen(Decimal("65.075"), 1) == "65,1%"
    assert format_persen(None) == "-"


@pytest.mark.parametrize(
    ("tanggal", "teks"),
    [
        (datetime.date(2024, 1, 1), "1 Januari 2024"),
        (datetime.date(2024, 2, 29), "29 Februari 2024"),
        (datetime.date(2023, 8, 17), "17 Agustus 2023"),
        (datetime.date(2025, 12, 31), "31 Desember 2025"),
    ],
)
def test_format_tanggal(tanggal: datetime.date, teks: str) -> None:
    assert format_tanggal(tanggal) == teks


# --- parsing --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.151.384.000", Decimal("1151384000")),
        ("36,79", Decimal("36.79")),
        ("36,79%", Decimal("36.79")),
        ("36,79 %", Decimal("36.79")),
        (" 4.000,00 ", Decimal("4000.00")),
        ("1,5", Decimal("1.5")),
        ("0,80", Decimal("0.80")),
        ("-1.234,50", Decimal("-1234.50")),
        ("+7", Decimal("7")),
        ("1151384000", Decimal("1151384000")),
        # A '.' before exactly three digits in a thousands pattern groups thousands ...
        ("1.151", Decimal("1151")),
        ("4.000", Decimal("4000")),
        # ... any other single '.' is a decimal point.
        ("36.79", Decimal("36.79")),
        ("0.5", Decimal("0.5")),
        ("0.500", Decimal("0.500")),  # a group cannot start with 0, so this is not "500"
        ("12.3456", Decimal("12.3456")),
        ("1.1514", Decimal("1.1514")),
        ("1151.384", Decimal("1151.384")),  # a first group of 4 digits is not a thousands pattern
    ],
)
def test_parse_angka(teks: str, nilai: Decimal) -> None:
    hasil = parse_angka(teks)
    assert hasil == nilai


def test_parse_angka_menjaga_tempat_desimal() -> None:
    assert str(parse_angka("0,80")) == "0.80"


def test_parse_angka_panjang_tidak_dibulatkan() -> None:
    # 33 significant digits: more than the default Decimal context keeps.
    assert parse_angka("-123.456.789.012.345.678.901.234.567.890,125") == Decimal(
        "-123456789012345678901234567890.125"
    )


@pytest.mark.parametrize("teks", ["", "-", "  ", " - "])
def test_parse_angka_kosong(teks: str) -> None:
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    "teks",
    [
        "12,3,4",  # two decimal marks
        "1.15.384",  # misplaced group
        "1.151.38",
        "1,151,384.00",  # English style
        "1.151,384,5",
        "abc",
        "12a",
        "1e5",
        "NaN",
        ",5",
        "5,",
        "1 000",
        "--5",
        "%",
        "0.151.384",  # a grouped number does not start with 0
        "١٢",  # non-ASCII digits
    ],
)
def test_parse_angka_menolak(teks: str) -> None:
    with pytest.raises(AngkaError, match="bukan angka yang sah"):
        parse_angka(teks)


def test_pesan_parse_angka() -> None:
    with pytest.raises(AngkaError) as info:
        parse_angka("12,3,4")
    assert str(info.value) == "'12,3,4' bukan angka yang sah"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("Rp 1.151.384.000", 1151384000),
        ("Rp.2.585.049.200,-", 2585049200),
        ("rp. 2.585.049.200,-", 2585049200),
        ("Rp1.000", 1000),
        ("1151384000", 1151384000),
        ("1.000,-", 1000),
        ("1.000,00", 1000),  # a zero fraction is still a whole amount
        ("-Rp.1.000,-", -1000),
        ("Rp -1.000", -1000),
        ("0", 0),
        ("9.223.372.036.854.775.807", 2**63 - 1),
    ],
)
def test_parse_rupiah(teks: str, nilai: int) -> None:
    hasil = parse_rupiah(teks)
    assert hasil == nilai
    assert isinstance(hasil, int)


@pytest.mark.parametrize("teks", ["", "-", " "])
def test_parse_rupiah_kosong(teks: str) -> None:
    assert parse_rupiah(teks) is None


def test_parse_rupiah_pecahan() -> None:
    with pytest.raises(AngkaError, match="^Rupiah harus bilangan bulat$"):
        parse_rupiah("1.000,50")
    with pytest.raises(AngkaError, match="^Rupiah harus bilangan bulat$"):
        parse_rupiah("12.5")


@pytest.mark.parametrize("teks", ["Rp", "Rp.", "Rp abc", "USD 1.000", "1.15.384", "Rp 1.000,-,-"])
def test_parse_rupiah_menolak(teks: str) -> None:
    with pytest.raises(AngkaError, match="bukan jumlah rupiah yang sah"):
        parse_rupiah(teks)


def test_parse_rupiah_batas_64_bit() -> None:
    with pytest.raises(AngkaError, match="terlalu besar"):
        parse_rupiah("9.223.372.036.854.775.808")
    assert parse_rupiah("-9.223.372.036.854.775.808") == -(2**63)
    with pytest.raises(AngkaError, match="terlalu besar"):
        parse_rupiah("-9.223.372.036.854.775.809")


# --- terbilang ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (101000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"),
        (
            2585049200,
            "dua miliar lima ratus delapan puluh lima juta empat puluh sembilan ribu dua ratus",
        ),
        (
            20057264366,
            "dua puluh miliar lima puluh tujuh juta dua ratus enam puluh empat ribu "
            "tiga ratus enam puluh enam",
        ),
        (
            10**15 - 1,
            "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan",
        ),
        (-5, "minus lima"),
        (-1000, "minus seribu"),
    ],
)
def test_terbilang(nilai: int, kata: str) -> None:
    assert terbilang(nilai) == kata


def test_terbilang_rupiah() -> None:
    assert terbilang_rupiah(2585049200) == (
        "dua miliar lima ratus delapan puluh lima juta empat puluh sembilan ribu dua ratus rupiah"
    )
    assert terbilang_rupiah(0) == "nol rupiah"


@pytest.mark.parametrize("nilai", [10**15, -(10**15), 10**18])
def test_terbilang_terlalu_besar(nilai: int) -> None:
    with pytest.raises(ValueError):
        terbilang(nilai)


# --- properties -----------------------------------------------------------------------------------------

# Up to 10**30, beyond the default 28-digit Decimal context, so that no step may round silently.
_DESIMAL_2 = st.decimals(
    min_value=Decimal("-1e30"), max_value=Decimal("1e30"), places=2, allow_nan=False, allow_infinity=False
)
_RUPIAH = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@settings(max_examples=200)
@given(_DESIMAL_2)
def test_format_lalu_parse_angka_kembali(x: Decimal) -> None:
    assert parse_angka(format_angka(x)) == x


@settings(max_examples=200)
@given(_RUPIAH)
def test_format_lalu_parse_rupiah_kembali(n: int) -> None:
    assert parse_rupiah(format_rupiah(n)) == n
    assert parse_rupiah(format_rupiah_surat(n)) == n


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**9))
def test_format_angka_bulat_sama_dengan_pengelompokan_python(n: int) -> None:
    # Python's own grouping, with the marks swapped, as an independent oracle.
    assert format_angka(n, 0) == f"{n:,}".replace(",", ".")


@settings(max_examples=200)
@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False, allow_infinity=False))
def test_bulatkan_paling_jauh_setengah_sen(x: Decimal) -> None:
    hasil = bulatkan(x)
    assert abs(hasil - x) <= Decimal("0.005")
    assert hasil.as_tuple().exponent == -2
    # Half-up: an exact tie always moves away from zero.
    if abs(x - hasil) == Decimal("0.005"):
        assert abs(hasil) > abs(x)


@settings(max_examples=200)
@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 2))
def test_terbilang_membedakan_bilangan_berurutan(n: int) -> None:
    assert terbilang(n) != terbilang(n + 1)
    assert "  " not in terbilang(n)
    assert terbilang(n) == terbilang(n).strip()


# --- numbers by unit (the Kertas Kerja) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "satuan", "teks"),
    [
        ("69.00", "Bahan Pokok", "69"),  # a count: no ",00"
        ("66", "Orang/Bulan", "66"),
        ("66.5", "Orang/Bulan", "66,50"),  # real decimals stay, at the 2 places K is printed with
        ("0.999", "unit", "1"),  # rounded as printed first (1,00), then the ",00" goes
        ("0.994", "unit", "0,99"),
        ("1151384000", "Rp", "1.151.384.000"),  # Rupiah without ",00"
        ("100", "%", "100,00"),  # a percentage keeps its two decimals, as Form E.81
        ("36.794", "persen", "36,79"),
        ("77.2", "Nilai", "77,20"),
        ("-3", "unit", "-3"),
    ],
)
def test_format_satuan(nilai: str, satuan: str, teks: str) -> None:
    assert format_satuan(Decimal(nilai), satuan) == teks
    assert tempat_satuan(Decimal(nilai), satuan) == (0 if "," not in teks else 2)


def test_format_satuan_without_value() -> None:
    assert format_satuan(None, "unit") == "-" and format_satuan(None, "%", kosong="") == ""


@pytest.mark.parametrize(
    ("satuan", "persen", "rupiah"),
    [("%", True, False), ("Persen", True, False), ("Rp", False, True), ("juta rupiah", False, True)]
    + [("Rp.", False, True), ("Dokumen", False, False), ("Prodk", False, False)],
)
def test_satuan_kinds(satuan: str, persen: bool, rupiah: bool) -> None:
    assert satuan_persen(satuan) is persen and satuan_rupiah(satuan) is rupiah
