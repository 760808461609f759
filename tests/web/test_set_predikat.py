"""A pemda's own predicate scale, kept by the admin, validated by the rules core and used by the reports."""

import pytest

from capaian.audit.models import AuditEvent
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import Pemda, PerangkatDaerah, SetPredikatPemda

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TIGA = {
    "kode": "tiga-tingkat",
    "nama": "Skala tiga tingkat",
    "aturan": "bawah-inklusif",
    "ambang": "60; 80",
    "label": "Kurang\nCukup\nBaik",
}


def _buat(klien, **ubah: str):
    isian = {**TIGA, "pemda": str(Pemda.objects.get().pk), **ubah}
    return klien.post("/admin/organisasi/setpredikatpemda/add/", isian)


def test_admin_adds_a_three_level_scale_and_reports_use_it(klien_sebagai) -> None:
    admin = klien_sebagai("admin")
    assert _buat(admin).status_code == 302
    skala = SetPredikatPemda.objects.get(kode="tiga-tingkat")
    assert skala.ke_aturan().label == ("Kurang", "Cukup", "Baik")
    assert AuditEvent.objects.filter(objek="setpredikatpemda", objek_id=skala.pk, aksi="buat").exists()

    pemda = Pemda.objects.get()
    r = admin.post(
        f"/admin/organisasi/pemda/{pemda.pk}/change/",
        {"nama": pemda.nama, "slug": pemda.slug, "provinsi": pemda.provinsi, "tempat": pemda.tempat,
         "nama_bappeda": pemda.nama_bappeda, "set_predikat": "tiga-tingkat"},
    )  # fmt: skip
    assert r.status_code == 302
    laporan = bangun_e81(muat_data(PerangkatDaerah.objects.get(slug="disperindag"), 2024, 2))
    # 41,33 % Rp: below 60 on the pemda's own scale.
    assert laporan.rekap.predikat[1] == "Kurang"
    assert laporan.data.set_predikat.kode == "tiga-tingkat"


def test_editing_a_scale_makes_a_new_version(klien_sebagai) -> None:
    admin = klien_sebagai("admin")
    _buat(admin)
    skala = SetPredikatPemda.objects.get(kode="tiga-tingkat")
    isian = {**TIGA, "ambang": "65; 85", "pemda": str(skala.pemda_id)}
    assert admin.post(f"/admin/organisasi/setpredikatpemda/{skala.pk}/change/", isian).status_code == 302
    skala.refresh_from_db()
    assert (skala.versi, skala.ke_aturan().versi) == (2, 2)


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"ambang": "80; 60"}, "naik"),
        ({"ambang": "60"}, "satu lebih banyak"),
        ({"ambang": "60; delapan puluh"}, "bukan angka"),
        ({"kode": "permendagri86-atas-inklusif"}, "bawaan"),
    ],
)
def test_an_invalid_scale_is_refused_with_a_message_at_the_field(klien_sebagai, ubah, pesan) -> None:
    jawab = _buat(klien_sebagai("admin"), **ubah)
    assert jawab.status_code == 200
    assert pesan in jawab.content.decode()
    assert not SetPredikatPemda.objects.exists()


def test_pemda_cannot_name_a_scale_that_does_not_exist(klien_sebagai) -> None:
    pemda = Pemda.objects.get()
    jawab = klien_sebagai("admin").post(
        f"/admin/organisasi/pemda/{pemda.pk}/change/",
        {"nama": pemda.nama, "slug": pemda.slug, "provinsi": pemda.provinsi, "tempat": pemda.tempat,
         "nama_bappeda": pemda.nama_bappeda, "set_predikat": "tidak-ada"},
    )  # fmt: skip
    assert jawab.status_code == 200
    assert "tidak dikenal" in jawab.content.decode()
    pemda.refresh_from_db()
    assert pemda.set_predikat == "permendagri86-atas-inklusif"
