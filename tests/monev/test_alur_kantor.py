"""Issue 13 items 5 and 8 as services: the head's approval a pemda setting that verification and locking wait
for, the head's return with a note, the verifier's comments per row when returning, a quarter without an
entry period closed, and one agency's extension of a period."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from capaian.audit.models import AuditEvent
from capaian.kota.menunggu import menunggu
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import alur, periode, services
from capaian.monev.alur import IsianTidakSah, LangkahTidakSah
from capaian.monev.models import KomentarBaris, PeriodeTriwulan, PerpanjanganPeriode, Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import (
    ADMIN,
    KEPALA,
    OPERATOR,
    OPERATOR_CONTOH,
    PD,
    PD_CONTOH,
    PIMPINAN,
    TAHUN,
    VERIFIKATOR,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TW = 3


@pytest.fixture
def pd():
    return PerangkatDaerah.objects.get(slug=PD)


@pytest.fixture
def u(pengguna_demo):
    return pengguna_demo


def _status(pd, tw=TW):
    return StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=tw)


def _wajib_kepala(nilai: bool) -> None:
    Pemda.objects.update(persetujuan_kepala=nilai)


def _ind(pd, n=0):
    return Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan", rumus="").order_by("urutan")[
        n
    ]


# --- the head's approval -------------------------------------------------------------------------------


def test_persetujuan_kepala_wajib_secara_bawaan(pd, u):
    assert Pemda.objects.get(pk=pd.pemda_id).persetujuan_kepala is True
    op, kp, vf = u(OPERATOR), u(KEPALA), u(VERIFIKATOR)
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    # Not offered to the verifier, and refused when asked for directly.
    assert [lk.aksi for lk in alur.tersedia(vf, pd, _status(pd))] == ["kembalikan"]
    with pytest.raises(LangkahTidakSah, match="belum disetujui kepala perangkat daerah"):
        jalankan_langkah("verifikasi", vf, pd, TAHUN, TW)
    assert _status(pd).status == Status.DIAJUKAN
    jalankan_langkah("setujui", kp, pd, TAHUN, TW)
    assert "verifikasi" in [lk.aksi for lk in alur.tersedia(vf, pd, _status(pd))]
    assert jalankan_langkah("verifikasi", vf, pd, TAHUN, TW).status == Status.DIVERIFIKASI


def test_persetujuan_kepala_tidak_wajib_bila_pemda_mematikannya(pd, u):
    _wajib_kepala(False)
    pd.refresh_from_db()
    vf = u(VERIFIKATOR)
    jalankan_langkah("ajukan", u(OPERATOR), pd, TAHUN, TW)
    assert jalankan_langkah("verifikasi", vf, pd, TAHUN, TW).status == Status.DIVERIFIKASI
    assert jalankan_langkah("kunci", vf, pd, TAHUN, TW).status == Status.TERKUNCI
    assert _status(pd).disetujui_kepala_pada is None


def test_penguncian_menunggu_persetujuan_yang_diwajibkan(pd, u):
    """Verified while the setting was off, then the pemda turns it on: the lock waits for the head, who may
    approve the verified quarter."""
    _wajib_kepala(False)
    pd.refresh_from_db()
    vf, kp = u(VERIFIKATOR), u(KEPALA)
    jalankan_langkah("ajukan", u(OPERATOR), pd, TAHUN, TW)
    jalankan_langkah("verifikasi", vf, pd, TAHUN, TW)
    _wajib_kepala(True)
    pd.refresh_from_db()
    with pytest.raises(LangkahTidakSah, match="penguncian menunggu persetujuannya"):
        jalankan_langkah("kunci", vf, pd, TAHUN, TW)
    assert _status(pd).status == Status.DIVERIFIKASI
    jalankan_langkah("setujui", kp, pd, TAHUN, TW)
    assert jalankan_langkah("kunci", vf, pd, TAHUN, TW).status == Status.TERKUNCI


def test_kepala_mengembalikan_ke_operator_dengan_catatan(pd, u):
    op, kp = u(OPERATOR), u(KEPALA)
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    jalankan_langkah("setujui", kp, pd, TAHUN, TW)
    s = jalankan_langkah("kembalikan_kepala", kp, pd, TAHUN, TW, "Angka TW III belum sesuai SPJ.")
    assert (s.status, s.catatan, s.dikembalikan_oleh) == (
        Status.DIKEMBALIKAN,
        "Angka TW III belum sesuai SPJ.",
        kp,
    )
    assert s.disetujui_kepala_pada is None  # what was approved is no longer what will be signed
    e = AuditEvent.objects.filter(objek="triwulan", aksi="kembalikan_kepala").get()
    assert (e.lama, e.baru, e.alasan, e.nama_pengguna) == (
        "diajukan",
        "dikembalikan",
        "Angka TW III belum sesuai SPJ.",
        KEPALA,
    )
    # The operator is told who returned it and why, and can edit again.
    butir = [b.teks for b in menunggu(op, TAHUN) if "Triwulan III" in b.teks]
    assert butir == [
        "Triwulan III 2024 dikembalikan kepala perangkat daerah untuk diperbaiki. Catatan kepala perangkat "
        "daerah: “Angka TW III belum sesuai SPJ.” Perbaiki, lalu ajukan kembali."
    ]
    assert services.simpan_realisasi(op, _ind(pd), TAHUN, TW, k=Decimal(4)).k == Decimal(4)


def test_kepala_lain_tidak_dapat_mengembalikan(pd, u):
    jalankan_langkah("ajukan", u(OPERATOR), pd, TAHUN, TW)
    for nama in ("kepala-contoh", OPERATOR, VERIFIKATOR, ADMIN, PIMPINAN):
        with pytest.raises(AksesDitolak):
            jalankan_langkah("kembalikan_kepala", u(nama), pd, TAHUN, TW, "x")
    assert _status(pd).status == Status.DIAJUKAN


# --- the verifier's comments per row -----------------------------------------------------------------


def test_komentar_per_baris_saat_mengembalikan(pd, u):
    op, vf = u(OPERATOR), u(VERIFIKATOR)
    a, b = _ind(pd, 0), _ind(pd, 1)
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    jalankan_langkah(
        "kembalikan", vf, pd, TAHUN, TW, "Perbaiki", komentar={a.pk: " Lampirkan SP2D. ", b.pk: " "}
    )
    aktif = list(
        KomentarBaris.objects.filter(perangkat_daerah=pd, aktif=True).values_list("indikator", "teks")
    )
    assert aktif == [(a.pk, "Lampirkan SP2D.")]  # an empty comment is no comment
    e = AuditEvent.objects.filter(aksi="komentar_baris").get()
    assert (e.baru, e.nama_pengguna, e.perangkat_daerah_id) == ("Lampirkan SP2D.", VERIFIKATOR, pd.pk)
    # A second return: its comments replace the first's (kept as history).
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, "Lagi", komentar={b.pk: "Satuan salah."})
    aktif = list(
        KomentarBaris.objects.filter(perangkat_daerah=pd, aktif=True).values_list("indikator", "teks")
    )
    assert aktif == [(b.pk, "Satuan salah.")]
    assert KomentarBaris.objects.filter(perangkat_daerah=pd, aktif=False).count() == 1


def test_komentar_hanya_untuk_baris_sendiri_dan_saat_mengembalikan(pd, u):
    op, vf = u(OPERATOR), u(VERIFIKATOR)
    lain = Indikator.objects.filter(perangkat_daerah__slug=PD_CONTOH).first()
    with pytest.raises(IsianTidakSah, match="hanya ditulis verifikator saat mengembalikan"):
        jalankan_langkah("ajukan", op, pd, TAHUN, TW, komentar={_ind(pd).pk: "x"})
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    with pytest.raises(IsianTidakSah, match="bukan milik perangkat daerah ini"):
        jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, "Perbaiki", komentar={lain.pk: "x"})
    # Nothing of the refused return happened.
    assert _status(pd).status == Status.DIAJUKAN and not KomentarBaris.objects.exists()
    with pytest.raises(IsianTidakSah, match="paling panjang"):
        jalankan_langkah("kembalikan", vf, pd, TAHUN, TW, "Perbaiki", komentar={_ind(pd).pk: "x" * 2001})


# --- entry periods ----------------------------------------------------------------------------------


def _periode(tw, dibuka, ditutup, pemda=None):
    PeriodeTriwulan.objects.update_or_create(
        pemda=pemda or Pemda.objects.get(),
        tahun=TAHUN,
        triwulan=tw,
        defaults={"dibuka": dibuka, "ditutup": ditutup},
    )


def test_triwulan_tanpa_periode_tertutup_sampai_dibuka(pd, u):
    op = u(OPERATOR)
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).delete()
    with pytest.raises(services.TriwulanTertutup, match="belum dibuka verifikator"):
        services.simpan_realisasi(op, _ind(pd), TAHUN, TW, k=Decimal(1))
    with pytest.raises(services.TriwulanTertutup, match="belum dibuka verifikator"):
        services.simpan_catatan(op, pd, TAHUN, TW, faktor_pendorong="x")
    # The window binds people; the system (the demo loader) is not bound by it.
    assert services.simpan_realisasi(None, _ind(pd), TAHUN, TW, k=Decimal(1)).k == Decimal(1)
    hari_ini = timezone.localdate()
    alur.atur_periode(u(VERIFIKATOR), Pemda.objects.get(), TAHUN, TW, hari_ini, hari_ini)
    assert services.simpan_realisasi(op, _ind(pd), TAHUN, TW, k=Decimal(2)).k == Decimal(2)


def test_perpanjangan_untuk_satu_perangkat_daerah_saja(pd, u):
    hari_ini = timezone.localdate()
    kemarin, besok = hari_ini - datetime.timedelta(days=1), hari_ini + datetime.timedelta(days=1)
    _periode(TW, hari_ini - datetime.timedelta(days=14), kemarin)
    contoh = PerangkatDaerah.objects.get(slug=PD_CONTOH)
    ind_contoh = Indikator.objects.filter(perangkat_daerah=contoh, tingkat="subkegiatan").first()
    with pytest.raises(services.TriwulanTertutup, match="di luar masa pengisian"):
        services.simpan_realisasi(u(OPERATOR), _ind(pd), TAHUN, TW, k=Decimal(1))
    p = periode.perpanjang(u(VERIFIKATOR), pd, TAHUN, TW, besok, "  Banjir   di kantor dinas ")
    assert (p.ditutup, p.alasan, p.oleh) == (besok, "Banjir di kantor dinas", u(VERIFIKATOR))
    assert services.simpan_realisasi(u(OPERATOR), _ind(pd), TAHUN, TW, k=Decimal(1)).k == Decimal(1)
    # The other agency keeps the pemda's window.
    with pytest.raises(services.TriwulanTertutup, match="di luar masa pengisian"):
        services.simpan_realisasi(u(OPERATOR_CONTOH), ind_contoh, TAHUN, TW, k=Decimal(1))
    e = AuditEvent.objects.filter(objek="perpanjangan").get()
    assert (e.aksi, e.perangkat_daerah_id, e.lama, e.baru, e.alasan, e.nama_pengguna) == (
        "perpanjang_periode",
        pd.pk,
        None,
        besok.isoformat(),
        "Banjir di kantor dinas",
        VERIFIKATOR,
    )
    assert periode.masa(pd, TAHUN, TW).diperpanjang and not periode.masa(contoh, TAHUN, TW).diperpanjang
    # Withdrawn (with a reason): closed again.
    assert periode.perpanjang(u(VERIFIKATOR), pd, TAHUN, TW, None, "Salah PD") is None
    assert not PerpanjanganPeriode.objects.exists()
    with pytest.raises(services.TriwulanTertutup):
        services.simpan_realisasi(u(OPERATOR), _ind(pd), TAHUN, TW, k=Decimal(5))
    cabut = AuditEvent.objects.filter(objek="perpanjangan", aksi="cabut_perpanjangan").get()
    assert (cabut.lama, cabut.baru, cabut.alasan) == (besok.isoformat(), None, "Salah PD")


def test_perpanjangan_syarat_dan_peran(pd, u):
    hari_ini = timezone.localdate()
    besok = hari_ini + datetime.timedelta(days=1)
    vf = u(VERIFIKATOR)
    _periode(TW, hari_ini - datetime.timedelta(days=14), hari_ini)
    with pytest.raises(periode.PerpanjanganTidakSah, match="Alasan perpanjangan wajib"):
        periode.perpanjang(vf, pd, TAHUN, TW, besok, "  ")
    with pytest.raises(periode.PerpanjanganTidakSah, match="harus setelah penutupan"):
        periode.perpanjang(vf, pd, TAHUN, TW, hari_ini, "x")
    with pytest.raises(periode.PerpanjanganTidakSah, match="tidak mempunyai perpanjangan"):
        periode.perpanjang(vf, pd, TAHUN, TW, None, "x")
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).delete()
    with pytest.raises(periode.PerpanjanganTidakSah, match="belum diatur"):
        periode.perpanjang(vf, pd, TAHUN, TW, besok, "x")
    _periode(TW, hari_ini - datetime.timedelta(days=14), hari_ini)
    for nama in (ADMIN, OPERATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None):
        with pytest.raises(AksesDitolak):
            periode.perpanjang(u(nama) if nama else AnonymousUser(), pd, TAHUN, TW, besok, "x")
    assert not PerpanjanganPeriode.objects.exists()
    assert not AuditEvent.objects.filter(objek="perpanjangan").exists()


def test_pengingat_dan_menunggu_memakai_masa_perangkat_daerah(pd, u):
    """The extended agency is told its own end date; the others the pemda's."""
    from django.core import mail

    from capaian.aturan.angka import format_tanggal
    from capaian.kota.pengingat import kirim_pengingat

    hari_ini = timezone.localdate()
    kemarin, lima = hari_ini - datetime.timedelta(days=1), hari_ini + datetime.timedelta(days=5)
    _periode(TW, hari_ini - datetime.timedelta(days=14), kemarin)
    periode.perpanjang(u(VERIFIKATOR), pd, TAHUN, TW, lima, "Banjir")
    butir = [b.teks for b in menunggu(u(OPERATOR), TAHUN) if "Triwulan III" in b.teks]
    assert len(butir) == 1 and f"s.d. {format_tanggal(lima)} (5 hari lagi)" in butir[0]
    for nama in (OPERATOR, OPERATOR_CONTOH):
        u(nama).__class__.objects.filter(username=nama).update(email=f"{nama}@contoh.invalid")
    hasil = kirim_pengingat(u(VERIFIKATOR), Pemda.objects.get(), TAHUN, TW, "http://tes")
    assert {p.slug for p, _ in hasil.terkirim} == {PD, PD_CONTOH}
    isi = {m.to[0]: m.body for m in mail.outbox}
    assert f"s.d. {format_tanggal(lima)} (5 hari lagi)" in isi[f"{OPERATOR}@contoh.invalid"]
    assert f"s.d. {format_tanggal(kemarin)} (sudah lewat 1 hari)" in isi[f"{OPERATOR_CONTOH}@contoh.invalid"]
