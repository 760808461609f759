"""Form E.79 as PDF (ReportLab): landscape F4, no text below 6.5 pt, the header repeated on every page,
"Halaman n dari N", the agencies not included listed on the first page, signed by the head of Bappelitbangda.

E.79 has eleven K/Rp column pairs or more; side by side they would need about 4 pt on F4. So each pair is one
column with K on the first line and Rp on the second, and a narrow "K / Rp" column says which is which. The
numbers are only formatted here (capaian.aturan.angka, through capaian.laporan.tabel_e79).
"""

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from capaian.aturan.angka import format_tanggal
from capaian.laporan.data import Penandatangan
from capaian.laporan.data_kota import DataKota
from capaian.laporan.e79 import LaporanE79
from capaian.laporan.render_pdf import F4, gaya, huruf, kanvas_halaman
from capaian.laporan.tabel_e79 import (
    JUDUL_IDENTITAS,
    JUDUL_PD,
    baris_penutup,
    baris_tabel,
    catatan_metode,
    daftar_singkatan,
    judul_dokumen,
    judul_triwulan,
    keterangan_cakupan,
    kolom_pasangan,
    teks_sel,
)
from capaian.laporan.umum import format_nip, romawi

UKURAN_ISI = 7.0
UKURAN_MINIMAL = 6.5  # nothing in the document is printed smaller
UKURAN_ANGKA = UKURAN_MINIMAL  # the K/Rp cells: the widest columns, so the smallest readable size
MARGIN = 8 * mm
BIRU_MUDA = colors.Color(0.88, 0.91, 0.96)
TINGGI_KEPALA = 3  # headings, the quarters' names, the numbered row


def p(teks: str, g: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(teks).replace("\n", "<br/>"), g)


def kanvas_bernomor(judul: str, sintetis: bool) -> type[Canvas]:
    """The city's documents: "Halaman n dari N" with the document's name at the foot (the agency's canvas,
    capaian.laporan.render_pdf.kanvas_halaman)."""
    return kanvas_halaman(judul, MARGIN, draf=False, sintetis=sintetis)


def tanda_tangan_kota(data: DataKota, lebar: float) -> Flowable:
    """Place and date, the office of the head of Bappelitbangda, room to sign, name, rank and NIP."""
    ttd: Penandatangan | None = data.penandatangan
    tanggal = format_tanggal(data.tanggal) if data.tanggal else "...................."
    g, gt = gaya(8.5, rata=TA_CENTER), gaya(8.5, tebal=True, rata=TA_CENTER)
    isi: list[Flowable] = [p(f"{data.tempat}, {tanggal}", g)]
    if ttd is None:
        isi += [p(f"Kepala {data.nama_bappeda}", gt), Spacer(1, 16 * mm), p("(nama dan NIP)", g)]
    else:
        isi += [
            p(ttd.jabatan, gt),
            Spacer(1, 16 * mm),
            Paragraph(f"<u>{escape(ttd.nama)}</u>", gt),
            p(ttd.pangkat, g),
            p(f"NIP. {format_nip(ttd.nip)}" if ttd.nip else "", g),
        ]
    kolom = min(95 * mm, lebar / 2)
    t = Table([["", isi]], colWidths=[lebar - kolom, kolom])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 5 * mm), t])


def _lebar_kolom(
    teks_isi: list[list[str]], teks_tebal: list[list[str]], n_pasangan: int, lebar: float
) -> list[float]:
    """Numbers and codes get what their widest text needs (body rows in the regular face, the footer in
    bold); the wrapped texts share the rest."""
    biasa, tebal = huruf()

    def butuh(k: int, minimal: float) -> float:
        terlebar = 0.0
        for daftar, huruf_ in ((teks_isi, biasa), (teks_tebal, tebal)):
            for b in daftar:
                for t in b[k].split("\n"):
                    terlebar = max(terlebar, stringWidth(t, huruf_, UKURAN_ANGKA))
        return max(terlebar + 4, minimal)

    awal_pasangan = 7
    tetap = {0: butuh(0, 14), 2: butuh(2, 30), 5: min(butuh(5, 22), 40), 6: butuh(6, 11)}
    for k in range(awal_pasangan, awal_pasangan + n_pasangan):
        tetap[k] = butuh(k, 28)
    sisa = max(lebar - sum(tetap.values()), 4 * 45)
    bagian = {1: 0.10, 3: 0.35, 4: 0.35, awal_pasangan + n_pasangan: 0.20}
    lebar_kolom = [0.0] * (awal_pasangan + n_pasangan + 1)
    for k, w in tetap.items():
        lebar_kolom[k] = w
    for k, porsi in bagian.items():
        lebar_kolom[k] = sisa * porsi
    return lebar_kolom


