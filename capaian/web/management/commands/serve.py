"""capaian serve [--host H] [--port P]: the app under waitress, a production WSGI server."""

from typing import Any

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandParser
from waitress import serve

from capaian.wsgi import application


class Command(BaseCommand):
    help = "Menjalankan aplikasi web dengan server WSGI produksi (waitress)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **opsi: Any) -> None:
        self.stdout.write(f"Capaian berjalan di http://{opsi['host']}:{opsi['port']}/")
        # The app's own static files are served by the same process: an office LAN has no separate web server.
        serve(StaticFilesHandler(application), host=opsi["host"], port=opsi["port"], threads=opsi["threads"])
