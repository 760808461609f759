"""The pemda's RPJMD: the demo's example RPJMD and links, the services' permission and audit, the workbook
import (dry run, all or nothing, the cell named), the admin's pages."""

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import Pemda, Peran, Profil
from capaian.perencanaan.models import Program
from capaian.rpjmd import services
from capaian.rpjmd.impor import impor_rpjmd
from capaian.rpjmd.models import (
    IndikatorSasaranRPJMD,
    PeriodeRPJMD,
    SasaranRPJMD,
    TargetSasaranRPJMD,
    TautanProgram,
)
from capaian.rpjmd.templat import templat_rpjmd
from tests.conftest import PD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]


def _pemda() -> Pemda:
    return Pemda.objects.get(slug="kota-pasuruan")


def _rpjmd() -> PeriodeRPJMD:
    return PeriodeRPJMD.objects.get(pemda=_pemda())


def test_demo_memuat_rpjmd_contoh_dan_menautkan_setiap_program():
    rpjmd = _rpjmd()
    assert "(contoh)" in rpjmd.nama
    for s in SasaranRPJMD.objects.filter(tujuan__rpjmd=rpjmd):
        assert "(contoh)" in s.uraian and "(contoh)" in s.tujuan.uraian
    tautan = {
        t.program.kode: t.sasaran.kode
        for t in TautanProgram.objects.filter(program__perangkat_daerah__slug=PD)
    }
    assert tautan == {
        "3.30.01": "4.1", "3.30.02": "2.1", "3.30.03": "2.1", "3.30.04": "2.1", "3.30.05": "2.1",
        "3.30.06": "2.1", "3.31.02": "2.1",
    }  # fmt: skip
    assert TautanProgram.objects.count() == Program.objects.count()


def test_layanan_hanya_admin_pemda_dan_diaudit(pengguna_demo):
    rpjmd = _rpjmd()
    for nama in ("verifikator", "operator-disperindag", "pimpinan"):
        with pytest.raises(AksesDitolak):
            services.buat_tujuan(pengguna_demo(nama), rpjmd, "9", "Tujuan uji")
    tujuan = services.buat_tujuan(pengguna_demo("admin"), rpjmd, "9", "Tujuan uji")
    e = AuditEvent.objects.get(objek="tujuan_rpjmd", objek_id=tujuan.pk)
    assert (e.aksi, e.nama_pengguna, e.baru) == ("buat", "admin", "9 Tujuan uji")
    sasaran = services.buat_sasaran(pengguna_demo("admin"), tujuan, "9.1", "Sasaran uji")
    program = Program.objects.get(perangkat_daerah__slug=PD, kode="3.30.02")
    services.tautkan_program(pengguna_demo("admin"), program, sasaran)
    e = AuditEvent.objects.filter(objek="tautan_program").latest("id")
    assert (e.lama, e.baru, e.perangkat_daerah.slug) == ("2.1", "9.1", PD)
    lain = Pemda.objects.create(nama="Kab Lain", slug="kab-lain", tempat="Lain")
    admin_lain = User.objects.create_user("admin-lain")
    Profil.objects.create(pengguna=admin_lain, pemda=lain, peran=Peran.ADMIN)
    with pytest.raises(AksesDitolak):
        services.tautkan_program(admin_lain, program, sasaran)


