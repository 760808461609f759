"""The agency's Renja years page: start year N+1 from the web, column 6 shown with its source, corrections."""

from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.perencanaan.models import KoreksiKolom6, TahunRenja, TargetTahunan
from tests.conftest import PD, TAHUN


def test_operator_memulai_tahun_berikut(klien_operator: Client) -> None:
    halaman = klien_operator.get(f"/pd/{PD}/tahun/")
    assert halaman.status_code == 200
    assert f"Mulai tahun {TAHUN + 1}" in halaman.text
    r = klien_operator.post(f"/pd/{PD}/tahun/mulai/", {"tahun": str(TAHUN + 1)})
    assert r.status_code == 302
    assert TahunRenja.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN + 1).exists()
    halaman = klien_operator.get(f"/pd/{PD}/tahun/?tahun={TAHUN + 1}")
    assert 'data-sumber="turunan"' in halaman.text and 'data-sumber="masukan"' not in halaman.text
    # Again: refused with a message, nothing new.
    jumlah = TargetTahunan.objects.filter(tahun=TAHUN + 1).count()
    r = klien_operator.post(f"/pd/{PD}/tahun/mulai/", {"tahun": str(TAHUN + 1)}, follow=True)
    assert "sudah dimulai" in r.text
    assert TargetTahunan.objects.filter(tahun=TAHUN + 1).count() == jumlah


def test_koreksi_kolom_6_lewat_halaman(klien_operator: Client) -> None:
    klien_operator.post(f"/pd/{PD}/tahun/mulai/", {"tahun": str(TAHUN + 1)})
    ind = TargetTahunan.objects.filter(indikator__perangkat_daerah__slug=PD, tahun=TAHUN + 1).first()
    assert ind is not None
    url = f"/pd/{PD}/tahun/{TAHUN + 1}/kolom6/{ind.indikator_id}/"
    r = klien_operator.post(url, {"k": "abc", "rp": "", "alasan": "x"}, follow=True)
    assert r.status_code == 200 and not KoreksiKolom6.objects.exists()
    r = klien_operator.post(url, {"k": "12,5", "rp": "", "alasan": ""}, follow=True)
    assert "Alasan koreksi kolom 6 wajib diisi" in r.text
    isian = {"k": "12,5", "rp": "1.000", "alasan": "Hasil reviu Inspektorat"}
    r = klien_operator.post(url, isian, follow=True)
    assert 'data-sumber="koreksi"' in r.text and "Hasil reviu Inspektorat" in r.text
    assert AuditEvent.objects.filter(objek="koreksi_kolom_6", nama_pengguna="operator-disperindag").exists()


def test_pimpinan_hanya_membaca(klien_pimpinan: Client) -> None:
    halaman = klien_pimpinan.get(f"/pd/{PD}/tahun/")
    assert halaman.status_code == 200 and "mulai-tahun" not in halaman.text
    r = klien_pimpinan.post(f"/pd/{PD}/tahun/mulai/", {"tahun": str(TAHUN + 1)})
    assert r.status_code == 403
    assert not TahunRenja.objects.exists()


def test_operator_lain_tidak_melihat(klien_operator_contoh: Client) -> None:
    assert klien_operator_contoh.get(f"/pd/{PD}/tahun/").status_code == 404


def test_unduh_e80_dan_e81_perubahan(klien_operator: Client, klien_operator_contoh: Client) -> None:
    import json

    r = klien_operator.get(f"/pd/{PD}/tahun/{TAHUN}/e80.json")
    assert r.status_code == 200 and json.loads(r.content)["tahun"] == TAHUN
    for f in ("xlsx", "pdf"):
        assert klien_operator.get(f"/pd/{PD}/tahun/{TAHUN}/e80.{f}").status_code == 200
    assert klien_operator.get(f"/pd/{PD}/tahun/2030/e80.json").status_code == 404
    assert klien_operator.get(f"/pd/{PD}/tahun/{TAHUN}/e80.docx").status_code == 404
    assert klien_operator_contoh.get(f"/pd/{PD}/tahun/{TAHUN}/e80.json").status_code == 404
    # No Perubahan: E.81 Perubahan says why, on the years page.
    r = klien_operator.get(f"/pd/{PD}/tahun/{TAHUN}/e81-perubahan.xlsx?triwulan=3", follow=True)
    assert "memakai target murni" in r.text
