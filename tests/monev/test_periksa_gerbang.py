"""The submission gate (alur.ajukan runs the checks), the explanation steps, and the cross-document checks."""

import dataclasses
from decimal import Decimal

import pytest

from capaian.audit.models import AuditEvent
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.kertas_kerja import bangun_kertas_kerja
from capaian.laporan.kesimpulan import bangun_kesimpulan
from capaian.laporan.konsistensi import bandingkan, periksa_konsistensi
from capaian.laporan.narasi import bangun_narasi
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.laporan.sumber import muat_data
from capaian.monev import alur
from capaian.monev.alur import LangkahTidakSah
from capaian.monev.models import Status, StatusTriwulan
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
    StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=TAHUN).update(
        penjelasan_galat="",
        penjelasan_diterima_oleh=None,
        penjelasan_diterima_pada=None,
        penjelasan_galat_diterima=[],
        penjelasan_sidik="",
    )
    return pd


def _status(pd):
    return StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)


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


def test_penjelasan_diterima_lalu_galat_baru(pd, pengguna_demo):
    op, vf = pengguna_demo(OPERATOR), pengguna_demo(VERIFIKATOR)
    with pytest.raises(LangkahTidakSah, match="Belum ada penjelasan"):
        jalankan_langkah("terima", vf, pd, TAHUN, TW)
    jalankan_langkah(
        "penjelasan", op, pd, TAHUN, TW, "Target triwulan mengikuti DPA; pagu direvisi di APBD-P."
    )
    with pytest.raises(LangkahTidakSah):  # written, not yet accepted
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    s = jalankan_langkah("terima", vf, pd, TAHUN, TW)
    assert s.penjelasan_diterima_oleh == vf and len(s.penjelasan_galat_diterima) == 4 and s.penjelasan_sidik
    with pytest.raises(LangkahTidakSah, match="sudah diterima"):
        jalankan_langkah("terima", vf, pd, TAHUN, TW)
    # A new galat after acceptance: blocked again.
    ind = next(i for i in Indikator.objects.filter(perangkat_daerah=pd) if i.kode == "3.30.01.2.01.0006")
    t = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN)
    t.target_rp = 1
    t.save()
    with pytest.raises(LangkahTidakSah) as e:
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    assert "muncul setelah penjelasan diterima" in str(e.value)
    t.target_rp = 7927500
    t.save()
    assert jalankan_langkah("ajukan", op, pd, TAHUN, TW).status == Status.DIAJUKAN
    jejak = list(
        AuditEvent.objects.filter(objek="triwulan", perangkat_daerah=pd).values_list(
            "aksi", "kolom", "nama_pengguna"
        )
    )
    assert jejak == [
        ("penjelasan", "penjelasan_galat", OPERATOR),
        ("terima", "penjelasan_galat", VERIFIKATOR),
        ("ajukan", "status", OPERATOR),
    ]
    # Explaining is only possible before submission.
    with pytest.raises(LangkahTidakSah, match="tidak dapat dilakukan"):
        jalankan_langkah("penjelasan", op, pd, TAHUN, TW, "lagi")


def test_penjelasan_baru_mencabut_penerimaan(pd, pengguna_demo):
    op, vf = pengguna_demo(OPERATOR), pengguna_demo(VERIFIKATOR)
    jalankan_langkah("penjelasan", op, pd, TAHUN, TW, "Penjelasan pertama")
    jalankan_langkah("terima", vf, pd, TAHUN, TW)
    s = jalankan_langkah("penjelasan", op, pd, TAHUN, TW, "Penjelasan kedua")
    assert s.penjelasan_diterima_pada is None and s.penjelasan_galat_diterima == []
    with pytest.raises(LangkahTidakSah):
        jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    with pytest.raises(alur.IsianTidakSah):
        jalankan_langkah("penjelasan", op, pd, TAHUN, TW, "   ")


@pytest.mark.parametrize("persona", [ADMIN, VERIFIKATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None])
def test_hanya_operator_menjelaskan(pd, pengguna_demo, persona):
    with pytest.raises(AksesDitolak):
        jalankan_langkah("penjelasan", persona and pengguna_demo(persona), pd, TAHUN, TW, "x")


@pytest.mark.parametrize("persona", [ADMIN, OPERATOR, KEPALA, OPERATOR_CONTOH, PIMPINAN, None])
def test_hanya_verifikator_menerima(pd, pengguna_demo, persona):
    jalankan_langkah("penjelasan", pengguna_demo(OPERATOR), pd, TAHUN, TW, "x")
    with pytest.raises(AksesDitolak):
        jalankan_langkah("terima", persona and pengguna_demo(persona), pd, TAHUN, TW)


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
