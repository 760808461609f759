"""capaian laporan --pd SLUG --tahun N --triwulan N --keluar DIR
    --jenis e81|kertas-kerja|kesimpulan|narasi|surat-pengantar|semua --format json,xlsx,pdf,docx
capaian laporan --pemda SLUG --tahun N --triwulan N --keluar DIR
    --jenis e79|kesimpulan-kota|narasi-kota|semua --format json,xlsx,pdf,docx [--kegiatan]

Files are named <jenis>.<format> (e81.xlsx, narasi.docx, e79.json, ...). `--jenis e81 --format json` writes
e81.json exactly as before. With `semua`, each document is written in those of the requested formats it
supports. `--pemda` writes the city's documents, built from the agencies whose quarter is verified or locked.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from capaian.laporan import arsip
from capaian.laporan.dokumen_kota import FORMAT_JENIS_KOTA, JENIS_KOTA, KonteksKota, periksa_kota, render_kota
from capaian.laporan.paket import (
    FORMAT,
    FORMAT_JENIS,
    JENIS,
    SEMUA,
    Konteks,
    PaketError,
    nama_berkas,
    nama_unduhan,
    periksa,
    render,
)
from capaian.laporan.sumber import muat_data
from capaian.laporan.sumber_kota import muat_data_kota
from capaian.organisasi.models import Pemda, PerangkatDaerah


def _daftar(teks: str) -> list[str]:
    return list(dict.fromkeys(t.strip().lower() for t in teks.split(",") if t.strip()))


def rencana_berkas(jenis_opsi: str, format_opsi: str, kota: bool = False) -> list[tuple[str, str]]:
    """The (jenis, format) pairs to write (of an agency, or of the pemda with `kota`); raises PaketError
    with an Indonesian message."""
    daftar_jenis, format_jenis, cek = (
        (JENIS_KOTA, FORMAT_JENIS_KOTA, periksa_kota) if kota else (JENIS, FORMAT_JENIS, periksa)
    )
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
        pasangan = [(j, f) for j in daftar_jenis for f in format_ if f in format_jenis[j]]
        if not pasangan:
            raise PaketError(f"Tidak ada laporan yang tersedia dalam format {', '.join(format_)}.")
        return pasangan
    pasangan = [(j, f) for j in jenis for f in format_]
    for j, f in pasangan:
        if kota and j in FORMAT_JENIS:
            raise PaketError(f"Laporan '{j}' adalah laporan perangkat daerah: pakai --pd, bukan --pemda.")
        if not kota and j in FORMAT_JENIS_KOTA:
            raise PaketError(f"Laporan '{j}' adalah laporan pemda: pakai --pemda, bukan --pd.")
        cek(j, f)
    return pasangan


class Command(BaseCommand):
    help = (
        "Membuat laporan evaluasi: paket perangkat daerah (--pd: Form E.81, Kertas Kerja, Kesimpulan, Narasi,"
        " Surat Pengantar) atau laporan pemda (--pemda: Form E.79, Kesimpulan rekap provinsi, Narasi kota)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        siapa = parser.add_mutually_exclusive_group(required=True)
        siapa.add_argument("--pd", help="slug perangkat daerah, mis. disperindag")
        siapa.add_argument("--pemda", help="slug pemda untuk laporan kota, mis. kota-pasuruan")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument(
            "--triwulan", type=int, choices=[1, 2, 3, 4], help="wajib, kecuali untuk --jenis e80 (tahunan)"
        )
        parser.add_argument(
            "--jenis",
            default="e81",
            help="jenis laporan, dipisah koma: " + ", ".join((*JENIS, *JENIS_KOTA)) + f" atau {SEMUA}",
        )
        parser.add_argument(
            "--kegiatan",
            action="store_true",
            help="Form E.79: tampilkan juga baris kegiatan di bawah program",
        )
        parser.add_argument(
            "--format", default="json", help="format keluaran, dipisah koma: " + ", ".join(FORMAT)
        )
        parser.add_argument("--keluar", required=True, help="folder tujuan")

    def handle(self, *args: Any, **opsi: Any) -> None:
        kota = opsi["pemda"] is not None
        if not kota and opsi["jenis"] == "e80":
            self._e80(opsi)
            return
        if opsi["triwulan"] is None:
            raise CommandError("Sebutkan triwulan (--triwulan 1-4); hanya --jenis e80 tanpa triwulan.")
        try:
            pasangan = rencana_berkas(opsi["jenis"], opsi["format"], kota=kota)
        except PaketError as e:
            raise CommandError(str(e)) from None
        if kota:
            self._kota(opsi, pasangan)
            return
        try:
            pd = PerangkatDaerah.objects.select_related("pemda").get(slug=opsi["pd"])
        except PerangkatDaerah.DoesNotExist:
            raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ditemukan.") from None
        keluar = Path(opsi["keluar"])
        keluar.mkdir(parents=True, exist_ok=True)
        tahun, triwulan = opsi["tahun"], opsi["triwulan"]
        konteks = Konteks(muat_data(pd, tahun, triwulan))
        # A locked quarter's documents come from the archive made at the lock, byte for byte.
        tersimpan = arsip.berlaku(pd, tahun, triwulan)
        if tersimpan is not None:
            self.stdout.write(
                f"Triwulan terkunci: berkas dari arsip saat dikunci (SHA-256 {tersimpan.sha256})."
            )
        for jenis, format_ in pasangan:
            tujuan = keluar / nama_berkas(jenis, format_)
            isi = None
            if tersimpan is not None:
                isi = arsip.isi_berkas(tersimpan, nama_unduhan(jenis, format_, pd.slug, tahun, triwulan))
            if isi is None:
                try:
                    isi = render(konteks, jenis, format_)
                except PaketError as e:
                    raise CommandError(str(e)) from None
            tujuan.write_bytes(isi)
            self.stdout.write(f"Ditulis: {tujuan}")

    def _e80(self, opsi: dict[str, Any]) -> None:
        """Form E.80, the year's evaluation of the Renstra: one agency and year, no quarter."""
        from capaian.laporan.render_e80 import FORMAT_E80, render_e80
        from capaian.laporan.sumber_e80 import TanpaData, muat_e80

        pd = PerangkatDaerah.objects.filter(slug=opsi["pd"]).first()
        if pd is None:
            raise CommandError(f"Perangkat daerah '{opsi['pd']}' tidak ditemukan.")
        format_ = _daftar(opsi["format"])
        for f in format_:
            if f not in FORMAT_E80:
                raise CommandError(
                    f"Form E.80 tidak tersedia dalam format {f}; pilihan: {', '.join(FORMAT_E80)}."
                )
        try:
            lap = muat_e80(pd, opsi["tahun"])
        except TanpaData as e:
            raise CommandError(str(e)) from None
        keluar = Path(opsi["keluar"])
        keluar.mkdir(parents=True, exist_ok=True)
        for f in format_:
            tujuan = keluar / f"e80.{f}"
            tujuan.write_bytes(render_e80(lap, f))
            self.stdout.write(f"Ditulis: {tujuan}")

    def _kota(self, opsi: dict[str, Any], pasangan: list[tuple[str, str]]) -> None:
        try:
            pemda = Pemda.objects.get(slug=opsi["pemda"])
        except Pemda.DoesNotExist:
            raise CommandError(f"Pemda '{opsi['pemda']}' tidak ditemukan.") from None
        keluar = Path(opsi["keluar"])
        keluar.mkdir(parents=True, exist_ok=True)
        data = muat_data_kota(pemda, opsi["tahun"], opsi["triwulan"])
        konteks = KonteksKota(data, kegiatan=opsi["kegiatan"])
        for jenis, format_ in pasangan:
            tujuan = keluar / nama_berkas(jenis, format_)
            tujuan.write_bytes(render_kota(konteks, jenis, format_))
            self.stdout.write(f"Ditulis: {tujuan}")
        belum = data.tidak_termasuk
        self.stdout.write(
            f"{len(data.termasuk)} dari {len(data.anggota)} perangkat daerah termasuk"
            + (f"; belum diverifikasi: {', '.join(a.slug for a in belum)}" if belum else "")
        )
