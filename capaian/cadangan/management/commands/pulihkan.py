"""capaian pulihkan FILE [--timpa]: restore a backup made by `capaian cadangkan` into a migrated database
(capaian.cadangan.arsip)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.cadangan.arsip import CadanganError, pulihkan
from capaian.web.layani import periksa_basis_data


class Command(BaseCommand):
    help = "Memulihkan cadangan Capaian ke basis data yang sudah dimigrasi (capaian migrate)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", help="Berkas cadangan (.tar.gz) dari capaian cadangkan")
        parser.add_argument(
            "--timpa", action="store_true", help="Ganti seluruh data yang sudah ada dengan isi cadangan."
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        sumber = Path(opsi["berkas"])
        if not sumber.is_file():
            raise CommandError(f"Berkas {sumber} tidak ada.")
        periksa_basis_data()
        try:
            hasil = pulihkan(sumber, timpa=opsi["timpa"])
        except CadanganError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(
            f"Dipulihkan dari {hasil.berkas}: {hasil.baris} baris data, {hasil.jumlah_berkas} berkas."
        )
