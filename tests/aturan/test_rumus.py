"""The indicator formula engine: the reference report's Kertas Kerja cases, errors and properties."""

import pickle
import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capaian.aturan.rumus import (
    MAKS_KEDALAMAN,
    MAKS_PANJANG,
    MAKS_TINGGI,
    Angka,
    Biner,
    Fungsi,
    Referensi,
    Rumus,
    RumusError,
    Unary,
    Variabel,
    hitung,
    urai,
)

D = Decimal
DUA = Decimal("0.01")


def bulat2(x: Decimal | None) -> Decimal:
    assert x is not None
    return x.quantize(DUA, rounding=ROUND_HALF_UP)


# --- The reference report's Kertas Kerja Perhitungan Capaian Outcome -----------------------------------


def test_pad_realisasi_terhadap_target() -> None:
    nilai = {"realisasi_pad": D(1151384000), "target_pad": D(3129274170)}
    rumus = urai("realisasi_pad / target_pad x 100")
    assert bulat2(rumus.hitung(nilai)) == D("36.79")
    assert rumus.teks() == "realisasi_pad / target_pad × 100"
    assert rumus.substitusi(nilai) == "1.151.384.000 / 3.129.274.170 × 100"
    assert bulat2(hitung("1151384000 / 3129274170 x 100", {})) == D("36.79")


def test_nilai_tidak_dibulatkan() -> None:
    hasil = hitung("90/726*100", {})
    assert hasil is not None
    assert str(hasil).startswith("12.396694214876033057851239669421487603")
    assert bulat2(hasil) == D("12.40")


def test_rata_rata_indikator() -> None:
    hasil = hitung("AVG(100;100;100;100;100;50)", {})
    assert hasil is not None
    assert str(hasil).startswith("91.666666666666666666666666666")
    assert bulat2(hasil) == D("91.67")


def test_titik_dua_dan_persen_di_akhir() -> None:
    hasil = hitung("103 : 12870 x 100%", {})
    assert hasil is not None
    assert str(hasil).startswith("0.80031080031080031")
    assert bulat2(hasil) == D("0.80")


def test_pertumbuhan_dengan_pembagi_nol_tidak_bernilai() -> None:
    rumus = urai("(omset_n - omset_lalu) / omset_lalu * 100")
    assert rumus.hitung({"omset_n": D(150), "omset_lalu": D(120)}) == D(25)
    assert rumus.hitung({"omset_n": D(150), "omset_lalu": D(0)}) is None
    assert hitung("(a - b) / b * 100", {"a": D(5), "b": D(0)}) is None
    assert hitung("0 / 0", {}) is None
    assert hitung("1 / (2 - 2)", {}) is None


def test_rata_rata_referensi_indikator_lain() -> None:
    rumus = urai("AVG([3.30.01.2.01]; [3.30.01.2.02])")
    assert rumus.referensi() == {"3.30.01.2.01", "3.30.01.2.02"}
    assert rumus.variabel() == frozenset()
    assert rumus.hitung({}, {"3.30.01.2.01": D(100), "3.30.01.2.02": D(50)}) == D(75)
    assert rumus.hitung({}, {"3.30.01.2.01": D(100), "3.30.01.2.02": None}) is None
    assert rumus.hitung({}, {"3.30.01.2.01": D(100)}) is None
    assert rumus.hitung({}) is None
    assert rumus.teks() == "AVG([3.30.01.2.01]; [3.30.01.2.02])"


def test_referensi_kode_dengan_pagar_dan_spasi() -> None:
    rumus = urai("[ 3.31.02.2.01.0005#2 ] x 2")
    assert rumus.referensi() == {"3.31.02.2.01.0005#2"}
    assert rumus.hitung({}, {"3.31.02.2.01.0005#2": D("1.5")}) == D("3.0")


# --- Missing values ----------------------------------------------------------------------------------


def test_variabel_kosong_membuat_hasil_kosong() -> None:
    rumus = urai("a * 0 + b")
    assert rumus.hitung({"a": None, "b": D(1)}) is None
    assert rumus.hitung({"b": D(1)}) is None  # absent key: not entered
    assert rumus.hitung({"a": D(2), "b": D(1)}) == D(1)


@pytest.mark.parametrize("fungsi", ["SUM", "AVG", "RATA", "MIN", "MAX"])
def test_fungsi_dengan_argumen_kosong_tidak_bernilai(fungsi: str) -> None:
    assert hitung(f"{fungsi}(a; b; 3)", {"a": D(1), "b": None}) is None


