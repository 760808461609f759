"""Issue 12 item 3 on the entry screen: the quarter's texts per bidang and per program beside the agency's,
saved with the rows in one transaction (all or nothing), audited through the web door."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.monev import services
from capaian.monev.models import CatatanCakupan
from capaian.perencanaan.models import Indikator
from tests.bantu_isian import form_isian
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")
Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"
DAK = "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II."


def _tersimpan(**saring: object) -> CatatanCakupan:
    return CatatanCakupan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2, **saring)


def test_layar_menampilkan_teks_per_bidang_dan_program(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    data = form_isian(k, ISIAN)
    assert data["bidang-3.31-kendala"] == DAK
    assert data["program-3.31.02-faktor_penghambat"].startswith(DAK)
    assert data["kendala"] == "" and "solusi" in data
    isi = k.get(ISIAN).content.decode()
    # Bidang in the Narasi's order, then the programs.
    letak = [
        isi.index(t) for t in ("3.31 Urusan Pemerintahan Bidang Perindustrian", "3.30 Urusan", "3.30.01 ")
    ]
    assert letak == sorted(letak)


def test_simpan_teks_cakupan(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    data = form_isian(k, ISIAN)
    data["bidang-3.30-solusi"] = "Sosialisasi ulang."
    data["program-3.30.05-faktor_penghambat"] = "Pameran bergeser ke Triwulan III."
    r = k.post(ISIAN, data)
    assert r.status_code == 302, r.content.decode()[:500]
    assert _tersimpan(kode_bidang="3.30").solusi == "Sosialisasi ulang."
    assert _tersimpan(program__kode="3.30.05").faktor_penghambat == "Pameran bergeser ke Triwulan III."
    # Untouched scopes keep their texts.
    assert _tersimpan(kode_bidang="3.31").kendala == DAK
    jejak = AuditEvent.objects.filter(
        objek="catatan_cakupan", pintu="web", nama_pengguna="operator-disperindag"
    )
    assert set(jejak.values_list("kolom", flat=True)) == {
        "bidang 3.30: solusi",
        "program 3.30.05: faktor_penghambat",
    }


def test_teks_cakupan_tidak_tersimpan_bila_baris_konflik(
    klien_sebagai: Klien, pengguna_operator: object
) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = (
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="")
        .order_by("urutan")
        .first()
    )
    assert ind is not None
    data = form_isian(k, ISIAN)
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, k=Decimal(77))  # type: ignore[arg-type]
    data[f"k-{ind.pk}"] = "11"
    data["bidang-3.31-kendala"] = "Teks yang ikut tidak tersimpan"
    r = k.post(ISIAN, data)
    assert r.status_code == 409
    assert "Teks yang ikut tidak tersimpan" in r.content.decode()
    assert _tersimpan(kode_bidang="3.31").kendala == DAK


def test_verifikator_hanya_membaca(klien_sebagai: Klien) -> None:
    k = klien_sebagai("verifikator")
    isi = k.get(ISIAN).content.decode()
    assert 'name="bidang-3.31-kendala" rows="2" readonly' in isi
    r = k.post(ISIAN, {"bidang-3.31-kendala": "x"})
    assert r.status_code == 403
    assert _tersimpan(kode_bidang="3.31").kendala == DAK
