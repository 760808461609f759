"""capaian mulai-tahun --pd SLUG|--semua --tahun N: start Renja year N from year N-1.

Runs as the system (pengguna=None); the audit trail records it as "sistem". With --semua every agency that
has year N-1 and not yet year N is started; each agency is its own transaction.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import tahun_baru


class Command(BaseCommand):
    help = "Memulai tahun Renja baru dari tahun sebelumnya (kolom 6 diturunkan, target dari Renstra)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pd", help="slug perangkat daerah")
        parser.add_argument("--semua", action="store_true", help="semua perangkat daerah yang siap")
        parser.add_argument("--tahun", type=int, required=True, help="tahun baru (N+1)")

    def handle(self, *args: Any, **opsi: Any) -> None:
        tahun = opsi["tahun"]
        if opsi["semua"]:
            daftar = list(PerangkatDaerah.objects.order_by("slug"))
        elif opsi["pd"]:
            pd = PerangkatDaerah.objects.filter(slug=opsi["pd"]).first()
            if pd is None:
                raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ada.")
            daftar = [pd]
        else:
            raise CommandError("Sebut --pd SLUG atau --semua.")
        dimulai = 0
        for pd in daftar:
            alasan = tahun_baru.boleh_mulai(pd, tahun)
            if alasan is not None:
                if not opsi["semua"]:
                    raise CommandError(alasan)
                self.stdout.write(f"  {pd.slug}: dilewati ({alasan})")
                continue
            tahun_baru.mulai_tahun(None, pd, tahun)
            dimulai += 1
            self.stdout.write(f"  {pd.slug}: tahun {tahun} dimulai dari {tahun - 1}")
        self.stdout.write(f"{dimulai} perangkat daerah memulai tahun {tahun}.")
