"""Reads of the pages that only read (the dashboards, the verifier's board, the city's documents) from a
PostgreSQL streaming replica (issue 14 item 6, docs/deploy.md).

Set DATABASE_REPLICA_URL to the replica (a hot standby of DATABASE_URL); without it the router is not
installed and nothing changes. A view marked `dari_replika` reads from the replica while it runs; every
write, every read inside a transaction (a write's own reads) and every other view go to the primary. A
replica may lag the primary by a moment: a page read there can miss a save made a moment ago, which the
dashboards tolerate and the entry screen (always on the primary) does not."""

from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.db import connections

ALIAS = "replika"
# Inside a view marked dari_replika: how many transactions were open when it began (a test runs in one).
_baca: ContextVar[int | None] = ContextVar("capaian_baca_replika", default=None)


def _kedalaman() -> int:
    return len(connections["default"].atomic_blocks)


class RouterReplika:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        awal = _baca.get()
        if awal is not None and ALIAS in connections.databases and _kedalaman() <= awal:
            return ALIAS  # no transaction opened since the view began: not a write's own read
        return None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return None

    def allow_relation(self, obj1: object, obj2: object, **hints: Any) -> bool:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == ALIAS else None  # a standby is migrated by replication


def dari_replika[F: Callable[..., Any]](view: F) -> F:
    """Run the view with its reads on the replica (when one is configured)."""

    @wraps(view)
    def bungkus(*args: Any, **kwargs: Any) -> Any:
        token = _baca.set(_kedalaman())
        try:
            return view(*args, **kwargs)
        finally:
            _baca.reset(token)

    return bungkus  # type: ignore[return-value]
