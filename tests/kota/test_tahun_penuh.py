"""The whole year (issue 11, items 2, 3, 4 and 7) on the demo city: TW III and TW IV entered, worked through
and documented; a year closed when its four quarters are locked; 2025 started with column 6 derived."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.aturan.capaian import KRp
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.paket import isi_paket
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.laporan.render_json import e81_json
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import tahun_baru
from capaian.perencanaan.models import TahunRenja, TargetRenstraTahunan, TargetTahunan
from tests.conftest import TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kota_demo")]

DITUTUP = "sintetis-dindik"  # POLA[0]: all of 2024 locked, 2025 started
SETAHUN = "sintetis-dinkes"  # POLA[1]: TW III and TW IV entered, not yet submitted


def test_tahun_ditutup_dan_tahun_berikut_dimulai() -> None:
    pd = PerangkatDaerah.objects.get(slug=DITUTUP)
    assert set(tahun_baru.status_tahun(pd, TAHUN).values()) == {Status.TERKUNCI}
    assert tahun_baru.tahun_ditutup(pd, TAHUN)
    assert not tahun_baru.tahun_ditutup(PerangkatDaerah.objects.get(slug=SETAHUN), TAHUN)
    assert TahunRenja.objects.filter(perangkat_daerah=pd, tahun=TAHUN + 1).exists()
    assert tahun_baru.tahun_tersimpan(pd) == [TAHUN, TAHUN + 1]


def test_kolom_6_2025_sama_dengan_kolom_14_2024_setiap_baris() -> None:
    pd = PerangkatDaerah.objects.get(slug=DITUTUP)
    j2024 = e81_json(bangun_e81(muat_data(pd, TAHUN, 4)))
    j2025 = e81_json(bangun_e81(muat_data(pd, TAHUN + 1, 1)))
    assert len(j2024["baris"]) == len(j2025["baris"]) > 10
    for lalu, kini in zip(j2024["baris"], j2025["baris"], strict=True):
        assert kini["kolom_6_sumber"] == "turunan"
        assert kini["kolom"]["6"] == lalu["kolom"]["14"], kini["indikator"]
    assert sum(b["kolom"]["6"]["rp"] is not None for b in j2025["baris"]) > 5


def test_target_2025_dari_target_renstra_tahunan() -> None:
    pd = PerangkatDaerah.objects.get(slug=DITUTUP)
    renstra = {
        t.indikator_id: t
        for t in TargetRenstraTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1)
    }
    assert renstra
    for t in TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1):
        r = renstra.get(t.indikator_id)
        assert (t.target_k, t.target_rp) == ((r.k, r.rp) if r else (None, None))
    assert not Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1).exists()


def test_triwulan_iv_adalah_evaluasi_tahunan() -> None:
    """Column 12 at TW IV is the whole year: Rp the sum of the four quarters, K by each row's rule."""
    pd = PerangkatDaerah.objects.get(slug=DITUTUP)
    lap = bangun_e81(muat_data(pd, TAHUN, 4))
    dicek = 0
    for b in lap.baris:
        rp = [tw.rp for tw in b.masukan.realisasi_tw]
        if all(r is not None for r in rp):
            assert b.hasil.realisasi.rp == sum(r for r in rp if r is not None)
            dicek += 1
    assert dicek > 5
    # Every document of TW IV renders.
    berkas = isi_paket(muat_data(pd, TAHUN, 4))
    assert len(berkas) >= 5 and all(len(isi) > 500 for isi in berkas.values())


def test_triwulan_iii_diajukan_dan_diverifikasi() -> None:
    pd = PerangkatDaerah.objects.get(slug=SETAHUN)
    assert Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN, triwulan=3).exists()
    operator = User.objects.get(username="operator-dinkes")
    klien = Client()
    klien.force_login(operator)
    assert klien.get(f"/pd/{SETAHUN}/{TAHUN}/3/").status_code == 200
    assert klien.get(f"/pd/{SETAHUN}/{TAHUN}/4/").status_code == 200
    jalankan_langkah("ajukan", operator, pd, TAHUN, 3)
    jalankan_langkah("setujui", User.objects.get(username="kepala-dinkes"), pd, TAHUN, 3)
    jalankan_langkah("verifikasi", User.objects.get(username="verifikator"), pd, TAHUN, 3)
    status = StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=3)
    assert status.status == Status.DIVERIFIKASI


def test_peringatan_dini_di_papan_dan_dasbor() -> None:
    from capaian.kota.ringkasan import ringkasan

    pd = PerangkatDaerah.objects.get(slug=SETAHUN)
    lap = bangun_e81(muat_data(pd, TAHUN, 2))
    r = ringkasan([pd], TAHUN, 2)[pd.pk]
    status = [b.peringatan.status for b in lap.baris if b.peringatan]
    assert r.dini_tertinggal == sum(1 for s in status if s is not None and s.value == "tertinggal")
    assert r.dini_perhatian == sum(1 for s in status if s is not None and s.value == "perlu perhatian")
    klien = Client()
    klien.force_login(User.objects.get(username="pimpinan"))
    html = klien.get(f"/dasbor/{TAHUN}/2/").content.decode()
    assert 'id="kartu-dini"' in html
    assert "Peringatan dini" in klien.get(f"/pd/{SETAHUN}/{TAHUN}/2/dasbor/").content.decode()
    klien.force_login(User.objects.get(username="verifikator"))
    papan = klien.get(f"/triwulan/{TAHUN}/2/").content.decode()
    assert f'data-dini="{r.dini_tertinggal}/{r.dini_perhatian}"' in papan


