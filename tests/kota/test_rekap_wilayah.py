"""The province's and the nation's recap from the stored results agree with the city's Form E.79."""

import pytest

from capaian.hasil.rekap_wilayah import rekap_wilayah
from capaian.laporan.e79 import bangun_e79
from capaian.laporan.sumber_kota import muat_data_kota
from capaian.organisasi.models import Pemda
from tests.conftest import TAHUN
from tests.kota.conftest import TERMASUK

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kota_demo")]


def test_rekap_provinsi_dan_nasional_sama_dengan_e79_kota() -> None:
    pemda = Pemda.objects.get(slug="kota-pasuruan")
    e79 = bangun_e79(muat_data_kota(pemda, TAHUN, 2))
    for rekap in (rekap_wilayah(TAHUN, 2, provinsi=pemda.provinsi), rekap_wilayah(TAHUN, 2)):
        (baris,) = rekap.baris
        assert baris.termasuk == len(TERMASUK) == len(e79.termasuk)
        assert baris.perangkat_daerah == len(e79.data.anggota)
        assert (baris.capaian_k, baris.capaian_rp) == (e79.rekap.rata_capaian.k, e79.rekap.rata_capaian.rp)
        assert (baris.target_rp, baris.realisasi_rp) == (
            e79.rekap.jumlah_target_rp,
            e79.rekap.jumlah_realisasi_rp,
        )
        assert rekap.total.capaian_k == baris.capaian_k and baris.capaian_k is not None
    assert rekap_wilayah(TAHUN, 2, provinsi="Tidak Ada").total.termasuk == 0
