"""The entry template's "Catatan" sheet: the quarter's texts of the agency, each of its bidang urusan and each
of its programs (capaian.monev.teks lists them), one row each, one column per text; written by
`capaian.impor.templat`, read back here for `capaian.impor.impor`.

Layout: row 1 the title, row 2 how to fill it in, row 3 the column headers, one scope a row from row 4:
Cakupan ("Perangkat daerah", "Bidang", "Program"), Kode ("3.31", "3.31.02"; blank for the agency), Nama,
then the six texts (TEKS_TRIWULAN). A text is one item a line (Alt+Enter in Excel). A cell holding only
"-" means "none" and empties the text; a blank cell leaves the stored text alone (unless the import empties
blanks).
"""

from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook import Workbook

from capaian.impor.buku_kerja import Grid, alamat_sel, sel_kosong
from capaian.monev.models import CatatanTriwulan
from capaian.monev.services import TEKS_TRIWULAN
from capaian.monev.teks import daftar_cakupan
from capaian.organisasi.models import PerangkatDaerah

NAMA_LEMBAR = "Catatan"
BARIS_KEPALA = 3
JUDUL_TEKS = {
    "faktor_pendorong": "Faktor Pendorong",
    "faktor_penghambat": "Faktor Penghambat",
    "tindak_lanjut": "Tindak Lanjut",
    "rekomendasi": "Rekomendasi",
    "kendala": "Kendala",
    "solusi": "Solusi",
}
CAKUPAN_PD = "Perangkat daerah"
LABEL_CAKUPAN = {"bidang": "Bidang", "program": "Program"}
KOLOM_TEKS = 4  # the first text column (D)
ROMAWI = ("I", "II", "III", "IV")


def tulis_lembar(wb: Workbook, pd: PerangkatDaerah, tahun: int, triwulan: int, terbuka: bool) -> None:
    """Add the sheet with what is stored; the text cells are inputs while the quarter is open."""
    ws = wb.create_sheet(NAMA_LEMBAR)
    ws["A1"] = f"CATATAN TRIWULAN {ROMAWI[triwulan - 1]} TAHUN {tahun} — {pd.nama.upper()}"
    ws["A1"].font = Font(bold=True)
    ws["A2"] = (
        "Isi sel berwarna kuning, satu butir per baris (Alt+Enter). Kendala dan solusi per bidang masuk ke "
        "Narasi; faktor per program ke Kesimpulan. Sel berisi '-' mengosongkan teksnya; sel kosong tidak "
        "mengubah teks yang tersimpan."
    )
    kepala = ["Cakupan", "Kode", "Nama", *(JUDUL_TEKS[n] for n in TEKS_TRIWULAN)]
    for c, teks in enumerate(kepala, start=1):
        ws.cell(BARIS_KEPALA, c, teks).font = Font(bold=True)
    agensi = CatatanTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first()
    baris: list[tuple[str, str, str, object]] = [(CAKUPAN_PD, "", pd.nama, agensi)]
    baris += [
        (LABEL_CAKUPAN[c.jenis], c.kode, c.nama, c.tersimpan) for c in daftar_cakupan(pd, tahun, triwulan)
    ]
    isian = PatternFill("solid", fgColor="FFF2CC")
    bungkus = Alignment(wrap_text=True, vertical="top")
    for r, (cakupan, kode, nama, tersimpan) in enumerate(baris, start=BARIS_KEPALA + 1):
        for c, nilai in enumerate((cakupan, kode, nama), start=1):
            ws.cell(r, c, nilai).alignment = bungkus
        for c, n in enumerate(TEKS_TRIWULAN, start=KOLOM_TEKS):
            sel = ws.cell(r, c, (getattr(tersimpan, n) if tersimpan is not None else "") or None)
            sel.alignment = bungkus
            if terbuka:
                sel.fill = isian
                sel.protection = Protection(locked=False)
    for huruf, lebar in zip("ABCDEFGHI", (16, 12, 40, 32, 32, 32, 32, 32, 32), strict=True):
        ws.column_dimensions[huruf].width = lebar
    ws.freeze_panes = ws.cell(BARIS_KEPALA + 1, KOLOM_TEKS)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


@dataclass(frozen=True)
class BarisCatatan:
    nomor_baris: int
    jenis: str  # "pd", "bidang", "program"
    kode: str
    teks: dict[str, tuple[str, str]]  # text name -> (cell, text as written; "" for "-"), non-blank cells only


def _teks(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def cari_lembar(grids: list[Grid]) -> Grid | None:
    return next((g for g in grids if g.nama.strip().casefold() == NAMA_LEMBAR.casefold()), None)


def baca_lembar(grid: Grid) -> tuple[list[BarisCatatan], list[tuple[str, str]]]:
    """The sheet's rows, and (cell, message) for each row that names no scope."""
    jenis_dari = {CAKUPAN_PD.casefold(): "pd", **{v.casefold(): k for k, v in LABEL_CAKUPAN.items()}}
    hasil: list[BarisCatatan] = []
    galat: list[tuple[str, str]] = []
    for r in range(BARIS_KEPALA + 1, grid.nbaris + 1):
        nilai = [grid.isi(r, c) for c in range(1, KOLOM_TEKS + len(TEKS_TRIWULAN))]
        if all(sel_kosong(v) for v in nilai):
            continue
        jenis = jenis_dari.get(_teks(nilai[0]).casefold()) if not sel_kosong(nilai[0]) else None
        if jenis is None:
            galat.append(
                (
                    alamat_sel(grid.nama, r, 1),
                    "Cakupan harus 'Perangkat daerah', 'Bidang' atau 'Program'.",
                )
            )
            continue
        teks: dict[str, tuple[str, str]] = {}
        for i, n in enumerate(TEKS_TRIWULAN):
            v = nilai[KOLOM_TEKS - 1 + i]
            if sel_kosong(v):
                continue
            isi = _teks(v).replace("\r\n", "\n")
            teks[n] = (alamat_sel(grid.nama, r, KOLOM_TEKS + i), "" if isi == "-" else isi)
        kode = "" if sel_kosong(nilai[1]) else _teks(nilai[1])
        hasil.append(BarisCatatan(r, jenis, kode, teks))
    return hasil, galat
