"""The totals rows under the table: Jumlah (Rp sums of the programs), Total Rata-Rata and Predikat.

A totals row whose values sit one cell to the left of their place (text pasted from a PDF that lost a cell:
the Rupiah totals in the K cells) is one galat, `baris-tergeser`, naming each moved value; the row is then
checked with its values where they belong, so a move does not also appear as a cascade of wrong numbers.
"""

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from capaian.aturan.angka import bulatkan, format_persen
from capaian.aturan.kodering import Tingkat
from capaian.aturan.periksa.dasar import (
    GALAT,
    KUNCI_PERSEN,
    NOL,
    PERINGATAN,
    BarisE81,
    JenisBaris,
    Sel,
    adalah_rp,
    format_rupiah_sel,
    nama_kolom,
    persen,
    sama,
    sama_rp,
    teks_tertulis,
)
from capaian.aturan.periksa.konteks import Konteks
from capaian.aturan.predikat import PERMENDAGRI_86_ATAS, PERMENDAGRI_86_BAWAH

NAMA_BARIS = {
    JenisBaris.JUMLAH: "Jumlah",
    JenisBaris.RATA_RATA: "Total Rata-Rata",
    JenisBaris.PREDIKAT: "Predikat",
}
_RATA_PERSEN = "rata-rata persentase program"
_RATA_JUMLAH = "jumlah realisasi / jumlah pagu seluruh program"
_DASAR_RP = {"13Rp": ("12Rp", "7Rp"), "15Rp": ("14Rp", "5Rp")}


def jumlah_program(program: list[BarisE81], kunci: str) -> Decimal:
    return sum((n for p in program if (n := p.nilai(kunci)) is not None), NOL)


def metode_rata(program: list[BarisE81], kunci: str) -> dict[str, Decimal]:
    """Every method the reports use for a Total Rata-Rata cell, with its value."""
    metode: dict[str, Decimal] = {}
    nilai = [n for p in program if (n := p.nilai(kunci)) is not None]
    if nilai:
        metode[_RATA_PERSEN] = sum(nilai, NOL) / len(nilai)
    if kunci in _DASAR_RP:
        kunci_r, kunci_t = _DASAR_RP[kunci]
        jr = [n for p in program if (n := p.nilai(kunci_r)) is not None]
        jt = sum((n for p in program if (n := p.nilai(kunci_t)) is not None), NOL)
        if jr and jt != 0:
            metode[_RATA_JUMLAH] = persen(sum(jr, NOL), jt)
    return metode


# --- values one cell to the left ------------------------------------------------------------------


def _pada_tempatnya(k: Konteks, baris: BarisE81, program: list[BarisE81]) -> Callable[[str, Sel], bool]:
    """Whether a value belongs in the cell of a key, for the kind of totals row."""

    def jumlah(kunci: str, s: Sel) -> bool:
        return s.nilai is not None and adalah_rp(kunci) and sama_rp(s.nilai, jumlah_program(program, kunci))

    def rata(kunci: str, s: Sel) -> bool:
        if kunci not in KUNCI_PERSEN or s.nilai is None:
            return False
        metode = metode_rata(program, kunci)
        return not metode or any(sama(s.nilai, v) for v in metode.values())

    def predikat(kunci: str, s: Sel) -> bool:
        return kunci in KUNCI_PERSEN

    return {JenisBaris.JUMLAH: jumlah, JenisBaris.RATA_RATA: rata, JenisBaris.PREDIKAT: predikat}[baris.jenis]


