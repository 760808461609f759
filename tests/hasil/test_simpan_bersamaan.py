"""Two operators of one agency saving at the same moment, each their own row (the deadline rush that
bench/beban.py runs): both saves land, and the stored results are those of both rows.

Found by `make bench-beban` on PostgreSQL: the first saves in a newly opened quarter had no status row to
queue on, so both computed the quarter's stored totals from their own snapshot and both created them; the
second answered HTTP 500 (unique key hasil_pd_unik). Saves now lock the quarter's status row, made when
missing (capaian.monev.services._wajib_terbuka). On SQLite the second writer waits for the first's write
lock: the same outcome, checked the same way."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from capaian.hasil import simpan
from capaian.hasil.models import HasilPerangkatDaerah
from capaian.monev import services
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import PD, TAHUN

TW = 3  # the demo has saved nothing in TW III: the quarter's first saves


@pytest.mark.django_db(transaction=True)  # two threads, two connections: only committed rows are shared
def test_dua_simpan_bersamaan_di_triwulan_baru_keduanya_tersimpan(demo: None) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    # A quarter just opened: no status row for it or the quarter after it yet, as in `capaian demo`'s own
    # database (a draft row means the same; the test database's demo has draft rows for every quarter).
    StatusTriwulan.objects.filter(
        perangkat_daerah=pd, tahun=TAHUN, triwulan__gte=TW, status=Status.DRAFT
    ).delete()
    assert not StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan__gte=TW).exists()
    assert not HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW).exists()
    pertama, kedua = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan", rumus="").order_by(
        "urutan"
    )[:2]
    siap, lanjut = threading.Event(), threading.Event()
    galat: list[BaseException] = []

    def operator_a() -> None:
        try:
            # The first save holds its transaction open while the second one starts.
            with transaction.atomic():
                services.simpan_realisasi(None, pertama, TAHUN, TW, k=Decimal("3"))
                siap.set()
                lanjut.wait(10)
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            galat.append(e)
            siap.set()
        finally:
            connection.close()

    def operator_b() -> None:
        try:
            services.simpan_realisasi(None, kedua, TAHUN, TW, k=Decimal("4"))
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            galat.append(e)
        finally:
            connection.close()

    a = threading.Thread(target=operator_a)
    a.start()
    assert siap.wait(30)
    b = threading.Thread(target=operator_b)
    b.start()
    b.join(1.0)  # long enough for the second save to have computed and written, had it not waited
    lanjut.set()
    a.join(30)
    b.join(30)
    assert not a.is_alive() and not b.is_alive()
    assert galat == []
    assert {
        r.indikator_id: r.k for r in Realisasi.objects.filter(indikator__in=[pertama, kedua], triwulan=TW)
    } == {
        pertama.pk: Decimal("3"),
        kedua.pk: Decimal("4"),
    }
    # The stored results hold both rows: nothing differs from a fresh computation.
    assert simpan.periksa([pd]) == []
