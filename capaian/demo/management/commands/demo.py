"""capaian demo: loads the demo agencies and users; running it again changes nothing."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.demo.muat import KATA_SANDI, PENGGUNA_DEMO, muat_demo


class Command(BaseCommand):
    help = (
        "Memuat data demo (Disperindag Kota Pasuruan 2024 dan Dinas Contoh sintetis) beserta pengguna demo."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", default=str(settings.DEMO_SEED_DIR), help="folder transkripsi laporan")

    def handle(self, *args: Any, **opsi: Any) -> None:
        folder = Path(opsi["seed"])
        if not (folder / "e81-transkripsi.csv").is_file():
            raise CommandError(f"Berkas e81-transkripsi.csv tidak ditemukan di {folder}.")
        hasil = muat_demo(folder)
        for slug in hasil.dimuat:
            self.stdout.write(f"Dimuat: {slug}")
        for slug in hasil.sudah_ada:
            self.stdout.write(f"Sudah ada, tidak diubah: {slug}")
        nama = ", ".join(n for n, *_ in PENGGUNA_DEMO)
        self.stdout.write(f"Pengguna demo: {nama} (kata sandi: {KATA_SANDI})")
