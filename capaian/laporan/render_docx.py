"""DOCX renderers (python-docx): the Narasi and the Surat Pengantar, editable by the agency before signing."""

import datetime
import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.document import Document as DokumenDocx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor

from capaian.aturan.angka import format_persen
from capaian.laporan.data import DataLaporan
from capaian.laporan.narasi import LaporanNarasi, blok_narasi, teks_narasi
from capaian.laporan.surat import SuratPengantar
from capaian.laporan.umum import CATATAN_SINTETIS, blok_tanda_tangan, judul_periode, romawi


def _dokumen(data: DataLaporan, judul: str = "") -> DokumenDocx:
    doc = Document()
    # python-docx's template says it was made by python-docx on 2013-12-23: the document's own metadata.
    sekarang = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    sifat = doc.core_properties
    sifat.author = sifat.last_modified_by = "Capaian"
    sifat.title = judul
    sifat.subject = f"{data.perangkat_daerah} — {judul_periode(data)}"
    sifat.category = "Monitoring dan Evaluasi RKPD"
    sifat.comments = "Dibuat oleh Capaian"
    sifat.created = sifat.modified = sekarang
    sifat.revision = 1
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(11)
    for nama in ("Heading 1", "Heading 2"):  # black Arial, not Word's default blue
        judul_gaya = doc.styles[nama]
        judul_gaya.font.name = "Arial"
        judul_gaya.font.size = Pt(12)
        judul_gaya.font.color.rgb = RGBColor(0, 0, 0)
    for bagian in doc.sections:
        bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
        bagian.left_margin = bagian.right_margin = Cm(2.5)
        bagian.top_margin = bagian.bottom_margin = Cm(2)
    if data.sintetis:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(CATATAN_SINTETIS).bold = True
    if data.draf:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run("DRAF — triwulan ini belum diverifikasi")
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    return doc


def _tengah(doc: DokumenDocx, teks: str, tebal: bool = False, ukuran: float | None = None) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(teks)
    run.bold = tebal
    if ukuran:
        run.font.size = Pt(ukuran)


def _tanda_tangan(doc: DokumenDocx, data: DataLaporan, mengetahui: bool = True) -> None:
    ttd = blok_tanda_tangan(data)
    tabel = doc.add_table(rows=1, cols=2)
    sel = tabel.cell(0, 1)
    baris: list[tuple[str, bool]] = []
    if mengetahui:
        baris += [(ttd.tempat_tanggal, False), ("Mengetahui,", False)]
    baris += [(ttd.jabatan, True), ("", False), ("", False), ("", False), (ttd.nama, True)]
    baris += [(ttd.pangkat, False), (ttd.nip, False)]
    sel.paragraphs[0].text = ""
    for i, (teks, tebal) in enumerate(baris):
        p = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(teks)
        run.bold = tebal
        run.underline = teks == ttd.nama and bool(teks)


def _lebar_kolom(tabel: Any, lebar: Sequence[Length]) -> None:
    """Column widths for Word and LibreOffice alike: LibreOffice lays a table out from its grid (gridCol),
    Word from the cells, so both are set, and autofit is off so neither reflows it."""
    tabel.autofit = False
    for kolom, ukuran in zip(tabel.columns, lebar, strict=True):
        kolom.width = ukuran
    for baris in tabel.rows:
        for sel, ukuran in zip(baris.cells, lebar, strict=True):
            sel.width = ukuran


def _garis_kop(doc: DokumenDocx) -> None:
    """The letterhead's rule: a bottom border on an empty paragraph, which never wraps like underscores."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(12)
    batas = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for nama, nilai in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bawah.set(qn(nama), nilai)
    batas.append(bawah)
    p._p.get_or_add_pPr().append(batas)


def butir_bernomor(doc: DokumenDocx, nomor: str, teks: str) -> None:
    """ "1. ..." as typed text with a hanging indent: Word's "List Number" style would carry one numbering
    on through every list of the document (the second list would start at 4)."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    f = p.paragraph_format
    f.left_indent, f.first_line_indent, f.space_after = Cm(0.75), Cm(-0.75), Pt(2)
    f.tab_stops.add_tab_stop(Cm(0.75))
    p.add_run(f"{nomor}\t{teks}")


def _simpan(doc: DokumenDocx) -> bytes:
    keluaran = io.BytesIO()
    doc.save(keluaran)
    return keluaran.getvalue()


