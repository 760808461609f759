"""A value in the wrong kind of column: a fraction in a Rupiah cell, a Rupiah-sized number in a K cell."""

from capaian.aturan.periksa.dasar import PERINGATAN, BarisE81, adalah_persen, adalah_rp, nama_kolom
from capaian.aturan.periksa.konteks import Konteks

BATAS_RUPIAH_DI_K = 1_000_000


def periksa_salah_kolom(k: Konteks, b: BarisE81) -> None:
    for kunci, s in b.sel.items():
        if s.nilai is None:
            continue
        if adalah_rp(kunci):
            if s.nilai != s.nilai.to_integral_value():
                k.catat(
                    b,
                    kunci,
                    "salah-kolom",
                    PERINGATAN,
                    f"Kolom {nama_kolom(kunci)} berisi pecahan desimal, bukan rupiah bulat: "
                    "nilai ini tampaknya milik kolom K atau persentase.",
                )
        elif (
            not adalah_persen(kunci)
            and abs(s.nilai) >= BATAS_RUPIAH_DI_K
            and s.nilai == s.nilai.to_integral_value()
        ):
            k.catat(
                b,
                kunci,
                "salah-kolom",
                PERINGATAN,
                f"Kolom {nama_kolom(kunci)} berisi bilangan sebesar rupiah: nilai ini tampaknya milik "
                "kolom Rp.",
            )
