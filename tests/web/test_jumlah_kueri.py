"""The pages that read many rows or many agencies cost a fixed number of database queries: the entry screen
does not grow with the agency's rows, the overview and the dashboards do not grow with the number of
agencies. Each test builds the same page twice, with more data the second time, and compares the counts."""

from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capaian.hasil import simpan as simpan_hasil
from capaian.monev.models import Realisasi
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator, Kegiatan, Program, SubKegiatan, TargetTahunan
from tests.bantu_isian import form_isian
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


def _kueri_simpan(klien: Client, url: str, ubah: dict[str, str]) -> int:
    isian = form_isian(klien, url)
    isian.update(ubah)
    with CaptureQueriesContext(connection) as tangkap:
        r = klien.post(url, urlencode(isian), content_type="application/x-www-form-urlencoded")
        assert r.status_code == 302, r.content.decode()[:500]
    return len(tangkap)


def test_simpan_isian_berbiaya_tetap_per_baris_yang_berubah(klien_sebagai):
    """A save costs a fixed number of queries, plus a fixed number per changed row: the state is checked,
    the row locked, written and audited, its stored result updated; the results are computed once for the
    whole save. Measured on the
    demo agency's TW III (57 rows), on rows saved once already."""
    klien = klien_sebagai("operator-disperindag")
    url = f"/pd/disperindag/{TAHUN}/3/"
    ids = [f"k-{pk}" for pk in Indikator.objects.filter(
        perangkat_daerah__slug="disperindag", tingkat="subkegiatan", rumus="").order_by("urutan").values_list(
        "pk", flat=True)[:7]]  # fmt: skip
    # The quarter's first save makes its status row, the rows' realisation rows and the results.
    _kueri_simpan(klien, url, dict.fromkeys(ids, "1"))
    satu = _kueri_simpan(klien, url, {ids[0]: "2"})
    enam = _kueri_simpan(klien, url, {i: "3" for i in ids[1:]})
    # The six rows change the agency's totals too (one UPDATE of its stored totals); the one row does not.
    per_baris = (enam - satu - 1) / 5
    assert per_baris == int(per_baris)
    # Per row: the row (locked), its update, its audit event, the savepoint around it (2), and the update of
    # its stored result (the fields that changed). The quarter's status (locked), what the change reaches
    # frozen, the entry window and the agency's extension are checked once per save
    # (services.simpan_realisasi_banyak); per row they made 10 (12 with the double reads before).
    assert per_baris <= 6
    # The page's read of the form (session, user, profile, agency, the quarter's data, the rows and texts),
    # the transaction, and the results of the quarter computed and written once.
    assert satu <= 67
