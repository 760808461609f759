"""Timing of the report package (a plain script, not a test).

    make bench        (or: .venv/bin/python bench/laporan.py)

1. The demo agency's whole package (ZIP of every document in XLSX, PDF and DOCX), read from a fresh SQLite
   database in a temporary folder that the script migrates and loads with the demo itself. Target: < 2 s.
2. Form E.81 for a synthetic city of 40 agencies x 60 rows, built in memory (no database): XLSX for all 40
   (target < 2 s) and PDF for all 40 (target < 20 s).
"""

import os
import sys
import tempfile
import time
from decimal import Decimal

# A benchmark must not need, nor touch, the user's own database.
_FOLDER = tempfile.mkdtemp(prefix="capaian-bench-")
os.environ["CAPAIAN_DATA_DIR"] = _FOLDER
os.environ["DATABASE_URL"] = f"sqlite:///{_FOLDER}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capaian.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from capaian.aturan.capaian import KRp  # noqa: E402
from capaian.laporan.data import BarisRencana, DataLaporan, Penandatangan  # noqa: E402
from capaian.laporan.e81 import bangun_e81  # noqa: E402
from capaian.laporan.render_pdf import e81_pdf  # noqa: E402
from capaian.laporan.render_xlsx import e81_xlsx, e81_xlsx_gabungan  # noqa: E402

AGENCIES = 40
ROWS = 60


def _row(agency: int, i: int) -> BarisRencana:
    # 6 programs of 10 rows: program, 3 kegiatan with 2 sub kegiatan each, and 3 more sub kegiatan.
    program = i // 10 + 2
    within = i % 10
    if within == 0:
        tingkat, kode = "program", f"3.30.{program:02d}"
    elif within in (1, 4, 7):
        tingkat, kode = "kegiatan", f"3.30.{program:02d}.2.{within:02d}"
    else:
        tingkat, kode = "subkegiatan", f"3.30.{program:02d}.2.01.{within:04d}"
    target_k = Decimal(10 + (i % 7))
    rp = 150_000_000 + agency * 1_000_003 + i * 7_919_117
    return BarisRencana(
        kunci=f"{kode}#{i}",
        kode=kode,
        tingkat=tingkat,
        uraian=f"Uraian {tingkat} sintetis nomor {i} dengan nama yang cukup panjang untuk dibungkus",
        indikator=f"Jumlah keluaran sintetis {i} yang tersedia dan terlaksana sesuai rencana",
        satuan="Dokumen",
        renstra=KRp(k=target_k * 5, rp=rp * 5),
        realisasi_lalu=KRp(k=target_k * 2, rp=rp * 2),
        target=KRp(k=target_k, rp=rp),
        target_tw=(KRp(k=target_k / 4, rp=rp // 4), KRp(k=target_k / 4, rp=rp // 4), KRp(), KRp()),
        realisasi_tw=(
            KRp(k=Decimal(i % 4), rp=rp // 5),
            KRp(k=Decimal((i + 1) % 5), rp=rp // 6),
            KRp(),
            KRp(),
        ),
    )


def city() -> list[DataLaporan]:
    return [
        DataLaporan(
            pemda="Kota Contoh",
            tempat="Contoh",
            perangkat_daerah=f"Dinas Sintetis {a + 1} Kota Contoh",
            tahun=2024,
            triwulan=2,
            baris=tuple(_row(a, i) for i in range(ROWS)),
            faktor_penghambat="1. Hambatan pertama. 2. Hambatan kedua.",
            tindak_lanjut="Tindak lanjut.",
            penandatangan=Penandatangan("Nama Kepala", "197012231990031001", "Pembina IV/a", "Kepala Dinas"),
            sintetis=True,
        )
        for a in range(AGENCIES)
    ]


def _time(label: str, fn: object, target: float) -> float:
    # Wall time is what a user waits; CPU time shows the cost when other processes share the 2 cores.
    start, cpu = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    verdict = "OK" if took < target else "TOO SLOW"
    print(f"{label:<52} wall {took:6.2f} s  cpu {took_cpu:6.2f} s  (target < {target:g} s) {verdict}")
    return took


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    from django.conf import settings
    from django.core.management import call_command

    from capaian.demo.muat import muat_demo
    from capaian.laporan.paket import paket_zip
    from capaian.organisasi.models import PerangkatDaerah

    call_command("migrate", verbosity=0)
    muat_demo(settings.DEMO_SEED_DIR)
    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="disperindag")
    size = len(paket_zip(pd, 2024, 2))  # warm-up: imports, fonts
    _time(f"demo package ZIP (10 files, {size // 1024} KiB)", lambda: paket_zip(pd, 2024, 2), 2)

    data = city()
    reports = [bangun_e81(d) for d in data]
    _time(f"build Form E.81, {AGENCIES} agencies x {ROWS} rows", lambda: [bangun_e81(d) for d in data], 2)
    _time(f"Form E.81 XLSX, {AGENCIES} files x {ROWS} rows", lambda: [e81_xlsx(r) for r in reports], 2)
    _time(f"Form E.81 XLSX, one workbook of {AGENCIES} sheets", lambda: e81_xlsx_gabungan(reports), 2)
    _time(f"Form E.81 PDF, {AGENCIES} agencies x {ROWS} rows", lambda: [e81_pdf(r) for r in reports], 20)


if __name__ == "__main__":
    main()
