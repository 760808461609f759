"""PDF renderers (reportlab platypus): the five documents of the package.

Numbers are written with the rules core's Indonesian formatting (format_angka, format_rupiah, format_persen);
nothing is computed here. Form E.81 uses one platypus Table with repeatRows, so the header is repeated on
every page, and chooses its font size so that the widest number of every column fits the page width.
"""

import dataclasses
import io
from collections.abc import Sequence
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
    Image,
    KeepTogether,
    LayoutError,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from capaian.aturan.angka import format_angka, format_persen, format_rupiah, format_satuan
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.kertas_kerja import LaporanKertasKerja, keterangan, per_bagian, teks_nilai_catatan
from capaian.laporan.kesimpulan import LaporanKesimpulan, catatan_bawah, gabung, teks_baris
from capaian.laporan.narasi import LaporanNarasi, blok_narasi, teks_narasi
from capaian.laporan.surat import SuratPengantar
from capaian.laporan.tabel_e81 import (
    LEBAR_LABEL,
    TINGGI_KEPALA,
    Gabung,
    Sel,
    bagian_teks,
    baris_penutup,
    catatan_belum_ada_data,
    catatan_metode,
    catatan_tanda,
    jenis_kolom,
    kepala,
    legenda_metode,
    sel_baris,
    tanda_metode,
    tanda_sel,
)
from capaian.laporan.umum import (
    CATATAN_SINTETIS,
    blok_tanda_tangan,
    judul_kesimpulan,
    judul_periode,
    nama_unit,
    romawi,
)

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


UKURAN_MINIMAL = 6.5  # pt: nothing in a document is printed smaller (issue 12)
_LIBERATION = Path("/usr/share/fonts/truetype/liberation")


@lru_cache(maxsize=1)
def huruf_sempit() -> tuple[str, str]:
    """(regular, bold) of a narrow face for Form E.81's 28 columns: Liberation Sans Narrow (Arial Narrow's
    metrics, the face of the offices' own sheets) if installed, else the condensed face of `huruf`."""
    biasa, tebal = (
        _LIBERATION / "LiberationSansNarrow-Regular.ttf",
        _LIBERATION / "LiberationSansNarrow-Bold.ttf",
    )
    if biasa.exists() and tebal.exists():
        pdfmetrics.registerFont(TTFont("CapaianSempit", str(biasa)))
        pdfmetrics.registerFont(TTFont("CapaianSempit-Tebal", str(tebal)))
        pdfmetrics.registerFontFamily("CapaianSempit", normal="CapaianSempit", bold="CapaianSempit-Tebal")
        return "CapaianSempit", "CapaianSempit-Tebal"
    return huruf()


def kanvas_halaman(kaki: str | None, margin: float, *, draf: bool, sintetis: bool) -> type[Canvas]:
    """A canvas that writes, once the page count is known, "Halaman n dari N" (on every page when there is a
    footer text `kaki`, else only when there are several pages) with `kaki` at the left foot, the
    synthetic-data notice, and a diagonal "DRAF" across every page of a document not yet final. One for
    every PDF of the app: the agency's documents and the city's."""

    class KanvasDokumen(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._halaman: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._halaman.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._halaman)
            for keadaan in self._halaman:
                self.__dict__.update(keadaan)
                self._hias(total)
                super().showPage()
            super().save()

        def _hias(self, total: int) -> None:
            lebar, tinggi = self._pagesize
            self.saveState()
            if draf:
                self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
                self.setFont(huruf()[1], 96)
                self.translate(lebar / 2, tinggi / 2)
                self.rotate(35)
                self.drawCentredString(0, -30, "DRAF")
                self.rotate(-35)
                self.translate(-lebar / 2, -tinggi / 2)
                self.setFillColor(colors.black)
            self.setFont(huruf()[0], UKURAN_MINIMAL)
            if kaki:
                self.drawString(margin, 6 * mm, kaki)
            if kaki or total > 1:
                self.drawRightString(lebar - margin, 6 * mm, f"Halaman {self._pageNumber} dari {total}")
            if sintetis:
                self.setFillColor(colors.red)
                self.drawCentredString(lebar / 2, tinggi - 6 * mm, CATATAN_SINTETIS)
            self.restoreState()

    return KanvasDokumen


