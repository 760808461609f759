"""The checks page per persona, the explanation form, the accept button and the entry screen summary."""

import pytest

from capaian.monev.models import StatusTriwulan
from tests.conftest import ADMIN, KEPALA, OPERATOR, OPERATOR_CONTOH, PD, PERSONA, PIMPINAN, TAHUN, VERIFIKATOR

pytestmark = pytest.mark.django_db
HALAMAN = f"/pd/{PD}/{TAHUN}/2/periksa/"


def _hapus_penjelasan():
    StatusTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN).update(
        penjelasan_galat="",
        penjelasan_diterima_oleh=None,
        penjelasan_diterima_pada=None,
        penjelasan_galat_diterima=[],
        penjelasan_sidik="",
    )


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
    assert "4 galat" in isi and "tw-melebihi-target" in isi and "3.30.02.2.06" in isi
    assert ("kirim-penjelasan" in isi) == (persona == OPERATOR)
    assert "terima-penjelasan" not in isi  # nothing to accept yet
    assert persona in (ADMIN, VERIFIKATOR, OPERATOR, KEPALA, PIMPINAN)


def test_penjelasan_lewat_halaman(klien_sebagai):
    _hapus_penjelasan()
    op, vf = klien_sebagai(OPERATOR), klien_sebagai(VERIFIKATOR)
    assert vf.post(HALAMAN + "penjelasan/", {"penjelasan": "x"}).status_code == 403
    assert op.post(HALAMAN + "penjelasan/", {"penjelasan": "Sesuai DPA."}).status_code == 302
    isi = vf.get(HALAMAN).content.decode()
    assert "Sesuai DPA." in isi and "terima-penjelasan" in isi
    assert op.post(HALAMAN + "terima/").status_code == 403
    assert vf.post(HALAMAN + "terima/").status_code == 302
    isi = op.get(HALAMAN).content.decode()
    assert 'id="penjelasan-diterima"' in isi and "Penjelasan galat telah diterima" in isi
    assert klien_sebagai(OPERATOR_CONTOH).post(HALAMAN + "terima/").status_code == 404


def test_ringkasan_di_layar_isian(klien_sebagai):
    _hapus_penjelasan()
    op = klien_sebagai(OPERATOR)
    isi = op.get(f"/pd/{PD}/{TAHUN}/2/").content.decode()
    assert 'id="ringkasan-periksa"' in isi and "4 galat belum dijelaskan" in isi and HALAMAN in isi
    r = op.post(f"/pd/{PD}/{TAHUN}/2/langkah/ajukan/", follow=True)
    assert "Triwulan belum dapat diajukan" in r.content.decode()
