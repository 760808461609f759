"""capaian periksa FILE [--json] [--pita atas|bawah]: the contradictions of a hand-typed Form E.81 workbook.

Exit status 0 whenever the sheet could be read, whatever was found; a CommandError (non-zero) only when the
file cannot be read as an E.81 workbook.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.aturan.periksa import Temuan, hitung_per_jenis, periksa
from capaian.aturan.predikat import PERMENDAGRI_86_ATAS, PERMENDAGRI_86_BAWAH
from capaian.impor.baca import BacaError, baca_e81

PITA = {"atas": PERMENDAGRI_86_ATAS, "bawah": PERMENDAGRI_86_BAWAH}


def _potong(teks: str | None, lebar: int) -> str:
    teks = teks or "-"
    return teks if len(teks) <= lebar else teks[: lebar - 1] + "…"


class Command(BaseCommand):
    help = "Memeriksa buku kerja Form E.81 (.xlsx/.xls) dan mendaftar setiap ketidaksesuaian angkanya."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", metavar="FILE", help="buku kerja .xlsx atau .xls berisi Form E.81")
        parser.add_argument("--json", action="store_true", help='keluaran JSON {"temuan": [...]}')
        parser.add_argument(
            "--pita",
            choices=sorted(PITA),
            default="atas",
            help="bacaan batas pita predikat: atas (inklusif batas atas, bawaan) atau bawah",
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        try:
            lembar = baca_e81(opsi["berkas"])
        except BacaError as e:
            raise CommandError(e.pesan) from e
        temuan = periksa(lembar, PITA[opsi["pita"]])
        if opsi["json"]:
            self.stdout.write(
                json.dumps({"temuan": [t.ke_dict() for t in temuan]}, ensure_ascii=False, indent=2)
            )
            return
        self._tabel(lembar.nama, temuan)

    def _tabel(self, nama: str, temuan: list[Temuan]) -> None:
        if not temuan:
            self.stdout.write(f"Lembar '{nama}': tidak ada temuan (0 galat, 0 peringatan).")
            return
        galat = sum(1 for t in temuan if t.tingkat == "galat")
        self.stdout.write(
            f"Lembar '{nama}': {len(temuan)} temuan ({galat} galat, {len(temuan) - galat} peringatan)."
        )
        self.stdout.write("")
        kepala = f"{'No':>4}  {'Kode':<18} {'Sel':<16} {'Kolom':<5} {'Tingkat':<10} {'Jenis':<22}"
        self.stdout.write(kepala)
        self.stdout.write("-" * len(kepala))
        for t in temuan:
            sel = t.sel.split("!", 1)[-1]
            self.stdout.write(
                f"{t.no if t.no is not None else '-':>4}  {_potong(t.kode, 18):<18} {_potong(sel, 16):<16} "
                f"{_potong(t.kolom, 5):<5} {t.tingkat:<10} {t.jenis:<22}"
            )
            self.stdout.write(f"      {t.pesan}")
            if t.tertulis is not None or t.seharusnya is not None:
                self.stdout.write(f"      tertulis: {t.tertulis or '-'}; seharusnya: {t.seharusnya or '-'}")
        self.stdout.write("")
        self.stdout.write("Per jenis: " + ", ".join(f"{j} {n}" for j, n in hitung_per_jenis(temuan).items()))
