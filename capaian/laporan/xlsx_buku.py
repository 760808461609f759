"""Small shared pieces for workbooks written with XlsxWriter (the city's documents and the board's export):
cell formats by name, text written as text (never as a formula), and print set-up for F4 landscape that keeps
the printed text at 6.5 pt or more by splitting a wide sheet into bands of columns, each on its own pages
with the identifying columns repeated.

Numbers are written as numbers (already rounded by the rules core) with the Indonesian-tagged formats of
capaian.laporan.render_xlsx, so a viewer on any locale shows 1.151.384.000 and 36,79.
"""

import datetime
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from capaian.aturan.angka import bulatkan
from capaian.laporan.tabel_e81 import Sel

# [$-421] tags a format as Indonesian, so a viewer on any locale shows 1.151.384.000 and 36,79; an untagged
# #,##0 follows the viewer's own locale (1,151,384,000 on an English LibreOffice).
FORMAT_K = "[$-421]#,##0.00"
FORMAT_RP = "[$-421]#,##0"
FORMAT_PERSEN = "[$-421]#,##0.00"
# Excel's paper size 14 is Folio (8.5 x 13 in, 216 x 330 mm): the Indonesian F4.
KERTAS_F4 = 14
KERTAS_A4 = 9
# Control characters other than tab and line feed are not allowed in a workbook's XML; they are dropped.
_KENDALI = {c: None for c in range(32) if c not in (9, 10)} | {0x7F: None}

HURUF = "Arial"
UKURAN = 9
TERCETAK_MINIMAL = 6.5  # pt: text as printed, after the print scale
MARGIN_INCI = 0.3
LEBAR_F4_INCI = 330 / 25.4  # landscape F4: 330 mm wide
PX_PER_INCI = 96


def lebar_px(lebar: float) -> int:
    """A column width in Excel's character units as pixels, as the widest reader lays it out: Excel gives
    the default font's digit 7 px (plus 5 px padding); LibreOffice measures Arial 10's digit, about 7.4 px,
    so a band planned at 7 px spills a column onto pages of its own there. Planned at 7.5 px it fits both."""
    return 0 if lebar <= 0 else int(lebar * 7.5 + 5)


def lebar_cetak_px() -> int:
    return int((LEBAR_F4_INCI - 2 * MARGIN_INCI) * PX_PER_INCI)


@dataclass(frozen=True)
class Pita:
    """How a wide sheet prints: the columns where a new band of pages starts, and the print scale (%)."""

    putus: tuple[int, ...]
    skala: int

    @property
    def ukuran_tercetak(self) -> float:
        return UKURAN * self.skala / 100


def bagi_pita(lebar: Sequence[float], tetap: int, kelompok: Sequence[Sequence[int]]) -> Pita:
    """Bands of column groups after the `tetap` repeated columns, each as wide as a scale that keeps the
    text at TERCETAK_MINIMAL allows; then the largest scale at which every band fits the page."""
    skala_minimal = math.ceil(100 * TERCETAK_MINIMAL / UKURAN)
    batas = lebar_cetak_px() * 100 / skala_minimal
    dasar = sum(lebar_px(w) for w in lebar[:tetap])
    putus: list[int] = []
    pita: list[int] = []
    kini = dasar
    for grup in kelompok:
        w = sum(lebar_px(lebar[k]) for k in grup)
        if kini > dasar and kini + w > batas:
            putus.append(grup[0])
            pita.append(kini)
            kini = dasar
        kini += w
    pita.append(kini)
    skala = max(10, min(100, math.floor(100 * lebar_cetak_px() / max(pita))))
    return Pita(tuple(putus), skala)


