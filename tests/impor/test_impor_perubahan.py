"""`capaian impor FILE --pd SLUG --perubahan --berlaku-triwulan 3`: a workbook's targets that differ from
murni become the Perubahan; dry run and all or nothing, like the ordinary import (issue 11, item 1)."""

from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from capaian.impor.baca import baca_e81
from capaian.impor.perubahan import impor_perubahan
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_json import e81_json
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import DasarPerubahan, PerubahanTarget, TargetTahunan, TargetTriwulan
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo")

OLEH = "operator-disperindag"  # the CLI runs as a named user (--oleh)
DASAR = "Peraturan Daerah Kota Pasuruan Nomor 7 Tahun 2024 tentang Perubahan APBD 2024"


def _templat(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The entry template of TW IV and the addresses of the first sub kegiatan with a budget."""
    keluar = tmp_path / "p.xlsx"
    call_command("templat", pd=PD, tahun=TAHUN, triwulan=4, keluar=str(keluar), stdout=StringIO())
    lembar = baca_e81(keluar)
    pd = PerangkatDaerah.objects.get(slug=PD)
    t = TargetTahunan.objects.filter(
        indikator__perangkat_daerah=pd, tahun=TAHUN, indikator__tingkat="subkegiatan", target_rp__gt=0
    ).order_by("indikator__urutan")[0]
    b = next(b for b in lembar.baris if b.kode == t.indikator.kode)
    return keluar, {k: b.sel[k].alamat.split("!")[1] for k in ("7Rp", "T10Rp", "T8Rp")} | {
        "ind": str(t.indikator_id)
    }


def _tulis(path: Path, isian: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    for sel, nilai in isian.items():
        ws[sel] = nilai
    wb.save(path)


def test_impor_perubahan_coba_lalu_simpan(tmp_path: Path) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    path, sel = _templat(tmp_path)
    ind = int(sel["ind"])
    _tulis(path, {sel["7Rp"]: 500_000_000, sel["T10Rp"]: 123_000_000, sel["T8Rp"]: 1_000})
    tw2 = e81_json(bangun_e81(muat_data(pd, TAHUN, 2)))
    keluar = StringIO()
    call_command(
        "impor",
        str(path),
        pd=PD,
        oleh=OLEH,
        perubahan=True,
        berlaku_triwulan=3,
        dasar=DASAR,
        coba=True,
        stdout=keluar,
    )
    assert "Uji coba" in keluar.getvalue() and "Perubahan target tahun" in keluar.getvalue()
    assert not DasarPerubahan.objects.exists() and not PerubahanTarget.objects.exists()
    keluar = StringIO()
    call_command(
        "impor",
        str(path),
        pd=PD,
        oleh=OLEH,
        perubahan=True,
        berlaku_triwulan=3,
        dasar=DASAR,
        tanggal="2024-09-30",
        stdout=keluar,
    )
    assert "tidak diimpor" in keluar.getvalue()  # the TW I target: before the effective quarter
    assert PerubahanTarget.objects.get(indikator_id=ind, bagian="tahunan").rp == 500_000_000
    assert PerubahanTarget.objects.get(indikator_id=ind, bagian="3").rp == 123_000_000
    assert not PerubahanTarget.objects.filter(bagian="1").exists()
    assert TargetTriwulan.objects.get(indikator_id=ind, tahun=TAHUN, triwulan=1).rp != 1_000  # murni kept
    assert e81_json(bangun_e81(muat_data(pd, TAHUN, 2))) == tw2
    tw3 = e81_json(bangun_e81(muat_data(pd, TAHUN, 3)))
    assert tw3["versi_target"] == "perubahan" and DASAR in tw3["dasar_perubahan"]
    # Importing the same file again changes nothing.
    sebelum = list(PerubahanTarget.objects.values_list("indikator_id", "bagian", "k", "rp").order_by("pk"))
    call_command("impor", str(path), pd=PD, oleh=OLEH, perubahan=True, berlaku_triwulan=3, stdout=StringIO())
    assert (
        list(PerubahanTarget.objects.values_list("indikator_id", "bagian", "k", "rp").order_by("pk"))
        == sebelum
    )


def test_impor_perubahan_semua_atau_tidak_sama_sekali(tmp_path: Path) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    path, sel = _templat(tmp_path)
    _tulis(path, {sel["7Rp"]: 500_000_000, sel["T10Rp"]: "12,5x"})
    hasil = impor_perubahan(None, pd, path, coba=False, berlaku_triwulan=3, dasar_hukum=DASAR)
    assert hasil.galat and not hasil.disimpan
    assert not DasarPerubahan.objects.exists() and not PerubahanTarget.objects.exists()
    # No legal basis: refused with a message.
    path, sel = _templat(tmp_path)
    _tulis(path, {sel["7Rp"]: 500_000_000})
    with pytest.raises(CommandError, match="tidak ada yang disimpan"):
        call_command(
            "impor", str(path), pd=PD, oleh=OLEH, perubahan=True, stdout=StringIO(), stderr=StringIO()
        )
    assert not PerubahanTarget.objects.exists()
