"""Issue 12 item 3: the entry template's "Catatan" sheet carries the quarter's texts of the agency, its bidang
and its programs; the importer brings changed texts back through the services (dry run first, audited) and
names the cell of a scope the agency does not have."""

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import User

from capaian.audit.models import AuditEvent
from capaian.impor.impor import impor_berkas
from capaian.impor.lembar_catatan import NAMA_LEMBAR
from capaian.impor.templat import buat_templat
from capaian.laporan.sumber import muat_data
from capaian.monev import services
from capaian.organisasi.models import PerangkatDaerah
from tests.conftest import PD, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TW = 2


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _templat(tmp_path: Path) -> Path:
    path = tmp_path / "templat.xlsx"
    buat_templat(_pd(), TAHUN, TW, path)
    return path


def _baris(ws: Any, cakupan: str, kode: str) -> int:
    for r in range(4, ws.max_row + 1):
        if ws.cell(r, 1).value == cakupan and (ws.cell(r, 2).value or "") == kode:
            return r
    raise AssertionError((cakupan, kode))


def test_templat_memuat_teks_tersimpan_per_cakupan(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_templat(tmp_path))[NAMA_LEMBAR]
    kepala = [ws.cell(3, c).value for c in range(1, 10)]
    assert kepala == ["Cakupan", "Kode", "Nama", "Faktor Pendorong", "Faktor Penghambat", "Tindak Lanjut"] + [
        "Rekomendasi",
        "Kendala",
        "Solusi",
    ]
    r = _baris(ws, "Bidang", "3.31")
    assert ws.cell(r, 8).value == "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II."
    assert ws.cell(r, 8).protection.locked is False
    r = _baris(ws, "Program", "3.31.02")
    assert ws.cell(r, 5).value.startswith("Pelaksanaan DAK non fisik 2024")
    r = _baris(ws, "Perangkat daerah", "")
    assert ws.cell(r, 5).value.startswith("Para pedagang yang tidak kooperatif")
    # Bidang in the Narasi's order, then the programs by code.
    urut = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(5, ws.max_row + 1)]
    assert urut[:3] == [("Bidang", "3.31"), ("Bidang", "3.30"), ("Program", "3.30.01")]


def test_impor_bolak_balik(tmp_path: Path) -> None:
    op = User.objects.get(username="operator-disperindag")
    path = _templat(tmp_path)
    # An unchanged template changes no text.
    hasil = impor_berkas(op, _pd(), path, coba=True)
    assert hasil.berhasil, hasil.galat
    assert [p for p in hasil.perubahan if p.jenis == "catatan"] == []

    wb = openpyxl.load_workbook(path)
    ws = wb[NAMA_LEMBAR]
    r_bidang, r_program = _baris(ws, "Bidang", "3.30"), _baris(ws, "Program", "3.30.05")
    ws.cell(r_bidang, 9).value = "Sosialisasi ulang.\nPendampingan pedagang."
    ws.cell(r_program, 5).value = "Jadwal pameran nasional bergeser ke Triwulan III."
    ws.cell(_baris(ws, "Perangkat daerah", ""), 7).value = "Percepat lelang."
    wb.save(path)

    coba = impor_berkas(op, _pd(), path, coba=True)
    assert coba.berhasil, coba.galat
    pesan = [p.pesan for p in coba.perubahan if p.jenis == "catatan"]
    assert len(pesan) == 3, pesan
    assert any(f"'{NAMA_LEMBAR}'!I{r_bidang}" in p and "solusi bidang 3.30" in p for p in pesan)
    assert muat_data(_pd(), TAHUN, TW).rekomendasi == ""  # the dry run saved nothing

    nyata = impor_berkas(op, _pd(), path, coba=False, dasar=coba.dasar)
    assert nyata.disimpan, nyata.galat
    data = muat_data(_pd(), TAHUN, TW)
    assert {t.kode: t.solusi for t in data.teks_bidang}[
        "3.30"
    ] == "Sosialisasi ulang.\nPendampingan pedagang."
    assert {t.kode: t.faktor_penghambat for t in data.teks_program}["3.30.05"].startswith("Jadwal pameran")
    assert data.rekomendasi == "Percepat lelang."
    assert AuditEvent.objects.filter(
        objek="catatan_cakupan", pintu="impor", kolom="bidang 3.30: solusi", nama_pengguna=op.username
    ).exists()
    # Exported again, the same texts come out.
    ws = openpyxl.load_workbook(_templat(tmp_path))[NAMA_LEMBAR]
    assert ws.cell(_baris(ws, "Program", "3.30.05"), 5).value.startswith("Jadwal pameran")


def test_teks_berubah_sesudah_uji_coba_dibatalkan(tmp_path: Path) -> None:
    op = User.objects.get(username="operator-disperindag")
    path = _templat(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[NAMA_LEMBAR]
    r = _baris(ws, "Bidang", "3.31")
    ws.cell(r, 8).value = "Kendala dari berkas."
    wb.save(path)
    coba = impor_berkas(op, _pd(), path, coba=True)
    assert coba.berhasil, coba.galat
    services.simpan_catatan_cakupan(
        op, _pd(), TAHUN, TW, bidang="3.31", teks={"kendala": "Dari layar isian."}
    )
    nyata = impor_berkas(op, _pd(), path, coba=False, dasar=coba.dasar)
    assert not nyata.disimpan
    assert any(g.sel == f"'{NAMA_LEMBAR}'!H{r}" for g in nyata.galat), nyata.galat
    assert {t.kode: t.kendala for t in muat_data(_pd(), TAHUN, TW).teks_bidang}["3.31"] == "Dari layar isian."


def test_cakupan_tak_dikenal_galat_di_selnya(tmp_path: Path) -> None:
    op = User.objects.get(username="operator-disperindag")
    path = _templat(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[NAMA_LEMBAR]
    r = ws.max_row + 1
    ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 8).value = "Program", "9.99.01", "x"
    ws.cell(r + 1, 1).value, ws.cell(r + 1, 8).value = "Kegiatan", "y"
    wb.save(path)
    hasil = impor_berkas(op, _pd(), path, coba=True)
    galat = {g.sel: g.pesan for g in hasil.galat}
    assert "Program 9.99.01 tidak ada" in galat[f"'{NAMA_LEMBAR}'!B{r}"]
    assert "Cakupan harus" in galat[f"'{NAMA_LEMBAR}'!A{r + 1}"]
