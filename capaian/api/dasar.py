"""The frame of the JSON API on Django Ninja: the API object, reading bodies (numbers as Decimal), the bearer
token, and the exception handlers that answer every error as {"galat": "<pesan dalam Bahasa Indonesia>"}.

Only `Authorization: Bearer` identifies the caller, never the session cookie, so a browser cannot be tricked
into sending an authenticated request (Ninja's views are csrf_exempt).
"""

import functools
import json
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, re_path
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser
from ninja.security import HttpBearer

from capaian.api.models import ApiToken, hash_kunci
from capaian.monev import alur, services
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah
from capaian.web import galat_server, sibuk

log = logging.getLogger("capaian.api")

PESAN_TOKEN = "Token tidak ada atau tidak sah."


class Galat(Exception):
    """Raised in an endpoint to answer with an error; `lain` adds fields (the 409's `terkini`), `kepala`
    response headers."""

    def __init__(self, status: int, pesan: str, *, kepala: dict[str, str] | None = None, **lain: Any) -> None:
        super().__init__(pesan)
        self.status = status
        self.pesan = pesan
        self.kepala = kepala or {}
        self.lain = lain


def galat(status: int, pesan: str, **lain: Any) -> JsonResponse:
    return JsonResponse({"galat": pesan, **lain}, status=status)


def pengguna(request: HttpRequest) -> User:
    """The user of the bearer token (set by TokenBearer); never the session's."""
    return cast(User, request.auth)  # type: ignore[attr-defined]


def pd_terlihat(request: HttpRequest, slug: str) -> PerangkatDaerah:
    """The agency by slug if this user may see it; another agency's is the same 404 as a missing one."""
    pd = akses.pd_terlihat(pengguna(request)).filter(slug=slug).first()
    if pd is None:
        raise Galat(404, "Perangkat daerah tidak ditemukan.")
    return pd


# --- reading the body -----------------------------------------------------------------------------------


class _BadanTidakSah(ValueError):
    pass


def _tolak_konstanta(nama: str) -> None:
    raise _BadanTidakSah(f"{nama} bukan angka JSON yang sah.")


