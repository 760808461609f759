"""Concurrent savers on a deadline day: they queue, none gets a 500, no update is lost.

Real threads, each with its own database connection, send PATCH /api/realisasi through the whole stack
(middleware, API, capaian.monev.services) against the test database file (SQLite) or PostgreSQL. Ten
clients increment one shared row's Rp by one, each re-reading the row and retrying on 409 (version
conflict), as a careful client does; six more save their own rows. On SQLite this needs the immediate
transactions and the busy timeout of capaian/settings.py: without them most of these saves fail at once
with "database is locked".
"""

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from capaian.api.models import ApiToken
from capaian.audit.models import AuditEvent
from capaian.monev import services
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.django_db(transaction=True)

TW = 2
PENAMBAH, TAMBAH_MASING = 10, 3  # clients on the shared row, increments each
PEMILIK, SIMPAN_MASING = 6, 3  # clients on their own rows, saves each


def _klien(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_penyimpanan_serentak_mengantre_tanpa_500_dan_tanpa_kehilangan(
    demo: None, pengguna_operator: object
) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    baris = list(services.pastikan_baris(pd, TAHUN, TW)[: 1 + PEMILIK])
    bersama, sendiri = baris[0], baris[1:]
    services.simpan_realisasi(None, bersama.indikator, TAHUN, TW, rp=1000)
    awal = Realisasi.objects.get(pk=bersama.pk)
    versi_sendiri = {b.pk: b.versi for b in Realisasi.objects.filter(pk__in=[b.pk for b in sendiri])}
    token = ApiToken.terbitkan(pengguna_operator)  # type: ignore[arg-type]
    jawaban: Counter[int] = Counter()
    kunci = threading.Lock()
    mulai = threading.Barrier(PENAMBAH + PEMILIK)

    def catat(status: int) -> None:
        with kunci:
            jawaban[status] += 1

    def patch(k: Client, id_: int, **badan: object) -> dict[str, object]:
        """PATCH until it is saved: a 409 hands back the row as it is now, a 503 asks to retry."""
        while True:
            r = k.patch(f"/api/realisasi/{id_}", badan, content_type="application/json")
            catat(r.status_code)
            if r.status_code == 200:
                return dict(r.json())
            if r.status_code == 409:
                return {"konflik": r.json()["terkini"]}
            if r.status_code == 503:
                assert r["Retry-After"] and "galat" in r.json()
                time.sleep(0.05)
                continue
            raise AssertionError(f"{r.status_code}: {r.content[:300]!r}")

    def penambah() -> None:
        k = _klien(token)
        mulai.wait()
        for _ in range(TAMBAH_MASING):
            r = k.get(f"/api/realisasi?pd={PD}&tahun={TAHUN}&triwulan={TW}")
            catat(r.status_code)
            kini = next(e for e in r.json() if e["id"] == bersama.pk)
            while True:
                hasil = patch(k, bersama.pk, rp=kini["rp"] + 1, versi=kini["versi"])
                if "konflik" not in hasil:
                    break
                kini = hasil["konflik"]  # someone else got there first: add one to what is there now

    def pemilik(b: Realisasi) -> None:
        k = _klien(token)
        mulai.wait()
        versi = versi_sendiri[b.pk]
        for i in range(1, SIMPAN_MASING + 1):
            hasil = patch(k, b.pk, rp=b.pk * 100 + i, versi=versi)
            assert "konflik" not in hasil, hasil  # nobody else touches this row
            versi = int(hasil["versi"])  # type: ignore[call-overload]

    def di_utas(fungsi: object, *argumen: object) -> None:
        try:
            fungsi(*argumen)  # type: ignore[operator]
        finally:
            connection.close()  # each thread's own connection

    with ThreadPoolExecutor(max_workers=PENAMBAH + PEMILIK) as kolam:
        tugas = [kolam.submit(di_utas, penambah) for _ in range(PENAMBAH)]
        tugas += [kolam.submit(di_utas, pemilik, b) for b in sendiri]
        for t in tugas:
            t.result(timeout=300)

    assert set(jawaban) <= {200, 409}, jawaban  # saves queued: no 500, and not even a 503 at this load
    akhir = Realisasi.objects.get(pk=bersama.pk)
    tambah = PENAMBAH * TAMBAH_MASING
    assert akhir.rp == awal.rp + tambah  # no lost update
    assert akhir.versi == awal.versi + tambah
    assert AuditEvent.objects.filter(objek="realisasi", objek_id=bersama.pk, kolom="rp").count() >= tambah + 1
    for b in Realisasi.objects.filter(pk__in=versi_sendiri):
        assert (b.rp, b.versi) == (b.pk * 100 + SIMPAN_MASING, versi_sendiri[b.pk] + SIMPAN_MASING)
