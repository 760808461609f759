"""capaian laporan --pd SLUG --tahun N --triwulan N --keluar DIR
    --jenis e81|kertas-kerja|kesimpulan|narasi|surat-pengantar|semua --format json,xlsx,pdf,docx

Files are named <jenis>.<format> (e81.xlsx, narasi.docx, ...). `--jenis e81 --format json` writes e81.json
exactly as before. With `semua`, each document is written in those of the requested formats it supports.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.laporan.paket import (
    FORMAT,
    FORMAT_JENIS,
    JENIS,
    SEMUA,
    Konteks,
    PaketError,
    nama_berkas,
    periksa,
    render,
)
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah


def _daftar(teks: str) -> list[str]:
    return list(dict.fromkeys(t.strip().lower() for t in teks.split(",") if t.strip()))


def rencana_berkas(jenis_opsi: str, format_opsi: str) -> list[tuple[str, str]]:
    """The (jenis, format) pairs to write; raises PaketError with an Indonesian message."""
    jenis = _daftar(jenis_opsi)
    format_ = _daftar(format_opsi)
    if not jenis:
        raise PaketError("Sebutkan jenis laporan (--jenis).")
    if not format_:
        raise PaketError("Sebutkan format keluaran (--format).")
    for f in format_:
        if f not in FORMAT:
            raise PaketError(f"Format '{f}' tidak dikenal; pilihan: {', '.join(FORMAT)}.")
    if SEMUA in jenis:
        pasangan = [(j, f) for j in JENIS for f in format_ if f in FORMAT_JENIS[j]]
        if not pasangan:
            raise PaketError(f"Tidak ada laporan yang tersedia dalam format {', '.join(format_)}.")
        return pasangan
    pasangan = [(j, f) for j in jenis for f in format_]
    for j, f in pasangan:
        periksa(j, f)
    return pasangan


class Command(BaseCommand):
    help = "Membuat paket laporan evaluasi (Form E.81, Kertas Kerja, Kesimpulan, Narasi, Surat Pengantar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pd", required=True, help="slug perangkat daerah, mis. disperindag")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", required=True, type=int, choices=[1, 2, 3, 4])
        parser.add_argument(
            "--jenis",
            default="e81",
            help="jenis laporan, dipisah koma: " + ", ".join(JENIS) + f" atau {SEMUA}",
        )
        parser.add_argument(
            "--format", default="json", help="format keluaran, dipisah koma: " + ", ".join(FORMAT)
        )
        parser.add_argument("--keluar", required=True, help="folder tujuan")

    def handle(self, *args: Any, **opsi: Any) -> None:
        try:
            pasangan = rencana_berkas(opsi["jenis"], opsi["format"])
        except PaketError as e:
            raise CommandError(str(e)) from None
        try:
            pd = PerangkatDaerah.objects.select_related("pemda").get(slug=opsi["pd"])
        except PerangkatDaerah.DoesNotExist:
            raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ditemukan.") from None
        keluar = Path(opsi["keluar"])
        keluar.mkdir(parents=True, exist_ok=True)
        konteks = Konteks(muat_data(pd, opsi["tahun"], opsi["triwulan"]))
        for jenis, format_ in pasangan:
            tujuan = keluar / nama_berkas(jenis, format_)
            tujuan.write_bytes(render(konteks, jenis, format_))
            self.stdout.write(f"Ditulis: {tujuan}")
