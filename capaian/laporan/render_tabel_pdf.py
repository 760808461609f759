"""A Tabel (capaian.laporan.tabel_sederhana) as a landscape PDF: numbers formatted the Indonesian way by
capaian.aturan.angka, the header repeated on every page."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from capaian.aturan.angka import format_angka, format_rupiah
from capaian.laporan.render_pdf import F4, gaya
from capaian.laporan.tabel_sederhana import Angka, Sel, Tabel


def _teks(sel: Sel) -> str:
    if isinstance(sel, Angka):
        if sel.nilai is None:
            return "-"
        return format_rupiah(int(sel.nilai)) if sel.tempat == 0 else format_angka(sel.nilai, sel.tempat)
    return sel


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
    data = [[Paragraph(escape(k), kecil_tebal) for k in kp] for kp in tabel.kepala]
    for n, baris in enumerate(tabel.baris):
        g = kecil_tebal if n in tabel.tebal else kecil
        data.append([Paragraph(escape(_teks(s)), g) for s in baris])
    lebar = ukuran[0] - 20 * mm
    kolom = len(tabel.kepala[0]) if tabel.kepala else 1
    tetap = [8 * mm, 22 * mm, 40 * mm, 40 * mm]
    sisa = max(lebar - sum(tetap[:kolom]), 10 * mm)
    lebar_kolom = tetap[:kolom] + [sisa / max(kolom - 4, 1)] * max(kolom - 4, 0)
    t = Table(data, colWidths=lebar_kolom, repeatRows=len(tabel.kepala))
    t.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    isi.append(t)
    isi.append(Spacer(1, 3 * mm))
    isi += [Paragraph(escape(p), biasa) for p in tabel.penutup]
    doc.build(isi)
    return keluaran.getvalue()
