"""The report package download page (capaian/web/unduh.py): who may download, the files, the ZIP.

The city-wide package made by the task worker is tested in test_unduh_kota.py."""

import io
import re
import zipfile
from collections.abc import Callable

import docx
import openpyxl
import pytest
from django.test import Client

from tests.conftest import PD, PD_CONTOH, PERSONA, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")

Klien = Callable[[str | None], Client]

HALAMAN = f"/pd/{PD}/{TAHUN}/2/laporan/"
ZIP = HALAMAN + "paket.zip"
BERKAS = [
    "Surat-Pengantar-disperindag-2024-TW2.docx",
    "Surat-Pengantar-disperindag-2024-TW2.pdf",
    "Kertas-Kerja-disperindag-2024-TW2.xlsx",
    "Kertas-Kerja-disperindag-2024-TW2.pdf",
    "E81-disperindag-2024-TW2.xlsx",
    "E81-disperindag-2024-TW2.pdf",
    "Kesimpulan-disperindag-2024-TW2.xlsx",
    "Kesimpulan-disperindag-2024-TW2.pdf",
    "Narasi-disperindag-2024-TW2.docx",
    "Narasi-disperindag-2024-TW2.pdf",
]
BOLEH = [p for p in PERSONA if p and p != "operator-contoh"]


def _terbuka(nama: str, isi: bytes) -> None:
    if nama.endswith(".pdf"):
        assert isi.startswith(b"%PDF"), nama
    elif nama.endswith(".xlsx"):
        wb = openpyxl.load_workbook(io.BytesIO(isi))
        assert wb.worksheets and wb.worksheets[0].max_row > 3, nama
    else:
        assert docx.Document(io.BytesIO(isi)).paragraphs, nama


@pytest.mark.parametrize("url", [HALAMAN, ZIP, HALAMAN + "e81.xlsx"])
def test_anonim_diarahkan_ke_halaman_masuk(klien_sebagai: Klien, url: str) -> None:
    r = klien_sebagai(None).get(url)
    assert r.status_code == 302
    assert r["Location"].startswith("/masuk/?next=")


@pytest.mark.parametrize("persona", BOLEH)
def test_halaman_bagi_yang_berhak(klien_sebagai: Klien, persona: str) -> None:
    r = klien_sebagai(persona).get(HALAMAN)
    assert r.status_code == 200
    isi = r.content.decode()
    assert "Laporan-Monev-disperindag-2024-TW2.zip" in isi
    for nama in BERKAS:
        assert nama in isi
    # The ZIP is one plain request (no script, no polling: it renders in about half a second).
    assert f'action="{ZIP}"' in isi
    # Strict CSP: no inline script or style (every script is a file).
    assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", isi)) and "style=" not in isi


@pytest.mark.parametrize("url", [HALAMAN, ZIP, HALAMAN + "e81.pdf", HALAMAN + "narasi.docx"])
def test_operator_lain_mendapat_404(klien_sebagai: Klien, url: str) -> None:
    assert klien_sebagai("operator-contoh").get(url).status_code == 404


def test_operator_contoh_melihat_pd_sendiri(klien_sebagai: Klien) -> None:
    assert klien_sebagai("operator-contoh").get(f"/pd/{PD_CONTOH}/{TAHUN}/2/laporan/").status_code == 200


@pytest.mark.parametrize(
    "url", [f"/pd/{PD}/{TAHUN}/5/laporan/", HALAMAN + "e81.json", HALAMAN + "narasi.xlsx"]
)
def test_yang_tidak_ada_404(klien_sebagai: Klien, url: str) -> None:
    assert klien_sebagai("verifikator").get(url).status_code == 404


@pytest.mark.parametrize("persona", BOLEH)
def test_zip_langsung_berisi_sepuluh_berkas_yang_terbuka(klien_sebagai: Klien, persona: str) -> None:
    r = klien_sebagai(persona).get(ZIP)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/zip"
    assert 'filename="Laporan-Monev-disperindag-2024-TW2.zip"' in r["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as arsip:
        assert arsip.namelist() == BERKAS
        for nama in BERKAS:
            _terbuka(nama, arsip.read(nama))


@pytest.mark.parametrize(
    ("url", "nama"),
    [
        ("e81.xlsx", "E81-disperindag-2024-TW2.xlsx"),
        ("e81.pdf", "E81-disperindag-2024-TW2.pdf"),
        ("kertas-kerja.xlsx", "Kertas-Kerja-disperindag-2024-TW2.xlsx"),
        ("kesimpulan.pdf", "Kesimpulan-disperindag-2024-TW2.pdf"),
        ("narasi.docx", "Narasi-disperindag-2024-TW2.docx"),
        ("surat-pengantar.pdf", "Surat-Pengantar-disperindag-2024-TW2.pdf"),
    ],
)
def test_berkas_satu_per_satu(klien_sebagai: Klien, url: str, nama: str) -> None:
    r = klien_sebagai("kepala-disperindag").get(HALAMAN + url)
    assert r.status_code == 200
    assert f'filename="{nama}"' in r["Content-Disposition"]
    _terbuka(nama, r.content)


def test_zip_dibuat_dari_data_terkini(klien_sebagai: Klien, pengguna_operator: object) -> None:
    """Nothing is kept between requests: a ZIP downloaded, then a save, then the ZIP again carries the
    saved value (the first download would have filled any cache)."""
    from capaian.monev import services
    from capaian.perencanaan.models import Indikator

    k = klien_sebagai("verifikator")
    sebelum = k.get(ZIP).content
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
        "urutan"
    )[0]
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, rp=123_456_789)  # type: ignore[arg-type]
    sesudah = k.get(ZIP).content

    def rp_e81(isi: bytes) -> list[object]:
        with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
            wb = openpyxl.load_workbook(io.BytesIO(arsip.read("E81-disperindag-2024-TW2.xlsx")))
        return [sel for baris in wb.worksheets[0].iter_rows(values_only=True) for sel in baris]

    assert 123_456_789 not in rp_e81(sebelum)
    assert 123_456_789 in rp_e81(sesudah)
