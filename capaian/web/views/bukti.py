"""Evidence files (bukti dukung) of a quarter: upload and removal by the agency's operator (through
capaian.web.layanan_bukti: period, state and lock checks, audit), download by whoever may see the agency.
Files live outside the static and media URLs and are served only through this view."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from capaian.monev import services
from capaian.perencanaan.models import Indikator
from capaian.web import layanan_bukti
from capaian.web.jenis_bukti import MENURUT_KODE
from capaian.web.models import BuktiDukung
from capaian.web.views.umum import pd_atau_404, triwulan_sah


@login_required
@require_POST
def unggah_bukti(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    tujuan = redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)
    berkas = request.FILES.get("berkas")
    baris = request.POST.get("indikator", "")
    indikator = (
        Indikator.objects.filter(pk=int(baris), perangkat_daerah=pd).first()
        if baris.isdigit() and len(baris) <= 12
        else None
    )
    try:
        bukti = layanan_bukti.unggah(
            request.user, pd, tahun, triwulan, berkas, request.POST.get("keterangan", ""), indikator
        )
    except (layanan_bukti.BuktiTidakSah, services.TriwulanTertutup) as e:
        messages.error(request, f"{e} Bukti dukung tidak diunggah.")
        return tujuan
    messages.success(request, f"Bukti dukung \u201c{bukti.nama_asli}\u201d terunggah.")
    return tujuan


@login_required
@require_POST
def hapus_bukti(request: HttpRequest, slug: str, tahun: int, triwulan: int, pk: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    bukti = get_object_or_404(BuktiDukung, pk=pk, perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    tujuan = redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)
    try:
        layanan_bukti.hapus(request.user, bukti, request.POST.get("alasan", "").strip())
    except services.TriwulanTertutup as e:
        messages.error(request, f"{e} Bukti dukung tidak dihapus.")
        return tujuan
    messages.success(request, f"Bukti dukung \u201c{bukti.nama_asli}\u201d dihapus.")
    return tujuan


@login_required
@require_GET
def unduh_bukti(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    pd = pd_atau_404(request, slug)
    bukti = get_object_or_404(BuktiDukung, pk=pk, perangkat_daerah=pd)
    # Served as the kind its content was read as at upload; files from before that check by their name.
    dikenal = MENURUT_KODE.get(bukti.jenis)
    jenis = (
        dikenal.mime if dikenal else mimetypes.guess_type(bukti.nama_asli)[0] or "application/octet-stream"
    )
    return FileResponse(
        bukti.berkas.open("rb"), as_attachment=True, filename=bukti.nama_asli, content_type=jenis
    )
