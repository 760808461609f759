"""capaian impor-rpjmd FILE --pemda SLUG [--coba]: the pemda's RPJMD from a workbook, all or nothing.

`--coba` lists what would change and saves nothing. Runs as the system (pengguna=None); the audit trail
records it as "sistem". The layout is capaian.rpjmd.impor's; `capaian templat-rpjmd` writes it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.organisasi.models import Pemda
from capaian.rpjmd.impor import impor_rpjmd


class Command(BaseCommand):
    help = "Mengimpor RPJMD (tujuan, sasaran, indikator, target, tautan program) dari buku kerja .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", metavar="FILE")
        parser.add_argument("--pemda", required=True, help="slug pemda, mis. kota-pasuruan")
        parser.add_argument(
            "--coba", action="store_true", help="uji coba: tampilkan perubahan tanpa menyimpan"
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        pemda = Pemda.objects.filter(slug=opsi["pemda"]).first()
        if pemda is None:
            raise CommandError(f"Pemda '{opsi['pemda']}' tidak ditemukan.")
        hasil = impor_rpjmd(None, pemda, opsi["berkas"], opsi["coba"])
        kata = "akan berubah" if hasil.coba or hasil.galat else "berubah"
        self.stdout.write(f"Perubahan ({kata}): {len(hasil.perubahan)}")
        for p in hasil.perubahan:
            self.stdout.write(f"  {p}")
        for c in hasil.peringatan:
            self.stdout.write(f"Peringatan: {c}")
        if hasil.galat:
            for c in hasil.galat:
                self.stderr.write(f"GALAT {c}")
            raise CommandError(f"Impor dibatalkan: {len(hasil.galat)} galat; tidak ada yang disimpan.")
        self.stdout.write(
            "Uji coba: tidak ada yang disimpan."
            if hasil.coba
            else f"Tersimpan: {len(hasil.perubahan)} perubahan."
        )
