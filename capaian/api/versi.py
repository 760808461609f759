"""Version 0: how a client names a row that does not exist yet (a realisation or the quarter's texts that were
never saved), so that every row of a quarter can be read without creating it and saved with a version."""

from collections.abc import Callable
from typing import Any

from django.db import models

from capaian.api.dasar import Galat

PESAN_KONFLIK = (
    "Data ini sudah diubah orang lain setelah Anda membacanya. Periksa nilai terkini lalu simpan lagi."
)


def versi_layanan(
    model: type[models.Model], baris: models.Model | None, versi: int, terkini: Callable[[], dict[str, Any]]
) -> int:
    """The version to hand the service for the version the client sent.

    For a missing row only 0 matches, and the service then compares against the version it creates the row
    with (the model's default). Two clients creating the same row both pass here; the second meets the
    first's row in the service (the unique constraint makes it wait for the first's commit) and gets its
    conflict there. Call inside the transaction of the save."""
    if baris is not None:
        return versi
    if versi != 0:
        raise Galat(409, PESAN_KONFLIK, terkini=terkini())
    kolom = model._meta.get_field("versi")
    assert isinstance(kolom, models.Field)
    return int(kolom.get_default())
