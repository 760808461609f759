"""The demo's "belum ada data" marks: rows with a target for the quarter and no value are marked with a
reason, through the realisation service (audited), so that the quarter can be submitted as it stands."""

from capaian.aturan.periksa_data import indeks_belum_diisi
from capaian.laporan.sumber import muat_data
from capaian.monev import services
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator


def tandai_belum_ada_data(pd: PerangkatDaerah, tahun: int, triwulan: int, alasan: str) -> int:
    """Mark every row of the quarter that would block its submission; returns how many were marked."""
    indikator = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
    indeks = indeks_belum_diisi(muat_data(pd, tahun, triwulan).baris, triwulan)
    for i in indeks:
        services.simpan_realisasi(None, indikator[i], tahun, triwulan, belum_ada_data=alasan)
    return len(indeks)
