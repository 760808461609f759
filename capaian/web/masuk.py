"""Logging in and out. The lockout after repeated failures is django-axes (settings.AXES_*), shared with
POST /api/auth/token; this module holds the three hooks axes is configured with: how a username and a client
address are keyed, and how a locked-out request is answered at each door."""

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

PESAN_SALAH = "Nama pengguna atau kata sandi salah."
PESAN_TERKUNCI = (
    "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari komputer ini. "
    "Silakan coba lagi setelah 15 menit atau hubungi admin."
)
PESAN_TERKUNCI_API = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."


# --- the hooks of django-axes ---------------------------------------------------------------------------


def alamat_klien(request: HttpRequest) -> str:
    # REMOTE_ADDR by default: `capaian serve` faces the clients, and a client-supplied X-Forwarded-For would
    # let anyone pick a fresh "address" per attempt. Behind a reverse proxy, see ALAMAT_KLIEN_META.
    return request.META.get(settings.ALAMAT_KLIEN_META) or "0.0.0.0"


def nama_untuk_penguncian(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The lockout's username key: case and surrounding blanks ignored, so "Operator" and "operator " count
    as the same person's failures."""
    nama = (credentials or {}).get("username")
    if nama is None:
        nama = request.POST.get("username", "")
    return str(nama).strip().lower()


def jawaban_terkunci(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The answer to a locked-out sign-in. The two doors answer it themselves (the login page with its
    message, the API's JSON); any other door gets JSON on /api/ and the login page elsewhere."""
    if original_response is not None and original_response.status_code == 429:
        return original_response
    if request.path.startswith("/api/"):
        return jawaban_terkunci_api()
    return _halaman(request, PESAN_TERKUNCI, 429)


def jawaban_terkunci_api() -> JsonResponse:
    jawab = JsonResponse({"galat": PESAN_TERKUNCI_API}, status=429)
    jawab["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return jawab


def sisa_percobaan(request: HttpRequest, nama: str) -> int:
    """How many more failures this username and address may have before the lockout (django-axes's count)."""
    from axes.handlers.proxy import AxesProxyHandler

    gagal = int(AxesProxyHandler.get_failures(request, {"username": nama}))
    return max(settings.AXES_FAILURE_LIMIT - gagal, 0)


def pesan_gagal(request: HttpRequest, nama: str) -> str:
    """The wrong-password message, which warns once the lockout is near (from the third failure on)."""
    sisa = sisa_percobaan(request, nama)
    if sisa > 2:
        return PESAN_SALAH
    menit = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"{PESAN_SALAH} Sisa {sisa} kali percobaan lagi; sesudah itu nama pengguna ini dikunci {menit} menit "
        "dari komputer ini."
    )


def terkunci(request: HttpRequest) -> bool:
    """Whether the authenticate() call just made on this request was refused by the lockout."""
    return bool(getattr(request, "axes_locked_out", False))


# --- the views ------------------------------------------------------------------------------------------


def _lanjut(request: HttpRequest) -> str:
    lanjut = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(lanjut, allowed_hosts={request.get_host()}):
        return ""
    return lanjut


def _halaman(request: HttpRequest, galat: str, status: int) -> HttpResponse:
    konteks = {"galat": galat, "nama": request.POST.get("username", "").strip(), "lanjut": _lanjut(request)}
    return render(request, "web/masuk.html", konteks, status=status)


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def masuk(request: HttpRequest) -> HttpResponse:
    lanjut = _lanjut(request)
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(lanjut or "beranda")
        return _halaman(request, "", 200)
    nama = request.POST.get("username", "").strip()
    sandi = request.POST.get("password", "")
    if not nama or not sandi:
        return _halaman(request, "Nama pengguna dan kata sandi wajib diisi.", 400)
    # While the pair is locked, axes refuses before the password is even checked, so guessing on cannot
    # succeed; the failure that reaches the limit is answered as locked too.
    pengguna = authenticate(request, username=nama, password=sandi)
    if terkunci(request):
        return _halaman(request, PESAN_TERKUNCI, 429)
    if pengguna is None:
        return _halaman(request, pesan_gagal(request, nama), 401)
    login(request, pengguna)  # rotates the session key; axes clears the pair's failures
    return redirect(lanjut or "beranda")


@require_POST
def keluar(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("masuk")
