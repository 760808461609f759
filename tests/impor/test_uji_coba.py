"""Issue 9 item 5: the real import changes what its dry run showed or nothing (row versions recorded by the
dry run, named cells when a row changed since), and a blank cell leaves a stored value alone unless asked."""

from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from openpyxl.utils import get_column_letter

from capaian.audit.models import AuditEvent
from capaian.impor.impor import impor_berkas
from capaian.impor.templat import buat_templat, kolom_templat
from capaian.impor.uji_coba import DasarUjiCoba
from capaian.monev import services as monev
from capaian.monev.models import Realisasi
from capaian.organisasi.models import Peran, PerangkatDaerah, Profil
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, TargetTriwulan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TAHUN, TW = 2024, 2
SUB = "3.30.01.2.01.0001"
KOLOM = kolom_templat(TW)


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


@pytest.fixture
def budi(demo: None) -> User:
    """A second operator of the agency, who saves on the entry screen between dry run and import."""
    pengguna = User.objects.create_user("budi", password="x")
    pd = _pd()
    Profil.objects.create(pengguna=pengguna, pemda=pd.pemda, perangkat_daerah=pd, peran=Peran.OPERATOR)
    return pengguna


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug="disperindag")


def _ind(kode: str = SUB) -> Indikator:
    return Indikator.objects.get(perangkat_daerah__slug="disperindag", subkegiatan__kode=kode)


def _templat(tmp_path: Path) -> Path:
    path = tmp_path / "templat.xlsx"
    buat_templat(_pd(), TAHUN, TW, path)
    return path


def _sel(path: Path, kode: str, kunci: str) -> str:
    ws = openpyxl.load_workbook(path)["E.81"]
    baris = next(r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == kode)
    return f"{get_column_letter(KOLOM[kunci])}{baris}"


def _ubah(path: Path, sel: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    for alamat, nilai in sel.items():
        wb["E.81"][alamat] = nilai
    wb.save(path)


def _k(ind: Indikator) -> Decimal | None:
    return Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW).k


def test_impor_menolak_bila_baris_diubah_sesudah_uji_coba(
    tmp_path: Path, pengguna_operator: User, budi: User
) -> None:
    """The issue's case: the dry run shows "K 68 -> 69", budi saves 70 on the entry screen, the import
    refuses, names the cell, who and when, and saves nothing (also not the other, unconflicted change)."""
    pd, ind = _pd(), _ind()
    monev.simpan_realisasi(pengguna_operator, ind, TAHUN, TW, k=Decimal(68))
    path = _templat(tmp_path)
    sel_k = _sel(path, SUB, "9K")
    sel_target = _sel(path, SUB, "T9Rp")
    _ubah(path, {sel_k: 69, sel_target: 1_000})
    coba = impor_berkas(pengguna_operator, pd, path, True)
    assert coba.berhasil
    assert any("K 68 -> 69" in p.pesan and p.sel == f"'E.81'!{sel_k}" for p in coba.perubahan)
    assert f"'E.81'!{sel_k}" in {sel for sel, _ in coba.dasar.versi.values()}

    monev.simpan_realisasi(budi, ind, TAHUN, TW, k=Decimal(70), versi=None)
    target_lama = TargetTriwulan.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW).rp
    jejak = AuditEvent.objects.count()
    # The record travels as JSON (the web keeps it beside the upload, the command line under DATA_DIR).
    dasar = DasarUjiCoba.dari_json(coba.dasar.ke_json())
    hasil = impor_berkas(pengguna_operator, pd, path, False, dasar=dasar)
    assert not hasil.disimpan
    sel_galat = [c for c in hasil.galat if c.sel]
    assert [c.sel for c in sel_galat] == [f"'E.81'!{sel_k}"]
    assert sel_galat[0].pesan.startswith("diubah oleh budi pukul ")
    assert sel_galat[0].pesan.endswith(" sesudah uji coba")
    assert str(sel_galat[0]).startswith(f"'E.81'!{sel_k}: diubah oleh budi pukul ")
    assert any(c.sel is None and "1 sel telah diubah sesudah uji coba" in c.pesan for c in hasil.galat)
    assert _k(ind) == 70
    assert TargetTriwulan.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW).rp == target_lama
    assert AuditEvent.objects.count() == jejak

    # A new dry run sees 70 and the import then goes through.
    lagi = impor_berkas(pengguna_operator, pd, path, True)
    assert any("K 70 -> 69" in p.pesan for p in lagi.perubahan)
    hasil = impor_berkas(pengguna_operator, pd, path, False, dasar=lagi.dasar)
    assert hasil.disimpan and _k(ind) == 69


