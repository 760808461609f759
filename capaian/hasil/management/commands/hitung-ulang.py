"""capaian hitung-ulang [--pd SLUG] [--periksa]: rebuild the stored results (capaian.hasil), or with
--periksa only compare them with a fresh computation and list every difference (exit status 1 if any).

Run it once after the migration that adds the stored results, and whenever --periksa finds a difference.
One transaction per agency, so that a rebuild of a whole country holds no long lock.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.hasil import simpan
from capaian.organisasi.models import PerangkatDaerah


class Command(BaseCommand):
    help = (
        "Menghitung ulang hasil tersimpan (kolom 12-15, predikat, peringatan dini, total); "
        "--periksa hanya membandingkan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pd", help="slug perangkat daerah (bawaan: semua)")
        parser.add_argument(
            "--periksa", action="store_true", help="hanya bandingkan dengan hitungan baru; tidak menulis"
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        daftar = list(PerangkatDaerah.objects.order_by("slug"))
        if opsi["pd"]:
            daftar = [pd for pd in daftar if pd.slug == opsi["pd"]]
            if not daftar:
                raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ada.")
        if opsi["periksa"]:
            selisih = [s for pd in daftar for s in simpan.periksa([pd])]
            for s in selisih:
                self.stdout.write(f"  {s}")
            if selisih:
                raise CommandError(f"{len(selisih)} hasil tersimpan berbeda dari hitungan baru.")
            self.stdout.write(f"Semua hasil tersimpan {len(daftar)} perangkat daerah sesuai hitungan baru.")
            return
        n = sum(simpan.hitung_ulang([pd]) for pd in daftar)
        self.stdout.write(f"{n} triwulan perangkat daerah dihitung ulang ({len(daftar)} perangkat daerah).")
