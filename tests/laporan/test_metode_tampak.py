"""Issue 12, items 2 and 7: every non-default method is marked on its row of Form E.81 (PDF: after the
indicator; XLSX: a note on the indicator cell, its text untouched) and in the Kertas Kerja, with a legend;
the JSON carries each row's method and every total the PDF prints."""

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from capaian.aturan.angka import format_rupiah
from capaian.aturan.capaian import Polaritas
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.tabel_e81 import LEGENDA_METODE, tanda_metode
from tests.laporan.conftest import pdf_teks

pytestmark = pytest.mark.django_db

AWAL = 10


def _bertanda(e81: LaporanE81) -> list[int]:
    return [i for i, b in enumerate(e81.baris) if tanda_metode(b.masukan.sifat)]


def test_the_reference_rows_40_and_41_are_marked_lower_is_better(e81_demo: LaporanE81) -> None:
    negatif = [b.no for b in e81_demo.baris if b.masukan.sifat.polaritas is Polaritas.NEGATIF]
    assert {40, 41} <= set(negatif)
    for b in e81_demo.baris:
        if b.no in (40, 41):
            assert tanda_metode(b.masukan.sifat)[0] in ("a", "b")


def test_pdf_marks_the_rows_and_explains_the_marks(
    berkas: dict[str, bytes], e81_demo: LaporanE81, tmp_path: Path
) -> None:
    teks = pdf_teks(berkas["e81.pdf"], tmp_path, tata=False)
    dipakai = {t for i in _bertanda(e81_demo) for t in tanda_metode(e81_demo.baris[i].masukan.sifat)}
    assert dipakai
    assert "Tanda metode pada kolom 4:" in teks
    for t in dipakai:
        assert f"{t}) {LEGENDA_METODE[t]}" in teks
    assert len(re.findall(r"\[[a-h](?:, [a-h])*\]", teks)) >= len(_bertanda(e81_demo)) * 0.9


def test_xlsx_notes_the_method_without_touching_the_indicator(
    berkas: dict[str, bytes], e81_demo: LaporanE81
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(berkas["e81.xlsx"]))["Form E.81"]
    for i, b in enumerate(e81_demo.baris):
        sel = ws.cell(AWAL + i, 4)
        assert sel.value == b.rencana.indikator
        tanda = tanda_metode(b.masukan.sifat)
        if tanda:
            assert sel.comment is not None and LEGENDA_METODE[tanda[0]] in sel.comment.text
        else:
            assert sel.comment is None


def test_kertas_kerja_names_the_aggregation(berkas: dict[str, bytes], e81_demo: LaporanE81) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(berkas["kertas-kerja.xlsx"]), data_only=True).active
    keterangan = " ".join(str(ws.cell(r, 16).value) for r in range(7, ws.max_row + 1))
    for i in _bertanda(e81_demo):
        for t in tanda_metode(e81_demo.baris[i].masukan.sifat):
            if t not in ("a", "b"):
                assert f"[{t}] {LEGENDA_METODE[t]}" in keterangan


def test_json_has_every_rows_method_and_every_printed_total(
    berkas: dict[str, bytes], e81_demo: LaporanE81, tmp_path: Path
) -> None:
    isi = json.loads(berkas["e81.json"])
    for baris, b in zip(isi["baris"], e81_demo.baris, strict=True):
        assert baris["metode"]["tanda"] == list(tanda_metode(b.masukan.sifat))
        assert baris["metode"]["agregasi"] == b.masukan.sifat.agregasi.value
    r = e81_demo.rekap
    j = isi["jumlah"]
    assert j["5"]["rp"] == r.jumlah_renstra_rp
    assert [j["8"]["realisasi"]["rp"], j["9"]["realisasi"]["rp"]] == list(r.jumlah_realisasi_tw_rp)
    # Every Rupiah the PDF's Jumlah row prints is in the JSON.
    teks = pdf_teks(berkas["e81.pdf"], tmp_path)
    baris_jumlah = next(t for t in teks.splitlines() if "Jumlah Anggaran" in t)
    tercetak = set(re.findall(r"\d{1,3}(?:\.\d{3})+", baris_jumlah))
    jumlah = [j[k]["rp"] for k in ("5", "7", "12", "14")] + [j[k]["realisasi"]["rp"] for k in ("8", "9")]
    di_json = {format_rupiah(v) for v in jumlah if v}
    assert tercetak and tercetak <= di_json, tercetak - di_json


def test_surat_has_the_complete_letterhead_and_no_software_footer(
    berkas: dict[str, bytes], tmp_path: Path
) -> None:
    teks = pdf_teks(berkas["surat-pengantar.pdf"], tmp_path, tata=False)
    for bagian in (
        "Telepon (0343) 424919, Faksimile (0343) 424919",
        "Pos-el disperindagpaskot@gmail.com, Laman disperindag.pasuruankota.go.id",
        "1 (satu) eksemplar",
    ):
        assert bagian in teks
    assert "Surat Pengantar —" not in teks and "Halaman" not in teks


def test_kertas_kerja_inputs_by_label_and_by_unit(berkas: dict[str, bytes]) -> None:
    """Variables by their labels (not the formula's code names); counts without decimals, Rupiah without
    ",00" (issue 12 item 4, in part)."""
    ws = openpyxl.load_workbook(io.BytesIO(berkas["kertas-kerja.xlsx"]), data_only=True).active
    variabel = [str(ws.cell(r, 7).value or "") for r in range(7, ws.max_row + 1)]
    nilai = [ws.cell(r, 8).value for r in range(7, ws.max_row + 1)]
    assert not any(re.search(r"\([a-z]+_[a-z_]+\)", v) for v in variabel)  # e.g. "(realisasi_pad)"
    teks = "\n".join(str(n) for n in nilai if isinstance(n, str))
    assert not re.search(r"\d{1,3}(?:\.\d{3})+,00\b", teks)  # no Rupiah with ",00"
    assert any(isinstance(n, int) for n in nilai)