def luruskan(k: Konteks, baris: BarisE81, program: list[BarisE81]) -> BarisE81:
    """The row with every value that sits one cell left of its place moved back, and one galat naming them.

    A value has moved when it does not fit its own cell, fits the cell on its right, and that cell is empty
    or its own value has moved on too (a whole row shifted). Reading right to left decides that."""
    cocok = _pada_tempatnya(k, baris, program)
    urutan = k.lembar.urutan_kolom()
    bergeser: dict[str, str] = {}  # key -> the key of the cell on its right where its value belongs
    for i in range(len(urutan) - 2, -1, -1):
        kunci, kanan = urutan[i], urutan[i + 1]
        s = baris.sel.get(kunci)
        if s is None or s.kosong or cocok(kunci, s):
            continue
        s_kanan = baris.sel.get(kanan)
        kanan_bebas = s_kanan is None or s_kanan.kosong or kanan in bergeser
        if kanan_bebas and cocok(kanan, s):
            bergeser[kunci] = kanan
    if not bergeser:
        return baris
    pindah = [(kunci, bergeser[kunci]) for kunci in urutan if kunci in bergeser]
    sel = {kunci: s for kunci, s in baris.sel.items() if kunci not in bergeser}
    for kunci, kanan in pindah:
        sel[kanan] = baris.sel[kunci]
    uraian = "; ".join(
        f"{teks_tertulis(baris.sel[kunci], kanan)} di {_alamat(baris, kunci)} ({nama_kolom(kunci)}), "
        f"tempatnya {_alamat(baris, kanan) + ' ' if kanan in baris.sel else ''}({nama_kolom(kanan)})"
        for kunci, kanan in pindah
    )
    pertama = pindah[0][0]
    k.catat(
        baris,
        pertama,
        "baris-tergeser",
        GALAT,
        f"Nilai baris {NAMA_BARIS[baris.jenis]} tertulis satu sel ke kiri dari tempatnya: {uraian}. Tiap "
        "nilai cocok dengan kolom di kanannya; pindahkan ke sel yang benar.",
        ", ".join(_alamat(baris, kanan) if kanan in baris.sel else nama_kolom(kanan) for _, kanan in pindah),
        tertulis="; ".join(teks_tertulis(baris.sel[kunci], kanan) or "-" for kunci, kanan in pindah),
    )
    return replace(baris, sel=sel)


def _alamat(baris: BarisE81, kunci: str) -> str:
    return baris.sel[kunci].alamat.split("!", 1)[-1]


def _di_luar(k: Konteks, baris: BarisE81, boleh: Callable[[str], bool], isi: str) -> None:
    """A value in a cell where this totals row has nothing to say."""
    for kunci, s in baris.sel.items():
        if not s.kosong and not boleh(kunci):
            k.catat(
                baris,
                kunci,
                "salah-kolom",
                PERINGATAN,
                f"Baris {NAMA_BARIS[baris.jenis]} kolom {nama_kolom(kunci)} berisi "
                f"{teks_tertulis(s, kunci)}, padahal baris ini hanya berisi {isi}.",
            )


# --- the rows -------------------------------------------------------------------------------------


def periksa_jumlah(k: Konteks, baris: BarisE81, program: list[BarisE81]) -> None:
    _di_luar(k, baris, adalah_rp, "jumlah anggaran (Rp) seluruh program")
    for kunci, s in baris.sel.items():
        if s.nilai is None or not adalah_rp(kunci):
            continue
        jumlah = jumlah_program(program, kunci)
        if not sama_rp(s.nilai, jumlah):
            k.catat(
                baris,
                kunci,
                "jumlah-program",
                GALAT,
                f"Baris Jumlah kolom {nama_kolom(kunci)} harus jumlah seluruh program ({len(program)} "
                f"program) = {format_rupiah_sel(jumlah)}.",
                format_rupiah_sel(jumlah),
            )


