"""The reference report's texts where the report puts them: kendala and solusi per bidang urusan (the
Narasi, narasi-transkripsi.csv) and the factors per program (the Kesimpulan, kesimpulan-transkripsi.csv),
beside the agency's own under Form E.81 (capaian.demo.referensi). Saved through the one service, audited."""

import csv
import re
from pathlib import Path

from capaian.aturan.kodering import nama_urusan_bidang
from capaian.demo import referensi
from capaian.monev import services
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Program

_BUTIR_STRIP = re.compile(r"(?:^|\s)-(?=\S)")


def butir_rujukan(teks: str) -> list[str]:
    """The report's items: "a | b" (the transcription's separator) or "-a. -b." in one cell; "-" is none."""
    hasil: list[str] = []
    for bagian in teks.split("|"):
        for b in _BUTIR_STRIP.split(bagian):
            b = b.strip()
            if b and b != "-":
                hasil.append(b)
    return hasil


def _kode_bidang(nama: str, kode_program: list[str]) -> str | None:
    for kode in {".".join(k.split(".")[:2]) for k in kode_program}:
        if nama_urusan_bidang(kode) == nama.strip():
            return kode
    return None


def teks_bidang(folder_seed: Path, kode_program: list[str]) -> dict[str, dict[str, str]]:
    """Per bidang kode: kendala and solusi of the Narasi, one item a line."""
    hasil: dict[str, dict[str, str]] = {}
    with (folder_seed / "narasi-transkripsi.csv").open(encoding="utf-8") as berkas:
        for b in csv.DictReader(berkas):
            kode = _kode_bidang(b["urusan"], kode_program)
            if b["row_type"] != "urusan_summary" or kode is None:
                continue
            hasil[kode] = {
                "kendala": "\n".join(butir_rujukan(b["kendala"])),
                "solusi": "\n".join(butir_rujukan(b["solusi"])),
            }
    return hasil


def teks_program(folder_seed: Path) -> dict[str, dict[str, str]]:
    """Per program kode: its factors in the Kesimpulan, each of the kind Form E.81's footer gives it."""
    hasil: dict[str, dict[str, list[str]]] = {}
    with (folder_seed / "kesimpulan-transkripsi.csv").open(encoding="utf-8") as berkas:
        for b in csv.DictReader(berkas):
            for kolom, jenis_kolom in referensi.KOLOM_KESIMPULAN.items():
                for butir in butir_rujukan(b[kolom]):
                    jenis = referensi.JENIS_MENURUT_E81.get(butir, jenis_kolom)
                    hasil.setdefault(b["kode_program"], {}).setdefault(jenis, []).append(butir)
    return {kode: {j: "\n".join(t) for j, t in isi.items()} for kode, isi in hasil.items()}


def muat_teks(pd: PerangkatDaerah, folder_seed: Path, tahun: int, triwulan: int) -> None:
    program = {p.kode: p for p in Program.objects.filter(perangkat_daerah=pd)}
    for kode, teks in teks_bidang(folder_seed, list(program)).items():
        services.simpan_catatan_cakupan(None, pd, tahun, triwulan, bidang=kode, teks=teks)
    for kode, teks in teks_program(folder_seed).items():
        if kode in program:
            services.simpan_catatan_cakupan(None, pd, tahun, triwulan, program=program[kode], teks=teks)