def _buku(tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    jalur = tmp_path / "rpjmd.xlsx"
    jalur.write_bytes(templat_rpjmd(_pemda(), _rpjmd()))
    return jalur, openpyxl.load_workbook(jalur)


def test_templat_dan_impor_bolak_balik_tanpa_perubahan(tmp_path: Path):
    jalur, _ = _buku(tmp_path)
    hasil = impor_rpjmd(None, _pemda(), jalur, coba=False)
    assert hasil.galat == [] and hasil.perubahan == []


def test_impor_uji_coba_tidak_menyimpan_lalu_impor_menyimpan(tmp_path: Path):
    jalur, wb = _buku(tmp_path)
    ws = wb["Sasaran"]
    judul = [c.value for c in ws[1]]
    kolom_2025 = judul.index("Target 2025") + 1
    baris_ind = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value == "Indeks Pendidikan (contoh)"
    )
    ws.cell(baris_ind, kolom_2025).value = 0.735
    ws.append(["sasaran", "1.4", "Meningkatnya partisipasi pemuda (contoh)"])
    ws.append(["indikator", None, "Indeks Pembangunan Pemuda (contoh)", "Indeks", 50, 56, None, None, 53])
    wb["Program"].append([PD, "3.30.05", "1.4"])
    wb.save(jalur)
    sebelum = AuditEvent.objects.count()
    coba = impor_rpjmd(None, _pemda(), jalur, coba=True)
    assert coba.galat == [] and len(coba.perubahan) == 5, coba.perubahan
    assert AuditEvent.objects.count() == sebelum and not SasaranRPJMD.objects.filter(kode="1.4").exists()
    hasil = impor_rpjmd(None, _pemda(), jalur, coba=False)
    assert hasil.perubahan == coba.perubahan
    ind = IndikatorSasaranRPJMD.objects.get(uraian="Indeks Pendidikan (contoh)")
    assert TargetSasaranRPJMD.objects.get(indikator=ind, tahun=2025).target_k == Decimal("0.735")
    assert (
        TautanProgram.objects.get(program__perangkat_daerah__slug=PD, program__kode="3.30.05").sasaran.kode
        == "1.4"
    )
    assert AuditEvent.objects.count() > sebelum


def test_impor_dengan_galat_tidak_menyimpan_apa_pun_dan_menyebut_sel(tmp_path: Path):
    jalur, wb = _buku(tmp_path)
    ws = wb["Sasaran"]
    ws.append(["sasaran", "1.9", "Sasaran baru yang tidak boleh tersimpan"])
    ws.append(["indikator", None, "Indikator dengan target salah", "%", "abc"])
    wb["Program"].append(["tidak-ada", "9.99.99", "1.1"])
    wb.save(jalur)
    sebelum = AuditEvent.objects.count()
    hasil = impor_rpjmd(None, _pemda(), jalur, coba=False)
    assert not hasil.tersimpan
    assert any(g.startswith("'Sasaran'!E") and "abc" in g for g in hasil.galat), hasil.galat
    assert any(g.startswith("'Program'!B") for g in hasil.galat), hasil.galat
    assert not SasaranRPJMD.objects.filter(kode="1.9").exists() and AuditEvent.objects.count() == sebelum


def test_impor_berkas_bukan_buku_kerja(tmp_path: Path):
    jalur = tmp_path / "x.xlsx"
    jalur.write_text("bukan excel")
    hasil = impor_rpjmd(None, _pemda(), jalur, coba=True)
    assert hasil.galat and "bukan buku kerja Excel" in hasil.galat[0]


def test_perintah_impor_rpjmd(tmp_path: Path):
    jalur = tmp_path / "rpjmd.xlsx"
    call_command("templat-rpjmd", pemda="kota-pasuruan", keluar=str(jalur), stdout=io.StringIO())
    keluar = io.StringIO()
    call_command("impor-rpjmd", str(jalur), pemda="kota-pasuruan", coba=True, stdout=keluar)
    assert "Perubahan (akan berubah): 0" in keluar.getvalue()
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("impor-rpjmd", str(jalur), pemda="tidak-ada")


def test_halaman_impor_rpjmd_hanya_admin(klien_sebagai: Klien, tmp_path: Path):
    for persona in ("verifikator", "operator-disperindag", "pimpinan"):
        assert klien_sebagai(persona).get("/rpjmd/impor/").status_code == 403
    admin = klien_sebagai("admin")
    assert admin.get("/rpjmd/impor/").status_code == 200
    r = admin.get("/rpjmd/impor/templat.xlsx")
    assert r.status_code == 200
    berkas = SimpleUploadedFile("rpjmd.xlsx", r.content)
    r = admin.post("/rpjmd/impor/", {"berkas": berkas, "coba": "1"})
    assert r.status_code == 200 and "Uji coba: 0 perubahan" in r.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/rpjmd/perioderpjmd/",
        "/admin/rpjmd/sasaranrpjmd/",
        "/admin/rpjmd/tautanprogram/",
        "/admin/kota/penandatangankota/",
    ],
)
def test_admin_rpjmd_terbuka_bagi_admin_saja(klien_sebagai: Klien, url: str):
    assert klien_sebagai("admin").get(url).status_code == 200
    assert klien_sebagai("verifikator").get(url).status_code in (302, 403)
