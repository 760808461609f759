"""`capaian periksa` on workbooks Capaian wrote itself: the checker and the app agree.

The demo's Form E.81 export (capaian.laporan.paket) and entry template carry each row's method
(capaian.aturan.metode); periksa reads it and reports on the export exactly the galat the app's own checks
(capaian.laporan.pemeriksaan.periksa_triwulan) report for the same data, so a verifier who checks an agency's
workbook sees what the agency saw on screen. Before the method was carried, periksa reported row 40 (price
fluctuation, lower is better) as a galat on Capaian's own export; before it used the method for a quarter's K
target, it only warned on rows 31 and 56's continuation, which the app blocks as galat.
"""

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from capaian.aturan.periksa import GALAT, Temuan, nama_kolom, nomor_kolom, periksa, urutan_kunci
from capaian.impor.baca import baca_e81
from capaian.impor.templat import buat_templat
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.paket import Konteks, render
from capaian.laporan.pemeriksaan import periksa_triwulan
from capaian.laporan.render_xlsx import e81_xlsx_gabungan
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

TAHUN, TRIWULAN = 2024, 2
# The app's checks name a column in words ("target TW II Rp"); periksa by its number ("9").
NOMOR = {nama_kolom(k): nomor_kolom(k) for k in urutan_kunci(4, True)}


def _data(slug: str) -> DataLaporan:
    return muat_data(PerangkatDaerah.objects.get(slug=slug), TAHUN, TRIWULAN)


def _ekspor(tmp_path: Path, slug: str) -> Path:
    path = tmp_path / f"e81-{slug}.xlsx"
    path.write_bytes(render(Konteks(_data(slug)), "e81", "xlsx"))
    return path


def _galat_periksa(temuan: list[Temuan]) -> set[tuple[int | None, str | None, str, str | None]]:
    return {(t.no, t.kode, t.jenis, t.kolom) for t in temuan if t.tingkat == GALAT}


def _galat_aplikasi(slug: str) -> set[tuple[int | None, str | None, str, str | None]]:
    temuan = periksa_triwulan(PerangkatDaerah.objects.get(slug=slug), TAHUN, TRIWULAN)
    return {(t.no, t.kode, t.jenis, NOMOR.get(t.kolom or "", t.kolom)) for t in temuan if t.tingkat == GALAT}


@pytest.mark.parametrize("slug", ["disperindag", "dinas-contoh"])
def test_ekspor_e81_tanpa_galat_di_luar_pemeriksaan_aplikasi(tmp_path: Path, slug: str) -> None:
    data = _data(slug)
    lembar = baca_e81(_ekspor(tmp_path, slug))
    baris = [b for b in lembar.baris if b.jenis == "data"]
    # Every row carries the method it was computed with.
    assert [b.sifat for b in baris] == [b.sifat for b in data.baris]
    temuan = periksa(lembar, data.set_predikat)
    assert _galat_periksa(temuan) == _galat_aplikasi(slug)
    # The method is read, not guessed: no "which Renstra reading" warnings.
    assert not [t for t in temuan if t.jenis in ("renstra-kolom14", "kolom12-k", "metode-tidak-sah")]


# The kinds both checkers report from the same rules (capaian.aturan.periksa.bersama and the checks each
# restates over its own columns); warnings included.
JENIS_BERSAMA = ("rp-melebihi-pagu", "kode-format-lama", "tw-melebihi-target", "induk-anak-lalu")


def _bersama(temuan: list[Temuan], kolom: dict[str, str]) -> set[tuple[object, ...]]:
    # The app names no column for a row's code; periksa names column 2.
    return {
        (t.no, t.kode, t.jenis, t.tingkat, kolom.get(t.kolom or "", t.kolom or "2"))
        for t in temuan
        if t.jenis in JENIS_BERSAMA
    }


@pytest.mark.parametrize("slug", ["disperindag", "dinas-contoh"])
def test_ekspor_peringatan_sama_dengan_aplikasi(tmp_path: Path, slug: str) -> None:
    # Before the budget and code rules were shared, periksa found on Disperindag's own export 13 rows whose
    # Renstra realisation to date (col 14 Rp) exceeds the Renstra budget (col 5 Rp) and 2 codes in the
    # 2021 form, none of which the agency's checks page showed.
    temuan = periksa(baca_e81(_ekspor(tmp_path, slug)), _data(slug).set_predikat)
    aplikasi = periksa_triwulan(PerangkatDaerah.objects.get(slug=slug), TAHUN, TRIWULAN)
    assert _bersama(temuan, {}) == _bersama(aplikasi, NOMOR)
    if slug == "disperindag":
        jenis = [t.jenis for t in aplikasi]
        assert (jenis.count("rp-melebihi-pagu"), jenis.count("kode-format-lama")) == (13, 2)


