"""The old .xls format, read with xlrd. Nothing installed here can write .xls, so the fixture
berkas/dinas-contoh-tw2-2024.xls was made once by LibreOffice from this project's own entry template:

    capaian templat --pd dinas-contoh --tahun 2024 --triwulan 2 --keluar t.xlsx
    (openpyxl: 'E.81'!R11, TW II realisation K of 3.26.02.2.01.0001, from 1 to 2)
    soffice --headless --convert-to xls t.xlsx

Regenerate it the same way if the synthetic demo agency changes.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from capaian.audit.models import AuditEvent
from capaian.monev.models import Realisasi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

XLS = Path(__file__).parent / "berkas" / "dinas-contoh-tw2-2024.xls"


def _realisasi() -> Realisasi:
    return Realisasi.objects.get(
        indikator__perangkat_daerah__slug="dinas-contoh",
        indikator__subkegiatan__kode="3.26.02.2.01.0001",
        tahun=2024,
        triwulan=2,
    )


def test_checker_reads_an_xls_workbook_and_finds_no_galat() -> None:
    keluar = StringIO()
    call_command("periksa", str(XLS), "--json", stdout=keluar)
    temuan = json.loads(keluar.getvalue())["temuan"]
    assert temuan, "the template's percentage rows always earn a renstra-kolom14 peringatan"
    assert [t for t in temuan if t["tingkat"] == "galat"] == []


def test_xls_dry_run_then_import_changes_exactly_the_edited_cell() -> None:
    sebelum = AuditEvent.objects.count()
    coba = StringIO()
    call_command("impor", str(XLS), pd="dinas-contoh", oleh="operator-contoh", coba=True, stdout=coba)
    assert "Ubah realisasi TW II 2024 K 1 -> 2 di 'E.81'!R11" in coba.getvalue()
    assert "Perubahan (akan berubah): 1" in coba.getvalue()
    assert _realisasi().k == 1
    assert AuditEvent.objects.count() == sebelum

    call_command("impor", str(XLS), pd="dinas-contoh", oleh="operator-contoh", stdout=StringIO())
    assert _realisasi().k == 2
    jejak = AuditEvent.objects.filter(objek="realisasi", objek_id=_realisasi().pk).latest("id")
    assert (jejak.kolom, jejak.lama, jejak.baru) == ("k", "1", "2")
