"""Issue 9 item 6: integrity rules in one place. An indicator's element belongs to its agency (model,
services, admin choices); a negative K or Rp is refused unless the indicator allows it, by the one validator,
on the web form, the API (tests/api/test_realisasi.py), the importer, the plan services and the admin."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from openpyxl.utils import get_column_letter

from capaian.aturan import masukan
from capaian.impor.impor import impor_berkas
from capaian.impor.templat import buat_templat, kolom_templat
from capaian.monev import services as monev
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, Program, Sasaran, SubKegiatan, TargetTriwulan
from tests.conftest import PD, TAHUN
from tests.web.test_isian import _form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
Klien = Callable[[str | None], Client]
SUB = "3.30.01.2.01.0001"


def _ind(kode: str = SUB) -> Indikator:
    return Indikator.objects.get(perangkat_daerah__slug=PD, subkegiatan__kode=kode)


def _sub_lain() -> SubKegiatan:
    return SubKegiatan.objects.filter(kegiatan__program__perangkat_daerah__slug="dinas-contoh").first()  # type: ignore[return-value]


# --- an indicator's element belongs to its agency -------------------------------------------------------


def test_model_menolak_elemen_perangkat_daerah_lain() -> None:
    ind = _ind()
    ind.subkegiatan = _sub_lain()
    with pytest.raises(ValidationError) as e:
        ind.save()
    assert "subkegiatan" in e.value.message_dict
    assert "milik perangkat daerah lain" in e.value.message_dict["subkegiatan"][0]
    assert Indikator.objects.get(pk=ind.pk).subkegiatan.kode == SUB  # type: ignore[union-attr]
    # An element link beside the indicator's own level is checked too.
    ind = _ind()
    ind.program = Program.objects.filter(perangkat_daerah__slug="dinas-contoh").first()
    with pytest.raises(ValidationError):
        ind.save()


def test_layanan_mengikat_indikator_ke_pd_elemennya() -> None:
    sub = _sub_lain()
    baru = rencana.buat_indikator(None, sub, "Indikator uji", "unit")
    assert baru.perangkat_daerah.slug == "dinas-contoh"


def test_program_tidak_boleh_sasaran_pd_lain() -> None:
    program = Program.objects.filter(perangkat_daerah__slug=PD).first()
    assert program is not None
    program.sasaran = Sasaran.objects.filter(tujuan__renstra__perangkat_daerah__slug="dinas-contoh").first()
    assert program.sasaran is not None
    with pytest.raises(ValidationError):
        program.save()


def test_elemen_tidak_dapat_dipindah_ke_pd_lain_bersama_indikatornya() -> None:
    """Moving a program to another agency, or a sub kegiatan under another agency's kegiatan, would put
    Disperindag's indicators into the other agency's plan: refused on save."""
    contoh = PerangkatDaerah.objects.get(slug="dinas-contoh")
    program = _ind().subkegiatan.kegiatan.program  # type: ignore[union-attr]
    program.perangkat_daerah = contoh
    with pytest.raises(ValidationError):
        program.save()
    sub = _ind().subkegiatan
    assert sub is not None
    sub.kegiatan = _sub_lain().kegiatan
    with pytest.raises(ValidationError):
        sub.save()
    assert SubKegiatan.objects.get(pk=sub.pk).kegiatan.program.perangkat_daerah.slug == PD


def test_admin_hanya_menawarkan_elemen_pd_indikator(klien_sebagai: Klien) -> None:
    """The issue's case: an admin attaches a Disperindag indicator to another agency's sub kegiatan. The
    form offers only Disperindag's elements, and a forged choice is refused with a message."""
    k = klien_sebagai("admin")
    ind = _ind()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    r = k.get(url)
    assert r.status_code == 200
    pilihan = {o.pk for o in r.context["adminform"].form.fields["subkegiatan"].queryset}
    assert ind.subkegiatan_id in pilihan
    assert set(pilihan) == set(
        SubKegiatan.objects.filter(kegiatan__program__perangkat_daerah__slug=PD).values_list("pk", flat=True)
    )
    form = r.context["adminform"].form
    data = {n: v for n, v in form.initial.items() if v is not None and n in form.fields}
    data.update(
        {
            "subkegiatan": str(_sub_lain().pk),
            "perangkat_daerah": str(ind.perangkat_daerah_id),
            "variabel": "[]",
            "target_tahunan-TOTAL_FORMS": "0",
            "target_tahunan-INITIAL_FORMS": "0",
            "target_triwulan-TOTAL_FORMS": "0",
            "target_triwulan-INITIAL_FORMS": "0",
        }
    )
    r = k.post(url, data)
    assert r.status_code == 200  # the form again, with the error
    assert "subkegiatan" in r.context["adminform"].form.errors
    assert Indikator.objects.get(pk=ind.pk).subkegiatan_id == ind.subkegiatan_id


