"""The admin in Bahasa Indonesia (issue 13 item 7): no English or "TargetTahunan object (12)" on its pages,
formula variables as rows (not JSON), Indonesian number input through the one validator, lists with agency,
code, values and search; every save still through capaian.perencanaan.data_induk and the audit trail."""

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.perencanaan.models import Indikator, TargetTahunan
from tests.bantu_admin import data_ubah
from tests.conftest import PD, PERSONA

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]
INGGRIS = re.compile(r"Select an option|\w+ object \(\d+\)|Filter by |Logout\b")


def _target() -> TargetTahunan:
    t = (
        TargetTahunan.objects.filter(indikator__perangkat_daerah__slug=PD, indikator__tingkat="subkegiatan")
        .filter(target_rp__isnull=False)
        .order_by("pk")
        .first()
    )
    assert t is not None
    return t


def _dengan_rumus() -> Indikator:
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD).exclude(rumus="").first()
    assert ind is not None and ind.variabel
    return ind


def test_model_punya_nama_yang_terbaca() -> None:
    for model in apps.get_models():
        if model.__module__.startswith("capaian."):
            assert model.__str__ is not models.Model.__str__, model._meta.label
            obj = model._default_manager.first()
            if obj is not None:
                assert " object (" not in str(obj), model._meta.label


def test_halaman_admin_tanpa_teks_inggris(klien_admin: Client) -> None:
    t, ind = _target(), _dengan_rumus()
    for url in (
        "/admin/",
        "/admin/organisasi/profil/add/",
        "/admin/perencanaan/targettahunan/",
        f"/admin/perencanaan/targettahunan/{t.pk}/change/",
        "/admin/perencanaan/targettriwulan/",
        f"/admin/perencanaan/indikator/{ind.pk}/change/",
        "/admin/perencanaan/indikator/",
    ):
        isi = klien_admin.get(url).content.decode()
        assert not INGGRIS.search(isi), (url, INGGRIS.search(isi))
    assert "- Pilih salah satu -" in klien_admin.get("/admin/organisasi/profil/add/").content.decode()


# --- numbers ----------------------------------------------------------------------------------------------


