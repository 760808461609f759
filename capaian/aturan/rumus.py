"""Indicator formulas for the Kertas Kerja Perhitungan Capaian Outcome.

An indicator's value is computed from a formula over named input variables and over the values of other
indicators, written as Indonesian reports write them::

    realisasi_pad / target_pad x 100
    (omset_n - omset_lalu) / omset_lalu * 100
    103 : 12870 x 100%
    AVG([3.30.01.2.01]; [3.30.01.2.02])

Formulas are typed by users, so they are never handed to eval/exec/compile or the `ast` module. A small
tokenizer accepts only an allow-list of token kinds and a recursive-descent parser builds a tree of frozen
dataclasses, which is then evaluated in `Decimal`.

Grammar (whitespace between tokens is ignored)::

    rumus     := ekspresi '%'?                 -- a trailing '%' ("x 100%") is ignored
    ekspresi  := suku (('+' | '-') suku)*
    suku      := faktor (('*' | 'x' | 'X' | '×' | '/' | ':' | '÷') faktor)*
    faktor    := ('+' | '-') faktor | primer
    primer    := ANGKA | NAMA | '[' kode ']' | FUNGSI '(' ekspresi ((';' | ',') ekspresi)* ')'
               | '(' ekspresi ')'

* ANGKA is ASCII digits with an optional decimal part; the decimal mark is '.' or ','. A ',' directly
  between two digits is always a decimal mark, so "AVG(1,5)" is AVG(1.5): separate arguments with ';'
  or ", ". Thousands separators are rejected rather than guessed ("1.000.000" is an error).
* NAMA is an ASCII letter or '_' followed by letters, digits and '_' (case-sensitive). A lone ``x`` or
  ``X`` token is the multiplication operator, so it can never be a variable; ``ekspor_x1`` is a name.
* FUNGSI is SUM, AVG (alias RATA), MIN or MAX, case-insensitive, with at least one argument.

Three ways of writing a parsed formula: `teks()` in this syntax (it parses back), `substitusi()` with the
values ("1.151.384.000 / 3.129.274.170 × 100"), and `notasi()` for a reader, by the variables' labels, as the
reference's Kertas Kerja writes it ("Σ Realisasi PAD pelayanan pasar / Σ Target PAD pelayanan pasar × 100 %").

Missing data is not zero: a variable or reference without a value (None, or absent from the mapping)
makes the result None, and so does a division by zero. The result is not rounded here; `kinerja` rounds
the quarter's K it becomes as printed (2 decimals) before anything else uses it.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from functools import lru_cache

from capaian.aturan.angka import format_tepat

__all__ = [
    "MAKS_KEDALAMAN",
    "MAKS_PANJANG",
    "MAKS_TINGGI",
    "PRESISI",
    "Angka",
    "Biner",
    "Fungsi",
    "Referensi",
    "Rumus",
    "RumusError",
    "Simpul",
    "Unary",
    "Variabel",
    "hitung",
    "notasi_besaran",
    "urai",
]

# Limits against abuse: a formula is typed into a web form, and an unbounded one could exhaust memory
# or the Python stack. No legitimate indicator formula comes near them.
MAKS_PANJANG = 2000
# Nesting of parentheses, function calls and unary signs: each level costs the parser a few stack frames.
MAKS_KEDALAMAN = 50
# Height of the parsed tree: "a + b + c + ..." is left-deep, and evaluation, teks(), == and hash() all
# recurse over it, so it is bounded well below Python's recursion limit of 1000.
MAKS_TINGGI = 200
# Significant digits of every intermediate result; Decimal's default is 28.
PRESISI = 40

# A fixed context rather than a copy of the caller's, so that a caller's rounding mode or traps cannot
# change an indicator's value.
_KONTEKS = Context(
    prec=PRESISI,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


class RumusError(ValueError):
    """A formula that cannot be parsed; `posisi` is the 0-based character index it points at."""

    posisi: int
    pesan: str

    def __init__(self, posisi: int, pesan: str) -> None:
        # Both values go to ValueError so that args round-trips through pickle (Celery, cache, logging).
        super().__init__(posisi, pesan)
        self.posisi = posisi
        self.pesan = pesan

    def __str__(self) -> str:
        return f"Kesalahan pada posisi {self.posisi}: {self.pesan}"


# ---------------------------------------------------------------------------------------------------
# Tree


@dataclass(frozen=True)
class Angka:
    nilai: Decimal


@dataclass(frozen=True)
class Variabel:
    nama: str


@dataclass(frozen=True)
class Referensi:
    """The value of another indicator; `kode` is the text between the square brackets."""

    kode: str


@dataclass(frozen=True)
class Unary:
    op: str  # "+" or "-"
    operan: Simpul


@dataclass(frozen=True)
class Biner:
    op: str  # "+", "-", "*" or "/": the canonical operator, whatever spelling the source used
    kiri: Simpul
    kanan: Simpul


@dataclass(frozen=True)
class Fungsi:
    nama: str  # upper-cased as written, so an alias ("RATA") is shown back to the user as they wrote it
    argumen: tuple[Simpul, ...]


type Simpul = Angka | Variabel | Referensi | Unary | Biner | Fungsi

# Canonical function -> implementation name; aliases map onto the same implementation.
_FUNGSI = {"SUM": "SUM", "AVG": "AVG", "RATA": "AVG", "MIN": "MIN", "MAX": "MAX"}


# ---------------------------------------------------------------------------------------------------
# Tokenizer


class _Jenis(enum.Enum):
    ANGKA = enum.auto()
    NAMA = enum.auto()
    REFERENSI = enum.auto()
    TAMBAH = enum.auto()
    KURANG = enum.auto()
    KALI = enum.auto()
    BAGI = enum.auto()
    BUKA = enum.auto()
    TUTUP = enum.auto()
    PEMISAH = enum.auto()
    PERSEN = enum.auto()
    AKHIR = enum.auto()


@dataclass(frozen=True, slots=True)
class _Token:
    jenis: _Jenis
    teks: str  # as written in the source, for error messages
    posisi: int
    isi: str = ""  # number with '.' as decimal mark, variable name or reference code


_DIGIT = frozenset("0123456789")
_HURUF = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_AWAL_NAMA = _HURUF | {"_"}
_ISI_NAMA = _AWAL_NAMA | _DIGIT

# Single-character tokens. U+2212 (minus sign) and '÷' arrive when formulas are pasted from Word.
_SIMBOL = {
    "+": _Jenis.TAMBAH,
    "-": _Jenis.KURANG,
    "\u2212": _Jenis.KURANG,
    "*": _Jenis.KALI,
    "×": _Jenis.KALI,
    "/": _Jenis.BAGI,
    ":": _Jenis.BAGI,
    "÷": _Jenis.BAGI,
    "(": _Jenis.BUKA,
    ")": _Jenis.TUTUP,
    ";": _Jenis.PEMISAH,
    ",": _Jenis.PEMISAH,
    "%": _Jenis.PERSEN,
}


def _digit_berikut(sumber: str, i: int) -> bool:
    """True when sumber[i] is a decimal mark directly followed by a digit."""
    return i + 1 < len(sumber) and sumber[i] in ".," and sumber[i + 1] in _DIGIT


def _pindai(sumber: str) -> list[_Token]:
    token: list[_Token] = []
    n = len(sumber)
    i = 0
    while i < n:
        c = sumber[i]
        if c.isspace():
            i += 1
        elif c in _DIGIT:
            j = i
            while j < n and sumber[j] in _DIGIT:
                j += 1
            isi = sumber[i:j]
            if _digit_berikut(sumber, j):
                k = j + 1
                while k < n and sumber[k] in _DIGIT:
                    k += 1
                isi += "." + sumber[j + 1 : k]
                j = k
                if _digit_berikut(sumber, j):
                    raise RumusError(
                        j,
                        "angka tidak valid: tanda desimal lebih dari satu "
                        "(tulis angka tanpa pemisah ribuan, mis. 1151384000)",
                    )
            token.append(_Token(_Jenis.ANGKA, sumber[i:j], i, isi))
            i = j
        elif c in _AWAL_NAMA:
            j = i + 1
            while j < n and sumber[j] in _ISI_NAMA:
                j += 1
            nama = sumber[i:j]
            # Only the lone token is the operator; "ekspor_x1" or "x1" stay names.
            jenis = _Jenis.KALI if nama in ("x", "X") else _Jenis.NAMA
            token.append(_Token(jenis, nama, i, nama))
            i = j
        elif c == "[":
            j = i + 1
            while j < n and sumber[j] not in "[]":
                j += 1
            # A second '[' before ']' almost always means a forgotten ']', so it is not taken as code.
            if j >= n or sumber[j] == "[":
                raise RumusError(i, "tanda kurung siku '[' tidak ditutup dengan ']'")
            kode = sumber[i + 1 : j].strip()
            if not kode:
                raise RumusError(i, "referensi indikator kosong: tulis kode indikator di antara '[' dan ']'")
            token.append(_Token(_Jenis.REFERENSI, sumber[i : j + 1], i, kode))
            i = j + 1
        elif c in _SIMBOL:
            token.append(_Token(_SIMBOL[c], c, i))
            i += 1
        elif c == "]":
            raise RumusError(i, "tanda kurung siku ']' tanpa pasangan '['")
        else:
            raise RumusError(i, f"karakter {c!r} tidak dikenal")
    # Reports write "a : b x 100%": a final '%' only repeats that the value is a percentage.
    if token and token[-1].jenis is _Jenis.PERSEN:
        token.pop()
    for t in token:
        if t.jenis is _Jenis.PERSEN:
            raise RumusError(t.posisi, "tanda '%' hanya boleh di akhir rumus")
    token.append(_Token(_Jenis.AKHIR, "", n))
    return token


# ---------------------------------------------------------------------------------------------------
# Parser

_HARAPAN_OPERAN = "diharapkan angka, variabel, [kode indikator], fungsi, atau '('"


def _kutip(t: _Token) -> str:
    return "akhir rumus" if t.jenis is _Jenis.AKHIR else f"'{t.teks}'"


class _Pengurai:
    def __init__(self, sumber: str, dikenal: frozenset[str] | None) -> None:
        self.token = _pindai(sumber)
        self.i = 0
        self.kedalaman = 0
        self.dikenal = dikenal

    @property
    def kini(self) -> _Token:
        return self.token[self.i]

    def maju(self) -> _Token:
        t = self.token[self.i]
        if t.jenis is not _Jenis.AKHIR:
            self.i += 1
        return t

    def masuk(self, t: _Token) -> None:
        self.kedalaman += 1
        if self.kedalaman > MAKS_KEDALAMAN:
            raise RumusError(
                t.posisi, f"rumus terlalu dalam bersarang (maksimal {MAKS_KEDALAMAN} tingkat kurung/fungsi)"
            )

    @staticmethod
    def tinggi(t: _Token, nilai: int) -> int:
        if nilai > MAKS_TINGGI:
            raise RumusError(
                t.posisi,
                f"rumus terlalu rumit (lebih dari {MAKS_TINGGI} operasi bertingkat); "
                "gunakan SUM(...) atau pecah menjadi beberapa indikator",
            )
        return nilai

    def rumus(self) -> Simpul:
        if self.kini.jenis is _Jenis.AKHIR:
            raise RumusError(0, "rumus kosong")
        simpul, _ = self.ekspresi()
        t = self.kini
        if t.jenis is not _Jenis.AKHIR:
            if t.jenis is _Jenis.TUTUP:
                raise RumusError(t.posisi, "tanda kurung tutup ')' tanpa pasangan '('")
            if t.jenis is _Jenis.PEMISAH:
                raise RumusError(t.posisi, f"pemisah '{t.teks}' hanya boleh di antara argumen fungsi")
            raise RumusError(
                t.posisi, f"'{t.teks}' tidak diharapkan di sini; diharapkan operator (+, -, ×, /)"
            )
        return simpul

    def ekspresi(self) -> tuple[Simpul, int]:
        kiri, tinggi_kiri = self.suku()
        while self.kini.jenis in (_Jenis.TAMBAH, _Jenis.KURANG):
            t = self.maju()
            kanan, tinggi_kanan = self.suku()
            op = "+" if t.jenis is _Jenis.TAMBAH else "-"
            kiri = Biner(op, kiri, kanan)
            tinggi_kiri = self.tinggi(t, 1 + max(tinggi_kiri, tinggi_kanan))
        return kiri, tinggi_kiri

    def suku(self) -> tuple[Simpul, int]:
        kiri, tinggi_kiri = self.faktor()
        while self.kini.jenis in (_Jenis.KALI, _Jenis.BAGI):
            t = self.maju()
            kanan, tinggi_kanan = self.faktor()
            op = "*" if t.jenis is _Jenis.KALI else "/"
            kiri = Biner(op, kiri, kanan)
            tinggi_kiri = self.tinggi(t, 1 + max(tinggi_kiri, tinggi_kanan))
        return kiri, tinggi_kiri

    def faktor(self) -> tuple[Simpul, int]:
        t = self.kini
        if t.jenis in (_Jenis.TAMBAH, _Jenis.KURANG):
            self.maju()
            self.masuk(t)
            operan, tinggi = self.faktor()
            self.kedalaman -= 1
            return Unary("+" if t.jenis is _Jenis.TAMBAH else "-", operan), self.tinggi(t, tinggi + 1)
        return self.primer()

    def primer(self) -> tuple[Simpul, int]:
        t = self.maju()
        if t.jenis is _Jenis.ANGKA:
            return Angka(Decimal(t.isi)), 1
        if t.jenis is _Jenis.REFERENSI:
            return Referensi(t.isi), 1
        if t.jenis is _Jenis.NAMA:
            if self.kini.jenis is _Jenis.BUKA:
                return self.fungsi(t)
            return self.variabel(t), 1
        if t.jenis is _Jenis.BUKA:
            self.masuk(t)
            simpul, tinggi = self.ekspresi()
            self.tutup("operator atau ')'")
            self.kedalaman -= 1
            return simpul, tinggi
        if t.jenis is _Jenis.AKHIR:
            raise RumusError(t.posisi, f"rumus berakhir sebelum lengkap; {_HARAPAN_OPERAN}")
        raise RumusError(t.posisi, f"'{t.teks}' tidak diharapkan di sini; {_HARAPAN_OPERAN}")

    def tutup(self, harapan: str) -> None:
        t = self.kini
        if t.jenis is _Jenis.TUTUP:
            self.maju()
        elif t.jenis is _Jenis.AKHIR:
            raise RumusError(t.posisi, "tanda kurung tutup ')' tidak ditemukan")
        else:
            raise RumusError(t.posisi, f"{_kutip(t)} tidak diharapkan di sini; diharapkan {harapan}")

    def variabel(self, t: _Token) -> Variabel:
        if self.dikenal is not None and t.isi not in self.dikenal:
            pesan = f"variabel '{t.isi}' tidak dikenal"
            mirip = difflib.get_close_matches(t.isi, sorted(self.dikenal), n=1)
            if mirip:
                pesan += f"; mungkin maksud Anda '{mirip[0]}'?"
            raise RumusError(t.posisi, pesan)
        return Variabel(t.isi)

    def fungsi(self, nama: _Token) -> tuple[Simpul, int]:
        kanonik = nama.isi.upper()
        if kanonik not in _FUNGSI:
            raise RumusError(
                nama.posisi, f"fungsi '{nama.isi}' tidak dikenal; gunakan SUM, AVG, RATA, MIN, atau MAX"
            )
        buka = self.maju()
        self.masuk(buka)
        if self.kini.jenis is _Jenis.TUTUP:
            raise RumusError(nama.posisi, f"fungsi {kanonik} memerlukan paling sedikit satu argumen")
        argumen: list[Simpul] = []
        tinggi = 0
        while True:
            arg, tinggi_arg = self.ekspresi()
            argumen.append(arg)
            tinggi = max(tinggi, tinggi_arg)
            if self.kini.jenis is not _Jenis.PEMISAH:
                break
            self.maju()
        self.tutup("';' atau ')'")
        self.kedalaman -= 1
        return Fungsi(kanonik, tuple(argumen)), self.tinggi(nama, tinggi + 1)


# ---------------------------------------------------------------------------------------------------
# Evaluation


def _nilai(
    simpul: Simpul, variabel: Mapping[str, Decimal | None], referensi: Mapping[str, Decimal | None]
) -> Decimal | None:
    match simpul:
        case Angka(nilai):
            return nilai
        case Variabel(nama):
            return _terhingga(variabel.get(nama))
        case Referensi(kode):
            return _terhingga(referensi.get(kode))
        case Unary(op, operan):
            x = _nilai(operan, variabel, referensi)
            if x is None:
                return None
            return -x if op == "-" else x
        case Biner(op, kiri, kanan):
            a = _nilai(kiri, variabel, referensi)
            if a is None:
                return None
            b = _nilai(kanan, variabel, referensi)
            if b is None:
                return None
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            # Division by zero means "no value" (the target was 0), never an exception.
            return None if b.is_zero() else a / b
        case Fungsi(nama, argumen):
            daftar: list[Decimal] = []
            for arg in argumen:
                x = _nilai(arg, variabel, referensi)
                # A blank argument is not zero: an average over partly-entered data would be wrong.
                if x is None:
                    return None
                daftar.append(x)
            jenis = _FUNGSI[nama]
            if jenis == "MIN":
                return min(daftar)
            if jenis == "MAX":
                return max(daftar)
            total = sum(daftar, Decimal(0))
            return total if jenis == "SUM" else total / len(daftar)
    raise TypeError(f"bukan simpul rumus: {simpul!r}")


def _terhingga(x: Decimal | None) -> Decimal | None:
    # NaN or Infinity is not a value a user entered; treating it as "not entered" keeps comparisons in
    # MIN/MAX and the arithmetic from raising.
    if x is None or not x.is_finite():
        return None
    return x


# ---------------------------------------------------------------------------------------------------
# Display

_PRIORITAS_BINER = {"+": 1, "-": 1, "*": 2, "/": 2}
_PRIORITAS_UNARY = 3
_PRIORITAS_ATOM = 4
_TAMPILAN_OP = {"+": "+", "-": "-", "*": "×", "/": "/"}


def _prioritas(simpul: Simpul) -> int:
    if isinstance(simpul, Biner):
        return _PRIORITAS_BINER[simpul.op]
    if isinstance(simpul, Unary):
        return _PRIORITAS_UNARY
    return _PRIORITAS_ATOM


@dataclass(frozen=True)
class _Gaya:
    """How a tree is written: the operators' signs, and for a reader (notasi) the functions' Indonesian names
    and "× 100 %" where a whole expression (the formula, or an argument of a function) is a percentage."""

    op: Mapping[str, str]
    unary_kurang: str = "-"
    fungsi: Mapping[str, str] | None = None  # canonical function -> shown name; None: as written
    persen: bool = False


_GAYA_TEKS = _Gaya(_TAMPILAN_OP)


def _tulis(
    simpul: Simpul, daun: Callable[[Simpul], str], gaya: _Gaya = _GAYA_TEKS, atas: bool = False
) -> str:
    """Writes the tree with as few parentheses as keep its structure; `daun` renders the leaves."""
    match simpul:
        case Unary(op, operan):
            teks = _tulis(operan, daun, gaya)
            # "-(-a)" rather than "--a", and "-(a + b)" because the sign binds tighter than any operator.
            if _prioritas(operan) <= _PRIORITAS_UNARY:
                teks = f"({teks})"
            return (gaya.unary_kurang if op == "-" else op) + teks
        case Biner(op, kiri, kanan):
            p = _PRIORITAS_BINER[op]
            teks_kiri = _tulis(kiri, daun, gaya)
            if _prioritas(kiri) < p:
                teks_kiri = f"({teks_kiri})"
            teks_kanan = _tulis(kanan, daun, gaya)
            # Operators are left-associative, so an equal-priority right operand needs parentheses
            # ("a - (b - c)"); a signed right operand gets them for readability ("a × (-b)").
            if _prioritas(kanan) <= _PRIORITAS_UNARY and (_prioritas(kanan) <= p or isinstance(kanan, Unary)):
                teks_kanan = f"({teks_kanan})"
            teks = f"{teks_kiri} {gaya.op[op]} {teks_kanan}"
            return f"{teks} %" if gaya.persen and atas and _kali_seratus(simpul) else teks
        case Fungsi(nama, argumen):
            isi = "; ".join(_tulis(arg, daun, gaya, atas=True) for arg in argumen)
            if gaya.fungsi is None:
                return f"{nama}({isi})"
            return f"{gaya.fungsi[_FUNGSI[nama]]} ({isi})"
        case _:
            return daun(simpul)


def _teks_angka(nilai: Decimal) -> str:
    """A literal as it can be parsed back: no thousands grouping, ',' as the decimal mark."""
    return format(nilai, "f").replace(".", ",")


# Official notation (the Kertas Kerja): the way the reference writes formulas for a reader, by the variables'
# labels: "Σ Realisasi PAD pelayanan pasar / Σ Target PAD pelayanan pasar × 100 %".
_NOTASI_OP = {"+": "+", "-": "\u2212", "*": "×", "/": "/"}
_NOTASI_FUNGSI = {"SUM": "Jumlah", "AVG": "Rata-rata", "MIN": "Terendah", "MAX": "Tertinggi"}
# A label that already names a rate, a mean or a score is not a counted quantity, so it takes no Σ.
_BUKAN_JUMLAH = (
    "rata-rata",
    "rata rata",
    "persentase",
    "prosentase",
    "rasio",
    "indeks",
    "nilai",
    "skor",
    "tingkat",
    "laju",
    "angka",
    "proporsi",
)


def notasi_besaran(label: str) -> str:
    """A quantity in the reference's notation: a counted or summed quantity is "Σ <what is counted>"
    ("Jumlah pasar yang dikelola" -> "Σ pasar yang dikelola", "Realisasi PAD" -> "Σ Realisasi PAD"); a rate, a
    mean or a score stays as named ("Persentase temuan …", "Rata-rata …", "Nilai SAKIP")."""
    teks = " ".join(label.split())
    kecil = teks.lower()
    if not teks or kecil.startswith(("σ", "∑")):
        return teks
    if kecil.startswith("jumlah "):
        return f"Σ {teks[len('jumlah ') :]}"
    if kecil.startswith(_BUKAN_JUMLAH):
        return teks
    return f"Σ {teks}"


_GAYA_NOTASI = _Gaya(_NOTASI_OP, unary_kurang="\u2212", fungsi=_NOTASI_FUNGSI, persen=True)
# The calculation with the values: functions by their Indonesian names, "-" for a blank input and the minus.
_GAYA_SUBSTITUSI = _Gaya(_TAMPILAN_OP, fungsi=_NOTASI_FUNGSI)


def _kali_seratus(simpul: Simpul) -> bool:
    return (
        isinstance(simpul, Biner)
        and simpul.op == "*"
        and isinstance(simpul.kanan, Angka)
        and simpul.kanan.nilai == 100
    )


def _kumpulkan(simpul: Simpul, jenis: type[Variabel] | type[Referensi], hasil: set[str]) -> None:
    match simpul:
        case Variabel(nama) if jenis is Variabel:
            hasil.add(nama)
        case Referensi(kode) if jenis is Referensi:
            hasil.add(kode)
        case Unary(_, operan):
            _kumpulkan(operan, jenis, hasil)
        case Biner(_, kiri, kanan):
            _kumpulkan(kiri, jenis, hasil)
            _kumpulkan(kanan, jenis, hasil)
        case Fungsi(_, argumen):
            for arg in argumen:
                _kumpulkan(arg, jenis, hasil)


# ---------------------------------------------------------------------------------------------------
# Public API


_KOSONG: Mapping[str, Decimal | None] = {}


@dataclass(frozen=True)
class Rumus:
    """A parsed formula. Build it with urai(); `pohon` is its tree."""

    sumber: str
    pohon: Simpul

    def variabel(self) -> frozenset[str]:
        """Names of the input variables the formula uses."""
        hasil: set[str] = set()
        _kumpulkan(self.pohon, Variabel, hasil)
        return frozenset(hasil)

    def referensi(self) -> frozenset[str]:
        """Codes of the other indicators the formula uses (the text inside [])."""
        hasil: set[str] = set()
        _kumpulkan(self.pohon, Referensi, hasil)
        return frozenset(hasil)

    def hitung(
        self,
        variabel: Mapping[str, Decimal | None],
        referensi: Mapping[str, Decimal | None] | None = None,
    ) -> Decimal | None:
        """The formula's value, unrounded; None when an input is missing or a divisor is zero."""
        with localcontext(_KONTEKS):
            try:
                hasil = _nilai(self.pohon, variabel, _KOSONG if referensi is None else referensi)
            except DecimalException:
                # Only an overflow past 10**999999 gets here; such a result is no value at all.
                return None
            if hasil is not None and hasil.is_zero():
                # "0 × -1" gives Decimal("-0"), which must not reach a report as "-0".
                hasil = hasil.copy_abs()
            return hasil

    def teks(self) -> str:
        """The formula written canonically, e.g. "realisasi_pad / target_pad × 100"; it parses back."""
        return _tulis(self.pohon, self._daun_teks)

    def notasi(self, label: Mapping[str, str], label_referensi: Mapping[str, str] | None = None) -> str:
        """The formula in the reference's notation, by the variables' labels (`label`: name -> label) and the
        other indicators' names (`label_referensi`: kode -> indicator): "realisasi_pad / target_pad * 100" ->
        "Σ Realisasi PAD pelayanan pasar / Σ Target PAD pelayanan pasar × 100 %". For a reader, not parsed
        back; a name without a label is shown as it is written."""
        nama_referensi = {} if label_referensi is None else label_referensi

        def daun(simpul: Simpul) -> str:
            if isinstance(simpul, Angka):
                return format_tepat(simpul.nilai)
            if isinstance(simpul, Variabel):
                nama = label.get(simpul.nama)
                return notasi_besaran(nama) if nama else simpul.nama
            if isinstance(simpul, Referensi):
                nama = nama_referensi.get(simpul.kode)
                return notasi_besaran(nama) if nama else f"[{simpul.kode}]"
            raise TypeError(simpul)  # pragma: no cover - _tulis only hands leaves over

        return _tulis(self.pohon, daun, _GAYA_NOTASI, atas=True)

    def substitusi(
        self,
        variabel: Mapping[str, Decimal | None],
        referensi: Mapping[str, Decimal | None] | None = None,
    ) -> str:
        """The formula with its inputs' values, e.g. "1.151.384.000 / 3.129.274.170 × 100", "Rata-rata (100;
        25)"; "-" if blank."""
        nilai_referensi = _KOSONG if referensi is None else referensi

        def daun(simpul: Simpul) -> str:
            if isinstance(simpul, Angka):
                return format_tepat(simpul.nilai)
            if isinstance(simpul, Variabel):
                x = _terhingga(variabel.get(simpul.nama))
            elif isinstance(simpul, Referensi):
                x = _terhingga(nilai_referensi.get(simpul.kode))
            else:  # pragma: no cover - _tulis only hands leaves over
                raise TypeError(simpul)
            if x is None:
                return "-"
            teks = format_tepat(x)
            return f"({teks})" if teks.startswith("-") else teks

        return _tulis(self.pohon, daun, _GAYA_SUBSTITUSI)

    @staticmethod
    def _daun_teks(simpul: Simpul) -> str:
        if isinstance(simpul, Angka):
            return _teks_angka(simpul.nilai)
        if isinstance(simpul, Variabel):
            return simpul.nama
        if isinstance(simpul, Referensi):
            return f"[{simpul.kode}]"
        raise TypeError(simpul)  # pragma: no cover - _tulis only hands leaves over


def urai(sumber: str, variabel_dikenal: Iterable[str] | None = None) -> Rumus:
    """Parses and validates a formula; raises RumusError pointing at the offending character.

    With `variabel_dikenal`, every variable the formula uses must be one of those names.
    """
    if len(sumber) > MAKS_PANJANG:
        raise RumusError(MAKS_PANJANG, f"rumus terlalu panjang (maksimal {MAKS_PANJANG} karakter)")
    return _urai_sekali(sumber, None if variabel_dikenal is None else frozenset(variabel_dikenal))


# A report parses the same formulas for every row, and a save builds several reports (about 100 parses for a
# 57-row agency); a Rumus is immutable, so sharing it is safe. A formula that fails is not cached: its
# RumusError is raised again each time.
@lru_cache(maxsize=2048)
def _urai_sekali(sumber: str, dikenal: frozenset[str] | None) -> Rumus:
    return Rumus(sumber, _Pengurai(sumber, dikenal).rumus())


def hitung(
    sumber: str,
    variabel: Mapping[str, Decimal | None],
    referensi: Mapping[str, Decimal | None] | None = None,
) -> Decimal | None:
    """Parses and evaluates in one step; see Rumus.hitung."""
    return urai(sumber).hitung(variabel, referensi)
