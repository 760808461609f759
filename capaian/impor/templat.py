"""The entry template: one agency's Form E.81 for a quarter as an .xlsx to fill in offline.

The layout is the reference report's (No, Kode, Uraian, Indikator, Satuan, columns 5-7, per quarter its target
and realisation, columns 12-15, the responsible agency), so that `capaian.impor.baca` reads it back and
`capaian impor` brings the values in. Columns 12-15 and the totals are computed by the engine
(`capaian.laporan.e81.bangun_e81`) at export time, so that `capaian periksa` has something to verify; the
importer never reads them. Input cells are unlocked and shaded; everything else is locked by sheet protection
without a password (a guard against slips, not a security measure). A program's or kegiatan's Rupiah (columns
5, 7 and the quarters, not 6) is the sum of its children's (`capaian.aturan.induk`): those cells are written
with the computed sum, locked and shaded grey as computed, and the importer never writes them. A second
sheet, "Catatan", holds the quarter's texts of the agency, its bidang and its programs
(`capaian.impor.lembar_catatan`).
"""

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import KRp
from capaian.aturan.kinerja import k_dari_rumus
from capaian.aturan.metode import JUDUL_KOLOM, kode_metode
from capaian.aturan.rumus import Rumus, RumusError, urai
from capaian.impor.lembar_catatan import tulis_lembar
from capaian.laporan.data import BarisRencana
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah

NAMA_LEMBAR = "E.81"
BARIS_JUDUL = 5  # first header row
BARIS_DATA = 9  # first data row
ROMAWI = ("I", "II", "III", "IV")

_ISIAN = PatternFill("solid", fgColor="FFF2CC")
_DIHITUNG = PatternFill("solid", fgColor="D9D9D9")  # a parent's Rupiah: the sum of its children's
_TERBUKA = Protection(locked=False)
_TEBAL = Font(bold=True)
_KECIL = Font(size=8, color="666666")
_BUNGKUS = Alignment(wrap_text=True, vertical="top")
_FORMAT_K = "#,##0.00####"
_FORMAT_RP = "#,##0"


def kolom_templat(triwulan: int) -> dict[str, int]:
    """Key ("5K", "T8Rp", "9K", "13K", ...) -> 1-based column of the template for quarters 1..triwulan."""
    kolom: dict[str, int] = {}
    c = 6
    for grup in ("5", "6", "7"):
        kolom[f"{grup}K"], kolom[f"{grup}Rp"] = c, c + 1
        c += 2
    for i in range(triwulan):
        n = str(8 + i)
        kolom[f"T{n}K"], kolom[f"T{n}Rp"], kolom[f"{n}K"], kolom[f"{n}Rp"] = c, c + 1, c + 2, c + 3
        c += 4
    for grup in ("12", "13", "14", "15"):
        kolom[f"{grup}K"], kolom[f"{grup}Rp"] = c, c + 1
        c += 2
    kolom["pj"] = c
    kolom["metode"] = c + 1  # each row's method for `capaian periksa` (capaian.aturan.metode), locked
    return kolom


def rumus_indikator(rencana: BarisRencana) -> Rumus | None:
    if not rencana.rumus.strip():
        return None
    try:
        return urai(rencana.rumus, [nama for nama, _ in rencana.variabel])
    except RumusError:
        return None


def _angka(nilai: Decimal | None) -> int | float | None:
    if nilai is None:
        return None
    if nilai == nilai.to_integral_value():
        return int(nilai)
    return float(nilai)


def _turunan(nilai: Decimal | None) -> int | float | str:
    # Derived values are shown as the report prints them: 2 decimals, "-" where there is no value.
    return "-" if nilai is None else (_angka(bulatkan(nilai)) or 0)