def kanvas(judul: str, data: DataLaporan, margin: float, kaki: bool = True) -> type[Canvas]:
    """The agency's documents: the footer names the document, the agency and the period (a letter has
    none, `kaki=False`); DRAF while the quarter is not yet verified (`data.draf`)."""
    teks = f"{judul} — {data.perangkat_daerah} — {judul_periode(data)}" if kaki else None
    return kanvas_halaman(teks, margin, draf=data.draf, sintetis=data.sintetis)


def _dokumen(
    kertas: tuple[float, float], judul: str, data: DataLaporan, margin: float = 12 * mm, kaki: bool = True
) -> tuple[SimpleDocTemplate, io.BytesIO, type[Canvas]]:
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
        subject=f"{data.perangkat_daerah} — {judul_periode(data)}",
        creator="Capaian",
        producer="Capaian",
    )
    return doc, keluaran, kanvas(judul, data, margin, kaki)


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
_BARIS_BERSAMA_TTD = 2  # the last rows of the form that the closing rows, texts and signature stay with
_MARGIN_E81 = 6 * mm


def _ukuran_e81(
    lebar1: Sequence[float], n: int, lebar: float, angka_minimal: float = 16.0
) -> tuple[float, list[float]]:
    """The largest body size from 8 pt down to UKURAN_MINIMAL at which every number column fits its widest
    value and Uraian and Indikator keep 70 pt each; never below UKURAN_MINIMAL (Liberation Sans Narrow at
    6.5 pt fits the 28 columns of a TW IV form on F4). Returns the size and the column widths."""
    minimal = {0: 12.0, 1: 36.0, 4: 28.0, n - 1: 48.0}

    def lebar_kolom(ukuran: float) -> list[float]:
        return [max(lebar1[k] * ukuran + 2.5, minimal.get(k, angka_minimal)) for k in range(n)]

    ukuran = 8.0
    while ukuran > UKURAN_MINIMAL:
        kolom = lebar_kolom(ukuran)
        if lebar - sum(kolom[k] for k in range(n) if k not in _TEKS_PANJANG) >= 2 * 95:
            break
        ukuran -= 0.25
    kolom = lebar_kolom(ukuran)
    sisa = max(lebar - sum(kolom[k] for k in range(n) if k not in _TEKS_PANJANG), 2 * 50)
    # Indikator is usually the longer text: it gets a little more.
    kolom[2], kolom[3] = sisa * 0.45, sisa * 0.55
    return ukuran, kolom


def _lebar_angka(
    teks: Sequence[Sequence[str]], penutup: Sequence[Sequence[str]], n: int, nama: str
) -> list[float]:
    """The widest text of every number column at size 1 (a stacked "K\nRp" cell by its wider line)."""
    lebar1 = [0.0] * n
    for baris in [*teks, *[b[LEBAR_LABEL:] for b in penutup]]:
        geser = n - len(baris)
        for k, t in enumerate(baris):
            # Kode and Satuan wrap (a sub kegiatan's code after its dots): their widths are fixed.
            if t and (k + geser) not in (*_TEKS_PANJANG, 1, 4, n - 1):
                lebar1[k + geser] = max(
                    lebar1[k + geser], *(stringWidth(baris_, nama, 1) for baris_ in t.split("\n"))
                )
    return lebar1


def _tumpuk(baris: Sequence[str]) -> list[str]:
    """A row with each K/Rp pair (columns 5 .. 15) as one cell, K above Rp."""
    akhir = len(baris) - 1
    pasangan = [
        "\n".join((baris[k], baris[k + 1])).strip("\n") if baris[k + 1] else baris[k]
        for k in range(5, akhir, 2)
    ]
    return [*baris[:5], *pasangan, baris[akhir]]


