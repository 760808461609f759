"""GET /sehat/: is this app process up and can it reach its database? For a reverse proxy's or a load
balancer's health check, and the load test's yardstick of one cheap request. It reads no data and needs no
sign-in, so it tells nothing about any agency."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def sehat(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as kursor:
            kursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "basis data tidak dapat dihubungi"}, status=503)
    return JsonResponse({"status": "baik"})
