"""API test helpers: clients that authenticate with a bearer token, as a real API client does, and the check
of every API response against the generated OpenAPI description (tests/api/validasi.py)."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.api.models import ApiToken
from tests.api import validasi


@pytest.fixture(autouse=True)
def jawaban_sesuai_openapi(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, int]]]:
    """Wraps django.test.Client.request: any client of any test here (token, session or anonymous) has each
    /api/ response checked against the OpenAPI description. Yields the (method, path, status) seen."""
    asli = Client.request
    dilihat: list[tuple[str, str, int]] = []

    def request(self: Client, **permintaan: Any) -> Any:
        jawab = asli(self, **permintaan)
        metode, jalur = permintaan["REQUEST_METHOD"], permintaan["PATH_INFO"]
        validasi.periksa(metode, jalur, jawab)
        dilihat.append((metode, jalur, jawab.status_code))
        return jawab

    monkeypatch.setattr(Client, "request", request)
    yield dilihat


@pytest.fixture
def pengguna_api(db: None) -> Callable[[str], User]:
    """The demo User by username, from the demo that every module here loads once (demo_per_modul).
    Unlike tests/conftest.py's pengguna_demo it does not run the `demo` fixture again per test, which
    re-checks every quarter of the demo (about 1.3 s a test)."""

    def cari(nama: str) -> User:
        return User.objects.get(username=nama)

    return cari


@pytest.fixture
def api_sebagai(pengguna_api: Callable[[str], User]) -> Callable[[str | None], Client]:
    """api_sebagai("operator-disperindag") -> a Client sending `Authorization: Bearer <token>`;
    api_sebagai(None) -> a Client without a token. Tokens are issued directly (no password hashing)."""

    def buat(nama: str | None) -> Client:
        if nama is None:
            return Client()
        kunci = ApiToken.terbitkan(pengguna_api(nama))
        return Client(headers={"Authorization": f"Bearer {kunci}"})

    return buat
