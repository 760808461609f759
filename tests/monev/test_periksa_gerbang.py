"""The submission gate (alur.ajukan runs the checks), the explanation per galat and the verifier's decision on
each (capaian.monev.penjelasan), and the cross-document checks."""

import dataclasses
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from capaian.aturan.periksa_data import kunci_galat
from capaian.audit.models import AuditEvent
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.kertas_kerja import bangun_kertas_kerja
from capaian.laporan.kesimpulan import bangun_kesimpulan
from capaian.laporan.konsistensi import bandingkan, periksa_konsistensi
from capaian.laporan.narasi import bangun_narasi
from capaian.laporan.pemeriksaan import (
    jalankan_langkah,
    jelaskan_galat,
    periksa_triwulan,
    putuskan_penjelasan,
)
from capaian.laporan.sumber import muat_data
from capaian.monev import alur
from capaian.monev.alur import LangkahTidakSah
from capaian.monev.models import KeadaanPenjelasan, PenjelasanGalat, Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan
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

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

TW = 2


@pytest.fixture
def pd(demo):
    pd = PerangkatDaerah.objects.get(slug=PD)
    # The shared demo fixture accepts the demo's galat; these tests start from no explanation.
    PenjelasanGalat.objects.filter(perangkat_daerah=pd, tahun=TAHUN).delete()
    return pd


def _status(pd):
    return StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)


def _kunci(pd):
    return kunci_galat(periksa_triwulan(pd, TAHUN, TW))


def _jelaskan_semua(pd, op, vf=None):
    for kunci in _kunci(pd):
        jelaskan_galat(op, pd, TAHUN, TW, kunci, f"Sesuai DPA ({kunci}).")
        if vf is not None:
            putuskan_penjelasan(vf, pd, TAHUN, TW, kunci, terima=True)


def test_galat_menghalangi_ajukan(pd, pengguna_demo):
    with pytest.raises(LangkahTidakSah) as e:
        jalankan_langkah("ajukan", pengguna_demo(OPERATOR), pd, TAHUN, TW)
    # The workflow names the page; the web adds the link (tests/web/test_periksa_halaman.py).
    assert "4 galat" in str(e.value) and "halaman Pemeriksaan data" in str(e.value)
    assert not StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW, status="diajukan")
    assert not AuditEvent.objects.filter(objek="triwulan", aksi="ajukan", perangkat_daerah=pd).exists()


def test_tanpa_galat_ajukan_lolos(pengguna_demo):
    contoh = PerangkatDaerah.objects.get(slug=PD_CONTOH)
    assert (
        jalankan_langkah("ajukan", pengguna_demo(OPERATOR_CONTOH), contoh, TAHUN, TW).status
        == Status.DIAJUKAN
    )


def test_penjelasan_per_galat_diterima_satu_per_satu(pd, pengguna_demo):
    op, vf = pengguna_demo(OPERATOR), pengguna_demo(VERIFIKATOR)
    kunci = _kunci(pd)
    assert len(kunci) == 4
    with pytest.raises(LangkahTidakSah, match="belum dijelaskan"):
        putuskan_penjelasan(vf, pd, TAHUN, TW, kunci[0], terima=True)
    _jelaskan_semua(pd, op)
    with pytest.raises(LangkahTidakSah, match="4 galat"):  # written, not yet accepted
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    for k in kunci[:3]:
        p = putuskan_penjelasan(vf, pd, TAHUN, TW, k, terima=True)
        assert (p.keadaan, p.diputus_oleh) == (KeadaanPenjelasan.DITERIMA, vf)
    with pytest.raises(LangkahTidakSah, match="1 dari 4 galat"):  # one still waits
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    with pytest.raises(LangkahTidakSah, match="sudah diterima"):
        putuskan_penjelasan(vf, pd, TAHUN, TW, kunci[0], terima=True)
    putuskan_penjelasan(vf, pd, TAHUN, TW, kunci[3], terima=True)
    assert jalankan_langkah("ajukan", op, pd, TAHUN, TW).status == Status.DIAJUKAN
    jejak = list(
        AuditEvent.objects.filter(perangkat_daerah=pd, objek__in=["penjelasan_galat", "triwulan"])
        .order_by("pk")
        .values_list("aksi", "nama_pengguna")
    )
    assert jejak == [("penjelasan_galat", OPERATOR)] * 4 + [("terima_penjelasan", VERIFIKATOR)] * 4 + [
        ("ajukan", OPERATOR)
    ]
    e = AuditEvent.objects.filter(aksi="penjelasan_galat").first()
    assert kunci[0].startswith(e.kolom) and e.baru == f"Sesuai DPA ({kunci[0]})." and e.lama is None
    # Explaining is only possible before submission.
    with pytest.raises(LangkahTidakSah, match="Draf atau Dikembalikan"):
        jelaskan_galat(op, pd, TAHUN, TW, kunci[0], "lagi")


