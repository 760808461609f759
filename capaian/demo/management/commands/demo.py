"""capaian demo [--kota N]: the demo agencies, the demo city and the users; a second run changes nothing."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.demo.muat import KATA_SANDI, PENGGUNA_DEMO, muat_demo

KOTA_BAWAAN = 10


class Command(BaseCommand):
    help = (
        "Memuat data demo (Disperindag Kota Pasuruan 2024, Dinas Contoh sintetis, RPJMD contoh dan "
        "perangkat daerah sintetis kota demo) beserta pengguna demo."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", default=str(settings.DEMO_SEED_DIR), help="folder transkripsi laporan")
        parser.add_argument(
            "--kota",
            type=int,
            default=KOTA_BAWAAN,
            help=f"jumlah perangkat daerah sintetis kota demo (bawaan {KOTA_BAWAAN}; 0 tanpa kota demo)",
        )
        parser.add_argument(
            "--baris",
            type=int,
            default=None,
            help="kira-kira jumlah baris indikator per perangkat daerah sintetis",
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        folder = Path(opsi["seed"])
        if not (folder / "e81-transkripsi.csv").is_file():
            raise CommandError(f"Berkas e81-transkripsi.csv tidak ditemukan di {folder}.")
        if opsi["kota"] < 0 or opsi["kota"] > 1000:
            raise CommandError("--kota harus antara 0 dan 1000.")
        if opsi["baris"] is not None and not 10 <= opsi["baris"] <= 500:
            raise CommandError("--baris harus antara 10 dan 500.")
        hasil = muat_demo(folder, kota=opsi["kota"], baris_kota=opsi["baris"])
        for slug in hasil.dimuat:
            self.stdout.write(f"Dimuat: {slug}")
        if hasil.sudah_ada:
            self.stdout.write(f"Sudah ada, tidak diubah: {', '.join(hasil.sudah_ada)}")
        nama = ", ".join(n for n, *_ in PENGGUNA_DEMO)
        self.stdout.write(f"Pengguna demo: {nama} (kata sandi: {KATA_SANDI})")
        if opsi["kota"]:
            self.stdout.write(
                "Perangkat daerah sintetis: operator-<nama> dan kepala-<nama>, mis. operator-dinkes "
                "(kata sandi yang sama)."
            )
