"""Pages for a signed-in user are never stored by the browser or a proxy (`Cache-Control: no-store`): an
office PC is shared, and the back button after signing out must not show an agency's figures. A view
that sets its own Cache-Control (a download) keeps it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class TanpaSimpanMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        pengguna = getattr(request, "user", None)
        if not response.has_header("Cache-Control") and pengguna is not None and pengguna.is_authenticated:
            add_never_cache_headers(response)
        return response