def test_angka_indonesia_di_bidang_angka(klien_admin: Client) -> None:
    t = _target()
    url = f"/admin/perencanaan/targettahunan/{t.pk}/change/"
    halaman = klien_admin.get(url).content.decode()
    # Shown the Indonesian way in a text box (a browser's number box refuses "1.000.000").
    assert f'name="target_rp" value="{format(t.target_rp, ",").replace(",", ".")}"' in halaman
    assert (
        '<input type="text" name="target_rp"' in halaman and '<input type="text" name="target_k"' in halaman
    )
    data = data_ubah(klien_admin, url)
    data.update(target_rp="1.000.000", target_k="12,5")
    r = klien_admin.post(url, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    t.refresh_from_db()
    assert (t.target_rp, t.target_k) == (1_000_000, Decimal("12.5"))
    e = AuditEvent.objects.filter(objek="targettahunan", objek_id=t.pk, kolom="target_rp").latest("id")
    assert (e.baru, e.pintu, e.nama_pengguna) == ("1000000", "admin", "admin")
    # Shown back as typed the Indonesian way.
    assert 'name="target_k" value="12,5"' in klien_admin.get(url).content.decode()


@pytest.mark.parametrize(
    ("bidang", "teks", "pesan"),
    [
        ("target_rp", "satu juta", "bukan jumlah rupiah yang sah"),
        ("target_rp", "1.000.000,50", "bulat"),
        ("target_k", "9" * 60, "terlalu panjang"),
        ("target_rp", "-5", "tidak boleh negatif"),
    ],
)
def test_angka_tidak_sah_ditolak_dengan_pesan(
    klien_admin: Client, bidang: str, teks: str, pesan: str
) -> None:
    t = _target()
    sebelum = (t.target_k, t.target_rp)
    url = f"/admin/perencanaan/targettahunan/{t.pk}/change/"
    data = data_ubah(klien_admin, url)
    data[bidang] = teks
    r = klien_admin.post(url, data)
    assert r.status_code == 200
    galat = " ".join(str(g) for g in r.context["adminform"].form.errors.get(bidang, [])) or str(
        r.context["adminform"].form.errors
    )
    assert pesan in galat.lower() or pesan in galat, galat
    t.refresh_from_db()
    assert (t.target_k, t.target_rp) == sebelum


def test_angka_di_baris_inline(klien_admin: Client) -> None:
    ind = _dengan_rumus()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    kunci = next(k for k in data if k.startswith("target_tahunan-") and k.endswith("-target_k"))
    data[kunci] = "1.234,5"
    r = klien_admin.post(url, data)
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    pk = int(data[kunci.replace("-target_k", "-id")])
    assert TargetTahunan.objects.get(pk=pk).target_k == Decimal("1234.5")


# --- formula variables ------------------------------------------------------------------------------------


def test_variabel_rumus_sebagai_baris(klien_admin: Client) -> None:
    ind = _dengan_rumus()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    halaman = klien_admin.get(url).content.decode()
    pertama = ind.variabel[0]
    assert f'name="variabel-nama-0" id="id_variabel-nama-0" value="{pertama["nama"]}"' in halaman
    assert "[{" not in halaman.split('id="id_variabel"', 1)[1].split("</table>", 1)[0]  # no JSON to type
    data = data_ubah(klien_admin, url)
    n = len(ind.variabel)
    data["variabel-label-0"] = "Label baru"
    data[f"variabel-nama-{n}"], data[f"variabel-label-{n}"] = "faktor_koreksi", "Faktor koreksi"
    r = klien_admin.post(url, data)
    assert r.status_code == 302
    ind.refresh_from_db()
    assert ind.variabel[0] == {"nama": pertama["nama"], "label": "Label baru"}
    assert (
        ind.variabel[-1] == {"nama": "faktor_koreksi", "label": "Faktor koreksi"}
        and len(ind.variabel) == n + 1
    )
    e = AuditEvent.objects.filter(objek="indikator", objek_id=ind.pk, kolom="variabel").latest("id")
    assert (
        e.pintu == "admin" and "faktor_koreksi" in (e.baru or "") and "faktor_koreksi" not in (e.lama or "")
    )


def test_simpan_tanpa_mengubah_variabel_tidak_tercatat(klien_admin: Client) -> None:
    ind = _dengan_rumus()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    sebelum = AuditEvent.objects.count()
    assert klien_admin.post(url, data_ubah(klien_admin, url)).status_code == 302
    assert AuditEvent.objects.count() == sebelum


@pytest.mark.parametrize(
    ("nama", "label", "pesan"),
    [
        ("1salah", "A", "tidak sah"),
        ("x", "kali", "berarti kali"),
        ("", "Tanpa nama", "isi nama variabel"),
        ("dobel", "B", "sudah dipakai"),
    ],
)
def test_variabel_tidak_sah(klien_admin: Client, nama: str, label: str, pesan: str) -> None:
    ind = _dengan_rumus()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    n = len(ind.variabel)
    if nama == "dobel":
        nama = ind.variabel[0]["nama"]
    data[f"variabel-nama-{n}"], data[f"variabel-label-{n}"] = nama, label
    r = klien_admin.post(url, data)
    assert r.status_code == 200
    assert any(pesan in str(g) for g in r.context["adminform"].form.errors["variabel"])
    ind.refresh_from_db()
    assert len(ind.variabel) == n


def test_rumus_memakai_variabel_yang_dihapus_ditolak(klien_admin: Client) -> None:
    ind = _dengan_rumus()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    for i in range(len(ind.variabel)):
        data[f"variabel-nama-{i}"] = data[f"variabel-label-{i}"] = ""
    r = klien_admin.post(url, data)
    assert r.status_code == 200 and "tidak dikenal" in str(r.context["adminform"].form.errors["rumus"])


# --- lists ------------------------------------------------------------------------------------------------


def test_daftar_target_dengan_perangkat_daerah_kode_nilai_dan_pencarian(klien_admin: Client) -> None:
    t = _target()
    ind = t.indikator
    isi = klien_admin.get("/admin/perencanaan/targettahunan/", {"q": ind.kode}).content.decode()
    assert ind.perangkat_daerah.nama in isi and str(ind.kode) in isi
    assert format(t.target_rp, ",").replace(",", ".") in isi  # the value, in Indonesian grouping
    cl = klien_admin.get("/admin/perencanaan/targettahunan/", {"q": ind.kode}).context["cl"]
    assert cl.result_count >= 1 and all(r.indikator.kode == ind.kode for r in cl.result_list)
    # The agency filter offers this pemda's agencies and filters by them.
    cl = klien_admin.get("/admin/perencanaan/targettriwulan/", {"pd": ind.perangkat_daerah_id}).context["cl"]
    assert cl.result_count and all(
        r.indikator.perangkat_daerah_id == ind.perangkat_daerah_id for r in cl.result_list
    )
    isi = klien_admin.get("/admin/perencanaan/indikator/", {"q": ind.kode}).content.decode()
    assert ind.uraian[:40] in isi and str(ind.kode) in isi


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_daftar_target(klien_sebagai: Klien, persona: str | None) -> None:
    r = klien_sebagai(persona).get("/admin/perencanaan/targettahunan/")
    if persona == "admin":
        assert r.status_code == 200
    elif persona is None:  # through the admin's login view to the app's one sign-in page
        assert r.status_code == 302
        assert "/masuk/" in klien_sebagai(None).get(r["Location"])["Location"]
    else:
        assert r.status_code in (302, 403)
        if r.status_code == 302:
            assert klien_sebagai(persona).get(r["Location"], follow=True).status_code == 403
