"""Django's handler500: the last answer to an exception nothing else handled, raised anywhere in a request.

A view's exception meets capaian.web.sibuk's middleware (and the API's own handlers) first; one raised in a
middleware, such as the database lock a session or sign-in write meets on a busy SQLite, only reaches this.
So a busy database is a retryable 503 here too, and /api/ answers JSON, never Django's HTML page.
"""

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from capaian.web import sibuk

PESAN_API = "Terjadi kesalahan pada server. Kesalahan ini sudah dicatat."


def galat_server(request: HttpRequest) -> HttpResponse:
    galat = sys.exception()  # Django calls this inside its except block
    if galat is not None and (sibuk_503 := sibuk.jawab_bila_sibuk(request, galat)) is not None:
        return sibuk_503
    if request.path.startswith("/api/"):
        return JsonResponse({"galat": PESAN_API}, status=500)
    # Rendered without a request context: the failing part may be the session or the database.
    return HttpResponse(render_to_string("500.html"), status=500)