def test_tolak_dengan_alasan_lalu_penjelasan_baru(pd, pengguna_demo):
    op, vf = pengguna_demo(OPERATOR), pengguna_demo(VERIFIKATOR)
    _jelaskan_semua(pd, op, vf)
    k = _kunci(pd)[1]
    jelaskan_galat(op, pd, TAHUN, TW, k, "Penjelasan kedua")  # a new text withdraws the acceptance
    assert PenjelasanGalat.objects.get(perangkat_daerah=pd, kunci=k).keadaan == KeadaanPenjelasan.MENUNGGU
    with pytest.raises(alur.IsianTidakSah, match="Alasan penolakan wajib"):
        putuskan_penjelasan(vf, pd, TAHUN, TW, k, terima=False, alasan="  ")
    p = putuskan_penjelasan(vf, pd, TAHUN, TW, k, terima=False, alasan="Lampirkan DPA perubahan.")
    assert (p.keadaan, p.alasan_tolak) == (KeadaanPenjelasan.DITOLAK, "Lampirkan DPA perubahan.")
    e = AuditEvent.objects.filter(aksi="tolak_penjelasan").get()
    assert (e.alasan, e.baru, e.nama_pengguna) == ("Lampirkan DPA perubahan.", "ditolak", VERIFIKATOR)
    with pytest.raises(LangkahTidakSah, match="1 dari 4 galat"):
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    with pytest.raises(LangkahTidakSah, match="sudah ditolak"):
        putuskan_penjelasan(vf, pd, TAHUN, TW, k, terima=True)
    jelaskan_galat(op, pd, TAHUN, TW, k, "Penjelasan ketiga dengan DPA perubahan terlampir.")
    putuskan_penjelasan(vf, pd, TAHUN, TW, k, terima=True)
    assert jalankan_langkah("ajukan", op, pd, TAHUN, TW).status == Status.DIAJUKAN
    with pytest.raises(alur.IsianTidakSah):
        jelaskan_galat(op, pd, TAHUN, 3, k, "   ")


def test_galat_baru_setelah_diterima(pd, pengguna_demo):
    op, vf = pengguna_demo(OPERATOR), pengguna_demo(VERIFIKATOR)
    _jelaskan_semua(pd, op, vf)
    ind = next(i for i in Indikator.objects.filter(perangkat_daerah=pd) if i.kode == "3.30.01.2.01.0006")
    t = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN)
    t.target_rp = 1
    t.save()
    with pytest.raises(LangkahTidakSah) as e:
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    assert "dari" in str(e.value) and "galat" in str(e.value)
    t.target_rp = 7927500
    t.save()
    assert jalankan_langkah("ajukan", op, pd, TAHUN, TW).status == Status.DIAJUKAN


def test_galat_yang_tidak_ada_tidak_dapat_dijelaskan(pd, pengguna_demo):
    with pytest.raises(LangkahTidakSah, match="tidak lagi ditemukan"):
        jelaskan_galat(pengguna_demo(OPERATOR), pd, TAHUN, TW, "tw-melebihi-target|baris 999", "x")
    assert not PenjelasanGalat.objects.filter(perangkat_daerah=pd).exists()


