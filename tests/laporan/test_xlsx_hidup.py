"""Issue 12, item 5: the workbooks keep working. Form E.81's derived cells are formulas over the input cells
with the rules core's values cached; LibreOffice, recalculating, finds the same values; an edited
realisation updates its row, its parents' Rupiah and the totals; texts stay texts; print and metadata."""

import dataclasses
import datetime
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from capaian.aturan.capaian import KRp
from capaian.laporan.data import DataLaporan, dengan_induk_turunan
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.kesimpulan import bangun_kesimpulan
from capaian.laporan.render_xlsx import e81_xlsx, kesimpulan_xlsx
from capaian.laporan.tabel_e81 import kolom_hasil, kolom_tw

pytestmark = pytest.mark.django_db

AWAL = 10  # Excel row of the first form row (titles, the sasaran line, four header rows)
PERLU_LO = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) belum terpasang")
_SETELAN_LO = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def _hitung_ulang(isi: bytes, tmp: Path) -> openpyxl.Workbook:
    """The workbook opened, recalculated (always, whatever the file claims) and saved by LibreOffice."""
    profil = tmp / "lo" / "user"
    profil.mkdir(parents=True, exist_ok=True)
    (profil / "registrymodifications.xcu").write_text(_SETELAN_LO)
    masuk = tmp / "masuk" / "e81.xlsx"
    masuk.parent.mkdir(exist_ok=True)
    masuk.write_bytes(isi)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "xlsx",
         "--outdir", str(tmp / "keluar"), str(masuk)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return openpyxl.load_workbook(tmp / "keluar" / "e81.xlsx", data_only=True)


def _sama(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) < 1e-9
    return (a in (None, "")) and (b in (None, "")) or a == b


def _angka(nilai: Decimal | int | None) -> object:
    return "-" if nilai is None else float(nilai)


def test_derived_cells_are_rounded_formulas_and_inputs_are_numbers(berkas: dict[str, bytes]) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(berkas["e81.xlsx"]))["Form E.81"]
    h = kolom_hasil(2) + 1
    for k in range(h, h + 8):
        rumus = ws.cell(AWAL + 5, k).value
        assert isinstance(rumus, str) and rumus.startswith("="), (k, rumus)
    assert "ROUND(" in ws.cell(AWAL + 5, h + 2).value
    assert isinstance(ws.cell(AWAL + 5, kolom_tw(1) + 3).value, int | float)  # realisasi TW II K: an input


@PERLU_LO
def test_libreoffice_recalculates_the_cached_values(berkas: dict[str, bytes], tmp_path: Path) -> None:
    isi = berkas["e81.xlsx"]
    rumus = openpyxl.load_workbook(io.BytesIO(isi))
    tersimpan = openpyxl.load_workbook(io.BytesIO(isi), data_only=True)
    dihitung = _hitung_ulang(isi, tmp_path)
    jumlah = 0
    for ws in rumus.worksheets:
        for baris in ws.iter_rows():
            for c in baris:
                if isinstance(c.value, str) and c.value.startswith("="):
                    jumlah += 1
                    a = tersimpan[ws.title][c.coordinate].value
                    b = dihitung[ws.title][c.coordinate].value
                    assert _sama(a, b), (c.coordinate, c.value, a, b)
    assert jumlah > 400


def _ubah(
    data: DataLaporan, indeks: int, tw: int, k: Decimal | None = None, rp: int | None = None
) -> DataLaporan:
    baris = list(data.baris)
    b = baris[indeks]
    realisasi = list(b.realisasi_tw)
    lama = realisasi[tw]
    realisasi[tw] = KRp(k=lama.k if k is None else k, rp=lama.rp if rp is None else rp)
    baris[indeks] = dataclasses.replace(
        b, realisasi_tw=(realisasi[0], realisasi[1], realisasi[2], realisasi[3])
    )
    return dataclasses.replace(data, baris=dengan_induk_turunan(baris))


