"""The two ways `capaian serve` runs the app: one waitress process (the office LAN's default, any OS), or
several gunicorn processes with threads (`--workers N`, Linux), for a server with more cores than one
Python process can use.

Both are sized for the deadline rush: a connection limit far above the number of operators (a browser
keeps its connection open between saves, and waitress's default limit of 100 left the 101st operator
unanswered), and threads enough that slow requests do not queue the quick ones. Nothing that another worker
needs lives in a process's memory: sessions, uploads, task results and the login lockout are in the
database, the board's summaries in a cache keyed by a fingerprint of the data (a worker's own copy can be
missing, never stale).
"""

from typing import Any

from django.db import connections

KONEKSI_MAKS = (
    1000  # connections kept open per process (waitress connection_limit, gunicorn worker_connections)
)
BACKLOG = 2048  # connections the kernel queues before one is accepted


def waitress(aplikasi: Any, host: str, port: int, threads: int) -> None:
    from waitress import serve

    serve(
        aplikasi,
        host=host,
        port=port,
        threads=threads,
        connection_limit=KONEKSI_MAKS,
        backlog=BACKLOG,
        channel_timeout=60,
        ident="Capaian",
    )


def gunicorn(aplikasi: Any, host: str, port: int, workers: int, threads: int) -> None:
    from gunicorn.app.base import BaseApplication

    class _Aplikasi(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for kunci, nilai in {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "worker_connections": KONEKSI_MAKS,
                "backlog": BACKLOG,
                "keepalive": 30,
                "timeout": 120,
                "graceful_timeout": 30,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "capaian",
            }.items():
                self.cfg.set(kunci, nilai)

        def load(self) -> Any:
            return aplikasi

    # Each worker opens its own database connections after the fork; none may be inherited.
    connections.close_all()
    _Aplikasi().run()
