"""The app's static files as `capaian serve` serves them (an office LAN has no separate web server).

Django's StaticFilesHandler answers a path that climbs out of a static folder (`/static/../settings.py`)
with SuspiciousFileOperation, which reaches the WSGI server as a 500. Such a path names no static file:
it is a 404, like any other missing file."""

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponseNotFound
from django.http.response import HttpResponseBase


class BerkasStatis(StaticFilesHandler):
    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        try:
            return super().get_response(request)
        except SuspiciousFileOperation:
            return HttpResponseNotFound("Berkas tidak ditemukan.", content_type="text/plain; charset=utf-8")
