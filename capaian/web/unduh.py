"""The report package download page: the five documents one by one, and the whole package as a ZIP.

The ZIP takes a second or two to render, so the page's script (static/web/unduh.js) starts it with a POST,
polls its progress and then fetches it. There is no task queue: a small in-process registry keeps each
job (a thread rendering from data read in the request) under a random id, for the user who started it
only, in memory, and forgets it after `UMUR_TUGAS` seconds. Without script the plain link renders the ZIP
in the request. Every agency is reached through capaian.organisasi.akses: one the user may not see is 404.
"""

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from capaian.laporan import paket
from capaian.laporan.data import DataLaporan
from capaian.laporan.sumber import muat_data
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah
from capaian.web.views.umum import konteks

UMUR_TUGAS = 15 * 60  # seconds a job (and its ZIP) is kept
TUGAS_PER_PENGGUNA = 3  # jobs a user may have at once; the oldest is dropped
JENIS_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def _pd(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> PerangkatDaerah:
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan tidak ditemukan.")
    # An agency the user may not see does not exist for them: 404, not 403, so slugs do not leak.
    return get_object_or_404(akses.pd_terlihat(request.user).select_related("pemda"), slug=slug)


def _berkas(isi: bytes, nama: str) -> HttpResponse:
    r = HttpResponse(isi, content_type=JENIS_MIME[nama.rsplit(".", 1)[1]])
    r["Content-Disposition"] = f'attachment; filename="{nama}"'
    r["Cache-Control"] = "no-store"
    return r


# --- the job registry -------------------------------------------------------------------------------


@dataclass
class Tugas:
    pengguna: int
    nama: str
    total: int = len(paket.PAKET)
    selesai: int = 0
    isi: bytes | None = None
    galat: str = ""
    dibuat: float = field(default_factory=time.monotonic)

    def status(self) -> dict[str, Any]:
        return {
            "selesai": self.selesai,
            "total": self.total,
            "siap": self.isi is not None,
            "galat": self.galat,
        }


_TUGAS: dict[str, Tugas] = {}
_KUNCI = threading.Lock()


def _bersihkan() -> None:
    """Forget expired jobs; called with the lock held."""
    batas = time.monotonic() - UMUR_TUGAS
    for kunci in [k for k, t in _TUGAS.items() if t.dibuat < batas]:
        del _TUGAS[kunci]


def _jalankan(tugas: Tugas, data: DataLaporan, slug: str) -> None:
    def kemajuan(selesai: int, total: int) -> None:
        tugas.selesai, tugas.total = selesai, total

    try:
        tugas.isi = paket.zip_unduhan(data, slug, kemajuan)
    except Exception as e:  # the page shows it; the thread must not die silently
        tugas.galat = f"Paket gagal dibuat: {e}"


def mulai_tugas(pengguna: int, data: DataLaporan, slug: str, nama: str, latar: bool = True) -> str:
    """Register a job and start rendering it in a thread (or at once, `latar=False`); its id."""
    tugas = Tugas(pengguna=pengguna, nama=nama)
    kunci = secrets.token_urlsafe(18)
    with _KUNCI:
        _bersihkan()
        milik = sorted((t.dibuat, k) for k, t in _TUGAS.items() if t.pengguna == pengguna)
        for _, lama in milik[: max(0, len(milik) - TUGAS_PER_PENGGUNA + 1)]:
            del _TUGAS[lama]
        _TUGAS[kunci] = tugas
    if latar:
        threading.Thread(target=_jalankan, args=(tugas, data, slug), daemon=True, name="unduh-paket").start()
    else:
        _jalankan(tugas, data, slug)
    return kunci


def _tugas(request: HttpRequest, kunci: str) -> Tugas:
    # Another user's job, an expired one and an unknown id are all "not found".
    with _KUNCI:
        _bersihkan()
        tugas = _TUGAS.get(kunci)
    if tugas is None or tugas.pengguna != request.user.pk:
        raise Http404("Paket tidak ditemukan atau sudah kedaluwarsa.")
    return tugas


# --- views ------------------------------------------------------------------------------------------


@login_required
@require_GET
def halaman(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    pd = _pd(request, slug, tahun, triwulan)
    dokumen = [
        {
            "nama": paket.NAMA_JENIS[jenis],
            "berkas": [
                {
                    "format": f.upper(),
                    "nama": paket.nama_unduhan(jenis, f, pd.slug, tahun, triwulan),
                    "url": reverse("unduh_berkas", args=[pd.slug, tahun, triwulan, jenis, f]),
                }
                for f in paket.FORMAT_JENIS[jenis]
                if f != "json"
            ],
        }
        for jenis in paket.JENIS
    ]
    return render(
        request,
        "web/unduh.html",
        konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            dokumen=dokumen,
            nama_zip=paket.nama_zip(pd.slug, tahun, triwulan),
            jumlah_berkas=len(paket.PAKET),
            tahun_nav=tahun,
        ),
    )


@login_required
@require_GET
def berkas(
    request: HttpRequest, slug: str, tahun: int, triwulan: int, jenis: str, format_: str
) -> HttpResponse:
    pd = _pd(request, slug, tahun, triwulan)
    if (jenis, format_) not in paket.PAKET:
        raise Http404("Berkas tidak dikenal.")
    isi = paket.render_data(muat_data(pd, tahun, triwulan), jenis, format_)
    return _berkas(isi, paket.nama_unduhan(jenis, format_, pd.slug, tahun, triwulan))


@login_required
@require_GET
def zip_langsung(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    """The whole package rendered in the request: the link's target when the page runs no script."""
    pd = _pd(request, slug, tahun, triwulan)
    isi = paket.zip_unduhan(muat_data(pd, tahun, triwulan), pd.slug)
    return _berkas(isi, paket.nama_zip(pd.slug, tahun, triwulan))


@login_required
@require_POST
def mulai(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> JsonResponse:
    pd = _pd(request, slug, tahun, triwulan)
    # The data are read here, in the request's database connection; the thread only renders.
    data = muat_data(pd, tahun, triwulan)
    kunci = mulai_tugas(int(request.user.pk or 0), data, pd.slug, paket.nama_zip(pd.slug, tahun, triwulan))
    return JsonResponse(
        {
            "id": kunci,
            "status": reverse("unduh_status", args=[kunci]),
            "unduh": reverse("unduh_ambil", args=[kunci]),
        },
        status=202,
    )


@login_required
@require_GET
def status(request: HttpRequest, kunci: str) -> JsonResponse:
    tugas = _tugas(request, kunci)
    r = JsonResponse(tugas.status())
    r["Cache-Control"] = "no-store"
    return r


@login_required
@require_GET
def ambil(request: HttpRequest, kunci: str) -> HttpResponse:
    tugas = _tugas(request, kunci)
    if tugas.isi is None:
        return JsonResponse(tugas.status(), status=409)
    return _berkas(tugas.isi, tugas.nama)
