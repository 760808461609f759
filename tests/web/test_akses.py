"""Every page of capaian.web for every persona: who is redirected to the login, who gets 404 or 403, and who
may change what."""

from collections.abc import Callable

import pytest
from django.test import Client

from tests.conftest import OPERATOR, PD, PD_CONTOH, PERSONA, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")

Klien = Callable[[str | None], Client]

ISIAN = f"/pd/{PD}/{TAHUN}/2/"
HALAMAN_PD = [
    ISIAN,
    f"/pd/{PD}/{TAHUN}/1/",
    f"/pd/{PD}/{TAHUN}/2/dasbor/",
    f"/pd/{PD}/riwayat/",
]
HALAMAN_KOTA = ["/", f"/triwulan/{TAHUN}/2/", f"/dasbor/{TAHUN}/2/"]


def _indikator_pertama(klien: Client) -> int:
    from capaian.perencanaan.models import Indikator

    return (
        Indikator.objects.filter(perangkat_daerah__slug=PD).order_by("urutan").values_list("pk", flat=True)[0]
    )


@pytest.mark.parametrize("url", HALAMAN_PD + HALAMAN_KOTA + [f"/periode/{TAHUN}/"])
def test_anonim_diarahkan_ke_halaman_masuk(klien_sebagai: Klien, url: str) -> None:
    r = klien_sebagai(None).get(url)
    assert r.status_code == 302
    assert r["Location"].startswith("/masuk/?next=")


@pytest.mark.parametrize("persona", [p for p in PERSONA if p and p != "operator-contoh"])
@pytest.mark.parametrize("url", HALAMAN_PD)
def test_pd_terlihat_bagi_yang_berhak(klien_sebagai: Klien, persona: str, url: str) -> None:
    r = klien_sebagai(persona).get(url)
    assert r.status_code == 200, r.content[:500]


@pytest.mark.parametrize("persona", [p for p in PERSONA if p])
@pytest.mark.parametrize("url", HALAMAN_KOTA)
def test_halaman_kota_terbuka_bagi_semua_pengguna(klien_sebagai: Klien, persona: str, url: str) -> None:
    assert klien_sebagai(persona).get(url).status_code == 200


@pytest.mark.parametrize("url", HALAMAN_PD)
def test_operator_lain_mendapat_404(klien_sebagai: Klien, url: str) -> None:
    assert klien_sebagai("operator-contoh").get(url).status_code == 404


def test_riwayat_baris_404_bagi_operator_lain(klien_sebagai: Klien) -> None:
    ind = _indikator_pertama(klien_sebagai(None))
    url = f"/pd/{PD}/{TAHUN}/2/baris/{ind}/riwayat/"
    assert klien_sebagai("verifikator").get(url).status_code == 200
    assert klien_sebagai("operator-contoh").get(url).status_code == 404


def test_dasbor_kota_hanya_menampilkan_pd_terlihat(klien_sebagai: Klien) -> None:
    isi = klien_sebagai("operator-contoh").get(f"/dasbor/{TAHUN}/2/").content.decode()
    assert "Dinas Contoh" in isi or PD_CONTOH in isi
    assert "Perindustrian" not in isi
    assert "Perindustrian" in klien_sebagai("pimpinan").get(f"/dasbor/{TAHUN}/2/").content.decode()


def test_operator_lain_tidak_dapat_post(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-contoh")
    ind = _indikator_pertama(k)
    assert k.post(ISIAN, {f"k-{ind}": "1"}).status_code == 404
    assert k.post(ISIAN + "hitung/", {"indikator": ind}).status_code == 404
    assert k.post(ISIAN + "langkah/ajukan/").status_code == 404
    assert k.post(ISIAN + "bukti/").status_code == 404


@pytest.mark.parametrize("persona", ["verifikator", "kepala-disperindag", "pimpinan", "admin"])
def test_selain_operator_pd_tidak_dapat_mengubah_nilai(klien_sebagai: Klien, persona: str) -> None:
    from capaian.monev.models import Realisasi

    k = klien_sebagai(persona)
    ind = _indikator_pertama(k)
    sebelum = list(Realisasi.objects.values_list("pk", "k", "rp", "versi"))
    assert k.post(ISIAN, {f"k-{ind}": "12,5", f"asal-k-{ind}": ""}).status_code == 403
    assert list(Realisasi.objects.values_list("pk", "k", "rp", "versi")) == sebelum
    isi = k.get(ISIAN).content.decode()
    assert "Tampilan baca saja" in isi
    assert 'id="simpan"' not in isi


@pytest.mark.parametrize("persona", ["kepala-disperindag", "pimpinan", "admin", "operator-disperindag"])
def test_hanya_verifikator_yang_memverifikasi(klien_sebagai: Klien, persona: str) -> None:
    k = klien_sebagai(persona)
    assert k.post(ISIAN + "langkah/kunci/").status_code == 403


@pytest.mark.parametrize(
    "persona", ["operator-disperindag", "kepala-disperindag", "pimpinan", "operator-contoh"]
)
def test_masa_pengisian_hanya_untuk_verifikator_dan_admin(klien_sebagai: Klien, persona: str) -> None:
    assert klien_sebagai(persona).get(f"/periode/{TAHUN}/").status_code == 403


def test_admin_hanya_untuk_peran_admin(klien_sebagai: Klien) -> None:
    assert klien_sebagai("admin").get("/admin/").status_code == 200
    assert klien_sebagai("admin").get("/admin/perencanaan/indikator/").status_code == 200
    # A signed-in non-admin goes through the admin's login view, which refuses instead of asking again.
    assert klien_sebagai("verifikator").get("/admin/", follow=True).status_code == 403
    anonim = klien_sebagai(None).get("/admin/")
    assert anonim.status_code == 302
    tujuan = klien_sebagai(None).get(anonim["Location"])
    assert tujuan.status_code == 302 and tujuan["Location"].startswith("/masuk/")


@pytest.mark.parametrize("url", HALAMAN_PD[:1] + HALAMAN_KOTA)
def test_halaman_pengguna_masuk_tidak_disimpan_peramban(klien_sebagai: Klien, url: str) -> None:
    r = klien_sebagai(OPERATOR).get(url)
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"] and "private" in r["Cache-Control"]
