"""The Kertas Kerja's evidence notes live on the indicator's definition: a formula variable's "catatan" and
the indicator's catatan_nilai, edited in the admin (audited like every master-data change) and printed after
the value."""

import pytest
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.laporan.kertas_kerja import bangun_kertas_kerja, teks_nilai_catatan
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.bantu_admin import data_ubah
from tests.conftest import PD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


def _kk_baris(ind: Indikator):  # type: ignore[no-untyped-def]
    data = muat_data(PerangkatDaerah.objects.get(slug=PD), 2024, 2)
    kk = bangun_kertas_kerja(data)
    return next(b for b in kk.baris if b.indikator == ind.uraian and b.kode == ind.kode)


def test_notes_edited_in_the_admin_print_after_the_value(klien_admin: Client) -> None:
    ind = Indikator.objects.get(perangkat_daerah__slug=PD, rumus__startswith="pkl_dibina")
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    assert data["variabel-catatan-0"] == "(sampai tribulan 2)"  # the stored note is in its row's box
    data["variabel-catatan-1"] = "(Perwali Nomor 5 Tahun 2023)"
    r = klien_admin.post(url, data)
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    assert AuditEvent.objects.filter(objek="indikator", objek_id=ind.pk, kolom="variabel").exists()
    b = _kk_baris(ind)
    assert [teks_nilai_catatan(b, v) for v in b.variabel] == [
        "90 (sampai tribulan 2)",
        "726 (Perwali Nomor 5 Tahun 2023)",
    ]


def test_a_value_entered_directly_takes_the_indicators_note(klien_admin: Client) -> None:
    ind = Indikator.objects.get(perangkat_daerah__slug=PD, catatan_nilai="(service AC sebanyak 5 unit)")
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    data["catatan_nilai"] = "unit (service AC 5 unit, Juni 2024)"
    assert klien_admin.post(url, data).status_code == 302
    b = _kk_baris(ind)
    assert [teks_nilai_catatan(b, v) for v in b.variabel] == ["1 unit (service AC 5 unit, Juni 2024)"]


def test_a_note_without_a_variable_name_is_refused_at_the_field(klien_admin: Client) -> None:
    ind = Indikator.objects.get(perangkat_daerah__slug=PD, rumus__startswith="pkl_dibina")
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(klien_admin, url)
    n = len(ind.variabel)
    data["variabel-catatan-0"] = "(catatan baru)"
    data[f"variabel-catatan-{n}"] = "(bukti tanpa nama)"
    r = klien_admin.post(url, data)
    assert r.status_code == 200
    assert f"Baris {n + 1}: isi nama variabel untuk \u201c(bukti tanpa nama)\u201d" in r.content.decode()
    ind.refresh_from_db()
    assert "catatan" in ind.variabel[0] and ind.variabel[0]["catatan"] == "(sampai tribulan 2)"
