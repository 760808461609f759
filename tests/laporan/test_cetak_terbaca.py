"""Issue 12, item 1: every PDF of the package is readable in print (no text below 6.5 pt), and Form E.81 is
paginated like the reference: the header repeated on every page, no row split across pages, the closing
rows and the signature with the last rows of the form, "Halaman n dari N" at the foot."""

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.render_pdf import UKURAN_MINIMAL, e81_pdf
from tests.laporan.conftest import pdf_teks, ukuran_huruf_pdf

pytestmark = pytest.mark.django_db

PDF = ("e81.pdf", "kertas-kerja.pdf", "kesimpulan.pdf", "narasi.pdf", "surat-pengantar.pdf")


def _halaman(isi: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", isi))


@pytest.mark.parametrize("nama", PDF)
def test_no_text_of_any_pdf_is_below_6_5_pt(berkas: dict[str, bytes], nama: str) -> None:
    ukuran = ukuran_huruf_pdf(berkas[nama])
    assert ukuran, f"{nama}: no font size read back"
    assert min(ukuran) >= UKURAN_MINIMAL, sorted(ukuran)


def test_the_size_reader_finds_small_text() -> None:
    """The check above can fail: a PDF drawn at 4 pt (the old Form E.81) is seen as 4 pt."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    keluaran = io.BytesIO()
    c = Canvas(keluaran)
    c.setFont("Helvetica", 4)
    c.drawString(10, 10, "1.151.384.000")
    c.save()
    assert min(ukuran_huruf_pdf(keluaran.getvalue())) == 4


def test_e81_is_paginated_like_the_reference(
    berkas: dict[str, bytes], e81_demo: LaporanE81, tmp_path: Path
) -> None:
    isi = berkas["e81.pdf"]
    halaman = _halaman(isi)
    baris = len(e81_demo.baris)
    # The reference prints its 57 rows on 4 pages at about 4-5 pt; at 6.5 pt the 28 columns leave less
    # room for the texts, so 10-15 rows a page: never the old 2 1/3 pages, never one row a page.
    assert 4 <= halaman <= 8, halaman
    assert baris / halaman >= 8
    nomor_per_halaman: list[set[int]] = []
    for h in range(1, halaman + 1):
        teks = pdf_teks(isi, tmp_path, h)
        assert "Kode" in teks and "Rekening" in teks and "Satuan" in teks, f"halaman {h} tanpa kepala tabel"
        assert f"Halaman {h} dari {halaman}" in teks
        # The row numbers: the first cell of a line, followed by a code or a text.
        nomor_per_halaman.append(
            {int(m) for m in re.findall(r"^\s{0,6}([1-9]\d?)\s+(?:\d\.\d\d|[A-Z])", teks, re.M)}
        )
    semua = [n for s in nomor_per_halaman for n in s]
    nomor_e81 = {b.no for b in e81_demo.baris if b.no is not None}
    # Every numbered row on exactly one page: none lost, none printed twice (a split row would show its
    # number on one page only, so the split check is the next one).
    assert set(semua) >= nomor_e81 - {1, 2, 3, 4, 5}  # rows 1-5 carry no code; found by text
    assert len(semua) == len(set(semua))
    terakhir = pdf_teks(isi, tmp_path, halaman)
    ttd = e81_demo.data.penandatangan
    assert ttd is not None
    # The signature is on the last page together with the last rows of the form and the closing rows.
    assert ttd.nama in terakhir
    assert "Predikat Kinerja" in terakhir
    assert max(nomor_e81) in nomor_per_halaman[-1]


def test_no_row_is_split_across_pages(e81_demo: LaporanE81, tmp_path: Path) -> None:
    """A row taller than usual (a long indicator text) moves whole to the next page: its last words are on
    the same page as its number."""
    b = e81_demo.baris[20]
    panjang = dataclasses.replace(b.rencana, indikator=b.rencana.indikator + " — kata penutup baris")
    baris = list(e81_demo.baris)
    baris[20] = dataclasses.replace(b, rencana=panjang)
    isi = e81_pdf(dataclasses.replace(e81_demo, baris=tuple(baris)))
    for h in range(1, _halaman(isi) + 1):
        teks = pdf_teks(isi, tmp_path, h, tata=False)
        if "penutup baris" in teks:
            assert re.search(rf"\b{b.no}\b", teks)
            break
    else:
        raise AssertionError("baris tidak tercetak")


def _teks_mentah(isi: bytes, tmp: Path) -> str:
    """The text in content order (`pdftotext -raw`), which keeps the diagonal watermark."""
    pdf_teks(b"", tmp, None) if shutil.which("pdftotext") is None else None
    (tmp / "m.pdf").write_bytes(isi)
    return subprocess.run(
        ["pdftotext", "-raw", str(tmp / "m.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_a_quarter_not_yet_verified_prints_draf_on_every_page(data_demo: DataLaporan, tmp_path: Path) -> None:
    isi = e81_pdf(bangun_e81(dataclasses.replace(data_demo, draf=True)))
    assert _teks_mentah(isi, tmp_path).count("DRAF") == _halaman(isi)
    final = dataclasses.replace(data_demo, draf=False)
    assert "DRAF" not in _teks_mentah(e81_pdf(bangun_e81(final)), tmp_path)


def test_the_draf_flag_follows_the_quarter_status(data_demo: DataLaporan) -> None:
    from capaian.laporan.sumber import muat_data
    from capaian.monev.models import Status, StatusTriwulan
    from capaian.organisasi.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(slug="disperindag")
    status, _ = StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=2024, triwulan=2)
    for nilai, draf in ((Status.DIAJUKAN, True), (Status.DIVERIFIKASI, False), (Status.TERKUNCI, False)):
        status.status = nilai
        status.save()
        assert muat_data(pd, 2024, 2).draf is draf, nilai


@pytest.mark.parametrize(("triwulan", "kertas"), [(4, "f4"), (4, "a4"), (1, "a4")])
def test_more_quarters_or_a_smaller_page_stay_readable_and_on_the_page(
    data_demo: DataLaporan, triwulan: int, kertas: str, tmp_path: Path
) -> None:
    """Where the pairs side by side would not fit at 6.5 pt, each K/Rp pair is one column, K above Rp."""
    isi = e81_pdf(bangun_e81(dataclasses.replace(data_demo, triwulan=triwulan)), kertas=kertas)
    assert min(ukuran_huruf_pdf(isi)) >= UKURAN_MINIMAL
    (tmp_path / "b.pdf").write_bytes(isi)
    kotak = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "b.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    lebar = float(re.findall(r'<page width="([\d.]+)"', kotak)[0])
    kanan = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', kotak))
    assert kanan <= lebar, "tabel terpotong di tepi kanan"
