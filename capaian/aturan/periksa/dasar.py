"""The checker's shared vocabulary: findings, the sheet as plain data, column names and the comparisons.

Cells are keyed "5K", "5Rp", ..., "T8K" (target TW I), "8K" (realisation TW I), ..., "15Rp". A finding's
`kolom` is the Form E.81 column number alone ("8" for both the TW I target and the TW I realisation, K or
Rp); its `sel` is the exact cell and its message says K or Rp.
"""

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from capaian.aturan.angka import bulatkan, format_angka, format_k, format_rupiah
from capaian.aturan.capaian import Sifat

Tingkatan = Literal["galat", "peringatan"]
GALAT: Tingkatan = "galat"
PERINGATAN: Tingkatan = "peringatan"

TOLERANSI = Decimal("0.01")
SERATUS = Decimal(100)
NOL = Decimal(0)

# The quarter columns of Form E.81: realisation TW I..IV are columns 8..11. The quarterly targets that the
# reference report adds beside each realisation share the quarter's number; they are keyed "T8".."T11".
KOLOM_TW = ("8", "9", "10", "11")
NAMA_TW = ("TW I", "TW II", "TW III", "TW IV")
KOLOM_KODE = "2"  # Form E.81 column 2: Kode Rekening
KUNCI_PERSEN = ("13K", "13Rp", "15K", "15Rp")

# Words that mark an indicator which is better when lower (price fluctuation, poverty, ...).
KATA_NEGATIF = (
    "fluktuasi",
    "inflasi",
    "kemiskinan",
    "pengangguran",
    "stunting",
    "kematian",
    "angka kesakitan",
    "kesakitan",
    "gizi buruk",
    "kriminalitas",
    "kecelakaan",
    "kebakaran",
    "banjir",
    "kumuh",
    "putus sekolah",
    "disparitas",
    "ketimpangan",
    "gini",
    "tunggakan",
    "sengketa",
    "pelanggaran",
    "prevalensi",
)


@dataclass(frozen=True)
class Temuan:
    no: int | None
    kode: str | None
    kolom: str | None  # the Form E.81 column number ("2", "5".."15"); None for a place outside the form
    sel: str
    jenis: str
    tingkat: Tingkatan
    pesan: str
    tertulis: str | None
    seharusnya: str | None
    # The 0-based position of the row in the rows checked, where the finding is about one row of an
    # agency's data (capaian.aturan.periksa_data): the checks page links it to that row of the entry screen.
    indeks: int | None = None

    def ke_dict(self) -> dict[str, object]:
        """The finding as JSON (`capaian periksa --json`, the API). The row's position is internal: the API
        names the row's indicator instead."""
        isi = asdict(self)
        del isi["indeks"]
        return isi


@dataclass(frozen=True)
class Sel:
    """One cell: its address ('E.81'!K17), its number (None when blank or unreadable) and its text.

    `teks` is the text as typed for a text cell ("36,79%", "Sedang") and None for a number cell.
    """

    alamat: str
    nilai: Decimal | None = None
    teks: str | None = None

    @property
    def kosong(self) -> bool:
        return self.nilai is None and (self.teks or "").strip() in ("", "-", "–", "—")


class JenisBaris(StrEnum):
    DATA = "data"
    JUMLAH = "jumlah"
    RATA_RATA = "rata-rata"
    PREDIKAT = "predikat"


@dataclass
class BarisE81:
    """One row of the sheet. `sel` is keyed "5K", "5Rp", ..., "T8K" (target TW I), "8K" (realisation TW I).

    `sifat` is the row's method when the workbook states it (capaian.aturan.metode); None: the checker tries
    every reading and says which one explains the written values.
    """

    nomor_baris: int
    jenis: JenisBaris = JenisBaris.DATA
    no: int | None = None
    kode: str | None = None
    sel_kode: str | None = None
    uraian: str = ""
    indikator: str = ""
    satuan: str = ""
    sel: dict[str, Sel] = field(default_factory=dict)
    sifat: Sifat | None = None

    def nilai(self, kunci: str) -> Decimal | None:
        s = self.sel.get(kunci)
        return None if s is None else s.nilai


@dataclass
class LembarE81:
    nama: str
    baris: list[BarisE81] = field(default_factory=list)
    triwulan: int = 0  # how many quarter realisation columns the sheet has (0 to 4)
    ada_target_tw: bool = False
    temuan: list[Temuan] = field(default_factory=list)  # findings made while reading
    urutan: tuple[str, ...] = ()  # the keys in the sheet's column order; () means the form's own order

    def urutan_kolom(self) -> tuple[str, ...]:
        return self.urutan or urutan_kunci(self.triwulan, self.ada_target_tw)


def urutan_kunci(triwulan: int, ada_target_tw: bool) -> tuple[str, ...]:
    """The keys of Form E.81's number columns in the form's order."""
    kunci = ["5K", "5Rp", "6K", "6Rp", "7K", "7Rp"]
    for k in KOLOM_TW[:triwulan]:
        kunci += [f"T{k}K", f"T{k}Rp"] if ada_target_tw else []
        kunci += [f"{k}K", f"{k}Rp"]
    return (*kunci, "12K", "12Rp", "13K", "13Rp", "14K", "14Rp", "15K", "15Rp")


