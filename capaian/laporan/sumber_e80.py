"""Reads what Form E.80 needs from the database: the agency's Renstra period covering year N, the Form
E.81 at TW IV of every year of it that Capaian holds up to N, and the Renstra's yearly targets."""

from capaian.aturan.capaian import KRp
from capaian.laporan.e80 import LaporanE80, bangun_e80
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, PeriodeRenstra, TargetRenstraTahunan, TargetTahunan


class TanpaData(ValueError):
    """Year N is not held for the agency; the message is for the user."""


def muat_e80(pd: PerangkatDaerah, tahun: int) -> LaporanE80:
    ada = set(TargetTahunan.objects.filter(indikator__perangkat_daerah=pd).values_list("tahun", flat=True))
    if tahun not in ada:
        raise TanpaData(f"Tahun {tahun} tidak ada untuk {pd.nama}.")
    renstra = (
        PeriodeRenstra.objects.filter(perangkat_daerah=pd, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )
    periode = list(range(renstra.tahun_awal, renstra.tahun_akhir + 1)) if renstra else [tahun]
    e81: dict[int, LaporanE81] = {
        y: bangun_e81(muat_data(pd, y, 4)) for y in periode if y in ada and y <= tahun
    }
    indikator = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
    per: dict[int, dict[int, KRp]] = {i.pk: {} for i in indikator}
    for t in TargetRenstraTahunan.objects.filter(indikator__in=indikator):
        per[t.indikator_id][t.tahun] = KRp(k=t.k, rp=t.rp)
    return bangun_e80(tahun, periode, e81, [per[i.pk] for i in indikator])
