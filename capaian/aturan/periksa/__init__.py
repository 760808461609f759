"""Checks of a hand-typed Form E.81 sheet: recompute what is derivable and list every inconsistency.

The checker works from a pure data structure (`LembarE81`: rows of cells, each with its address such as
'E.81'!K17), so it needs neither a database nor a workbook library; `capaian.impor.baca` builds that
structure from .xlsx/.xls files. Every finding is a `Temuan` with a stable `jenis` identifier, a level
("galat": the sheet contradicts itself or the rules; "peringatan": explainable, but by a reading that is
not the default or that counts a blank as zero), the Form E.81 column number and an Indonesian message.

A workbook Capaian exported states each row's method (capaian.aturan.metode), and the checks use it. A sheet
that does not say how each indicator aggregates its quarters, accumulates into the Renstra or which polarity
it has gets every reading of `capaian.aturan.capaian` tried, and the finding says which one explains the
written value. Comparisons are made after half-up rounding to 2 decimals with a tolerance of 0,01, and
accept a value computed from the printed (rounded) inputs as well as one computed at full precision.

The modules, one per column group:

    dasar        findings, the sheet as data, column names, comparisons     (shared by all)
    konteks      what the checks share while they run over one sheet
    kode         column 2, the kode rekening
    salah_kolom  a value in the wrong kind of column
    kolom12      column 12 (Rp the sum of the quarters, K by aggregation)
    persen_k     columns 13 K and 15 K (polarity)
    persen_rp    columns 13 Rp and 15 Rp
    kolom14      column 14 (Rp 6 + 12, K by accumulation)
    pagu         budgets and quarterly targets
    induk_anak   programs and kegiatan against the sum of their children
    penutup      the Jumlah, Total Rata-Rata and Predikat rows, and a totals row shifted by one cell
    jalankan     the order of the checks
"""

from capaian.aturan.periksa.dasar import (
    GALAT,
    KOLOM_TW,
    NAMA_TW,
    PERINGATAN,
    TOLERANSI,
    BarisE81,
    JenisBaris,
    LembarE81,
    Sel,
    Temuan,
    Tingkatan,
    format_rupiah_sel,
    nama_kolom,
    nomor_kolom,
    tampak_negatif,
    urutan_kunci,
)
from capaian.aturan.periksa.jalankan import hitung_per_jenis, periksa

__all__ = [
    "GALAT",
    "KOLOM_TW",
    "NAMA_TW",
    "PERINGATAN",
    "TOLERANSI",
    "BarisE81",
    "JenisBaris",
    "LembarE81",
    "Sel",
    "Temuan",
    "Tingkatan",
    "format_rupiah_sel",
    "hitung_per_jenis",
    "nama_kolom",
    "nomor_kolom",
    "periksa",
    "tampak_negatif",
    "urutan_kunci",
]