def adalah_persen(kunci: str) -> bool:
    return kunci.startswith(("13", "15"))


def adalah_rp(kunci: str) -> bool:
    """A Rupiah amount (not the Rp percentages of columns 13 and 15)."""
    return kunci.endswith("Rp") and not adalah_persen(kunci)


def _kr(kunci: str) -> str:
    return "Rp" if kunci.endswith("Rp") else "K"


def nomor_kolom(kunci: str) -> str:
    """The Form E.81 column number of a key: "13K" -> "13", "T8Rp" -> "8", "9K" -> "9"."""
    return kunci[: -len(_kr(kunci))].removeprefix("T")


def nama_kolom(kunci: str) -> str:
    """The column in words: "13K" -> "13 K", "T8Rp" -> "target TW I Rp", "9K" -> "9 (realisasi TW II) K"."""
    kr = _kr(kunci)
    inti = kunci[: -len(kr)]
    if inti.startswith("T") and inti[1:] in KOLOM_TW:
        return f"target {NAMA_TW[KOLOM_TW.index(inti[1:])]} {kr}"
    if inti in KOLOM_TW:
        return f"{inti} (realisasi {NAMA_TW[KOLOM_TW.index(inti)]}) {kr}"
    return f"{inti} {kr}"


def format_rupiah_sel(nilai: Decimal | None) -> str:
    """A Rupiah cell as read: whole Rupiah grouped ("1.151.384.000"); a fraction (a K value typed into an Rp
    cell) at 2 decimals, so that the message shows what was typed."""
    if nilai is None:
        return "-"
    if nilai == nilai.to_integral_value():
        return format_rupiah(int(nilai))
    return format_angka(nilai, 2)


def jumlah_desimal(nilai: Decimal) -> int:
    """How many decimals a value shows: Decimal("19.870") -> 2, Decimal("10") -> 0."""
    eksponen = nilai.normalize().as_tuple().exponent
    return max(0, -eksponen) if isinstance(eksponen, int) else 0


def teks_tertulis(sel: Sel | None, kunci: str) -> str | None:
    """The value as the sheet shows it: the text as typed, or the number in Indonesian format."""
    if sel is None:
        return None
    if sel.teks is not None:
        return sel.teks
    if sel.nilai is None:
        return None
    if adalah_rp(kunci):
        return format_rupiah_sel(sel.nilai)
    # At least the 2 decimals a report prints; more when the cell holds more (format_k shows up to 6).
    teks = format_angka(sel.nilai, 2) if jumlah_desimal(sel.nilai) <= 2 else format_k(sel.nilai)
    return teks + "%" if adalah_persen(kunci) else teks


def sama(tertulis: Decimal, hitung: Decimal) -> bool:
    """The written value equals the computed one as printed (half-up to 2 decimals), within 0,01."""
    return abs(tertulis - bulatkan(hitung, 2)) <= TOLERANSI


def sama_rp(tertulis: Decimal, hitung: Decimal) -> bool:
    return abs(tertulis - hitung) < 1


def persen(a: Decimal, b: Decimal) -> Decimal:
    return a / b * SERATUS


_SETENGAH_SEN = Decimal("0.005")


def _pita(n: Decimal) -> tuple[Decimal, ...]:
    """The values that display as `n`: within half a cent when `n` shows at most 2 decimals and is not near
    zero (a band across zero would let T / R explain anything); `n` alone when it has more digits."""
    if jumlah_desimal(n) <= 2 and abs(n) >= 2 * _SETENGAH_SEN:
        return (n - _SETENGAH_SEN, n + _SETENGAH_SEN)
    return (n,)


def dalam_pita_bulat(
    tertulis: Decimal,
    r: Decimal,
    t: Decimal,
    rumus: Callable[[Decimal, Decimal], Decimal | None] = persen,
) -> bool:
    """True when `rumus(R, T)` explains `tertulis` for some R and T that display as the written r and t.

    A sheet shows 21,83 where its own computation used 21,8333...; the percentage made from the hidden digits
    may differ from one recomputed from the shown ones by more than 0,01 (100 times more for (2T − R) / T
    with a small T). Every capaian formula is monotonic in R and in T, so the band's corners bound it.
    """
    hasil = [v for rr in _pita(r) for tt in _pita(t) if tt > 0 and (v := rumus(rr, tt)) is not None]
    return bool(hasil) and min(hasil) - TOLERANSI <= tertulis <= max(hasil) + TOLERANSI


def tampak_negatif(indikator: str) -> bool:
    """The indicator's text reads lower-is-better (price fluctuation, poverty, ...)."""
    teks = indikator.lower()
    return any(kata in teks for kata in KATA_NEGATIF)


def unik(nilai: Iterable[Decimal]) -> list[Decimal]:
    hasil: list[Decimal] = []
    for n in nilai:
        if all(n != h for h in hasil):
            hasil.append(n)
    return hasil