def _kepala_tumpuk(gabung: Sequence[Gabung], n: int) -> list[Gabung]:
    """The header for stacked pairs: every column from 5 on halves, the K/Rp row says "K / Rp"."""
    hasil: list[Gabung] = []
    for g in gabung:
        if g.kolom < 5:
            hasil.append(g)
        elif g.kolom == n - 1:
            hasil.append(dataclasses.replace(g, kolom=5 + (n - 6) // 2))
        elif g.baris == 2:
            if g.teks == "K":
                hasil.append(dataclasses.replace(g, kolom=5 + (g.kolom - 5) // 2, teks="K / Rp"))
        else:
            hasil.append(dataclasses.replace(g, kolom=5 + (g.kolom - 5) // 2, lebar=max(1, g.lebar // 2)))
    return hasil


def e81_pdf(laporan: LaporanE81, kertas: str = "f4") -> bytes:
    """Form E.81 on landscape F4: body at 6.5 pt or more, the four header rows repeated on every page, no
    row split across pages, and the closing rows, the four texts and the signature kept with the last rows
    of the form (they are trailing rows of the one table, held together with NOSPLIT)."""
    data = laporan.data
    tw = data.triwulan
    ukuran_kertas = landscape(KERTAS[kertas])
    doc, keluaran, kanvas_ = _dokumen(ukuran_kertas, "Form E.81", data, margin=_MARGIN_E81)
    lebar = ukuran_kertas[0] - 2 * _MARGIN_E81
    jenis = jenis_kolom(tw)
    biasa, tebal = huruf_sempit()

    # Column 16 names the agency without its region, as the reference does ("Dinas Perindustrian dan
    # Perdagangan"): the region is in the title, and the shorter name keeps the rows low.
    isi = [sel_baris(b, tw, nama_unit(data)) for b in laporan.baris]
    teks = [[_teks_sel(s) for s in baris] for baris in isi]
    # Flagged cells (a code not in its standard form, a budget percentage above 1.000 %) carry their mark
    # before the widths are measured; the footnotes are under the form.
    for b, baris_teks_ in zip(laporan.baris, teks, strict=True):
        for k, tanda_ in tanda_sel(b, tw).items():
            baris_teks_[k] = f"{baris_teks_[k]} {tanda_}"
    teks_penutup = [[_teks_sel(s) for s in baris] for baris in baris_penutup(laporan)]
    for baris in teks_penutup:
        baris[1:LEBAR_LABEL] = [""] * (LEBAR_LABEL - 1)
    gabung = kepala(tw, data.tahun)
    n = len(jenis)
    ukuran, lebar_kolom = _ukuran_e81(_lebar_angka(teks, teks_penutup, n, biasa), n, lebar)
    if sum(lebar_kolom[k] for k in range(n) if k not in _TEKS_PANJANG) > lebar - 2 * 60:
        # Too many quarters for the page at 6.5 pt side by side (TW III/IV, or A4): each K/Rp pair becomes
        # one column with K above Rp, as Form E.79 prints them.
        teks = [_tumpuk(b) for b in teks]
        teks_penutup = [_tumpuk(b) for b in teks_penutup]
        gabung = _kepala_tumpuk(gabung, n)
        n = len(teks[0])
        ukuran, lebar_kolom = _ukuran_e81(_lebar_angka(teks, teks_penutup, n, biasa), n, lebar, 30.0)

    g = gaya(ukuran)
    g.fontName = biasa
    gk = gaya(UKURAN_MINIMAL, tebal=True, rata=TA_CENTER)
    gk.fontName = tebal
    gb = gaya(ukuran)
    gb.fontName = tebal
    baris_tabel: list[list[Any]] = [[""] * n for _ in range(TINGGI_KEPALA)]
    gaya_tabel: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), biasa),
        ("FONTSIZE", (0, 0), (-1, -1), ukuran),
        ("LEADING", (0, 0), (-1, -1), ukuran * 1.12),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (5, TINGGI_KEPALA), (-2, -1), "RIGHT"),
        ("ALIGN", (0, TINGGI_KEPALA), (0, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("BACKGROUND", (0, 0), (-1, TINGGI_KEPALA - 1), colors.Color(0.88, 0.91, 0.96)),
        ("VALIGN", (0, 0), (-1, TINGGI_KEPALA - 1), "MIDDLE"),
    ]
    for gb_ in gabung:
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
        for k in (*_TEKS_PANJANG, 4, n - 1):
            sel[k] = Paragraph(escape(baris[k]), gp) if baris[k] else ""
        tanda = tanda_metode(b.masukan.sifat)
        if tanda:  # a non-default method, explained in the legend below the form
            sel[3] = Paragraph(f"{escape(baris[3])} <b>[{', '.join(tanda)}]</b>", gp)
        # A long code (sub kegiatan) breaks after its dots rather than overflowing.
        if stringWidth(baris[1], tebal, ukuran) > lebar_kolom[1] - 3:
            sel[1] = Paragraph(escape(baris[1]).replace(".", ".<wbr/>"), gb if tebal_baris else g)
        baris_tabel.append(sel)
        if tebal_baris:  # the texts in bold; the numbers keep the regular face their widths were measured in
            gaya_tabel.append(("FONTNAME", (0, r), (4, r), tebal))
    awal_penutup = len(baris_tabel)
    for baris in teks_penutup:
        sel = list[Any](baris)
        sel[0] = Paragraph(escape(baris[0]), gb)
        baris_tabel.append(sel)
    akhir_penutup = len(baris_tabel) - 1
    gaya_tabel += [
        ("FONTNAME", (0, awal_penutup), (LEBAR_LABEL - 1, akhir_penutup), tebal),
        ("BACKGROUND", (0, awal_penutup), (-1, akhir_penutup), colors.Color(0.95, 0.95, 0.95)),
    ]
    for r in range(awal_penutup, akhir_penutup + 1):
        gaya_tabel.append(("SPAN", (0, r), (LEBAR_LABEL - 1, r)))
    gaya_tabel.append(("ALIGN", (5, akhir_penutup), (-1, akhir_penutup), "CENTER"))

    # Below the form, as rows of the same table without grid: the method note, the four texts, the
    # signature, so that they can be held with the last rows of the form.
    abu = colors.Color(0.3, 0.3, 0.3)
    ekor: list[Any] = [_p(catatan_metode(laporan), gaya(7, textColor=abu))]
    legenda = legenda_metode(laporan)
    if legenda:
        ekor.append(_p("Tanda metode pada kolom 4: " + "; ".join(legenda) + ".", gaya(7, textColor=abu)))
    if catatan := catatan_belum_ada_data(laporan):
        ekor.append(_p(catatan, gaya(7, textColor=abu)))
    for catatan in catatan_tanda(laporan):
        ekor.append(_p(catatan, gaya(7, textColor=abu)))
    for judul, isi_teks in bagian_teks(laporan):
        ekor.append([_p(judul, gaya(8, True)), _p(isi_teks or "-", gaya(8))])
    ekor.append(_tanda_tangan(data, lebar)._content)
    awal_ekor = len(baris_tabel)
    for f in ekor:
        baris_tabel.append([f] + [""] * (n - 1))
    akhir = len(baris_tabel) - 1
    gaya_tabel += [("SPAN", (0, r), (-1, r)) for r in range(awal_ekor, akhir + 1)]
    gaya_tabel += [
        ("LINEBELOW", (0, awal_ekor), (-1, akhir), 0, colors.white),
        ("LINEABOVE", (0, awal_ekor + 1), (-1, akhir), 0, colors.white),
        ("LINEBEFORE", (0, awal_ekor), (-1, akhir), 0, colors.white),
        ("LINEAFTER", (0, awal_ekor), (-1, akhir), 0, colors.white),
        ("TOPPADDING", (0, awal_ekor), (-1, akhir), 3),
        ("LEFTPADDING", (0, awal_ekor), (-1, akhir), 0),
    ]
    tahan = [("NOSPLIT", (0, max(TINGGI_KEPALA, awal_penutup - _BARIS_BERSAMA_TTD)), (-1, akhir))]

    kepala_dokumen: list[Flowable] = [
        _p("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", gaya(11, True, TA_CENTER)),
        _p(data.perangkat_daerah.upper(), gaya(10, True, TA_CENTER)),
        _p(f"PERIODE PELAKSANAAN {judul_periode(data).upper()}", gaya(10, True, TA_CENTER)),
        Spacer(1, 2 * mm),
        _p("SASARAN PEMBANGUNAN TAHUNAN KABUPATEN/KOTA :", gaya(8, True)),
        Spacer(1, 1.5 * mm),
    ]

    def bangun(tahan_: list[Any]) -> bytes:
        keluaran.seek(0)
        keluaran.truncate()
        tabel = Table(baris_tabel, colWidths=lebar_kolom, repeatRows=TINGGI_KEPALA)
        tabel.setStyle(TableStyle([*gaya_tabel, *tahan_]))
        doc.build([*kepala_dokumen, tabel], canvasmaker=kanvas_)
        return keluaran.getvalue()

    try:
        return bangun(tahan)
    except LayoutError:
        # Texts longer than a page cannot be held with the last rows: let them flow.
        return bangun([])


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


def _pasangan_pdf(pasangan: Sequence[tuple[str, str]], lebar: tuple[float, float], ukuran: float) -> Table:
    """The Data Masukan of one row: a Variabel | Nilai pair a line, a thin rule between the pairs."""
    g = gaya(ukuran)
    t = Table([[_p(v, g), _p(n, g)] for v, n in pasangan], colWidths=list(lebar))
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (1, -1), 0.3, colors.black),
                ("LINEBELOW", (0, 0), (-1, -2), 0.2, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
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
    ukuran_huruf = UKURAN_MINIMAL
    # (header, relative width); columns 4 and 5 are the Data Masukan pair under one header.
    # "No. E.81": the row's number in Form E.81 (the reference numbers its three sections instead).
    kolom = [
        ("No. E.81", 3.5),
        ("Nama Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 15),
        ("Indikator", 15),
        ("Formula Perhitungan", 16),
        ("Variabel", 14),
        ("Nilai", 11),
        ("Perhitungan", 11),
        (f"Hasil TW {tw}", 6),
        (f"Realisasi s/d TW {tw} (kol. 12)", 6.5),
        ("Target (kol. 7)", 6),
        ("Capaian (%) (kol. 13)", 6),
        ("Keterangan", 11),
    ]
    total = sum(w for _, w in kolom)
    lebar_kolom = [w / total * lebar for _, w in kolom]
    gk, g, gr = gaya(ukuran_huruf, True, TA_CENTER), gaya(ukuran_huruf), gaya(ukuran_huruf, rata=TA_RIGHT)
    kepala_1: list[Any] = [_p(t, gk) for t, _ in kolom]
    kepala_1[4], kepala_1[5] = _p("Data Masukan", gk), ""
    kepala_2: list[Any] = ["", "", "", "", _p("Variabel", gk), _p("Nilai", gk), *[""] * 6]
    baris: list[list[Any]] = [kepala_1, kepala_2]
    rentang: list[Any] = [("SPAN", (4, 0), (5, 0))] + [
        ("SPAN", (k, 0), (k, 1)) for k in range(len(kolom)) if k not in (4, 5)
    ]
    gb = gaya(ukuran_huruf, True)
    latar_bagian = colors.Color(0.95, 0.95, 0.95)
    for (judul, judul_indikator), daftar in per_bagian(laporan):
        # The reference's section row: "TUJUAN | INDIKATOR TUJUAN", then its rows.
        i = len(baris)
        baris.append(["", _p(judul, gb), _p(judul_indikator, gb), *[""] * (len(kolom) - 3)])
        # The section row stays with its first row (never alone at the foot of a page).
        rentang += [
            ("SPAN", (3, i), (-1, i)),
            ("BACKGROUND", (0, i), (-1, i), latar_bagian),
            ("NOSPLIT", (0, i), (-1, i + 1)),
        ]
        for b in daftar:
            i = len(baris)
            pasangan = [(v.label, teks_nilai_catatan(b, v)) for v in b.variabel]
            sel = [
                "" if b.no is None else str(b.no),
                f"{b.tingkat}: {b.uraian}",
                f"{b.indikator} ({b.satuan})" if b.satuan else b.indikator,
                b.rumus,
            ]
            baris.append(
                [
                    *[_p(t, g) for t in sel],
                    _pasangan_pdf(pasangan, (lebar_kolom[4], lebar_kolom[5]), ukuran_huruf)
                    if pasangan
                    else "",
                    "",
                    _p(b.perhitungan, g) if b.perhitungan else "",
                    _p(format_satuan(b.hasil, b.satuan), gr),
                    _p(format_satuan(b.realisasi, b.satuan), gr),
                    _p(format_satuan(b.target, b.satuan), gr),
                    _p(format_persen(b.capaian, tanda=False), gr),
                    _p(keterangan(b), g),
                ]
            )
            rentang.append(("SPAN", (4, i), (5, i)))
            # The nested pairs fill their cell edge to edge, so that their rule meets the grid.
            rentang.append(("LEFTPADDING", (4, i), (5, i), 0))
            rentang.append(("RIGHTPADDING", (4, i), (5, i), 0))
            rentang.append(("TOPPADDING", (4, i), (5, i), 0))
    tabel = Table(baris, colWidths=lebar_kolom, repeatRows=2)
    tabel.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 1), colors.Color(0.88, 0.91, 0.96)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *rentang,
            ]
        )
    )
    cerita: list[Flowable] = [
        _p("KERTAS KERJA PERHITUNGAN CAPAIAN OUTCOME", gaya(11, True, TA_CENTER)),
        _p(f"{data.perangkat_daerah.upper()} — {judul_periode(data).upper()}", gaya(10, True, TA_CENTER)),
        Spacer(1, 4 * mm),
        tabel,
        _tanda_tangan(data, lebar),
    ]
    doc.build(cerita, canvasmaker=halaman)
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
        ("Rata-rata Capaian Kinerja Program Prioritas RKPD Kab/Kota (%)", 8),
        ("Predikat Capaian Kinerja Program Prioritas RKPD Kab/Kota", 8),
        ("Rata-rata Realisasi Anggaran Program Prioritas RKPD Kab/Kota (%)", 8),
        ("Predikat Capaian Kinerja Anggaran Program Prioritas RKPD Kab/Kota", 8),
        ("Faktor Penghambat", 16),
        ("Faktor Pendukung", 16),
        ("Keterangan", 12),
    ]
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
                *teks_baris(laporan, b),
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
    digabung = (0, 1, 7, 8, 9) if gabung(laporan) else (0, 1) if program > 1 else ()
    rentang = [("SPAN", (k, 1), (k, program)) for k in digabung]
    cerita: list[Flowable] = [
        _p(
            judul_kesimpulan(data),
            gaya(11, True, TA_CENTER),
        ),
        Spacer(1, 4 * mm),
        _tabel_sederhana(kolom, isi, lebar, 7.5, kanan=(3, 5), tambahan=rentang),
        *([Spacer(1, 2 * mm), _p(catatan, gaya(7.5))] if (catatan := catatan_bawah(laporan)) else []),
        _tanda_tangan(data, lebar),
    ]
    doc.build(cerita, canvasmaker=halaman)
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
        elif blok.jenis == "nomor":
            cerita.append(
                Paragraph(
                    escape(blok.teks),
                    gaya(10.5, rata=TA_JUSTIFY, leftIndent=18, bulletIndent=4, spaceAfter=2),
                    bulletText=blok.nomor,
                )
            )
        elif blok.jenis == "tabel":
            cerita += [_tabel_program(laporan, blok.teks, lebar), Spacer(1, 4 * mm)]
        else:
            cerita.append(_p(blok.teks, paragraf))
    cerita.append(_tanda_tangan(data, lebar))
    doc.build(cerita, canvasmaker=halaman)
    return keluaran.getvalue()