def e79_pdf(laporan: LaporanE79) -> bytes:
    d = laporan.data
    ukuran_kertas = landscape(F4)
    lebar = ukuran_kertas[0] - 2 * MARGIN
    biasa, tebal = huruf()
    kolom = kolom_pasangan(laporan)
    n = len(kolom)
    baris = baris_tabel(laporan, singkat=True)
    penutup = baris_penutup(laporan)

    def sel_pasangan(k: Any, rp: Any) -> str:
        return f"{teks_sel(k)}\n{teks_sel(rp)}"

    teks_isi: list[list[str]] = []
    for b in baris:
        ada_angka = b.tingkat not in ("urusan", "bidang")
        teks_isi.append(
            [teks_sel(s) for s in b.identitas]
            + ["K\nRp" if ada_angka else ""]
            + [sel_pasangan(k, rp) if ada_angka else "" for k, rp in b.pasangan]
            + [b.pd]
        )
        if b.tingkat == "sasaran" and b.identitas[1].nilai:
            teks_isi[-1][1] = f"{teks_isi[-1][2]} {teks_isi[-1][1]}".strip()
            teks_isi[-1][2] = ""
    teks_penutup = [
        [bp.label, "", "", "", "", "", "K\nRp", *[sel_pasangan(k, rp) for k, rp in bp.pasangan], ""]
        for bp in penutup
    ]
    lebar_kolom = _lebar_kolom(teks_isi, [[""] * 7 + t[7:] for t in teks_penutup], n, lebar)

    gk = gaya(UKURAN_MINIMAL, tebal=True, rata=TA_CENTER)
    g, gb = gaya(UKURAN_ISI), gaya(UKURAN_ISI, tebal=True)
    kepala: list[list[Any]] = [[""] * (8 + n) for _ in range(TINGGI_KEPALA)]
    gaya_tabel: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), biasa),
        ("FONTSIZE", (0, 0), (-1, -1), UKURAN_ISI),
        ("LEADING", (0, 0), (-1, -1), UKURAN_ISI * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (7, TINGGI_KEPALA), (6 + n, -1), "RIGHT"),
        ("FONTSIZE", (6, TINGGI_KEPALA), (6 + n, -1), UKURAN_ANGKA),
        ("ALIGN", (0, TINGGI_KEPALA), (0, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("BACKGROUND", (0, 0), (-1, TINGGI_KEPALA - 1), BIRU_MUDA),
        ("VALIGN", (0, 0), (-1, TINGGI_KEPALA - 1), "MIDDLE"),
        ("FONTSIZE", (0, TINGGI_KEPALA - 1), (-1, TINGGI_KEPALA - 1), UKURAN_MINIMAL),
        ("ALIGN", (0, TINGGI_KEPALA - 1), (-1, TINGGI_KEPALA - 1), "CENTER"),
        ("TEXTCOLOR", (6, TINGGI_KEPALA), (6, -1), colors.Color(0.35, 0.35, 0.35)),
    ]

    def rentang(k1: int, r1: int, k2: int, r2: int) -> None:
        gaya_tabel.append(("SPAN", (k1, r1), (k2, r2)))

    for k, judul in enumerate(JUDUL_IDENTITAS):
        kepala[0][k] = p(judul, gk)
        rentang(k, 0, k, 1)
    kepala[0][6] = p("K / Rp", gk)
    rentang(6, 0, 6, 1)
    kw = [i for i, kp in enumerate(kolom) if kp.triwulan]
    for i, kp in enumerate(kolom):
        if kp.triwulan:
            kepala[1][7 + i] = p(judul_triwulan(kp.triwulan), gk)
        else:
            kepala[0][7 + i] = p(kp.judul, gk)
            rentang(7 + i, 0, 7 + i, 1)
    if kw:
        kepala[0][7 + kw[0]] = p(f"Realisasi Kinerja dan Anggaran pada Triwulan Tahun {d.tahun}", gk)
        rentang(7 + kw[0], 0, 7 + kw[-1], 0)
    kepala[0][7 + n] = p(JUDUL_PD, gk)
    rentang(7 + n, 0, 7 + n, 1)
    kepala[2] = ["1", "2", "3", "4", "5", "", "", *[kp.nomor for kp in kolom], "17"]
    rentang(4, 2, 6, 2)

    isi_tabel: list[list[Any]] = list(kepala)
    for indeks, (b, teks) in enumerate(zip(baris, teks_isi, strict=True)):
        r = TINGGI_KEPALA + indeks
        gp = gb if b.tebal else g
        sel: list[Any] = list(teks)
        for k in (1, 3, 4, 7 + n):
            sel[k] = p(teks[k], gp if k != 4 else g) if teks[k] else ""
        isi_tabel.append(sel)
        if b.tebal:
            gaya_tabel.append(("FONTNAME", (0, r), (2, r), tebal))
        if b.tingkat == "sasaran":
            rentang(1, r, 3, r)  # the Sasaran's text (after its code) runs over Kode and Urusan/Program
        if b.tingkat in ("sasaran", "urusan", "bidang"):
            warna = {"sasaran": 0.93, "urusan": 0.96, "bidang": 0.98}[b.tingkat]
            gaya_tabel.append(("BACKGROUND", (0, r), (-1, r), colors.Color(warna, warna, warna)))
    awal = len(isi_tabel)
    for teks in teks_penutup:
        sel = list[Any](teks)
        sel[0] = p(teks[0], gb)
        isi_tabel.append(sel)
    for r in range(awal, len(isi_tabel)):
        rentang(0, r, 5, r)
    gaya_tabel += [
        ("FONTNAME", (0, awal), (-1, -1), tebal),
        ("BACKGROUND", (0, awal), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
    ]
    tabel = Table(isi_tabel, colWidths=lebar_kolom, repeatRows=TINGGI_KEPALA)
    tabel.setStyle(TableStyle(gaya_tabel))

    keterangan = Table(
        [[p(t, gaya(8))] for t in keterangan_cakupan(laporan)], colWidths=[lebar], hAlign="LEFT"
    )
    keterangan.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(1, 0.97, 0.88)),
            ]
        )
    )
    cerita: list[Flowable] = [
        p(t, gaya(11 - i, True, TA_CENTER)) for i, t in enumerate(judul_dokumen(laporan))
    ]
    if d.rpjmd:
        cerita.append(p(f"Sasaran pembangunan menurut {d.rpjmd}", gaya(8.5, rata=TA_CENTER)))
    cerita += [Spacer(1, 3 * mm), keterangan, Spacer(1, 3 * mm), tabel, Spacer(1, 2 * mm)]
    abu = gaya(UKURAN_MINIMAL, textColor=colors.Color(0.3, 0.3, 0.3))
    cerita.append(p(catatan_metode(laporan), abu))
    if singkatan := daftar_singkatan(laporan):
        cerita.append(p(f"Perangkat daerah penanggung jawab (kolom 17): {singkatan}.", abu))
    cerita.append(Spacer(1, 3 * mm))
    for t in laporan.teks:
        judul = t.judul + (" (dihimpun dari perangkat daerah)" if t.dihimpun and t.isi else "")
        cerita.append(KeepTogether([p(judul, gaya(8.5, True)), p(t.isi or "-", gaya(8))]))
        cerita.append(Spacer(1, 2 * mm))
    cerita.append(tanda_tangan_kota(d, lebar))

    keluaran = io.BytesIO()
    judul_pdf = f"Form E.79 Evaluasi terhadap Hasil RKPD {d.pemda} Triwulan {romawi(d.triwulan)} {d.tahun}"
    doc = SimpleDocTemplate(
        keluaran,
        pagesize=ukuran_kertas,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 2 * mm,
        bottomMargin=MARGIN + 2 * mm,
        title=judul_pdf,
        author=d.nama_bappeda,
        creator="Capaian",
    )
    doc.build(cerita, canvasmaker=kanvas_bernomor(judul_pdf, d.sintetis))
    return keluaran.getvalue()
