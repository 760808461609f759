"""The home page: what waits for the user ("Menunggu Anda", capaian.kota.menunggu), and the agencies the user
may see, with each quarter's status for the year."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capaian.kota.menunggu import menunggu
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.web.views.umum import konteks, tahun_aktif

DRAF = Status.DRAFT.label


@login_required
@require_GET
def beranda(request: HttpRequest) -> HttpResponse:
    terlihat = list(akses.pd_terlihat(request.user))
    tahun = tahun_aktif(request)
    status = {
        (s.perangkat_daerah_id, s.triwulan): s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=terlihat, tahun=tahun)
    }
    daftar = [
        {
            "pd": pd,
            "triwulan": [
                (tw, status[(pd.pk, tw)].get_status_display() if (pd.pk, tw) in status else DRAF)
                for tw in range(1, 5)
            ],
        }
        for pd in terlihat
    ]
    return render(
        request,
        "web/beranda.html",
        konteks(request, tahun=tahun, daftar=daftar, menunggu=menunggu(request.user, tahun)),
    )
