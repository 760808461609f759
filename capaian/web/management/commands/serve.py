"""capaian serve [--host H] [--port P] [--workers N] [--threads T] [--tanpa-pekerja]: the app and its
task worker. One waitress process by default; `--workers N` (N > 1) runs N gunicorn processes instead
(capaian.web.layani says how both are sized).

Work longer than a request (the city-wide report package) runs in Django's tasks framework, stored in the
database by django-tasks-db and run by its worker, `capaian db_worker`. An office LAN runs one command, so
`serve` starts that worker as a child process, restarts it if it dies, and stops it when it stops itself.
A deployment that runs its workers separately (one per machine, under systemd) passes --tanpa-pekerja.
"""

import ctypes
import signal
import subprocess
import sys
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from capaian.web import layani
from capaian.web.statis import BerkasStatis
from capaian.wsgi import application

JEDA_MULAI_ULANG = 5.0  # seconds before a worker that died is started again
PERINTAH_PEKERJA = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "1"]


# prctl is looked up here, not in the child: between fork and exec the child only calls it (a restart
# forks from the watchdog thread while waitress's threads run, so the child must take no lock).
_PRCTL = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def _mati_bersama_induk() -> None:
    """In the child, before exec: Linux sends it SIGTERM when serve dies, even by SIGKILL."""
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Pekerja:
    """The task worker as a child process, kept running until `hentikan`."""

    def __init__(self, keluaran: Any) -> None:
        self.keluaran = keluaran
        self.proses: subprocess.Popen[bytes] | None = None
        self.berhenti = threading.Event()
        self.penjaga = threading.Thread(target=self._jaga, name="penjaga-pekerja", daemon=True)

    def mulai(self) -> None:
        self._jalankan()
        self.penjaga.start()

    def _jalankan(self) -> None:
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "capaian.cli", *PERINTAH_PEKERJA], preexec_fn=_mati_bersama_induk
        )
        self.keluaran.write(f"Pekerja tugas berjalan (pid {self.proses.pid}).")

    def _jaga(self) -> None:
        while not self.berhenti.is_set():
            assert self.proses is not None
            kode = self.proses.wait()
            if self.berhenti.wait(JEDA_MULAI_ULANG):
                return
            self.keluaran.write(f"Pekerja tugas berhenti (kode {kode}); dijalankan ulang.")
            self._jalankan()

    def hentikan(self) -> None:
        self.berhenti.set()
        if self.proses is None or self.proses.poll() is not None:
            return
        self.proses.terminate()  # db_worker finishes the task at hand, then exits
        try:
            self.proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proses.kill()
            self.proses.wait()


def _keluar(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


class Command(BaseCommand):
    help = "Menjalankan aplikasi web dengan server WSGI produksi (waitress) beserta pekerja tugasnya."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=1, help="Jumlah proses (lebih dari 1: gunicorn, khusus Linux)."
        )
        parser.add_argument(
            "--threads", type=int, default=layani.THREAD_BAWAAN, help="Jumlah thread per proses."
        )
        parser.add_argument(
            "--tanpa-pekerja",
            action="store_true",
            help="Jangan jalankan pekerja tugas; jalankan `capaian db_worker` tersendiri.",
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        layani.periksa_basis_data()
        pekerja = None if opsi["tanpa_pekerja"] else Pekerja(self.stdout)
        # SIGTERM (systemd, a test's terminate()) ends serve through `finally`, so the worker stops too.
        signal.signal(signal.SIGTERM, _keluar)
        try:
            if pekerja is not None:
                pekerja.mulai()
            self.stdout.write(f"Capaian berjalan di http://{opsi['host']}:{opsi['port']}/")
            # The app's own static files are served by the same process: an office LAN has no separate
            # web server.
            aplikasi = BerkasStatis(application)
            if opsi["workers"] > 1:
                layani.gunicorn(aplikasi, opsi["host"], opsi["port"], opsi["workers"], opsi["threads"])
            else:
                layani.waitress(aplikasi, opsi["host"], opsi["port"], opsi["threads"])
        finally:
            if pekerja is not None:
                pekerja.hentikan()
