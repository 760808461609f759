"""Fixtures for the report package: the demo agency's data, read once, and every file rendered once.

The builders and renderers are pure (DataLaporan in, bytes out), so the plain data object, read from the
run's demo (tests/conftest.py), is shared by the module. pytest-django only creates the test database when
a collected test asks for it, so every module here carries `pytestmark = pytest.mark.django_db`.
"""

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.paket import FORMAT_JENIS, Konteks, render
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah


@pytest.fixture(scope="module")
def data_demo(django_db_setup: None, django_db_blocker: pytest.FixtureDef) -> Iterator[DataLaporan]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        pd = PerangkatDaerah.objects.select_related("pemda").get(slug="disperindag")
        data = muat_data(pd, 2024, 2)
    yield data


@pytest.fixture(scope="module")
def e81_demo(data_demo: DataLaporan) -> LaporanE81:
    return bangun_e81(data_demo)


@pytest.fixture(scope="module")
def berkas(data_demo: DataLaporan) -> dict[str, bytes]:
    """Every document in every format it supports: {"e81.xlsx": b"...", ...}."""
    konteks = Konteks(data_demo)
    return {f"{j}.{f}": render(konteks, j, f) for j, daftar in FORMAT_JENIS.items() for f in daftar}


def pdf_teks(isi: bytes, tmp: Path, halaman: int | None = None, tata: bool = True) -> str:
    """The PDF's text; tata=False reads it in content order with whitespace collapsed (wrapped cells join)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) belum terpasang")
    berkas_pdf = tmp / "x.pdf"
    berkas_pdf.write_bytes(isi)
    batas = ["-f", str(halaman), "-l", str(halaman)] if halaman else []
    hasil = subprocess.run(
        ["pdftotext", *(["-layout"] if tata else []), *batas, str(berkas_pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return hasil.stdout if tata else " ".join(hasil.stdout.split())


def pdf_teks_mentah(isi: bytes, tmp: Path) -> str:
    """The PDF's text in the order it was drawn (pdftotext -raw), whitespace collapsed: a table cell's lines,
    and the cells of a row, follow one another, so a Variabel is followed by its Nilai."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) belum terpasang")
    berkas_pdf = tmp / "mentah.pdf"
    berkas_pdf.write_bytes(isi)
    hasil = subprocess.run(
        ["pdftotext", "-raw", str(berkas_pdf), "-"], capture_output=True, check=True, text=True
    )
    return " ".join(hasil.stdout.split())


def pdf_png(isi: bytes, tmp: Path) -> Path:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) belum terpasang")
    berkas_pdf = tmp / "x.pdf"
    berkas_pdf.write_bytes(isi)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(berkas_pdf), str(tmp / "hal")], check=True
    )
    return next(tmp.glob("hal*.png"))


def ukuran_huruf_pdf(isi: bytes) -> set[float]:
    """Every printed font size in the PDF's content streams, read without ReportLab: each stream is inflated
    (with or without an ASCII85 layer), its `/Font size Tf` operators collected and multiplied by the
    vertical scale of any text matrix (`a b c d e f Tm`) set in the stream, so text drawn scaled down counts
    at the size it prints."""
    import base64
    import re
    import zlib

    ukuran: set[float] = set()
    for m in re.finditer(rb"<<(.*?)>>\s*stream\r?\n(.*?)endstream", isi, re.S):
        kamus, data = m.group(1), m.group(2).strip()
        if b"/Length1" in kamus or b"/Subtype /Image" in kamus:  # an embedded font file or an image
            continue
        try:
            if b"ASCII85Decode" in kamus:
                data = base64.a85decode(data.removesuffix(b"~>"), adobe=False)
            if b"FlateDecode" in kamus:
                data = zlib.decompress(data)
        except (ValueError, zlib.error):
            continue
        skala = [
            abs(float(d))
            for d in re.findall(rb"[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s+[-\d.]+\s+[-\d.]+\s+Tm", data)
        ]
        faktor = min([1.0, *skala])
        ukuran |= {float(x) * faktor for x in re.findall(rb"/[\w+.-]+\s+([\d.]+)\s+Tf", data)}
    return ukuran
