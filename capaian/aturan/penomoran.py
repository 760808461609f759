"""Form E.81's row numbering, as the reference report numbers it: every row is numbered, except a further
indicator of the same Renja element (program, kegiatan, sub kegiatan), which continues the element's numbered
row. A further indicator of a Tujuan or Sasaran is numbered (the report numbers its Renstra rows one
by one)."""

from collections.abc import Iterable

TINGKAT_RENJA = ("program", "kegiatan", "subkegiatan")


def nomori(baris: Iterable[tuple[str, bool]]) -> list[int | None]:
    """The row numbers for rows given as (tingkat, lanjutan); None for an unnumbered continuation row."""
    nomor: list[int | None] = []
    berikut = 1
    for tingkat, lanjutan in baris:
        if lanjutan and tingkat in TINGKAT_RENJA:
            nomor.append(None)
        else:
            nomor.append(berikut)
            berikut += 1
    return nomor
