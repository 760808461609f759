"""`capaian templat`: the entry workbook, its round trip through `capaian impor`, and `periksa` on it."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command

from capaian.aturan.periksa import GALAT, periksa
from capaian.audit.models import AuditEvent
from capaian.impor.baca import baca_e81, baca_e81_kepala
from capaian.impor.impor import ALASAN, impor_berkas
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TAHUN = 2024


def _ekspor(tmp_path: Path, slug: str = "disperindag", triwulan: int = 2) -> Path:
    keluar = tmp_path / f"templat-{slug}.xlsx"
    call_command("templat", pd=slug, tahun=TAHUN, triwulan=triwulan, keluar=str(keluar))
    return keluar


def _baris(path: Path, kode: str) -> int:
    ws = openpyxl.load_workbook(path)["E.81"]
    for r in range(9, ws.max_row + 1):
        if ws.cell(r, 2).value == kode:
            return r
    raise AssertionError(kode)


def test_templat_dibaca_kembali(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    lembar, kepala = baca_e81_kepala(path)
    assert (kepala.tahun, kepala.triwulan) == (2024, 2)
    assert (lembar.nama, lembar.triwulan, lembar.ada_target_tw) == ("E.81", 2, True)
    data = [b for b in lembar.baris if b.jenis == "data"]
    assert len(data) == Indikator.objects.filter(perangkat_daerah__slug="disperindag").count() == 57
    assert [b.jenis for b in lembar.baris[-3:]] == ["jumlah", "rata-rata", "predikat"]
    # Columns 12-15 are present (computed by the engine) so that the checker has something to verify.
    assert all("13K" in b.sel and "15Rp" in b.sel for b in data)


def test_templat_sel_isian_terbuka_lainnya_terkunci(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    ws = openpyxl.load_workbook(path)["E.81"]
    r = _baris(path, "3.30.01.2.01.0001")
    assert ws.protection.sheet
    assert not ws[f"R{r}"].protection.locked and not ws[f"S{r}"].protection.locked  # realisasi TW II
    assert not ws[f"J{r}"].protection.locked  # target 2024 K
    assert ws[f"D{r}"].protection.locked and ws[f"B{r}"].protection.locked  # identity
    assert ws[f"T{r}"].protection.locked and ws[f"V{r}"].protection.locked  # columns 12, 13


def test_periksa_pada_templat_tanpa_galat_hitungan(tmp_path: Path) -> None:
    # The synthetic agency's data is consistent: not a single galat.
    contoh = periksa(baca_e81(_ekspor(tmp_path, "dinas-contoh")))
    assert [t for t in contoh if t.tingkat == GALAT] == []
    # The reference data's real contradictions of its own inputs (row 35: the quarterly Rp targets add up to
    # more than the year's budget; row 31 and row 55's continuation: a counted indicator's quarterly K target
    # above the year's) are the only galat; nothing the engine computed (columns 12-15, totals) is one.
    temuan = periksa(baca_e81(_ekspor(tmp_path)))
    galat = [t for t in temuan if t.tingkat == GALAT]
    assert {(t.no, t.jenis) for t in galat} == {
        (35, "tw-melebihi-target"),
        (31, "tw-melebihi-target"),
        (None, "tw-melebihi-target"),
    }
    assert all(t.kolom in ("8", "9") for t in galat)


def test_periksa_cli_pada_templat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("periksa", str(_ekspor(tmp_path, "dinas-contoh")))
    assert "0 galat" in capsys.readouterr().out


def _hitung() -> tuple[int, int, int]:
    return Realisasi.objects.count(), Indikator.objects.count(), AuditEvent.objects.count()


def test_templat_tanpa_perubahan_tidak_mengubah_apa_pun(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    sebelum = _hitung()
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    hasil = impor_berkas(None, pd, path, coba=False)
    assert hasil.galat == [] and hasil.perubahan == []
    assert _hitung() == sebelum


def test_pulang_pergi_realisasi(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    r_sub = _baris(path, "3.30.01.2.01.0001")
    r_prog = _baris(path, "3.30.02.2.06")  # a kegiatan whose K is entered directly
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    ws[f"R{r_sub}"] = 3  # realisasi TW II K
    ws[f"S{r_sub}"] = "1.151.384.000"  # Indonesian text
    ws[f"R{r_prog}"] = "87,5"
    wb.save(path)
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    audit_sebelum = AuditEvent.objects.count()

    coba = impor_berkas(None, pd, path, coba=True)
    assert coba.galat == [] and not coba.disimpan
    assert len(coba.perubahan) == 3
    assert f"di 'E.81'!S{r_sub}" in coba.perubahan[1].pesan and "-> 1.151.384.000" in coba.perubahan[1].pesan
    assert AuditEvent.objects.count() == audit_sebelum

    hasil = impor_berkas(None, pd, path, coba=False)
    assert hasil.galat == [] and hasil.disimpan
    assert {p.sel for p in hasil.perubahan} == {
        f"'E.81'!R{r_sub}",
        f"'E.81'!S{r_sub}",
        f"'E.81'!R{r_prog}",
    }
    sub = Indikator.objects.get(perangkat_daerah=pd, subkegiatan__kode="3.30.01.2.01.0001")
    real = Realisasi.objects.get(indikator=sub, tahun=TAHUN, triwulan=2)
    assert (real.k, real.rp) == (3, 1_151_384_000)
    prog = Indikator.objects.get(perangkat_daerah=pd, kegiatan__kode="3.30.02.2.06")
    assert Realisasi.objects.get(indikator=prog, tahun=TAHUN, triwulan=2).k == Decimal("87.5")
    baru = AuditEvent.objects.filter(pk__gt=0).order_by("-id")[:3]
    assert {(e.objek, e.kolom, e.baru, e.nama_pengguna, e.alasan) for e in baru} == {
        ("realisasi", "k", "3", "sistem", ALASAN),
        ("realisasi", "rp", "1151384000", "sistem", ALASAN),
        ("realisasi", "k", "87.5", "sistem", ALASAN),
    }
    # Importing the same file again changes nothing.
    jumlah = AuditEvent.objects.count()
    lagi = impor_berkas(None, pd, path, coba=False)
    assert lagi.perubahan == [] and AuditEvent.objects.count() == jumlah


def test_k_berumus_tidak_ditimpa(tmp_path: Path) -> None:
    # Program 3.30.02 takes its K from its Kertas Kerja formula: the cell is locked and not imported.
    path = _ekspor(tmp_path)
    r = _baris(path, "3.30.02")
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    assert ws[f"R{r}"].protection.locked
    ws[f"R{r}"] = 50
    wb.save(path)
    sebelum = _hitung()
    hasil = impor_berkas(None, PerangkatDaerah.objects.get(slug="disperindag"), path, coba=False)
    assert not hasil.disimpan
    assert [c.sel for c in hasil.galat] == [f"'E.81'!R{r}"]
    assert "dihitung dari rumus Kertas Kerja" in hasil.galat[0].pesan
    assert _hitung() == sebelum


def test_serial_dua_dan_empat_digit_sama(tmp_path: Path) -> None:
    path = _ekspor(tmp_path)
    r = _baris(path, "3.30.05.2.01.05")  # stored with the 2021 2-digit serial
    wb = openpyxl.load_workbook(path)
    wb["E.81"][f"B{r}"] = "3.30.05.2.01.0005"
    wb.save(path)
    hasil = impor_berkas(None, PerangkatDaerah.objects.get(slug="disperindag"), path, coba=True)
    assert hasil.galat == [] and hasil.perubahan == []
