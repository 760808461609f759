"""PDF renderers (reportlab platypus): the five documents of the package.

Numbers are written with the rules core's Indonesian formatting (format_angka, format_rupiah, format_persen);
nothing is computed here. Form E.81 uses one platypus Table with repeatRows, so the header is repeated on
every page, and chooses its font size so that the widest number of every column fits the page width.
"""

import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from capaian.aturan.angka import format_angka, format_persen, format_rupiah
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.kertas_kerja import LaporanKertasKerja, keterangan
from capaian.laporan.kesimpulan import LaporanKesimpulan
from capaian.laporan.narasi import LaporanNarasi, blok_narasi, teks_narasi
from capaian.laporan.surat import SuratPengantar
from capaian.laporan.tabel_e81 import (
    LEBAR_LABEL,
    TINGGI_KEPALA,
    Sel,
    bagian_teks,
    baris_penutup,
    catatan_belum_ada_data,
    catatan_metode,
    jenis_kolom,
    kepala,
    sel_baris,
)
from capaian.laporan.umum import CATATAN_SINTETIS, blok_tanda_tangan, judul_periode, romawi

F4 = (215 * mm, 330 * mm)
KERTAS = {"f4": F4, "a4": A4}
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@lru_cache(maxsize=1)
def huruf() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans Condensed if installed (it has Σ, ×, −, ≤), else Helvetica."""
    biasa, tebal = _DEJAVU / "DejaVuSansCondensed.ttf", _DEJAVU / "DejaVuSansCondensed-Bold.ttf"
    if biasa.exists() and tebal.exists():
        pdfmetrics.registerFont(TTFont("Capaian", str(biasa)))
        pdfmetrics.registerFont(TTFont("Capaian-Tebal", str(tebal)))
        pdfmetrics.registerFontFamily("Capaian", normal="Capaian", bold="Capaian-Tebal")
        return "Capaian", "Capaian-Tebal"
    return "Helvetica", "Helvetica-Bold"


def gaya(ukuran: float = 9, tebal: bool = False, rata: int = TA_LEFT, **lain: Any) -> ParagraphStyle:
    biasa, tebal_ = huruf()
    return ParagraphStyle(
        f"g{ukuran}{tebal}{rata}",
        fontName=tebal_ if tebal else biasa,
        fontSize=ukuran,
        leading=ukuran * 1.2,
        alignment=rata,
        **lain,
    )


def _p(teks: str, g: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(teks).replace("\n", "<br/>"), g)


def _dokumen(
    kertas: tuple[float, float], judul: str, data: DataLaporan, margin: float = 12 * mm
) -> tuple[SimpleDocTemplate, io.BytesIO, Callable[[Canvas, Any], None]]:
    keluaran = io.BytesIO()
    doc = SimpleDocTemplate(
        keluaran,
        pagesize=kertas,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=judul,
        author=data.perangkat_daerah,
        creator="Capaian",
    )

    def halaman(canvas: Canvas, doc_: Any) -> None:
        canvas.saveState()
        canvas.setFont(huruf()[0], 6.5)
        lebar = kertas[0]
        canvas.drawString(margin, 6 * mm, f"{judul} — {data.perangkat_daerah} — {judul_periode(data)}")
        canvas.drawRightString(lebar - margin, 6 * mm, f"Halaman {doc_.page}")
        if data.sintetis:
            canvas.setFillColor(colors.red)
            canvas.drawCentredString(lebar / 2, kertas[1] - 6 * mm, CATATAN_SINTETIS)
        canvas.restoreState()

    return doc, keluaran, halaman


def _tanda_tangan(data: DataLaporan, lebar: float, mengetahui: bool = True) -> Flowable:
    """Place and date, "Mengetahui,", the office (with Plt./Pj.), room to sign, name, rank and NIP.

    The cover letter states its date in its head, so without `mengetahui` the block starts at the office.
    """
    ttd = blok_tanda_tangan(data)
    g = gaya(9, rata=TA_CENTER)
    gt = gaya(9, tebal=True, rata=TA_CENTER)
    isi: list[Flowable] = []
    if mengetahui:
        isi += [_p(ttd.tempat_tanggal, g), _p("Mengetahui,", g)]
    isi += [
        _p(ttd.jabatan, gt),
        Spacer(1, 16 * mm),
        Paragraph(f"<u>{escape(ttd.nama)}</u>", gt),
        _p(ttd.pangkat, g),
        _p(ttd.nip, g),
    ]
    kolom = min(85 * mm, lebar / 2)
    t = Table([["", isi]], colWidths=[lebar - kolom, kolom])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 6 * mm), t])


# ---------------------------------------------------------------------------------------------------
# Form E.81


def _teks_sel(sel: Sel) -> str:
    if sel.jenis == "k" and isinstance(sel.nilai, Decimal | int):
        return format_angka(sel.nilai)
    if sel.jenis == "rp" and isinstance(sel.nilai, int):
        return format_rupiah(sel.nilai)
    if sel.jenis == "persen":
        if isinstance(sel.nilai, Decimal):
            return format_persen(sel.nilai, tanda=False)
        return "-" if sel.nilai is None else str(sel.nilai)
    if sel.nilai is None:
        return ""
    return str(sel.nilai)


_TEKS_PANJANG = (2, 3)  # Uraian, Indikator: wrapped paragraphs sharing what the numbers leave over


def e81_pdf(laporan: LaporanE81, kertas: str = "f4") -> bytes:
    data = laporan.data
    tw = data.triwulan
    ukuran_kertas = landscape(KERTAS[kertas])
    doc, keluaran, halaman = _dokumen(ukuran_kertas, "Form E.81", data, margin=8 * mm)
    lebar = ukuran_kertas[0] - 16 * mm
    jenis = jenis_kolom(tw)
    biasa, tebal = huruf()

    isi = [sel_baris(b, tw, data.perangkat_daerah) for b in laporan.baris]
    penutup = baris_penutup(laporan)
    teks = [[_teks_sel(s) for s in baris] for baris in isi]
    teks_penutup = [[_teks_sel(s) for s in baris] for baris in penutup]
    for baris in teks_penutup:
        baris[1:LEBAR_LABEL] = [""] * (LEBAR_LABEL - 1)

    # The widest text of every non-wrapped column at size 1, then the largest size that fits the page.
    n = len(jenis)
    lebar1 = [0.0] * n
    for baris in [*teks, *[b[LEBAR_LABEL:] for b in teks_penutup]]:
        geser = n - len(baris)
        for k, t in enumerate(baris):
            if t and (k + geser) not in _TEKS_PANJANG:
                lebar1[k + geser] = max(lebar1[k + geser], stringWidth(t, tebal, 1))
    lebar1[4] = max(lebar1[4], stringWidth("Satuan", tebal, 1))
    lebar1[-1] = 0  # the responsible agency wraps
    minimal = {0: 14.0, 1: 0.0, 4: 22.0, n - 1: 48.0}
    ukuran = 7.0
    while ukuran > 4.0:
        angka = sum(
            max(lebar1[k] * ukuran + 4, minimal.get(k, 22.0)) for k in range(n) if k not in _TEKS_PANJANG
        )
        if lebar - angka >= 2 * 70:
            break
        ukuran -= 0.25
    lebar_kolom = [max(lebar1[k] * ukuran + 4, minimal.get(k, 22.0)) for k in range(n)]
    sisa = max(lebar - sum(lebar_kolom[k] for k in range(n) if k not in _TEKS_PANJANG), 2 * 50)
    for k in _TEKS_PANJANG:
        lebar_kolom[k] = sisa / 2

    g = gaya(ukuran)
    gk = gaya(ukuran, tebal=True, rata=TA_CENTER)
    gb = gaya(ukuran, tebal=True)
    baris_tabel: list[list[Any]] = [[""] * n for _ in range(TINGGI_KEPALA)]
    gaya_tabel: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), biasa),
        ("FONTSIZE", (0, 0), (-1, -1), ukuran),
        ("LEADING", (0, 0), (-1, -1), ukuran * 1.15),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (5, TINGGI_KEPALA), (-2, -1), "RIGHT"),
        ("ALIGN", (0, TINGGI_KEPALA), (0, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("BACKGROUND", (0, 0), (-1, TINGGI_KEPALA - 1), colors.Color(0.88, 0.91, 0.96)),
        ("VALIGN", (0, 0), (-1, TINGGI_KEPALA - 1), "MIDDLE"),
    ]
    for gb_ in kepala(tw, data.tahun):
        baris_tabel[gb_.baris][gb_.kolom] = Paragraph(escape(gb_.teks), gk)
        if gb_.tinggi > 1 or gb_.lebar > 1:
            gaya_tabel.append(
                ("SPAN", (gb_.kolom, gb_.baris), (gb_.kolom + gb_.lebar - 1, gb_.baris + gb_.tinggi - 1))
            )
    for indeks, (b, baris) in enumerate(zip(laporan.baris, teks, strict=True)):
        r = TINGGI_KEPALA + indeks
        tebal_baris = b.rencana.tingkat in ("tujuan", "sasaran", "program")
        gp = gb if tebal_baris else g
        sel = list[Any](baris)
        for k in (*_TEKS_PANJANG, n - 1):
            sel[k] = Paragraph(escape(baris[k]), gp) if baris[k] else ""
        baris_tabel.append(sel)
        if tebal_baris:
            gaya_tabel.append(("FONTNAME", (0, r), (-1, r), tebal))
    awal_penutup = len(baris_tabel)
    for baris in teks_penutup:
        sel = list[Any](baris)
        sel[0] = Paragraph(escape(baris[0]), gb)
        baris_tabel.append(sel)
    gaya_tabel += [
        ("FONTNAME", (0, awal_penutup), (-1, -1), tebal),
        ("BACKGROUND", (0, awal_penutup), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
    ]
    for r in range(awal_penutup, len(baris_tabel)):
        gaya_tabel.append(("SPAN", (0, r), (LEBAR_LABEL - 1, r)))
    gaya_tabel.append(("ALIGN", (5, len(baris_tabel) - 1), (-1, -1), "CENTER"))

    tabel = Table(baris_tabel, colWidths=lebar_kolom, repeatRows=TINGGI_KEPALA)
    tabel.setStyle(TableStyle(gaya_tabel))
    cerita: list[Flowable] = [
        _p("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", gaya(11, True, TA_CENTER)),
        _p(data.perangkat_daerah.upper(), gaya(10, True, TA_CENTER)),
        _p(f"PERIODE PELAKSANAAN {judul_periode(data).upper()}", gaya(10, True, TA_CENTER)),
        Spacer(1, 4 * mm),
        tabel,
        Spacer(1, 2 * mm),
        _p(catatan_metode(laporan), gaya(7, textColor=colors.Color(0.3, 0.3, 0.3))),
        Spacer(1, 3 * mm),
    ]
    if catatan := catatan_belum_ada_data(laporan):
        cerita[-1:-1] = [_p(catatan, gaya(7, textColor=colors.Color(0.3, 0.3, 0.3)))]
    for judul, isi_teks in bagian_teks(laporan):
        cerita.append(KeepTogether([_p(judul, gaya(8.5, True)), _p(isi_teks or "-", gaya(8.5))]))
        cerita.append(Spacer(1, 2 * mm))
    cerita.append(_tanda_tangan(data, lebar))
    doc.build(cerita, onFirstPage=halaman, onLaterPages=halaman)
    return keluaran.getvalue()


# ---------------------------------------------------------------------------------------------------
# Simple tables


def _tabel_sederhana(
    kepala_kolom: Sequence[tuple[str, float]],
    isi: Sequence[Sequence[str]],
    lebar: float,
    ukuran: float = 7,
    kanan: Sequence[int] = (),
    tambahan: Sequence[Any] = (),
) -> Table:
    total = sum(w for _, w in kepala_kolom)
    lebar_kolom = [w / total * lebar for _, w in kepala_kolom]
    gk = gaya(ukuran, True, TA_CENTER)
    g = gaya(ukuran)
    gr = gaya(ukuran, rata=TA_RIGHT)
    baris: list[list[Any]] = [[Paragraph(escape(t), gk) for t, _ in kepala_kolom]]
    for b in isi:
        baris.append([_p(t, gr if k in kanan else g) if t else "" for k, t in enumerate(b)])
    t = Table(baris, colWidths=lebar_kolom, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.91, 0.96)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *tambahan,
            ]
        )
    )
    return t


def kertas_kerja_pdf(laporan: LaporanKertasKerja, kertas: str = "f4") -> bytes:
    data = laporan.data
    ukuran = landscape(KERTAS[kertas])
    doc, keluaran, halaman = _dokumen(ukuran, "Kertas Kerja Perhitungan Capaian Outcome", data, 10 * mm)
    lebar = ukuran[0] - 20 * mm
    tw = romawi(data.triwulan)
    kolom = [
        ("No", 3),
        ("Nama Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 17),
        ("Indikator", 17),
        ("Formula Perhitungan", 15),
        ("Data Masukan: Variabel = Nilai", 19),
        ("Perhitungan", 13),
        (f"Hasil TW {tw}", 6),
        (f"Realisasi s/d TW {tw} (kol. 12)", 6.5),
        ("Target (kol. 7)", 6),
        ("Capaian (%) (kol. 13)", 6),
        ("Keterangan", 12),
    ]
    isi = [
        [
            "" if b.no is None else str(b.no),
            f"{b.tingkat}: {b.uraian}",
            f"{b.indikator} ({b.satuan})" if b.satuan else b.indikator,
            b.rumus,
            "\n".join(f"{v.label} = {format_angka(v.nilai)}" for v in b.variabel),
            b.perhitungan,
            format_angka(b.hasil),
            format_angka(b.realisasi),
            format_angka(b.target),
            format_persen(b.capaian, tanda=False),
            keterangan(b),
        ]
        for b in laporan.baris
    ]
    cerita: list[Flowable] = [
        _p("KERTAS KERJA PERHITUNGAN CAPAIAN OUTCOME", gaya(11, True, TA_CENTER)),
        _p(f"{data.perangkat_daerah.upper()} — {judul_periode(data).upper()}", gaya(10, True, TA_CENTER)),
        Spacer(1, 4 * mm),
        _tabel_sederhana(kolom, isi, lebar, 6.5, kanan=(6, 7, 8, 9)),
        _tanda_tangan(data, lebar),
    ]
    doc.build(cerita, onFirstPage=halaman, onLaterPages=halaman)
    return keluaran.getvalue()


def kesimpulan_pdf(laporan: LaporanKesimpulan, kertas: str = "f4") -> bytes:
    data = laporan.data
    ukuran = landscape(KERTAS[kertas])
    doc, keluaran, halaman = _dokumen(ukuran, "Kesimpulan Evaluasi terhadap Hasil RKPD", data)
    lebar = ukuran[0] - 24 * mm
    kolom = [
        ("No", 3),
        ("Nama Perangkat Daerah", 13),
        ("Nama Program", 20),
        ("Rata-rata Capaian Kinerja Program (%)", 8),
        ("Predikat Capaian Kinerja Program", 8),
        ("Rata-rata Realisasi Anggaran Program (%)", 8),
        ("Predikat Capaian Kinerja Anggaran Program", 8),
        ("Faktor Penghambat", 16),
        ("Faktor Pendukung", 16),
        ("Keterangan", 12),
    ]
    penghambat = "\n".join(f"- {t}" for t in laporan.faktor_penghambat) or "-"
    pendukung = "\n".join(f"- {t}" for t in laporan.faktor_pendukung) or "-"
    isi: list[list[str]] = []
    for b in laporan.baris:
        pertama = b.no == 1
        isi.append(
            [
                "1" if pertama else "",
                data.perangkat_daerah if pertama else "",
                b.program,
                format_persen(b.capaian, tanda=False),
                b.predikat_capaian or "-",
                format_persen(b.serapan, tanda=False),
                b.predikat_serapan or "-",
                penghambat if pertama else "",
                pendukung if pertama else "",
                laporan.keterangan if pertama else "",
            ]
        )
    r = laporan.rekap
    isi.append(
        [
            "",
            "",
            "Rata-rata seluruh program",
            format_persen(r.rata_capaian.k, tanda=False),
            r.predikat[0] or "-",
            format_persen(r.rata_capaian.rp, tanda=False),
            r.predikat[1] or "-",
            "",
            "",
            "",
        ]
    )
    program = len(laporan.baris)
    rentang = [("SPAN", (k, 1), (k, program)) for k in (0, 1, 7, 8, 9)] if program > 1 else []
    cerita: list[Flowable] = [
        _p(
            f"KESIMPULAN EVALUASI TERHADAP HASIL RKPD {data.pemda.upper()} {judul_periode(data).upper()}",
            gaya(11, True, TA_CENTER),
        ),
        Spacer(1, 4 * mm),
        _tabel_sederhana(kolom, isi, lebar, 7.5, kanan=(3, 5), tambahan=rentang),
        _tanda_tangan(data, lebar),
    ]
    doc.build(cerita, onFirstPage=halaman, onLaterPages=halaman)
    return keluaran.getvalue()


# ---------------------------------------------------------------------------------------------------
# Narasi and Surat Pengantar (portrait)


def _tabel_program(laporan: LaporanNarasi, kode: str, lebar: float) -> Flowable:
    bidang = next((b for b in laporan.bidang if b.kode == kode), None)
    if bidang is None:
        return Spacer(1, 1)
    tw = romawi(laporan.data.triwulan)
    kolom = [
        ("No", 2),
        ("Nama Program", 14),
        (f"Capaian Kinerja TW {tw} (%)", 5),
        (f"Serapan Anggaran TW {tw} (%)", 5),
    ]
    isi = [
        [str(p.no), p.nama, format_persen(p.capaian, tanda=False), format_persen(p.serapan, tanda=False)]
        for p in bidang.program
    ]
    return _tabel_sederhana(kolom, isi, lebar, 9, kanan=(2, 3))


def narasi_pdf(laporan: LaporanNarasi, kertas: str = "a4") -> bytes:
    data = laporan.data
    ukuran = KERTAS[kertas]
    doc, keluaran, halaman = _dokumen(ukuran, "Narasi Laporan Hasil Pelaksanaan RKPD", data, 20 * mm)
    lebar = ukuran[0] - 40 * mm
    cerita: list[Flowable] = [
        _p("NARASI LAPORAN HASIL PELAKSANAAN RKPD", gaya(12, True, TA_CENTER)),
        _p(f"{data.perangkat_daerah.upper()} — {judul_periode(data).upper()}", gaya(11, True, TA_CENTER)),
        Spacer(1, 6 * mm),
    ]
    paragraf = gaya(10.5, rata=TA_JUSTIFY, spaceAfter=6)
    for blok in blok_narasi(teks_narasi(laporan)):
        if blok.jenis == "judul":
            cerita += [Spacer(1, 3 * mm), _p(blok.teks, gaya(11.5, True, spaceAfter=6))]
        elif blok.jenis == "subjudul":
            cerita.append(_p(blok.teks, gaya(10, True, TA_CENTER, spaceAfter=4)))
        elif blok.jenis == "butir":
            cerita.append(
                Paragraph(escape(blok.teks), gaya(10.5, leftIndent=14, bulletIndent=4), bulletText="•")
            )
        elif blok.jenis == "tabel":
            cerita += [_tabel_program(laporan, blok.teks, lebar), Spacer(1, 4 * mm)]
        else:
            cerita.append(_p(blok.teks, paragraf))
    cerita.append(_tanda_tangan(data, lebar))
    doc.build(cerita, onFirstPage=halaman, onLaterPages=halaman)
    return keluaran.getvalue()


def surat_pdf(surat: SuratPengantar, kertas: str = "a4") -> bytes:
    data = surat.data
    ukuran = KERTAS[kertas]
    doc, keluaran, halaman = _dokumen(ukuran, "Surat Pengantar", data, 20 * mm)
    lebar = ukuran[0] - 40 * mm
    g = gaya(10.5)
    kop: list[Flowable] = [
        _p(surat.kop_pemda, gaya(13, True, TA_CENTER)),
        _p(surat.kop_unit, gaya(14, True, TA_CENTER)),
    ]
    if surat.alamat:
        kop.append(_p(surat.alamat, gaya(8.5, rata=TA_CENTER)))
    garis = Table([[""]], colWidths=[lebar], rowHeights=[2])
    garis.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.5, colors.black)]))
    kepala_surat = Table(
        [
            [_p(f"Nomor\t: {surat.nomor}".replace("\t", " "), g), _p(surat.ttd.tempat_tanggal, g)],
            [_p(f"Sifat : {surat.sifat}", g), ""],
            [_p(f"Lampiran : {surat.lampiran}", g), ""],
        ],
        colWidths=[lebar * 0.6, lebar * 0.4],
    )
    kepala_surat.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    isi_kolom = "<br/>".join(f"{i}. {escape(t)}" for i, t in enumerate(surat.isi, start=1))
    gt = gaya(9.5)
    tabel = Table(
        [
            [
                Paragraph(t, gaya(9.5, True, TA_CENTER))
                for t in ("No.", "Jenis yang dikirim", "Jumlah", "Keterangan")
            ],
            [
                _p("1.", gt),
                Paragraph(f"{escape(surat.jenis)}<br/>{isi_kolom}", gt),
                _p(surat.jumlah, gt),
                _p(surat.keterangan, gt),
            ],
        ],
        colWidths=[lebar * 0.07, lebar * 0.55, lebar * 0.13, lebar * 0.25],
    )
    tabel.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    cerita: list[Flowable] = [
        *kop,
        Spacer(1, 2 * mm),
        garis,
        Spacer(1, 6 * mm),
        kepala_surat,
        Spacer(1, 6 * mm),
        _p(f"Yth. {surat.kepada}", g),
        _p(f"di {surat.di}", g),
        Spacer(1, 8 * mm),
        _p("SURAT PENGANTAR", gaya(12, True, TA_CENTER)),
        Spacer(1, 4 * mm),
        tabel,
        _tanda_tangan(data, lebar, mengetahui=False),
    ]
    doc.build(cerita, onFirstPage=halaman, onLaterPages=halaman)
    return keluaran.getvalue()
