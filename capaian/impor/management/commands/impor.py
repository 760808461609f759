"""capaian impor FILE --pd SLUG --oleh USERNAME [--tahun N] [--triwulan N] [--coba] [--kosongkan]: a Form
E.81 workbook into the database (`--perubahan --berlaku-triwulan N --dasar ...`: the Renja Perubahan's
targets instead).

All or nothing: with any error nothing is saved and the command exits non-zero. `--coba` lists what would
change and saves nothing; it records what it saw (capaian.impor.uji_coba, under DATA_DIR/uji-coba/, per
agency and the file's SHA-256), and the real import of the same file then refuses, naming the cells, when a
row it would change changed since. A blank cell leaves the stored value alone unless `--kosongkan`. Runs as
the user named by `--oleh` (required): with their permissions (an admin imports plan and targets, only the
agency's operator the quarter's values) and the same state rules as on the web; the audit trail names
them, with the door "impor".
"""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.impor import uji_coba
from capaian.impor.impor import HasilImpor, impor_berkas
from capaian.impor.perubahan import impor_perubahan
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah

LABEL = {
    "tujuan": "tujuan baru",
    "sasaran": "sasaran baru",
    "program": "program baru",
    "kegiatan": "kegiatan baru",
    "subkegiatan": "sub kegiatan baru",
    "indikator": "indikator baru",
    "satuan": "satuan",
    "target": "target",
    "realisasi": "realisasi",
    "urutan": "urutan",
}


