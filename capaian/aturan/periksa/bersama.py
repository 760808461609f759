"""The rules that hold for a Form E.81 row however it was obtained.

A hand-typed sheet (capaian.aturan.periksa, over cells) and the app's own data (capaian.aturan.periksa_data,
over the inputs) are checked by these same functions, so that an agency's checks page and `capaian periksa`
run on that agency's exported workbook report the same budget and code findings. Each function returns what
was found (`Pelanggaran`, without a place); the caller records it at its own place (a cell address, or "baris
35 (3.30.03.2.01.0001), 12 Rp").
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.kodering import Kode
from capaian.aturan.periksa.dasar import GALAT, PERINGATAN, Tingkatan, format_rupiah_sel


@dataclass(frozen=True)
class Pelanggaran:
    kunci: str | None  # the column key the finding is at ("12Rp"); None: the row's code
    jenis: str
    tingkat: Tingkatan
    pesan: str
    tertulis: str | None
    seharusnya: str


@dataclass(frozen=True)
class BatasPagu:
    realisasi: str  # the key of the realisation column
    pagu: str  # the key of the budget it may not exceed
    tingkat: Tingkatan
    uraian: str


# This year's spending above this year's budget contradicts the year (galat); the Renstra's spending to date
# above the Renstra's five-year budget is a warning: the Renstra's budget is often revised without its
# column 5 being retyped.
BATAS_PAGU = (
    BatasPagu("12Rp", "7Rp", GALAT, "pagu anggaran Renja tahun ini (kolom 7)"),
    BatasPagu("14Rp", "5Rp", PERINGATAN, "pagu Renstra akhir periode (kolom 5)"),
)


def pagu_terlampaui(nilai: Callable[[str], Decimal | None]) -> list[Pelanggaran]:
    """Each realisation column above its budget; `nilai` gives a column's value by key (None: blank)."""
    hasil = []
    for batas in BATAS_PAGU:
        r, t = nilai(batas.realisasi), nilai(batas.pagu)
        if r is not None and t is not None and r > t:
            hasil.append(
                Pelanggaran(
                    batas.realisasi,
                    "rp-melebihi-pagu",
                    batas.tingkat,
                    f"Realisasi anggaran {format_rupiah_sel(r)} melebihi {batas.uraian} "
                    f"{format_rupiah_sel(t)}.",
                    format_rupiah_sel(r),
                    f"paling banyak {format_rupiah_sel(t)}",
                )
            )
    return hasil


def kode_format_lama(kode: Kode) -> Pelanggaran | None:
    """A sub kegiatan numbered in the 2021 lists' 2 digits (3.30.05.2.01.05): readable, not today's form."""
    if kode.subkegiatan is None or kode.teks.rsplit(".", 1)[-1] == kode.subkegiatan:
        return None
    return Pelanggaran(
        None,
        "kode-format-lama",
        PERINGATAN,
        f"Nomor sub kegiatan ditulis 2 digit (daftar 2021); bentuk sekarang {kode.kanonik}.",
        kode.teks,
        kode.kanonik,
    )
