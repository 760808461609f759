"""The OpenAPI document and the docs page rendered from it."""

import pytest

from capaian.api.openapi import DOKUMEN
from capaian.api.urls import urlpatterns


def test_openapi_menjelaskan_semua_endpoint(client):
    jawab = client.get("/api/openapi.json")
    assert jawab.status_code == 200
    isi = jawab.json()
    assert isi["openapi"].startswith("3.1")
    assert set(isi["paths"]) == {
        "/auth/token",
        "/realisasi",
        "/realisasi/{id}",
        "/triwulan/{pd}/{tahun}/{triwulan}/{aksi}",
        "/audit",
        "/openapi.json",
        "/docs",
    }
    assert len(isi["paths"]) == len(urlpatterns)
    assert set(isi["paths"]["/realisasi/{id}"]["patch"]["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "423",
    }


def test_halaman_dokumentasi_tanpa_sumber_luar(client):
    jawab = client.get("/api/docs")
    assert jawab.status_code == 200
    html = jawab.content.decode()
    assert '<html lang="id">' in html
    for jalur in DOKUMEN["paths"]:
        assert f"/api{jalur}" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert "&quot;versi&quot;: 3" in html  # an example body, rendered and escaped server-side


@pytest.mark.parametrize("url", ["/api/openapi.json", "/api/docs"])
def test_dokumentasi_hanya_get(client, url):
    assert client.post(url).status_code == 405


def test_gaya_halaman_diizinkan_csp_lewat_hash(client):
    import base64
    import hashlib
    import re

    jawab = client.get("/api/docs")
    gaya = re.search(r"<style>(.*?)</style>", jawab.content.decode(), re.DOTALL)[1]
    intisari = base64.b64encode(hashlib.sha256(gaya.encode()).digest()).decode()
    csp = jawab.get("Content-Security-Policy", "")
    assert f"'sha256-{intisari}'" in csp
    assert "unsafe-inline" not in csp
