"""Every kind of finding the checkers can report has a name in words for the checks page."""

import re
from pathlib import Path

from capaian.aturan.periksa.nama_jenis import NAMA_JENIS, nama_jenis

AKAR = Path(__file__).resolve().parents[2] / "capaian"
# The modules that make findings: the sheet checker, the data checker, the cross-document checks, the reader.
SUMBER = [
    *sorted((AKAR / "aturan" / "periksa").glob("*.py")),
    AKAR / "aturan" / "periksa_data.py",
    AKAR / "laporan" / "konsistensi.py",
    *sorted((AKAR / "impor").glob("*.py")),
]
# Hyphenated literals in those modules that are not kinds of finding.
BUKAN_JENIS = {"1e-9", "rata-rata", "uji-coba", "utf-8"}  # a number, an aggregation, a folder, a codec


def _jenis_di_sumber() -> set[str]:
    pola = re.compile(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"')
    return {m for p in SUMBER for m in pola.findall(p.read_text())} - BUKAN_JENIS


def test_setiap_jenis_bernama() -> None:
    tanpa_nama = sorted(j for j in _jenis_di_sumber() if nama_jenis(j) == j)
    assert tanpa_nama == []


def test_tidak_ada_nama_yatim() -> None:
    # A name whose kind no checker makes any more is a leftover.
    assert sorted(set(NAMA_JENIS) - _jenis_di_sumber()) == []


def test_kolom_rumus() -> None:
    assert nama_jenis("kolom13-rumus") == "Kolom 13 tidak sesuai rumus"
    assert nama_jenis("jenis-baru") == "jenis-baru"