def periksa_rata_rata(k: Konteks, baris: BarisE81, program: list[BarisE81]) -> None:
    _di_luar(k, baris, lambda kunci: kunci in KUNCI_PERSEN, "persentase kolom 13 dan 15")
    for kunci in KUNCI_PERSEN:
        tertulis = baris.nilai(kunci)
        if tertulis is None:
            continue
        metode = metode_rata(program, kunci)
        bawaan = _RATA_JUMLAH if kunci.endswith("Rp") else _RATA_PERSEN
        cocok = [nama for nama, v in metode.items() if sama(tertulis, v)]
        uraian = "; ".join(f"{nama}: {format_persen(v)}" for nama, v in metode.items())
        seharusnya = format_persen(bulatkan(metode[bawaan])) if bawaan in metode else None
        if not cocok:
            k.catat(
                baris,
                kunci,
                "rata-rata-program",
                GALAT,
                f"Total rata-rata kolom {nama_kolom(kunci)} tidak cocok dengan metode mana pun ({uraian}).",
                seharusnya,
            )
        elif bawaan not in cocok:
            k.catat(
                baris,
                kunci,
                "rata-rata-metode",
                PERINGATAN,
                f"Total rata-rata kolom {nama_kolom(kunci)} dihitung dengan metode '{cocok[0]}', bukan "
                f"metode bawaan '{bawaan}' ({uraian}).",
                seharusnya,
            )
        if kunci == "13K" and cocok:
            _hitung_ulang(k, baris, program, tertulis)


def _hitung_ulang(k: Konteks, baris: BarisE81, program: list[BarisE81], tertulis: Decimal) -> None:
    # The mean as written takes over the programs' own errors (blank counted as 0 %, a lower-is-better
    # indicator scored as higher-is-better). Recompute without them.
    koreksi = [v for p in program if (v := k.capaian_koreksi.get(p.nomor_baris)) is not None]
    if not koreksi:
        return
    nilai = sum(koreksi, NOL) / len(koreksi)
    if not sama(tertulis, nilai):
        k.catat(
            baris,
            "13K",
            "rata-rata-hitung-ulang",
            PERINGATAN,
            "Rata-rata capaian kinerja program cocok dengan angka program sebagaimana tertulis, tetapi "
            "setelah persentase atas realisasi kosong dikeluarkan dan polaritas dibetulkan, rata-rata "
            f"{len(koreksi)} program adalah {format_persen(nilai)}.",
            format_persen(bulatkan(nilai)),
        )


def periksa_predikat(k: Konteks, baris: BarisE81, rata: BarisE81 | None) -> None:
    _di_luar(k, baris, lambda kunci: kunci in KUNCI_PERSEN, "predikat kolom 13 dan 15")
    lain = PERMENDAGRI_86_BAWAH if k.set_predikat is PERMENDAGRI_86_ATAS else PERMENDAGRI_86_ATAS
    for kunci, s in baris.sel.items():
        label = (s.teks or "").strip()
        if s.kosong or kunci not in KUNCI_PERSEN:
            continue
        nilai = rata.nilai(kunci) if rata is not None else None
        if nilai is None:
            k.catat(
                baris,
                kunci,
                "predikat-pita",
                PERINGATAN,
                f"Predikat '{label}' ditulis tanpa nilai rata-rata yang dinilai.",
            )
            continue
        harus = k.set_predikat.predikat(nilai)
        if harus is not None and harus.lower() == label.lower():
            continue
        lain_harus = lain.predikat(nilai)
        if lain_harus is not None and lain_harus.lower() == label.lower():
            penjelasan = f"Predikat tertulis sesuai bacaan '{lain.nama}'."
        else:
            penjelasan = "Tidak ada bacaan batas (atas maupun bawah inklusif) yang menjelaskannya."
        k.catat(
            baris,
            kunci,
            "predikat-pita",
            GALAT,
            f"Nilai {format_persen(nilai)} menurut '{k.set_predikat.nama}' berpredikat {harus}, bukan "
            f"{label}. {penjelasan}",
            harus,
        )


def periksa_penutup(k: Konteks) -> None:
    program = k.elemen(Tingkat.PROGRAM)
    baris = [luruskan(k, b, program) if b.jenis in NAMA_BARIS else b for b in k.lembar.baris]
    rata = next((b for b in baris if b.jenis is JenisBaris.RATA_RATA), None)
    for b in baris:
        if b.jenis is JenisBaris.JUMLAH:
            periksa_jumlah(k, b, program)
        elif b.jenis is JenisBaris.RATA_RATA:
            periksa_rata_rata(k, b, program)
        elif b.jenis is JenisBaris.PREDIKAT:
            periksa_predikat(k, b, rata)
