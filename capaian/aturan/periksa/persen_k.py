"""Columns 13 K (= 12 / 7) and 15 K (= 14 / 5): the performance percentages, by the indicator's polarity.

With the row's method stated, the stated formula decides. Without it, R / T × 100 is tried first, then each
lower-is-better formula, and the finding says which reading explains the written value. A value computed
from the printed inputs and one computed at full precision both pass (`dalam_pita_bulat`).
"""

from collections.abc import Sequence
from decimal import Decimal

from capaian.aturan.angka import bulatkan, format_angka, format_persen
from capaian.aturan.capaian import Polaritas, RumusNegatif, Sifat, persen_capaian
from capaian.aturan.periksa.dasar import (
    GALAT,
    PERINGATAN,
    SERATUS,
    BarisE81,
    dalam_pita_bulat,
    persen,
    sama,
    tampak_negatif,
)
from capaian.aturan.periksa.konteks import Konteks


def _dijelaskan(tertulis: Decimal, kandidat: Sequence[Decimal], t: Decimal, sifat: Sifat) -> bool:
    def rumus(r: Decimal, t: Decimal) -> Decimal | None:
        return persen_capaian(r, t, sifat)

    if any((v := rumus(r, t)) is not None and sama(tertulis, v) for r in kandidat):
        return True
    return dalam_pita_bulat(tertulis, kandidat[0], t, rumus)


def periksa_persen_k(
    k: Konteks,
    b: BarisE81,
    kunci: str,
    kunci_target: str,
    kandidat: Sequence[Decimal],
    basis_kosong: bool,
) -> Decimal | None:
    """Column 13 K or 15 K against the realisation `kandidat` (as written first, then at full precision).

    Returns the corrected percentage for the programs' recomputed mean, or None when there is none."""
    tertulis = b.nilai(kunci)
    t = b.nilai(kunci_target)
    no_r, no_t = ("12", "7") if kunci.startswith("13") else ("14", "5")
    if tertulis is None:
        return None
    if basis_kosong or not kandidat:
        k.catat(
            b,
            kunci,
            "basis-kosong",
            PERINGATAN,
            f"Persentase ditulis atas realisasi kolom {no_r} yang kosong: blank dihitung sebagai nol. "
            "Realisasi yang belum diisi tidak bernilai 0 %.",
            "-",
        )
        return None
    if t is None or t == 0:
        k.catat(
            b,
            kunci,
            "basis-kosong",
            PERINGATAN,
            f"Persentase ditulis atas target kolom {no_t} yang kosong atau nol: tidak ada nilai.",
            "-",
        )
        return None
    if b.sifat is not None:
        return _dinyatakan(k, b, kunci, tertulis, kandidat, t, b.sifat, no_r, no_t)
    return _ditebak(k, b, kunci, tertulis, kandidat, t, no_r, no_t)


def _dinyatakan(
    k: Konteks,
    b: BarisE81,
    kunci: str,
    tertulis: Decimal,
    kandidat: Sequence[Decimal],
    t: Decimal,
    sifat: Sifat,
    no_r: str,
    no_t: str,
) -> Decimal | None:
    if _dijelaskan(tertulis, kandidat, t, sifat):
        if kunci == "13K" and sifat.polaritas is Polaritas.POSITIF and tampak_negatif(b.indikator):
            k.catat(
                b,
                kunci,
                "polaritas-terbalik",
                PERINGATAN,
                f"Indikator '{b.indikator}' tampaknya makin kecil makin baik, tetapi metode barisnya makin "
                "besar makin baik (polaritas positif). Periksa pengaturan polaritasnya.",
            )
        return tertulis
    hitung = persen_capaian(kandidat[0], t, sifat)
    seharusnya = None if hitung is None else format_persen(bulatkan(hitung))
    k.catat(
        b,
        kunci,
        f"kolom{kunci[:2]}-rumus",
        GALAT,
        f"Kolom {kunci[:2]} K harus dihitung dengan rumus metode baris ini, {sifat.uraian_capaian()}, dari "
        f"kolom {no_r} {format_angka(kandidat[0])} dan kolom {no_t} {format_angka(t)} = "
        f"{format_persen(hitung)}.",
        seharusnya,
    )
    return None if hitung is None else bulatkan(hitung)


def _ditebak(
    k: Konteks,
    b: BarisE81,
    kunci: str,
    tertulis: Decimal,
    kandidat: Sequence[Decimal],
    t: Decimal,
    no_r: str,
    no_t: str,
) -> Decimal | None:
    negatif = tampak_negatif(b.indikator)
    positif = [persen(r, t) for r in kandidat]
    if _dijelaskan(tertulis, kandidat, t, Sifat()):
        r = kandidat[-1]
        if negatif and r > t and tertulis > SERATUS:
            koreksi = persen_capaian(r, t, Sifat(polaritas=Polaritas.NEGATIF))
            assert koreksi is not None
            k.catat(
                b,
                kunci,
                "polaritas-terbalik",
                PERINGATAN,
                f"Indikator '{b.indikator}' tampaknya makin kecil makin baik, tetapi dinilai makin besar "
                f"makin baik (R {format_angka(r)} > T {format_angka(t)} memberi {format_persen(tertulis)}). "
                f"Dengan rumus (2T − R) / T × 100: {format_persen(koreksi)}.",
                format_persen(bulatkan(koreksi)),
            )
            return koreksi
        return tertulis
    # Does a lower-is-better formula explain it?
    for rumus in RumusNegatif:
        sifat = Sifat(polaritas=Polaritas.NEGATIF, rumus_negatif=rumus)
        if _dijelaskan(tertulis, kandidat, t, sifat):
            if not negatif:
                k.catat(
                    b,
                    kunci,
                    "polaritas-terbalik",
                    PERINGATAN,
                    f"Capaian dihitung dengan rumus makin kecil makin baik ({sifat.uraian_capaian()}), "
                    "padahal teks indikator tidak menunjukkan polaritas negatif.",
                    format_persen(bulatkan(positif[0])),
                )
            return tertulis
    k.catat(
        b,
        kunci,
        f"kolom{kunci[:2]}-rumus",
        GALAT,
        f"Kolom {kunci[:2]} K harus {no_r} / {no_t} × 100 = {format_angka(kandidat[0])} / {format_angka(t)} "
        f"× 100 = {format_persen(positif[0])}.",
        format_persen(bulatkan(positif[0])),
    )
    return bulatkan(positif[0])