class ParserDesimal(Parser):
    """JSON bodies with every number with a fraction read as Decimal, so 36.79 stays exactly 36.79 (a float
    would be 36.78999999999999914735...). NaN and Infinity are refused. The content type is not required to
    be JSON: `curl -d '{...}'` sends a JSON body as a form; a body that is not JSON but a real form (an HTML
    form, or a POST with no fields) is read as its fields."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        try:
            return cast(
                dict[str, Any], json.loads(request.body, parse_float=Decimal, parse_constant=_tolak_konstanta)
            )
        except ValueError:
            if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                return dict(request.POST.items())
            raise


# --- the token ------------------------------------------------------------------------------------------


class TokenBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        kunci = token.strip()
        if not kunci:
            return None
        simpanan = (
            ApiToken.objects.aktif()
            .select_related("pengguna")
            .filter(kunci=hash_kunci(kunci), pengguna__is_active=True)
            .first()
        )
        if simpanan is None:
            return None
        # The password changed since the token was issued: refused, as Django refuses such a session.
        if not constant_time_compare(simpanan.sidik_sandi, simpanan.pengguna.get_session_auth_hash()):
            return None
        request.auth_token = simpanan  # type: ignore[attr-defined]
        simpanan.cap_pakai()
        request.user = simpanan.pengguna
        return simpanan.pengguna


# --- the docs page --------------------------------------------------------------------------------------


class SwaggerLokal(Swagger):
    """Ninja's bundled Swagger UI (static files, no CDN) in a page of our own (lang="id"). The page has no
    inline script or style: its settings are a JSON data block read by ninja's swagger-ui-init.js, so it
    runs under the site's strict CSP (settings.SECURE_CSP) unchanged. validatorUrl null: Swagger UI would
    otherwise load a badge from an outside validator."""

    template = "api/docs.html"


def _hanya_get(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def bungkus(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            jawab = galat(405, f"Metode {request.method} tidak didukung.")
            jawab["Allow"] = "GET, HEAD"
            return jawab
        return view(request, *args, **kwargs)

    return bungkus


# --- the API object -------------------------------------------------------------------------------------


class ApiCapaian(NinjaAPI):
    """NinjaAPI whose every URL answers in JSON: a method a path does not take is a JSON 405 (Ninja answers
    plain text), and a path under /api/ that names nothing is a JSON 404 (Django would answer HTML)."""

    def _get_urls(self) -> list[URLPattern | URLResolver]:
        pola = super()._get_urls()
        for p in pola:
            if isinstance(p, URLPattern):
                p.callback = _jawab_json(p.callback)
        return [*pola, re_path(r"^.*$", _tidak_ditemukan)]

    def get_openapi_operation_id(self, operation: Any) -> str:
        return str(operation.view_func.__name__)


def _jawab_json(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def bungkus(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            jawab = view(request, *args, **kwargs)
        except Http404:
            return _tidak_ditemukan(request)
        if jawab.status_code == 405 and not jawab.get("Content-Type", "").startswith("application/json"):
            izin = jawab.get("Allow", "")
            jawab = galat(405, f"Metode {request.method} tidak didukung.")
            jawab["Allow"] = izin
        return jawab

    return bungkus


@csrf_exempt
def _tidak_ditemukan(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return galat(404, f"Alamat {request.path} tidak dikenal. Daftar endpoint: /api/docs.")


api = ApiCapaian(
    title="API Capaian",
    version="1",
    description=(
        "API JSON untuk membaca dan mengisi realisasi triwulan, catatan triwulan, menjalankan alur "
        "verifikasi, dan membaca jejak audit. Masuk dengan POST /api/auth/token, lalu kirim header "
        "`Authorization: Bearer <token>` pada setiap permintaan. Galat selalu berbentuk "
        '{"galat": "pesan"}; untuk isian yang salah disertai "rincian" per isian. Angka JSON dibaca '
        "persis sebagai desimal."
    ),
    urls_namespace="api",
    auth=TokenBearer(),
    parser=ParserDesimal(),
    docs=SwaggerLokal(settings={"validatorUrl": None}),
    docs_decorator=_hanya_get,
)


# --- errors ---------------------------------------------------------------------------------------------

_FRASA: dict[str, str] = {
    "missing": "wajib diisi",
    "extra_forbidden": "tidak dikenal",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "string_type": "harus berupa teks",
    "model_type": "harus berupa objek JSON",
    "model_attributes_type": "harus berupa objek JSON",
    "dict_type": "harus berupa objek JSON",
}


def _frasa(e: dict[str, Any]) -> str:
    jenis, ctx = e["type"], e.get("ctx") or {}
    if jenis == "nilai_tidak_sah":
        return str(e["msg"])
    if jenis in _FRASA:
        return _FRASA[jenis]
    if jenis == "greater_than_equal":
        return f"paling kecil {ctx.get('ge')}"
    if jenis == "less_than_equal":
        return f"paling besar {ctx.get('le')}"
    if jenis == "string_too_short":
        return "wajib diisi"
    if jenis == "enum":
        return f"harus salah satu dari {ctx.get('expected')}".replace(" or ", " atau ")
    return "tidak sah"


def _rincian(e: dict[str, Any]) -> tuple[str, str, str]:
    """(where, field, phrase) of one pydantic error as ninja reports it: loc is (source, [param,] field…)."""
    sumber, *jalur = [str(b) for b in e["loc"]]
    if sumber == "body" and len(jalur) > 1:
        jalur = jalur[1:]  # the view's parameter name ("badan"), not a field the client sent
    elif sumber == "body":
        return sumber, "", "Badan permintaan harus berupa objek JSON dengan isian yang diminta."
    return sumber, ".".join(jalur), _frasa(e)


@api.exception_handler(ValidationError)
def _validasi(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    rincian = [_rincian(e) for e in exc.errors]
    pesan = []
    for (sumber, isian, frasa), e in zip(rincian, exc.errors, strict=True):
        jenis = "Isian" if sumber == "body" else "Parameter"
        if not isian:
            pesan.append(frasa)
        elif (
            e["type"] == "nilai_tidak_sah"
        ):  # the validator's own sentence, e.g. "'tiga' bukan angka yang sah"
            pesan.append(f"{jenis} '{isian}': {frasa.rstrip('.')}.")
        else:
            pesan.append(f"{jenis} '{isian}' {frasa}.")
    # A path that names nothing (an unknown step, a quarter 5) is a resource that does not exist.
    status = 404 if all(s == "path" for s, _, _ in rincian) else 400
    return galat(
        status,
        " ".join(pesan),
        rincian=[{"isian": isian, "pesan": frasa} for _, isian, frasa in rincian],
    )


@api.exception_handler(Galat)
def _galat(request: HttpRequest, exc: Galat) -> HttpResponse:
    jawab = galat(exc.status, exc.pesan, **exc.lain)
    for nama, nilai in exc.kepala.items():
        jawab[nama] = nilai
    return jawab


@api.exception_handler(AuthenticationError)
def _tanpa_token(request: HttpRequest, exc: Exception) -> HttpResponse:
    jawab = galat(401, PESAN_TOKEN)
    jawab["WWW-Authenticate"] = 'Bearer realm="capaian"'
    return jawab


@api.exception_handler(HttpError)
def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja's own: a body that is not JSON (400), throttling (429).
    if exc.status_code == 400:
        return galat(400, "Badan permintaan bukan JSON yang sah.")
    if exc.status_code == 429:
        return galat(429, "Terlalu banyak permintaan. Coba lagi sebentar lagi.")
    return galat(exc.status_code, str(exc))


@api.exception_handler(Http404)
def _404(request: HttpRequest, exc: Exception) -> HttpResponse:
    return galat(404, "Tidak ditemukan.")


@api.exception_handler(akses.AksesDitolak)
def _403(request: HttpRequest, exc: Exception) -> HttpResponse:
    return galat(403, str(exc) or "Peran Anda tidak berhak melakukan ini.")


@api.exception_handler(services.TriwulanTertutup)
def _423(request: HttpRequest, exc: Exception) -> HttpResponse:
    return galat(423, str(exc))


@api.exception_handler(alur.LangkahTidakSah)
def _409(request: HttpRequest, exc: Exception) -> HttpResponse:
    return galat(409, str(exc))


@api.exception_handler(alur.IsianTidakSah)
def _400(request: HttpRequest, exc: Exception) -> HttpResponse:
    return galat(400, str(exc))


@api.exception_handler(RequestDataTooBig)
def _413(request: HttpRequest, exc: Exception) -> HttpResponse:
    batas = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return galat(413, f"Badan permintaan terlalu besar (paling besar {batas} bita).")


@api.exception_handler(OperationalError)
def _503(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The one answer of every door to a busy database (capaian.web.sibuk): nothing was saved, retry.
    jawaban = sibuk.jawab_bila_sibuk(request, exc)
    return jawaban if jawaban is not None else _500(request, exc)


@api.exception_handler(Exception)
def _500(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("Galat tak terduga di %s %s", request.method, request.path)
    return galat(500, galat_server.PESAN_API)
