"""The city-wide package pages: ask the task worker for every agency's package of the pemda for a quarter,
watch its state, download it.

The state is the task result's, in the database (capaian.laporan.paket_kota.keadaan), so any web process
answers, and the page refreshes itself while a package is being made (a refresh, no script needed). For
the roles that see every agency (admin, verifikator, pimpinan); a package is its requester's only: another
user's id does not exist for them (404).
"""

import uuid
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from capaian.laporan import paket_kota
from capaian.laporan.models import PaketKota
from capaian.organisasi import akses
from capaian.web.views.umum import konteks, triwulan_sah

SEGARKAN_DETIK = 2  # the page's refresh while a package is waiting or being made


def _wajib_lintas_pd(request: HttpRequest) -> None:
    akses.wajib(
        paket_kota.boleh_minta(request.user),
        "Paket laporan seluruh perangkat daerah hanya untuk admin, verifikator dan pimpinan.",
    )


def _paket(request: HttpRequest, paket_id: uuid.UUID) -> PaketKota:
    p = paket_kota.milik(request.user, paket_id)
    if p is None:
        raise Http404("Paket tidak ditemukan atau sudah kedaluwarsa.")
    return p


@dataclass(frozen=True)
class Baris:
    paket: PaketKota
    keadaan: paket_kota.Keadaan
    nama: str
    unduh: str | None


def _baris(p: PaketKota) -> Baris:
    k = paket_kota.keadaan(p)
    return Baris(p, k, paket_kota.nama_zip(p), reverse("paket_kota_unduh", args=[p.id]) if k.siap else None)


@login_required
@require_http_methods(["GET", "POST"])
def halaman(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    _wajib_lintas_pd(request)
    if request.method == "POST":
        p = paket_kota.minta(request.user, tahun, triwulan)
        return redirect(reverse("paket_kota", args=[tahun, triwulan]) + f"?paket={p.id}#paket-{p.id}")
    daftar = [_baris(p) for p in paket_kota.daftar_milik(request.user, tahun, triwulan)]
    return render(
        request,
        "web/paket_kota.html",
        konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            daftar=daftar,
            sorot=request.GET.get("paket", ""),
            jumlah_pd=akses.pd_terlihat(request.user).count(),
            segarkan=SEGARKAN_DETIK if any(b.keadaan.menunggu for b in daftar) else None,
            umur_jam=int(paket_kota.UMUR.total_seconds() // 3600),
            tahun_nav=tahun,
        ),
    )


@login_required
@require_GET
def status(request: HttpRequest, paket_id: uuid.UUID) -> JsonResponse:
    """The package's state as JSON, for a script or a client that polls."""
    b = _baris(_paket(request, paket_id))
    k = b.keadaan
    jawaban = JsonResponse(
        {"keadaan": k.kode, "label": k.label, "siap": k.siap, "jumlah_pd": k.jumlah_pd, "unduh": b.unduh}
    )
    jawaban["Cache-Control"] = "no-store"
    return jawaban


@login_required
@require_GET
def unduh(request: HttpRequest, paket_id: uuid.UUID) -> HttpResponseBase:
    p = _paket(request, paket_id)
    k = paket_kota.keadaan(p)
    if not k.siap:
        return JsonResponse({"galat": f"Paket belum siap: {k.label}."}, status=409)
    jawaban = FileResponse(
        paket_kota.jalur(p).open("rb"), as_attachment=True, filename=paket_kota.nama_zip(p)
    )
    jawaban["Cache-Control"] = "no-store"
    return jawaban