def _judul(ws: Worksheet, pd: PerangkatDaerah, tahun: int, triwulan: int, kolom: dict[str, int]) -> None:
    ws["A1"] = f"EVALUASI TERHADAP HASIL RENJA {pd.nama.upper()}"
    ws["A2"] = f"TRIWULAN {ROMAWI[triwulan - 1]} TAHUN {tahun}"
    ws["A3"] = (
        "Templat isian Capaian: isi sel berwarna kuning, lalu impor dengan "
        f"'capaian impor BERKAS --pd {pd.slug}'. Kolom 12-15 dan baris jumlah dihitung ulang oleh aplikasi; "
        "sel abu-abu (Rp program/kegiatan) adalah jumlah turunannya dan tidak diimpor."
    )
    ws["A1"].font = ws["A2"].font = _TEBAL
    atas = {
        1: "No",
        2: "Kode Rekening",
        3: "Urusan / Bidang Urusan Pemerintahan Daerah Dan Program / Kegiatan / Sub Kegiatan",
        4: "Indikator Kinerja Program (Outcome) / Kegiatan (Output Kegiatan) / Sub Kegiatan "
        "(Output Sub Kegiatan)",
        5: "Satuan",
        kolom["5K"]: "Target Renstra Perangkat Daerah pada Akhir Periode Renstra Perangkat Daerah",
        kolom["6K"]: "Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja PD Tahun Lalu "
        f"({tahun - 1})",
        kolom["7K"]: f"Target Kinerja dan Anggaran Renja Tahun Berjalan yang Dievaluasi ({tahun})",
        kolom["T8K"]: f"Realisasi Kinerja pada Triwulan Tahun {tahun}",
        kolom["12K"]: f"Realisasi Capaian Kinerja dan Anggaran Renja yang dievaluasi ({tahun})",
        kolom["13K"]: f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun {tahun} (%)",
        kolom["14K"]: f"Realisasi Kinerja dan Anggaran Renstra s/d Tahun {tahun}",
        kolom["15K"]: "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%)",
        kolom["pj"]: "PD Penanggung Jawab",
        kolom["metode"]: JUDUL_KOLOM,
    }
    r0 = BARIS_JUDUL
    for c, teks in atas.items():
        ws.cell(r0, c, teks).alignment = _BUNGKUS
    for c in (1, 2, 3, 4, 5, kolom["pj"], kolom["metode"]):
        ws.merge_cells(start_row=r0, start_column=c, end_row=r0 + 2, end_column=c)
    for grup in ("5", "6", "7", "12", "13", "14", "15"):
        c = kolom[f"{grup}K"]
        ws.merge_cells(start_row=r0, start_column=c, end_row=r0, end_column=c + 1)
        ws.cell(r0 + 1, c, "K")
        ws.cell(r0 + 1, c + 1, "Rp")
        ws.merge_cells(start_row=r0 + 1, start_column=c, end_row=r0 + 2, end_column=c)
        ws.merge_cells(start_row=r0 + 1, start_column=c + 1, end_row=r0 + 2, end_column=c + 1)
    ws.merge_cells(start_row=r0, start_column=kolom["T8K"], end_row=r0, end_column=kolom["12K"] - 1)
    for i in range(triwulan):
        n = str(8 + i)
        for kunci, teks in ((f"T{n}K", "Target"), (f"{n}K", "Realisasi")):
            c = kolom[kunci]
            ws.cell(r0 + 1, c, f"{teks} TW {ROMAWI[i]}")
            ws.merge_cells(start_row=r0 + 1, start_column=c, end_row=r0 + 1, end_column=c + 1)
            ws.cell(r0 + 2, c, "K")
            ws.cell(r0 + 2, c + 1, "Rp")
    # The numbered column row, which the reader uses to confirm the columns.
    r = r0 + 3
    nomor: list[tuple[int, int | str, int]] = [(1, 1, 1), (2, 2, 1), (3, 3, 1), (4, 4, 2)]
    nomor += [(kolom[f"{g}K"], int(g), 2) for g in ("5", "6", "7")]
    nomor += [(kolom[f"T{8 + i}K"], 8 + i, 4) for i in range(triwulan)]
    nomor += [
        (kolom["12K"], 12, 2),
        (kolom["13K"], 13, 2),
        (kolom["14K"], "14 = 6 + 12", 2),
        (kolom["15K"], "15 = 14 / 5 x 100 %", 2),
        (kolom["pj"], 16, 1),
    ]
    for c, angka, lebar in nomor:
        ws.cell(r, c, angka).alignment = Alignment(horizontal="center")
        if lebar > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + lebar - 1)
    for c, lebar in ((1, 5), (2, 18), (3, 40), (4, 45), (5, 10)):
        ws.column_dimensions[get_column_letter(c)].width = lebar
    for c in range(6, kolom["pj"]):
        ws.column_dimensions[get_column_letter(c)].width = 15
    ws.column_dimensions[get_column_letter(kolom["pj"])].width = 30
    ws.column_dimensions[get_column_letter(kolom["metode"])].width = 24
    ws.freeze_panes = ws.cell(BARIS_DATA, 6)


def _tulis(
    ws: Worksheet, r: int, c: int, nilai: object, rp: bool, isian: bool, dihitung: bool = False
) -> None:
    sel = ws.cell(r, c, nilai)
    sel.number_format = _FORMAT_RP if rp else _FORMAT_K
    if dihitung:
        sel.fill = _DIHITUNG  # locked, like every cell that is not an input
    elif isian:
        sel.protection = _TERBUKA
        sel.fill = _ISIAN


