"""Done-when of issue 8: a client that knows only /api/openapi.json signs in, saves a realisation, explains
each galat, has the verifikator accept them one by one, submits, has the head approve (issue 13), verifies and
locks the demo's quarter (disperindag 2024 TW 2).

Every URL below is built from the description (operationId, path template, step enum), none is written
out. The demo fixture accepts the demo's explanations (tests/conftest.py); this test first withdraws them,
so the quarter starts as a fresh `capaian demo` database does: 4 real galat unexplained.
"""

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from capaian.demo.muat import KATA_SANDI
from capaian.monev.models import PenjelasanGalat, Realisasi
from tests.conftest import KEPALA, OPERATOR, PD, TAHUN, VERIFIKATOR

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
TW = 2


class KlienOpenApi:
    """Calls operations by their operationId, with the URL filled in from the path template."""

    def __init__(self, dokumen: dict[str, Any]) -> None:
        self.operasi = {
            op["operationId"]: (metode, jalur, op)
            for jalur, semua in dokumen["paths"].items()
            for metode, op in semua.items()
        }
        self.klien = Client()

    def masuk(self, nama: str) -> None:
        jawab = self("token", badan={"username": nama, "password": KATA_SANDI})
        assert jawab.status_code == 200, jawab.content
        self.klien = Client(headers={"Authorization": f"Bearer {jawab.json()['token']}"})

    def enum(self, operasi: str, parameter: str) -> list[str]:
        _, _, op = self.operasi[operasi]
        return list(next(p for p in op["parameters"] if p["name"] == parameter)["schema"]["enum"])

    def __call__(self, operasi: str, badan: dict[str, Any] | None = None, **param: Any) -> Any:
        metode, jalur, op = self.operasi[operasi]
        di_jalur = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
        url = re.sub(r"\{(\w+)\}", lambda m: str(param[m[1]]), jalur)
        kueri = {k: v for k, v in param.items() if k not in di_jalur}
        if metode == "get":
            return self.klien.get(url, kueri)
        return getattr(self.klien, metode)(url, badan or {}, content_type="application/json")


def test_klien_openapi_menyelesaikan_triwulan_demo(client):
    PenjelasanGalat.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).delete()
    dokumen = client.get("/api/openapi.json").json()
    operator, kepala, verifikator = KlienOpenApi(dokumen), KlienOpenApi(dokumen), KlienOpenApi(dokumen)
    operator.masuk(OPERATOR)
    kepala.masuk(KEPALA)
    verifikator.masuk(VERIFIKATOR)
    langkah = set(operator.enum("langkah_triwulan", "aksi"))
    assert {"ajukan", "setujui", "kembalikan_kepala", "verifikasi", "kunci"} <= langkah
    triwulan = {"pd": PD, "tahun": TAHUN, "triwulan": TW}

    # The quarter as the operator finds it: 4 galat, none explained; submitting is refused.
    keadaan = operator("keadaan_triwulan", **triwulan).json()
    assert (len(keadaan["galat"]), keadaan["belum_dijelaskan"]) == (4, 4)
    assert all(g["sel"] and g["pesan"] for g in keadaan["galat"])
    assert keadaan["penjelasan"] == {"menunggu": 0, "diterima": 0, "ditolak": 0, "belum": 4}
    assert operator("langkah_triwulan", aksi="ajukan", **triwulan).status_code == 409

    # Nothing is missing: the rows the reference report leaves blank are marked "belum ada data" (issue 9).
    assert keadaan["belum_diisi"] == []
    ditandai = [b for b in operator("daftar_realisasi", **triwulan).json() if b["belum_ada_data"]]
    assert [b["kode"] for b in ditandai] == ["3.30.01.2.01.0006", "3.30.01.2.06.0008"]
    assert {b["belum_ada_data"]["alasan"] for b in ditandai} == {"tidak dilaporkan dalam laporan rujukan"}

    # Save a realisation with the version just read.
    baris = operator("daftar_realisasi", **triwulan).json()[2]
    simpan = operator(
        "simpan_realisasi_indikator",
        {"k": "36,79", "versi": baris["versi"]},
        indikator=baris["indikator_id"],
        tahun=TAHUN,
        triwulan=TW,
    )
    assert simpan.status_code == 200, simpan.content
    assert Realisasi.objects.get(pk=simpan.json()["id"]).k == Decimal("36.79")

    # Explain each galat; the verifikator sees them waiting and accepts them one by one.
    for g in keadaan["galat"]:
        jelaskan = operator(
            "jelaskan_galat", {"kunci": g["kunci"], "teks": "Target triwulan sesuai DPA."}, **triwulan
        )
        assert jelaskan.status_code == 200, jelaskan.content
    menunggu = verifikator("keadaan_triwulan", **triwulan).json()
    assert menunggu["penjelasan"]["menunggu"] == 4
    assert all(g["penjelasan"]["keadaan"] == "menunggu" for g in menunggu["galat"])
    for g in menunggu["galat"]:
        assert verifikator("terima_penjelasan", {"kunci": g["kunci"]}, **triwulan).status_code == 200
    diterima = operator("keadaan_triwulan", **triwulan).json()
    assert (diterima["belum_dijelaskan"], diterima["penjelasan"]["diterima"]) == (0, 4)
    assert all(g["diterima"] for g in diterima["galat"])

    # Submit, the head approves, verify, lock; then the quarter no longer changes.
    for klien, aksi, status in (
        (operator, "ajukan", "diajukan"),
        (kepala, "setujui", "diajukan"),
        (verifikator, "verifikasi", "diverifikasi"),
        (verifikator, "kunci", "terkunci"),
    ):
        assert aksi in [lk["aksi"] for lk in klien("keadaan_triwulan", **triwulan).json()["langkah"]]
        jawab = klien("langkah_triwulan", aksi=aksi, **triwulan)
        assert jawab.status_code == 200, jawab.content
        assert jawab.json()["status"] == status
    terkunci = operator("ubah_realisasi", {"k": "1", "versi": simpan.json()["versi"]}, id=simpan.json()["id"])
    assert terkunci.status_code == 423
    assert operator("keadaan_triwulan", **triwulan).json()["langkah"] == []
