"""XLSX renderers (openpyxl): Form E.81, Kertas Kerja and Kesimpulan.

Cells hold real numbers (Decimal rounded half-up to 2 places, whole Rupiah as int) with number formats, so
the sheet can be checked and summed; Excel shows them with the reader's locale marks (Indonesian Excel:
"1.151.384.000", "36,79"). A blank input stays an empty cell; a percentage without a value is "-".
"""

import io
import weakref
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.named_styles import NamedStyleList
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import fromstring

from capaian.aturan import metode
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.kertas_kerja import LaporanKertasKerja, keterangan
from capaian.laporan.kesimpulan import LaporanKesimpulan
from capaian.laporan.tabel_e81 import (
    LEBAR_LABEL,
    TINGGI_KEPALA,
    Sel,
    bagian_teks,
    baris_penutup,
    catatan_belum_ada_data,
    catatan_metode,
    jenis_kolom,
    jumlah_kolom,
    kepala,
    sel_baris,
)
from capaian.laporan.umum import CATATAN_SINTETIS, blok_tanda_tangan, judul_periode, romawi

# [$-421] tags the format as Indonesian, so a viewer on any locale shows 1.151.384.000 and 36,79; an
# untagged #,##0 follows the viewer's own locale (1,151,384,000 on an English LibreOffice).
FORMAT_K = "[$-421]#,##0.00"
FORMAT_RP = "[$-421]#,##0"
FORMAT_PERSEN = "[$-421]#,##0.00"
# Excel's paper size 14 is Folio (8.5 x 13 in, 216 x 330 mm): the Indonesian F4.
KERTAS_F4 = 14
KERTAS_A4 = 9

_TIPIS = Side(style="thin", color="000000")
_KOTAK = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_FONT = Font(name="Arial", size=8)
_TEBAL = Font(name="Arial", size=8, bold=True)


def _gaya(nama: str, font: Font, format_angka: str = "General", **rata: object) -> NamedStyle:
    return NamedStyle(
        name=nama,
        font=font,
        border=_KOTAK,
        number_format=format_angka,
        alignment=Alignment(wrap_text=True, **{"vertical": "top", **rata}),
    )


# Per workbook: each named style's compiled style array and its index in the workbook's cell styles.
# Giving a cell that array is what `cell.style = name` ends in, without the look-up and hashing on every
# cell; on a 40-agency city that is most of the time.
_PROTOTIPE: "weakref.WeakKeyDictionary[Workbook, dict[str, tuple[StyleArray, int]]]" = (
    weakref.WeakKeyDictionary()
)


class _SelBergaya(Cell):  # type: ignore[misc]
    """A cell created with one of the workbook's named styles, which knows its style index.

    The writer asks every styled cell for `style_id`, which hashes its style array into the workbook's list
    each time; this cell answers from the index found once per style, unless its style was changed since.
    """

    __slots__ = ("_asal", "_sid")

    _asal: StyleArray
    _sid: int

    @property
    def style_id(self) -> int:
        if self._style == self._asal:
            return self._sid
        return int(super().style_id)


def _beri_gaya(ws: Worksheet, baris: int, kolom: int, nama: str, nilai: object = None) -> Cell:
    asal, sid = _PROTOTIPE[ws.parent][nama]
    c = _SelBergaya(ws, row=baris, column=kolom, style_array=asal)
    c._asal, c._sid = asal, sid
    if isinstance(nilai, (int, Decimal)) and not isinstance(nilai, bool):
        c._value = nilai  # a number: the cell's data type is already "n"
    elif nilai is not None and nilai != "":
        c.value = nilai
    ws._cells[(baris, kolom)] = c
    return c


def _gabung(ws: Worksheet, r1: int, k1: int, r2: int, k2: int) -> None:
    """Merge a range without openpyxl's per-cell border rewriting (merge_cells.format), which is slow.

    The cells inside keep the style already given to them, so the borders of the merged area still print.
    """
    # A plain CellRange is written the same as a MergedCellRange, which also builds its edge cells' borders.
    ws.merged_cells.add(CellRange(min_col=k1, min_row=r1, max_col=k2, max_row=r2))


