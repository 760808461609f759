"""The admin's RPJMD import page: download the workbook (the current RPJMD filled in), upload it back, see
what would change (a dry run, the default), then upload again to save: all or nothing, as the E.81 import."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from capaian.organisasi import akses
from capaian.organisasi.models import Pemda
from capaian.rpjmd.impor import HasilImporRpjmd, impor_rpjmd
from capaian.rpjmd.models import PeriodeRPJMD
from capaian.rpjmd.services import boleh_ubah_rpjmd
from capaian.rpjmd.templat import templat_rpjmd
from capaian.web.unduh import JENIS_MIME
from capaian.web.views.umum import konteks

BATAS_BERKAS = 5 * 1024 * 1024


def _pemda_admin(request: HttpRequest) -> Pemda:
    profil = akses.profil(request.user)
    if profil is None or not boleh_ubah_rpjmd(request.user, profil.pemda_id):
        raise PermissionDenied("Hanya admin pemda yang dapat mengelola RPJMD.")
    return profil.pemda


@login_required
@require_GET
def templat(request: HttpRequest) -> HttpResponse:
    pemda = _pemda_admin(request)
    rpjmd = PeriodeRPJMD.objects.filter(pemda=pemda).order_by("-tahun_awal").first()
    r = HttpResponse(templat_rpjmd(pemda, rpjmd), content_type=JENIS_MIME["xlsx"])
    r["Content-Disposition"] = f'attachment; filename="RPJMD-{pemda.slug}.xlsx"'
    r["Cache-Control"] = "no-store"
    return r


@login_required
@require_http_methods(["GET", "POST"])
def impor(request: HttpRequest) -> HttpResponse:
    pemda = _pemda_admin(request)
    hasil: HasilImporRpjmd | None = None
    galat = ""
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        coba = request.POST.get("coba") == "1"
        if berkas is None:
            galat = "Pilih berkas .xlsx RPJMD yang akan diimpor."
        elif berkas.size is not None and berkas.size > BATAS_BERKAS:
            galat = "Berkas terlalu besar (lebih dari 5 MB)."
        else:
            with tempfile.TemporaryDirectory(prefix="capaian-rpjmd-") as folder:
                jalur = Path(folder) / "rpjmd.xlsx"
                with jalur.open("wb") as f:
                    for potong in berkas.chunks():
                        f.write(potong)
                hasil = impor_rpjmd(request.user, pemda, jalur, coba)
    rpjmd = PeriodeRPJMD.objects.filter(pemda=pemda).order_by("-tahun_awal").first()
    return render(
        request,
        "web/rpjmd_impor.html",
        konteks(request, pemda=pemda, rpjmd=rpjmd, hasil=hasil, galat=galat),
        status=400 if galat or (hasil is not None and hasil.galat) else 200,
    )
