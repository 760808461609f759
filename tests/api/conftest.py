"""API test helpers: clients that authenticate with a bearer token, as a real API client does."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.api.models import ApiToken


@pytest.fixture
def api_sebagai(pengguna_demo: Callable[[str], User]) -> Callable[[str | None], Client]:
    """api_sebagai("operator-disperindag") -> a Client sending `Authorization: Bearer <token>`;
    api_sebagai(None) -> a Client without a token. Tokens are issued directly (no password hashing)."""

    def buat(nama: str | None) -> Client:
        if nama is None:
            return Client()
        kunci = ApiToken.terbitkan(pengguna_demo(nama))
        return Client(headers={"Authorization": f"Bearer {kunci}"})

    return buat
