"""Helpers for tests that reach the test database from another process.

`url_uji()` is a DATABASE_URL for the test database pytest-django created (a file for SQLite, see
tests/settings.py), so a subprocess (`capaian serve` and its task worker) opens the same database as the
test. Only committed rows are visible there: such tests are transactional (`transaction=True`).
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

AKAR = Path(__file__).resolve().parents[1]


def url_uji() -> str:
    d = connection.settings_dict
    if d["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{d['NAME']}"
    sandi = f":{quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return f"postgres://{quote(d['USER'])}{sandi}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def _env(data_dir: Path) -> dict[str, str]:
    # The same secret key as this process: a session made here is valid there.
    return {
        **os.environ,
        "DATABASE_URL": url_uji(),
        "CAPAIAN_DATA_DIR": str(data_dir),
        "CAPAIAN_SECRET_KEY": settings.SECRET_KEY,
    }


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    pid: int = 0
    keluaran: str = ""  # serve's and its worker's output, once serve has stopped


@contextmanager
def jalankan_serve(data_dir: Path, *argumen: str) -> Iterator[Server]:
    """`capaian serve` on the test database, as `make run` starts it, once it answers.

    On leaving, serve is stopped (SIGTERM) and must have stopped its task worker: the worker's pid, from
    serve's output, no longer exists."""
    port = _port_bebas()
    proses = subprocess.Popen(
        [sys.executable, "-m", "capaian.cli", "serve", "--port", str(port), *argumen],
        cwd=AKAR,
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(f"http://127.0.0.1:{port}", proses.pid)
    try:
        batas = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(server.url + "/masuk/", timeout=2).close()
                break
            except OSError:
                if proses.poll() is not None or time.monotonic() > batas:
                    raise AssertionError("capaian serve did not start") from None
                time.sleep(0.2)
        yield server
    finally:
        proses.terminate()
        server.keluaran = proses.communicate(timeout=60)[0]
    pid = re.search(r"Pekerja tugas berjalan \(pid (\d+)\)", server.keluaran)
    if "--tanpa-pekerja" not in argumen:
        assert pid is not None, server.keluaran
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid.group(1)), 0)
