"""XLSX renderers (openpyxl): Form E.81, Kertas Kerja and Kesimpulan.

Cells hold real numbers (Decimal rounded half-up to 2 places, whole Rupiah as int) with number formats, so
the sheet can be checked and summed; Excel shows them with the reader's locale marks (Indonesian Excel:
"1.151.384.000", "36,79"). A blank input stays an empty cell; a percentage without a value is "-".
"""

import io
import weakref
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

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
    catatan_metode,
    jenis_kolom,
    jumlah_kolom,
    kepala,
    sel_baris,
)
from capaian.laporan.umum import CATATAN_SINTETIS, blok_tanda_tangan, judul_periode, romawi

FORMAT_K = "#,##0.00"
FORMAT_RP = "#,##0"
FORMAT_PERSEN = "#,##0.00"
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


# Per workbook: each named style's compiled style array. Copying it onto a cell is what `cell.style = name`
# ends in, without the look-up and hashing on every cell; on a 40-agency city that is most of the time.
_PROTOTIPE: "weakref.WeakKeyDictionary[Workbook, dict[str, object]]" = weakref.WeakKeyDictionary()


def _beri_gaya(ws: Worksheet, baris: int, kolom: int, nama: str) -> Cell:
    c = ws.cell(row=baris, column=kolom)
    c._style = copy(_PROTOTIPE[ws.parent][nama])
    return c


def _gabung(ws: Worksheet, r1: int, k1: int, r2: int, k2: int) -> None:
    """Merge a range without openpyxl's per-cell border rewriting (merge_cells.format), which is slow.

    The cells inside keep the style already given to them, so the borders of the merged area still print.
    """
    ref = f"{get_column_letter(k1)}{r1}:{get_column_letter(k2)}{r2}"
    ws.merged_cells.add(MergedCellRange(ws, ref))


def _daftarkan_gaya(wb: Workbook) -> None:
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
    prototipe: dict[str, object] = {}
    for nama in wb.named_styles:
        sel = contoh.cell(row=1, column=1)
        sel.style = nama
        prototipe[nama] = copy(sel._style)
    wb.remove(contoh)
    _PROTOTIPE[wb] = prototipe


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
    c = _beri_gaya(ws, baris, kolom, nama)
    if nilai is not None and nilai != "":
        c.value = nilai


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


def _simpan(wb: Workbook) -> bytes:
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


# ---------------------------------------------------------------------------------------------------
# Form E.81


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
        _beri_gaya(ws, r, k, "kepala")
        ws.cell(row=r, column=k).value = g.teks
    ws.row_dimensions[awal_kepala].height = 24
    ws.row_dimensions[awal_kepala + 1].height = 60
    akhir_kepala = awal_kepala + TINGGI_KEPALA - 1
    baris = akhir_kepala + 1
    jenis = jenis_kolom(tw)
    for b in laporan.baris:
        tebal = b.rencana.tingkat in ("tujuan", "sasaran", "program")
        for kolom, sel in enumerate(sel_baris(b, tw, data.perangkat_daerah), start=1):
            _isi(ws, baris, kolom, sel, tebal)
        baris += 1
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
    baris += 2
    for judul, teks in bagian_teks(laporan):
        baris = _blok_teks(ws, baris, judul, teks, n)
    _tanda_tangan(ws, baris, data, max(1, n - 9), n)

    lebar = {1: 5, 2: 17, 3: 34, 4: 34, 5: 10, n: 20}
    for kolom in range(1, n + 1):
        j = jenis[kolom - 1]
        ws.column_dimensions[get_column_letter(kolom)].width = lebar.get(
            kolom, 15 if j == "rp" else (9 if j in ("k", "persen") else 12)
        )
    ws.freeze_panes = ws.cell(row=akhir_kepala + 1, column=4)
    _cetak(ws, (awal_kepala, akhir_kepala), kertas)
    return ws


def buku_baru() -> Workbook:
    wb = Workbook()
    lembar_awal = wb.active
    if lembar_awal is not None:
        wb.remove(lembar_awal)
    _daftarkan_gaya(wb)
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
        _beri_gaya(ws, baris, kolom, "kepala")
        ws.cell(row=baris, column=kolom).value = teks
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
