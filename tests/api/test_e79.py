"""GET /api/pemda/<slug>/<tahun>/<tw>/e79: the city's Form E.79 over the API is the same JSON as the CLI's
(capaian.laporan.render_json_kota), checked against the OpenAPI schema, for the roles that see every agency
of the pemda; everyone else gets the 404 a missing pemda gets."""

import pytest

from capaian.laporan.render_json_kota import e79_json_pemda
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.models import Pemda, PerangkatDaerah
from tests.conftest import PD, PERSONA, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

URL = f"/api/pemda/kota-pasuruan/{TAHUN}/2/e79"
BOLEH = {"admin", "verifikator", "pimpinan"}


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_e79(api_sebagai, persona):
    r = api_sebagai(persona).get(URL)
    if persona is None:
        assert r.status_code == 401
    elif persona in BOLEH:
        assert r.status_code == 200
    else:
        assert r.status_code == 404 and "galat" in r.json()


def test_e79_api_sama_dengan_cli_dan_hanya_pd_terverifikasi(api_sebagai):
    # Test data: the quarter's status set directly (the workflow has its own tests).
    pd = PerangkatDaerah.objects.get(slug=PD)
    status, _ = StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=TAHUN, triwulan=2)
    status.status = Status.DIVERIFIKASI
    status.save()
    isi = api_sebagai("verifikator").get(URL).json()
    assert isi == e79_json_pemda(Pemda.objects.get(slug="kota-pasuruan"), TAHUN, 2)
    termasuk = {p["slug"]: p["termasuk"] for p in isi["perangkat_daerah"]}
    assert termasuk[PD] is True and termasuk["dinas-contoh"] is False
    program = {b["pd"] for b in isi["baris"] if b["tingkat"] == "program"}
    assert program == {PD}  # an agency not verified is listed, never mixed into the numbers


def test_pemda_lain_404(api_sebagai):
    assert api_sebagai("verifikator").get(f"/api/pemda/tidak-ada/{TAHUN}/2/e79").status_code == 404