def test_nilai_tak_terhingga_dianggap_tidak_diisi() -> None:
    assert hitung("MAX(a; 1)", {"a": D("NaN")}) is None
    assert hitung("a + 1", {"a": D("Infinity")}) is None


def test_luapan_tidak_bernilai() -> None:
    assert hitung("a * a", {"a": D("1E+999000")}) is None


# --- Syntax ------------------------------------------------------------------------------------------


def test_x_sebagai_perkalian_dan_di_dalam_nama() -> None:
    nilai = {"ekspor_x1": D(3), "x1": D(5), "X_": D(7), "axb": D(11)}
    assert hitung("ekspor_x1 x 2", nilai) == D(6)
    assert hitung("x1 x ekspor_x1", nilai) == D(15)
    assert hitung("X_ X 2", nilai) == D(14)
    assert hitung("axb×2", nilai) == D(22)
    assert hitung("2 x(1 + 1)", nilai) == D(4)
    assert urai("ekspor_x1 x x1").variabel() == {"ekspor_x1", "x1"}


@pytest.mark.parametrize(
    ("sumber", "hasil"),
    [
        ("36,79 * 2", "73.58"),
        ("36.79 * 2", "73.58"),
        ("8 / 4 / 2", "1"),
        ("8 : 4 : 2", "1"),
        ("2 - 3 - 4", "-5"),
        ("-2 * 3", "-6"),
        ("2 * -3", "-6"),
        ("2 - -3", "5"),
        ("+2 + +3", "5"),
        ("-(2 + 3) * 2", "-10"),
        ("2 + 3 * 4", "14"),
        ("(2 + 3) * 4", "20"),
        ("2 * 3 + 4 * 5", "26"),
        ("10 - 2 * 3", "4"),
        ("12 / 3 * 2", "8"),
        ("12 ÷ 3 \u2212 1", "3"),
        ("SUM(1; 2; 3)", "6"),
        ("sum(1, 2, 3)", "6"),
        ("Rata(1;2)", "1.5"),
        ("MIN(3; -1; 2)", "-1"),
        ("max(3; -1; 2)", "3"),
        ("AVG(1,5)", "1.5"),  # a ',' between digits is a decimal mark, not a separator
        ("AVG(1, 5)", "3"),
        ("SUM(AVG(2;4); MAX(1;2)) * 2", "10"),
        ("100 %", "100"),
        ("(1 + 1)%", "2"),
        ("  7\t*\n6  ", "42"),
        ("007", "7"),
    ],
)
def test_hasil(sumber: str, hasil: str) -> None:
    assert hitung(sumber, {}) == D(hasil)


def test_nol_negatif_ditampilkan_nol() -> None:
    hasil = hitung("0 * -1", {})
    assert hasil == 0
    assert str(hasil) == "0"


def test_konteks_pemanggil_tidak_berpengaruh() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        hasil = hitung("2 / 3", {})
    assert hasil is not None
    assert str(hasil).startswith("0.6666666666666666666666666666666")
    assert str(hasil).endswith("7")


# --- Errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sumber", "posisi", "pesan"),
    [
        ("", 0, "rumus kosong"),
        ("   ", 0, "rumus kosong"),
        ("%", 0, "rumus kosong"),
        ("a + $", 4, "karakter '$' tidak dikenal"),
        ("a ^ 2", 2, "karakter '^' tidak dikenal"),
        ("(a + b", 6, "tanda kurung tutup ')' tidak ditemukan"),
        ("AVG(1;2", 7, "tanda kurung tutup ')' tidak ditemukan"),
        ("(a + b) * (c", 12, "tanda kurung tutup ')' tidak ditemukan"),
        ("a + b)", 5, "tanda kurung tutup ')' tanpa pasangan '('"),
        ("(a b)", 3, "'b' tidak diharapkan"),
        ("a b", 2, "'b' tidak diharapkan"),
        ("a +", 3, "rumus berakhir sebelum lengkap"),
        ("a + * b", 4, "'*' tidak diharapkan"),
        ("x + 1", 0, "'x' tidak diharapkan"),
        ("2x3", 1, "'x3' tidak diharapkan"),
        ("()", 1, "')' tidak diharapkan"),
        ("1; 2", 1, "pemisah ';' hanya boleh di antara argumen fungsi"),
        ("SUM(1;)", 6, "')' tidak diharapkan"),
        ("AVG(1 2)", 6, "diharapkan ';' atau ')'"),
        ("foo(1)", 0, "fungsi 'foo' tidak dikenal"),
        ("1 + median(a; b)", 4, "fungsi 'median' tidak dikenal"),
        ("2 * SUM()", 4, "fungsi SUM memerlukan paling sedikit satu argumen"),
        ("[3.30.01 + 1", 0, "tanda kurung siku '[' tidak ditutup"),
        ("[3.30 + [3.31]", 0, "tanda kurung siku '[' tidak ditutup"),
        ("1 + []", 4, "referensi indikator kosong"),
        ("a ]", 2, "tanda kurung siku ']' tanpa pasangan '['"),
        ("50% x a", 2, "tanda '%' hanya boleh di akhir rumus"),
        ("a x 100%%", 7, "tanda '%' hanya boleh di akhir rumus"),
        ("1.000.000", 5, "tanda desimal lebih dari satu"),
        ("AVG(1,5,6)", 7, "tanda desimal lebih dari satu"),
        ("100.", 3, "karakter '.' tidak dikenal"),
    ],
)
def test_kesalahan_menunjuk_posisi(sumber: str, posisi: int, pesan: str) -> None:
    with pytest.raises(RumusError) as info:
        urai(sumber)
    assert info.value.posisi == posisi
    assert pesan in info.value.pesan
    assert str(info.value) == f"Kesalahan pada posisi {posisi}: {info.value.pesan}"


