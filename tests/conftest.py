"""Shared pytest fixtures: the demo data and one fixture per demo persona.

    demo                      loads capaian.demo (both agencies, year 2024, the six demo users); returns None
    demo_per_modul            opt-in speed-up: loads the demo once per test module inside a transaction that
                              is rolled back after the module (like Django's setUpTestData); each test still
                              runs in its own savepoint. Use it as `pytestmark = [pytest.mark.django_db,
                              pytest.mark.usefixtures("demo_per_modul")]` in modules whose tests do not
                              need transaction=True.
                              `demo` stays correct with it (loading twice changes nothing and is cheap).
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
Clients log in with force_login, so no password hashing is paid per test; the demo password is
capaian.demo.muat.KATA_SANDI for tests of the real sign-in.
"""

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.utils import timezone

from capaian.demo.muat import muat_demo

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
    """Record an accepted explanation for every demo quarter whose checks find galat.

    The reference report's own data has galat (capaian.aturan.periksa_data: quarterly targets above the
    year's target or budget, see tests/aturan/test_periksa_data.py), which block alur.ajukan. The workflow
    tests are about the workflow, so the demo they load has those galat explained and accepted, set directly
    (no audit event, so audit-trail assertions are unchanged). Tests of the gate clear it first.
    """
    from capaian.aturan.periksa_data import kunci_galat, sidik_galat
    from capaian.laporan.pemeriksaan import periksa_triwulan
    from capaian.monev.models import StatusTriwulan
    from capaian.organisasi.models import PerangkatDaerah

    verifikator = User.objects.filter(username=VERIFIKATOR).first()
    for pd in PerangkatDaerah.objects.all():
        for tw in range(1, 5):
            temuan = periksa_triwulan(pd, TAHUN, tw)
            if not kunci_galat(temuan):
                continue
            StatusTriwulan.objects.update_or_create(
                perangkat_daerah=pd,
                tahun=TAHUN,
                triwulan=tw,
                defaults={
                    "penjelasan_galat": "Data sesuai dokumen laporan rujukan (demo).",
                    "penjelasan_diterima_oleh": verifikator,
                    "penjelasan_diterima_pada": timezone.now(),
                    "penjelasan_galat_diterima": kunci_galat(temuan),
                    "penjelasan_sidik": sidik_galat(temuan),
                },
            )


@pytest.fixture(autouse=True)
def _cache_kosong() -> Iterator[None]:
    """Each test starts with an empty cache: the board's summaries (capaian.kota.ringkasan) are cached under
    an audit-trail fingerprint, and SQLite reuses ids after a rolled-back test."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def demo(db: None) -> None:
    muat_demo(settings.DEMO_SEED_DIR)
    terima_penjelasan_demo()


@pytest.fixture(scope="module")
def demo_per_modul(django_db_setup: None, django_db_blocker: pytest.FixtureDef) -> Iterator[None]:
    # Loading the demo costs about 2 s (mostly Argon2 hashing of six passwords); once per module keeps the
    # access matrices fast. The outer atomic is rolled back at the end so no other module sees the data.
    # The database is unblocked only to load and to roll back: a test still needs `db` (or
    # pytest.mark.django_db), which gives it its own savepoint, so tests cannot leak into each other.
    # Not for transactional tests (live_server, transaction=True) in the same module: PostgreSQL cannot
    # flush the database inside this open transaction.
    luar = transaction.atomic()
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        luar.__enter__()
        muat_demo(settings.DEMO_SEED_DIR)
        terima_penjelasan_demo()
    yield
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        transaction.set_rollback(True)
        luar.__exit__(None, None, None)


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
