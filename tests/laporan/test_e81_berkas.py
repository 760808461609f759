"""Form E.81 as XLSX and PDF, read back: real numbers, merges, formats, print setup, the engine's values."""

import dataclasses
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from capaian.aturan.angka import bulatkan, format_persen, format_rupiah
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.render_pdf import e81_pdf
from capaian.laporan.render_xlsx import FORMAT_K, FORMAT_PERSEN, FORMAT_RP, e81_xlsx
from capaian.laporan.tabel_e81 import TINGGI_KEPALA, jumlah_kolom, kolom_hasil
from tests.laporan.conftest import pdf_png, pdf_teks

pytestmark = pytest.mark.django_db

AWAL_KEPALA = 6
AWAL_ISI = AWAL_KEPALA + TINGGI_KEPALA


def _lembar(isi: bytes) -> Worksheet:
    ws = load_workbook(io.BytesIO(isi), data_only=True).active
    assert ws is not None
    return ws


def _d(nilai: Decimal | None) -> float | None:
    return None if nilai is None else float(bulatkan(nilai, 2))


def _cari_baris(ws: Worksheet, label: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == label:
            return r
    raise AssertionError(f"baris '{label}' tidak ada")


def test_it_stores_every_row_as_numbers_equal_to_the_engine(
    berkas: dict[str, bytes], e81_demo: LaporanE81
) -> None:
    ws = _lembar(berkas["e81.xlsx"])
    h = kolom_hasil(2) + 1  # 1-based column of col 12 K
    for i, b in enumerate(e81_demo.baris):
        r = AWAL_ISI + i
        assert ws.cell(row=r, column=4).value == b.rencana.indikator
        assert ws.cell(row=r, column=11).value == b.masukan.target.rp
        # A derived cell without a value shows "-" in every one of columns 12-15 (an input stays blank).
        assert ws.cell(row=r, column=h).value == (
            "-" if b.hasil.realisasi.k is None else _d(b.hasil.realisasi.k)
        )
        assert ws.cell(row=r, column=h + 1).value == (
            "-" if b.hasil.realisasi.rp is None else b.hasil.realisasi.rp
        )
        for kolom, nilai in ((h + 2, b.hasil.capaian.k), (h + 3, b.hasil.capaian.rp)):
            sel = ws.cell(row=r, column=kolom).value
            assert sel == ("-" if nilai is None else _d(nilai))


def test_its_totals_are_the_reference_numbers(berkas: dict[str, bytes]) -> None:
    ws = _lembar(berkas["e81.xlsx"])
    h = kolom_hasil(2) + 1
    jumlah = _cari_baris(ws, "Jumlah Anggaran dan Realisasi dari Seluruh Program")
    assert ws.cell(row=jumlah, column=11).value == 20_057_264_366
    assert isinstance(ws.cell(row=jumlah, column=11).value, int)
    assert ws.cell(row=jumlah, column=h + 1).value == 8_290_261_639
    rata = _cari_baris(ws, "Total Rata-Rata Capaian Kinerja dan Anggaran Seluruh Program (%)")
    assert ws.cell(row=rata, column=h + 3).value == pytest.approx(41.33)
    assert ws.cell(row=rata + 1, column=h + 3).value == "Sangat Rendah"


def test_it_has_number_formats_merges_and_print_setup(berkas: dict[str, bytes]) -> None:
    ws = _lembar(berkas["e81.xlsx"])
    h = kolom_hasil(2) + 1
    assert ws.cell(row=AWAL_ISI, column=10).number_format == FORMAT_K
    assert ws.cell(row=AWAL_ISI, column=11).number_format == FORMAT_RP
    assert ws.cell(row=AWAL_ISI + 5, column=h + 2).number_format == FORMAT_PERSEN
    gabung = {str(m) for m in ws.merged_cells.ranges}
    assert f"A{AWAL_KEPALA}:A{AWAL_KEPALA + 2}" in gabung  # "No" spans the three title rows
    assert "F6:G7" in gabung  # col 5 title over its K/Rp pair
    nomor = {ws.cell(row=AWAL_KEPALA + 3, column=k).value for k in range(1, jumlah_kolom(2) + 1)}
    assert {"1", "5", "8", "9", "12", "13", "14 = 6 + 12", "15 = 14 / 5 x 100 %", "16"} <= nomor
    assert ws.page_setup.orientation == "landscape"
    # Bands of columns at a scale that keeps Arial 9 at 6.5 pt or more, No .. Satuan repeated on each band.
    assert 9 * ws.page_setup.scale / 100 >= 6.5
    assert ws.print_title_rows == f"${AWAL_KEPALA}:${AWAL_ISI - 1}"
    assert ws.print_title_cols == "$A:$E"


def test_it_has_the_signature_block_and_texts(berkas: dict[str, bytes]) -> None:
    ws = _lembar(berkas["e81.xlsx"])
    teks = {str(c.value) for baris in ws.iter_rows() for c in baris if c.value is not None}
    assert "NIP. 19701223 199003 1 001" in teks
    assert "Plt. Kepala Dinas Perindustrian dan Perdagangan Kota Pasuruan" in teks
    assert "Pasuruan, 8 Juli 2024" in teks
    assert "Faktor Penghambat Pencapaian Kinerja" in teks


@pytest.mark.parametrize(
    ("triwulan", "ada", "tidak_ada"), [(1, "Realisasi TW I", "Target TW II"), (4, "Realisasi TW IV", None)]
)
def test_quarter_columns_follow_the_quarter(
    data_demo: DataLaporan, triwulan: int, ada: str, tidak_ada: str | None
) -> None:
    laporan = bangun_e81(dataclasses.replace(data_demo, triwulan=triwulan))
    ws = _lembar(e81_xlsx(laporan))
    assert ws.max_column == jumlah_kolom(triwulan)
    kepala = {ws.cell(row=AWAL_KEPALA + 1, column=k).value for k in range(1, ws.max_column + 1)}
    assert ada in kepala
    if tidak_ada:
        assert tidak_ada not in kepala


def test_pdf_shows_the_engine_numbers_formatted(
    berkas: dict[str, bytes], tmp_path: Path, e81_demo: LaporanE81
) -> None:
    teks = pdf_teks(berkas["e81.pdf"], tmp_path)
    r = e81_demo.rekap
    assert format_rupiah(r.jumlah_target_rp) == "20.057.264.366"
    for nilai in ("20.057.264.366", "8.290.261.639", format_persen(r.rata_capaian.rp, tanda=False), "41,33"):
        assert nilai in teks
    assert "14 = 6 + 12" in teks
    assert "NIP. 19701223 199003 1 001" in teks
    assert "Sangat Rendah" in teks


def test_pdf_repeats_the_header_on_every_page(berkas: dict[str, bytes], tmp_path: Path) -> None:
    halaman2 = pdf_teks(berkas["e81.pdf"], tmp_path, halaman=2, tata=False)
    assert "Kode Rekening" in halaman2
    assert "Realisasi TW II" in halaman2


def test_pdf_page_one_renders(berkas: dict[str, bytes], tmp_path: Path) -> None:
    png = pdf_png(berkas["e81.pdf"], tmp_path)
    assert png.stat().st_size > 10_000


def test_pdf_for_quarter_four_has_the_fourth_quarter(data_demo: DataLaporan, tmp_path: Path) -> None:
    laporan = bangun_e81(dataclasses.replace(data_demo, triwulan=4))
    assert "TW IV" in pdf_teks(e81_pdf(laporan, kertas="a4"), tmp_path, tata=False)


def test_flags_a_nonstandard_kode_and_a_budget_percentage_above_1000(
    berkas: dict[str, bytes], e81_demo: LaporanE81, tmp_path: Path
) -> None:
    """The reference's rows 47 and 56 carry 2-digit sub kegiatan codes, and three rows' col 15 Rp is above
    1.000 %: printed as recorded, flagged at the cell, explained under the form (issue 12, Smaller)."""
    isi = json.loads(berkas["e81.json"])
    kode = {b["no"]: b["tanda"]["kode"] for b in isi["baris"] if b["tanda"]["kode"]}
    assert kode == {
        47: "kode 3.30.05.2.01.05 tidak dalam bentuk baku; bentuk baku 3.30.05.2.01.0005",
        56: "kode 3.31.02.2.01.03 tidak dalam bentuk baku; bentuk baku 3.31.02.2.01.0003",
    }
    persen = {
        b["no"]: b["tanda"]["persen_rp_janggal"] for b in isi["baris"] if b["tanda"]["persen_rp_janggal"]
    }
    # Exactly the rows whose printed col 13 or 15 Rp is above 1.000 (read from the JSON's own columns).
    assert persen == {
        b["no"]: [
            k for k in ("13", "15") if b["kolom"][k]["rp"] is not None and Decimal(b["kolom"][k]["rp"]) > 1000
        ]
        for b in isi["baris"]
        if any(b["kolom"][k]["rp"] is not None and Decimal(b["kolom"][k]["rp"]) > 1000 for k in ("13", "15"))
    }
    assert persen == {7: ["15"], 13: ["15"], 22: ["15"]}
    teks = pdf_teks(berkas["e81.pdf"], tmp_path)
    assert "9.530,64 **)" in teks and "1.207,18 **)" in teks and "5.715,97 **)" in teks
    assert "05 *)" in teks and "03 *)" in teks  # the kode wraps after its last dot
    datar = " ".join(teks.split())
    assert "*) Kode dicetak sebagaimana tercatat dalam data induk: No. 47: kode 3.30.05.2.01.05" in datar
    assert "**) Persentase anggaran di atas 1.000%: No. 7 kol. 15 Rp 9.530,64%" in datar
    # The workbook keeps the value (its formula's cached value) and flags the cell with a note.
    per_no = {b["no"]: b for b in isi["baris"]}
    ws = _lembar(berkas["e81.xlsx"])
    h = kolom_hasil(2) + 1
    for i, b in enumerate(e81_demo.baris):
        r = AWAL_ISI + i
        assert (ws.cell(row=r, column=2).comment is not None) is (b.no in kode)
        assert (ws.cell(row=r, column=h + 7).comment is not None) is (b.no in persen)
        if b.no in persen:
            assert ws.cell(row=r, column=h + 7).value == float(per_no[b.no]["kolom"]["15"]["rp"])
    catatan = {str(c.value) for baris in ws.iter_rows() for c in baris if isinstance(c.value, str)}
    assert set(isi["catatan_tanda"]) <= catatan and len(isi["catatan_tanda"]) == 2


def test_derived_columns_without_value_print_dash_in_the_pdf(
    berkas: dict[str, bytes], tmp_path: Path
) -> None:
    """Row 1 has no realisation yet: all eight cells of cols 12-15 print "-" (blank was shown in 12/14)."""
    teks = pdf_teks(berkas["e81.pdf"], tmp_path, halaman=1)
    baris_1 = next(t for t in teks.splitlines() if t.strip().startswith("1 ") and "Meningkatnya" in t)
    setelah_kolom_7 = baris_1.split("2.731.617.600", 1)[1]
    assert setelah_kolom_7.split()[:8] == ["-"] * 8
