"""A parent's Rupiah in an imported sheet: which rows are parents, and what their children make of it.

A program's or kegiatan's Rupiah (columns 5 and 7, the quarterly targets and realisations; not column 6) is
the sum of its children's (`capaian.aturan.induk`), so the importer never writes it. A parent cell that states
a value is compared with the sum its children will have after the import: the sheet's value for a child in
the sheet, the stored one for a child the sheet leaves out or a quarter it does not import. A different value
is a galat at that cell and the children win. A cell that still shows the parent's sum as stored before the
import (a template exported by Capaian, whose children were then edited offline: its parent cells are locked)
only gets a peringatan that the parent is recomputed.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from capaian.aturan.angka import format_rupiah
from capaian.aturan.induk import Anggaran, anak_per_induk, turunkan_anggaran
from capaian.aturan.kodering import Kode, coba_urai_kode
from capaian.aturan.penomoran import TINGKAT_RENJA
from capaian.aturan.periksa import KOLOM_TW, BarisE81, JenisBaris, Sel, nama_kolom
from capaian.laporan.data import BarisRencana, anggaran_baris

_KOSONG = (None, "", "-", "–", "—")
_BATAS_RP = 2**63 - 1


@dataclass(frozen=True)
class _Letak:
    kode: str
    tingkat: str
    lanjutan: bool = False


@dataclass(frozen=True)
class TemuanInduk:
    alamat: str
    pesan: str
    galat: bool


def _rp(sel: Sel | None) -> tuple[bool, int | None]:
    """(imported, value) of a Rupiah cell, silently: the importer reports unreadable cells itself."""
    if sel is None:
        return False, None
    if sel.nilai is None:
        return sel.teks in _KOSONG, None
    n = sel.nilai
    if n != n.to_integral_value() or n < 0 or n > _BATAS_RP:
        return False, None
    return True, int(n)


def _kunci(triwulan: int) -> list[str]:
    return ["5Rp", "7Rp"] + [f"{awal}{KOLOM_TW[i]}Rp" for i in range(triwulan) for awal in ("T", "")]


def _dari_anggaran(a: Anggaran) -> dict[str, int | None]:
    nilai: dict[str, int | None] = {"5Rp": a.renstra, "7Rp": a.target}
    for i, kol in enumerate(KOLOM_TW):
        nilai[f"T{kol}Rp"], nilai[f"{kol}Rp"] = a.target_tw[i], a.realisasi_tw[i]
    return nilai


def _ke_anggaran(n: dict[str, int | None]) -> Anggaran:
    return Anggaran(
        renstra=n["5Rp"],
        target=n["7Rp"],
        target_tw=(n["T8Rp"], n["T9Rp"], n["T10Rp"], n["T11Rp"]),
        realisasi_tw=(n["8Rp"], n["9Rp"], n["10Rp"], n["11Rp"]),
    )


def _kode(teks: str | None) -> Kode | None:
    kode = coba_urai_kode(teks)
    return kode if kode is not None and kode.tingkat.value in TINGKAT_RENJA else None


def _frp(nilai: int | None) -> str:
    return "kosong" if nilai is None else format_rupiah(nilai)


def induk_lembar(
    lembar: Sequence[BarisE81], tersimpan: Sequence[BarisRencana], triwulan: int
) -> tuple[set[int], list[TemuanInduk]]:
    """The sheet rows (by `nomor_baris`) that carry a parent's budget, and the findings at their Rupiah cells.

    `tersimpan` is the agency's data as the reports read it (parents already derived); `triwulan` the
    quarters this import writes.
    """
    # Per element: the stored row that carries its budget, and the sheet row that does (the first with
    # its code; a later row with the same code is a further indicator of the element).
    simpan: dict[Kode, BarisRencana] = {}
    for b in tersimpan:
        if not b.lanjutan and b.tingkat in TINGKAT_RENJA and (k := _kode(b.kode)) is not None:
            simpan.setdefault(k, b)
    baris: dict[Kode, BarisE81] = {}
    for bl in lembar:
        if bl.jenis is JenisBaris.DATA and (k := _kode(bl.kode)) is not None:
            baris.setdefault(k, bl)
    kunci = _kunci(triwulan)
    nilai: dict[Kode, dict[str, int | None]] = {}
    for k in {**simpan, **baris}:
        n = _dari_anggaran(anggaran_baris(simpan[k])) if k in simpan else _dari_anggaran(Anggaran())
        if k in baris:
            for kk in kunci:
                diimpor, v = _rp(baris[k].sel.get(kk))
                if diimpor:
                    n[kk] = v
        nilai[k] = n
    semua = list(nilai)
    letak = [_Letak(k.kanonik, k.tingkat.value) for k in semua]
    induk = {semua[i] for i in anak_per_induk(letak)}
    turunan = dict(zip(semua, turunkan_anggaran(letak, [_ke_anggaran(nilai[k]) for k in semua]), strict=True))
    temuan: list[TemuanInduk] = []
    for k in sorted(induk & set(baris), key=lambda k: baris[k].nomor_baris):
        bl = baris[k]
        jadi = _dari_anggaran(turunan[k])
        lama = _dari_anggaran(anggaran_baris(simpan[k])) if k in simpan and simpan[k].rp_turunan else {}
        for kk in kunci:
            diimpor, v = _rp(bl.sel.get(kk))
            if not diimpor or v is None or v == jadi[kk]:
                continue
            alamat = bl.sel[kk].alamat
            if v == lama.get(kk):
                pesan = (
                    f"Rp {k.tingkat.value} ({nama_kolom(kk)}) adalah jumlah turunannya dan dihitung ulang: "
                    f"{_frp(v)} -> {_frp(jadi[kk])}. Sel ini tidak diimpor."
                )
                temuan.append(TemuanInduk(alamat, pesan, galat=False))
            else:
                pesan = (
                    f"Rp {k.tingkat.value} ({nama_kolom(kk)}) adalah jumlah turunannya, {_frp(jadi[kk])}, "
                    f"tetapi sel ini tertulis {_frp(v)}. Yang berlaku jumlah turunannya: samakan sel ini "
                    "atau kosongkan; nilai induk tidak diimpor."
                )
                temuan.append(TemuanInduk(alamat, pesan, galat=True))
    return {baris[k].nomor_baris for k in induk & set(baris)}, temuan
