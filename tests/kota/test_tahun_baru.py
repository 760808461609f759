"""The next year (issue 11, items 3 and 4): "Mulai tahun N+1" and column 6 derived from year N."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from capaian.audit.models import AuditEvent
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_json import e81_json
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Realisasi
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import tahun_baru
from capaian.perencanaan.models import Indikator, TargetTahunan, TargetTriwulan
from tests.conftest import TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kota_demo")]

SLUG = "sintetis-dinkes"


def _json(pd: PerangkatDaerah, tahun: int, tw: int) -> dict[str, object]:
    return e81_json(bangun_e81(muat_data(pd, tahun, tw)))


def test_kolom_6_tahun_berikut_sama_dengan_kolom_14_tahun_ini() -> None:
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    tahun_baru.mulai_tahun(None, pd, TAHUN + 1)
    lalu = bangun_e81(muat_data(pd, TAHUN, 4))
    kini = bangun_e81(muat_data(pd, TAHUN + 1, 1))
    assert len(lalu.baris) == len(kini.baris) > 10
    ada_nilai = 0
    for b_lalu, b_kini in zip(lalu.baris, kini.baris, strict=True):
        assert b_kini.rencana.kolom_6_sumber == "turunan"
        assert b_kini.masukan.realisasi_lalu == b_lalu.hasil.realisasi_renstra, b_kini.rencana.indikator
        ada_nilai += b_lalu.hasil.realisasi_renstra.rp is not None
    assert ada_nilai > 5  # the comparison is not only blanks
    # The JSON says so, per row; year N's first year stays an input.
    assert {b["kolom_6_sumber"] for b in _json(pd, TAHUN + 1, 1)["baris"]} == {"turunan"}  # type: ignore[index]
    assert {b["kolom_6_sumber"] for b in _json(pd, TAHUN, 2)["baris"]} == {"masukan"}  # type: ignore[index]


def test_kolom_6_mengikuti_realisasi_tahun_lalu() -> None:
    """Derived, not copied: a TW IV realisation of year N entered after N+1 started shows in N+1's col 6."""
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    tahun_baru.mulai_tahun(None, pd, TAHUN + 1)
    ind = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan").first()
    assert ind is not None
    sebelum = {b.rencana.kunci: b for b in bangun_e81(muat_data(pd, TAHUN + 1, 1)).baris}
    tw4 = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=4).first()
    tambah = (tw4.rp if tw4 and tw4.rp else 0) + 1_000_000
    Realisasi.objects.update_or_create(indikator=ind, tahun=TAHUN, triwulan=4, defaults={"rp": tambah})
    sesudah = {b.rencana.kunci: b for b in bangun_e81(muat_data(pd, TAHUN + 1, 1)).baris}
    kunci = next(k for k, b in sesudah.items() if b.rencana.indikator == ind.uraian)
    lama = sebelum[kunci].masukan.realisasi_lalu.rp or 0
    assert sesudah[kunci].masukan.realisasi_lalu.rp == lama + 1_000_000


def test_mulai_tahun_tidak_mengubah_tahun_ini_dan_mengambil_target_renstra() -> None:
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    ind = Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan")[1]
    tahun_baru.simpan_target_renstra_tahunan(None, ind, {TAHUN + 1: (Decimal("77.5"), 123_456_789)})
    json_sebelum = [_json(pd, TAHUN, tw) for tw in (1, 2, 4)]
    baris_sebelum = (
        TargetTahunan.objects.filter(tahun=TAHUN).count(),
        TargetTriwulan.objects.filter(tahun=TAHUN).count(),
        Realisasi.objects.filter(tahun=TAHUN).count(),
    )
    tahun_baru.mulai_tahun(None, pd, TAHUN + 1)
    assert [_json(pd, TAHUN, tw) for tw in (1, 2, 4)] == json_sebelum
    assert baris_sebelum == (
        TargetTahunan.objects.filter(tahun=TAHUN).count(),
        TargetTriwulan.objects.filter(tahun=TAHUN).count(),
        Realisasi.objects.filter(tahun=TAHUN).count(),
    )
    baru = TargetTahunan.objects.get(indikator=ind, tahun=TAHUN + 1)
    assert (baru.target_k, baru.target_rp) == (Decimal("77.5"), 123_456_789)
    assert baru.realisasi_lalu_k is None and baru.realisasi_lalu_rp is None
    assert not TargetTriwulan.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1).exists()
    assert not Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1).exists()
    assert TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1).count() == (
        Indikator.objects.filter(perangkat_daerah=pd).count()
    )
    assert AuditEvent.objects.filter(aksi="mulai_tahun", perangkat_daerah=pd).count() == 1
    # Twice is refused, with a message; a year without its previous one too.
    with pytest.raises(tahun_baru.TahunTidakSah, match="sudah dimulai"):
        tahun_baru.mulai_tahun(None, pd, TAHUN + 1)
    with pytest.raises(tahun_baru.TahunTidakSah, match="belum ada"):
        tahun_baru.mulai_tahun(None, pd, TAHUN + 3)


def test_mulai_tahun_hanya_oleh_yang_berhak() -> None:
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    with pytest.raises(AksesDitolak):
        tahun_baru.mulai_tahun(User.objects.get(username="operator-disperindag"), pd, TAHUN + 1)
    assert not TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=TAHUN + 1).exists()
    tahun_baru.mulai_tahun(User.objects.get(username="operator-dinkes"), pd, TAHUN + 1)


def test_koreksi_kolom_6_dengan_alasan() -> None:
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    tahun_baru.mulai_tahun(None, pd, TAHUN + 1)
    ind = Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan")[2]
    with pytest.raises(tahun_baru.TahunTidakSah, match="Alasan"):
        tahun_baru.koreksi_kolom_6(None, ind, TAHUN + 1, Decimal("5"), None, " ")
    with pytest.raises(tahun_baru.TahunTidakSah, match="diisi langsung"):
        tahun_baru.koreksi_kolom_6(None, ind, TAHUN, Decimal("5"), None, "salah tahun")
    turunan = bangun_e81(muat_data(pd, TAHUN, 4)).baris[2].hasil.realisasi_renstra
    tahun_baru.koreksi_kolom_6(None, ind, TAHUN + 1, Decimal("5"), None, "Hasil audit BPK")
    b = bangun_e81(muat_data(pd, TAHUN + 1, 1)).baris[2]
    assert b.rencana.kolom_6_sumber == "koreksi"
    assert b.masukan.realisasi_lalu.k == Decimal("5.00")
    assert b.masukan.realisasi_lalu.rp == turunan.rp  # the part not corrected stays derived
    assert AuditEvent.objects.filter(objek="koreksi_kolom_6", alasan="Hasil audit BPK").exists()
    tahun_baru.koreksi_kolom_6(None, ind, TAHUN + 1, None, None, "Koreksi dibatalkan")
    assert bangun_e81(muat_data(pd, TAHUN + 1, 1)).baris[2].rencana.kolom_6_sumber == "turunan"