def test_format_pesan_kesalahan() -> None:
    with pytest.raises(RumusError) as info:
        urai("AVG(1;2")
    assert str(info.value) == "Kesalahan pada posisi 7: tanda kurung tutup ')' tidak ditemukan"
    assert isinstance(info.value, ValueError)


def test_kesalahan_bisa_dipickle() -> None:
    salinan = pickle.loads(pickle.dumps(RumusError(3, "rumus kosong")))
    assert (salinan.posisi, salinan.pesan) == (3, "rumus kosong")
    assert str(salinan) == "Kesalahan pada posisi 3: rumus kosong"


def test_variabel_harus_dideklarasikan() -> None:
    dikenal = ["realisasi_pad", "target_pad"]
    assert urai("realisasi_pad / target_pad x 100", dikenal).variabel() == set(dikenal)
    with pytest.raises(RumusError) as info:
        urai("realisasi_pad / target x 100", dikenal)
    assert info.value.posisi == 16
    assert info.value.pesan.startswith("variabel 'target' tidak dikenal")
    assert "target_pad" in info.value.pesan  # a suggestion
    with pytest.raises(RumusError) as info:
        urai("Realisasi_PAD / target_pad", dikenal)  # names are case-sensitive
    assert info.value.posisi == 0
    # Function names and references are not variables.
    assert urai("AVG([1.01]; realisasi_pad)", dikenal).variabel() == {"realisasi_pad"}
    assert urai("1 + 2", []).variabel() == frozenset()


def test_batas_panjang() -> None:
    urai("1" * MAKS_PANJANG)
    with pytest.raises(RumusError) as info:
        urai("1" * (MAKS_PANJANG + 1))
    assert info.value.posisi == MAKS_PANJANG
    assert "terlalu panjang" in info.value.pesan


@pytest.mark.parametrize(
    "sumber",
    [
        "(" * (MAKS_KEDALAMAN + 1) + "1" + ")" * (MAKS_KEDALAMAN + 1),
        "(" * 1500,
        "-" * 1500 + "1",
        "SUM(" * 300 + "1" + ")" * 300,
    ],
)
def test_batas_kedalaman_tanpa_recursionerror(sumber: str) -> None:
    with pytest.raises(RumusError) as info:
        urai(sumber)
    assert "terlalu dalam" in info.value.pesan


def test_batas_kedalaman_masih_menerima_rumus_wajar() -> None:
    n = MAKS_KEDALAMAN
    assert hitung("(" * n + "1" + ")" * n, {}) == 1
    assert hitung("-" * n + "1", {}) == 1


def test_rantai_operasi_panjang() -> None:
    assert hitung(" + ".join(["1"] * MAKS_TINGGI), {}) == MAKS_TINGGI
    with pytest.raises(RumusError) as info:
        urai("+".join(["1"] * 999))
    assert "terlalu rumit" in info.value.pesan
    # SUM has no such limit: its arguments are flat.
    assert hitung("SUM(" + ";".join(["1"] * 900) + ")", {}) == 900


# --- Display -----------------------------------------------------------------------------------------


