"""capaian templat-rpjmd --pemda SLUG [--tahun N] --keluar FILE.xlsx: the RPJMD workbook to edit, import."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.organisasi.models import Pemda
from capaian.rpjmd.models import PeriodeRPJMD
from capaian.rpjmd.services import rpjmd_tahun
from capaian.rpjmd.templat import templat_rpjmd


class Command(BaseCommand):
    help = "Menulis buku kerja RPJMD pemda (terisi RPJMD yang ada) untuk diubah lalu diimpor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pemda", required=True)
        parser.add_argument("--tahun", type=int, help="tahun dalam periode RPJMD (bawaan: RPJMD terbaru)")
        parser.add_argument("--keluar", required=True)

    def handle(self, *args: Any, **opsi: Any) -> None:
        pemda = Pemda.objects.filter(slug=opsi["pemda"]).first()
        if pemda is None:
            raise CommandError(f"Pemda '{opsi['pemda']}' tidak ditemukan.")
        rpjmd = (
            rpjmd_tahun(pemda.pk, opsi["tahun"])
            if opsi["tahun"]
            else PeriodeRPJMD.objects.filter(pemda=pemda).order_by("-tahun_awal").first()
        )
        tujuan = Path(opsi["keluar"])
        tujuan.write_bytes(templat_rpjmd(pemda, rpjmd))
        self.stdout.write(f"Ditulis: {tujuan}")
