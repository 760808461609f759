"""Predicate bands (predikat) as versioned data, with an explicit boundary rule.

The evaluation scale of Permendagri 86/2017 is written in whole numbers (91-100, 76-90, ...), so a value such
as 65,08 falls between two bands. Which band it belongs to is a choice, recorded in `AturanBatas`. A band set
is applied to the value after rounding to 2 decimals, so that a printed number and its label never disagree.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from capaian.aturan.angka import bulatkan


class AturanBatas(StrEnum):
    # A cut point belongs to the band below it: x <= 50 Sangat Rendah, 50 < x <= 65 Rendah, ...
    ATAS_INKLUSIF = "atas-inklusif"
    # A cut point belongs to the band above it: x >= 91 Sangat Tinggi, x >= 76 Tinggi, ...
    BAWAH_INKLUSIF = "bawah-inklusif"


class SetPredikatError(ValueError):
    pass


@dataclass(frozen=True)
class SetPredikat:
    kode: str
    versi: int
    nama: str
    aturan: AturanBatas
    ambang: tuple[Decimal, ...]  # cut points, ascending
    label: tuple[str, ...]  # one more than the cut points, lowest band first

    def __post_init__(self) -> None:
        if len(self.label) != len(self.ambang) + 1:
            raise SetPredikatError("Jumlah label harus satu lebih banyak dari jumlah batas.")
        if list(self.ambang) != sorted(set(self.ambang)):
            raise SetPredikatError("Batas predikat harus naik dan tidak boleh berulang.")

    def predikat(self, nilai: Decimal | None) -> str | None:
        """The label for `nilai` (a percentage); None where there is no value to judge."""
        if nilai is None:
            return None
        x = bulatkan(nilai, 2)
        for indeks, batas in enumerate(self.ambang):
            if x < batas or (self.aturan is AturanBatas.ATAS_INKLUSIF and x == batas):
                return self.label[indeks]
        return self.label[-1]

    def uraian_batas(self) -> list[str]:
        """Human-readable bands, e.g. ['x ≤ 50: Sangat Rendah', '50 < x ≤ 65: Rendah', ...]."""
        teks: list[str] = []
        for indeks, label in enumerate(self.label):
            bawah = self.ambang[indeks - 1] if indeks > 0 else None
            atas = self.ambang[indeks] if indeks < len(self.ambang) else None
            if self.aturan is AturanBatas.ATAS_INKLUSIF:
                kiri = f"{_fmt(bawah)} < " if bawah is not None else ""
                kanan = f" ≤ {_fmt(atas)}" if atas is not None else ""
            else:
                kiri = f"{_fmt(bawah)} ≤ " if bawah is not None else ""
                kanan = f" < {_fmt(atas)}" if atas is not None else ""
            teks.append(f"{kiri}x{kanan}: {label}")
        return teks


def _fmt(nilai: Decimal) -> str:
    return format(nilai.normalize(), "f").replace(".", ",")


LIMA_TINGKAT = ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi")

# The reading of the reference report (65,08 is Sedang, 75,27 is Tinggi): the default.
PERMENDAGRI_86_ATAS = SetPredikat(
    kode="permendagri86-atas-inklusif",
    versi=1,
    nama="Permendagri 86/2017, batas atas inklusif",
    aturan=AturanBatas.ATAS_INKLUSIF,
    ambang=(Decimal(50), Decimal(65), Decimal(75), Decimal(90)),
    label=LIMA_TINGKAT,
)

# The reading of most public implementations: >= 91, >= 76, >= 66, >= 51.
PERMENDAGRI_86_BAWAH = SetPredikat(
    kode="permendagri86-bawah-inklusif",
    versi=1,
    nama="Permendagri 86/2017, batas bawah inklusif (≥ 91, ≥ 76, ≥ 66, ≥ 51)",
    aturan=AturanBatas.BAWAH_INKLUSIF,
    ambang=(Decimal(51), Decimal(66), Decimal(76), Decimal(91)),
    label=LIMA_TINGKAT,
)

BAWAAN = PERMENDAGRI_86_ATAS
SEMUA: dict[str, SetPredikat] = {s.kode: s for s in (PERMENDAGRI_86_ATAS, PERMENDAGRI_86_BAWAH)}


def cari(kode: str, tambahan: Iterable[SetPredikat] = ()) -> SetPredikat:
    """The band set named `kode` among the built-in sets and `tambahan` (sets kept in the database)."""
    pilihan = dict(SEMUA)
    pilihan.update({s.kode: s for s in tambahan})
    try:
        return pilihan[kode]
    except KeyError:
        raise SetPredikatError(f"Set predikat '{kode}' tidak dikenal.") from None
