"""`capaian demo`: inputs only, idempotent, two agencies, the demo users."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from capaian.audit.models import AuditEvent
from capaian.demo.muat import muat_demo
from capaian.monev.models import Realisasi
from capaian.organisasi.models import Peran, PerangkatDaerah, Profil
from capaian.perencanaan.models import Indikator


def _jumlah() -> tuple[int, int, int, int]:
    return (
        PerangkatDaerah.objects.count(),
        Indikator.objects.count(),
        Realisasi.objects.count(),
        AuditEvent.objects.count(),
    )


def test_loading_twice_changes_nothing(db: None) -> None:
    # Two synthetic agencies of the demo city keep this quick; tests/kota/test_demo_kota.py covers the city.
    call_command("demo", kota=2, verbosity=0)
    sekali = _jumlah()
    call_command("demo", kota=2, verbosity=0)
    assert _jumlah() == sekali
    assert sekali[0] == 4
    assert Indikator.objects.filter(perangkat_daerah__slug="disperindag").count() == 57


def test_second_agency_is_marked_synthetic(db: None) -> None:
    muat_demo(settings.DEMO_SEED_DIR)
    assert PerangkatDaerah.objects.get(slug="disperindag").sintetis is False
    contoh = PerangkatDaerah.objects.get(slug="dinas-contoh")
    assert contoh.sintetis is True
    assert "SINTETIS" in contoh.nama


def test_demo_users_log_in_with_the_demo_password_and_have_their_roles(db: None) -> None:
    muat_demo(settings.DEMO_SEED_DIR)
    harapan = {
        "admin": (Peran.ADMIN, None),
        "verifikator": (Peran.VERIFIKATOR, None),
        "operator-disperindag": (Peran.OPERATOR, "disperindag"),
        "operator-contoh": (Peran.OPERATOR, "dinas-contoh"),
        "kepala-contoh": (Peran.KEPALA, "dinas-contoh"),
    }
    for nama, (peran, slug) in harapan.items():
        # django-axes needs the request to key its lockout (username and address).
        pengguna = authenticate(RequestFactory().post("/masuk/"), username=nama, password="capaian-demo")
        assert pengguna is not None, nama
        profil = Profil.objects.get(pengguna=pengguna)
        assert profil.peran == peran
        assert (profil.perangkat_daerah.slug if profil.perangkat_daerah else None) == slug
    assert authenticate(RequestFactory().post("/masuk/"), username="admin", password="salah") is None


def test_demo_holds_inputs_only_and_its_entries_are_in_the_audit_trail(db: None) -> None:
    muat_demo(settings.DEMO_SEED_DIR)
    # Row 33 (Program Peningkatan Sarana Distribusi Perdagangan): TW II is the Kertas Kerja's inputs,
    # not the 36,79 % the report typed; the engine derives it.
    baris = Realisasi.objects.get(
        indikator__perangkat_daerah__slug="disperindag", indikator__urutan=33, triwulan=2
    )
    assert baris.k is None
    assert baris.variabel == {"realisasi_pad": "1151384000", "target_pad": "3129274170"}
    # A program's Rupiah is its kegiatan's sum: not loaded, derived by the engine (the report's own figure).
    assert baris.rp is None
    from capaian.laporan.sumber import muat_data

    data = muat_data(PerangkatDaerah.objects.get(slug="disperindag"), 2024, 2)
    assert data.baris[32].kode == "3.30.03" and data.baris[32].realisasi_tw[1].rp == 1_720_154_860
    jejak = AuditEvent.objects.filter(objek="realisasi", objek_id=baris.pk)
    assert {e.kolom for e in jejak} == {"variabel"}
    assert all(e.nama_pengguna == "sistem" for e in jejak)
