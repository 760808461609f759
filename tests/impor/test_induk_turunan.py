"""A parent's Rupiah is derived from its children at the doors: the template marks and locks it, the importer
never writes it and gives a galat at a parent cell that contradicts its children (the children win)."""

from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command

from capaian.impor.impor import impor_berkas
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TAHUN = 2024
KEGIATAN = "3.30.01.2.01"  # Perencanaan, Penganggaran, dan Evaluasi Kinerja: three sub kegiatan
SUB = "3.30.01.2.01.0001"
# Template columns for TW II: G 5 Rp, I 6 Rp, K 7 Rp, M target TW I Rp, O TW I Rp, Q target TW II Rp,
# S TW II Rp.
TURUNAN = ("G", "K", "M", "O", "Q", "S")


def _ekspor(tmp_path: Path) -> Path:
    keluar = tmp_path / "templat.xlsx"
    call_command("templat", pd="disperindag", tahun=TAHUN, triwulan=2, keluar=str(keluar))
    return keluar


def _baris(ws: openpyxl.worksheet.worksheet.Worksheet, kode: str) -> int:
    return next(r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == kode)


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug="disperindag")


def _baris_data(kode: str):  # type: ignore[no-untyped-def]
    return next(b for b in muat_data(_pd(), TAHUN, 2).baris if b.kode == kode and not b.lanjutan)


def test_templat_rp_induk_dihitung_terkunci_dan_abu(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_ekspor(tmp_path))["E.81"]
    r, r_sub = _baris(ws, KEGIATAN), _baris(ws, SUB)
    for c in TURUNAN:
        assert ws[f"{c}{r}"].protection.locked, c
        assert ws[f"{c}{r}"].fill.fgColor.rgb.endswith("D9D9D9"), c
        assert not ws[f"{c}{r_sub}"].protection.locked, c  # the child's cell is an input
    assert not ws[f"I{r}"].protection.locked  # column 6 stays an input of the parent
    assert not ws[f"J{r}"].protection.locked and not ws[f"L{r}"].protection.locked  # its K cells too
    # The value shown is the children's sum: 14.424.800 + 30.188.400 + 40.000.000 and 7.921.000 + 2.936.400.
    assert (ws[f"G{r}"].value, ws[f"O{r}"].value) == (84_613_200, 10_857_400)
    assert "sel abu-abu" in ws["A3"].value


def test_anak_diubah_di_templat_induk_dihitung_ulang(tmp_path: Path) -> None:
    # The operator fills a child's TW II Rp offline; the parent's locked cell still shows the old sum. The
    # import saves the child, never writes the parent, and says the parent is recomputed.
    path = _ekspor(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    r, r_sub = _baris(ws, KEGIATAN), _baris(ws, SUB)
    assert ws[f"S{r}"].value is None  # no child has a TW II Rp yet
    ws[f"S{r_sub}"] = 5_000_000
    wb.save(path)
    hasil = impor_berkas(None, _pd(), path, coba=False)
    assert hasil.galat == [] and hasil.disimpan
    assert [p.sel for p in hasil.perubahan] == [f"'E.81'!S{r_sub}"]
    sub = Indikator.objects.get(perangkat_daerah__slug="disperindag", subkegiatan__kode=SUB)
    assert Realisasi.objects.get(indikator=sub, triwulan=2).rp == 5_000_000
    kegiatan = Indikator.objects.get(perangkat_daerah__slug="disperindag", kegiatan__kode=KEGIATAN)
    assert not Realisasi.objects.filter(indikator=kegiatan, triwulan=2).exclude(rp=None).exists()
    # The kegiatan and its program report the new sum.
    assert _baris_data(KEGIATAN).realisasi_tw[1].rp == 5_000_000
    assert _baris_data("3.30.01").realisasi_tw[1].rp == 5_000_000 + 2_895_605_814
    # The program's cell still shows its old sum: recomputed, a peringatan, not a galat. (The kegiatan's cell
    # was blank, which states nothing.)
    assert [c.sel for c in hasil.peringatan if "dihitung ulang" in c.pesan] == [
        f"'E.81'!S{_baris(ws, '3.30.01')}"
    ]


def test_induk_yang_bertentangan_dengan_anaknya_galat_di_selnya(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    r = _baris(ws, KEGIATAN)
    ws[f"K{r}"] = 30_000_000  # its sub kegiatan add up to 29.913.800
    ws[f"I{r}"] = 1_000  # column 6 is the parent's own input: imported as typed
    wb.save(path)
    sebelum = TargetTahunan.objects.get(indikator__kegiatan__kode=KEGIATAN, tahun=TAHUN)
    hasil = impor_berkas(None, _pd(), path, coba=False)
    assert not hasil.disimpan
    assert [c.sel for c in hasil.galat] == [f"'E.81'!K{r}"]
    assert "29.913.800" in hasil.galat[0].pesan and "30.000.000" in hasil.galat[0].pesan
    assert "jumlah turunannya" in hasil.galat[0].pesan
    # The dry run lists the column 6 change and no change of the parent's budget.
    coba = impor_berkas(None, _pd(), path, coba=True)
    assert [p.sel for p in coba.perubahan] == [f"'E.81'!I{r}"]
    assert TargetTahunan.objects.get(pk=sebelum.pk).target_rp is None  # the derived budget is never stored


def test_induk_sama_dengan_jumlah_anak_diterima_tanpa_disimpan(tmp_path: Path) -> None:
    # A hand-made sheet (like the reference report) types the parent's sums: accepted, and not stored.
    path = _ekspor(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    r, r_sub = _baris(ws, KEGIATAN), _baris(ws, SUB)
    ws[f"K{r_sub}"] = 11_987_100 + 100
    ws[f"K{r}"] = 29_913_800 + 100
    ws[f"K{_baris(ws, '3.30.01')}"] = 9_090_736_328 + 100
    wb.save(path)
    hasil = impor_berkas(None, _pd(), path, coba=False)
    assert hasil.galat == [] and hasil.disimpan
    assert not [c for c in hasil.peringatan if "turunannya" in c.pesan]
    assert [p.sel for p in hasil.perubahan] == [f"'E.81'!K{r_sub}"]
    assert _baris_data(KEGIATAN).target.rp == 29_913_900
    assert _baris_data("3.30.01").target.rp == 9_090_736_428
