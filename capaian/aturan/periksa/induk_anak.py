"""Parents and children: a program's and a kegiatan's Rp against the sum of its kegiatan / sub kegiatan.

A parent's budget (columns 5 and 7, the quarterly targets) and its realisations (the quarters, column 12)
are the sums of its children. Column 6 (realisation up to last year) may rightly differ when the
nomenclature changed between years, so a difference there is a warning. Column 14 is 6 + 12 on every row
and is checked there; comparing it here would repeat each column-6 difference.
"""

from capaian.aturan.kodering import Tingkat
from capaian.aturan.periksa.dasar import (
    GALAT,
    KOLOM_TW,
    NAMA_TW,
    NOL,
    PERINGATAN,
    BarisE81,
    Tingkatan,
    format_rupiah_sel,
    sama_rp,
)
from capaian.aturan.periksa.konteks import Konteks


def _kolom(triwulan: int, ada_target_tw: bool) -> list[tuple[str, str, str, Tingkatan]]:
    """(key, what, jenis, level) of every Rp column a parent sums."""
    kolom: list[tuple[str, str, str, Tingkatan]] = [
        ("5Rp", "pagu Renstra (kolom 5)", "induk-anak-pagu", GALAT),
        ("6Rp", "realisasi Renstra s/d tahun lalu (kolom 6)", "induk-anak-lalu", PERINGATAN),
        ("7Rp", "pagu tahun ini (kolom 7)", "induk-anak-pagu", GALAT),
    ]
    for kol, nama in zip(KOLOM_TW[:triwulan], NAMA_TW, strict=False):
        if ada_target_tw:
            kolom.append((f"T{kol}Rp", f"target anggaran {nama} (kolom {kol})", "induk-anak-pagu", GALAT))
        kolom.append((f"{kol}Rp", f"realisasi anggaran {nama} (kolom {kol})", "induk-anak-realisasi", GALAT))
    kolom.append(("12Rp", "realisasi anggaran tahun ini (kolom 12)", "induk-anak-realisasi", GALAT))
    return kolom


def periksa_induk_anak(k: Konteks) -> None:
    anak_dari: dict[str, list[BarisE81]] = {}
    for tingkat in (Tingkat.KEGIATAN, Tingkat.SUBKEGIATAN):
        for b in k.elemen(tingkat):
            kode_induk = k.kode[b.nomor_baris].induk()
            if kode_induk is not None:
                anak_dari.setdefault(kode_induk.kanonik, []).append(b)
    kolom = _kolom(k.lembar.triwulan, k.lembar.ada_target_tw)
    for tingkat in (Tingkat.PROGRAM, Tingkat.KEGIATAN):
        for induk in k.elemen(tingkat):
            kode = k.kode[induk.nomor_baris]
            anak = anak_dari.get(kode.kanonik, [])
            if not anak:
                continue
            daftar = ", ".join(b.kode or "?" for b in anak)
            for kunci, apa, jenis, tingkatan in kolom:
                nilai_induk = induk.nilai(kunci)
                nilai_anak = [n for b in anak if (n := b.nilai(kunci)) is not None]
                # Blank is not zero: children with nothing entered sum to nothing, not to 0.
                jumlah = sum(nilai_anak, NOL) if nilai_anak else None
                if nilai_induk is None and jumlah is None:
                    continue
                if nilai_induk is not None and jumlah is not None and sama_rp(nilai_induk, jumlah):
                    continue
                alasan = (
                    " Realisasi tahun lalu boleh berbeda bila nomenklatur berubah; pastikan selisihnya "
                    "memang karena itu."
                    if tingkatan == PERINGATAN
                    else ""
                )
                tertulis = "kosong" if nilai_induk is None else format_rupiah_sel(nilai_induk)
                harus = "kosong" if jumlah is None else format_rupiah_sel(jumlah)
                k.catat(
                    induk,
                    kunci,
                    jenis,
                    tingkatan,
                    f"{apa[0].upper()}{apa[1:]} {tingkat.value} {tertulis} tidak sama dengan jumlah "
                    f"turunannya ({daftar}): {harus}.{alasan}",
                    "-" if jumlah is None else format_rupiah_sel(jumlah),
                )