def test_target_diubah_admin_sesudah_uji_coba(tmp_path: Path, pengguna_admin: User) -> None:
    pd, ind = _pd(), _ind()
    path = _templat(tmp_path)
    sel = _sel(path, SUB, "T9Rp")
    _ubah(path, {sel: 1_000})
    coba = impor_berkas(None, pd, path, True)
    assert coba.berhasil and coba.perubahan
    rencana.simpan_target_triwulan(pengguna_admin, ind, TAHUN, TW, rp=2_000)
    hasil = impor_berkas(None, pd, path, False, dasar=coba.dasar)
    assert not hasil.disimpan
    assert [(c.sel, c.pesan.split(" pukul")[0]) for c in hasil.galat if c.sel] == [
        (f"'E.81'!{sel}", "diubah oleh admin")
    ]
    assert TargetTriwulan.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW).rp == 2_000


def test_baris_yang_tak_diubah_uji_coba_tidak_menghalangi(
    tmp_path: Path, pengguna_operator: User, budi: User
) -> None:
    """Only the rows the dry run would change count: budi's save elsewhere does not block the import."""
    pd = _pd()
    path = _templat(tmp_path)
    sel = _sel(path, SUB, "T9Rp")
    _ubah(path, {sel: 1_000})
    coba = impor_berkas(pengguna_operator, pd, path, True)
    lain = next(
        i for i in Indikator.objects.filter(perangkat_daerah=pd, subkegiatan__isnull=False) if i.kode != SUB
    )
    monev.simpan_realisasi(budi, lain, TAHUN, 3, k=Decimal(5))  # another quarter: not in the sheet
    hasil = impor_berkas(pengguna_operator, pd, path, False, dasar=coba.dasar)
    assert hasil.disimpan, hasil.galat
    assert TargetTriwulan.objects.get(indikator=_ind(), tahun=TAHUN, triwulan=TW).rp == 1_000


def test_perubahan_berbeda_dari_uji_coba_ditolak(tmp_path: Path, pengguna_operator: User) -> None:
    """A change that no version shows (here: a dry run record of another file) still refuses."""
    pd = _pd()
    path = _templat(tmp_path)
    coba = impor_berkas(pengguna_operator, pd, path, True)  # nothing would change
    _ubah(path, {_sel(path, SUB, "T9Rp"): 1_000})
    hasil = impor_berkas(pengguna_operator, pd, path, False, dasar=coba.dasar)
    assert not hasil.disimpan
    assert any("tidak sama dengan hasil uji coba" in c.pesan for c in hasil.galat)