class Command(BaseCommand):
    help = "Mengimpor buku kerja Form E.81 (.xlsx/.xls) ke rencana dan realisasi satu perangkat daerah."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", metavar="FILE", help="buku kerja .xlsx atau .xls berisi Form E.81")
        parser.add_argument("--pd", help="slug perangkat daerah tujuan, mis. disperindag (wajib)")
        parser.add_argument("--tahun", type=int, help="tahun, bila tidak tertulis di judul lembar")
        parser.add_argument(
            "--triwulan", type=int, choices=[1, 2, 3, 4], help="triwulan, bila tidak tertulis di judul lembar"
        )
        parser.add_argument(
            "--oleh",
            metavar="USERNAME",
            help="nama pengguna yang menjalankan impor (wajib; dicatat di jejak audit)",
        )
        parser.add_argument(
            "--coba", action="store_true", help="uji coba: tampilkan perubahan tanpa menyimpan"
        )
        parser.add_argument(
            "--perubahan", action="store_true", help="impor target Renja Perubahan (target murni tetap)"
        )
        parser.add_argument(
            "--berlaku-triwulan", type=int, choices=[2, 3, 4], default=3, help="Perubahan berlaku mulai TW"
        )
        parser.add_argument(
            "--dasar", help="dasar hukum Perubahan, mis. Perda Perubahan APBD (wajib pertama kali)"
        )
        parser.add_argument("--nomor", default="", help="nomor dasar hukum")
        parser.add_argument("--tanggal", help="tanggal dasar hukum, TTTT-BB-HH")
        parser.add_argument(
            "--kosongkan",
            action="store_true",
            help="sel kosong mengosongkan nilai yang tersimpan (tanpa ini sel kosong membiarkannya)",
        )

    def handle(self, *args: Any, **opsi: Any) -> None:
        slug = opsi["pd"]
        pilihan = ", ".join(PerangkatDaerah.objects.order_by("slug").values_list("slug", flat=True)) or "-"
        if not slug:
            raise CommandError(f"Perangkat daerah tujuan wajib disebut: --pd SLUG (pilihan: {pilihan}).")
        pd = PerangkatDaerah.objects.filter(slug=slug).first()
        if pd is None:
            raise CommandError(f"Perangkat daerah '{slug}' tidak ada (pilihan: {pilihan}).")
        nama = opsi["oleh"]
        if not nama:
            raise CommandError(
                "Siapa yang menjalankan impor wajib disebut: --oleh USERNAME (dicatat di jejak audit)."
            )
        pengguna = get_user_model().objects.filter(username=nama, is_active=True).first()
        if pengguna is None:
            raise CommandError(f"Pengguna '{nama}' tidak ada atau tidak aktif.")
        berkas = opsi["berkas"]
        dasar = None
        try:
            if opsi["perubahan"]:
                try:
                    tanggal = datetime.date.fromisoformat(opsi["tanggal"]) if opsi["tanggal"] else None
                except ValueError:
                    raise CommandError("Tanggal tidak sah; tulis TTTT-BB-HH, mis. 2024-09-30.") from None
                hasil = impor_perubahan(
                    pengguna,
                    pd,
                    berkas,
                    opsi["coba"],
                    berlaku_triwulan=opsi["berlaku_triwulan"],
                    tahun=opsi["tahun"],
                    dasar_hukum=opsi["dasar"],
                    nomor=opsi["nomor"],
                    tanggal=tanggal,
                )
            else:
                dasar = None if opsi["coba"] else _muat_dasar(pd.slug, berkas)
                hasil = impor_berkas(
                    pengguna,
                    pd,
                    berkas,
                    opsi["coba"],
                    tahun=opsi["tahun"],
                    triwulan=opsi["triwulan"],
                    kosongkan=opsi["kosongkan"],
                    dasar=dasar,
                )
                if opsi["coba"] and not hasil.galat and hasil.perubahan:
                    uji_coba.simpan_cli(pd.slug, berkas, hasil.dasar)
                elif hasil.disimpan:
                    uji_coba.hapus_cli(pd.slug, berkas)
        except akses.AksesDitolak as e:
            raise CommandError(f"{e} (pengguna {nama})") from None
        if dasar is not None:
            self.stdout.write("Dibandingkan dengan uji coba sebelumnya atas berkas yang sama.")
        self._laporkan(pd, hasil)

    def _laporkan(self, pd: PerangkatDaerah, hasil: HasilImpor) -> None:
        periode = ""
        if hasil.tahun and hasil.triwulan:
            periode = f", Triwulan {hasil.triwulan} {hasil.tahun}"
        lembar = f" lembar '{hasil.lembar}'" if hasil.lembar else ""
        self.stdout.write(f"Impor{lembar} ke {pd.slug}{periode}{' (uji coba)' if hasil.coba else ''}")
        ringkas = ", ".join(f"{LABEL.get(j, j)} {n}" for j, n in hasil.ringkasan().items())
        kata = "akan berubah" if hasil.coba or hasil.galat else "berubah"
        self.stdout.write(
            f"Perubahan ({kata}): {len(hasil.perubahan)}" + (f" ({ringkas})" if ringkas else "")
        )
        for p in hasil.perubahan:
            self.stdout.write(f"  {p.pesan}")
        if hasil.peringatan:
            self.stdout.write(f"Peringatan: {len(hasil.peringatan)}")
            for c in hasil.peringatan:
                self.stdout.write(f"  {c}")
        if hasil.galat:
            for c in hasil.galat:
                self.stderr.write(f"GALAT {c}")
            raise CommandError(
                f"Impor dibatalkan: {len(hasil.galat)} galat; tidak ada yang disimpan. Perbaiki sel yang "
                "disebut lalu ulangi."
            )
        if hasil.coba:
            self.stdout.write("Uji coba: tidak ada yang disimpan. Jalankan tanpa --coba untuk menyimpan.")
        elif hasil.perubahan:
            self.stdout.write(f"Tersimpan: {len(hasil.perubahan)} perubahan.")
        else:
            self.stdout.write("Tidak ada yang berubah: data sudah sama dengan lembar.")


def _muat_dasar(slug: str, berkas: str) -> uji_coba.DasarUjiCoba | None:
    try:
        return uji_coba.muat_cli(slug, berkas)
    except OSError:
        return None  # an unreadable file: the importer reports it
