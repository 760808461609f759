"""A Tabel (capaian.laporan.tabel_sederhana) as a landscape PDF: numbers formatted the Indonesian way by
capaian.aturan.angka, the header repeated on every page. A table wider than the page is printed in its
bands (`Tabel.pita`), one after the other, each with the identifying columns, and a K/Rp pair
(`Tabel.pasangan`) as one column with K above Rp, so that no text is set below 6.5 pt or wrapped letter
by letter."""

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from capaian.aturan.angka import format_angka, format_rupiah
from capaian.laporan.render_pdf import F4, gaya
from capaian.laporan.tabel_sederhana import Angka, Sel, Tabel


def _teks(sel: Sel) -> str:
    if isinstance(sel, Angka):
        if sel.nilai is None:
            return "-"
        return format_rupiah(int(sel.nilai)) if sel.tempat == 0 else format_angka(sel.nilai, sel.tempat)
    return sel


LEBAR_TETAP = [8 * mm, 25 * mm, 36 * mm, 36 * mm, 16 * mm]  # No, Kode, Uraian, Indikator, Satuan


def _kolom_cetak(tabel: Tabel, kolom: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The printed columns of a band: one index, or a (K, Rp) pair printed as one."""
    hasil: list[tuple[int, ...]] = []
    for i in kolom:
        if hasil and len(hasil[-1]) == 1 and hasil[-1][0] in tabel.pasangan and hasil[-1][0] + 1 == i:
            hasil[-1] = (hasil[-1][0], i)
        else:
            hasil.append((i,))
    return hasil


def _kepala_pasangan(teks: str) -> str:
    return (teks[: -len(" K")] if teks.endswith(" K") else teks) + " (K / Rp)"


def _tabel(tabel: Tabel, kolom: tuple[int, ...], lebar: float, kecil: Any, kecil_tebal: Any) -> Table:
    cetak = _kolom_cetak(tabel, kolom)

    def sel(baris: tuple[Sel, ...], c: tuple[int, ...], g: Any) -> Paragraph:
        return Paragraph("<br/>".join(escape(_teks(baris[i])) for i in c), g)

    data = [
        [
            Paragraph(escape(_kepala_pasangan(kp[c[0]]) if len(c) == 2 else kp[c[0]]), kecil_tebal)
            for c in cetak
        ]
        for kp in tabel.kepala
    ]
    for n, baris in enumerate(tabel.baris):
        g = kecil_tebal if n in tabel.tebal else kecil
        data.append([sel(baris, c, g) for c in cetak])
    tetap = [LEBAR_TETAP[c[0]] for c in cetak if len(c) == 1 and c[0] < len(LEBAR_TETAP)]
    lain = len(cetak) - len(tetap)
    sisa = max(lebar - sum(tetap), 10 * mm) / max(lain, 1)
    lebar_kolom = [LEBAR_TETAP[c[0]] if len(c) == 1 and c[0] < len(LEBAR_TETAP) else sisa for c in cetak]
    t = Table(data, colWidths=lebar_kolom, repeatRows=len(tabel.kepala))
    t.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return t


def tabel_pdf(tabel: Tabel) -> bytes:
    keluaran = io.BytesIO()
    ukuran = landscape(F4)
    doc = SimpleDocTemplate(
        keluaran,
        pagesize=ukuran,
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
    )
    judul, kecil, kecil_tebal, biasa = gaya(11, True), gaya(6.5), gaya(6.5, True), gaya(9)
    isi: list[Flowable] = [Paragraph(escape(j), judul) for j in tabel.judul]
    isi.append(Spacer(1, 3 * mm))
    lebar = ukuran[0] - 20 * mm
    semua = tuple(range(len(tabel.kepala[0]))) if tabel.kepala else (0,)
    pita = tabel.pita or (semua,)
    for ke, kolom in enumerate(pita, start=1):
        if len(pita) > 1:
            isi.append(Paragraph(escape(f"Bagian {ke} dari {len(pita)}"), kecil_tebal))
            isi.append(Spacer(1, 1 * mm))
        isi.append(_tabel(tabel, kolom, lebar, kecil, kecil_tebal))
        if ke < len(pita):
            isi.append(PageBreak())
    isi.append(Spacer(1, 3 * mm))
    isi += [Paragraph(escape(p), biasa) for p in tabel.penutup]
    doc.build(isi)
    return keluaran.getvalue()