def surat_pdf(surat: SuratPengantar, kertas: str = "a4") -> bytes:
    data = surat.data
    ukuran = KERTAS[kertas]
    # A letter carries no software footer; only a page number if it runs over one page.
    doc, keluaran, halaman = _dokumen(ukuran, "Surat Pengantar", data, 20 * mm, kaki=False)
    lebar = ukuran[0] - 40 * mm
    g = gaya(10.5)
    teks_kop: list[Flowable] = [
        _p(surat.kop_pemda, gaya(13, True, TA_CENTER)),
        _p(surat.kop_unit, gaya(14, True, TA_CENTER)),
    ]
    for baris in (surat.alamat, *surat.kontak):
        if baris:
            teks_kop.append(_p(baris, gaya(8.5, rata=TA_CENTER)))
    kop: list[Flowable] = teks_kop
    if surat.logo:
        # The lambang daerah left of the letterhead's text, as the reference prints it.
        try:
            lambang = Image(surat.logo, width=20 * mm, height=24 * mm, kind="proportional")
            kop_tabel = Table([[lambang, teks_kop]], colWidths=[24 * mm, lebar - 24 * mm])
            kop_tabel.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            kop = [kop_tabel]
        except OSError:
            kop = teks_kop
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
    doc.build(cerita, canvasmaker=halaman)
    return keluaran.getvalue()
