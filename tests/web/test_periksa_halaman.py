"""The checks page per persona: each finding linked to its row of the entry screen, one explanation per
galat written by the operator and accepted or rejected by the verifier one by one, the entry screen's
summary."""

import re

import pytest

from capaian.aturan.periksa_data import kunci_galat
from capaian.audit.models import AuditEvent
from capaian.laporan.pemeriksaan import periksa_triwulan
from capaian.monev.models import KeadaanPenjelasan, PenjelasanGalat
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import ADMIN, KEPALA, OPERATOR, OPERATOR_CONTOH, PD, PERSONA, PIMPINAN, TAHUN, VERIFIKATOR

pytestmark = pytest.mark.django_db
ISIAN = f"/pd/{PD}/{TAHUN}/2/"
HALAMAN = ISIAN + "periksa/"


def _hapus_penjelasan():
    PenjelasanGalat.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN).delete()


def _kunci():
    return kunci_galat(periksa_triwulan(PerangkatDaerah.objects.get(slug=PD), TAHUN, 2))


@pytest.mark.parametrize("persona", PERSONA)
def test_halaman_per_persona(klien_sebagai, persona):
    _hapus_penjelasan()
    r = klien_sebagai(persona).get(HALAMAN)
    if persona is None:
        assert r.status_code == 302
        return
    if persona == OPERATOR_CONTOH:
        assert r.status_code == 404
        return
    assert r.status_code == 200
    isi = r.content.decode()
    assert "4 galat" in isi and "3.30.02.2.06" in isi
    # Each kind in words (its identifier only as the cell's title), the Renstra budget warnings included.
    assert ">Target triwulan melebihi target tahunan<" in isi and "<code>tw-melebihi-target" not in isi
    assert isi.count(">Realisasi melebihi pagu<") == 13 and isi.count(">Kode sub kegiatan bentuk lama<") == 2
    # A warning has no explanation: its cell is empty, and its phone card shows no empty "Penjelasan".
    assert isi.count('<td class="penjelasan-galat"></td>') == isi.count('<tr class="temuan-peringatan"') > 0
    # One explanation form per galat, for the operator only.
    assert isi.count('class="kirim-penjelasan"') == (4 if persona == OPERATOR else 0)
    assert "terima-penjelasan" not in isi  # nothing to decide yet
    assert persona in (ADMIN, VERIFIKATOR, OPERATOR, KEPALA, PIMPINAN)


def test_letak_galat_menaut_ke_barisnya_di_layar_isian(klien_sebagai):
    isi = klien_sebagai(VERIFIKATOR).get(HALAMAN).content.decode()
    tautan = re.findall(
        r'<tr class="temuan-galat"[^>]*>.*?<a href="' + re.escape(ISIAN) + r'#baris-(\d+)"[^>]*>([^<]+)</a>',
        isi,
        re.S,
    )
    assert len(tautan) == 4
    layar = klien_sebagai(VERIFIKATOR).get(ISIAN).content.decode()
    for id_, letak in tautan:
        # The anchor is the row the finding names ("baris 35 (3.30.02.2.06.0002), ...").
        assert f'id="baris-{id_}"' in layar
        assert f"({Indikator.objects.get(pk=id_).kode})" in letak


def test_penjelasan_per_galat_lewat_halaman(klien_sebagai):
    _hapus_penjelasan()
    op, vf = klien_sebagai(OPERATOR), klien_sebagai(VERIFIKATOR)
    k1, k2, k3, k4 = _kunci()
    assert vf.post(HALAMAN + "penjelasan/", {"kunci": k1, "penjelasan": "x"}).status_code == 403
    r = op.post(HALAMAN + "penjelasan/", {"kunci": k1, "penjelasan": "   "}, follow=True)
    assert "Penjelasan wajib diisi." in r.content.decode()
    for k in (k1, k2):
        assert (
            op.post(HALAMAN + "penjelasan/", {"kunci": k, "penjelasan": f"Sesuai DPA {k[-6:]}."}).status_code
            == 302
        )
    isi = vf.get(HALAMAN).content.decode()
    assert isi.count('class="utama terima-penjelasan"') == 2 and "2 penjelasan menunggu keputusan" in isi
    assert op.post(HALAMAN + "putuskan/", {"kunci": k1, "keputusan": "terima"}).status_code == 403
    assert vf.post(HALAMAN + "putuskan/", {"kunci": k1, "keputusan": "terima"}).status_code == 302
    r = vf.post(HALAMAN + "putuskan/", {"kunci": k2, "keputusan": "tolak", "alasan": ""}, follow=True)
    assert "Alasan penolakan wajib diisi." in r.content.decode()
    vf.post(HALAMAN + "putuskan/", {"kunci": k2, "keputusan": "tolak", "alasan": "Lampirkan DPA-P."})
    keadaan = dict(PenjelasanGalat.objects.filter(perangkat_daerah__slug=PD).values_list("kunci", "keadaan"))
    assert keadaan == {k1: KeadaanPenjelasan.DITERIMA, k2: KeadaanPenjelasan.DITOLAK}
    isi = op.get(HALAMAN).content.decode()
    assert "Lampirkan DPA-P." in isi and "1 penjelasan ditolak verifikator" in isi
    assert "3 galat belum dijelaskan dan diterima" in isi
    assert klien_sebagai(OPERATOR_CONTOH).post(HALAMAN + "putuskan/", {"kunci": k3}).status_code == 404
    assert AuditEvent.objects.filter(objek="penjelasan_galat", pintu="web").count() == 4
    assert k4 not in keadaan


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_menjelaskan_dan_memutuskan(klien_sebagai, persona):
    """Every persona on the two new doors: only the operator explains, only the verifier decides."""
    _hapus_penjelasan()
    k = _kunci()[0]
    klien = klien_sebagai(persona)
    r = klien.post(HALAMAN + "penjelasan/", {"kunci": k, "penjelasan": "Sesuai DPA."})
    harapan = {None: 302, OPERATOR_CONTOH: 404, OPERATOR: 302}.get(persona, 403)
    assert r.status_code == harapan
    if persona is None:
        assert "/masuk/" in r["Location"]
    assert PenjelasanGalat.objects.filter(kunci=k).exists() == (persona == OPERATOR)
    klien_sebagai(OPERATOR).post(HALAMAN + "penjelasan/", {"kunci": k, "penjelasan": "Sesuai DPA."})
    r = klien.post(HALAMAN + "putuskan/", {"kunci": k, "keputusan": "terima"})
    harapan = {None: 302, OPERATOR_CONTOH: 404, VERIFIKATOR: 302}.get(persona, 403)
    assert r.status_code == harapan
    diterima = PenjelasanGalat.objects.get(kunci=k).keadaan == KeadaanPenjelasan.DITERIMA
    assert diterima == (persona == VERIFIKATOR)


def test_ringkasan_di_layar_isian(klien_sebagai):
    _hapus_penjelasan()
    op = klien_sebagai(OPERATOR)
    isi = op.get(ISIAN).content.decode()
    assert 'id="ringkasan-periksa"' in isi and "4 galat belum dijelaskan" in isi and HALAMAN in isi
    r = op.post(ISIAN + "langkah/ajukan/", follow=True)
    assert "Triwulan belum dapat diajukan" in r.content.decode()
