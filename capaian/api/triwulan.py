"""One agency's quarter: its state (status, the galat of its checks, the explanation, the steps this user may
take now), its workflow steps, and its texts.

The steps are the one table `capaian.monev.alur.LANGKAH`: the list this user may take is
`alur.tersedia(...)`, the step names and descriptions in the OpenAPI are built from the table
(skema.AksiLangkah), and every step runs through `capaian.laporan.pemeriksaan.jalankan_langkah`, which hands
the quarter's checks to the workflow's gate. Nothing here knows which step leads where.
"""

import datetime

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from capaian.api import skema
from capaian.api.dasar import Galat, pd_terlihat, pengguna
from capaian.api.versi import PESAN_KONFLIK, versi_layanan
from capaian.aturan.periksa import GALAT, Temuan
from capaian.aturan.periksa.nama_jenis import nama_jenis
from capaian.laporan import pemeriksaan
from capaian.laporan.sumber import muat_data
from capaian.monev import alur, penjelasan, services
from capaian.monev.models import (
    Cakupan,
    CatatanCakupan,
    CatatanTriwulan,
    KomentarBaris,
    PenjelasanGalat,
    Status,
    StatusTriwulan,
)
from capaian.monev.teks import CakupanTeks, cari_cakupan, daftar_cakupan
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah

router = Router(tags=["triwulan"])

TRIWULAN = "/triwulan/{pd}/{int:tahun}/{int:triwulan}"
_GALAT_BACA = {400: skema.Galat, 401: skema.Galat, 404: skema.Galat}
# The texts live beside the steps; a step of that name would be unreachable.
assert "catatan" not in alur.MENURUT_AKSI