@pytest.mark.parametrize("persona", [ADMIN, VERIFIKATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None])
def test_hanya_operator_menjelaskan(pd, pengguna_demo, persona):
    u = pengguna_demo(persona) if persona else AnonymousUser()
    with pytest.raises(AksesDitolak):
        jelaskan_galat(u, pd, TAHUN, TW, _kunci(pd)[0], "x")
    assert not PenjelasanGalat.objects.filter(perangkat_daerah=pd).exists()


@pytest.mark.parametrize("terima", [True, False])
@pytest.mark.parametrize("persona", [ADMIN, OPERATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None])
def test_hanya_verifikator_memutuskan(pd, pengguna_demo, persona, terima):
    k = _kunci(pd)[0]
    jelaskan_galat(pengguna_demo(OPERATOR), pd, TAHUN, TW, k, "x")
    u = pengguna_demo(persona) if persona else AnonymousUser()
    with pytest.raises(AksesDitolak):
        putuskan_penjelasan(u, pd, TAHUN, TW, k, terima=terima, alasan="alasan")
    assert PenjelasanGalat.objects.get(perangkat_daerah=pd, kunci=k).keadaan == KeadaanPenjelasan.MENUNGGU


# --- cross-document checks ------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [PD, PD_CONTOH])
@pytest.mark.parametrize("tw", [1, 2, 3, 4])
def test_konsistensi_demo_tanpa_temuan(slug, tw):
    assert periksa_konsistensi(muat_data(PerangkatDaerah.objects.get(slug=slug), TAHUN, tw)) == []


def _dokumen():
    data = muat_data(PerangkatDaerah.objects.get(slug=PD), TAHUN, TW)
    e81 = bangun_e81(data)
    return e81, bangun_kertas_kerja(data, e81), bangun_kesimpulan(data, e81), bangun_narasi(data, e81)


def test_konsistensi_menangkap_dokumen_rusak():
    e81, kk, kes, nar = _dokumen()
    assert bandingkan(e81, kk, kes, nar) == []
    # Kesimpulan: a program's capaian changed.
    rusak = list(kes.baris)
    rusak[0] = dataclasses.replace(rusak[0], capaian=(rusak[0].capaian or Decimal(0)) + 1)
    t = bandingkan(e81, kk, dataclasses.replace(kes, baris=tuple(rusak)), nar)
    assert [x.jenis for x in t] == ["konsistensi-kesimpulan"] and t[0].tingkat == "galat"
    assert t[0].kode == "3.30.01"
    # Narasi: a program's realisation changed -> the program and its bidang's sum disagree.
    bidang = nar.bidang[0]
    prog = list(bidang.program)
    prog[0] = dataclasses.replace(prog[0], realisasi=(prog[0].realisasi or 0) + 1000)
    rekap = dataclasses.replace(bidang.rekap, jumlah_realisasi_rp=(bidang.rekap.jumlah_realisasi_rp or 0) + 5)
    nar_rusak = dataclasses.replace(
        nar, bidang=(dataclasses.replace(bidang, program=tuple(prog), rekap=rekap), *nar.bidang[1:])
    )
    assert sorted(x.jenis for x in bandingkan(e81, kk, kes, nar_rusak)) == [
        "konsistensi-bidang",
        "konsistensi-narasi",
    ]
    # Kertas Kerja: a formula indicator's result changed.
    baris = list(kk.baris)
    i = next(i for i, b in enumerate(baris) if b.kode == "3.30.03")
    baris[i] = dataclasses.replace(baris[i], hasil=(baris[i].hasil or Decimal(0)) + Decimal("0.5"))
    t = bandingkan(e81, dataclasses.replace(kk, baris=tuple(baris)), kes, nar)
    assert [(x.jenis, x.kode) for x in t] == [("konsistensi-kertas-kerja", "3.30.03")]
