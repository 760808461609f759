"""capaian templat --pd SLUG --tahun N --triwulan N --keluar FILE.xlsx: the pre-filled E.81 entry workbook."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.impor.templat import buat_templat
from capaian.organisasi.models import PerangkatDaerah


class Command(BaseCommand):
    help = "Membuat templat isian Form E.81 (.xlsx) satu perangkat daerah untuk diisi luring lalu diimpor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pd", required=True, help="slug perangkat daerah, mis. disperindag")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--triwulan", type=int, required=True, choices=[1, 2, 3, 4])
        parser.add_argument("--keluar", required=True, metavar="FILE.xlsx", help="berkas tujuan")

    def handle(self, *args: Any, **opsi: Any) -> None:
        pd = PerangkatDaerah.objects.filter(slug=opsi["pd"]).first()
        if pd is None:
            pilihan = ", ".join(PerangkatDaerah.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ada (pilihan: {pilihan or '-'}).")
        keluar = opsi["keluar"]
        if not str(keluar).lower().endswith(".xlsx"):
            raise CommandError("Berkas keluaran harus berakhiran .xlsx.")
        try:
            jumlah = buat_templat(pd, opsi["tahun"], opsi["triwulan"], keluar)
        except OSError as e:
            raise CommandError(f"Tidak dapat menulis '{keluar}': {e.strerror or e}") from e
        self.stdout.write(
            f"Templat {pd.slug} Triwulan {opsi['triwulan']} {opsi['tahun']} ditulis ke {keluar} "
            f"({jumlah} baris indikator)."
        )
