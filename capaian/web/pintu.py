"""Names the door of every request for the audit trail: the admin, the API or the web pages (by path)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from capaian.audit.catat import lewat


def pintu_jalur(jalur: str) -> str:
    if jalur.startswith("/admin/"):
        return "admin"
    if jalur.startswith("/api/"):
        return "api"
    return "web"


class PintuMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with lewat(pintu_jalur(request.path_info)):
            return self.get_response(request)