def buat_templat(pd: PerangkatDaerah, tahun: int, triwulan: int, keluar: str | Path) -> int:
    """Write the template to `keluar`; returns the number of indicator rows."""
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1 sampai 4.")
    laporan = bangun_e81(muat_data(pd, tahun, triwulan))
    kolom = kolom_templat(triwulan)
    # A quarter that was submitted, verified or locked is shown but not open for entry.
    tertutup = {
        s.triwulan
        for s in StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun)
        if not s.boleh_diubah
    }
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = NAMA_LEMBAR
    _judul(ws, pd, tahun, triwulan, kolom)
    r = BARIS_DATA
    for b in laporan.baris:
        rencana = b.rencana
        lanjutan_renja = rencana.lanjutan and rencana.tingkat in ("program", "kegiatan", "subkegiatan")
        ws.cell(r, 1, b.no)
        ws.cell(r, 2, rencana.kode or None)
        # A further indicator of a Renja element leaves its element blank, as the reference report does.
        ws.cell(r, 3, None if lanjutan_renja else rencana.uraian).alignment = _BUNGKUS
        ws.cell(r, 4, rencana.indikator).alignment = _BUNGKUS
        ws.cell(r, 5, rencana.satuan)
        pasangan: list[tuple[str, KRp]] = [
            ("5", rencana.renstra),
            ("6", rencana.realisasi_lalu),
            ("7", rencana.target),
        ]
        # A parent's Rupiah (but column 6) is its children's sum: computed, not an input.
        turunan = rencana.rp_turunan
        for grup, nilai in pasangan:
            _tulis(ws, r, kolom[f"{grup}K"], _angka(nilai.k), False, True)
            _tulis(ws, r, kolom[f"{grup}Rp"], nilai.rp, True, True, turunan and grup != "6")
        rumus = rumus_indikator(rencana)
        for i in range(triwulan):
            n = str(8 + i)
            terbuka = (i + 1) not in tertutup
            _tulis(ws, r, kolom[f"T{n}K"], _angka(rencana.target_tw[i].k), False, True)
            _tulis(ws, r, kolom[f"T{n}Rp"], rencana.target_tw[i].rp, True, True, turunan)
            dihitung = k_dari_rumus(rumus, dict(rencana.variabel_tw[i]))
            # An input cell holds the value as entered (documents print it rounded), a formula its result.
            k = b.masukan.realisasi_tw[i].k if dihitung else rencana.realisasi_tw[i].k
            _tulis(ws, r, kolom[f"{n}K"], _angka(k), False, terbuka and not dihitung)
            _tulis(ws, r, kolom[f"{n}Rp"], b.masukan.realisasi_tw[i].rp, True, terbuka, turunan)
        h = b.hasil
        for grup, k_nilai, rp_nilai in (
            ("12", h.realisasi.k, h.realisasi.rp),
            ("14", h.realisasi_renstra.k, h.realisasi_renstra.rp),
        ):
            _tulis(ws, r, kolom[f"{grup}K"], _turunan(k_nilai), False, False)
            _tulis(ws, r, kolom[f"{grup}Rp"], "-" if rp_nilai is None else rp_nilai, True, False)
        for grup, persen in (("13", h.capaian), ("15", h.capaian_renstra)):
            _tulis(ws, r, kolom[f"{grup}K"], _turunan(persen.k), False, False)
            _tulis(ws, r, kolom[f"{grup}Rp"], _turunan(persen.rp), False, False)
        ws.cell(r, kolom["pj"], pd.nama)
        ws.cell(r, kolom["metode"], kode_metode(rencana.sifat)).font = _KECIL
        r += 1
    rekap = laporan.rekap
    ws.cell(r, 1, "Jumlah Anggaran dan Realisasi dari Seluruh Program").font = _TEBAL
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    jumlah = {
        "5Rp": rekap.jumlah_renstra_rp,
        "7Rp": rekap.jumlah_target_rp,
        "12Rp": rekap.jumlah_realisasi_rp,
        "14Rp": rekap.jumlah_realisasi_renstra_rp,
    }
    for i, nilai_tw in enumerate(rekap.jumlah_realisasi_tw_rp[:triwulan]):
        jumlah[f"{8 + i}Rp"] = nilai_tw
    for kunci, nilai_rp in jumlah.items():
        _tulis(ws, r, kolom[kunci], nilai_rp, True, False)
    ws.cell(r + 1, 1, "Total Rata-Rata Capaian Kinerja dan Anggaran Seluruh Program (%)").font = _TEBAL
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=5)
    ws.cell(r + 2, 1, "Predikat Kinerja").font = _TEBAL
    ws.merge_cells(start_row=r + 2, start_column=1, end_row=r + 2, end_column=5)
    for grup, rata, predikat in (
        ("13", rekap.rata_capaian, rekap.predikat),
        ("15", rekap.rata_capaian_renstra, rekap.predikat_renstra),
    ):
        _tulis(ws, r + 1, kolom[f"{grup}K"], _turunan(rata.k), False, False)
        _tulis(ws, r + 1, kolom[f"{grup}Rp"], _turunan(rata.rp), False, False)
        ws.cell(r + 2, kolom[f"{grup}K"], predikat[0] or "-")
        ws.cell(r + 2, kolom[f"{grup}Rp"], predikat[1] or "-")
    # The averaging method goes above the table: below it, the reader would take it for a total row.
    ws["A4"] = f"Metode rata-rata baris Total: {rekap.uraian_metode()}"
    # Sheet protection without a password: input cells above are unlocked, the rest is locked.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    tulis_lembar(wb, pd, tahun, triwulan, terbuka=triwulan not in tertutup)
    wb.save(keluar)
    return len(laporan.baris)
