"""Realisations of a quarter: reading them (a GET writes nothing), saving one with its version, and the
audit trail of a row.

Every indicator has a row in the list. A row that was never saved has `id` null and `versi` 0; it is saved
through its indicator (PATCH /api/indikator/<id>/realisasi/<tahun>/<triwulan>, versi 0), an existing one
through either address. Saving goes through capaian.monev.services.simpan_realisasi.
"""

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from capaian.api import skema
from capaian.api.dasar import Galat, pd_terlihat, pengguna
from capaian.api.versi import PESAN_KONFLIK, versi_layanan
from capaian.aturan import masukan
from capaian.aturan.angka import teks_desimal
from capaian.audit.models import AuditEvent
from capaian.monev import services
from capaian.monev.models import Realisasi
from capaian.organisasi import akses
from capaian.perencanaan.models import Indikator

router = Router(tags=["realisasi"])

_ELEMEN = ("program", "kegiatan", "subkegiatan", "tujuan", "sasaran")
_GALAT_UBAH = {400: skema.Galat, 401: skema.Galat, 403: skema.Galat, 404: skema.Galat, 423: skema.Galat}


def json_realisasi(baris: Realisasi | None) -> skema.Realisasi:
    if baris is None:
        return skema.Realisasi(id=None, k=None, rp=None, versi=0, belum_ada_data=None)
    tanda = skema.BelumAdaData(alasan=baris.belum_ada_data) if baris.belum_ada_data else None
    return skema.Realisasi(
        id=baris.pk, k=teks_desimal(baris.k), rp=baris.rp, versi=baris.versi, belum_ada_data=tanda
    )


@router.get(
    "/realisasi",
    response={200: list[skema.BarisRealisasi], 400: skema.Galat, 401: skema.Galat, 404: skema.Galat},
    summary="Daftar realisasi satu triwulan",
    description=(
        "Satu baris per indikator perangkat daerah, urut seperti Form E.81. Baris yang belum pernah disimpan "
        "tampil dengan id null dan versi 0 (membaca tidak membuat apa pun). Nilai k ditulis tanpa nol di "
        'belakang: "36.79", "100".'
    ),
)
def daftar_realisasi(request: HttpRequest, param: Query[skema.ParamTriwulan]) -> list[skema.BarisRealisasi]:
    pd = pd_terlihat(request, param.pd)
    ada = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__perangkat_daerah=pd, tahun=param.tahun, triwulan=param.triwulan
        )
    }
    hasil = []
    for indikator in (
        Indikator.objects.filter(perangkat_daerah=pd).select_related(*_ELEMEN).order_by("urutan")
    ):
        nilai = json_realisasi(ada.get(indikator.pk))
        hasil.append(
            skema.BarisRealisasi(
                **nilai.model_dump(),
                indikator_id=indikator.pk,
                kode=indikator.kode,
                indikator=indikator.uraian,
            )
        )
    return hasil


def _simpan(
    request: HttpRequest,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    badan: skema.UbahRealisasi,
    baris: Realisasi | None,
) -> skema.Realisasi:
    if not akses.boleh_isi_realisasi(pengguna(request), indikator.perangkat_daerah):
        raise Galat(403, "Peran Anda tidak berhak mengubah realisasi perangkat daerah ini.")
    ubahan: dict[str, Any] = skema.dikirim(badan, "k", "rp")
    if "belum_ada_data" in badan.model_fields_set:
        ubahan["belum_ada_data"] = badan.belum_ada_data.alasan if badan.belum_ada_data else ""
    with transaction.atomic():
        versi = versi_layanan(Realisasi, baris, badan.versi, lambda: json_realisasi(baris).model_dump())
        try:
            baru = services.simpan_realisasi(
                pengguna(request),
                indikator,
                tahun,
                triwulan,
                versi=versi,
                alasan=(badan.alasan or "").strip() or None,
                **ubahan,
            )
        except services.KonflikVersi as e:
            raise Galat(409, PESAN_KONFLIK, terkini=json_realisasi(e.terkini).model_dump()) from None
        except services.TandaTidakSah as e:
            raise Galat(
                400, f"Isian 'belum_ada_data': {e}", rincian=[{"isian": "belum_ada_data", "pesan": str(e)}]
            ) from None
        except masukan.NilaiTidakSah as e:
            isian = "rp" if "Nilai Rp" in str(e) else "k"
            raise Galat(400, f"Isian '{isian}': {e}", rincian=[{"isian": isian, "pesan": str(e)}]) from None
    return json_realisasi(baru)


