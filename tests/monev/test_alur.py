"""The quarter workflow as services: the full path, illegal steps, roles, audit, periods and entry."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from capaian.audit.models import AuditEvent, AuditTidakBolehDiubah
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import alur, services
from capaian.monev.alur import IsianTidakSah, LangkahTidakSah
from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import ADMIN, KEPALA, OPERATOR, OPERATOR_CONTOH, PD, PIMPINAN, TAHUN, VERIFIKATOR

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

TW = 3


@pytest.fixture
def pd():
    return PerangkatDaerah.objects.get(slug=PD)


@pytest.fixture
def u(pengguna_demo):
    return pengguna_demo


def _status(pd):
    return StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)


def _jejak(pd):
    return list(
        AuditEvent.objects.filter(objek="triwulan", perangkat_daerah=pd).values_list("aksi", "lama", "baru")
    )


def test_alur_lengkap(pd, u):
    op, kp, vf = u(OPERATOR), u(KEPALA), u(VERIFIKATOR)
    assert jalankan_langkah("ajukan", op, pd, TAHUN, TW, "Mohon diverifikasi").status == Status.DIAJUKAN
    disetujui = jalankan_langkah("setujui", kp, pd, TAHUN, TW)
    assert disetujui.status == Status.DIAJUKAN
    assert disetujui.disetujui_kepala_oleh == kp and disetujui.disetujui_kepala_pada is not None
    assert (
        jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, "Lengkapi bukti dukung").status
        == Status.DIKEMBALIKAN
    )
    # Returning clears the head's approval: what was approved is no longer what will be signed.
    assert _status(pd).disetujui_kepala_pada is None and _status(pd).catatan == "Lengkapi bukti dukung"
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    jalankan_langkah("setujui", kp, pd, TAHUN, TW)
    assert jalankan_langkah("verifikasi", vf, pd, TAHUN, TW).status == Status.DIVERIFIKASI
    assert jalankan_langkah("kunci", vf, pd, TAHUN, TW).status == Status.TERKUNCI
    assert _status(pd).disetujui_kepala_pada is not None
    assert jalankan_langkah("buka", vf, pd, TAHUN, TW, "Koreksi angka").status == Status.DIKEMBALIKAN
    assert _status(pd).disetujui_kepala_pada is None
    assert _jejak(pd) == [
        ("ajukan", "draft", "diajukan"),
        ("setujui", "diajukan", "diajukan"),
        ("kembalikan", "diajukan", "dikembalikan"),
        ("ajukan", "dikembalikan", "diajukan"),
        ("setujui", "diajukan", "diajukan"),
        ("verifikasi", "diajukan", "diverifikasi"),
        ("kunci", "diverifikasi", "terkunci"),
        ("buka", "terkunci", "dikembalikan"),
    ]
    e = AuditEvent.objects.filter(objek="triwulan", aksi="kembalikan").get()
    assert (e.kolom, e.alasan, e.nama_pengguna, e.objek_id) == (
        "status",
        "Lengkapi bukti dukung",
        VERIFIKATOR,
        _status(pd).pk,
    )
    assert AuditEvent.objects.filter(objek="triwulan", aksi="ajukan").first().alasan == "Mohon diverifikasi"


@pytest.mark.parametrize(
    ("sampai", "aksi"),
    [
        ([], "setujui"),
        ([], "kembalikan"),
        ([], "verifikasi"),
        ([], "kunci"),
        ([], "buka"),
        (["ajukan"], "ajukan"),
        (["ajukan"], "kunci"),
        (["ajukan"], "buka"),
        (["ajukan", "setujui"], "setujui"),
        ([], "kembalikan_kepala"),
        # The pemda requires the head's approval (the default): the verifier's steps wait for it.
        (["ajukan"], "verifikasi"),
        (["ajukan", "setujui", "kembalikan_kepala"], "verifikasi"),
        (["ajukan", "setujui", "verifikasi"], "ajukan"),
        (["ajukan", "setujui", "verifikasi"], "kembalikan"),
        (["ajukan", "setujui", "verifikasi"], "kembalikan_kepala"),
        (["ajukan", "setujui", "verifikasi"], "setujui"),  # already approved
        (["ajukan", "setujui", "verifikasi"], "buka"),
        (["ajukan", "setujui", "verifikasi", "kunci"], "kunci"),
        (["ajukan", "setujui", "verifikasi", "kunci"], "ajukan"),
        (["ajukan", "setujui", "verifikasi", "kunci"], "kembalikan"),
        (["ajukan", "kembalikan"], "verifikasi"),
        (["ajukan", "kembalikan"], "kunci"),
        (["ajukan", "kembalikan_kepala"], "setujui"),
    ],
)
def test_langkah_tidak_sah(pd, u, sampai, aksi):
    pelaku = {"ajukan": OPERATOR, "setujui": KEPALA, "kembalikan_kepala": KEPALA}
    for langkah in sampai:
        jalankan_langkah(langkah, u(pelaku.get(langkah, VERIFIKATOR)), pd, TAHUN, TW, "catatan")
    sebelum = StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW).first()
    jejak = len(_jejak(pd))
    with pytest.raises(LangkahTidakSah) as galat:
        jalankan_langkah(aksi, u(pelaku.get(aksi, VERIFIKATOR)), pd, TAHUN, TW, "catatan")
    pesan = str(galat.value)
    assert "tidak dapat dilakukan" in pesan or "sudah disetujui" in pesan or "belum disetujui" in pesan
    assert len(_jejak(pd)) == jejak
    if sebelum is not None:
        assert _status(pd).status == sebelum.status


@pytest.mark.parametrize("aksi", [lk.aksi for lk in alur.LANGKAH])
@pytest.mark.parametrize("persona", [ADMIN, VERIFIKATOR, OPERATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None])
def test_peran(pd, u, aksi, persona):
    berhak = {"ajukan": OPERATOR, "setujui": KEPALA, "kembalikan_kepala": KEPALA}.get(aksi, VERIFIKATOR)
    if persona == berhak:
        return  # covered by test_alur_lengkap
    pengguna = None if persona is None else u(persona)
    with pytest.raises(AksesDitolak):
        jalankan_langkah(aksi, pengguna, pd, TAHUN, TW, "catatan")
    assert _jejak(pd) == []


@pytest.mark.parametrize("catatan", ["", "   ", None])
def test_catatan_wajib_untuk_kembalikan_dan_buka(pd, u, catatan):
    vf = u(VERIFIKATOR)
    jalankan_langkah("ajukan", u(OPERATOR), pd, TAHUN, TW)
    with pytest.raises(IsianTidakSah, match="Catatan pengembalian wajib diisi"):
        jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, catatan)
    with pytest.raises(IsianTidakSah, match="Catatan untuk operator wajib diisi"):
        jalankan_langkah("kembalikan_kepala", u(KEPALA), pd, TAHUN, TW, catatan)
    jalankan_langkah("setujui", u(KEPALA), pd, TAHUN, TW)
    jalankan_langkah("verifikasi", vf, pd, TAHUN, TW)
    jalankan_langkah("kunci", vf, pd, TAHUN, TW)
    with pytest.raises(IsianTidakSah, match="Alasan membuka kunci wajib diisi"):
        jalankan_langkah("buka", vf, pd, TAHUN, TW, catatan)
    assert _status(pd).status == Status.TERKUNCI


@pytest.mark.parametrize("triwulan", [0, 5])
def test_triwulan_tidak_sah(pd, u, triwulan):
    with pytest.raises(IsianTidakSah):
        jalankan_langkah("ajukan", u(OPERATOR), pd, TAHUN, triwulan)


# --- entry and the quarter's status --------------------------------------------------------------------


def _indikator(pd):
    return Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan")[2]


@pytest.mark.parametrize(
    "sampai",
    [["ajukan"], ["ajukan", "setujui", "verifikasi"], ["ajukan", "setujui", "verifikasi", "kunci"]],
)
def test_isian_tertutup_kecuali_draf_atau_dikembalikan(pd, u, sampai):
    op = u(OPERATOR)
    pelaku = {"ajukan": op, "setujui": u(KEPALA)}
    for langkah in sampai:
        jalankan_langkah(langkah, pelaku.get(langkah, u(VERIFIKATOR)), pd, TAHUN, TW)
    with pytest.raises(services.TriwulanTertutup, match="tidak dapat diubah"):
        services.simpan_realisasi(op, _indikator(pd), TAHUN, TW, k=Decimal(1))
    with pytest.raises(services.TriwulanTertutup):
        services.simpan_catatan(op, pd, TAHUN, TW, faktor_pendorong="x")
    # The system (demo loader, migrations) obeys the same state rules (issue 9: locked means frozen).
    with pytest.raises(services.TriwulanTertutup):
        services.simpan_realisasi(None, _indikator(pd), TAHUN, TW, k=Decimal(1))


def test_isian_terbuka_lagi_setelah_dikembalikan(pd, u):
    op, vf = u(OPERATOR), u(VERIFIKATOR)
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, "Perbaiki")
    assert services.simpan_realisasi(op, _indikator(pd), TAHUN, TW, k=Decimal(2)).k == Decimal(2)


# --- entry windows -------------------------------------------------------------------------------------


def test_atur_periode(pd, u):
    vf = u(VERIFIKATOR)
    pemda = Pemda.objects.get(pk=pd.pemda_id)
    op = u(OPERATOR)
    hari_ini = timezone.localdate()
    kemarin = hari_ini - datetime.timedelta(days=1)
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).delete()  # the tests' demo opened it
    alur.atur_periode(vf, pemda, TAHUN, TW, kemarin - datetime.timedelta(days=10), kemarin)
    with pytest.raises(services.TriwulanTertutup, match="di luar masa pengisian"):
        services.simpan_realisasi(op, _indikator(pd), TAHUN, TW, k=Decimal(3))
    alur.atur_periode(vf, pemda, TAHUN, TW, kemarin, hari_ini + datetime.timedelta(days=1))
    assert PeriodeTriwulan.objects.filter(pemda=pemda, tahun=TAHUN, triwulan=TW).count() == 1
    services.simpan_realisasi(op, _indikator(pd), TAHUN, TW, k=Decimal(3))
    jejak = list(AuditEvent.objects.filter(objek="periode").values_list("lama", "baru"))
    assert jejak[0][0] is None and jejak[1][0] == jejak[0][1]


def test_atur_periode_urutan_tanggal_dan_peran(pd, u):
    pemda = Pemda.objects.get(pk=pd.pemda_id)
    hari = datetime.date(2024, 7, 1)
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).delete()  # the tests' demo opened it
    with pytest.raises(IsianTidakSah, match="tidak boleh setelah"):
        alur.atur_periode(u(VERIFIKATOR), pemda, TAHUN, TW, hari, hari - datetime.timedelta(days=1))
    for persona in (OPERATOR, KEPALA, PIMPINAN):
        with pytest.raises(AksesDitolak):
            alur.atur_periode(u(persona), pemda, TAHUN, TW, hari, hari)
    assert not PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).exists()
    alur.atur_periode(u(ADMIN), pemda, TAHUN, TW, hari, hari)
    assert PeriodeTriwulan.objects.get(pemda=pemda, tahun=TAHUN, triwulan=TW).dibuka == hari


# --- the audit trail itself ----------------------------------------------------------------------------


def test_audit_tidak_bisa_diubah_atau_dihapus(pd, u):
    services.simpan_realisasi(u(OPERATOR), _indikator(pd), TAHUN, TW, k=Decimal("1.5"), alasan="uji")
    e = AuditEvent.objects.filter(objek="realisasi").latest("id")
    assert (e.kolom, e.baru, e.alasan, e.nama_pengguna) == ("k", "1.5", "uji", OPERATOR)
    e.baru = "999"
    with pytest.raises(AuditTidakBolehDiubah):
        e.save()
    with pytest.raises(AuditTidakBolehDiubah):
        e.delete()
    # Nor in bulk, which would skip the per-row guard.
    with pytest.raises(AuditTidakBolehDiubah):
        AuditEvent.objects.filter(pk=e.pk).update(baru="999")
    with pytest.raises(AuditTidakBolehDiubah):
        AuditEvent.objects.filter(pk=e.pk).delete()
    e.refresh_from_db()
    assert e.baru == "1.5"


def test_pastikan_baris_tidak_menulis_audit(pd):
    jumlah = AuditEvent.objects.count()
    baris = list(services.pastikan_baris(pd, TAHUN, 4))
    assert len(baris) == Indikator.objects.filter(perangkat_daerah=pd).count()
    assert len(list(services.pastikan_baris(pd, TAHUN, 4))) == len(baris)
    assert AuditEvent.objects.count() == jumlah