class Buku:
    """One workbook in memory, with its formats made once by name."""

    def __init__(self, judul: str, penyusun: str, subjek: str = "", kata_kunci: str = "") -> None:
        self.keluaran = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.keluaran,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        self.wb.set_properties(
            {
                "title": judul,
                "subject": subjek,
                "author": "Capaian",
                "manager": penyusun,
                "company": penyusun,
                "category": "Monitoring dan Evaluasi RKPD",
                "keywords": kata_kunci,
                "comments": "Dibuat oleh Capaian",
                "created": datetime.datetime.now(datetime.UTC).replace(tzinfo=None),
            }
        )
        # The default style in Arial 10 (digit 7 px, as Calibri 11): LibreOffice has Arial's metrics
        # (Liberation Sans) but often not Calibri's, and measures column widths in the default font, so with
        # Calibri its columns come out wider than planned and a band of columns spills onto extra pages.
        self.wb.formats[0].set_font_name(HURUF)
        self.wb.formats[0].set_font_size(10)
        self._format: dict[str, Format] = {}

    def f(self, nama: str, **atribut: Any) -> Format:
        if nama not in self._format:
            dasar: dict[str, Any] = {
                "font_name": HURUF,
                "font_size": UKURAN,
                "valign": "top",
                "text_wrap": True,
            }
            dasar.update(atribut)
            self._format[nama] = self.wb.add_format(dasar)
        return self._format[nama]

    def format_sel(self, jenis: str, tebal: bool = False, latar: str | None = None) -> Format:
        angka = {"k": FORMAT_K, "rp": FORMAT_RP, "persen": FORMAT_PERSEN}.get(jenis)
        atribut: dict[str, Any] = {"border": 1, "bold": tebal}
        if angka is not None:
            atribut.update(num_format=angka, align="right", text_wrap=False)
        elif jenis == "no":
            atribut.update(align="center")
        if latar:
            atribut["bg_color"] = latar
        return self.f(f"sel-{jenis}-{tebal}-{latar}", **atribut)

    def simpan(self) -> bytes:
        self.wb.close()
        return self.keluaran.getvalue()


def tulis(ws: Worksheet, baris: int, kolom: int, nilai: object, fmt: Format) -> None:
    """A value into a cell: numbers as numbers, everything else as text (a text starting with '=' is text)."""
    if isinstance(nilai, bool) or nilai is None or nilai == "":
        ws.write_blank(baris, kolom, None, fmt)
    elif isinstance(nilai, int | Decimal):
        ws.write_number(baris, kolom, nilai, fmt)
    else:
        ws.write_string(baris, kolom, bersihkan(str(nilai)), fmt)


def bersihkan(teks: str) -> str:
    """A text without the control characters a workbook cannot hold (tab and line feed stay)."""
    return teks.replace("\r\n", "\n").translate(_KENDALI)


def tulis_sel(buku: Buku, ws: Worksheet, baris: int, kolom: int, sel: Sel, tebal: bool = False) -> None:
    """A typed cell: K and percentages rounded half-up to the 2 places the documents print (as the rules core
    rounds), Rupiah whole, a percentage without a value as "-"."""
    nilai = sel.nilai
    if sel.jenis in ("k", "persen") and isinstance(nilai, Decimal):
        nilai = bulatkan(nilai, 2)
    if sel.jenis == "persen" and nilai is None:
        nilai = "-"
    tulis(ws, baris, kolom, nilai, buku.format_sel(sel.jenis, tebal))


def atur_cetak(
    ws: Worksheet, baris_judul: tuple[int, int], kolom_tetap: int, pita: Pita, kepala_halaman: str
) -> None:
    """F4 landscape, the header rows and identifying columns on every page, bands of columns, page numbers."""
    ws.set_landscape()
    ws.set_paper(KERTAS_F4)
    ws.set_margins(left=MARGIN_INCI, right=MARGIN_INCI, top=0.55, bottom=0.55)
    ws.repeat_rows(*baris_judul)
    if kolom_tetap:
        ws.repeat_columns(0, kolom_tetap - 1)
    if pita.putus:
        ws.set_v_pagebreaks(list(pita.putus))
    ws.set_print_scale(pita.skala)
    ws.set_header(f"&L&8{_kepala(kepala_halaman)}")
    ws.set_footer("&R&8Halaman &P dari &N")


def _kepala(teks: str) -> str:
    return teks.replace("&", "&&")