@router.patch(
    "/realisasi/{int:id}",
    response={200: skema.Realisasi, 409: skema.KonflikRealisasi, **_GALAT_UBAH},
    summary="Mengubah satu baris realisasi yang sudah ada",
    description=(
        "Hanya operator perangkat daerah pemilik baris, selama triwulan berstatus draf atau dikembalikan dan "
        "dalam masa pengisian (selain itu 423). Kirim versi yang terakhir dibaca. k dan rp boleh "
        "dihilangkan (tidak diubah) atau null (dikosongkan). Baris yang belum ada (id null): lihat "
        "PATCH /api/indikator/{indikator_id}/realisasi/{tahun}/{triwulan}."
    ),
)
def ubah_realisasi(request: HttpRequest, id: int, badan: skema.UbahRealisasi) -> skema.Realisasi:
    baris = (
        Realisasi.objects.select_related("indikator__perangkat_daerah")
        .filter(pk=id, indikator__perangkat_daerah__in=akses.pd_terlihat(pengguna(request)))
        .first()
    )
    if baris is None:
        raise Galat(404, "Baris realisasi tidak ditemukan.")
    return _simpan(request, baris.indikator, baris.tahun, baris.triwulan, badan, baris)


@router.patch(
    "/indikator/{int:indikator}/realisasi/{int:tahun}/{int:triwulan}",
    response={200: skema.Realisasi, 409: skema.KonflikRealisasi, **_GALAT_UBAH},
    summary="Menyimpan realisasi satu indikator pada satu triwulan",
    description=(
        "Alamat setiap baris, juga yang belum ada: kirim versi 0 untuk baris dengan id null (baris dibuat "
        "saat disimpan), atau versi terakhir yang dibaca. Aturan lain sama dengan PATCH /api/realisasi/{id}."
    ),
)
def simpan_realisasi_indikator(
    request: HttpRequest,
    indikator: int,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    badan: skema.UbahRealisasi,
) -> skema.Realisasi:
    terlihat = (
        Indikator.objects.select_related("perangkat_daerah")
        .filter(pk=indikator, perangkat_daerah__in=akses.pd_terlihat(pengguna(request)))
        .first()
    )
    if terlihat is None:
        raise Galat(404, "Indikator tidak ditemukan.")
    baris = Realisasi.objects.filter(indikator=terlihat, tahun=tahun, triwulan=triwulan).first()
    return _simpan(request, terlihat, tahun, triwulan, badan, baris)


@router.get(
    "/audit",
    response={200: list[skema.PeristiwaAudit], 400: skema.Galat, 401: skema.Galat, 404: skema.Galat},
    summary="Jejak audit satu baris realisasi",
    description="Setiap perubahan per kolom, terlama lebih dulu: waktu, pengguna, nilai lama dan baru, "
    "alasan.",
)
def audit(request: HttpRequest, param: Query[skema.ParamAudit]) -> list[skema.PeristiwaAudit]:
    baris = Realisasi.objects.filter(
        pk=param.realisasi, indikator__perangkat_daerah__in=akses.pd_terlihat(pengguna(request))
    ).first()
    if baris is None:
        raise Galat(404, "Baris realisasi tidak ditemukan.")
    peristiwa = AuditEvent.objects.filter(objek="realisasi", objek_id=baris.pk).order_by("waktu", "id")
    return [
        skema.PeristiwaAudit(
            waktu=timezone.localtime(e.waktu),
            pengguna=e.nama_pengguna,
            pintu=e.pintu,
            kolom=e.kolom,
            lama=e.lama,
            baru=e.baru,
            alasan=e.alasan,
        )
        for e in peristiwa
    ]