def _tabel_program(doc: DokumenDocx, laporan: LaporanNarasi, kode: str) -> None:
    bidang = next((b for b in laporan.bidang if b.kode == kode), None)
    if bidang is None:
        return
    tw = romawi(laporan.data.triwulan)
    tabel = doc.add_table(rows=1, cols=4)
    tabel.style = "Table Grid"
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    for sel, teks in zip(
        tabel.rows[0].cells,
        ("No", "Nama Program", f"Capaian Kinerja TW {tw} (%)", f"Serapan Anggaran TW {tw} (%)"),
        strict=True,
    ):
        sel.text = teks
        sel.paragraphs[0].runs[0].bold = True
        sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for p in bidang.program:
        sel = tabel.add_row().cells
        isi = (
            str(p.no),
            p.nama,
            format_persen(p.capaian, tanda=False),
            format_persen(p.serapan, tanda=False),
        )
        for k, (s, teks) in enumerate(zip(sel, isi, strict=True)):
            s.text = teks
            if k >= 2:
                s.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _lebar_kolom(tabel, (Cm(1), Cm(9), Cm(3), Cm(3)))


def narasi_docx(laporan: LaporanNarasi) -> bytes:
    data = laporan.data
    doc = _dokumen(data, "Narasi Laporan Hasil Pelaksanaan RKPD")
    _tengah(doc, "NARASI LAPORAN HASIL PELAKSANAAN RKPD", True, 13)
    _tengah(doc, f"{data.perangkat_daerah.upper()}", True)
    _tengah(doc, judul_periode(data).upper(), True)
    for blok in blok_narasi(teks_narasi(laporan)):
        if blok.jenis == "judul":
            doc.add_heading(blok.teks, level=2)
        elif blok.jenis == "subjudul":
            _tengah(doc, blok.teks, True)
        elif blok.jenis == "butir":
            doc.add_paragraph(blok.teks, style="List Bullet")
        elif blok.jenis == "nomor":
            butir_bernomor(doc, blok.nomor, blok.teks)
        elif blok.jenis == "tabel":
            _tabel_program(doc, laporan, blok.teks)
            doc.add_paragraph()
        else:
            p = doc.add_paragraph(blok.teks)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _tanda_tangan(doc, data)
    return _simpan(doc)


def surat_docx(surat: SuratPengantar) -> bytes:
    data = surat.data
    doc = _dokumen(data, "Surat Pengantar")
    if surat.logo:
        try:
            doc.add_picture(surat.logo, height=Cm(2.4))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        except (OSError, ValueError):
            pass  # an unreadable upload: the letter prints without the lambang
    _tengah(doc, surat.kop_pemda, True, 13)
    _tengah(doc, surat.kop_unit, True, 14)
    for baris in (surat.alamat, *surat.kontak):
        if baris:
            _tengah(doc, baris, False, 8.5)
    _garis_kop(doc)
    kepala = doc.add_table(rows=3, cols=3)
    isi_kepala = (
        ("Nomor", f": {surat.nomor}", surat.ttd.tempat_tanggal),
        ("Sifat", f": {surat.sifat}", ""),
        ("Lampiran", f": {surat.lampiran}", ""),
    )
    for baris, bagian_baris in zip(kepala.rows, isi_kepala, strict=True):
        for sel_kepala, bagian in zip(baris.cells, bagian_baris, strict=True):
            sel_kepala.text = bagian
    _lebar_kolom(kepala, (Cm(2.5), Cm(7), Cm(6.5)))
    doc.add_paragraph()
    doc.add_paragraph(f"Yth. {surat.kepada}").paragraph_format.space_after = Pt(0)
    doc.add_paragraph(f"di {surat.di}")
    _tengah(doc, "SURAT PENGANTAR", True, 12)
    doc.add_paragraph()
    tabel = doc.add_table(rows=2, cols=4)
    tabel.style = "Table Grid"
    for sel, teks in zip(
        tabel.rows[0].cells, ("No.", "Jenis yang dikirim", "Jumlah", "Keterangan"), strict=True
    ):
        sel.text = teks
        sel.paragraphs[0].runs[0].bold = True
        sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    sel = tabel.rows[1].cells
    sel[0].text = "1."
    sel[1].text = surat.jenis
    for i, teks in enumerate(surat.isi, start=1):
        sel[1].add_paragraph(f"{i}. {teks}")
    sel[2].text = surat.jumlah
    sel[3].text = surat.keterangan
    _lebar_kolom(tabel, (Cm(1.2), Cm(8.8), Cm(2.2), Cm(3.8)))
    doc.add_paragraph()
    _tanda_tangan(doc, data, mengetahui=False)
    return _simpan(doc)
