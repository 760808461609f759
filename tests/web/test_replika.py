"""The replica router (capaian.replika): without DATABASE_REPLICA_URL nothing changes; with it, the pages
that only read send their reads to the replica and everything else stays on the primary. The second part
runs only where a replica is configured (docs/deploy.md: a second local cluster streaming from the first)."""

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from capaian.monev.models import StatusTriwulan
from capaian.replika import ALIAS, RouterReplika, dari_replika
from tests.conftest import TAHUN

pytestmark = [pytest.mark.django_db(databases="__all__"), pytest.mark.usefixtures("demo")]
ADA_REPLIKA = ALIAS in settings.DATABASES


def test_tanpa_replika_router_tidak_terpasang() -> None:
    if ADA_REPLIKA:
        pytest.skip("DATABASE_REPLICA_URL diatur")
    assert "capaian.replika.RouterReplika" not in getattr(settings, "DATABASE_ROUTERS", [])
    # Even asked, the router sends nothing anywhere when there is no replica.
    assert dari_replika(lambda: RouterReplika().db_for_read(StatusTriwulan))() is None


@pytest.mark.skipif(not ADA_REPLIKA, reason="tidak ada replika (DATABASE_REPLICA_URL)")
def test_dengan_replika_halaman_baca_membaca_replika(klien_sebagai) -> None:
    router = RouterReplika()
    assert router.db_for_read(StatusTriwulan) is None
    assert dari_replika(lambda: router.db_for_read(StatusTriwulan))() == ALIAS

    def menulis() -> str | None:
        with transaction.atomic():  # a transaction the view opens: a write's own reads stay on the primary
            return router.db_for_read(StatusTriwulan)

    assert dari_replika(menulis)() is None
    assert dari_replika(lambda: router.db_for_write(StatusTriwulan))() is None
    with CaptureQueriesContext(connections[ALIAS]) as q:
        assert klien_sebagai("pimpinan").get(f"/dasbor/{TAHUN}/2/").status_code == 200
    assert q.captured_queries