def test_substitusi_format_indonesia() -> None:
    rumus = urai("(a - b) / b x 100%")
    assert rumus.teks() == "(a - b) / b × 100"
    assert rumus.substitusi({"a": D("36.79"), "b": D(1000)}) == "(36,79 - 1.000) / 1.000 × 100"
    assert rumus.substitusi({"a": D("-1234.50"), "b": None}) == "((-1.234,50) - -) / - × 100"
    assert rumus.substitusi({}) == "(- - -) / - × 100"
    assert urai("1000000 x 0,5 + [k]").substitusi({}, {"k": D("0.000")}) == "1.000.000 × 0,5 + 0,000"
    assert urai("a").substitusi({"a": D("-0")}) == "0"
    assert urai("a").substitusi({"a": D("1E+3")}) == "1.000"
    assert urai("a").substitusi({"a": D("123")}) == "123"


@pytest.mark.parametrize(
    ("sumber", "teks"),
    [
        ("a+b*c", "a + b × c"),
        ("(a+b)*c", "(a + b) × c"),
        ("a-(b-c)", "a - (b - c)"),
        ("(a-b)-c", "a - b - c"),
        ("a/(b*c)", "a / (b × c)"),
        ("a*-b", "a × (-b)"),
        ("--a", "-(-a)"),
        ("-(a+b)", "-(a + b)"),
        ("rata([1];36,790)", "RATA([1]; 36,790)"),
        ("a : b x 100%", "a / b × 100"),
    ],
)
def test_teks(sumber: str, teks: str) -> None:
    assert urai(sumber).teks() == teks


def test_pohon() -> None:
    assert urai("-a + [k] * 2,5").pohon == Biner(
        "+", Unary("-", Variabel("a")), Biner("*", Referensi("k"), Angka(D("2.5")))
    )
    assert urai("avg(1; b)").pohon == Fungsi("AVG", (Angka(D(1)), Variabel("b")))
    assert urai("a x 2") == Rumus("a x 2", Biner("*", Variabel("a"), Angka(D(2))))


# --- Properties --------------------------------------------------------------------------------------

# An independent model of the arithmetic: a tree is an int, a negation or an operation; `ejaan` is how the
# printed source spells the operator.
_EJAAN = {"+": ["+"], "-": ["-", "\u2212"], "*": ["*", "x", "X", "×"], "/": ["/", ":", "÷"]}
_KANONIK = {ejaan: op for op, daftar in _EJAAN.items() for ejaan in daftar}


@dataclass(frozen=True)
class _Neg:
    operan: "Pohon"


@dataclass(frozen=True)
class _Op:
    ejaan: str
    kiri: "Pohon"
    kanan: "Pohon"


type Pohon = int | _Neg | _Op


def _pohon(ops: list[str], maks: int = 12) -> st.SearchStrategy[Pohon]:
    ejaan = [e for op in ops for e in _EJAAN[op]]
    daun: st.SearchStrategy[Pohon] = st.integers(0, 999)
    return st.recursive(
        daun,
        lambda anak: st.one_of(st.builds(_Neg, anak), st.builds(_Op, st.sampled_from(ejaan), anak, anak)),
        max_leaves=maks,
    )


def _cetak(p: Pohon) -> str:
    match p:
        case int():
            return str(p)
        case _Neg(x):
            return f"-{_cetak(x)}"
        case _Op(ejaan, a, b):
            return f"({_cetak(a)} {ejaan} {_cetak(b)})"


def _pecahan(p: Pohon) -> Fraction:
    """Exact value with Python's Fraction; ZeroDivisionError for a zero divisor."""
    match p:
        case int():
            return Fraction(p)
        case _Neg(x):
            return -_pecahan(x)
        case _Op(ejaan, kiri, kanan):
            a, b = _pecahan(kiri), _pecahan(kanan)
            op = _KANONIK[ejaan]
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            return a * b if op == "*" else a / b


@settings(max_examples=200, deadline=None)
@given(_pohon(["+", "-", "*"]))
def test_sama_dengan_aritmetika_fraction(pohon: Pohon) -> None:
    # At most 12 leaves below 1000 keep every value under 10**36, inside the 40-digit precision: exact.
    hasil = hitung(_cetak(pohon), {})
    assert hasil is not None
    assert Fraction(hasil) == _pecahan(pohon)


