"""Shared pytest fixtures: the demo data and one fixture per demo persona.

The demo (both agencies, year 2024 open for entry, the demo users, their explained galat) is built once, into
the test database, right after pytest-django creates it (`django_db_setup` below). Every ordinary test runs
inside a transaction that is rolled back, so each one starts from the same demo, and reading tests pay
nothing for it. Transactional tests (transaction=True, live_server) commit, and pytest-django empties the
database after each of them; they run after all the others (pytest-django orders them so), and `demo` puts
the demo back when it finds it gone, from the snapshot taken right after the first build (tests/cuplikan.py).

    demo                      the demo is in the database (see above); returns None
    demo_per_modul            kept for the modules that name it: the demo is there for the whole run now
    pengguna_demo("nama")     factory: the demo User by username (needs `demo`)
    pengguna_admin, pengguna_verifikator, pengguna_operator (operator-disperindag),
    pengguna_kepala (kepala-disperindag), pengguna_operator_contoh, pengguna_pimpinan
                              the demo Users
    klien_sebagai("nama")     factory: a django.test.Client logged in (session) as that demo user;
                              klien_sebagai(None) is an anonymous client
    klien_admin, klien_verifikator, klien_operator, klien_kepala, klien_operator_contoh, klien_pimpinan,
    klien_anonim              the same, ready-made

PERSONA lists the demo usernames plus None (anonymous) for parametrized access matrices:
`@pytest.mark.parametrize("persona", PERSONA)` then `klien_sebagai(persona)`.
Clients log in with force_login, so no password is checked per test; the demo password is
capaian.demo.muat.KATA_SANDI for tests of the real sign-in (MD5 in tests, tests/settings.py).
"""

from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.utils import timezone

from capaian.demo.muat import muat_demo
from capaian.organisasi.models import PerangkatDaerah
from tests import cuplikan

# Property tests: no per-example deadline (speed is measured by the benchmarks, and on a shared 2-core
# machine a deadline only makes the suite flaky), and no example database written into the work tree.
hypothesis.settings.register_profile("capaian", deadline=None, database=None)
hypothesis.settings.load_profile("capaian")

ADMIN = "admin"
VERIFIKATOR = "verifikator"
OPERATOR = "operator-disperindag"
KEPALA = "kepala-disperindag"
OPERATOR_CONTOH = "operator-contoh"
PIMPINAN = "pimpinan"
PERSONA: list[str | None] = [ADMIN, VERIFIKATOR, OPERATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None]

PD = "disperindag"
PD_CONTOH = "dinas-contoh"
TAHUN = 2024


def terima_penjelasan_demo() -> None:
    """Record an accepted explanation of every galat of every demo quarter whose checks find galat.

    The reference report's own data has galat (capaian.aturan.periksa_data: quarterly targets above the
    year's target or budget, see tests/aturan/test_periksa_data.py), which block alur.ajukan. The workflow
    tests are about the workflow, so the demo they load has those galat explained and accepted, set directly
    (no audit event, so audit-trail assertions are unchanged). Tests of the gate clear them first.
    """
    from capaian.aturan.periksa_data import kunci_galat
    from capaian.laporan.pemeriksaan import periksa_triwulan
    from capaian.monev.models import KeadaanPenjelasan, PenjelasanGalat, StatusTriwulan

    verifikator = User.objects.filter(username=VERIFIKATOR).first()
    for pd in PerangkatDaerah.objects.all():
        for tw in range(1, 5):
            kunci_tw = kunci_galat(periksa_triwulan(pd, TAHUN, tw))
            if kunci_tw:
                StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=TAHUN, triwulan=tw)
            for kunci in kunci_tw:
                PenjelasanGalat.objects.update_or_create(
                    perangkat_daerah=pd,
                    tahun=TAHUN,
                    triwulan=tw,
                    kunci=kunci,
                    defaults={
                        "teks": "Data sesuai dokumen laporan rujukan (demo).",
                        "keadaan": KeadaanPenjelasan.DITERIMA,
                        "ditulis_pada": timezone.now(),
                        "diputus_oleh": verifikator,
                        "diputus_pada": timezone.now(),
                    },
                )


def buka_periode_demo() -> None:
    """Open every quarter of the demo year for entry, a year either side of today (set directly, no audit
    event). A quarter without a period is closed (capaian.monev.periode), and the tests that enter data are
    about entering it; tests of the periods set or remove their own."""
    import datetime

    from capaian.monev.models import PeriodeTriwulan
    from capaian.organisasi.models import Pemda

    hari_ini = timezone.localdate()
    for pemda in Pemda.objects.all():
        for tw in range(1, 5):
            PeriodeTriwulan.objects.get_or_create(
                pemda=pemda,
                tahun=TAHUN,
                triwulan=tw,
                defaults={
                    "dibuka": hari_ini - datetime.timedelta(days=365),
                    "ditutup": hari_ini + datetime.timedelta(days=365),
                },
            )