@PERLU_LO
def test_an_edited_realisation_updates_its_row_its_parents_and_the_totals(
    data_demo: DataLaporan, e81_demo: LaporanE81, tmp_path: Path
) -> None:
    # An indicator whose K is typed (no formula) and that no other formula reads: its K is an input cell of
    # the sheet (K computed from variables or other rows is a value here; the Kertas Kerja shows how).
    rumus = " ".join(b.rencana.rumus for b in e81_demo.baris)
    program = next(
        i for i, b in enumerate(e81_demo.baris)
        if not b.rencana.rumus and f"[{b.rencana.kunci}]" not in rumus and b.rencana.target.k
    )  # fmt: skip
    # A sub kegiatan: its Rp feeds its kegiatan's and program's Rp, and so the totals.
    # (One that has a TW II Rp already: a parent none of whose children has a value stays a blank cell.)
    sub = next(
        i for i, b in enumerate(e81_demo.baris)
        if b.rencana.tingkat == "subkegiatan" and b.rencana.realisasi_tw[1].rp
    )  # fmt: skip
    wb = openpyxl.load_workbook(io.BytesIO(e81_xlsx(e81_demo)))
    ws = wb["Form E.81"]
    ws.cell(AWAL + program, kolom_tw(1) + 3).value = 7.5  # realisasi TW II K
    ws.cell(AWAL + sub, kolom_tw(1) + 4).value = 123_456_789  # realisasi TW II Rp
    keluaran = io.BytesIO()
    wb.save(keluaran)
    diharapkan = bangun_e81(_ubah(_ubah(data_demo, program, 1, k=Decimal("7.5")), sub, 1, rp=123_456_789))
    assert diharapkan.rekap != e81_demo.rekap
    dihitung = _hitung_ulang(keluaran.getvalue(), tmp_path)["Form E.81"]
    h = kolom_hasil(2) + 1
    for i in {program, sub, *range(len(diharapkan.baris))}:
        b = diharapkan.baris[i]
        r = AWAL + i
        nilai = [b.hasil.realisasi.k, b.hasil.realisasi.rp, b.hasil.capaian.k, b.hasil.capaian.rp,
                 b.hasil.realisasi_renstra.k, b.hasil.realisasi_renstra.rp, b.hasil.capaian_renstra.k,
                 b.hasil.capaian_renstra.rp]  # fmt: skip
        for j, v in enumerate(nilai):
            assert _sama(dihitung.cell(r, h + j).value, _angka(v)), (i, j, dihitung.cell(r, h + j).value, v)
    jumlah = AWAL + len(diharapkan.baris)
    rk = diharapkan.rekap
    assert dihitung.cell(jumlah, h + 1).value == rk.jumlah_realisasi_rp
    assert _sama(dihitung.cell(jumlah + 1, h + 2).value, _angka(rk.rata_capaian.k))
    assert _sama(dihitung.cell(jumlah + 1, h + 3).value, _angka(rk.rata_capaian.rp))
    assert dihitung.cell(jumlah + 2, h + 2).value == (rk.predikat[0] or "-")


def test_texts_stay_texts_without_control_characters(data_demo: DataLaporan) -> None:
    data = dataclasses.replace(data_demo, faktor_penghambat="=SUM(A1:A9)\x07 dan\x0b lain", draf=False)
    wb = openpyxl.load_workbook(io.BytesIO(e81_xlsx(bangun_e81(data))))
    teks = [c.value for baris in wb["Form E.81"].iter_rows() for c in baris if isinstance(c.value, str)]
    assert "=SUM(A1:A9) dan lain" in teks  # openpyxl reads a formula as "=..." too: check its type below
    for baris in wb["Form E.81"].iter_rows():
        for c in baris:
            if c.value == "=SUM(A1:A9) dan lain":
                assert c.data_type == "s"
    kesimpulan = openpyxl.load_workbook(io.BytesIO(kesimpulan_xlsx(bangun_kesimpulan(data))))
    assert all(
        c.data_type != "f" for baris in kesimpulan.active.iter_rows() for c in baris if c.value is not None
    )


@pytest.mark.parametrize("nama", ["e81.xlsx", "kertas-kerja.xlsx", "kesimpulan.xlsx"])
def test_print_setup_readable_and_metadata(berkas: dict[str, bytes], nama: str) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(berkas[nama]))
    ws = wb.worksheets[0]
    assert ws.page_setup.paperSize == 14 and ws.page_setup.orientation == "landscape"
    assert 9 * ws.page_setup.scale / 100 >= 6.5  # Arial 9 as printed
    assert ws.print_title_rows
    assert ws.freeze_panes
    assert "Halaman &P dari &N" in ws.oddFooter.right.text
    assert wb.properties.creator == "Capaian"
    assert wb.properties.created is not None
    umur = datetime.datetime.now(datetime.UTC).replace(tzinfo=None) - wb.properties.created
    assert abs(umur.total_seconds()) < 3600
    assert "Triwulan II Tahun 2024" in (wb.properties.subject or "")
    # Rows with wrapped text have a height.
    tinggi = [d.height for d in ws.row_dimensions.values() if d.height]
    assert len(tinggi) >= 5
