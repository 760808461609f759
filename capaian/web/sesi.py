"""A sliding session: it ends after CAPAIAN_SESI_MENIT minutes (120) without a request, not a fixed time
after signing in (someone who signed in at 07:30 used to be cut off at 15:30 in the middle of typing).

Refreshing the session is a write, so it is done at most once per SEGAR (5 minutes), not on every request
(a GET writes nothing else). Pages carry the session's end (`sesi_berakhir`, epoch seconds) for the
warning of capaian/web/static/web/sesi.js, which offers to stay signed in (POST /sesi/perpanjang/) and
does so by itself while the user is typing."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.sessions.backends.base import UpdateError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from capaian.web.sibuk import basisdata_sibuk

KUNCI = "_sesi_diperbarui"
SEGAR = 5 * 60


def _perbarui(request: HttpRequest, sekarang: float) -> None:
    request.session[KUNCI] = int(sekarang)  # marks the session modified: saved with a new expiry


def berakhir(request: HttpRequest) -> int | None:
    """When this session ends, in epoch seconds (None when nobody is signed in)."""
    pengguna = getattr(request, "user", None)  # absent on a page rendered outside the middleware (a 404)
    if pengguna is None or not pengguna.is_authenticated:
        return None
    return int(request.session.get(KUNCI, time.time())) + settings.SESSION_COOKIE_AGE


class SesiBergeserMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        segarkan = False
        if request.user.is_authenticated:
            sekarang = time.time()
            if sekarang - request.session.get(KUNCI, 0) >= SEGAR:
                _perbarui(request, sekarang)
                segarkan = True
        jawaban = self.get_response(request)
        if segarkan:
            _simpan_bila_bisa(request, jawaban)
        return jawaban


def _simpan_bila_bisa(request: HttpRequest, jawaban: HttpResponse) -> None:
    """Save the refreshed session here, and when the database is too busy (SQLite's writers queued past
    the busy timeout) leave the refresh for a later request instead of failing this one: Django's session
    middleware turns that failure into "Bad Request (400)", which on deadline day answered a page, or a
    save already committed, with an error (make bench-beban, SQLite, 2 processes, 200 operators). Saved
    here, the cookie is sent here with its new expiry, and Django's middleware has nothing left to save."""
    sesi = request.session
    if not sesi.modified or sesi.session_key is None or jawaban.status_code == 500:
        return
    try:
        sesi.save()
    except UpdateError as e:
        if not basisdata_sibuk(e.__context__ or e):
            raise
        # Not saved: the session keeps its stored expiry (at most SEGAR older than this page says).
        sesi.modified = False
        return
    sesi.modified = False
    # The cookie as django.contrib.sessions.middleware sets it for a modified session.
    max_age = None if sesi.get_expire_at_browser_close() else sesi.get_expiry_age()
    jawaban.set_cookie(
        settings.SESSION_COOKIE_NAME,
        sesi.session_key,
        max_age=max_age,
        domain=settings.SESSION_COOKIE_DOMAIN,
        path=settings.SESSION_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=settings.SESSION_COOKIE_HTTPONLY,
        samesite=settings.SESSION_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )


def saat_masuk(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Signing in starts the clock (login saves the session anyway), so the first page after it does not
    write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session[KUNCI] = int(time.time())


def konteks_sesi(request: HttpRequest) -> dict[str, object]:
    return {"sesi_berakhir": berakhir(request)}


@login_required
@require_POST
def perpanjang(request: HttpRequest) -> JsonResponse:
    _perbarui(request, time.time())
    return JsonResponse({"berakhir": berakhir(request)})
