"""`capaian impor` and impor_berkas: matching, creation, dry run, all-or-nothing, bad files, permissions."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from capaian.audit.models import AuditEvent
from capaian.impor.impor import impor_berkas
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import Peran, PerangkatDaerah, Profil
from capaian.perencanaan.models import (
    Indikator,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
    Tujuan,
)
from tests.impor.buku import buat_benar, buat_referensi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _hitung() -> tuple[int, ...]:
    return (
        Realisasi.objects.count(),
        Indikator.objects.count(),
        AuditEvent.objects.count(),
        TargetTahunan.objects.count(),
        TargetTriwulan.objects.count(),
        Program.objects.count(),
    )


@pytest.fixture
def pd_baru() -> PerangkatDaerah:
    contoh = PerangkatDaerah.objects.get(slug="dinas-contoh")
    pd = PerangkatDaerah.objects.create(pemda=contoh.pemda, nama="Dinas Baru", slug="dinas-baru")
    PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2021, tahun_akhir=2026)
    # The command runs as a named user (--oleh): the new agency's own operator.
    operator = get_user_model().objects.create_user("operator-baru", password="x")
    Profil.objects.create(pengguna=operator, pemda=pd.pemda, peran=Peran.OPERATOR, perangkat_daerah=pd)
    return pd


def _impor(*args: str, **opsi: object) -> str:
    keluar = StringIO()
    opsi.setdefault("oleh", "operator-baru")
    call_command("impor", *args, stdout=keluar, stderr=StringIO(), **opsi)
    return keluar.getvalue()


# --- the command line -----------------------------------------------------------------------------------


def test_pd_wajib(tmp_path: Path) -> None:
    path = tmp_path / "benar.xlsx"
    buat_benar(path)
    with pytest.raises(CommandError, match="Perangkat daerah tujuan wajib disebut: --pd"):
        _impor(str(path))
    with pytest.raises(CommandError, match="'tidak-ada' tidak ada"):
        _impor(str(path), pd="tidak-ada")


def test_oleh_wajib_dan_tercatat(tmp_path: Path, pd_baru: PerangkatDaerah) -> None:
    path = tmp_path / "benar.xlsx"
    buat_benar(path)
    with pytest.raises(CommandError, match="--oleh USERNAME"):
        _impor(str(path), pd="dinas-baru", triwulan=2, oleh="")
    with pytest.raises(CommandError, match="'siapa' tidak ada"):
        _impor(str(path), pd="dinas-baru", triwulan=2, oleh="siapa")
    sebelum = AuditEvent.objects.count()
    _impor(str(path), pd="dinas-baru", triwulan=2)
    jejak = AuditEvent.objects.filter(pk__gt=0).order_by("id")[sebelum:]
    assert jejak and {(e.nama_pengguna, e.pintu) for e in jejak} == {("operator-baru", "impor")}


def test_triwulan_wajib_bila_judul_diam(tmp_path: Path, pd_baru: PerangkatDaerah) -> None:
    # The reference layout names the year ("PERIODE PELAKSANAAN TAHUN 2024") but not the quarter.
    path = tmp_path / "referensi.xlsx"
    buat_referensi(path)
    sebelum = _hitung()
    with pytest.raises(CommandError, match="1 galat"):
        _impor(str(path), pd="dinas-baru")
    hasil = impor_berkas(None, pd_baru, path, coba=True)
    assert any("--triwulan" in c.pesan for c in hasil.galat)
    assert _hitung() == sebelum


def test_impor_referensi_ke_pd_kosong(tmp_path: Path, pd_baru: PerangkatDaerah) -> None:
    path = tmp_path / "referensi.xlsx"
    posisi = buat_referensi(path)
    sebelum = _hitung()
    keluar = _impor(str(path), pd="dinas-baru", triwulan=2, coba=True)
    assert "Buat program 3.30.01 Program Penunjang" in keluar
    assert f"Ubah target 2024 K kosong -> 98 di 'E.81'!J{posisi['6']}" in keluar
    assert "Uji coba: tidak ada yang disimpan" in keluar
    assert _hitung() == sebelum  # the dry run changed nothing

    keluar = _impor(str(path), pd="dinas-baru", triwulan=2)
    assert "Tersimpan" in keluar
    indikator = list(Indikator.objects.filter(perangkat_daerah=pd_baru).order_by("urutan"))
    assert len(indikator) == 57 and [i.urutan for i in indikator] == list(range(1, 58))
    assert [i.tingkat for i in indikator[:6]] == ["sasaran"] * 4 + ["tujuan", "program"]
    assert Sasaran.objects.filter(tujuan__renstra__perangkat_daerah=pd_baru).count() == 3
    assert Tujuan.objects.filter(renstra__perangkat_daerah=pd_baru).count() == 1
    # Row 55b continues sub kegiatan 55; the 2-digit serial is stored in its 4-digit form.
    assert indikator[55].subkegiatan == indikator[54].subkegiatan
    assert SubKegiatan.objects.filter(
        kegiatan__program__perangkat_daerah=pd_baru, kode="3.30.05.2.01.0005"
    ).exists()
    b40 = indikator[39]
    assert b40.program is not None and b40.program.kode == "3.30.04"
    assert Realisasi.objects.get(indikator=b40, triwulan=2).k == Decimal(
        "20.69"
    )  # TW II as typed; 19,875 is the year
    assert TargetTriwulan.objects.filter(indikator__perangkat_daerah=pd_baru, triwulan=2).exists()
    assert AuditEvent.objects.filter(perangkat_daerah=pd_baru, aksi="buat", objek="indikator").count() == 57
    # A second import of the same file changes nothing.
    jumlah = _hitung()
    assert "Tidak ada yang berubah" in _impor(str(path), pd="dinas-baru", triwulan=2)
    assert _hitung() == jumlah


def test_baris_baru_disisipkan_menurut_urutan_lembar(tmp_path: Path) -> None:
    keluar = tmp_path / "t.xlsx"
    call_command("templat", pd="disperindag", tahun=2024, triwulan=2, keluar=str(keluar), stdout=StringIO())
    wb = openpyxl.load_workbook(keluar)
    ws = wb["E.81"]
    r = next(r for r in range(9, ws.max_row) if ws.cell(r, 2).value == "3.30.01.2.01.0001")
    # openpyxl does not move merged ranges when inserting rows: unmerge the closing rows first.
    for rentang in [m for m in ws.merged_cells.ranges if m.min_row >= 9]:
        ws.unmerge_cells(str(rentang))
    ws.insert_rows(r + 1)
    ws.cell(r + 1, 2, "3.30.01.2.01.0002")
    ws.cell(r + 1, 3, "Koordinasi dan Penyusunan Dokumen RKA-SKPD")
    ws.cell(r + 1, 4, "Jumlah dokumen RKA-SKPD")
    ws.cell(r + 1, 5, "Dokumen")
    ws.cell(r + 1, 10, 2)
    ws.cell(r + 1, 19, 1_000_000)  # realisasi TW II Rp
    wb.save(keluar)
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    hasil = impor_berkas(None, pd, keluar, coba=False)
    assert hasil.galat == [], hasil.galat
    baru = Indikator.objects.get(perangkat_daerah=pd, subkegiatan__kode="3.30.01.2.01.0002")
    assert baru.urutan == 9 and baru.satuan == "Dokumen"
    assert Realisasi.objects.get(indikator=baru, tahun=2024, triwulan=2).rp == 1_000_000
    urutan = list(
        Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan").values_list("urutan", flat=True)
    )
    assert urutan == list(range(1, 59))
    assert any(p.jenis == "urutan" for p in hasil.perubahan)


# --- bad files ------------------------------------------------------------------------------------------


def _buruk(tmp_path: Path, jenis: str) -> Path:
    path = tmp_path / f"{jenis}.xlsx"
    if jenis == "zip-rusak":
        buat_benar(path)
        path.write_bytes(path.read_bytes()[:700])
    elif jenis == "kosong":
        openpyxl.Workbook().save(path)
    elif jenis == "lembar-salah":
        wb = openpyxl.Workbook()
        wb.active.title = "Rekap"
        wb.active["A1"] = "Daftar hadir"
        wb.active["A2"] = "Nama"
        wb.save(path)
    elif jenis == "csv":
        path.write_text("no,kode,indikator\n1,3.30.01,Persentase\n", encoding="utf-8")
    elif jenis in ("teks", "formula"):
        buat_benar(path)
        wb = openpyxl.load_workbook(path)
        ws = wb["E.81"]
        if jenis == "teks":
            ws["R9"] = "abc"
        else:
            ws["J10"] = "=1+1"
        ws["A2"] = "TRIWULAN II TAHUN 2024"
        wb.save(path)
    return path


@pytest.mark.parametrize(
    ("jenis", "pesan"),
    [
        ("zip-rusak", "rusak atau bukan buku kerja .xlsx"),
        ("kosong", "Buku kerja kosong"),
        ("lembar-salah", "Tidak ada lembar Form E.81"),
        ("csv", "bukan buku kerja Excel"),
        ("teks", "'E.81'!R9: 'abc' bukan angka"),
        ("formula", "'E.81'!J10: Formula tanpa nilai tersimpan"),
    ],
)
def test_berkas_buruk(tmp_path: Path, jenis: str, pesan: str) -> None:
    path = _buruk(tmp_path, jenis)
    sebelum = _hitung()
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    hasil = impor_berkas(None, pd, path, coba=False)
    assert not hasil.disimpan
    assert any(pesan in str(c) for c in hasil.galat), hasil.galat
    err = StringIO()
    with pytest.raises(CommandError, match="tidak ada yang disimpan"):
        call_command(
            "impor", str(path), pd="disperindag", oleh="operator-disperindag", stdout=StringIO(), stderr=err
        )
    assert pesan.split(": ")[-1] in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert _hitung() == sebelum


def test_satu_galat_membatalkan_semua(tmp_path: Path) -> None:
    keluar = tmp_path / "t.xlsx"
    call_command("templat", pd="disperindag", tahun=2024, triwulan=2, keluar=str(keluar), stdout=StringIO())
    wb = openpyxl.load_workbook(keluar)
    ws = wb["E.81"]
    ws["S16"] = 5_000  # a valid change
    ws["K17"] = "12,5"  # Rp with cents: an error
    wb.save(keluar)
    sebelum = _hitung()
    hasil = impor_berkas(None, PerangkatDaerah.objects.get(slug="disperindag"), keluar, coba=False)
    assert [c.sel for c in hasil.galat] == ["'E.81'!K17"] and "bukan rupiah bulat" in hasil.galat[0].pesan
    assert any(p.sel == "'E.81'!S16" for p in hasil.perubahan)  # reported, but rolled back
    assert not hasil.disimpan and _hitung() == sebelum


# --- users and quarter status -------------------------------------------------------------------------------


def _templat_diubah(tmp_path: Path) -> Path:
    keluar = tmp_path / "t.xlsx"
    call_command("templat", pd="disperindag", tahun=2024, triwulan=2, keluar=str(keluar), stdout=StringIO())
    wb = openpyxl.load_workbook(keluar)
    wb["E.81"]["S16"] = 7_000
    wb.save(keluar)
    return keluar


def test_operator_mengimpor_dengan_namanya(tmp_path: Path, pengguna_operator: User) -> None:
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    hasil = impor_berkas(pengguna_operator, pd, _templat_diubah(tmp_path), coba=False)
    assert hasil.disimpan
    e = AuditEvent.objects.filter(objek="realisasi").latest("id")
    assert (e.pengguna, e.baru) == (pengguna_operator, "7000")


@pytest.mark.parametrize("nama", ["pimpinan", "verifikator", "operator-contoh", "kepala-disperindag"])
def test_yang_tidak_berhak_ditolak(tmp_path: Path, pengguna_demo: object, nama: str) -> None:
    pengguna = User.objects.get(username=nama)
    sebelum = _hitung()
    with pytest.raises(AksesDitolak):
        impor_berkas(
            pengguna, PerangkatDaerah.objects.get(slug="disperindag"), _templat_diubah(tmp_path), False
        )
    assert _hitung() == sebelum


def test_admin_tidak_mengisi_realisasi(tmp_path: Path, pengguna_admin: User) -> None:
    # Realisations are the operator's (monev.services); an admin's file with a new realisation is refused.
    sebelum = _hitung()
    hasil = impor_berkas(
        pengguna_admin, PerangkatDaerah.objects.get(slug="disperindag"), _templat_diubah(tmp_path), False
    )
    assert not hasil.disimpan and hasil.galat
    assert _hitung() == sebelum


def test_triwulan_terkunci(tmp_path: Path) -> None:
    pd = PerangkatDaerah.objects.get(slug="disperindag")
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=2024, triwulan=2, defaults={"status": Status.TERKUNCI}
    )
    sebelum = _hitung()
    hasil = impor_berkas(None, pd, _templat_diubah(tmp_path), coba=False)
    assert [c.sel for c in hasil.galat] == ["'E.81'!S16"] and "Terkunci" in hasil.galat[0].pesan
    assert _hitung() == sebelum
