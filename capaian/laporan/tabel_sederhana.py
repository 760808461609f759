"""A plain printable table (title lines, header rows, body rows, closing lines) that the year's documents
(Form E.81 Perubahan, Form E.80) are laid out as, so one XLSX and one PDF renderer serve them. Cells are
already formatted text, or a number with its printed decimals; nothing is computed here."""

from dataclasses import dataclass, field
from decimal import Decimal

Nilai = str | int | Decimal | None


@dataclass(frozen=True)
class Angka:
    """A number cell: the value as printed and its decimals (0 for Rupiah, 2 for K and percentages)."""

    nilai: Decimal | int | None
    tempat: int = 2


Sel = str | Angka


@dataclass(frozen=True)
class Tabel:
    nama_lembar: str
    judul: tuple[str, ...]
    kepala: tuple[tuple[str, ...], ...]  # header rows, each as wide as the body
    baris: tuple[tuple[Sel, ...], ...]
    penutup: tuple[str, ...] = ()
    tebal: frozenset[int] = field(default_factory=frozenset)  # body rows printed bold
    # For print (PDF): columns whose next column is their Rupiah, printed as one column, K above Rp; and
    # bands of columns printed one after the other (each a tuple of column indices), for a table wider
    # than the page. Empty: every column side by side, one band.
    pasangan: frozenset[int] = field(default_factory=frozenset)
    pita: tuple[tuple[int, ...], ...] = ()
