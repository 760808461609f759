"""The demo city for the pemda-wide tests, loaded once per module in a rolled-back transaction:

    kota_demo    the demo (Disperindag, Dinas Contoh) plus KOTA small synthetic agencies (their TW II states
                 follow capaian.demo.kota_sintetis.POLA: locked, verified, verified, submitted), and
                 Disperindag's TW II explained, submitted, approved by its head and verified through the
                 workflow, so that Form E.79 includes the reference agency. Use as `pytestmark =
                 [pytest.mark.django_db, pytest.mark.usefixtures("kota_demo")]`; each test still runs in its
                 own savepoint.

The first module to ask builds it and takes a snapshot (tests/cuplikan.py); the others put the snapshot back
inside their own transaction, which is rolled back as before.

The synthetic agencies are kept small (BARIS rows) so that loading stays quick; tests/kota/test_demo_kota.py
checks the full-size generator.
"""

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from capaian.demo.muat import muat_demo
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.organisasi.models import PerangkatDaerah
from tests import cuplikan
from tests.conftest import KEPALA, OPERATOR, PD, TAHUN, VERIFIKATOR, terima_penjelasan_demo

KOTA = 4
BARIS = 14
SINTETIS = ("sintetis-dindik", "sintetis-dinkes", "sintetis-dpupr", "sintetis-disperkim")
TERMASUK = (PD, "sintetis-dindik", "sintetis-dinkes", "sintetis-dpupr")  # verified or locked in TW II


def verifikasi_disperindag() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    jalankan_langkah("ajukan", User.objects.get(username=OPERATOR), pd, TAHUN, 2)
    jalankan_langkah("setujui", User.objects.get(username=KEPALA), pd, TAHUN, 2)
    jalankan_langkah("verifikasi", User.objects.get(username=VERIFIKATOR), pd, TAHUN, 2)


_KOTA: list[cuplikan.Cuplikan] = []  # the city as the first module here built it (per xdist worker)


@pytest.fixture(scope="module")
def kota_demo(django_db_setup: None, django_db_blocker: pytest.FixtureDef) -> Iterator[None]:
    luar = transaction.atomic()
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        luar.__enter__()
        if _KOTA:  # the same rows, same ids, without building them again (about 4 s a module)
            cuplikan.pulihkan(_KOTA[0])
        else:
            muat_demo(settings.DEMO_SEED_DIR, kota=KOTA, baris_kota=BARIS)
            terima_penjelasan_demo()
            verifikasi_disperindag()
            _KOTA.append(cuplikan.ambil())
    yield
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        transaction.set_rollback(True)
        luar.__exit__(None, None, None)
