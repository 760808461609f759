"""Reading limits of uploaded workbooks (issue 13 item 2): a small file that expands to a million cells, or
to a huge XML part, is refused fast, in bounded memory, with an Indonesian message naming the sheet."""

import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from capaian.impor.baca import BacaError, baca_e81
from capaian.impor.batas_buku import BATAS_SEL, Batas, BatasTerlampaui, periksa_xlsx
from capaian.impor.buku_kerja import baca_buku


def _ganti_lembar(path: Path, tulis_lembar: Callable[[zipfile.ZipFile], None]) -> None:
    """A workbook openpyxl wrote, with its first sheet's XML replaced by what `tulis_lembar` writes."""
    wb = openpyxl.Workbook()
    wb.active.title = "E.81"
    wb.active["A1"] = "asli"
    asal = path.with_suffix(".asal.xlsx")
    wb.save(asal)
    with zipfile.ZipFile(asal) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                tulis_lembar(zout)
            else:
                zout.writestr(info, zin.read(info))
    asal.unlink()


def _bom_sel(path: Path, baris: int = 1000, kolom: int = 1000) -> None:
    """A million cells without cell references (allowed by the format) compress to a few tens of KB."""
    isi_baris = b"<row>" + b"<c><v>1</v></c>" * kolom + b"</row>"

    def tulis(zout: zipfile.ZipFile) -> None:
        with zout.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            for _ in range(baris):
                f.write(isi_baris)
            f.write(b"</sheetData></worksheet>")

    _ganti_lembar(path, tulis)


def test_sejuta_sel_dari_40_kb_ditolak_cepat_dengan_memori_terbatas(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    _bom_sel(path)
    assert path.stat().st_size < 60 * 1024  # the attack of the issue: about 40 KB on disk
    mulai = time.process_time()
    with pytest.raises(BacaError) as e:
        baca_e81(path)
    lama = time.process_time() - mulai
    assert "terlalu banyak sel" in e.value.pesan and "'E.81'" in e.value.pesan
    # Before: 20 s and 650 MB. The check stops at the limit (300.000 cells) having held one row at a time.
    # CPU time of this process (a shared machine's load does not count): about 1 s measured.
    assert lama < 5, lama
    tracemalloc.start()  # measured on a second run: tracing slows the parse several times over
    try:
        with pytest.raises(BacaError):
            baca_e81(path)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert puncak < 20 * 1024 * 1024, puncak


def test_bagian_xml_yang_mengembang_ditolak_sebelum_dibaca(tmp_path: Path) -> None:
    path = tmp_path / "spasi.xlsx"

    def tulis(zout: zipfile.ZipFile) -> None:
        with zout.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _ in range(45):
                f.write(b" " * (1024 * 1024))
            f.write(b"<sheetData/></worksheet>")

    _ganti_lembar(path, tulis)
    assert path.stat().st_size < 200 * 1024
    mulai = time.process_time()
    with pytest.raises(BacaError, match=r"Lembar 'E\.81' terlalu besar \(45 MB setelah diurai"):
        baca_buku(path)
    assert time.process_time() - mulai < 1


def test_jumlah_terurai_seluruh_buku_dibatasi(tmp_path: Path) -> None:
    path = tmp_path / "kecil.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(BatasTerlampaui, match="terlalu besar bila dibuka"):
        periksa_xlsx(path, Batas(terurai=1000))


def test_batas_waktu(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    _bom_sel(path, baris=200, kolom=1000)
    with pytest.raises(BatasTerlampaui, match="terlalu lama dibaca"):
        periksa_xlsx(path, Batas(waktu=0.0))


def test_buku_biasa_lolos_dan_terbaca(tmp_path: Path) -> None:
    """The limits refuse nothing a real workbook holds: 2.000 rows x 40 columns are read in full."""
    path = tmp_path / "biasa.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("E.81")
    for r in range(2000):
        ws.append([f"{r}-{c}" for c in range(40)])
    wb.save(path)
    periksa_xlsx(path)
    (grid,) = baca_buku(path)
    assert grid.nbaris == 2000 and grid.isi(2000, 40) == "1999-39"
    assert BATAS_SEL > 2000 * 40


def test_xls_dengan_terlalu_banyak_sel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The .xls fixture (tests/impor/test_xls.py) holds some hundreds of cells; under a limit of 100 it is
    refused, naming its sheet."""
    xls = Path(__file__).parent / "berkas" / "dinas-contoh-tw2-2024.xls"
    assert baca_buku(xls)
    monkeypatch.setattr("capaian.impor.buku_kerja.BATAS_SEL", 100)
    with pytest.raises(BacaError, match="terlalu banyak sel .* di lembar '"):
        baca_buku(xls)
