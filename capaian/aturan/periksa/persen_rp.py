"""Columns 13 Rp (= 12 / 7) and 15 Rp (= 14 / 5): the budget percentages, never capped at 100 %."""

from capaian.aturan.angka import bulatkan, format_persen
from capaian.aturan.periksa.dasar import (
    GALAT,
    PERINGATAN,
    SERATUS,
    BarisE81,
    format_rupiah_sel,
    persen,
    sama,
)
from capaian.aturan.periksa.konteks import Konteks


def periksa_persen_rp(
    k: Konteks, b: BarisE81, kunci: str, kunci_r: str, kunci_t: str, basis_kosong: bool
) -> None:
    tertulis = b.nilai(kunci)
    r = b.nilai(kunci_r)
    t = b.nilai(kunci_t)
    no_r, no_t = kunci_r[:-2], kunci_t[:-2]
    if tertulis is None:
        return
    rumus = f"{no_r} / {no_t} × 100 = {format_rupiah_sel(r)} / {format_rupiah_sel(t)} × 100"
    if basis_kosong or r is None:
        if r is not None and t and tertulis == SERATUS and persen(r, t) > SERATUS:
            k.catat(
                b,
                kunci,
                "rp-dibatasi-100",
                PERINGATAN,
                f"Persentase anggaran dibatasi 100 %, padahal {rumus} = {format_persen(persen(r, t))}. "
                "Aturan tidak membatasi persentase.",
                format_persen(bulatkan(persen(r, t))),
            )
        k.catat(
            b,
            kunci,
            "basis-kosong",
            PERINGATAN,
            f"Persentase anggaran ditulis atas realisasi kolom {no_r} yang kosong: blank dihitung sebagai "
            "nol.",
            "-",
        )
        return
    if t is None or t == 0:
        k.catat(
            b,
            kunci,
            "basis-kosong",
            PERINGATAN,
            f"Persentase anggaran ditulis atas pagu kolom {no_t} yang kosong atau nol: tidak ada nilai.",
            "-",
        )
        return
    hitung = persen(r, t)
    if sama(tertulis, hitung):
        return
    if tertulis == SERATUS and hitung > SERATUS:
        k.catat(
            b,
            kunci,
            "rp-dibatasi-100",
            PERINGATAN,
            f"Persentase anggaran dibatasi 100 %, padahal {rumus} = {format_persen(hitung)}. "
            "Aturan tidak membatasi persentase.",
            format_persen(bulatkan(hitung)),
        )
        return
    k.catat(
        b,
        kunci,
        f"kolom{kunci[:2]}-rumus",
        GALAT,
        f"Kolom {kunci[:2]} Rp harus {rumus} = {format_persen(hitung)}.",
        format_persen(bulatkan(hitung)),
    )
