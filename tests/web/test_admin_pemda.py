"""The admin of one pemda sees and edits only that pemda's master data: lists, object pages and the choices
of every foreign key (capaian.organisasi.akses.saring_pemda). Every registered model is scoped."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.organisasi import akses
from capaian.organisasi.models import Pemda, Peran, PerangkatDaerah, Profil
from capaian.perencanaan.models import Indikator, Program
from capaian.web.admin import situs_admin
from tests.conftest import PD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


@pytest.fixture
def admin_lain() -> Client:
    pemda = Pemda.objects.create(nama="Kabupaten Lain", slug="kab-lain", tempat="Lain")
    PerangkatDaerah.objects.create(pemda=pemda, nama="Dinas Lain", slug="dinas-lain")
    pengguna = User.objects.create_user("admin-lain", password="x")
    Profil.objects.create(pengguna=pengguna, pemda=pemda, peran=Peran.ADMIN)
    klien = Client()
    klien.force_login(pengguna)
    return klien


def test_setiap_model_terdaftar_punya_jalur_pemda():
    tanpa = [m._meta.label_lower for m in situs_admin._registry if akses.jalur_pemda(m) is None]
    assert tanpa == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/organisasi/perangkatdaerah/",
        "/admin/auth/user/",
        "/admin/perencanaan/program/",
        "/admin/perencanaan/indikator/",
        "/admin/organisasi/profil/",
    ],
)
def test_daftar_hanya_pemda_sendiri(admin_lain, url):
    isi = admin_lain.get(url).content.decode()
    assert "Perindustrian" not in isi and "operator-disperindag" not in isi and "Pasuruan" not in isi


def test_halaman_objek_pemda_lain_tertutup(admin_lain):
    pd = PerangkatDaerah.objects.get(slug=PD)
    program = Program.objects.filter(perangkat_daerah=pd).first()
    indikator = Indikator.objects.filter(perangkat_daerah=pd).first()
    operator = User.objects.get(username="operator-disperindag")
    for url in (
        f"/admin/organisasi/perangkatdaerah/{pd.pk}/change/",
        f"/admin/perencanaan/program/{program.pk}/change/",
        f"/admin/perencanaan/indikator/{indikator.pk}/change/",
        f"/admin/auth/user/{operator.pk}/change/",
    ):
        r = admin_lain.get(url)
        # Django's admin answers an object outside the queryset with a redirect to the index and a message.
        assert r.status_code == 302 and "Perindustrian" not in admin_lain.get(r["Location"]).content.decode()
    r = admin_lain.post(f"/admin/organisasi/perangkatdaerah/{pd.pk}/change/", {"nama": "Diambil alih"})
    assert r.status_code == 302
    assert PerangkatDaerah.objects.get(slug=PD).nama != "Diambil alih"


def test_pilihan_kunci_asing_hanya_pemda_sendiri(admin_lain, klien_admin):
    isi = admin_lain.get("/admin/perencanaan/program/add/").content.decode()
    assert "Dinas Lain" in isi and "Perindustrian" not in isi
    sendiri = klien_admin.get("/admin/perencanaan/program/add/").content.decode()
    assert "Perindustrian" in sendiri and "Dinas Lain" not in sendiri
