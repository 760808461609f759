"""A snapshot of every table of the test database, taken once and put back instead of building it again.

The demo the tests know (tests/conftest.py `muat_demo_uji`) takes about 2 s to build: the loader goes
through the services and checks every quarter. A transactional test (transaction=True, live_server) commits,
and pytest-django empties the database after it, so the next test that needs the demo had it built again.
`ambil()` reads every row of every model table right after the first build; `pulihkan()` puts exactly those
rows back (same ids) in one transaction, and sets the sequences past them, as `loaddata` does. The result
is the database the first build made, row for row, for a few hundred milliseconds.

The same goes for the city of tests/kota/conftest.py, which every module there builds inside its own
rolled-back transaction: the first module takes the snapshot, the others put it back.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class Tabel:
    nama: str
    kolom: tuple[str, ...]
    baris: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Cuplikan:
    tabel: tuple[Tabel, ...]


def ambil() -> Cuplikan:
    """Every row of every table of the installed models, as the database holds them now."""
    q = connection.ops.quote_name
    daftar = []
    with connection.cursor() as kursor:
        for nama in sorted(connection.introspection.django_table_names(only_existing=True)):
            kursor.execute(f"SELECT * FROM {q(nama)}")  # noqa: S608 (table names from the introspection)
            kolom = tuple(k[0] for k in kursor.description)
            daftar.append(Tabel(nama, kolom, [tuple(b) for b in kursor.fetchall()]))
    return Cuplikan(tuple(daftar))


def pulihkan(cuplikan: Cuplikan) -> None:
    """Make the database hold exactly the snapshot's rows: every model table emptied, the rows put back,
    the sequences set past the largest id. Foreign keys are deferred to the end of the transaction
    (Django creates them DEFERRABLE INITIALLY DEFERRED), so the order of the tables does not matter."""
    q = connection.ops.quote_name
    nama_tabel = [t.nama for t in cuplikan.tabel]
    with transaction.atomic(), connection.cursor() as kursor:
        for sql in connection.ops.sql_flush(no_style(), nama_tabel, allow_cascade=True):
            kursor.execute(sql)
        for t in cuplikan.tabel:
            if not t.baris:
                continue
            tanda = ", ".join(["%s"] * len(t.kolom))
            kolom = ", ".join(q(k) for k in t.kolom)
            kursor.executemany(f"INSERT INTO {q(t.nama)} ({kolom}) VALUES ({tanda})", t.baris)  # noqa: S608
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            kursor.execute(sql)