def test_sel_kosong_membiarkan_nilai_kecuali_dikosongkan(tmp_path: Path, pengguna_operator: User) -> None:
    """An older template (blank where someone has entered a value since) leaves the value alone and says
    so; with kosongkan the blank clears it."""
    pd, ind = _pd(), _ind()
    path = _templat(tmp_path)
    sel_k = _sel(path, SUB, "9K")
    _ubah(path, {sel_k: None})  # a template made before the value was entered: its cell is blank
    monev.simpan_realisasi(pengguna_operator, ind, TAHUN, TW, k=Decimal(68))
    hasil = impor_berkas(pengguna_operator, pd, path, False)
    assert hasil.disimpan and not hasil.perubahan
    assert _k(ind) == 68
    (peringatan,) = [c for c in hasil.peringatan if "sel kosong" in c.pesan]
    assert f"'E.81'!{sel_k}" in peringatan.pesan and "--kosongkan" in peringatan.pesan

    coba = impor_berkas(pengguna_operator, pd, path, True, kosongkan=True)
    assert any(p.sel == f"'E.81'!{sel_k}" and "68 -> kosong" in p.pesan for p in coba.perubahan)
    # The real import must use the dry run's choice.
    tolak = impor_berkas(pengguna_operator, pd, path, False, dasar=coba.dasar)
    assert not tolak.disimpan and "pilihan mengosongkan" in tolak.galat[0].pesan
    hasil = impor_berkas(pengguna_operator, pd, path, False, kosongkan=True, dasar=coba.dasar)
    assert hasil.disimpan and _k(ind) is None


def _cli(*args: str, **opsi: object) -> tuple[str, str]:
    keluar, galat = StringIO(), StringIO()
    opsi.setdefault("oleh", "operator-disperindag")
    call_command("impor", *args, stdout=keluar, stderr=galat, **opsi)
    return keluar.getvalue(), galat.getvalue()


def test_cli_uji_coba_lalu_impor(tmp_path: Path, budi: User) -> None:
    ind = _ind()
    path = _templat(tmp_path)
    sel_k = _sel(path, SUB, "9K")
    _ubah(path, {sel_k: 69})
    keluar, _ = _cli(str(path), pd="disperindag", coba=True)
    assert f"-> 69 di 'E.81'!{sel_k}" in keluar
    monev.simpan_realisasi(budi, ind, TAHUN, TW, k=Decimal(70))
    galat = StringIO()
    with pytest.raises(CommandError, match="Impor dibatalkan"):
        call_command(
            "impor", str(path), pd="disperindag", oleh="operator-disperindag", stdout=StringIO(), stderr=galat
        )
    assert f"GALAT 'E.81'!{sel_k}: diubah oleh budi pukul" in galat.getvalue()
    assert _k(ind) == 70
    # After a fresh dry run the same file imports, and the record is used up.
    _cli(str(path), pd="disperindag", coba=True)
    keluar, _ = _cli(str(path), pd="disperindag")
    assert "Dibandingkan dengan uji coba" in keluar and "Tersimpan: 1 perubahan." in keluar
    assert _k(ind) == 69
    keluar, _ = _cli(str(path), pd="disperindag")
    assert "Dibandingkan dengan uji coba" not in keluar


def test_cli_kosongkan(tmp_path: Path, pengguna_operator: User) -> None:
    ind = _ind()
    path = _templat(tmp_path)
    _ubah(path, {_sel(path, SUB, "9K"): None})
    monev.simpan_realisasi(pengguna_operator, ind, TAHUN, TW, k=Decimal(68))
    keluar, _ = _cli(str(path), pd="disperindag")
    assert "Tidak ada yang berubah" in keluar and _k(ind) == 68
    keluar, _ = _cli(str(path), pd="disperindag", kosongkan=True)
    assert "68 -> kosong" in keluar and _k(ind) is None


def test_impor_yang_melengkapi_baris_menghapus_tanda_belum_ada_data(tmp_path: Path) -> None:
    """A row marked "belum ada data" that the sheet fills (K and Rp) loses its mark, said in the changes."""
    kode = "3.30.01.2.01.0006"  # the demo marks its TW II Rp "tidak dilaporkan dalam laporan rujukan"
    ind = _ind(kode)
    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW)
    assert r.belum_ada_data and r.k is not None and r.rp is None
    path = _templat(tmp_path)
    _ubah(path, {_sel(path, kode, "9Rp"): 1_000})
    hasil = impor_berkas(None, _pd(), path, False)
    assert hasil.disimpan, hasil.galat
    assert any(p.pesan.startswith("Hapus tanda belum ada data TW II 2024") for p in hasil.perubahan)
    r.refresh_from_db()
    assert (r.rp, r.belum_ada_data) == (1_000, "")
