"""The entry screen offers no Rp input for a parent: a program's or kegiatan's Rp is its children's sum."""

from collections.abc import Callable

import pytest
from django.test import Client

from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import isian
from tests.conftest import PD, TAHUN
from tests.web.test_isian import _form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]


def _indikator(**kode: str) -> Indikator:
    return Indikator.objects.get(perangkat_daerah__slug=PD, **kode)


def test_baris_induk_tanpa_masukan_rp_anaknya_dengan() -> None:
    baris = {
        b.kode: b
        for b in isian.bangun_baris(PerangkatDaerah.objects.get(slug=PD), TAHUN, 2)
        if not b.lanjutan
    }
    for kode in ("3.30.01", "3.30.01.2.01", "3.31.02.2.01"):
        assert baris[kode].rp is None, kode
    for kode in ("3.30.01.2.01.0001", "3.31.02.2.01.0002"):
        assert baris[kode].rp is not None, kode
    # The parent's derived realisation shows in its computed columns: 12 Rp of kegiatan 3.30.01.2.01 is
    # TW I 7.921.000 + 2.936.400 of its sub kegiatan.
    assert baris["3.30.01.2.01"].hasil["realisasi_rp"] == "10.857.400"


def test_rp_induk_yang_dikirim_tidak_disimpan(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    halaman = k.get(f"/pd/{PD}/{TAHUN}/2/").content.decode()
    kegiatan = _indikator(kegiatan__kode="3.30.01.2.01")
    sub = _indikator(subkegiatan__kode="3.30.01.2.01.0001")
    assert f'name="rp-{kegiatan.pk}"' not in halaman and f'name="rp-{sub.pk}"' in halaman
    # A forged field for the parent is not an input of the form: nothing of it is saved.
    data = _form(k)
    data.update({f"rp-{kegiatan.pk}": "123.000", f"asal-rp-{kegiatan.pk}": "", f"rp-{sub.pk}": "7.000"})
    r = k.post(f"/pd/{PD}/{TAHUN}/2/", data)
    assert r.status_code == 302
    assert Realisasi.objects.get(indikator=sub, triwulan=2).rp == 7_000
    assert not Realisasi.objects.filter(indikator=kegiatan, triwulan=2).exclude(rp=None).exists()