@pytest.fixture(autouse=True)
def _cache_kosong() -> Iterator[None]:
    """Each test starts with an empty cache: the board's summaries (capaian.kota.ringkasan) are cached under
    an audit-trail fingerprint, and SQLite reuses ids after a rolled-back test."""
    from django.core.cache import cache

    cache.clear()
    yield


def muat_demo_uji() -> None:
    """The demo as the tests know it: loaded, its galat explained and accepted, its year open for entry."""
    muat_demo(settings.DEMO_SEED_DIR)
    terima_penjelasan_demo()
    buka_periode_demo()


def ada_demo() -> bool:
    return PerangkatDaerah.objects.filter(slug=PD).exists()


KUNCI_DEMO = pytest.StashKey[tuple[Any, cuplikan.Cuplikan]]()


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureDef, request: pytest.FixtureRequest
) -> cuplikan.Cuplikan:
    # Once per run (per xdist worker), committed: about 2 s that every module paid again before (and every
    # test of the modules that did not share it). Its snapshot is what puts the demo back after a flush.
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        muat_demo_uji()
        foto = cuplikan.ambil()
    request.config.stash[KUNCI_DEMO] = (django_db_blocker, foto)
    return foto


def _transaksional(item: pytest.Item) -> bool:
    tanda = item.get_closest_marker("django_db")
    pakai = set(getattr(item, "fixturenames", ()))
    transaksi = bool(tanda and tanda.kwargs.get("transaction"))
    return transaksi or bool({"transactional_db", "live_server"} & pakai)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After a transactional test's flush, the demo is put back at once, so every test starts from the demo
    whatever ran before it on this worker (xdist hands tests out in any order, and the module-wide fixtures
    of tests/kota and tests/laporan, and the tests that read the demo through `db` alone, rely on it)."""
    hasil = yield
    # After the run's last test the session's fixtures are gone already (the test database destroyed), and
    # no test needs the demo again: nothing to put back.
    if nextitem is not None and _transaksional(item) and KUNCI_DEMO in item.config.stash:
        blokir, foto = item.config.stash[KUNCI_DEMO]
        with blokir.unblock():
            if not ada_demo():
                cuplikan.pulihkan(foto)
            connection.close()  # as the flush left it: a test without the database must not find it open
    return hasil


@pytest.fixture
def demo(db: None, django_db_setup: cuplikan.Cuplikan) -> None:
    if not ada_demo():  # a transactional test ran before this one and its flush emptied the database
        cuplikan.pulihkan(django_db_setup)


@pytest.fixture(scope="module")
def demo_per_modul(django_db_setup: None) -> None:
    """The demo for a whole module; it is built for the whole run now, so this only names the need."""


@pytest.fixture
def pengguna_demo(demo: None) -> Callable[[str], User]:
    def cari(nama: str) -> User:
        return User.objects.get(username=nama)

    return cari


@pytest.fixture
def klien_sebagai(pengguna_demo: Callable[[str], User]) -> Callable[[str | None], Client]:
    def buat(nama: str | None) -> Client:
        klien = Client()
        if nama is not None:
            klien.force_login(pengguna_demo(nama))
        return klien

    return buat


@pytest.fixture
def pengguna_admin(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(ADMIN)


@pytest.fixture
def pengguna_verifikator(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(VERIFIKATOR)


@pytest.fixture
def pengguna_operator(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(OPERATOR)


@pytest.fixture
def pengguna_kepala(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(KEPALA)


@pytest.fixture
def pengguna_operator_contoh(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(OPERATOR_CONTOH)


@pytest.fixture
def pengguna_pimpinan(pengguna_demo: Callable[[str], User]) -> User:
    return pengguna_demo(PIMPINAN)


@pytest.fixture
def klien_admin(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(ADMIN)


@pytest.fixture
def klien_verifikator(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(VERIFIKATOR)


@pytest.fixture
def klien_operator(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(OPERATOR)


@pytest.fixture
def klien_kepala(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(KEPALA)


@pytest.fixture
def klien_operator_contoh(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(OPERATOR_CONTOH)


@pytest.fixture
def klien_pimpinan(klien_sebagai: Callable[[str | None], Client]) -> Client:
    return klien_sebagai(PIMPINAN)


@pytest.fixture
def klien_anonim(demo: None) -> Client:
    return Client()
