"""capaian cadangkan [--ke FILE]: back up the database, DATA_DIR's files and the secret key into one
.tar.gz (capaian.cadangan.arsip)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.cadangan.arsip import CadanganError, cadangkan, nama_bawaan


class Command(BaseCommand):
    help = (
        "Mencadangkan basis data, berkas (bukti dukung, arsip kunci, logo) dan kunci rahasia ke satu berkas."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--ke", help="Berkas tujuan (.tar.gz); bawaan: cadangan/capaian-<waktu>.tar.gz")

    def handle(self, *args: Any, **opsi: Any) -> None:
        tujuan = Path(opsi["ke"]) if opsi["ke"] else nama_bawaan()
        try:
            hasil = cadangkan(tujuan)
        except CadanganError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(
            f"Cadangan tersimpan: {hasil.berkas} ({hasil.baris} baris data, {hasil.jumlah_berkas} berkas)."
        )