def _daftarkan_gaya(wb: Workbook) -> dict[str, tuple[StyleArray, int]]:
    # Named styles are registered once per workbook, so the file carries them (users can restyle a kind of
    # cell at once) and every cell only refers to one.
    for gaya in (
        _gaya("kepala", _TEBAL, horizontal="center", vertical="center"),
        _gaya("teks", _FONT),
        _gaya("teks_tebal", _TEBAL),
        _gaya("no", _FONT, "0", horizontal="center"),
        _gaya("k", _FONT, FORMAT_K, horizontal="right"),
        _gaya("rp", _FONT, FORMAT_RP, horizontal="right"),
        _gaya("persen", _FONT, FORMAT_PERSEN, horizontal="right"),
        _gaya("k_tebal", _TEBAL, FORMAT_K, horizontal="right"),
        _gaya("rp_tebal", _TEBAL, FORMAT_RP, horizontal="right"),
        _gaya("persen_tebal", _TEBAL, FORMAT_PERSEN, horizontal="right"),
        _gaya("label", _TEBAL, horizontal="left"),
        _gaya("kosong", _FONT, horizontal="center"),
        _gaya("kosong_tebal", _TEBAL, horizontal="center"),
    ):
        wb.add_named_style(gaya)
    contoh = wb.create_sheet("_")
    prototipe: dict[str, tuple[StyleArray, int]] = {}
    for nama in wb.named_styles:
        sel = contoh.cell(row=1, column=1)
        sel.style = nama
        prototipe[nama] = (StyleArray(sel._style), sel.style_id)
    wb.remove(contoh)
    return prototipe


@lru_cache(maxsize=1)
def _templat() -> tuple[Workbook, dict[str, tuple[StyleArray, int]]]:
    wb = Workbook()
    lembar_awal = wb.active
    if lembar_awal is not None:
        wb.remove(lembar_awal)
    return wb, _daftarkan_gaya(wb)


# The workbook's style lists (fonts, borders, ..., the named styles and the compiled cell styles) after the
# named styles are registered are the same for every new workbook; they are copied from one template instead
# of registered again (hashing every style part), which was a tenth of a one-sheet file's time. openpyxl is
# pinned (3.1.5); tests/laporan check that the styles written are the ones registered.
_DAFTAR_GAYA = (
    "_fonts",
    "_fills",
    "_borders",
    "_alignments",
    "_protections",
    "_number_formats",
    "_cell_styles",
)


