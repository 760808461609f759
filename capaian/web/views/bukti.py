"""Evidence files (bukti dukung) of a quarter: upload by the agency's operator, download by whoever may see
the agency. Files live outside the static and media URLs and are served only through this view."""

import mimetypes
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from capaian.organisasi import akses
from capaian.web.models import BuktiDukung
from capaian.web.views.umum import pd_atau_404, status_baca, triwulan_sah

UKURAN_BUKTI_MAKS = 10 * 1024 * 1024
JENIS_BUKTI = {".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".docx"}


@login_required
@require_POST
def unggah_bukti(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    akses.wajib(akses.boleh_isi_realisasi(request.user, pd), "Hanya operator perangkat daerah ini.")
    berkas = request.FILES.get("berkas")
    tujuan = redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)
    if not status_baca(pd, tahun, triwulan).boleh_diubah:
        messages.error(request, "Triwulan ini tidak dapat diubah lagi; bukti dukung tidak diunggah.")
        return tujuan
    if berkas is None:
        messages.error(request, "Pilih berkas yang akan diunggah.")
        return tujuan
    nama = berkas.name or "berkas"
    akhiran = "." + nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if akhiran not in JENIS_BUKTI:
        messages.error(request, "Jenis berkas tidak diizinkan. Gunakan PDF, JPG, PNG, XLSX atau DOCX.")
        return tujuan
    if (berkas.size or 0) > UKURAN_BUKTI_MAKS:
        messages.error(request, "Berkas terlalu besar (maksimal 10 MB).")
        return tujuan
    BuktiDukung.objects.create(
        perangkat_daerah=pd,
        tahun=tahun,
        triwulan=triwulan,
        berkas=berkas,
        nama_asli=nama[:255],
        ukuran=berkas.size or 0,
        keterangan=request.POST.get("keterangan", "")[:255],
        diunggah_oleh=cast("User", request.user),
    )
    messages.success(request, f"Bukti dukung \u201c{nama}\u201d terunggah.")
    return tujuan


@login_required
@require_GET
def unduh_bukti(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    pd = pd_atau_404(request, slug)
    bukti = get_object_or_404(BuktiDukung, pk=pk, perangkat_daerah=pd)
    jenis = mimetypes.guess_type(bukti.nama_asli)[0] or "application/octet-stream"
    return FileResponse(
        bukti.berkas.open("rb"), as_attachment=True, filename=bukti.nama_asli, content_type=jenis
    )