def test_demo_perubahan_berlaku_tw_iii() -> None:
    """Two synthetic agencies have a Perubahan effective TW III; TW II reports murni, TW III and IV say so."""
    from capaian.perencanaan.models import DasarPerubahan

    assert set(DasarPerubahan.objects.values_list("perangkat_daerah__slug", flat=True)) == {DITUTUP, SETAHUN}
    for slug in (DITUTUP, SETAHUN):
        pd = PerangkatDaerah.objects.get(slug=slug)
        tw2 = e81_json(bangun_e81(muat_data(pd, TAHUN, 2)))
        tw3 = e81_json(bangun_e81(muat_data(pd, TAHUN, 3)))
        assert tw2["versi_target"] == "murni" and tw3["versi_target"] == "perubahan"
        assert tw3["jumlah"]["7"]["rp"] > tw2["jumlah"]["7"]["rp"]


def test_form_e80_sama_dengan_e81_tiap_tahun(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from io import StringIO

    from django.core.management import CommandError, call_command

    from capaian.laporan.sumber_e80 import muat_e80

    pd = PerangkatDaerah.objects.get(slug=DITUTUP)
    lap = muat_e80(pd, TAHUN)
    assert lap.periode == (2021, 2022, 2023, 2024, 2025, 2026) and lap.tahun_awal_data == TAHUN
    e81 = bangun_e81(muat_data(pd, TAHUN, 4))
    assert e81.data.versi_target == "perubahan"
    renstra = {
        (t.indikator_id, t.tahun): t
        for t in TargetRenstraTahunan.objects.filter(indikator__perangkat_daerah=pd)
    }
    from capaian.perencanaan.models import Indikator

    for ind, b80, b81 in zip(
        Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"), lap.baris, e81.baris, strict=True
    ):
        assert b80.capaian_awal == b81.masukan.realisasi_lalu and b80.target_akhir == b81.masukan.renstra
        t2023, t2024, t2025 = b80.tahun[2], b80.tahun[3], b80.tahun[4]
        # A year not held: the Renstra's target for it, no realisation.
        r23 = renstra.get((ind.pk, 2023))
        assert t2023.dari_renstra and t2023.target.k == (r23.k if r23 else None) and t2023.realisasi == KRp()
        assert (t2024.target, t2024.realisasi, t2024.rasio) == (
            b81.masukan.target,
            b81.hasil.realisasi,
            b81.hasil.capaian,
        )
        r = renstra.get((ind.pk, 2026))
        r25 = renstra.get((ind.pk, 2025))
        assert t2025.dari_renstra and t2025.target.k == (r25.k if r25 else None)  # after N: the Renstra's
        assert b80.tahun[5].dari_renstra and b80.tahun[5].target.k == (r.k if r else None)
    # Year 2025 (started, nothing entered): its own Renja target, no realisation; 2024 still there.
    lap25 = muat_e80(pd, TAHUN + 1)
    assert all(b.tahun[4].realisasi == KRp() and not b.tahun[4].dari_renstra for b in lap25.baris)
    assert [b.tahun[3] for b in lap25.baris] == [b.tahun[3] for b in lap.baris]
    call_command(
        "laporan",
        pd=DITUTUP,
        tahun=TAHUN,
        jenis="e80",
        format="json,xlsx,pdf",
        keluar=str(tmp_path),
        stdout=StringIO(),
    )
    j = json.loads((tmp_path / "e80.json").read_text())
    assert j["periode"][0] == 2021 and len(j["baris"]) == len(lap.baris)
    assert (tmp_path / "e80.xlsx").stat().st_size > 1000 and (tmp_path / "e80.pdf").stat().st_size > 1000
    # Printed readable: nothing below 6.5 pt, K above Rp in one column, in two bands (targets; realisations
    # and ratios) of about 15 rows a page each, not 46 columns wrapped letter by letter over 54 pages.
    from tests.laporan.conftest import pdf_teks, ukuran_huruf_pdf

    pdf = (tmp_path / "e80.pdf").read_bytes()
    assert min(ukuran_huruf_pdf(pdf)) >= 6.5
    teks = pdf_teks(pdf, tmp_path)
    assert "Bagian 1 dari 2" in teks and "Bagian 2 dari 2" in teks and "(K / Rp)" in teks
    halaman = teks.count("\f") or 1
    assert halaman <= 2 * (len(lap.baris) // 10 + 2), halaman
    with pytest.raises(CommandError, match="tidak ada"):
        call_command(
            "laporan",
            pd=DITUTUP,
            tahun=2030,
            jenis="e80",
            format="json",
            keluar=str(tmp_path),
            stdout=StringIO(),
        )
