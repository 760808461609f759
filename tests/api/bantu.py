"""Small helpers shared by the API tests."""

from typing import Any

from django.test import Client

from capaian.monev.models import Realisasi
from capaian.perencanaan.models import Indikator
from tests.conftest import PD, TAHUN

TW = 2


def daftar(klien: Client, pd: str = PD, tahun: int = TAHUN, triwulan: int = TW) -> Any:
    return klien.get("/api/realisasi", {"pd": pd, "tahun": tahun, "triwulan": triwulan})


def patch(klien: Client, id_: int, **badan: Any) -> Any:
    return klien.patch(f"/api/realisasi/{id_}", badan, content_type="application/json")


def langkah(klien: Client, aksi: str, catatan: str | None = None, pd: str = PD, triwulan: int = TW) -> Any:
    badan = {} if catatan is None else {"catatan": catatan}
    return klien.post(f"/api/triwulan/{pd}/{TAHUN}/{triwulan}/{aksi}", badan, content_type="application/json")


def baris(pd: str = PD, urutan: int = 3, triwulan: int = TW) -> Realisasi:
    """A realisation row of the agency's indicator at position `urutan`, created if missing."""
    indikator = Indikator.objects.get(perangkat_daerah__slug=pd, urutan=urutan)
    return Realisasi.objects.get_or_create(indikator=indikator, tahun=TAHUN, triwulan=triwulan)[0]
