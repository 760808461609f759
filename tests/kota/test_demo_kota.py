"""The demo city (capaian.demo.kota_sintetis): synthetic and marked, realistic codes, 20-80 rows per agency,
deterministic, idempotent, everything through the audited services and workflow."""

import pytest
from django.conf import settings
from django.core.management import call_command

from capaian.aturan.kodering import urai_kode
from capaian.audit.models import AuditEvent
from capaian.demo import kota_sintetis
from capaian.demo.muat import muat_demo
from capaian.monev.models import PeriodeTriwulan, Realisasi, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator


def test_rencana_sintetis_realistis_dan_deterministik():
    semua = [kota_sintetis.rencana_pd(i) for i in range(10)]
    assert semua == [kota_sintetis.rencana_pd(i) for i in range(10)]  # seeded: the same every time
    for i, rencana in enumerate(semua):
        assert 20 <= kota_sintetis.jumlah_baris(rencana) <= 80, i
        info = kota_sintetis.identitas(i)
        assert info.nama.endswith("(DATA SINTETIS)") and info.slug.startswith("sintetis-")
        for p in rencana:
            kode = urai_kode(p.kode)
            assert kode.kode_bidang in info.bidang
            for k in p.anak:
                assert urai_kode(k.kode).induk() == kode
                assert k.target_rp == sum(s.target_rp for s in k.anak)  # parents are their children's sums
                for s in k.anak:
                    assert sum(r or 0 for r in s.real_rp) <= s.target_rp
    # The states the demo city needs, in its ten agencies.
    assert {"terkunci", "diverifikasi", "diajukan", "dikembalikan", "draf", "belum"} == set(
        kota_sintetis.POLA
    )
    assert kota_sintetis.POLA.count("dikembalikan") == 1 and kota_sintetis.POLA.count("belum") == 1
    assert kota_sintetis.identitas(25).slug == "sintetis-dinas-26"


@pytest.mark.django_db
def test_kota_demo_dimuat_lewat_layanan_dan_sekali_saja():
    call_command("demo", kota=3, baris=12, verbosity=0)
    jumlah = (PerangkatDaerah.objects.count(), Indikator.objects.count(), AuditEvent.objects.count())
    call_command("demo", kota=3, baris=12, verbosity=0)
    assert (PerangkatDaerah.objects.count(), Indikator.objects.count(), AuditEvent.objects.count()) == jumlah
    sintetis = PerangkatDaerah.objects.filter(slug__startswith="sintetis-")
    assert sintetis.count() == 3 and all(pd.sintetis and "DATA SINTETIS" in pd.nama for pd in sintetis)
    status = {
        (s.perangkat_daerah.slug, s.triwulan): s.status
        # A save makes its quarter's status row as a draft (to queue concurrent saves on it): a draft row
        # means the same as none, so only the workflow's statuses are compared.
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=sintetis).exclude(status="draft")
    }
    assert status == {
        ("sintetis-dindik", 1): "terkunci",
        ("sintetis-dinkes", 1): "terkunci",
        ("sintetis-dpupr", 1): "terkunci",
        ("sintetis-dindik", 2): "terkunci",
        ("sintetis-dindik", 3): "terkunci",  # the whole of 2024 locked (issue 11)
        ("sintetis-dindik", 4): "terkunci",
        ("sintetis-dinkes", 2): "diverifikasi",
        ("sintetis-dpupr", 2): "diverifikasi",
    }
    # Submitted by the agency's own operator, verified by the verifier: as if typed, in the trail.
    ajukan = AuditEvent.objects.filter(aksi="ajukan", perangkat_daerah__slug="sintetis-dinkes")
    assert {e.nama_pengguna for e in ajukan} == {"operator-dinkes"}
    assert Realisasi.objects.filter(indikator__perangkat_daerah__in=sintetis, triwulan=2).exists()
    # TW III and TW IV entered where TW II is verified or locked; not elsewhere.
    assert Realisasi.objects.filter(indikator__perangkat_daerah__slug="sintetis-dinkes", triwulan=4).exists()
    assert AuditEvent.objects.filter(objek="realisasi", perangkat_daerah__slug="sintetis-dpupr").exists()
    assert PeriodeTriwulan.objects.filter(tahun=2024, triwulan=2).exists()


@pytest.mark.django_db
def test_fixture_uji_tanpa_kota():
    # The tests' demo fixture loads no synthetic city (kota=0), only the RPJMD with its links.
    muat_demo(settings.DEMO_SEED_DIR)
    assert not PerangkatDaerah.objects.filter(slug__startswith="sintetis-").exists()
    # Nor the city's entry windows (set through alur.atur_periode, audited); the tests' own open windows
    # are the fixture's (tests/conftest.py, buka_periode_demo).
    assert not AuditEvent.objects.filter(objek="periode").exists()
