"""capaian laporan --pd SLUG --tahun N --triwulan N --jenis e81 --format json --keluar DIR"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_json import e81_json
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah

JENIS = ("e81",)
FORMAT = ("json",)


class Command(BaseCommand):
    help = "Membuat laporan evaluasi (Form E.81) untuk satu perangkat daerah dan triwulan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pd", required=True, help="slug perangkat daerah, mis. disperindag")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", required=True, type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--jenis", default="e81", help="jenis laporan: " + ", ".join(JENIS))
        parser.add_argument("--format", default="json", help="format keluaran, dipisah koma: json")
        parser.add_argument("--keluar", required=True, help="folder tujuan")

    def handle(self, *args: Any, **opsi: Any) -> None:
        jenis = [j.strip() for j in opsi["jenis"].split(",") if j.strip()]
        format_ = [f.strip() for f in opsi["format"].split(",") if f.strip()]
        for j in jenis:
            if j not in JENIS:
                raise CommandError(f"Jenis laporan '{j}' belum tersedia; pilihan: {', '.join(JENIS)}.")
        for f in format_:
            if f not in FORMAT:
                raise CommandError(f"Format '{f}' belum tersedia; pilihan: {', '.join(FORMAT)}.")
        try:
            pd = PerangkatDaerah.objects.select_related("pemda").get(slug=opsi["pd"])
        except PerangkatDaerah.DoesNotExist:
            raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ditemukan.") from None
        keluar = Path(opsi["keluar"])
        keluar.mkdir(parents=True, exist_ok=True)
        laporan = bangun_e81(muat_data(pd, opsi["tahun"], opsi["triwulan"]))
        tujuan = keluar / "e81.json"
        tujuan.write_text(json.dumps(e81_json(laporan), ensure_ascii=False, indent=1), encoding="utf-8")
        self.stdout.write(f"Ditulis: {tujuan}")
