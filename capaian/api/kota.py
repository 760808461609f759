"""The pemda's quarter as a whole: Form E.79 ("Evaluasi terhadap Hasil RKPD"), built only from the agencies
whose quarter is verified or locked (capaian.laporan.render_json_kota, the same JSON as `capaian laporan
--pemda ... --jenis e79 --format json`). For the roles that see every agency of the pemda."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import ConfigDict

from capaian.api import skema
from capaian.api.dasar import Galat, pengguna
from capaian.laporan.render_json_kota import e79_json_pemda
from capaian.organisasi import akses
from capaian.organisasi.models import Pemda

router = Router(tags=["pemda"])

KOLOM_E79 = tuple(str(n) for n in range(6, 17))


class _Ketat(Schema):
    model_config = ConfigDict(extra="forbid")


class KRp(_Ketat):
    """K as a decimal string rounded to 2 places (or a percentage), Rp a whole amount or a percentage
    string; null where there is no value (blank is not zero)."""

    k: str | None
    rp: int | str | None


class Rp(_Ketat):
    rp: int | None


class Predikat(_Ketat):
    k: str | None
    rp: str | None


class PdE79(_Ketat):
    slug: str
    nama: str
    status: str
    termasuk: bool  # whether the agency's numbers are in (its quarter is verified or locked)


class BarisE79(_Ketat):
    no: int | None
    kode: str | None
    tingkat: str  # sasaran, urusan, bidang, program, kegiatan
    uraian: str
    indikator: str | None
    satuan: str | None
    pd: str | None  # the responsible agency's slug
    kolom: dict[str, KRp]
    predikat: Predikat


class E79(_Ketat):
    pemda: str
    tahun: int
    triwulan: int
    rpjmd: str | None
    perangkat_daerah: list[PdE79]
    baris: list[BarisE79]
    jumlah: dict[str, Rp]
    rata_rata: dict[str, KRp]
    predikat: dict[str, Predikat]
    metode: str
    set_predikat: str
    program_tanpa_sasaran: int
    sintetis: bool


@router.get(
    "/pemda/{slug}/{int:tahun}/{int:triwulan}/e79",
    response={200: E79, 400: skema.Galat, 401: skema.Galat, 404: skema.Galat},
    summary="Form E.79 pemda",
    description=(
        "Evaluasi terhadap Hasil RKPD per triwulan: baris Sasaran RPJMD > urusan > bidang > program, setiap "
        "angka program sama dengan Form E.81 perangkat daerahnya. Hanya perangkat daerah yang triwulannya "
        "sudah diverifikasi atau dikunci yang dihitung (`termasuk`). Kolom 13 realisasi tahun ini, "
        "14 = 13 / 8 × 100, 15 = 7 + 13, 16 = 15 / 6 × 100. Untuk admin, verifikator dan pimpinan pemda."
    ),
)
def e79(
    request: HttpRequest,
    slug: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    kegiatan: bool = False,
) -> dict[str, Any]:
    pemda = Pemda.objects.filter(slug=slug).first()
    # Another pemda, or a role that sees one agency only: the same 404 as a pemda that does not exist.
    if pemda is None or not akses.boleh_lihat_kota(pengguna(request), pemda.pk):
        raise Galat(404, "Pemda tidak ditemukan.")
    return e79_json_pemda(pemda, tahun, triwulan, kegiatan=kegiatan)