# --- negative values ------------------------------------------------------------------------------------


def test_satu_pesan_dari_validator() -> None:
    with pytest.raises(masukan.NilaiTidakSah) as e:
        masukan.baca_k("-2,5")
    assert str(e.value).startswith("Nilai K tidak boleh negatif (-2,5) untuk indikator ini.")
    assert masukan.baca_k("-2,5", boleh_negatif=True) == Decimal("-2.5")
    with pytest.raises(masukan.NilaiTidakSah, match=r"Nilai Rp tidak boleh negatif \(-1.000\)"):
        masukan.periksa_tanda(rp=-1000, boleh_negatif=False)


def test_form_web_menolak_negatif_kecuali_diizinkan(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _ind()
    for nama in (f"k-{ind.pk}", f"rp-{ind.pk}"):
        data = _form(k)
        data[nama] = "-5"
        r = k.post(f"/pd/{PD}/{TAHUN}/2/", data)
        assert r.status_code == 400
        assert "tidak boleh negatif" in r.content.decode()
    assert not Realisasi.objects.filter(indikator=ind, triwulan=2, k__lt=0).exists()
    assert not Realisasi.objects.filter(indikator=ind, triwulan=2, rp__lt=0).exists()
    # The live preview says the same.
    r = k.post(f"/pd/{PD}/{TAHUN}/2/hitung/", {"indikator": ind.pk, f"k-{ind.pk}": "-5"})
    assert "tidak boleh negatif" in r.json()["galat"][f"k-{ind.pk}"]

    Indikator.objects.filter(pk=ind.pk).update(boleh_negatif=True)
    data = _form(k)
    data[f"k-{ind.pk}"] = "-5"
    r = k.post(f"/pd/{PD}/{TAHUN}/2/", data)
    assert r.status_code == 302
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).k == Decimal(-5)


def test_layanan_menolak_negatif(pengguna_operator: User) -> None:
    ind = _ind()
    with pytest.raises(masukan.NilaiTidakSah):
        monev.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, rp=-1)
    for nilai in ({"k": Decimal(-1)}, {"rp": -1}):
        with pytest.raises(masukan.NilaiTidakSah):
            rencana.simpan_target_triwulan(None, ind, TAHUN, 2, **nilai)
    with pytest.raises(masukan.NilaiTidakSah):
        rencana.simpan_target_tahunan(None, ind, TAHUN, target_k=Decimal(-1))
    with pytest.raises(masukan.NilaiTidakSah):
        rencana.ubah_indikator(None, ind, target_renstra_rp=-1)
    ind.boleh_negatif = True
    assert rencana.simpan_target_triwulan(None, ind, TAHUN, 2, k=Decimal(-1)).k == Decimal(-1)


def test_model_target_menolak_negatif_di_form_admin() -> None:
    t = TargetTriwulan(indikator=_ind(), tahun=TAHUN, triwulan=3, k=Decimal(-1))
    with pytest.raises(ValidationError) as e:
        t.full_clean()
    assert "tidak boleh negatif" in e.value.message_dict["k"][0]


def test_importir_menolak_negatif_kecuali_diizinkan(tmp_path: Path) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    path = tmp_path / "t.xlsx"
    buat_templat(pd, TAHUN, 2, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    baris = next(r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == SUB)
    kolom = kolom_templat(2)
    sel_k, sel_rp = (f"{get_column_letter(kolom[k])}{baris}" for k in ("9K", "T9Rp"))
    ws[sel_k], ws[sel_rp] = -5, -1000
    wb.save(path)
    hasil = impor_berkas(None, pd, path, coba=False)
    assert not hasil.disimpan
    assert {c.sel for c in hasil.galat} == {f"'E.81'!{sel_k}", f"'E.81'!{sel_rp}"}
    assert all("tidak boleh negatif" in c.pesan for c in hasil.galat)

    Indikator.objects.filter(pk=_ind().pk).update(boleh_negatif=True)
    hasil = impor_berkas(None, pd, path, coba=False)
    assert hasil.disimpan, hasil.galat
    assert Realisasi.objects.get(indikator=_ind(), tahun=TAHUN, triwulan=2).k == Decimal(-5)
