"""The two ways `capaian serve` runs the app: one waitress process (the office LAN's default, any OS), or
several gunicorn processes with threads (`--workers N`, Linux), for a server with more cores than one
Python process can use.

Both are sized for the deadline rush: a connection limit far above the number of operators (a browser
keeps its connection open between saves, and waitress's default limit of 100 left the 101st operator
unanswered), and few threads (THREAD_BAWAAN): the work is CPU-bound under one interpreter lock, so more
threads add no throughput; they only split the CPU among more requests at once, which on SQLite stretches
the one write lock's holder until the queued saves pass their busy timeout. Nothing that another worker
needs lives in a process's memory: sessions, uploads, task results and the login lockout are in the
database, the board's summaries in a cache keyed by a fingerprint of the data (a worker's own copy can be
missing, never stale).
"""

from typing import Any

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

# Measured by bench-beban (2 workers, 2 cores): with 16 threads, 200 operators on SQLite got 36-40 503s of
# ~400 saves and 50 operators' save p95 was 5.8 s (PostgreSQL 3.4 s); with 4, no error on either database
# at 50 or 200, save p95 2.7 s (1.9 s), and more requests served (21 req/s instead of 19).
THREAD_BAWAAN = 4
KONEKSI_MAKS = (
    1000  # connections kept open per process (waitress connection_limit, gunicorn worker_connections)
)
BACKLOG = 2048  # connections the kernel queues before one is accepted


def periksa_basis_data() -> None:
    """Before serving: the database answers and is migrated. A server that started on a wrong DATABASE_URL
    would say it runs and then fail every sign-in with "Terjadi kesalahan pada server"."""
    koneksi = connections[DEFAULT_DB_ALIAS]
    nama = koneksi.settings_dict.get("NAME")
    try:
        koneksi.ensure_connection()
        rencana = MigrationExecutor(koneksi).migration_plan(
            MigrationExecutor(koneksi).loader.graph.leaf_nodes()
        )
    except DatabaseError as e:
        raise CommandError(
            f"Basis data {nama} ({koneksi.vendor}) tidak dapat dihubungi: {str(e).strip()}. "
            "Periksa DATABASE_URL dan bahwa server basis data berjalan."
        ) from None
    if rencana:
        raise CommandError(
            f"Basis data {nama} belum mutakhir ({len(rencana)} migrasi belum dijalankan). "
            "Jalankan `capaian migrate` lebih dahulu."
        )


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