def _cetak(ws: Worksheet, baris_judul: tuple[int, int], kertas: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = kertas
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{baris_judul[0]}:{baris_judul[1]}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True


def _judul(ws: Worksheet, baris: int, teks: str, lebar: int, ukuran: int = 11) -> None:
    _gabung(ws, baris, 1, baris, lebar)
    sel = ws.cell(row=baris, column=1, value=teks)
    sel.font = Font(name="Arial", size=ukuran, bold=True)
    sel.alignment = Alignment(horizontal="center")


def _isi(ws: Worksheet, baris: int, kolom: int, sel: Sel, tebal: bool = False) -> None:
    nilai = sel.nilai
    if sel.jenis == "persen" and nilai is None:
        nilai = "-"
    akhiran = "_tebal" if tebal else ""
    if sel.jenis in ("k", "rp", "persen"):
        nama = ("kosong" if isinstance(nilai, str) else sel.jenis) + akhiran
    elif sel.jenis == "label":
        nama = "label"
    else:
        nama = "teks_tebal" if tebal else ("no" if sel.jenis == "no" else "teks")
    _beri_gaya(ws, baris, kolom, nama, nilai)


def _tanda_tangan(ws: Worksheet, baris: int, data: DataLaporan, kolom_awal: int, kolom_akhir: int) -> int:
    ttd = blok_tanda_tangan(data)
    baris_ttd = [
        (ttd.tempat_tanggal, False),
        ("Mengetahui,", False),
        (ttd.jabatan, True),
        ("", False),
        ("", False),
        ("", False),
        (ttd.nama, True),
        (ttd.pangkat, False),
        (ttd.nip, False),
    ]
    for teks, tebal in baris_ttd:
        _gabung(ws, baris, kolom_awal, baris, kolom_akhir)
        c = ws.cell(row=baris, column=kolom_awal, value=teks or None)
        c.font = Font(name="Arial", size=9, bold=tebal, underline="single" if teks == ttd.nama else None)
        c.alignment = Alignment(horizontal="center", wrap_text=True)
        if teks == ttd.jabatan and len(teks) > 40:
            ws.row_dimensions[baris].height = 24
        baris += 1
    return baris


def _blok_teks(ws: Worksheet, baris: int, judul: str, isi: str, lebar: int) -> int:
    _gabung(ws, baris, 1, baris, lebar)
    ws.cell(row=baris, column=1, value=judul).font = Font(name="Arial", size=9, bold=True)
    baris += 1
    _gabung(ws, baris, 1, baris, lebar)
    c = ws.cell(row=baris, column=1, value=isi or "-")
    c.font = Font(name="Arial", size=9)
    c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[baris].height = max(14, 13 * (isi.count("\n") + 1 + len(isi) // 250))
    return baris + 2


def _atribut(nilai: object) -> str:
    return escape(str(nilai), {'"': "&quot;"})


class _PenulisLembar(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer, writing the cells as one parsed fragment.

    openpyxl writes each cell through a nest of incremental `xf.element` calls, which was most of the time of
    saving Form E.81. When every cell is plain (a number, a text or an empty styled cell), the sheet data
    are written here as XML text, parsed once by lxml and written in one call: the same elements. A sheet
    with anything else (formulas, dates, comments, hyperlinks, rich text) goes through openpyxl's writer.
    """

    def write_rows(self) -> None:
        baris_baris = self.rows()
        teks = ["<sheetData>"]
        dimensi = self.ws.row_dimensions
        for indeks, baris in baris_baris:
            atribut = "".join(f' {k}="{_atribut(v)}"' for k, v in dimensi.get(indeks, {}))
            teks.append(f'<row r="{indeks}"{atribut}>')
            for cell in baris:
                nilai = cell._value
                bergaya = cell.has_style
                if cell._comment is not None or cell.hyperlink is not None:
                    super().write_rows()
                    return
                if nilai is None and not bergaya:
                    continue
                jenis = cell.data_type
                gaya = f' s="{cell.style_id}"' if bergaya else ""
                kolom = get_column_letter(cell.column)
                if nilai is None or nilai == "":
                    teks.append(f'<c r="{kolom}{indeks}"{gaya} t="{"inlineStr" if jenis == "s" else "n"}"/>')
                elif jenis == "s" and isinstance(nilai, str):
                    ruang = ' xml:space="preserve"' if nilai != nilai.strip() else ""
                    teks.append(
                        f'<c r="{kolom}{indeks}"{gaya} t="inlineStr">'
                        f"<is><t{ruang}>{escape(nilai)}</t></is></c>"
                    )
                elif jenis == "n" and isinstance(nilai, (int, float, Decimal)):
                    teks.append(f'<c r="{kolom}{indeks}"{gaya} t="n"><v>{safe_string(nilai)}</v></c>')
                else:
                    super().write_rows()
                    return
            teks.append("</row>")
        teks.append("</sheetData>")
        xf = self.xf.send(True)
        xf.write(fromstring("".join(teks)))
        self.xf.send(None)


class _PenulisBuku(ExcelWriter):  # type: ignore[misc]
    def write_worksheet(self, ws: Worksheet) -> None:
        if self.workbook.write_only:
            super().write_worksheet(ws)
            return
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        penulis = _PenulisLembar(ws)
        penulis.write()
        ws._rels = penulis._rels
        self._archive.write(penulis.out, ws.path[1:])
        self.manifest.append(ws)
        penulis.cleanup()


def _simpan(wb: Workbook) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as arsip:
        _PenulisBuku(wb, arsip).write_data()
    return keluaran.getvalue()


# ---------------------------------------------------------------------------------------------------
# Form E.81


# Characters of Arial 8 per unit of column width, and points per wrapped line: an estimate, since neither
# Excel nor LibreOffice grows a row for wrapped text in a file it did not lay out itself.
_HURUF_PER_LEBAR = 1.25
_TITIK_PER_BARIS = 10.5


def _lebar_tetap(n: int) -> dict[int, int]:
    """Widths of the text columns (No, kode, uraian, indikator, satuan, PD penanggung jawab)."""
    return {1: 5, 2: 17, 3: 34, 4: 34, 5: 10, n: 20}


def _tinggi_baris(sel_sel: Sequence[Sel], n: int) -> float:
    baris_teks = 1
    for kolom, lebar in _lebar_tetap(n).items():
        nilai = sel_sel[kolom - 1].nilai if kolom <= len(sel_sel) else None
        if isinstance(nilai, str) and nilai:
            baris_teks = max(baris_teks, -(-len(nilai) // int(lebar * _HURUF_PER_LEBAR)))
    return max(15.0, baris_teks * _TITIK_PER_BARIS + 4)


def lembar_e81(
    wb: Workbook, laporan: LaporanE81, kertas: int = KERTAS_F4, nama: str = "Form E.81"
) -> Worksheet:
    data = laporan.data
    tw = data.triwulan
    n = jumlah_kolom(tw)
    ws = wb.create_sheet(nama[:31])
    baris = 1
    _judul(ws, baris, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", n, 12)
    _judul(ws, baris + 1, f"{data.perangkat_daerah.upper()}", n)
    _judul(ws, baris + 2, f"PERIODE PELAKSANAAN {judul_periode(data).upper()}", n)
    if data.sintetis:
        _judul(ws, baris + 3, CATATAN_SINTETIS, n, 9)
    awal_kepala = 6
    for g in kepala(tw, data.tahun):
        r, k = awal_kepala + g.baris, 1 + g.kolom
        if g.tinggi > 1 or g.lebar > 1:
            _gabung(ws, r, k, r + g.tinggi - 1, k + g.lebar - 1)
            for rr in range(r, r + g.tinggi):
                for kk in range(k, k + g.lebar):
                    _beri_gaya(ws, rr, kk, "kepala")
        _beri_gaya(ws, r, k, "kepala", g.teks)
    ws.row_dimensions[awal_kepala].height = 24
    ws.row_dimensions[awal_kepala + 1].height = 60
    akhir_kepala = awal_kepala + TINGGI_KEPALA - 1
    baris = akhir_kepala + 1
    jenis = jenis_kolom(tw)
    awal_isi = baris
    for b in laporan.baris:
        tebal = b.rencana.tingkat in ("tujuan", "sasaran", "program")
        sel_sel = sel_baris(b, tw, data.perangkat_daerah)
        for kolom, sel in enumerate(sel_sel, start=1):
            _isi(ws, baris, kolom, sel, tebal)
        ws.row_dimensions[baris].height = _tinggi_baris(sel_sel, n)
        baris += 1
    _lembar_metode(wb, ws.title, awal_isi, laporan)
    for isi in baris_penutup(laporan):
        _gabung(ws, baris, 1, baris, LEBAR_LABEL)
        for kolom, sel in enumerate(isi, start=1):
            if kolom <= LEBAR_LABEL and kolom > 1:
                _beri_gaya(ws, baris, kolom, "label")
                continue
            _isi(
                ws,
                baris,
                kolom,
                sel if sel.nilai is not None or jenis[kolom - 1] != "persen" else Sel("", "teks"),
                True,
            )
        baris += 1
    baris += 1
    _gabung(ws, baris, 1, baris, n)
    c = ws.cell(row=baris, column=1, value=catatan_metode(laporan))
    c.font = Font(name="Arial", size=8, italic=True)
    c.alignment = Alignment(wrap_text=True)
    ws.row_dimensions[baris].height = 24
    baris += 1
    if catatan := catatan_belum_ada_data(laporan):
        _gabung(ws, baris, 1, baris, n)
        c = ws.cell(row=baris, column=1, value=catatan)
        c.font = Font(name="Arial", size=8, italic=True)
        c.alignment = Alignment(wrap_text=True)
        ws.row_dimensions[baris].height = 12 * (1 + len(catatan) // 220)
        baris += 1
    baris += 1
    for judul, teks in bagian_teks(laporan):
        baris = _blok_teks(ws, baris, judul, teks, n)
    _tanda_tangan(ws, baris, data, max(1, n - 9), n)

    lebar = _lebar_tetap(n)
    for kolom in range(1, n + 1):
        j = jenis[kolom - 1]
        ws.column_dimensions[get_column_letter(kolom)].width = lebar.get(
            kolom, 15 if j == "rp" else (9 if j in ("k", "persen") else 12)
        )
    ws.freeze_panes = ws.cell(row=akhir_kepala + 1, column=4)
    _cetak(ws, (awal_kepala, akhir_kepala), kertas)
    return ws


def _lembar_metode(wb: Workbook, nama_e81: str, awal_isi: int, laporan: LaporanE81) -> None:
    """Each E.81 row's method on the workbook's "Metode" sheet (capaian.aturan.metode), so that `capaian
    periksa` reads it instead of guessing; the form itself keeps its columns. One sheet for all agencies of a
    combined workbook, kept last."""
    if metode.NAMA_LEMBAR in wb.sheetnames:
        ws = wb[metode.NAMA_LEMBAR]
    else:
        ws = wb.create_sheet(metode.NAMA_LEMBAR)
        ws.cell(row=1, column=1, value=metode.JUDUL_LEMBAR).font = Font(name="Arial", size=9, italic=True)
        for kolom, teks in enumerate(metode.KEPALA_LEMBAR, start=1):
            ws.cell(row=3, column=kolom, value=teks).font = _TEBAL
        for huruf, lebar in zip("ABCDEFG", (24, 7, 5, 19, 50, 46, 90), strict=True):
            ws.column_dimensions[huruf].width = lebar
    r = ws.max_row + 1
    for i, b in enumerate(laporan.baris):
        isi = metode.baris_lembar(
            nama_e81, awal_isi + i, b.no, b.rencana.kode, b.rencana.indikator, b.masukan.sifat
        )
        for kolom, nilai in enumerate(isi, start=1):
            ws.cell(row=r + i, column=kolom, value=nilai)
    wb.move_sheet(ws, len(wb.sheetnames) - 1 - wb.index(ws))


def buku_baru() -> Workbook:
    wb = Workbook()
    lembar_awal = wb.active
    if lembar_awal is not None:
        wb.remove(lembar_awal)
    templat, prototipe = _templat()
    for nama in _DAFTAR_GAYA:
        setattr(wb, nama, IndexedList(getattr(templat, nama)))
    # The NamedStyle objects are shared read-only: writing a workbook only reads them.
    wb._named_styles = NamedStyleList(templat._named_styles)
    _PROTOTIPE[wb] = prototipe
    return wb


def e81_xlsx(laporan: LaporanE81, kertas: int = KERTAS_F4) -> bytes:
    wb = buku_baru()
    lembar_e81(wb, laporan, kertas)
    return _simpan(wb)


def e81_xlsx_gabungan(daftar: Sequence[LaporanE81], kertas: int = KERTAS_F4) -> bytes:
    """Several agencies' Form E.81 in one workbook, one sheet each (a city-wide download)."""
    wb = buku_baru()
    for nomor, laporan in enumerate(daftar, start=1):
        lembar_e81(wb, laporan, kertas, nama=f"{nomor:02d} {laporan.data.perangkat_daerah}")
    return _simpan(wb)


# ---------------------------------------------------------------------------------------------------
# Tables with a simple one-row header (Kertas Kerja, Kesimpulan)


def _tabel(
    ws: Worksheet,
    baris: int,
    kepala_kolom: Sequence[tuple[str, float]],
    isi: Iterable[Sequence[Sel]],
) -> tuple[int, int]:
    for kolom, (teks, lebar) in enumerate(kepala_kolom, start=1):
        _beri_gaya(ws, baris, kolom, "kepala", teks)
        ws.column_dimensions[get_column_letter(kolom)].width = lebar
    awal = baris
    baris += 1
    for sel_baris_ in isi:
        for kolom, sel in enumerate(sel_baris_, start=1):
            _isi(ws, baris, kolom, sel)
        baris += 1
    return awal, baris


def kertas_kerja_xlsx(laporan: LaporanKertasKerja, kertas: int = KERTAS_F4) -> bytes:
    data = laporan.data
    wb = buku_baru()
    ws = wb.create_sheet("Kertas Kerja")
    kolom = [
        ("No", 5),
        ("Tingkat", 11),
        ("Nama Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 30),
        ("Indikator", 30),
        ("Satuan", 9),
        ("Formula Perhitungan", 30),
        ("Variabel", 34),
        ("Nilai", 14),
        ("Perhitungan", 30),
        (f"Hasil Perhitungan TW {romawi(data.triwulan)}", 12),
        (f"Realisasi s/d TW {romawi(data.triwulan)} (kol. 12)", 12),
        ("Target (kol. 7)", 11),
        ("Capaian (%) (kol. 13)", 11),
        ("Rumus Capaian", 18),
        ("Keterangan", 24),
    ]
    n = len(kolom)
    _judul(ws, 1, "KERTAS KERJA PERHITUNGAN CAPAIAN OUTCOME", n, 12)
    _judul(ws, 2, data.perangkat_daerah.upper(), n)
    _judul(ws, 3, judul_periode(data).upper(), n)

    def isi() -> Iterable[list[Sel]]:
        for b in laporan.baris:
            variabel = "\n".join(f"{v.label} ({v.nama})" for v in b.variabel)
            # Values go one per line in a text cell when there are several, a number when there is one.
            nilai: Sel
            if len(b.variabel) == 1:
                v0 = b.variabel[0].nilai
                nilai = Sel(None if v0 is None else v0, "k")
            else:
                from capaian.aturan.angka import format_angka

                nilai = Sel("\n".join(format_angka(v.nilai) for v in b.variabel), "teks")
            yield [
                Sel(b.no, "no"),
                Sel(b.tingkat, "teks"),
                Sel(b.uraian, "teks"),
                Sel(b.indikator, "teks"),
                Sel(b.satuan, "teks"),
                Sel(b.rumus, "teks"),
                Sel(variabel, "teks"),
                nilai,
                Sel(b.perhitungan, "teks"),
                Sel(b.hasil, "k"),
                Sel(b.realisasi, "k"),
                Sel(b.target, "k"),
                Sel(b.capaian, "persen"),
                Sel(b.rumus_capaian, "teks"),
                Sel(keterangan(b), "teks"),
            ]

    awal, baris = _tabel(ws, 5, kolom, _bulat(isi()))
    ws.freeze_panes = ws.cell(row=awal + 1, column=1)
    _tanda_tangan(ws, baris + 1, data, n - 4, n)
    _cetak(ws, (awal, awal), kertas)
    return _simpan(wb)


def _bulat(baris: Iterable[list[Sel]]) -> Iterable[list[Sel]]:
    from capaian.aturan.angka import bulatkan

    for isi in baris:
        yield [Sel(bulatkan(s.nilai, 2), s.jenis) if isinstance(s.nilai, Decimal) else s for s in isi]


def kesimpulan_xlsx(laporan: LaporanKesimpulan, kertas: int = KERTAS_F4) -> bytes:
    data = laporan.data
    wb = buku_baru()
    ws = wb.create_sheet("Kesimpulan")
    kolom = [
        ("No", 5),
        ("Nama Perangkat Daerah", 24),
        ("Nama Program", 40),
        ("Rata-rata Capaian Kinerja Program (%)", 13),
        ("Predikat Capaian Kinerja Program", 14),
        ("Rata-rata Realisasi Anggaran Program (%)", 13),
        ("Predikat Capaian Kinerja Anggaran Program", 14),
        ("Faktor Penghambat", 34),
        ("Faktor Pendukung", 34),
        ("Keterangan", 24),
    ]
    n = len(kolom)
    _judul(
        ws,
        1,
        f"KESIMPULAN EVALUASI TERHADAP HASIL RKPD {data.pemda.upper()} {judul_periode(data).upper()}",
        n,
        12,
    )
    r = laporan.rekap
    isi: list[list[Sel]] = [
        [
            Sel(1 if b.no == 1 else None, "no"),
            Sel(data.perangkat_daerah if b.no == 1 else "", "teks"),
            Sel(b.program, "teks"),
            Sel(b.capaian, "persen"),
            Sel(b.predikat_capaian or "-", "teks"),
            Sel(b.serapan, "persen"),
            Sel(b.predikat_serapan or "-", "teks"),
            Sel("\n".join(f"- {t}" for t in laporan.faktor_penghambat) or "-", "teks"),
            Sel("\n".join(f"- {t}" for t in laporan.faktor_pendukung) or "-", "teks"),
            Sel(laporan.keterangan if b.no == 1 else "", "teks"),
        ]
        for b in laporan.baris
    ]
    isi.append(
        [
            Sel(None, "no"),
            Sel("", "teks"),
            Sel("Rata-rata seluruh program", "label"),
            Sel(r.rata_capaian.k, "persen"),
            Sel(r.predikat[0] or "-", "teks"),
            Sel(r.rata_capaian.rp, "persen"),
            Sel(r.predikat[1] or "-", "teks"),
            Sel("", "teks"),
            Sel("", "teks"),
            Sel("", "teks"),
        ]
    )
    awal, baris = _tabel(ws, 3, kolom, _bulat(isi))
    program = len(laporan.baris)
    if program > 1:
        # Agency-wide cells span the agency's program rows, as the East Java format lays them out.
        for k in (1, 2, 8, 9, 10):
            _gabung(ws, awal + 1, k, awal + program, k)
    _tanda_tangan(ws, baris + 1, data, n - 3, n)
    _cetak(ws, (awal, awal), kertas)
    return _simpan(wb)
