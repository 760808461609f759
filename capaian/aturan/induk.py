"""A parent's Rupiah is its children's sum: a kegiatan's of its sub kegiatan, a program's of its kegiatan.

Whenever an element has children, these Rupiah cells of its row are derived, never typed: column 5 Rp (the
Renstra budget), column 7 Rp (this year's budget), the quarterly Rp targets and the quarterly Rp realisations
(so column 12 and 14 Rp follow). A program sums its kegiatan's values after they have been derived from their
sub kegiatan, so a program with kegiatan that have no sub kegiatan still adds up what is there.

Column 6 Rp (the Renstra realisation up to last year) is the exception and is not handled here: last year's
elements may have had other codes (the nomenclature changes between Renja years), so it stays an input and a
difference from the children's sum is a peringatan (`periksa_data`).

Children are found by kode rekening (`kodering`: "3.30.01.2.01.0001" is a child of "3.30.01.2.01", whatever
the width of its serial), among the rows of a Renja element that carry its budget: a further indicator of
the same element (`lanjutan`) is neither a parent nor a child. Blank is not zero: a parent whose children are
all blank in a cell is blank in that cell; otherwise it is the sum of the children that have a value.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from capaian.aturan.capaian import jumlahkan_rp
from capaian.aturan.kodering import Kode, Tingkat, coba_urai_kode
from capaian.aturan.penomoran import TINGKAT_RENJA

type Empat = tuple[int | None, int | None, int | None, int | None]
KOSONG4: Empat = (None, None, None, None)
# Levels whose elements have children in the Renja: their Rupiah is derived when the children are there.
TINGKAT_INDUK = (Tingkat.PROGRAM, Tingkat.KEGIATAN)


class BarisKode(Protocol):
    """Where a row sits in the plan (capaian.laporan.data.BarisRencana has these fields)."""

    @property
    def kode(self) -> str | None: ...
    @property
    def tingkat(self) -> str: ...
    @property
    def lanjutan(self) -> bool: ...


@dataclass(frozen=True)
class Anggaran:
    """The Rupiah cells of one row that a parent derives from its children (column 6 is not one of them)."""

    renstra: int | None = None  # col 5
    target: int | None = None  # col 7
    target_tw: Empat = KOSONG4  # quarterly targets
    realisasi_tw: Empat = KOSONG4  # cols 8-11


def _empat(nilai: Sequence[Empat]) -> Empat:
    return (
        jumlahkan_rp([n[0] for n in nilai]),
        jumlahkan_rp([n[1] for n in nilai]),
        jumlahkan_rp([n[2] for n in nilai]),
        jumlahkan_rp([n[3] for n in nilai]),
    )


def jumlahkan_anggaran(anak: Sequence[Anggaran]) -> Anggaran:
    """Cell by cell, the sum of the children that have a value; blank where none has."""
    return Anggaran(
        renstra=jumlahkan_rp([a.renstra for a in anak]),
        target=jumlahkan_rp([a.target for a in anak]),
        target_tw=_empat([a.target_tw for a in anak]),
        realisasi_tw=_empat([a.realisasi_tw for a in anak]),
    )


def _kode(b: BarisKode) -> Kode | None:
    if b.lanjutan or b.tingkat not in TINGKAT_RENJA:
        return None
    kode = coba_urai_kode(b.kode)
    return kode if kode is not None and kode.tingkat.value in TINGKAT_RENJA else None


def anak_per_induk(baris: Sequence[BarisKode]) -> dict[int, list[int]]:
    """For every program or kegiatan row that has children: its index -> its children's indices, in order."""
    kode = {i: k for i, b in enumerate(baris) if (k := _kode(b)) is not None}
    per_kode: dict[Kode, list[int]] = defaultdict(list)
    for i, k in kode.items():
        per_kode[k].append(i)
    anak: dict[int, list[int]] = {}
    for i, k in kode.items():
        induk = k.induk()
        if induk is None or induk.tingkat not in TINGKAT_INDUK:
            continue
        for j in per_kode.get(induk, []):
            anak.setdefault(j, []).append(i)
    return anak


def turunkan_anggaran(baris: Sequence[BarisKode], anggaran: Sequence[Anggaran]) -> list[Anggaran]:
    """Every row's Rupiah cells, a parent's replaced by its children's sum (kegiatan first, then programs)."""
    if len(baris) != len(anggaran):
        raise ValueError("Jumlah baris dan jumlah anggaran harus sama.")
    anak = anak_per_induk(baris)
    hasil = list(anggaran)
    # Deeper parents first: a program sums its kegiatan's derived values.
    for j in sorted(anak, key=lambda j: _kedalaman(baris[j]), reverse=True):
        hasil[j] = jumlahkan_anggaran([hasil[i] for i in anak[j]])
    return hasil


def _kedalaman(b: BarisKode) -> int:
    kode = _kode(b)
    return 0 if kode is None else TINGKAT_RENJA.index(kode.tingkat.value)
