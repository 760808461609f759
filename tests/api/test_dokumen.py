"""The generated OpenAPI description, the Swagger UI page under the strict CSP, and the JSON answers of paths
and methods that name nothing."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import JsonResponse

from capaian.monev import alur
from tests.api import validasi

JALUR = {
    "/api/auth/token",
    "/api/auth/token/{id}",
    "/api/auth/keluar",
    "/api/realisasi",
    "/api/realisasi/{id}",
    "/api/indikator/{indikator}/realisasi/{tahun}/{triwulan}",
    "/api/audit",
    "/api/triwulan/{pd}/{tahun}/{triwulan}",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/catatan",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/catatan/{jenis}/{kode}",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/{aksi}",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/galat/penjelasan",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/galat/terima",
    "/api/triwulan/{pd}/{tahun}/{triwulan}/galat/tolak",
    "/api/pemda/{slug}/{tahun}/{triwulan}/e79",
}


@pytest.fixture
def dok(client):
    jawab = client.get("/api/openapi.json")
    assert jawab.status_code == 200
    return jawab.json()


def test_openapi_menjelaskan_semua_endpoint(dok):
    assert dok["openapi"].startswith("3.1")
    assert set(dok["paths"]) == JALUR
    assert set(dok["paths"]["/api/realisasi/{id}"]["patch"]["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "423",
    }
    assert dok["components"]["securitySchemes"]["TokenBearer"] == {"type": "http", "scheme": "bearer"}


def test_setiap_badan_dan_jawaban_berskema(dok):
    for jalur, operasi_semua in dok["paths"].items():
        for metode, op in operasi_semua.items():
            for kode, jawab in op["responses"].items():
                skema = jawab["content"]["application/json"]["schema"]
                if kode != "200":
                    ref = skema.get("$ref", "")
                    assert ref.startswith("#/components/schemas/"), (jalur, metode, kode)
                    assert "galat" in dok["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
            if metode in ("post", "patch") and jalur != "/api/auth/keluar":  # signing out sends nothing
                assert op["requestBody"]["content"]["application/json"]["schema"], (jalur, metode)
            if jalur != "/api/auth/token":
                assert "401" in op["responses"] and op["security"] == [{"TokenBearer": []}], (jalur, metode)


def test_langkah_dan_uraiannya_dari_tabel_alur(dok):
    """The step names and their descriptions come from alur.LANGKAH, not from a second copy."""
    op = dok["paths"]["/api/triwulan/{pd}/{tahun}/{triwulan}/{aksi}"]["post"]
    aksi = next(p for p in op["parameters"] if p["name"] == "aksi")
    enum = aksi["schema"]
    assert enum["enum"] == [lk.aksi for lk in alur.LANGKAH]
    for lk in alur.LANGKAH:
        assert lk.uraian in enum["description"]
        assert f"`{lk.aksi}`" in op["description"] and lk.uraian in op["description"]
    # The "steps you may take" of the quarter use the same enum.
    langkah = dok["components"]["schemas"]["LangkahTersedia"]["properties"]["aksi"]
    assert dok["components"]["schemas"][langkah["$ref"].rsplit("/", 1)[1]]["enum"] == enum["enum"]


def test_k_dan_rp_diterima_sebagai_teks_atau_angka(dok):
    ubah = dok["components"]["schemas"]["UbahRealisasi"]
    assert {s["type"] for s in ubah["properties"]["k"]["anyOf"]} == {"string", "number", "null"}
    assert {s["type"] for s in ubah["properties"]["rp"]["anyOf"]} == {"integer", "string", "null"}
    assert ubah["required"] == ["versi"]


def test_halaman_swagger_dari_berkas_sendiri_di_bawah_csp_ketat(client):
    jawab = client.get("/api/docs")
    assert jawab.status_code == 200
    html = jawab.content.decode()
    assert '<html lang="id">' in html
    for berkas in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert f"{settings.STATIC_URL}{berkas}" in html
        assert finders.find(berkas), berkas  # shipped with the installed package, served by the app
    assert "http://" not in html and "https://" not in html
    # No inline script: every <script> loads a file, except the settings, which are a JSON data block.
    for tag in re.findall(r"<script[^>]*>", html):
        assert ' src="' in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html and " style=" not in html
    assert '"validatorUrl": null' in html and '"url": "/api/openapi.json"' in html
    csp = jawab["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp


@pytest.mark.parametrize("url", ["/api/openapi.json", "/api/docs"])
def test_dokumentasi_hanya_get(client, url):
    jawab = client.post(url)
    assert jawab.status_code == 405
    assert jawab.json()["galat"] == "Metode POST tidak didukung."


def test_metode_lain_405_json(client):
    jawab = client.delete("/api/realisasi")
    assert jawab.status_code == 405
    assert jawab["Allow"] == "GET"
    assert jawab.json() == {"galat": "Metode DELETE tidak didukung."}


@pytest.mark.parametrize("url", ["/api/", "/api/tidak-ada", "/api/realisasi/abc", "/api/triwulan/x/dua/2"])
def test_jalur_tak_dikenal_404_json(client, url):
    for jawab in (client.get(url), client.post(url, {}, content_type="application/json")):
        assert jawab.status_code == 404
        assert jawab.json()["galat"]


def test_pemeriksa_skema_menolak_isian_yang_tidak_dijelaskan(dok):
    """The check every test runs (tests/api/validasi.py) is not a formality: it fails on a field the
    description does not name, on an undeclared status and on a wrong type."""
    baik = {"id": 1, "k": "1", "rp": 1, "versi": 2}
    validasi.periksa("PATCH", "/api/realisasi/1", JsonResponse(baik))
    for isi, status in (({**baik, "rahasia": 1}, 200), ({**baik, "versi": "2"}, 200), (baik, 418)):
        with pytest.raises(AssertionError):
            validasi.periksa("PATCH", "/api/realisasi/1", JsonResponse(isi, status=status))
