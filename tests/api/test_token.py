"""Signing in for a token, the lockout (django-axes, shared with the web login), and how tokens are stored
and checked."""

import datetime
import hashlib
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from capaian.api.models import TOKEN_AKTIF_MAKS, ApiToken, hash_kunci
from capaian.demo.muat import KATA_SANDI
from tests.api.bantu import daftar
from tests.conftest import ADMIN, KEPALA, OPERATOR, PD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


def _masuk(client, username=OPERATOR, password=KATA_SANDI, ip="10.0.0.1"):
    return client.post(
        "/api/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def test_token_disimpan_sebagai_hash(client):
    kunci = _masuk(client).json()["token"]
    simpanan = ApiToken.objects.get(pengguna__username=OPERATOR)
    assert simpanan.kunci == hashlib.sha256(kunci.encode()).hexdigest()
    assert not ApiToken.objects.filter(kunci=kunci).exists()
    assert simpanan.terakhir_dipakai is None
    assert daftar(client.__class__(headers={"Authorization": f"Bearer {kunci}"})).status_code == 200
    simpanan.refresh_from_db()
    assert simpanan.terakhir_dipakai is not None


def test_kata_sandi_salah_401(client):
    jawab = _masuk(client, password="salah")
    assert jawab.status_code == 401
    assert jawab.json()["galat"] == "Nama pengguna atau kata sandi salah."
    assert _masuk(client, username="tidak-ada").status_code == 401


@pytest.mark.parametrize("badan", [{}, {"username": OPERATOR}, {"username": 1, "password": "x"}])
def test_isian_kurang_400(client, badan):
    assert client.post("/api/auth/token", badan, content_type="application/json").status_code == 400


def test_bukan_json_400(client):
    assert client.post("/api/auth/token", "{", content_type="application/json").status_code == 400


def test_metode_lain_405(client):
    # GET /api/auth/token lists the caller's tokens (with a token); other methods are not there.
    assert client.put("/api/auth/token").status_code == 405


def test_lima_gagal_lalu_429_walau_kata_sandi_benar(client):
    # The fifth failure is answered as locked, as on the web login (django-axes counts both doors); the
    # API's own lockout answered 401 to the fifth and 429 from the sixth.
    for _ in range(4):
        assert _masuk(client, password="salah").status_code == 401
    assert _masuk(client, password="salah").status_code == 429
    jawab = _masuk(client)
    assert jawab.status_code == 429
    assert jawab["Retry-After"] == "900"
    assert jawab.json() == {"galat": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."}
    # Another address or another username is not locked out.
    assert _masuk(client, ip="10.0.0.2").status_code == 200
    assert _masuk(client, username="verifikator").status_code == 200


def test_nama_pengguna_tanpa_beda_huruf_besar_kecil(client):
    # The API's own copy was case-sensitive: "Operator-Disperindag" was a fresh count.
    for nama in (
        "Operator-Disperindag",
        "OPERATOR-DISPERINDAG",
        " operator-disperindag",
        "operator-DISPERINDAG",
    ):
        assert _masuk(client, username=nama, password="salah").status_code == 401
    assert _masuk(client, username="Operator-disperindag", password="salah").status_code == 429
    assert _masuk(client).status_code == 429


def test_penguncian_berakhir_setelah_15_menit(client):
    for _ in range(5):
        _masuk(client, password="salah")
    assert _masuk(client).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert _masuk(client).status_code == 200


def test_satu_penguncian_untuk_web_dan_api(client):
    for _ in range(3):
        Client(REMOTE_ADDR="10.0.0.1").post("/masuk/", {"username": OPERATOR, "password": "salah"})
    assert _masuk(client, password="salah").status_code == 401
    assert _masuk(client, password="salah").status_code == 429
    web = Client(REMOTE_ADDR="10.0.0.1").post("/masuk/", {"username": OPERATOR, "password": KATA_SANDI})
    assert web.status_code == 429


def test_berhasil_menghapus_hitungan_gagal(client):
    for _ in range(4):
        assert _masuk(client, password="salah").status_code == 401
    assert _masuk(client).status_code == 200
    for _ in range(4):
        assert _masuk(client, password="salah").status_code == 401
    assert _masuk(client).status_code == 200


def test_kata_sandi_tidak_tercatat_di_percobaan_gagal(client):
    # curl -d sends JSON as a form: the body must not be logged as a form field with the password in it.
    client.post(
        "/api/auth/token",
        data=f'{{"username": "{OPERATOR}", "password": "rahasia-sekali"}}',
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="10.0.0.1",
    )
    percobaan = AccessAttempt.objects.get()
    assert percobaan.username == OPERATOR
    assert "rahasia-sekali" not in percobaan.post_data + percobaan.get_data


def test_pemakaian_token_dicap_paling_sering_semenit_sekali(api_sebagai):
    klien = api_sebagai(OPERATOR)
    assert daftar(klien).status_code == 200
    token = ApiToken.objects.get(pengguna__username=OPERATOR)
    pertama = token.terakhir_dipakai
    assert pertama is not None
    with CaptureQueriesContext(connection) as kueri:
        assert daftar(klien).status_code == 200
    assert not [q for q in kueri if q["sql"].lstrip().upper().startswith("UPDATE")]
    ApiToken.objects.update(terakhir_dipakai=pertama - datetime.timedelta(minutes=2))
    assert daftar(klien).status_code == 200
    token.refresh_from_db()
    assert token.terakhir_dipakai > pertama


@pytest.mark.parametrize(
    "kepala",
    ["", "Bearer", "Bearer salah", "Token abc", "Basic b3BlcmF0b3I6eA=="],
)
def test_token_tidak_ada_atau_salah_401(client, kepala):
    jawab = client.get(
        "/api/realisasi",
        {"pd": "disperindag", "tahun": 2024, "triwulan": 2},
        headers={"Authorization": kepala},
    )
    assert jawab.status_code == 401
    assert jawab["WWW-Authenticate"].startswith("Bearer")


def test_pengguna_nonaktif_tokennya_ditolak(api_sebagai):
    klien = api_sebagai(OPERATOR)
    User.objects.filter(username=OPERATOR).update(is_active=False)
    assert daftar(klien).status_code == 401


def test_sesi_login_tidak_dipakai_api(pengguna_api):
    # A browser session must not authenticate API calls (they are csrf_exempt).
    klien = Client()
    klien.force_login(pengguna_api(OPERATOR))
    assert daftar(klien).status_code == 401


def test_json_body_without_json_content_type_is_still_read(client):
    # `curl -d '{...}'` sends the form content type; the JSON body must still be understood.
    jawab = client.post(
        "/api/auth/token",
        data=f'{{"username": "{OPERATOR}", "password": "{KATA_SANDI}"}}',
        content_type="application/x-www-form-urlencoded",
    )
    assert jawab.status_code == 200
    assert jawab.json()["token"]


# --- a token ends like a sign-in (issue 13) -------------------------------------------------------------


def _klien(kunci: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {kunci}"})


def _token(nama: str) -> str:
    return ApiToken.terbitkan(User.objects.get(username=nama))


def test_token_kedaluwarsa_ditolak() -> None:
    kunci = _token(OPERATOR)
    assert _klien(kunci).get(f"/api/realisasi?pd={PD}&tahun=2024&triwulan=2").status_code == 200
    ApiToken.objects.filter(kunci=hash_kunci(kunci)).update(kedaluwarsa=timezone.now())
    assert _klien(kunci).get(f"/api/realisasi?pd={PD}&tahun=2024&triwulan=2").status_code == 401


def test_token_berumur_sesuai_setelan(client: Client, settings: Any) -> None:
    settings.CAPAIAN_API_TOKEN_HARI = 7
    r = client.post(
        "/api/auth/token", {"username": OPERATOR, "password": KATA_SANDI}, content_type="application/json"
    )
    sisa = datetime.datetime.fromisoformat(r.json()["kedaluwarsa"]) - timezone.now()
    assert datetime.timedelta(days=6, hours=23) < sisa <= datetime.timedelta(days=7)


def test_ganti_kata_sandi_mencabut_token() -> None:
    kunci = _token(OPERATOR)
    pengguna = User.objects.get(username=OPERATOR)
    pengguna.set_password("sandi-baru-yang-panjang")
    pengguna.save()
    assert _klien(kunci).get("/api/auth/token").status_code == 401


def test_keluar_mencabut_token_itu_saja() -> None:
    satu, dua = _token(OPERATOR), _token(OPERATOR)
    assert _klien(satu).post("/api/auth/keluar").status_code == 200
    assert _klien(satu).get("/api/auth/token").status_code == 401
    daftar = _klien(dua).get("/api/auth/token").json()
    assert [t["aktif"] for t in daftar][:2] == [True, False]
    assert daftar[0]["token_ini"] and not daftar[1]["token_ini"]


def test_pemilik_mencabut_tokennya_tetapi_tidak_milik_orang_lain() -> None:
    milik_operator = _token(OPERATOR)
    kepala = _klien(_token(KEPALA))
    id_operator = _klien(milik_operator).get("/api/auth/token").json()[0]["id"]
    assert kepala.delete(f"/api/auth/token/{id_operator}").status_code == 404
    assert _klien(milik_operator).get("/api/auth/token").status_code == 200
    assert _klien(milik_operator).delete(f"/api/auth/token/{id_operator}").status_code == 200
    assert _klien(milik_operator).get("/api/auth/token").status_code == 401


def test_admin_pemda_mencabut_token_pengguna_pemdanya() -> None:
    milik_operator = _token(OPERATOR)
    id_operator = _klien(milik_operator).get("/api/auth/token").json()[0]["id"]
    assert _klien(_token(ADMIN)).delete(f"/api/auth/token/{id_operator}").status_code == 200
    assert _klien(milik_operator).get("/api/auth/token").status_code == 401


def test_admin_pemda_lain_tidak_melihat_token() -> None:
    from capaian.organisasi.models import Pemda, Peran, Profil

    lain = Pemda.objects.create(slug="kota-lain", nama="Kota Lain", provinsi="Jawa Timur", tempat="Lain")
    admin_lain = User.objects.create(username="admin-lain")
    Profil.objects.create(pengguna=admin_lain, pemda=lain, peran=Peran.ADMIN)
    id_operator = _klien(_token(OPERATOR)).get("/api/auth/token").json()[0]["id"]
    kunci_lain = ApiToken.terbitkan(admin_lain)
    assert _klien(kunci_lain).delete(f"/api/auth/token/{id_operator}").status_code == 404


def test_masuk_berulang_tidak_menumpuk_token() -> None:
    pengguna = User.objects.get(username=OPERATOR)
    ApiToken.objects.filter(pengguna=pengguna).delete()
    kunci = [ApiToken.terbitkan(pengguna) for _ in range(TOKEN_AKTIF_MAKS + 5)]
    assert ApiToken.objects.filter(pengguna=pengguna).aktif().count() == TOKEN_AKTIF_MAKS
    assert _klien(kunci[0]).get("/api/auth/token").status_code == 401  # the oldest were revoked
    assert _klien(kunci[-1]).get("/api/auth/token").status_code == 200
