"""Timing of the city's documents and the verifier's board (a plain script, not a test).

    make bench        (or: .venv/bin/python bench/kota.py [--db FOLDER])

1. In memory, no database: Form E.79 of a city of 40 agencies x 60 rows, all verified (the agencies of
   bench/laporan.py), built from their Form E.81: JSON (target < 1 s), XLSX (target < 3 s), PDF (reported).
2. From a database: a fresh SQLite in a temporary folder, migrated and loaded with `capaian demo --kota 40
   --baris 60` through the services (minutes on a busy machine; `--db FOLDER` keeps and reuses it). Then,
   as the verifikator: the board for 42 agencies cold (every summary computed) and warm (the summaries
   cached; target < 300 ms), with its query count, which does not grow with the number of agencies; the city
   dashboard; E.79 JSON and XLSX of the verified agencies read from the database.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

AGENCIES = 40
ROWS = 60


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--db", help="folder of a kept benchmark database (created when missing)")
    return p.parse_args()


ARGS = _args()
# A benchmark must not need, nor touch, the user's own database.
_FOLDER = ARGS.db or tempfile.mkdtemp(prefix="capaian-bench-kota-")
os.makedirs(_FOLDER, exist_ok=True)
os.environ["CAPAIAN_DATA_DIR"] = _FOLDER
os.environ["DATABASE_URL"] = f"sqlite:///{_FOLDER}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capaian.settings")

import django  # noqa: E402

django.setup()

from capaian.laporan.data_kota import AnggotaKota, DataKota, SasaranKota  # noqa: E402
from capaian.laporan.dokumen_kota import KonteksKota, render_kota  # noqa: E402
from capaian.laporan.e79 import bangun_e79  # noqa: E402


def _time(label: str, fn: Callable[[], object], target: float | None) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    verdict = "" if target is None else ("OK" if took < target else "TOO SLOW")
    goal = "" if target is None else f"(target < {target:g} s)"
    print(f"{label:<58} wall {took:6.3f} s  cpu {took_cpu:6.3f} s  {goal} {verdict}")
    return took


def city_in_memory() -> DataKota:
    from laporan import city  # bench/laporan.py: 40 agencies x 60 rows of Form E.81 data

    data = city()
    anggota = tuple(
        AnggotaKota(
            slug=f"dinas-{i + 1}",
            nama=d.perangkat_daerah,
            singkatan=f"Dinas {i + 1}",
            status="diverifikasi",
            label_status="Diverifikasi",
            sintetis=True,
            data=d,
        )
        for i, d in enumerate(data)
    )
    sasaran = tuple(
        SasaranKota(kode=f"1.{n}", uraian=f"Sasaran sintetis {n}", kode_tujuan="1", tujuan="Tujuan")
        for n in range(1, 7)
    )
    tautan = {
        (a.slug, b.kode): f"1.{int(b.kode.split('.')[2]) - 1}"
        for a in anggota
        if a.data is not None
        for b in a.data.baris
        if b.tingkat == "program" and b.kode
    }
    return DataKota(
        pemda="Kota Contoh",
        slug="kota-contoh",
        tempat="Contoh",
        nama_bappeda="Bappelitbangda Kota Contoh",
        tahun=2024,
        triwulan=2,
        anggota=anggota,
        rpjmd="RPJMD Kota Contoh 2021-2026",
        akhir_rpjmd=2026,
        sasaran=sasaran,
        tautan=tautan,
    )


def in_memory() -> None:
    data = city_in_memory()
    print(f"1. In memory: {AGENCIES} agencies x {ROWS} rows, all verified")

    def json_() -> bytes:
        return render_kota(KonteksKota(data), "e79", "json")

    def xlsx() -> bytes:
        return render_kota(KonteksKota(data), "e79", "xlsx")

    lap = bangun_e79(data)
    print(
        f"   E.79 has {len(lap.baris)} rows ({sum(1 for b in lap.baris if b.tingkat == 'program')} programs)"
    )
    _time("   E.79 JSON (E.81 of 40 agencies + E.79 + json)", json_, 1)
    _time("   E.79 XLSX (E.81 of 40 agencies + E.79 + XlsxWriter)", xlsx, 3)
    _time(
        "   E.79 PDF (E.81 of 40 agencies + E.79 + ReportLab)",
        lambda: render_kota(KonteksKota(data), "e79", "pdf"),
        None,
    )
    _time("   Kesimpulan kota XLSX", lambda: render_kota(KonteksKota(data), "kesimpulan-kota", "xlsx"), None)


def from_database() -> None:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from capaian.demo.muat import muat_demo
    from capaian.laporan.render_json_kota import e79_json_pemda
    from capaian.organisasi.models import Pemda, PerangkatDaerah

    print(f"2. From SQLite in {_FOLDER}")
    call_command("migrate", verbosity=0)
    if PerangkatDaerah.objects.filter(sintetis=True, slug__startswith="sintetis-").count() < AGENCIES:
        _time(
            f"   load the demo city (--kota {AGENCIES} --baris {ROWS}, services)",
            lambda: muat_demo(settings.DEMO_SEED_DIR, kota=AGENCIES, baris_kota=ROWS),
            None,
        )
    n = PerangkatDaerah.objects.count()
    klien = Client()
    klien.force_login(User.objects.get(username="verifikator"))

    def halaman(url: str, label: str, target: float | None) -> None:
        klien.get(url)  # the session and the profile, as any page
        cache.clear()
        with CaptureQueriesContext(connection) as dingin:
            _time(f"   {label}, cold ({n} agencies, summaries computed)", lambda: klien.get(url), None)
        kali = []
        for _ in range(5):
            mulai = time.perf_counter()
            with CaptureQueriesContext(connection) as hangat:
                assert klien.get(url).status_code == 200
            kali.append(time.perf_counter() - mulai)
        tengah = statistics.median(kali)
        verdict = "" if target is None else ("OK" if tengah < target else "TOO SLOW")
        goal = "" if target is None else f"(target < {target * 1000:g} ms)"
        print(
            f"   {label}, warm: median {tengah * 1000:6.1f} ms of 5, {len(hangat)} queries "
            f"(cold {len(dingin)}) {goal} {verdict}"
        )

    halaman("/triwulan/2024/2/", "board /triwulan/2024/2/", 0.3)
    halaman("/dasbor/2024/2/", "city dashboard /dasbor/2024/2/", None)
    pemda = Pemda.objects.get(slug="kota-pasuruan")
    _time("   E.79 JSON from the database (verified agencies)", lambda: e79_json_pemda(pemda, 2024, 2), 1)
    from capaian.laporan.sumber_kota import muat_data_kota

    _time(
        "   E.79 XLSX from the database",
        lambda: render_kota(KonteksKota(muat_data_kota(pemda, 2024, 2)), "e79", "xlsx"),
        3,
    )


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    in_memory()
    from_database()


if __name__ == "__main__":
    main()
