"""Numbers as an Indonesian planning report writes them: rounding, formatting, parsing and terbilang.

Indicator values and percentages are `Decimal`; Rupiah amounts are whole `int`. There is exactly one
rounding rule, half-up (ties away from zero) as Excel's ROUND does, because the reference reports are
produced in Excel. Python's round() and Babel round half-even, and Django's number_format truncates, so
none of them is used here.

Formatting is Indonesian: '.' groups thousands and ',' marks decimals ("1.151.384.000", "36,79").
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, getcontext, localcontext

DUA_DESIMAL = Decimal("0.01")

# A signed 64-bit integer: the widest amount a BigIntegerField (and most databases) can hold.
_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class AngkaError(ValueError):
    """A number that cannot be read or written; the message is meant for the user."""


def _kuantum(tempat: int) -> Decimal:
    if tempat < 0:
        raise ValueError(f"Jumlah tempat desimal tidak boleh negatif: {tempat}")
    return Decimal(1).scaleb(-tempat)


_KUANTUM = tuple(Decimal(1).scaleb(-t) for t in range(8))


def bulatkan(nilai: Decimal, tempat: int = 2) -> Decimal:
    """Round half-up (ties away from zero, as Excel): 0.125 -> 0.13, -1.005 -> -1.01.

    The result always carries exactly `tempat` decimal places ("4000" -> "4000.00").
    """
    if not nilai.is_finite():
        raise AngkaError(f"'{nilai}' bukan angka yang sah")
    kuantum = _KUANTUM[tempat] if 0 <= tempat < len(_KUANTUM) else _kuantum(tempat)
    perlu = nilai.adjusted() + tempat + 2
    if perlu <= getcontext().prec:
        # The common case, without the cost of entering a context (reports round tens of thousands of cells).
        return nilai.quantize(kuantum, rounding=ROUND_HALF_UP)
    # The default context (28 digits) would raise on quantizing a very long number; rounding to a fixed
    # number of places must never fail because of the size of the integer part.
    with localcontext() as konteks:
        konteks.prec = max(28, perlu)
        return nilai.quantize(kuantum, rounding=ROUND_HALF_UP)


def _kelompokkan(digit: str) -> str:
    """'1151384000' -> '1.151.384.000'."""
    kepala = len(digit) % 3 or 3
    kelompok = [digit[:kepala]] + [digit[i : i + 3] for i in range(kepala, len(digit), 3)]
    return ".".join(kelompok)


def format_angka(nilai: Decimal | int | None, tempat: int = 2) -> str:
    """Indonesian number text after half-up rounding: Decimal("4000") -> "4.000,00"; None -> "-"."""
    if nilai is None:
        return "-"
    if isinstance(nilai, int):
        desimal = Decimal(nilai)
    elif isinstance(nilai, Decimal):
        desimal = nilai
    else:
        # A float would carry binary noise (2.675 is 2.67499...) into a half-up rounding; refuse it.
        raise TypeError(f"format_angka menerima Decimal atau int, bukan {type(nilai).__name__}")
    bulat = bulatkan(desimal, tempat)
    # Built from the digits, not format(x, "f"): formatting applies the context precision (28 digits) and
    # would silently round a long number.
    digit = "".join(str(d) for d in bulat.as_tuple().digits).rjust(tempat + 1, "0")
    bagian_bulat, pecahan = (digit[:-tempat], digit[-tempat:]) if tempat > 0 else (digit, "")
    hasil = _kelompokkan(bagian_bulat) + ("," + pecahan if pecahan else "")
    # A value that rounds to zero ("-0,001") is printed without a sign: "-0,00" would read as a loss.
    if bulat < 0:
        hasil = "-" + hasil
    return hasil


def format_tepat(nilai: Decimal) -> str:
    """Indonesian grouping with the digits exactly as the Decimal holds them, no rounding: for showing the
    inputs of a calculation (the Kertas Kerja's substituted formula), where a rounded input would lie."""
    bulat, _, pecahan = format(nilai.copy_abs(), "f").partition(".")
    hasil = _kelompokkan(bulat) + ("," + pecahan if pecahan else "")
    # Negative zero prints as "0": a sign on nothing only confuses a reader.
    return "-" + hasil if nilai < 0 else hasil


def format_k(nilai: Decimal | None, kosong: str = "-") -> str:
    """A K value as entered, the Indonesian way, with only the decimals it has (at most 6): "36,79", "100",
    "1.151.384". For inputs, the audit trail and messages; documents print K at 2 places (format_angka)."""
    if nilai is None:
        return kosong
    eksponen = nilai.normalize().as_tuple().exponent
    tempat = min(6, max(0, -eksponen)) if isinstance(eksponen, int) else 0
    return format_angka(nilai, tempat)


def satuan_persen(satuan: str) -> bool:
    """Whether an indicator's unit is a percentage ("%", "persen")."""
    s = satuan.lower().strip()
    return "%" in s or "persen" in s


def satuan_rupiah(satuan: str) -> bool:
    """Whether an indicator's unit is Rupiah ("Rp", "Rp.", "rupiah", "juta rupiah")."""
    s = satuan.lower().replace(".", "").strip()
    return "rupiah" in s or s.startswith("rp")


def tempat_satuan(nilai: Decimal | None, satuan: str) -> int:
    """The decimal places a K value is printed with by its unit, after rounding as printed (2 places): a
    percentage keeps its two decimals ("36,79", "100,00"); a count, Rupiah or any other unit drops a ",00"
    that says nothing ("69", "1.151.384.000") and keeps real decimals ("66,50")."""
    if nilai is None or satuan_persen(satuan):
        return 2
    bulat = bulatkan(nilai, 2)
    return 0 if bulat == bulat.to_integral_value() else 2


def format_satuan(nilai: Decimal | None, satuan: str, kosong: str = "-") -> str:
    """A K value printed by its unit (tempat_satuan): Decimal("69.00"), "Bahan Pokok" -> "69"; Form E.81
    keeps 2 places in every K column, the Kertas Kerja prints by unit."""
    if nilai is None:
        return kosong
    return format_angka(bulatkan(nilai, 2), tempat_satuan(nilai, satuan))


def teks_desimal(nilai: Decimal | None) -> str | None:
    """The machine form of a K value for JSON and the audit trail: no exponent, no padding, '.' as the
    decimal mark: Decimal("36.790000") -> "36.79", Decimal("1E+2") -> "100"; None stays None."""
    if nilai is None:
        return None
    teks = format(nilai, "f")
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return "0" if teks in ("-0", "") else teks


def format_rupiah(nilai: int | None) -> str:
    """Whole Rupiah without a currency mark: 1151384000 -> "1.151.384.000"; None -> "-"."""
    if nilai is None:
        return "-"
    return format_angka(nilai, 0)


def format_rupiah_surat(nilai: int | None) -> str:
    """The letter style of the reports: 2585049200 -> "Rp.2.585.049.200,-"; negative "-Rp.1.000,-"."""
    if nilai is None:
        return "-"
    tanda = "-" if nilai < 0 else ""
    return f"{tanda}Rp.{format_angka(abs(nilai), 0)},-"


def format_persen(nilai: Decimal | None, tempat: int = 2, tanda: bool = True) -> str:
    """Decimal("36.794") -> "36,79%" (tanda=False -> "36,79"); None -> "-"."""
    if nilai is None:
        return "-"
    teks = format_angka(nilai, tempat)
    return teks + "%" if tanda else teks


def format_tanggal(tanggal: datetime.date) -> str:
    """date(2024, 7, 8) -> "8 Juli 2024"."""
    return f"{tanggal.day} {_BULAN[tanggal.month - 1]} {tanggal.year}"


# Reading rule for parse_angka (after an optional sign and an optional trailing '%'):
#   * with a ',': the ',' is the decimal mark; the integer part is plain digits or correctly grouped
#     thousands ("1.151.384,50"), and at least one digit must follow the ','.
#   * without a ',': correctly grouped thousands ("1.151", "4.000", "1.151.384.000") are an integer;
#     otherwise a single '.' is a decimal point ("36.79", "0.5", "0.500", "1151.384").
# "Correctly grouped" means a first group of 1-3 digits not starting with 0, then groups of exactly 3.
# [0-9] rather than \d: \d also matches other scripts' digits, which no report uses.
_KELOMPOK = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
_POLA_KOMA = re.compile(rf"(?P<bulat>{_KELOMPOK}|[0-9]+),(?P<pecahan>[0-9]+)")
_POLA_RIBUAN = re.compile(_KELOMPOK)
_POLA_TITIK = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_angka(teks: str) -> Decimal | None:
    """Read a number typed the Indonesian way; "" and "-" are "no value" (None).

    "1.151.384.000" -> 1151384000, "36,79%" -> 36.79, " 4.000,00 " -> 4000.00, "0,80" -> 0.80.
    A '.' before exactly three digits in a thousands pattern groups thousands ("4.000" is 4000); any
    other single '.' is a decimal point ("36.79" is 36.79). Anything else raises AngkaError.
    """
    asli = teks
    teks = teks.strip()
    if teks in ("", "-"):
        return None
    if teks.endswith("%"):
        teks = teks[:-1].rstrip()
    tanda = ""
    if teks[:1] in ("-", "+"):
        tanda, teks = teks[0], teks[1:]
    cocok_koma = _POLA_KOMA.fullmatch(teks)
    if cocok_koma is not None:
        angka = cocok_koma["bulat"].replace(".", "") + "." + cocok_koma["pecahan"]
    elif _POLA_RIBUAN.fullmatch(teks) is not None:
        angka = teks.replace(".", "")
    elif _POLA_TITIK.fullmatch(teks) is not None:
        angka = teks
    else:
        raise AngkaError(f"'{asli.strip()}' bukan angka yang sah")
    hasil = Decimal(angka)
    # copy_negate is exact; unary minus would round a number longer than the context precision.
    return hasil.copy_negate() if tanda == "-" else hasil


_POLA_RUPIAH = re.compile(r"(?P<tanda>[-+]?)\s*(?:rp\.?\s*)?(?P<isi>.*?)(?:,-)?", re.IGNORECASE)


def _rupiah_tertulis(teks: str) -> Decimal | None:
    """A Rupiah amount exactly as written, a fraction included ("Rp 1.000,50" -> 1000.50)."""
    polos = teks.strip()
    if polos in ("", "-"):
        return None
    cocok = _POLA_RUPIAH.fullmatch(polos)
    # The pattern accepts any text, so cocok is never None; the check satisfies the type checker.
    if cocok is None or cocok["isi"] == "":
        raise AngkaError(f"'{polos}' bukan jumlah rupiah yang sah")
    try:
        nilai = parse_angka(cocok["tanda"] + cocok["isi"])
    except AngkaError:
        raise AngkaError(f"'{polos}' bukan jumlah rupiah yang sah") from None
    if nilai is None:
        raise AngkaError(f"'{polos}' bukan jumlah rupiah yang sah")
    return nilai


def rupiah_dibulatkan(teks: str) -> int | None:
    """The whole Rupiah an amount with cents rounds to, half-up ("1.000,50" -> 1001, "1.000,49" -> 1000):
    what the entry screen offers when cents are typed (the amount itself is refused, never rounded
    silently). None when the text is not an amount, or has no cents to round."""
    try:
        nilai = _rupiah_tertulis(teks)
    except AngkaError:
        return None
    if nilai is None or nilai == nilai.to_integral_value():
        return None
    return int(bulatkan(nilai, 0))


def parse_rupiah(teks: str) -> int | None:
    """Read a whole Rupiah amount: "Rp 1.151.384.000", "Rp.2.585.049.200,-", "1151384000" -> int.

    "" and "-" are None. A fraction of a Rupiah ("1.000,50") raises AngkaError; ",00" is accepted.
    """
    polos = teks.strip()
    nilai = _rupiah_tertulis(polos)
    if nilai is None:
        return None
    if nilai != nilai.to_integral_value():
        raise AngkaError("Rupiah harus bilangan bulat")
    hasil = int(nilai)
    if not _INT64_MIN <= hasil <= _INT64_MAX:
        raise AngkaError(f"'{polos}' terlalu besar untuk jumlah rupiah")
    return hasil


_SATUAN = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
# Scale words from the lowest non-unit group upward; 10**15 (kuadriliun) is beyond what a budget needs.
_SKALA = ("ribu", "juta", "miliar", "triliun")
TERBILANG_MAKS = 10**15 - 1


def _ratusan(n: int) -> str:
    """Words for 1..999."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus > 1:
        kata.append(f"{_SATUAN[ratus]} ratus")
    if sisa >= 20:
        puluh, satuan = divmod(sisa, 10)
        kata.append(f"{_SATUAN[puluh]} puluh")
        if satuan:
            kata.append(_SATUAN[satuan])
    elif sisa >= 12:
        kata.append(f"{_SATUAN[sisa - 10]} belas")
    elif sisa > 0:
        kata.append(_SATUAN[sisa])
    return " ".join(kata)


def terbilang(nilai: int) -> str:
    """Indonesian words: 11 -> "sebelas", 1000 -> "seribu", -5 -> "minus lima"; up to 999 triliun."""
    if abs(nilai) > TERBILANG_MAKS:
        raise ValueError(f"Angka {nilai} terlalu besar untuk dieja (batas {TERBILANG_MAKS})")
    if nilai == 0:
        return "nol"
    if nilai < 0:
        return "minus " + terbilang(-nilai)
    kelompok: list[int] = []
    while nilai:
        nilai, sisa = divmod(nilai, 1000)
        kelompok.append(sisa)
    kata: list[str] = []
    for indeks in range(len(kelompok) - 1, -1, -1):
        n = kelompok[indeks]
        if n == 0:
            continue
        if indeks == 0:
            kata.append(_ratusan(n))
        elif indeks == 1 and n == 1:
            # Only the thousands take the se- prefix: "seribu", but "satu juta", "satu miliar".
            kata.append("seribu")
        else:
            kata.append(f"{_ratusan(n)} {_SKALA[indeks - 1]}")
    return " ".join(kata)


def terbilang_rupiah(nilai: int) -> str:
    """terbilang(nilai) + " rupiah": 1000 -> "seribu rupiah"."""
    return f"{terbilang(nilai)} rupiah"