@settings(max_examples=200, deadline=None)
@given(_pohon(["+", "-", "*"], maks=6), _pohon(["+", "-", "*"], maks=6))
def test_pembagian_satu_kali(pembilang: Pohon, penyebut: Pohon) -> None:
    hasil = hitung(f"{_cetak(pembilang)} / {_cetak(penyebut)}", {})
    if _pecahan(penyebut) == 0:
        assert hasil is None
    else:
        benar = _pecahan(pembilang) / _pecahan(penyebut)
        assert hasil is not None
        # One rounding to 40 significant digits.
        assert abs(Fraction(hasil) - benar) <= abs(benar) * Fraction(1, 10**39)


@settings(max_examples=200, deadline=None)
@given(_pohon(["+", "-", "*", "/"], maks=16))
def test_pembagian_tidak_pernah_gagal(pohon: Pohon) -> None:
    hasil = hitung(_cetak(pohon), {})
    assert hasil is None or hasil.is_finite()


_NAMA = ["a", "b_2", "ekspor_x1", "x1", "X_", "Target", "_n"]
_KODE = ["3.30.01.2.01", "3.31.02.2.01.0005#2", "k"]


def _rumus_bebas() -> st.SearchStrategy[str]:
    """Source text of random valid formulas over everything the grammar has."""
    angka = st.one_of(
        st.integers(0, 10**6).map(str),
        st.decimals(0, 10**4, places=2, allow_nan=False, allow_infinity=False).map(
            lambda d: str(d).replace(".", ",")
        ),
    )
    daun = st.one_of(angka, st.sampled_from(_NAMA), st.sampled_from(_KODE).map(lambda k: f"[{k}]"))

    def lanjut(anak: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        ejaan = [e for daftar in _EJAAN.values() for e in daftar]
        return st.one_of(
            st.builds(lambda s, x: f"{s}{x}", st.sampled_from(["-", "+", "\u2212"]), anak),
            st.builds(lambda a, e, b: f"{a} {e} {b}", anak, st.sampled_from(ejaan), anak),
            anak.map(lambda x: f"({x})"),
            st.builds(
                lambda f, p, args: f"{f}({p.join(args)})",
                st.sampled_from(["SUM", "avg", "Rata", "MIN", "max"]),
                st.sampled_from(["; ", ";", ", "]),
                st.lists(anak, min_size=1, max_size=3),
            ),
        )

    return st.recursive(daun, lanjut, max_leaves=10)


def _nilai_uji(rumus: Rumus) -> tuple[Mapping[str, Decimal | None], Mapping[str, Decimal | None]]:
    variabel = {nama: D(len(nama)) - D("2.5") for nama in rumus.variabel()}
    referensi = {kode: D(len(kode)) for kode in rumus.referensi()}
    return variabel, referensi


@settings(max_examples=200, deadline=None)
@given(_rumus_bebas())
def test_teks_diurai_kembali_menjadi_rumus_yang_sama(sumber: str) -> None:
    rumus = urai(sumber)
    ulang = urai(rumus.teks())
    assert ulang.pohon == rumus.pohon
    assert ulang.teks() == rumus.teks()
    variabel, referensi = _nilai_uji(rumus)
    assert ulang.hitung(variabel, referensi) == rumus.hitung(variabel, referensi)
    rumus.substitusi(variabel, referensi)


_KEPING = [
    "a", "x", "X", "b1", "ekspor_x1", "SUM", "avg", "rata", "min", "MAX", "foo", "1", "0", "36,79", "2.5",
    "1,", ".5", "+", "-", "*", "×", "x", "/", ":", "÷", "(", ")", "(", ")", ";", ",", "%", "[k]", "[", "]",
    "[]", " ", "\u2212", "$", "^", "\u00a0",
]  # fmt: skip


def _periksa_tidak_pernah_gagal_selain_rumuserror(sumber: str) -> None:
    try:
        rumus = urai(sumber)
    except RumusError as e:
        assert 0 <= e.posisi <= len(sumber)
        assert e.pesan
        return
    variabel, referensi = _nilai_uji(rumus)
    hasil = rumus.hitung(variabel, referensi)
    assert hasil is None or hasil.is_finite()
    assert urai(rumus.teks()).pohon == rumus.pohon
    rumus.substitusi(variabel, referensi)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable + "×÷−%[];,", max_size=60))
def test_fuzz_teks_acak(sumber: str) -> None:
    _periksa_tidak_pernah_gagal_selain_rumuserror(sumber)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_KEPING), max_size=25))
def test_fuzz_potongan_token(keping: list[str]) -> None:
    # Joined grammar fragments reach far more parser states than random characters do.
    _periksa_tidak_pernah_gagal_selain_rumuserror("".join(keping))
