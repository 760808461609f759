"""A large workbook is read by the task worker, not in the request (issue 13 item 2): the upload answers at
once with a page that shows the state and refreshes itself; after the worker's run the same page shows the
dry run's (or the check's) result, and "Impor sekarang" imports what it showed. Here "large" is lowered so
that the entry template counts as large; the worker runs in this process (tests/web/test_unduh_kota)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.web import unggah
from tests.conftest import PERSONA
from tests.web.test_unduh_kota import jalankan_pekerja
from tests.web.test_unggah import HALAMAN, SUB, _baris, _realisasi_sub, _templat, _ubah, _unggah, _unggahan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return Path(settings.DATA_DIR)


@pytest.fixture(autouse=True)
def semua_besar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unggah, "BATAS_LANGSUNG_SEL", 10)


def test_uji_coba_di_latar_lalu_impor(klien_operator: Client, tmp_path: Path, data_dir: Path) -> None:
    path = _templat(tmp_path)
    r_sub = _baris(path, SUB)
    _ubah(path, {f"R{r_sub}": 3, f"S{r_sub}": "1.151.384.000"})
    jumlah_audit = AuditEvent.objects.count()

    r = _unggah(klien_operator, path)
    assert r.status_code == 302
    halaman = r["Location"]
    assert halaman.startswith(HALAMAN) and halaman.endswith("/hasil/")
    r = klien_operator.get(halaman)
    teks = r.content.decode()
    assert r.status_code == 200 and 'id="sedang-dibaca"' in teks and "Menunggu giliran dibaca" in teks
    assert '<meta http-equiv="refresh" content="3">' in teks and 'id="tombol-impor"' not in teks

    jalankan_pekerja()
    r = klien_operator.get(halaman)
    teks = r.content.decode()
    assert "Hasil uji coba" in teks and "2 perubahan akan disimpan" in teks and 'id="tombol-impor"' in teks
    assert 'http-equiv="refresh"' not in teks
    assert AuditEvent.objects.count() == jumlah_audit  # a dry run saves nothing

    # "Impor sekarang" of a large workbook goes to the worker too: nothing is saved until it has run.
    u = r.context["unggahan"]
    r = klien_operator.post(f"{HALAMAN}{u.id}/")
    assert r.status_code == 302 and r["Location"] == halaman
    teks = klien_operator.get(halaman).content.decode()
    assert "Menunggu giliran diimpor" in teks and AuditEvent.objects.count() == jumlah_audit
    # A second click while it waits imports nothing twice.
    assert klien_operator.post(f"{HALAMAN}{u.id}/").status_code == 404
    jalankan_pekerja()
    teks = klien_operator.get(halaman).content.decode()
    assert "Impor selesai: 2 perubahan tersimpan" in teks and 'id="tombol-impor"' not in teks
    baru = _realisasi_sub()
    assert baru is not None and (baru.k, baru.rp) == (3, 1_151_384_000)
    peristiwa = AuditEvent.objects.order_by("-id")[:2]
    assert {(e.kolom, e.pintu, e.nama_pengguna) for e in peristiwa} == {
        ("k", "impor", "operator-disperindag"),
        ("rp", "impor", "operator-disperindag"),
    }
    assert AuditEvent.objects.count() == jumlah_audit + 2
    # Only the result waits for its expiry; the workbook is gone.
    (folder,) = _unggahan(data_dir)
    assert not any(p.suffix == ".xlsx" for p in folder.iterdir())


def test_periksa_di_latar(klien_operator: Client, tmp_path: Path, data_dir: Path) -> None:
    path = _templat(tmp_path)
    r = _unggah(klien_operator, path, mode="periksa")
    assert r.status_code == 302
    jalankan_pekerja()
    teks = klien_operator.get(r["Location"]).content.decode()
    assert 'id="sedang-dibaca"' not in teks and 'id="tombol-impor"' not in teks
    assert "Hasil pemeriksaan buku kerja" in teks and 'id="ringkasan-temuan"' in teks
    # The workbook itself is gone (a check imports nothing); only the result waits for its expiry.
    (folder,) = _unggahan(data_dir)
    assert not any(p.suffix == ".xlsx" for p in folder.iterdir())


def test_buku_yang_melampaui_batas_tetap_ditolak_di_permintaan(
    klien_operator: Client, tmp_path: Path
) -> None:
    from tests.impor.test_batas_buku import _bom_sel

    path = tmp_path / "bom.xlsx"
    _bom_sel(path)
    r = _unggah(klien_operator, path)
    assert r.status_code in (200, 400) and "terlalu banyak sel" in r.content.decode()


@pytest.mark.parametrize("persona", [p for p in PERSONA if p != "operator-disperindag"])
def test_hasil_hanya_untuk_pengunggah(
    klien_sebagai: Klien, klien_operator: Client, tmp_path: Path, persona: str | None
) -> None:
    r = _unggah(klien_operator, _templat(tmp_path))
    halaman = r["Location"]
    jalankan_pekerja()
    r = klien_sebagai(persona).get(halaman)
    # The admin may import for the agency but this upload is not theirs; other roles may not import at all.
    harap = {"admin": 404, "operator-contoh": 404, None: 302}.get(persona, 403)
    assert r.status_code == harap
    if harap == 404:
        assert "tidak ditemukan" in r.content.decode() and "Hasil uji coba" not in r.content.decode()


def test_tugas_gagal_terbaca(klien_operator: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = _unggah(klien_operator, _templat(tmp_path))

    def rusak(*args: object, **kwargs: object) -> None:
        raise RuntimeError("uji")

    monkeypatch.setattr(unggah, "impor_berkas", rusak)
    jalankan_pekerja()
    r = klien_operator.get(r["Location"])
    assert r.status_code == 500 and "tidak ada yang disimpan" in r.content.decode()