def test_ekspor_disperindag_baris_40_dan_galat_rujukan(tmp_path: Path) -> None:
    temuan = periksa(baca_e81(_ekspor(tmp_path, "disperindag")))
    # Rows 40 and 41 (lower is better, the mean of the quarters): their columns 12, 13 and 15 as computed.
    assert not [
        t for t in temuan if t.no in (40, 41) and (t.tingkat == GALAT or t.kolom in ("12", "13", "15"))
    ]
    # The galat left are the reference data's own: row 35's quarterly Rp targets above the year's budget,
    # and the quarterly K targets above the year's of two counted (jumlah) indicators: row 31 (360 of 120)
    # and the unnumbered continuation of row 55 (2 of 1).
    assert _galat_periksa(temuan) == {
        (35, "3.30.03.2.01.0001", "tw-melebihi-target", "9"),
        (35, "3.30.03.2.01.0001", "tw-melebihi-target", "8"),
        (31, "3.30.02.2.06", "tw-melebihi-target", "9"),
        (None, "3.31.02.2.01.0005", "tw-melebihi-target", "9"),
    }
    assert len([t for t in temuan if t.jenis == "induk-anak-lalu"]) == 19


@pytest.mark.parametrize("slug", ["disperindag", "dinas-contoh"])
def test_templat_tanpa_galat_di_luar_pemeriksaan_aplikasi(tmp_path: Path, slug: str) -> None:
    path = tmp_path / f"templat-{slug}.xlsx"
    buat_templat(PerangkatDaerah.objects.get(slug=slug), TAHUN, TRIWULAN, path)
    lembar = baca_e81(path)
    assert all(b.sifat is not None for b in lembar.baris if b.jenis == "data")
    assert _galat_periksa(periksa(lembar)) == _galat_aplikasi(slug)


def test_lembar_metode_setelah_baris_dipindah(tmp_path: Path) -> None:
    path = _ekspor(tmp_path, "disperindag")
    asli = [b.sifat for b in baca_e81(path).baris if b.jenis == "data"]
    wb = openpyxl.load_workbook(path)
    ws = wb["Metode"]
    # As if rows had been inserted above the table: every line names a row one below its own.
    for r in range(4, ws.max_row + 1):
        ws.cell(r, 2).value += 1
    # A line whose row no longer exists at all.
    ws.cell(ws.max_row + 1, 1, "Form E.81")
    for kolom, nilai in enumerate((500, 99, "9.99.99", "Indikator yang sudah dihapus", "positif"), start=2):
        ws.cell(ws.max_row, kolom, nilai)
    wb.save(path)
    lembar = baca_e81(path)
    # Each line still finds its row by kode and indikator.
    assert [b.sifat for b in lembar.baris if b.jenis == "data"] == asli
    [t] = [t for t in lembar.temuan if t.jenis == "metode-tidak-sah"]
    assert t.tingkat == "peringatan" and t.sel == f"'Metode'!F{ws.max_row}"
    assert "indikator yang sudah dihapus" in t.pesan


def test_buku_gabungan_satu_lembar_metode(tmp_path: Path) -> None:
    data = [_data("disperindag"), _data("dinas-contoh")]
    path = tmp_path / "kota.xlsx"
    path.write_bytes(e81_xlsx_gabungan([bangun_e81(d) for d in data]))
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[-1] == "Metode"
    lembar = baca_e81(path)
    assert lembar.nama.startswith("01 ")
    assert [b.sifat for b in lembar.baris if b.jenis == "data"] == [b.sifat for b in data[0].baris]
    assert not lembar.temuan


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) belum terpasang")
def test_metode_bertahan_disimpan_ulang_libreoffice(tmp_path: Path) -> None:
    # Opened and saved again as .xlsx by LibreOffice Calc, as an office worker would.
    path = _ekspor(tmp_path, "disperindag")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
         "--outdir", str(tmp_path / "lo-xlsx"), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    ulang = baca_e81(tmp_path / "lo-xlsx" / path.name)
    asli = baca_e81(path)
    assert [b.sifat for b in ulang.baris] == [b.sifat for b in asli.baris]
    assert all(b.sifat is not None for b in ulang.baris if b.jenis == "data")
    assert {(t.jenis, t.sel) for t in periksa(ulang)} == {(t.jenis, t.sel) for t in periksa(asli)}
