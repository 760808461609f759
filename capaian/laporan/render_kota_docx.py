"""The city Narasi as DOCX (python-docx), editable by Bappelitbangda before signing: the same text as its PDF
(the template laporan/narasi_kota.txt), a table of programs per bidang urusan, the signature."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from capaian.aturan.angka import format_persen, format_tanggal
from capaian.laporan.narasi import blok_narasi
from capaian.laporan.narasi_kota import LaporanNarasiKota, periode, teks_narasi_kota
from capaian.laporan.umum import CATATAN_SINTETIS, format_nip, romawi


def narasi_kota_docx(laporan: LaporanNarasiKota) -> bytes:
    d = laporan.data
    doc = Document()
    doc.core_properties.author = "Capaian"
    doc.core_properties.title = f"Narasi Laporan Hasil Pelaksanaan RKPD {d.pemda} {periode(d)}"
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(11)
    for bagian in doc.sections:
        bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
        bagian.left_margin = bagian.right_margin = Cm(2.5)
        bagian.top_margin = bagian.bottom_margin = Cm(2)

    def tengah(teks: str, tebal: bool = False) -> None:
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0)
        par.add_run(teks).bold = tebal

    if d.sintetis:
        tengah(CATATAN_SINTETIS, True)
    tengah("NARASI LAPORAN HASIL PELAKSANAAN RKPD", True)
    tengah(f"{d.pemda.upper()} — {periode(d).upper()}", True)
    tw = romawi(d.triwulan)
    for blok in blok_narasi(teks_narasi_kota(laporan)):
        if blok.jenis == "judul":
            doc.add_heading(blok.teks, level=2)
        elif blok.jenis == "subjudul":
            tengah(blok.teks, True)
        elif blok.jenis == "butir":
            doc.add_paragraph(blok.teks, style="List Bullet")
        elif blok.jenis == "tabel":
            bidang = next((b for b in laporan.bidang if b.kode == blok.teks), None)
            if bidang is None:
                continue
            tabel = doc.add_table(rows=1, cols=5)
            tabel.style = "Table Grid"
            tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
            judul = ("No", "Perangkat Daerah", "Nama Program", f"Capaian Kinerja TW {tw} (%)")
            for sel, teks in zip(tabel.rows[0].cells, (*judul, f"Serapan Anggaran TW {tw} (%)"), strict=True):
                sel.text = teks
                sel.paragraphs[0].runs[0].bold = True
            for no, pk in enumerate(bidang.program, start=1):
                isi = (
                    str(no),
                    pk.pd.nama_pendek,
                    pk.program.nama,
                    format_persen(pk.program.capaian, tanda=False),
                    format_persen(pk.program.serapan, tanda=False),
                )
                for k, (sel, teks) in enumerate(zip(tabel.add_row().cells, isi, strict=True)):
                    sel.text = teks
                    if k >= 3:
                        sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            doc.add_paragraph()
        else:
            doc.add_paragraph(blok.teks).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ttd = d.penandatangan
    tanggal = format_tanggal(d.tanggal) if d.tanggal else "...................."
    baris = [(f"{d.tempat}, {tanggal}", False), (ttd.jabatan if ttd else f"Kepala {d.nama_bappeda}", True)]
    baris += [("", False)] * 3
    if ttd is not None:
        baris += [
            (ttd.nama, True),
            (ttd.pangkat, False),
            (f"NIP. {format_nip(ttd.nip)}" if ttd.nip else "", False),
        ]
    sel = doc.add_table(rows=1, cols=2).cell(0, 1)
    for i, (teks, tebal) in enumerate(baris):
        par = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0)
        run = par.add_run(teks)
        run.bold = tebal
        run.underline = ttd is not None and teks == ttd.nama
    keluaran = io.BytesIO()
    doc.save(keluaran)
    return keluaran.getvalue()
