"""Column 14: the Renstra realisation up to this year, Rp always 6 + 12, K by the indicator's accumulation."""

from collections.abc import Sequence
from decimal import Decimal

from capaian.aturan.angka import format_angka
from capaian.aturan.capaian import Akumulasi, akumulasikan_k
from capaian.aturan.periksa.dasar import (
    GALAT,
    NOL,
    PERINGATAN,
    BarisE81,
    format_rupiah_sel,
    sama,
    sama_rp,
    unik,
)
from capaian.aturan.periksa.konteks import Konteks


def _bacaan(
    tertulis: Decimal, lalu: Decimal | None, kandidat12: Sequence[Decimal], cara_cara: Sequence[Akumulasi]
) -> list[tuple[Akumulasi, Decimal]]:
    hasil: list[tuple[Akumulasi, Decimal]] = []
    for cara in cara_cara:
        for r in kandidat12:
            # A blank col 6 reads as 0 for the cumulative sum: nothing realised before this year.
            v = akumulasikan_k(lalu if lalu is not None else NOL, r, cara)
            if v is not None and sama(tertulis, v):
                hasil.append((cara, v))
    return hasil


def periksa_kolom14_k(
    k: Konteks, b: BarisE81, kandidat12: Sequence[Decimal], k12_kosong: bool
) -> tuple[list[Decimal], bool]:
    """Returns every value that explains column 14 K and whether it has no value to build on."""
    tertulis = b.nilai("14K")
    lalu = b.nilai("6K")
    if tertulis is None:
        return [], True
    dinyatakan = b.sifat.akumulasi if b.sifat is not None else None
    if k12_kosong or not kandidat12:
        # Which reading did the sheet use, counting the blank as zero?
        bacaan = _bacaan(tertulis, lalu, [NOL], list(Akumulasi))
        nama = ", ".join(dict.fromkeys(c.value for c, _ in bacaan)) or "tidak ada yang cocok"
        k.catat(
            b,
            "14K",
            "basis-kosong",
            PERINGATAN,
            f"Kolom 14 K dihitung dari kolom 12 yang kosong, dihitung sebagai nol (bacaan: {nama}). "
            "Realisasi tahun ini belum ada, jadi realisasi Renstra s/d tahun ini tidak bernilai.",
            "-",
        )
        return [tertulis], True
    if dinyatakan is not None:
        bacaan = _bacaan(tertulis, lalu, kandidat12, [dinyatakan])
        if bacaan:
            return unik([tertulis, *(v for _, v in bacaan)]), False
        harus = akumulasikan_k(lalu if lalu is not None else NOL, kandidat12[0], dinyatakan)
        lain = [c.value for c, _ in _bacaan(tertulis, lalu, kandidat12, list(Akumulasi))]
        k.catat(
            b,
            "14K",
            "renstra-kolom14",
            GALAT,
            f"Kolom 14 K harus {dinyatakan.value} kolom 6 dan 12 sesuai metode baris ini "
            f"({format_angka(lalu)} dan {format_angka(kandidat12[0])}) = {format_angka(harus)}"
            + (f"; tertulis cocok dengan {', '.join(dict.fromkeys(lain))}." if lain else "."),
            format_angka(harus),
        )
        return [tertulis], False
    bacaan = _bacaan(tertulis, lalu, kandidat12, list(Akumulasi))
    if not bacaan:
        uraian = ", ".join(
            f"{cara.value} {format_angka(v)}"
            for cara in Akumulasi
            if (v := akumulasikan_k(lalu, kandidat12[0], cara)) is not None
        )
        k.catat(
            b,
            "14K",
            "renstra-kolom14",
            GALAT,
            f"Kolom 14 K tidak cocok dengan bacaan akumulasi mana pun ({uraian}).",
            f"salah satu dari: {uraian}",
        )
        return [tertulis], False
    cara_cocok = list(dict.fromkeys(c for c, _ in bacaan))
    if Akumulasi.KUMULATIF not in cara_cocok:
        k.catat(
            b,
            "14K",
            "renstra-kolom14",
            PERINGATAN,
            "Kolom 14 K tidak mengikuti rumus judul 6 + 12 "
            f"({format_angka(lalu)} + {format_angka(kandidat12[0])}); yang cocok: "
            + ", ".join(c.value for c in cara_cocok)
            + ". Pastikan cara akumulasi indikator ini memang demikian.",
            None,
        )
    return unik([tertulis, *(v for _, v in bacaan)]), False


def periksa_kolom14_rp(k: Konteks, b: BarisE81, rp12_kosong: bool) -> bool:
    """Returns True when column 14 Rp has no value to build on."""
    tertulis = b.nilai("14Rp")
    lalu = b.nilai("6Rp")
    r = b.nilai("12Rp")
    if tertulis is None:
        return True
    if rp12_kosong or r is None:
        k.catat(
            b,
            "14Rp",
            "basis-kosong",
            PERINGATAN,
            "Kolom 14 Rp diisi padahal realisasi anggaran tahun ini (kolom 12) kosong: blank dihitung "
            "sebagai nol.",
            "-",
        )
        return True
    hitung = (lalu or NOL) + r
    if not sama_rp(tertulis, hitung):
        k.catat(
            b,
            "14Rp",
            "renstra-kolom14",
            GALAT,
            f"Kolom 14 Rp harus 6 + 12 = {format_rupiah_sel(lalu)} + {format_rupiah_sel(r)} = "
            f"{format_rupiah_sel(hitung)}.",
            format_rupiah_sel(hitung),
        )
    return False