def _status(pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    """The quarter's status row, or an unsaved draft one when none exists: reading creates nothing."""
    status = StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first()
    return status or StatusTriwulan(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)


def _waktu(nilai: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(nilai) if nilai is not None else None


def _penjelasan_galat(p: PenjelasanGalat | None) -> skema.PenjelasanGalat | None:
    return _json_penjelasan(p) if p is not None else None


def _json_penjelasan(p: PenjelasanGalat) -> skema.PenjelasanGalat:
    return skema.PenjelasanGalat(
        teks=p.teks,
        keadaan=skema.KeadaanPenjelasan(p.keadaan),
        alasan_tolak=p.alasan_tolak,
        ditulis_oleh=p.ditulis_oleh.get_username() if p.ditulis_oleh else None,
        ditulis_pada=timezone.localtime(p.ditulis_pada),
        diputus_oleh=p.diputus_oleh.get_username() if p.diputus_oleh else None,
        diputus_pada=_waktu(p.diputus_pada),
    )


def _temuan(
    t: Temuan, belum: set[str], jelas: dict[str, PenjelasanGalat], ids: list[int], per_no: dict[int, int]
) -> skema.Temuan:
    kunci = f"{t.jenis}|{t.sel}"
    return skema.Temuan.model_validate(
        {
            **t.ke_dict(),
            "kunci": kunci,
            "nama_jenis": nama_jenis(t.jenis),
            "indikator": pemeriksaan.indikator_temuan(t, ids, per_no),
            "diterima": t.tingkat == GALAT and kunci not in belum,
            "penjelasan": _penjelasan_galat(jelas.get(kunci)) if t.tingkat == GALAT else None,
        }
    )


@router.get(
    TRIWULAN,
    response={200: skema.Triwulan, **_GALAT_BACA},
    summary="Keadaan triwulan",
    description=(
        "Status, galat dan peringatan pemeriksaan data beserta letaknya (baris: indikator), penjelasan "
        "setiap galat dan keputusan verifikator atasnya, komentar verifikator per baris, dan langkah yang "
        "boleh Anda ambil sekarang. Pengajuan ditolak selama ada galat yang penjelasannya belum diterima "
        "verifikator (belum_dijelaskan > 0), atau ada baris bertarget triwulan ini yang belum diisi dan "
        "belum ditandai 'belum ada data' (belum_diisi). Bila pemda mewajibkan persetujuan kepala perangkat "
        "daerah, verifikasi menunggu persetujuan itu (menunggu_kepala)."
    ),
)
def keadaan_triwulan(
    request: HttpRequest, pd: str, tahun: skema.Tahun, triwulan: skema.NomorTriwulan
) -> skema.Triwulan:
    perangkat = pd_terlihat(request, pd)
    status = _status(perangkat, tahun, triwulan)
    data = muat_data(perangkat, tahun, triwulan)
    temuan = pemeriksaan.periksa_laporan(data)
    belum = set(alur.galat_baru(status, temuan))
    jelas = penjelasan.per_kunci(perangkat, tahun, triwulan)
    ringkas = penjelasan.ringkas(jelas, temuan)
    ids = pemeriksaan.id_indikator(perangkat)
    per_no = pemeriksaan.indikator_per_no(data, ids)
    komentar = (
        KomentarBaris.objects.filter(perangkat_daerah=perangkat, tahun=tahun, triwulan=triwulan, aktif=True)
        .select_related("oleh")
        .order_by("pk")
        if status.status in (Status.DIKEMBALIKAN, Status.DIAJUKAN)
        else KomentarBaris.objects.none()
    )
    return skema.Triwulan(
        perangkat_daerah=perangkat.slug,
        tahun=tahun,
        triwulan=triwulan,
        status=Status(status.status),
        catatan=status.catatan,
        disetujui_kepala_pada=_waktu(status.disetujui_kepala_pada),
        galat=[_temuan(t, belum, jelas, ids, per_no) for t in temuan if t.tingkat == GALAT],
        peringatan=[_temuan(t, belum, jelas, ids, per_no) for t in temuan if t.tingkat != GALAT],
        belum_dijelaskan=len(belum),
        belum_diisi=pemeriksaan.baris_belum_diisi(data),
        penjelasan=skema.Penjelasan(
            menunggu=ringkas.menunggu, diterima=ringkas.diterima, ditolak=ringkas.ditolak, belum=ringkas.belum
        ),
        menunggu_kepala=status.status == Status.DIAJUKAN
        and status.disetujui_kepala_pada is None
        and alur.wajib_persetujuan_kepala(perangkat),
        komentar=[
            skema.KomentarTampil(
                indikator=k.indikator_id,
                teks=k.teks,
                oleh=k.oleh.get_username() if k.oleh else None,
                pada=timezone.localtime(k.pada),
            )
            for k in komentar
        ],
        langkah=[
            skema.LangkahTersedia(
                aksi=skema.AksiLangkah(lk.aksi),
                label=lk.label,
                uraian=lk.uraian,
                catatan=lk.catatan,
                label_catatan=lk.label_catatan,
            )
            for lk in alur.tersedia(pengguna(request), perangkat, status)
        ],
    )


# --- the quarter's texts --------------------------------------------------------------------------------


def _json_cakupan(c: CakupanTeks, tersimpan: CatatanCakupan | None = None) -> skema.TeksCakupan:
    baris = tersimpan if tersimpan is not None else c.tersimpan
    return skema.TeksCakupan(
        jenis=c.jenis,
        kode=c.kode,
        nama=c.nama,
        **{n: getattr(baris, n) if baris is not None else "" for n in services.TEKS_TRIWULAN},
        versi=baris.versi if baris is not None else 0,
    )


def _json_catatan(
    catatan: CatatanTriwulan | None, pd: PerangkatDaerah, tahun: int, triwulan: int
) -> skema.CatatanTriwulan:
    cakupan = daftar_cakupan(pd, tahun, triwulan)
    return skema.CatatanTriwulan(
        **{n: getattr(catatan, n) if catatan else "" for n in services.TEKS_TRIWULAN},
        versi=catatan.versi if catatan else 0,
        bidang=[_json_cakupan(c) for c in cakupan if c.jenis == Cakupan.BIDANG],
        program=[_json_cakupan(c) for c in cakupan if c.jenis == Cakupan.PROGRAM],
    )


def _catatan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> CatatanTriwulan | None:
    return CatatanTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first()


@router.get(
    TRIWULAN + "/catatan",
    response={200: skema.CatatanTriwulan, **_GALAT_BACA},
    summary="Catatan triwulan",
    description=(
        "Faktor pendorong, faktor penghambat, tindak lanjut, rekomendasi, kendala dan solusi perangkat "
        "daerah, "
        "dengan versinya; juga catatan yang sama per urusan/bidang dan per program (bidang, program)."
    ),
)
def baca_catatan(
    request: HttpRequest, pd: str, tahun: skema.Tahun, triwulan: skema.NomorTriwulan
) -> skema.CatatanTriwulan:
    perangkat = pd_terlihat(request, pd)
    return _json_catatan(_catatan(perangkat, tahun, triwulan), perangkat, tahun, triwulan)


_KETERANGAN_UBAH = (
    "Hanya operator perangkat daerah, selama triwulan terbuka untuk pengisian (selain itu 423). Kirim "
    "versi yang terakhir dibaca (0 bila belum pernah disimpan); bila orang lain sudah menyimpan, "
    "jawabannya 409 dengan catatan terkini. Teks yang tidak dikirim tidak diubah."
)


def _boleh_ubah(request: HttpRequest, perangkat: PerangkatDaerah) -> None:
    if not akses.boleh_isi_realisasi(pengguna(request), perangkat):
        raise Galat(403, "Peran Anda tidak berhak mengubah catatan perangkat daerah ini.")


@router.patch(
    TRIWULAN + "/catatan",
    response={
        200: skema.CatatanTriwulan,
        400: skema.Galat,
        403: skema.Galat,
        409: skema.KonflikCatatan,
        423: skema.Galat,
        **_GALAT_BACA,
    },
    summary="Mengubah catatan triwulan",
    description=_KETERANGAN_UBAH,
)
def ubah_catatan(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    badan: skema.UbahCatatan,
) -> skema.CatatanTriwulan:
    perangkat = pd_terlihat(request, pd)
    _boleh_ubah(request, perangkat)
    ubahan = {n: (isi or "") for n, isi in skema.dikirim(badan, *services.TEKS_TRIWULAN).items()}
    with transaction.atomic():
        ada = _catatan(perangkat, tahun, triwulan)
        versi = versi_layanan(
            CatatanTriwulan,
            ada,
            badan.versi,
            lambda: _json_catatan(ada, perangkat, tahun, triwulan).model_dump(),
        )
        try:
            baru = services.simpan_catatan(pengguna(request), perangkat, tahun, triwulan, versi, **ubahan)
        except services.KonflikVersiCatatan as e:
            assert isinstance(e.terkini, CatatanTriwulan)
            terkini = _json_catatan(e.terkini, perangkat, tahun, triwulan).model_dump()
            raise Galat(409, PESAN_KONFLIK, terkini=terkini) from None
        except services.TeksTidakSah as e:
            raise Galat(400, str(e)) from None
    return _json_catatan(baru, perangkat, tahun, triwulan)


@router.patch(
    TRIWULAN + "/catatan/{jenis}/{kode}",
    response={
        200: skema.TeksCakupan,
        400: skema.Galat,
        403: skema.Galat,
        409: skema.KonflikTeksCakupan,
        423: skema.Galat,
        **_GALAT_BACA,
    },
    summary="Mengubah catatan triwulan satu urusan/bidang atau satu program",
    description=(
        "jenis: bidang (kode 3.31) atau program (kode 3.31.02), salah satu yang tercantum pada GET "
        "…/catatan. " + _KETERANGAN_UBAH
    ),
)
def ubah_catatan_cakupan(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    jenis: str,
    kode: str,
    badan: skema.UbahCatatan,
) -> skema.TeksCakupan:
    perangkat = pd_terlihat(request, pd)
    _boleh_ubah(request, perangkat)
    ubahan = {n: (isi or "") for n, isi in skema.dikirim(badan, *services.TEKS_TRIWULAN).items()}
    with transaction.atomic():
        c = cari_cakupan(perangkat, tahun, triwulan, f"{jenis}:{kode}")
        if c is None:
            raise Galat(404, f"Tidak ada {jenis} {kode} pada perangkat daerah ini.")
        versi = versi_layanan(CatatanCakupan, c.tersimpan, badan.versi, lambda: _json_cakupan(c).model_dump())
        try:
            baru = services.simpan_catatan_cakupan(
                pengguna(request),
                perangkat,
                tahun,
                triwulan,
                versi,
                teks=ubahan,
                bidang=c.kode if c.jenis == Cakupan.BIDANG else None,
                program=c.program,
            )
        except services.KonflikVersiCatatan as e:
            assert isinstance(e.terkini, CatatanCakupan)
            terkini = _json_cakupan(c, e.terkini).model_dump()
            raise Galat(409, PESAN_KONFLIK, terkini=terkini) from None
        except services.TeksTidakSah as e:
            raise Galat(400, str(e)) from None
    return _json_cakupan(c, baru)


# --- the steps ------------------------------------------------------------------------------------------


@router.post(
    TRIWULAN + "/{aksi}",
    response={
        200: skema.HasilLangkah,
        400: skema.Galat,
        401: skema.Galat,
        403: skema.Galat,
        404: skema.Galat,
        409: skema.Galat,
    },
    summary="Langkah alur triwulan",
    description=(
        "Menjalankan satu langkah alur. Langkah yang boleh Anda ambil sekarang ada di "
        "GET /api/triwulan/{pd}/{tahun}/{triwulan} (langkah). 403: peran Anda tidak berhak; 409: langkah "
        "tidak berlaku untuk status sekarang, pemeriksaan data masih menemukan galat yang belum "
        "dijelaskan dan diterima, atau persetujuan kepala yang diwajibkan belum ada; 400: catatan wajib "
        "tidak diisi. Verifikator dapat menyertakan komentar per baris pada 'kembalikan'.\n\n"
        + skema.DAFTAR_LANGKAH
    ),
)
def langkah_triwulan(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    aksi: skema.AksiLangkah,
    badan: skema.BadanLangkah | None = None,
) -> skema.HasilLangkah:
    perangkat = pd_terlihat(request, pd)
    teks = badan.teks() if badan is not None else ""
    komentar = badan.komentar_per_baris() if badan is not None else {}
    status = pemeriksaan.jalankan_langkah(
        str(aksi), pengguna(request), perangkat, tahun, triwulan, teks, komentar=komentar
    )
    return skema.HasilLangkah(
        status=Status(status.status),
        disetujui_kepala_pada=_waktu(status.disetujui_kepala_pada),
    )


# --- explanations per galat (capaian.monev.penjelasan) ----------------------------------------------------

_GALAT_PENJELASAN = {
    200: skema.PenjelasanGalat,
    400: skema.Galat,
    401: skema.Galat,
    403: skema.Galat,
    404: skema.Galat,
    409: skema.Galat,
}


@router.put(
    TRIWULAN + "/galat/penjelasan",
    response=_GALAT_PENJELASAN,
    summary="Menjelaskan satu galat",
    description=(
        "Operator perangkat daerah menulis (atau menulis ulang) penjelasan satu galat pemeriksaan data "
        "(kunci dari GET triwulan), selama triwulan berstatus Draf atau Dikembalikan. Penjelasan baru "
        "menunggu keputusan verifikator. 409: triwulan tidak terbuka, atau galat itu sudah tidak ditemukan."
    ),
)
def jelaskan_galat(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    badan: skema.JelaskanGalat,
) -> skema.PenjelasanGalat:
    perangkat = pd_terlihat(request, pd)
    p = pemeriksaan.jelaskan_galat(pengguna(request), perangkat, tahun, triwulan, badan.kunci, badan.teks)
    return _json_penjelasan(p)


def _putuskan(
    request: HttpRequest, pd: str, tahun: int, triwulan: int, badan: skema.PutuskanPenjelasan, terima: bool
) -> skema.PenjelasanGalat:
    perangkat = pd_terlihat(request, pd)
    p = pemeriksaan.putuskan_penjelasan(
        pengguna(request), perangkat, tahun, triwulan, badan.kunci, terima, badan.alasan or ""
    )
    return _json_penjelasan(p)


@router.post(
    TRIWULAN + "/galat/terima",
    response=_GALAT_PENJELASAN,
    summary="Menerima penjelasan satu galat",
    description="Verifikator menerima penjelasan satu galat yang menunggu keputusan.",
)
def terima_penjelasan(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    badan: skema.PutuskanPenjelasan,
) -> skema.PenjelasanGalat:
    return _putuskan(request, pd, tahun, triwulan, badan, terima=True)


@router.post(
    TRIWULAN + "/galat/tolak",
    response=_GALAT_PENJELASAN,
    summary="Menolak penjelasan satu galat",
    description="Verifikator menolak penjelasan satu galat dengan alasan (wajib); operator dapat menulis "
    "penjelasan baru atau memperbaiki datanya.",
)
def tolak_penjelasan(
    request: HttpRequest,
    pd: str,
    tahun: skema.Tahun,
    triwulan: skema.NomorTriwulan,
    badan: skema.PutuskanPenjelasan,
) -> skema.PenjelasanGalat:
    return _putuskan(request, pd, tahun, triwulan, badan, terima=False)
