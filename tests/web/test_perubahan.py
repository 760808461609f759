"""The Renja Perubahan (issue 11, item 1): murni stays for the quarters before the effective quarter, the
perubahan counts from it, the documents say which version they use; entered on its own screen."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.aturan.versi_target import VersiTarget
from capaian.audit.models import AuditEvent
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_json import e81_json
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import perubahan
from capaian.perencanaan.models import DasarPerubahan, Indikator, PerubahanTarget, TargetTahunan
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo")

DASAR = "Peraturan Daerah Kota Pasuruan tentang Perubahan APBD Tahun Anggaran 2024"


def _json(pd: PerangkatDaerah, tw: int, versi: VersiTarget | None = None) -> dict:
    return e81_json(bangun_e81(muat_data(pd, TAHUN, tw, versi)))


def _sub(pd: PerangkatDaerah) -> Indikator:
    """A sub kegiatan of Disperindag with a budget and a TW III realisation-free target."""
    t = TargetTahunan.objects.filter(
        indikator__perangkat_daerah=pd, tahun=TAHUN, indikator__tingkat="subkegiatan", target_rp__gt=0
    ).order_by("indikator__urutan")[0]
    return t.indikator


def _perubahan(pd: PerangkatDaerah, ind: Indikator, pengguna: User | None = None) -> DasarPerubahan:
    t = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN)
    return perubahan.simpan_perubahan(
        pengguna,
        pd,
        TAHUN,
        berlaku_triwulan=3,
        dasar_hukum=DASAR,
        nomor="7",
        tanggal=datetime.date(2024, 9, 30),
        nilai={(ind.pk, "tahunan"): (None, t.target_rp // 2), (ind.pk, "3"): (None, 1_000_000)},
    )


def _baris(j: dict, ind: Indikator) -> dict:
    return next(b for b in j["baris"] if b["kode"] == ind.kode and b["indikator"] == ind.uraian)


def test_tw_ii_tetap_sama_tw_iii_memakai_perubahan() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = _sub(pd)
    tw2_sebelum, tw1_sebelum = _json(pd, 2), _json(pd, 1)
    tw3_murni = _json(pd, 3)
    assert tw3_murni["versi_target"] == "murni" and tw2_sebelum["versi_target"] == "murni"
    _perubahan(pd, ind)
    assert _json(pd, 2) == tw2_sebelum  # byte for byte the same document
    assert _json(pd, 1) == tw1_sebelum
    tw3 = _json(pd, 3)
    assert tw3["versi_target"] == "perubahan"
    assert DASAR in tw3["dasar_perubahan"] and "Triwulan 3" in tw3["dasar_perubahan"]
    t = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN)
    b3, m3 = _baris(tw3, ind), _baris(tw3_murni, ind)
    assert b3["kolom"]["7"]["rp"] == t.target_rp // 2 and m3["kolom"]["7"]["rp"] == t.target_rp
    assert b3["kolom"]["10"]["target"]["rp"] == 1_000_000
    # TW I and II targets stay murni inside the TW III report too.
    assert b3["kolom"]["8"]["target"] == m3["kolom"]["8"]["target"]
    assert b3["kolom"]["9"]["target"] == m3["kolom"]["9"]["target"]
    # The parents follow (derived Rupiah) and the totals change with them.
    assert tw3["jumlah"]["7"]["rp"] == tw3_murni["jumlah"]["7"]["rp"] - (t.target_rp - t.target_rp // 2)
    # Murni is still there for the Form E.81 Perubahan.
    assert _json(pd, 3, VersiTarget.MURNI) == tw3_murni
    # The murni rows were not rewritten.
    assert TargetTahunan.objects.get(indikator=ind, tahun=TAHUN).target_rp == t.target_rp
    assert AuditEvent.objects.filter(objek="perubahan_target", perangkat_daerah=pd).count() == 2
    assert AuditEvent.objects.filter(objek="dasar_perubahan", aksi="buat").count() == 1


def test_perubahan_ditolak_dengan_pesan() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = _sub(pd)
    umum = {"berlaku_triwulan": 3, "dasar_hukum": DASAR}
    with pytest.raises(perubahan.PerubahanTidakSah, match="Triwulan 2 tidak dapat diubah"):
        perubahan.simpan_perubahan(None, pd, TAHUN, nilai={(ind.pk, "2"): (None, 5)}, **umum)
    with pytest.raises(perubahan.PerubahanTidakSah, match="Dasar hukum"):
        perubahan.simpan_perubahan(None, pd, TAHUN, berlaku_triwulan=3, dasar_hukum=" ", nilai={})
    lain = Indikator.objects.exclude(perangkat_daerah=pd).first()
    assert lain is not None
    with pytest.raises(perubahan.PerubahanTidakSah, match="bukan milik"):
        perubahan.simpan_perubahan(None, pd, TAHUN, nilai={(lain.pk, "tahunan"): (None, 5)}, **umum)
    with pytest.raises(AksesDitolak):
        perubahan.simpan_perubahan(User.objects.get(username="operator-contoh"), pd, TAHUN, nilai={}, **umum)
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=TAHUN, triwulan=3, defaults={"status": Status.TERKUNCI}
    )
    with pytest.raises(perubahan.PerubahanTidakSah, match="Terkunci"):
        perubahan.simpan_perubahan(None, pd, TAHUN, nilai={(ind.pk, "3"): (None, 5)}, **umum)
    assert not DasarPerubahan.objects.exists() and not PerubahanTarget.objects.exists()


def test_layar_perubahan(klien_operator: Client, klien_pimpinan: Client) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = _sub(pd)
    url = f"/pd/{PD}/{TAHUN}/perubahan/"
    halaman = klien_operator.get(url)
    assert (
        halaman.status_code == 200 and "Murni (K / Rp)" in halaman.text and "simpan-perubahan" in halaman.text
    )
    isian = {"dasar_hukum": DASAR, "nomor": "7", "tanggal": "2024-09-30", "berlaku_triwulan": "3"}
    # One invalid cell: nothing saved, the cell marked.
    r = klien_operator.post(url, {**isian, f"{ind.pk}-tahunan-rp": "1.000", f"{ind.pk}-3-rp": "abc"})
    assert r.status_code == 200 and "tidak ada yang disimpan" in r.text
    assert not DasarPerubahan.objects.exists()
    r = klien_operator.post(url, {**isian, f"{ind.pk}-tahunan-rp": "1.000.000"}, follow=True)
    assert "berlaku mulai Triwulan 3" in r.text
    assert PerubahanTarget.objects.get(indikator=ind, bagian="tahunan").rp == 1_000_000
    assert AuditEvent.objects.filter(objek="perubahan_target", nama_pengguna="operator-disperindag").exists()
    # The difference is shown; the head of the city reads but cannot save.
    baca = klien_pimpinan.get(url)
    assert baca.status_code == 200 and "simpan-perubahan" not in baca.text
    assert klien_pimpinan.post(url, {**isian}).status_code == 403
    assert Decimal(PerubahanTarget.objects.get(indikator=ind, bagian="tahunan").rp) == Decimal(1_000_000)


def test_layar_perubahan_baca_saja_bila_tw_iv_tertutup(klien_operator: Client) -> None:
    # With Triwulan IV submitted, verified or locked, no start (II, III or IV) can be saved: the screen says
    # why and offers no inputs, rather than taking the operator's typing and refusing it on save.
    pd = PerangkatDaerah.objects.get(slug=PD)
    url = f"/pd/{PD}/{TAHUN}/perubahan/"
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=TAHUN, triwulan=3, defaults={"status": Status.DIVERIFIKASI}
    )
    terbuka = klien_operator.get(url)
    assert "simpan-perubahan" in terbuka.text and "perubahan-tertutup" not in terbuka.text
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=TAHUN, triwulan=4, defaults={"status": Status.TERKUNCI}
    )
    halaman = klien_operator.get(url)
    assert halaman.status_code == 200 and "simpan-perubahan" not in halaman.text
    assert "Triwulan 4 2024 berstatus Terkunci" in halaman.text and "<fieldset disabled>" in halaman.text
    # A post sent anyway (an old tab) is refused by the service with the same reason, nothing saved.
    r = klien_operator.post(url, {"dasar_hukum": DASAR, "berlaku_triwulan": "4"})
    assert r.status_code == 200 and "tidak dapat disimpan" in r.text
    assert not DasarPerubahan.objects.exists()


def test_form_e81_perubahan_menampilkan_keduanya(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from io import StringIO

    from django.core.management import CommandError, call_command

    from capaian.laporan.paket import PaketError, render_data

    pd = PerangkatDaerah.objects.get(slug=PD)
    ind = _sub(pd)
    with pytest.raises(PaketError, match="memakai target murni"):
        render_data(muat_data(pd, TAHUN, 3), "e81-perubahan", "json")
    _perubahan(pd, ind)
    with pytest.raises(PaketError, match="memakai target murni"):
        render_data(muat_data(pd, TAHUN, 2), "e81-perubahan", "json")
    j = json.loads(render_data(muat_data(pd, TAHUN, 3), "e81-perubahan", "json"))
    t = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN)
    b = next(b for b in j["baris"] if b["kode"] == ind.kode and b["indikator"] == ind.uraian)
    assert b["target_tahun"] == {
        "murni": {"k": b["target_tahun"]["murni"]["k"], "rp": t.target_rp},
        "perubahan": {"k": b["target_tahun"]["murni"]["k"], "rp": t.target_rp // 2},
    }
    assert b["target_triwulan"][2]["perubahan"]["rp"] == 1_000_000
    # Capaian Rp against the halved budget is (about) twice that against murni.
    murni, baru = Decimal(b["capaian"]["murni"]["rp"]), Decimal(b["capaian"]["perubahan"]["rp"])
    assert abs(baru - 2 * murni) < Decimal("0.05")
    for f in ("xlsx", "pdf"):
        assert len(render_data(muat_data(pd, TAHUN, 4), "e81-perubahan", f)) > 1000
    with pytest.raises(CommandError, match="memakai target murni"):
        call_command(
            "laporan",
            pd=PD,
            tahun=TAHUN,
            triwulan=2,
            jenis="e81-perubahan",
            format="json",
            keluar=str(tmp_path),
            stdout=StringIO(),
        )


def test_peringatan_dini_di_json_dan_isian(klien_operator: Client) -> None:
    from capaian.organisasi.models import AmbangPeringatanDini

    pd = PerangkatDaerah.objects.get(slug=PD)
    j = _json(pd, 2)
    status = [b["peringatan_dini"]["status"] for b in j["baris"]]
    assert {"sesuai jalur", "perlu perhatian", "tertinggal"} & set(status)
    assert all(set(b["peringatan_dini"]) == {"status", "proyeksi_k", "proyeksi_rp"} for b in j["baris"])
    # The pemda's thresholds: everything with a pace is on track at 0 %.
    AmbangPeringatanDini.objects.create(pemda=pd.pemda, sesuai=Decimal(0), perhatian=Decimal(0))
    status0 = {b["peringatan_dini"]["status"] for b in _json(pd, 2)["baris"]}
    assert status0 <= {"sesuai jalur", None}
    halaman = klien_operator.get(f"/pd/{PD}/{TAHUN}/2/")
    assert "Peringatan dini" in halaman.text and "sesuai jalur" in halaman.text
