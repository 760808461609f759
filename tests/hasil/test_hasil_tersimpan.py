"""Stored results (issue 14 item 2): after every way of changing data, no stored result differs from a
fresh computation, and the pages read them."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from capaian.hasil import simpan
from capaian.hasil.baca import laporan_e81, laporan_tersimpan, ringkasan_periksa
from capaian.hasil.models import HasilIndikator, HasilPerangkatDaerah
from capaian.laporan import pemeriksaan
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data
from capaian.monev import services
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import data_induk
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, TargetTahunan
from tests.conftest import PD, TAHUN
from tests.inti.test_jejak_audit import Cara, Konteks, semua_cara

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_demo_menyimpan_hasil_setiap_triwulan_yang_diisi() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    tersimpan = set(HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd).values_list("tahun", "triwulan"))
    assert tersimpan == {(TAHUN, 1), (TAHUN, 2)}
    n = Indikator.objects.filter(perangkat_daerah=pd).count()
    assert HasilIndikator.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=2).count() == n
    assert simpan.periksa() == []


@pytest.mark.parametrize(
    ("label", "cara"), semua_cara(), ids=lambda x: x if isinstance(x, str) else getattr(x, "__name__", "")
)
def test_tidak_ada_hasil_tersimpan_yang_berbeda_setelah_setiap_perubahan(
    label: str, cara: Cara, tmp_path: Path, settings: object
) -> None:
    """Every door that changes a model of the plan, the realisations or their master data (the audit
    test's catalogue: services, web, API, import, CLI, admin, workflow, Perubahan, new year, settings)."""
    setattr(settings, "DATA_DIR", tmp_path)  # noqa: B010
    cara(Konteks(tmp_path))
    assert [str(s) for s in simpan.periksa()] == [], label


def test_simpan_mengubah_hasil_triwulan_itu_dan_sesudahnya() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan", rumus="").order_by("urutan")[0]
    services.simpan_realisasi(None, ind, TAHUN, 3, k=Decimal(1))  # TW III now has results
    sebelum = {h.triwulan: h.realisasi_k for h in HasilIndikator.objects.filter(indikator=ind, tahun=TAHUN)}
    services.simpan_realisasi(None, ind, TAHUN, 2, k=(ind.realisasi.get(tahun=TAHUN, triwulan=2).k or 0) + 7)
    sesudah = {h.triwulan: h.realisasi_k for h in HasilIndikator.objects.filter(indikator=ind, tahun=TAHUN)}
    assert sesudah[1] == sebelum[1]
    assert sesudah[2] != sebelum[2] and sesudah[3] != sebelum[3]
    for tw in (2, 3):
        segar = bangun_e81(muat_data(pd, TAHUN, tw))
        indeks = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan")).index(ind)
        assert segar.baris[indeks].hasil.realisasi.k == sesudah[tw]
    assert simpan.periksa() == []


def test_laporan_tersimpan_sama_dengan_hitungan_baru() -> None:
    for pd in PerangkatDaerah.objects.all():
        for tw in (1, 2):
            tersimpan = laporan_tersimpan([pd], TAHUN, tw)[pd.pk]
            segar = bangun_e81(muat_data(pd, TAHUN, tw))
            assert [(b.no, b.masukan, b.hasil, b.peringatan) for b in tersimpan.baris] == [
                (b.no, b.masukan, b.hasil, b.peringatan) for b in segar.baris
            ]
            assert tersimpan.rekap == segar.rekap
            # The plan's side of each row (read as values there, as model instances here): texts, method,
            # formula, where column 6 comes from, and whether the Rp is derived from the children.
            teks = ("kunci", "kode", "tingkat", "uraian", "indikator", "satuan", "sifat", "rumus", "variabel")
            teks += ("catatan", "lanjutan", "kolom_6_sumber", "rp_turunan")
            assert [[getattr(b.rencana, n) for n in teks] for b in tersimpan.baris] == [
                [getattr(b.rencana, n) for n in teks] for b in segar.baris
            ]


def test_periksa_menemukan_hasil_yang_diubah_dan_hitung_ulang_memperbaikinya() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    h = HasilIndikator.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=2).exclude(capaian_k=None)[0]
    HasilIndikator.objects.filter(pk=h.pk).update(capaian_k=h.capaian_k + 1)
    HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=1).delete()
    selisih = simpan.periksa()
    assert {(s.triwulan, s.baris, s.kolom) for s in selisih} == {
        (2, h.urutan, "capaian_k"),
        (1, None, "(tidak tersimpan)"),
    }
    keluar = io.StringIO()
    with pytest.raises(CommandError, match="2 hasil tersimpan berbeda"):
        call_command("hitung-ulang", periksa=True, stdout=keluar)
    assert "capaian_k" in keluar.getvalue()
    call_command("hitung-ulang", stdout=io.StringIO())
    assert simpan.periksa() == []
    call_command("hitung-ulang", periksa=True, stdout=io.StringIO())


