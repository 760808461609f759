"""Column 12: the year's realisation so far, Rp the sum of the quarters, K by the indicator's aggregation."""

from decimal import Decimal

from capaian.aturan.angka import format_angka
from capaian.aturan.capaian import Agregasi, agregasikan_k
from capaian.aturan.periksa.dasar import (
    GALAT,
    KOLOM_TW,
    NOL,
    PERINGATAN,
    BarisE81,
    format_rupiah_sel,
    jumlah_desimal,
    sama,
    sama_rp,
    unik,
)
from capaian.aturan.periksa.konteks import Konteks


def periksa_kolom12_rp(k: Konteks, b: BarisE81) -> bool:
    """Returns True when column 12 Rp has no value to build on (blank, or counted from blank quarters)."""
    r12rp = b.nilai("12Rp")
    if k.lembar.triwulan == 0:
        return r12rp is None
    rp_ada = [n for kol in KOLOM_TW[: k.lembar.triwulan] if (n := b.nilai(f"{kol}Rp")) is not None]
    if rp_ada:
        jumlah = sum(rp_ada, NOL)
        if r12rp is None:
            if jumlah != 0:
                k.catat(
                    b,
                    "12Rp",
                    "kolom12-rp",
                    GALAT,
                    f"Kolom 12 Rp kosong, padahal jumlah realisasi triwulan {format_rupiah_sel(jumlah)}.",
                    format_rupiah_sel(jumlah),
                )
            return True
        if not sama_rp(r12rp, jumlah):
            k.catat(
                b,
                "12Rp",
                "kolom12-rp",
                GALAT,
                "Realisasi anggaran kolom 12 tidak sama dengan jumlah realisasi triwulan "
                f"({' + '.join(format_rupiah_sel(n) for n in rp_ada)} = {format_rupiah_sel(jumlah)}).",
                format_rupiah_sel(jumlah),
            )
        return False
    if r12rp is not None:
        nol = r12rp == 0
        k.catat(
            b,
            "12Rp",
            "basis-kosong" if nol else "kolom12-rp",
            PERINGATAN if nol else GALAT,
            "Realisasi anggaran triwulan kosong, tetapi kolom 12 Rp diisi"
            + (": blank dihitung sebagai nol." if nol else " tanpa dasar dari triwulan."),
            "-",
        )
    return True


def periksa_kolom12_k(k: Konteks, b: BarisE81) -> tuple[list[Decimal], bool]:
    """Column 12 K. Returns every value that explains it (as written, then at full precision) and whether
    it has no value to build on."""
    r12k = b.nilai("12K")
    if k.lembar.triwulan == 0:
        return ([] if r12k is None else [r12k]), r12k is None
    k_tw = [b.nilai(f"{kol}K") for kol in KOLOM_TW[: k.lembar.triwulan]]
    if all(n is None for n in k_tw):
        if r12k is not None:
            _tanpa_dasar(k, b, r12k)
        return ([] if r12k is None else [r12k]), True
    hasil = {cara: v for cara in Agregasi if (v := agregasikan_k(k_tw, cara)) is not None}
    dinyatakan = b.sifat.agregasi if b.sifat is not None else None
    if r12k is None:
        k.catat(
            b,
            "12K",
            "kolom12-k",
            GALAT,
            "Kolom 12 K kosong, padahal realisasi kinerja triwulan terisi.",
            format_angka(hasil[dinyatakan or Agregasi.TERAKHIR]),
        )
        return [], True
    cocok = [cara for cara, v in hasil.items() if _cocok(r12k, v, cara, k_tw)]
    if dinyatakan is not None:
        if dinyatakan in cocok:
            return unik([r12k, hasil[dinyatakan]]), False
        lain = f" (tertulis cocok dengan {', '.join(c.value for c in cocok)})" if cocok else ""
        k.catat(
            b,
            "12K",
            "kolom12-k",
            GALAT,
            f"Kolom 12 K harus {dinyatakan.value} realisasi triwulan sesuai metode baris ini = "
            f"{format_angka(hasil[dinyatakan])}{lain}.",
            format_angka(hasil[dinyatakan]),
        )
        return [r12k], False
    if cocok:
        return unik([r12k, *(hasil[cara] for cara in cocok)]), False
    uraian = ", ".join(f"{cara.value} {format_angka(v)}" for cara, v in hasil.items())
    k.catat(
        b,
        "12K",
        "kolom12-k",
        GALAT,
        f"Realisasi kinerja kolom 12 tidak cocok dengan cara agregasi triwulan mana pun ({uraian}).",
        f"salah satu dari: {uraian}",
    )
    return [r12k], False


_SETENGAH_SEN = Decimal("0.005")


def _cocok(tertulis: Decimal, hitung: Decimal, cara: Agregasi, k_tw: list[Decimal | None]) -> bool:
    """The aggregation of the printed quarters explains the written year, or the one of quarters that were
    computed at full precision and printed rounded: each printed quarter hides up to half a cent, and a sum
    of n quarters up to n half cents (a mean or a single quarter, one)."""
    if sama(tertulis, hitung):
        return True
    ada = [n for n in k_tw if n is not None]
    if any(jumlah_desimal(n) > 2 for n in ada):  # not printed values: exact
        return False
    tersembunyi = _SETENGAH_SEN * (len(ada) if cara is Agregasi.JUMLAH else 1)
    return abs(tertulis - hitung) <= tersembunyi + _SETENGAH_SEN


def _tanpa_dasar(k: Konteks, b: BarisE81, r12k: Decimal) -> None:
    if r12k == 0:
        k.catat(
            b,
            "12K",
            "basis-kosong",
            PERINGATAN,
            "Realisasi kinerja triwulan kosong, tetapi kolom 12 K diisi 0: blank dihitung sebagai nol "
            "(belum diisi bukan nol).",
            "-",
        )
    else:
        k.catat(
            b,
            "12K",
            "kolom12-k",
            GALAT,
            "Realisasi kinerja triwulan kosong, tetapi kolom 12 K berisi nilai tanpa dasar.",
            "-",
        )
