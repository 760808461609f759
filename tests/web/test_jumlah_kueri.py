"""The pages that read many rows or many agencies cost a fixed number of database queries: the entry screen
does not grow with the agency's rows, the overview and the dashboards do not grow with the number of
agencies. Each test builds the same page twice, with more data the second time, and compares the counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capaian.hasil import simpan as simpan_hasil
from capaian.monev.models import Realisasi
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator, Kegiatan, Program, SubKegiatan, TargetTahunan
from tests.conftest import TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


def _pd_sintetis(pemda: Pemda, nomor: int, program: int) -> PerangkatDaerah:
    """An agency with `program` programs, each with a kegiatan and a sub kegiatan, one indicator each, a
    target and a TW I realisation: test data, made directly."""
    pd = PerangkatDaerah.objects.create(
        pemda=pemda, nama=f"Dinas Uji {nomor}", slug=f"uji-{nomor}", sintetis=True
    )
    urutan = 0
    for p in range(1, program + 1):
        prog = Program.objects.create(perangkat_daerah=pd, kode=f"2.0{nomor}.{p:02d}", nama=f"Program {p}")
        keg = Kegiatan.objects.create(program=prog, kode=f"2.0{nomor}.{p:02d}.2.01", nama=f"Kegiatan {p}")
        sub = SubKegiatan.objects.create(kegiatan=keg, kode=f"2.0{nomor}.{p:02d}.2.01.0001", nama=f"Sub {p}")
        for tingkat, elemen in (("program", prog), ("kegiatan", keg), ("subkegiatan", sub)):
            urutan += 1
            ind = Indikator.objects.create(
                perangkat_daerah=pd, tingkat=tingkat, uraian=f"Indikator {urutan}", satuan="%", urutan=urutan,
                **{tingkat: elemen},
            )  # fmt: skip
            TargetTahunan.objects.create(indikator=ind, tahun=TAHUN, target_k=Decimal(100), target_rp=1000)
            Realisasi.objects.create(indikator=ind, tahun=TAHUN, triwulan=1, k=Decimal(40), rp=300)
    return pd


def _kueri(klien: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as tangkap:
        assert klien.get(url).status_code == 200
    return len(tangkap)


def test_halaman_isian_tidak_tumbuh_dengan_baris(klien_sebagai):
    pemda = Pemda.objects.get(slug="kota-pasuruan")
    kecil, besar = _pd_sintetis(pemda, 1, 2), _pd_sintetis(pemda, 2, 12)
    klien = klien_sebagai("verifikator")
    n_kecil = _kueri(klien, f"/pd/{kecil.slug}/{TAHUN}/1/")
    n_besar = _kueri(klien, f"/pd/{besar.slug}/{TAHUN}/1/")
    assert n_besar == n_kecil
    # Session, user, profile, agency; plan (the indicators, then each level's elements by id: program,
    # kegiatan and sub kegiatan here, at most five levels), targets, realisations, texts, status, pemda,
    # predicate set; the year's Perubahan, column 6's previous year and corrections; the quarter's state,
    # window and the agency's extension of it, the row inputs (indicators, realisations), the evidence list,
    # the texts per bidang and program (for the report data, and the scopes with their programs) and the
    # stored results of the quarter (none here: made without the services, so computed): 30, whatever the
    # number of rows.
    assert n_kecil <= 30
    # Stored (capaian hitung-ulang): the rows' results and the checks' summary are read, not computed.
    simpan_hasil.hitung_ulang([kecil, besar])
    n_kecil = _kueri(klien, f"/pd/{kecil.slug}/{TAHUN}/1/")
    assert _kueri(klien, f"/pd/{besar.slug}/{TAHUN}/1/") == n_kecil <= 31


@pytest.mark.parametrize("url", [f"/triwulan/{TAHUN}/1/", f"/dasbor/{TAHUN}/1/", "/"])
def test_halaman_lintas_pd_tidak_tumbuh_dengan_jumlah_pd(klien_sebagai, url):
    pemda = Pemda.objects.get(slug="kota-pasuruan")
    klien = klien_sebagai("verifikator")
    _pd_sintetis(pemda, 1, 3)
    sebelum = _kueri(klien, url)
    for nomor in range(2, 6):
        _pd_sintetis(pemda, nomor, 3)
    assert _kueri(klien, url) == sebelum


@pytest.mark.parametrize("url", [f"/triwulan/{TAHUN}/1/", f"/dasbor/{TAHUN}/1/", "/"])
def test_halaman_lintas_pd_tersimpan_tidak_tumbuh_dengan_jumlah_pd(klien_sebagai, url):
    """The same pages on the stored path (capaian.hasil, as every service leaves it): the summaries and the
    explanations waiting are read for all agencies at once, not one query per agency."""
    pemda = Pemda.objects.get(slug="kota-pasuruan")
    klien = klien_sebagai("verifikator")
    _pd_sintetis(pemda, 1, 3)
    simpan_hasil.hitung_ulang(list(PerangkatDaerah.objects.all()))
    klien.get(url)  # warm the session and the profile
    sebelum = _kueri(klien, url)
    for nomor in range(2, 6):
        _pd_sintetis(pemda, nomor, 3)
    simpan_hasil.hitung_ulang(list(PerangkatDaerah.objects.all()))
    assert _kueri(klien, url) == sebelum