def test_triwulan_tanpa_hasil_tersimpan_dihitung_tanpa_ditulis(klien_sebagai) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    assert not HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=3).exists()
    lap = laporan_e81([pd], TAHUN, 3)[pd.pk]
    assert lap.rekap == bangun_e81(muat_data(pd, TAHUN, 3)).rekap
    for nama, url in (("pimpinan", f"/dasbor/{TAHUN}/3/"), ("verifikator", f"/triwulan/{TAHUN}/3/")):
        assert klien_sebagai(nama).get(url).status_code == 200
    assert not HasilPerangkatDaerah.objects.filter(tahun=TAHUN, triwulan=3).exists()
    assert not HasilIndikator.objects.filter(tahun=TAHUN, triwulan=3).exists()


def test_impor_coba_tidak_menulis_hasil(tmp_path: Path) -> None:
    from capaian.impor.impor import impor_berkas
    from tests.inti.test_jejak_audit import _templat

    k = Konteks(tmp_path)
    sebelum = list(HasilIndikator.objects.order_by("pk").values())
    hasil = impor_berkas(k.u("operator-disperindag"), k.pd, _templat(k, "R", 43), coba=True)
    assert hasil.perubahan and not hasil.disimpan
    assert list(HasilIndikator.objects.order_by("pk").values()) == sebelum


def test_set_predikat_pemda_baru_mengubah_predikat_tersimpan(klien_sebagai) -> None:
    from capaian.organisasi.models import Pemda

    admin = klien_sebagai("admin")
    pemda = Pemda.objects.get()
    r = admin.post(
        "/admin/organisasi/setpredikatpemda/add/",
        {"kode": "tiga-tingkat", "nama": "Skala tiga tingkat", "aturan": "bawah-inklusif",
         "ambang": "60; 80", "label": "Kurang\nCukup\nBaik", "pemda": str(pemda.pk)},
    )  # fmt: skip
    assert r.status_code == 302
    r = admin.post(
        f"/admin/organisasi/pemda/{pemda.pk}/change/",
        {"nama": pemda.nama, "slug": pemda.slug, "provinsi": pemda.provinsi, "tempat": pemda.tempat,
         "nama_bappeda": pemda.nama_bappeda, "set_predikat": "tiga-tingkat"},
    )  # fmt: skip
    assert r.status_code == 302
    total = HasilPerangkatDaerah.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2)
    assert total.predikat_rp == "Kurang"  # 41,33 % Rp: below 60 on the pemda's own scale
    predikat = set(HasilIndikator.objects.exclude(predikat_k="").values_list("predikat_k", flat=True))
    assert predikat <= {"Kurang", "Cukup", "Baik"} and predikat
    assert simpan.periksa() == []


def test_ringkasan_periksa_tersimpan_sama_dengan_hitungan_baru() -> None:
    """The entry screen's check counts (galat, explanations waiting or rejected, rows to fill) read from a
    stored summary equal the ones computed afresh, key for key."""
    for pd in PerangkatDaerah.objects.all():
        for tw in (1, 2):
            data = muat_data(pd, TAHUN, tw)
            status, _ = StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=TAHUN, triwulan=tw)
            assert HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=tw).exists()
            assert ringkasan_periksa(data, pd, status) == pemeriksaan.ringkasan_periksa(data, status)


def test_e79_dari_hasil_tersimpan_sama_dengan_hitungan_baru() -> None:
    """Form E.79 as printed (its JSON: every row, text and total) is the same read from the stored results
    as computed with none stored: the fast reader (capaian.hasil.baca) changes no printed number or text."""
    from capaian.laporan.e79 import bangun_e79
    from capaian.laporan.render_json_kota import e79_json
    from capaian.laporan.sumber_kota import muat_data_kota
    from capaian.organisasi.models import Pemda

    for pemda in Pemda.objects.all():
        for tw in (1, 2):
            assert HasilPerangkatDaerah.objects.filter(pemda=pemda, tahun=TAHUN, triwulan=tw).exists()
            tersimpan = e79_json(bangun_e79(muat_data_kota(pemda, TAHUN, tw)))
            with transaction.atomic():
                HasilIndikator.objects.filter(perangkat_daerah__pemda=pemda).delete()
                HasilPerangkatDaerah.objects.filter(pemda=pemda).delete()
                dihitung = e79_json(bangun_e79(muat_data_kota(pemda, TAHUN, tw)))
                transaction.set_rollback(True)
            assert tersimpan["baris"] and tersimpan == dihitung


def test_tahun_yang_targetnya_dihapus_kehilangan_hasilnya_dan_simpan_tidak_menghapus_apa_pun() -> None:
    """A year whose annual targets are all removed has no stored results left (its Form E.81 has no rows);
    a save in a held year removes nothing, and says so by issuing no DELETE."""
    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan", rumus="").order_by("urutan")[0]
    lain = TAHUN + 3
    rencana.simpan_target_tahunan(None, ind, lain, target_k=Decimal(10), target_rp=1_000)
    services.simpan_realisasi(None, ind, lain, 1, k=Decimal(4))
    assert HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=lain).exists()

    with CaptureQueriesContext(connection) as q:
        services.simpan_realisasi(None, ind, lain, 1, k=Decimal(5))
    assert not [x["sql"] for x in q.captured_queries if x["sql"].lstrip().upper().startswith("DELETE")]

    data_induk.hapus(None, TargetTahunan.objects.get(indikator=ind, tahun=lain))
    assert not HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=lain).exists()
    assert not HasilIndikator.objects.filter(perangkat_daerah=pd, tahun=lain).exists()
    assert HasilPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=TAHUN).count() == 2
    assert simpan.periksa() == []
