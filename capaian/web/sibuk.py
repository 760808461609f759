"""A database that cannot be had right now is a retryable 503 with an Indonesian message, never a 500.

SQLite queues writers (settings: immediate transactions and a busy timeout), so on a busy deadline day a save
waits its turn; only a save that waited the whole timeout ends here. PostgreSQL lands here on a lock or
statement timeout, a deadlock or serialization failure (the transaction was rolled back) or a full connection
table. Everything that change data runs in one transaction (capaian.monev.services), so nothing was written:
the message says so and asks to try again. One place for every door: the web pages get an Indonesian page,
/api/ gets `{"galat": ...}`, both with Retry-After.
"""

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

COBA_LAGI_DETIK = 5
PESAN = (
    "Basis data sedang sibuk melayani banyak pengguna sekaligus, sehingga permintaan ini belum dapat "
    "diproses dan tidak ada yang disimpan. Silakan coba lagi dalam beberapa detik."
)

# SQLite's words for "another connection holds the lock" (after the busy timeout).
_SQLITE_TERKUNCI = ("database is locked", "database table is locked", "database is busy")
# PostgreSQL SQLSTATEs that mean "try again": serialization failure, deadlock, lock not available,
# statement timeout / cancel, too many connections, server starting up or shutting down.
_PG_COBA_LAGI = frozenset({"40001", "40P01", "55P03", "57014", "53300", "57P03"})


def basisdata_sibuk(galat: BaseException) -> bool:
    """Whether `galat` means the database could not be had now, and the same request may succeed later."""
    if not isinstance(galat, OperationalError):
        return False
    sebab = galat.__cause__
    if getattr(sebab, "sqlstate", None) in _PG_COBA_LAGI:
        return True
    teks = str(galat).lower()
    return any(kata in teks for kata in _SQLITE_TERKUNCI)


def jawaban_sibuk(request: HttpRequest) -> HttpResponse:
    """The 503 answer. The web page is rendered without touching the database (it is the busy part)."""
    jawaban: HttpResponse
    if request.path.startswith("/api/"):
        jawaban = JsonResponse({"galat": PESAN}, status=503)
    else:
        isi = render_to_string(
            "web/sibuk.html",
            {"pesan": PESAN, "kirim": request.method == "POST", "detik": COBA_LAGI_DETIK},
            request=None,
        )
        jawaban = HttpResponse(isi, status=503)
    jawaban["Retry-After"] = str(COBA_LAGI_DETIK)
    jawaban["Cache-Control"] = "no-store"
    return jawaban


def jawab_bila_sibuk(request: HttpRequest, galat: BaseException) -> HttpResponse | None:
    """The 503 answer, logged, when `galat` is a busy database; None otherwise. Every door calls this: the
    middleware for a view's exception, the API's handler for its own, Django's handler500 for one raised
    outside a view (capaian.web.galat_server)."""
    if not basisdata_sibuk(galat):
        return None
    log.warning("Basis data sibuk: %s %s dijawab 503 (%s)", request.method, request.path, galat)
    return jawaban_sibuk(request)


class BasisDataSibukMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return jawab_bila_sibuk(request, exception)
