"""Login, lockout per (username, IP) (django-axes), logout, and the security headers."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from capaian.demo.muat import KATA_SANDI

pytestmark = pytest.mark.usefixtures("demo_per_modul")


def _masuk(nama: str, sandi: str, ip: str = "10.0.0.1") -> int:
    return Client(REMOTE_ADDR=ip).post("/masuk/", {"username": nama, "password": sandi}).status_code


def test_masuk_berhasil_dan_keluar(db: None) -> None:
    k = Client()
    r = k.post("/masuk/", {"username": "operator-disperindag", "password": KATA_SANDI})
    assert r.status_code == 302 and r["Location"] == "/"
    beranda = k.get("/")
    assert beranda.status_code == 200
    # A person's name, then the role and agency once (the demo users were once named after their roles, so
    # the verifier was greeted "Verifikator Bappelitbangda (Verifikator Bappelitbangda)").
    sapaan = beranda.content.decode().split("Selamat datang, ", 1)[1].split("</p>", 1)[0]
    assert sapaan.startswith("Dewi Anggraini (Operator Perangkat Daerah, ")
    assert k.get("/keluar/").status_code == 405  # logging out is a POST (CSRF-protected)
    assert k.post("/keluar/").status_code == 302
    assert k.get("/").status_code == 302


def test_kata_sandi_salah_berbahasa_indonesia(db: None) -> None:
    r = Client().post("/masuk/", {"username": "verifikator", "password": "salah"})
    assert r.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in r.content.decode()


def test_next_hanya_ke_situs_sendiri(db: None) -> None:
    r = Client().post(
        "/masuk/?next=https://jahat.example/", {"username": "verifikator", "password": KATA_SANDI}
    )
    assert r["Location"] == "/"
    r = Client().post(
        "/masuk/", {"username": "verifikator", "password": KATA_SANDI, "next": "/triwulan/2024/2/"}
    )
    assert r["Location"] == "/triwulan/2024/2/"


def test_penguncian_per_pengguna_dan_ip(db: None) -> None:
    for _ in range(4):
        assert _masuk("operator-disperindag", "salah", "10.0.0.1") == 401
    # The fifth failure locks A@X.
    assert _masuk("operator-disperindag", "salah", "10.0.0.1") == 429
    # Locked: even the right password is refused, with an Indonesian message.
    r = Client(REMOTE_ADDR="10.0.0.1").post(
        "/masuk/", {"username": "operator-disperindag", "password": KATA_SANDI}
    )
    assert r.status_code == 429
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    # B from the same office address is not affected ...
    assert _masuk("kepala-disperindag", KATA_SANDI, "10.0.0.1") == 302
    # ... nor A from another address.
    assert _masuk("operator-disperindag", KATA_SANDI, "10.0.0.2") == 302


def test_penguncian_berakhir_setelah_15_menit(db: None) -> None:
    for _ in range(5):
        _masuk("verifikator", "salah", "10.0.0.9")
    assert _masuk("verifikator", KATA_SANDI, "10.0.0.9") == 429
    # Attempts while locked are not counted: the lock still ends 15 minutes after the fifth failure.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    assert _masuk("verifikator", KATA_SANDI, "10.0.0.9") == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _masuk("verifikator", KATA_SANDI, "10.0.0.9") == 302


def test_nama_pengguna_tanpa_beda_huruf_besar_kecil(db: None) -> None:
    for nama in ("Verifikator", "VERIFIKATOR", "verifikator", "VeriFikator"):
        assert _masuk(nama, "salah", "10.0.0.3") == 401
    assert _masuk("verifikator ", "salah", "10.0.0.3") == 429
    assert _masuk("verifikator", KATA_SANDI, "10.0.0.3") == 429


def test_berhasil_masuk_menghapus_hitungan_gagal(db: None) -> None:
    for _ in range(4):
        assert _masuk("kepala-disperindag", "salah", "10.0.0.4") == 401
    assert _masuk("kepala-disperindag", KATA_SANDI, "10.0.0.4") == 302
    for _ in range(4):
        assert _masuk("kepala-disperindag", "salah", "10.0.0.4") == 401
    assert _masuk("kepala-disperindag", KATA_SANDI, "10.0.0.4") == 302


def test_alamat_klien_dari_remote_addr_kecuali_diatur_untuk_proksi(settings: Any) -> None:
    from django.test import RequestFactory

    from capaian.web.masuk import alamat_klien

    permintaan = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert alamat_klien(permintaan) == "10.0.0.5"  # a client-sent header is never trusted by default
    settings.ALAMAT_KLIEN_META = "HTTP_X_REAL_IP"
    permintaan = RequestFactory().get("/", REMOTE_ADDR="10.0.0.254", HTTP_X_REAL_IP="10.0.0.6")
    assert alamat_klien(permintaan) == "10.0.0.6"


def test_csrf_wajib_pada_formulir(db: None) -> None:
    k = Client(enforce_csrf_checks=True)
    r = k.post("/masuk/", {"username": "verifikator", "password": KATA_SANDI})
    assert r.status_code == 403
    halaman = k.get("/masuk/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in halaman


@pytest.mark.parametrize("url", ["/masuk/", "/"])
def test_header_keamanan(klien_sebagai: Callable[[str | None], Client], url: str) -> None:
    r = klien_sebagai("verifikator").get(url)
    csp = r["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r["X-Frame-Options"] == "DENY"
    assert r["X-Content-Type-Options"] == "nosniff"


def test_tanpa_skrip_sebaris(klien_sebagai: Callable[[str | None], Client]) -> None:
    isi = klien_sebagai("operator-disperindag").get("/pd/disperindag/2024/2/").content.decode()
    # Every <script> has a src (CSP forbids inline script); no inline event handlers either.
    assert "<script>" not in isi and " onclick=" not in isi and " oninput=" not in isi
    assert 'src="/static/web/isian.js"' in isi


def test_peringatan_sebelum_dikunci(db: None) -> None:
    """The lockout warns before it locks: from the third failure the page says how many tries are left."""
    pesan = []
    for _ in range(4):
        r = Client(REMOTE_ADDR="10.0.0.9").post("/masuk/", {"username": "verifikator", "password": "salah"})
        assert r.status_code == 401
        pesan.append(r.content.decode())
    assert "Sisa" not in pesan[0] and "Sisa" not in pesan[1]
    assert "Sisa 2 kali percobaan lagi" in pesan[2]
    assert "Sisa 1 kali percobaan lagi" in pesan[3]
    assert "dikunci 15 menit" in pesan[3]
