"""Budgets and quarterly targets: realisation above the budget, a quarter's target above the year's."""

from collections.abc import Callable
from decimal import Decimal

from capaian.aturan.angka import format_angka
from capaian.aturan.capaian import Agregasi
from capaian.aturan.periksa.bersama import pagu_terlampaui
from capaian.aturan.periksa.dasar import (
    GALAT,
    KOLOM_TW,
    NAMA_TW,
    NOL,
    PERINGATAN,
    BarisE81,
    Tingkatan,
    format_rupiah_sel,
)
from capaian.aturan.periksa.konteks import Konteks


def periksa_pagu(k: Konteks, b: BarisE81) -> None:
    for p in pagu_terlampaui(b.nilai):
        assert p.kunci is not None
        k.catat(b, p.kunci, p.jenis, p.tingkat, p.pesan, p.seharusnya)


def _tingkat_target_k(b: BarisE81) -> Tingkatan | None:
    """A quarter's K target above the year's contradicts the year only for an indicator whose quarters add
    up; for a position or an average it may be right mid-year. With the method stated (the "Metode" sheet
    of Capaian's own workbooks) the checker decides as the app's own checks do: a galat for jumlah, nothing
    otherwise. Without it, it can only warn."""
    if b.sifat is None:
        return PERINGATAN
    return GALAT if b.sifat.agregasi is Agregasi.JUMLAH else None


def periksa_target_tw(k: Konteks, b: BarisE81) -> None:
    if not k.lembar.ada_target_tw:
        return
    kolom = KOLOM_TW[: k.lembar.triwulan]
    bentuk: tuple[tuple[str, Callable[[Decimal | None], str], Tingkatan | None], ...] = (
        ("K", format_angka, _tingkat_target_k(b)),
        ("Rp", format_rupiah_sel, GALAT),
    )
    for kr, fmt, tingkat in bentuk:
        tahunan = b.nilai(f"7{kr}")
        if tahunan is None or tingkat is None:
            continue
        for kol in kolom:
            t = b.nilai(f"T{kol}{kr}")
            if t is not None and t > tahunan:
                k.catat(
                    b,
                    f"T{kol}{kr}",
                    "tw-melebihi-target",
                    tingkat,
                    f"Target {NAMA_TW[KOLOM_TW.index(kol)]} {kr} {fmt(t)} melebihi target tahunan "
                    f"(kolom 7 {kr}) {fmt(tahunan)}.",
                    f"paling banyak {fmt(tahunan)}",
                )
    pagu = b.nilai("7Rp")
    ada = [n for kol in kolom if (n := b.nilai(f"T{kol}Rp")) is not None]
    if pagu is not None and len(ada) > 1 and sum(ada, NOL) > pagu:
        k.catat(
            b,
            f"T{KOLOM_TW[0]}Rp",
            "tw-melebihi-target",
            GALAT,
            f"Jumlah target anggaran triwulan {format_rupiah_sel(sum(ada, NOL))} melebihi pagu tahunan "
            f"{format_rupiah_sel(pagu)}.",
            f"paling banyak {format_rupiah_sel(pagu)}",
        )
