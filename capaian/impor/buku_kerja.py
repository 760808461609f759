"""Opening a workbook (.xlsx or the old .xls) as plain grids of values, whatever library read it.

Every problem is a `BacaError` with an Indonesian message, never a traceback. An .xlsx beyond the limits of
capaian.impor.batas_buku (expanded size, rows, cells, time) is refused before it is loaded whole into
memory; an .xls (not compressed, so no larger than the upload) is refused past `BATAS_BARIS` rows or
`BATAS_SEL` cells.
"""

import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from capaian.aturan.angka import format_angka
from capaian.impor.batas_buku import BATAS_SEL, Batas, BatasTerlampaui, periksa_xlsx

BATAS_BARIS = 20_000
BATAS_KOLOM = 300

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class BacaError(Exception):
    """The file cannot be read as a workbook (or has no Form E.81); the message is meant for the user."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class Grid:
    """A sheet as plain Python values, 1-based, independent of the library that read it."""

    nama: str
    nilai: list[list[object]]
    format: list[list[str]]
    formula: set[tuple[int, int]] = field(default_factory=set)  # formula cells without a cached value
    gabung: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 inclusive

    @property
    def nbaris(self) -> int:
        return len(self.nilai)

    @property
    def nkolom(self) -> int:
        return max((len(b) for b in self.nilai), default=0)

    def isi(self, r: int, c: int) -> object:
        if 1 <= r <= len(self.nilai) and 1 <= c <= len(self.nilai[r - 1]):
            return self.nilai[r - 1][c - 1]
        return None

    def fmt(self, r: int, c: int) -> str:
        if 1 <= r <= len(self.format) and 1 <= c <= len(self.format[r - 1]):
            return self.format[r - 1][c - 1]
        return ""

    def kosong(self) -> bool:
        return all(sel_kosong(v) for baris in self.nilai for v in baris)


def sel_kosong(v: object) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def huruf_kolom(c: int) -> str:
    teks = ""
    while c > 0:
        c, sisa = divmod(c - 1, 26)
        teks = chr(65 + sisa) + teks
    return teks


def alamat_sel(nama: str, r: int, c: int) -> str:
    return f"'{nama}'!{huruf_kolom(c)}{r}"


def _pesan_besar(nama: str) -> str:
    batas = f"{BATAS_BARIS:,}".replace(",", ".")
    return (
        f"Lembar '{nama}' terlalu besar (lebih dari {batas} baris). "
        "Hapus baris kosong atau pisahkan lembarnya."
    )


# --- opening ---------------------------------------------------------------------------------------------


def baca_buku(path: str | Path) -> list[Grid]:
    """Every sheet of the workbook as a `Grid`, or BacaError."""
    path = Path(path)
    if not path.is_file():
        raise BacaError(f"Berkas '{path}' tidak ditemukan.")
    with path.open("rb") as f:
        kepala = f.read(8)
    if not kepala:
        raise BacaError(f"Berkas '{path.name}' kosong (0 bait).")
    if kepala.startswith(_ZIP):
        return _baca_xlsx(path)
    if kepala.startswith(_OLE):
        return _baca_xls(path)
    teks = "teks/CSV" if all(32 <= b < 127 or b in (9, 10, 13) for b in kepala) else "bukan spreadsheet"
    raise BacaError(
        f"Berkas '{path.name}' bukan buku kerja Excel (.xlsx atau .xls); isinya tampak seperti {teks}. "
        "Simpan ulang dari Excel/LibreOffice sebagai .xlsx."
    )


def _baca_xlsx(path: Path) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    rusak = (
        f"Berkas '{path.name}' rusak atau bukan buku kerja .xlsx yang sah (arsip zip tidak bisa dibaca). "
        "Buka dan simpan ulang di Excel/LibreOffice."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # The zip's directory and a streaming count of rows and cells first: a huge or expanding
            # workbook is refused, fast and in bounded memory, before openpyxl loads it whole.
            try:
                periksa_xlsx(path, Batas(baris=BATAS_BARIS))
            except BatasTerlampaui as e:
                raise BacaError(e.pesan) from e
            nilai_wb = openpyxl.load_workbook(path, data_only=True)
            rumus_wb = openpyxl.load_workbook(path, data_only=False)
    except BacaError:
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError) as e:
        raise BacaError(rusak) from e
    except Exception as e:  # openpyxl raises many kinds on a malformed part (XML, types, values)
        raise BacaError(f"{rusak} ({type(e).__name__})") from e
    hasil: list[Grid] = []
    for ws in nilai_wb.worksheets:
        rws = rumus_wb[ws.title]
        nrow = min(ws.max_row or 0, BATAS_BARIS)
        ncol = min(ws.max_column or 0, BATAS_KOLOM)
        nilai: list[list[object]] = []
        fmt: list[list[str]] = []
        formula: set[tuple[int, int]] = set()
        if nrow and ncol:
            for r, (baris_nilai, baris_rumus) in enumerate(
                zip(
                    ws.iter_rows(min_row=1, max_row=nrow, max_col=ncol),
                    rws.iter_rows(min_row=1, max_row=nrow, max_col=ncol),
                    strict=False,
                ),
                start=1,
            ):
                nilai.append([cell.value for cell in baris_nilai])
                fmt.append([str(cell.number_format or "") for cell in baris_nilai])
                for c, (cn, cr) in enumerate(zip(baris_nilai, baris_rumus, strict=False), start=1):
                    if cn.value is None and cr.data_type == "f":
                        formula.add((r, c))
        gabung = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        hasil.append(Grid(ws.title, nilai, fmt, formula, gabung))
    return hasil


def _baca_xls(path: Path) -> list[Grid]:
    import xlrd

    try:
        buku = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as e:  # xlrd raises XLRDError, CompDocError, struct.error, ... on a broken file
        raise BacaError(
            f"Berkas '{path.name}' rusak atau bukan buku kerja .xls yang sah ({type(e).__name__}). "
            "Buka dan simpan ulang sebagai .xlsx."
        ) from e
    hasil: list[Grid] = []
    sel = 0
    for sh in buku.sheets():
        if sh.nrows > BATAS_BARIS:
            raise BacaError(_pesan_besar(sh.name))
        sel += sum(sh.row_len(r) for r in range(sh.nrows))
        if sel > BATAS_SEL:
            raise BacaError(
                f"Buku kerja berisi terlalu banyak sel (lebih dari {format_angka(BATAS_SEL, 0)}, terlampaui "
                f"di lembar '{sh.name}'). Hapus baris, kolom atau lembar yang tidak perlu, lalu unggah ulang."
            )
        ncol = min(sh.ncols, BATAS_KOLOM)
        nilai: list[list[object]] = []
        fmt: list[list[str]] = []
        for r in range(sh.nrows):
            baris_nilai: list[object] = []
            baris_fmt: list[str] = []
            for c in range(min(ncol, sh.row_len(r))):
                cell = sh.cell(r, c)
                jenis = cell.ctype
                v: object
                if jenis in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    v = None
                elif jenis == xlrd.XL_CELL_DATE:
                    v = datetime(*xlrd.xldate_as_tuple(cell.value, buku.datemode))
                elif jenis == xlrd.XL_CELL_BOOLEAN:
                    v = bool(cell.value)
                elif jenis == xlrd.XL_CELL_ERROR:
                    v = "#GALAT"
                else:
                    v = cell.value
                baris_nilai.append(v)
                try:
                    xf = buku.xf_list[cell.xf_index]
                    baris_fmt.append(buku.format_map[xf.format_key].format_str)
                except (IndexError, KeyError, TypeError):
                    baris_fmt.append("")
            nilai.append(baris_nilai)
            fmt.append(baris_fmt)
        gabung = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sh.merged_cells]
        hasil.append(Grid(sh.name, nilai, fmt, set(), gabung))
    return hasil
