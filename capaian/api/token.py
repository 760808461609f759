"""Tokens: POST /api/auth/token exchanges a username and password for a bearer token, behind the same
lockout as the web login (django-axes, settings.AXES_*); GET lists the caller's tokens, DELETE revokes one
(the owner's own, or as Admin Pemda any of the pemda's users'), POST /api/auth/keluar revokes the token in
use. A token also ends at its expiry and when its owner's password changes (capaian.api.models)."""

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from ninja import Router

from capaian.api import dasar, skema
from capaian.api.dasar import Galat
from capaian.api.models import ApiToken, hash_kunci
from capaian.organisasi import akses
from capaian.web.masuk import PESAN_SALAH, jawaban_terkunci_api, terkunci

router = Router(tags=["token"])


@router.post(
    "/auth/token",
    auth=None,
    response={200: skema.Token, 400: skema.Galat, 401: skema.Galat, 429: skema.Galat},
    summary="Masuk dan mendapatkan token",
    description=(
        "Menukar nama pengguna dan kata sandi dengan token. Token hanya ditampilkan sekali. Setelah "
        f"{settings.AXES_FAILURE_LIMIT} kali gagal untuk nama pengguna (huruf besar/kecil tidak dibedakan) "
        "dan alamat IP yang sama, pasangan itu ditolak dengan 429 selama "
        f"{int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} menit, juga dengan kata sandi yang benar."
    ),
)
def token(request: HttpRequest, badan: skema.MintaToken) -> skema.Token | HttpResponse:
    # django-axes logs the request's form fields of a failed attempt. A JSON body sent with the form content
    # type (curl -d) would parse as a form field named after the whole body, password included.
    request.POST = QueryDict()
    pengguna = authenticate(request, username=badan.username, password=badan.password)
    if terkunci(request):
        return jawaban_terkunci_api()
    if pengguna is None:
        raise Galat(401, PESAN_SALAH)
    # A token is a sign-in: Django stamps last_login and axes clears the pair's failures on this signal.
    user_logged_in.send(sender=type(pengguna), request=request, user=pengguna)
    kunci = ApiToken.terbitkan(pengguna)
    return skema.Token(token=kunci, kedaluwarsa=ApiToken.objects.get(kunci=hash_kunci(kunci)).kedaluwarsa)


def _info(t: ApiToken, request: HttpRequest) -> skema.InfoToken:
    ini = getattr(request, "auth_token", None)
    return skema.InfoToken(
        id=t.pk,
        dibuat=t.dibuat,
        terakhir_dipakai=t.terakhir_dipakai,
        kedaluwarsa=t.kedaluwarsa,
        dicabut=t.dicabut,
        aktif=t.aktif,
        token_ini=ini is not None and ini.pk == t.pk,
    )


@router.get(
    "/auth/token",
    response={200: list[skema.InfoToken], 401: skema.Galat},
    summary="Daftar token saya",
    description="Token milik pengguna ini yang belum kedaluwarsa, juga yang sudah dicabut, terbaru dahulu.",
)
def daftar_token(request: HttpRequest) -> list[skema.InfoToken]:
    milik = ApiToken.objects.filter(pengguna=dasar.pengguna(request), kedaluwarsa__gt=timezone.now())
    return [_info(t, request) for t in milik.order_by("-dibuat", "-pk")]


@router.delete(
    "/auth/token/{id}",
    response={200: skema.Pesan, 401: skema.Galat, 404: skema.Galat},
    summary="Mencabut token",
    description=(
        "Mencabut token milik sendiri, atau (Admin Pemda) token pengguna pemda yang sama. Token lain tidak "
        "terlihat (404)."
    ),
)
def cabut_token(request: HttpRequest, id: int) -> skema.Pesan:
    pengguna = dasar.pengguna(request)
    t = ApiToken.objects.filter(pk=id).select_related("pengguna").first()
    boleh = t is not None and (
        t.pengguna_id == pengguna.pk or (akses.adalah_admin(pengguna) and akses.milik_pemda(pengguna, t))
    )
    if t is None or not boleh:
        raise Galat(404, "Token tidak ditemukan.")
    t.cabut()
    return skema.Pesan(pesan="Token dicabut.")


@router.post(
    "/auth/keluar",
    response={200: skema.Pesan, 401: skema.Galat},
    summary="Keluar: mencabut token yang dipakai",
)
def keluar(request: HttpRequest) -> skema.Pesan:
    token_ini: ApiToken = request.auth_token  # type: ignore[attr-defined]  # set by TokenBearer
    token_ini.cabut()
    return skema.Pesan(pesan="Anda telah keluar; token ini tidak berlaku lagi.")
