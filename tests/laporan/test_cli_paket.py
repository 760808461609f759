"""The CLI and the ZIP package."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from capaian.laporan.paket import paket_zip
from capaian.organisasi.models import PerangkatDaerah


@pytest.fixture
def demo_db(demo: None) -> None:
    return None


def test_json_is_written_as_before(demo_db: None, tmp_path: Path) -> None:
    call_command(
        "laporan", pd="disperindag", tahun=2024, triwulan=2, jenis="e81", format="json", keluar=str(tmp_path)
    )
    isi = json.loads((tmp_path / "e81.json").read_text(encoding="utf-8"))
    assert isi["jumlah"]["7"]["rp"] == 20_057_264_366
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e81.json"]


def test_semua_writes_every_supported_file(demo_db: None, tmp_path: Path) -> None:
    call_command(
        "laporan",
        pd="disperindag",
        tahun=2024,
        triwulan=2,
        jenis="semua",
        format="xlsx,pdf,docx",
        keluar=str(tmp_path),
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "e81.pdf",
        "e81.xlsx",
        "kertas-kerja.pdf",
        "kertas-kerja.xlsx",
        "kesimpulan.pdf",
        "kesimpulan.xlsx",
        "narasi.docx",
        "narasi.pdf",
        "surat-pengantar.docx",
        "surat-pengantar.pdf",
    ]


@pytest.mark.parametrize(
    ("jenis", "format_", "pesan"),
    [
        ("narasi", "xlsx", "tidak tersedia dalam format xlsx"),
        ("kesimpulan", "json", "tidak tersedia dalam format json"),
        ("rencana", "pdf", "tidak dikenal"),
        ("e81", "odt", "Format 'odt' tidak dikenal"),
    ],
)
def test_unsupported_pairs_are_refused_in_indonesian(
    demo_db: None, tmp_path: Path, jenis: str, format_: str, pesan: str
) -> None:
    with pytest.raises(CommandError, match=pesan):
        call_command(
            "laporan",
            pd="disperindag",
            tahun=2024,
            triwulan=2,
            jenis=jenis,
            format=format_,
            keluar=str(tmp_path),
        )
    assert not list(tmp_path.iterdir())


def test_paket_zip_holds_the_package(demo_db: None) -> None:
    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="disperindag")
    arsip = zipfile.ZipFile(io.BytesIO(paket_zip(pd, 2024, 2)))
    nama = set(arsip.namelist())
    assert {
        "surat-pengantar.pdf",
        "e81.xlsx",
        "e81.pdf",
        "narasi.docx",
        "kesimpulan.xlsx",
        "kertas-kerja.pdf",
    } <= nama
    assert arsip.read("e81.pdf").startswith(b"%PDF")


def test_synthetic_agency_is_marked(demo_db: None, tmp_path: Path) -> None:
    call_command(
        "laporan", pd="dinas-contoh", tahun=2024, triwulan=2, jenis="e81", format="xlsx", keluar=str(tmp_path)
    )
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "e81.xlsx", data_only=True).active
    assert ws is not None
    assert "SINTETIS" in str(ws.cell(row=4, column=1).value)
