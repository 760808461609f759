"""The health page a reverse proxy polls: open without sign-in, JSON, never cached, and honest about the
database."""

from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client


@pytest.mark.django_db
def test_sehat_menjawab_tanpa_masuk() -> None:
    r = Client().get("/sehat/")
    assert r.status_code == 200
    assert r.json() == {"status": "baik"}
    assert "no-store" in r["Cache-Control"] or "no-cache" in r["Cache-Control"]


@pytest.mark.django_db
def test_sehat_503_bila_basis_data_tidak_terjangkau() -> None:
    with mock.patch("capaian.web.views.sehat.connection.cursor", side_effect=DatabaseError("mati")):
        r = Client().get("/sehat/")
    assert r.status_code == 503
    assert "basis data" in r.json()["status"]


@pytest.mark.django_db
def test_sehat_hanya_get() -> None:
    assert Client().post("/sehat/").status_code == 405
