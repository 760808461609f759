"""What every page of the web app shares: the quarter in the URL, the agency (through
capaian.organisasi.akses, 404 when the user may not see it), the quarter's status read without writing, the
layout's context, and the Indonesian date-time."""

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from capaian.aturan.angka import format_tanggal
from capaian.monev import beku, services
from capaian.monev.models import Realisasi, StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.models import Peran, PerangkatDaerah
from capaian.perencanaan.models import TargetTahunan


def triwulan_sah(tahun: int, triwulan: int) -> None:
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan tidak ditemukan.")


def pd_atau_404(request: HttpRequest, slug: str) -> PerangkatDaerah:
    # An agency the user may not see does not exist for them: 404, not 403, so slugs do not leak.
    return get_object_or_404(akses.pd_terlihat(request.user).select_related("pemda"), slug=slug)


def tahun_aktif(request: HttpRequest, pd: QuerySet[PerangkatDaerah] | None = None) -> int:
    """The year a page is about: ?tahun= when given, else the latest year with targets of the agencies
    (by default every agency the user may see)."""
    diminta = request.GET.get("tahun", "")
    if diminta.isdigit() and 2000 <= int(diminta) <= 2100:
        return int(diminta)
    if pd is None:
        pd = akses.pd_terlihat(request.user)
    # A year only started ("Mulai tahun N+1": targets, no quarter worked on yet) is not the active year
    # while the year before is still being reported: the latest year with a quarter's status or an entered
    # realisation wins, then the latest with targets.
    dikerjakan = (
        StatusTriwulan.objects.filter(perangkat_daerah__in=pd)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    diisi = (
        Realisasi.objects.filter(indikator__perangkat_daerah__in=pd)
        .filter(Q(k__isnull=False) | Q(rp__isnull=False))
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    if dikerjakan or diisi:
        return max(dikerjakan or 0, diisi or 0)
    tahun = (
        TargetTahunan.objects.filter(indikator__perangkat_daerah__in=pd)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return tahun or timezone.localdate().year


def status_baca(pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    """The quarter's status row, or an unsaved draft one: a page view must not write."""
    return StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first() or (
        StatusTriwulan(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    )


def pesan_periode(pd: PerangkatDaerah, tahun: int, triwulan: int) -> str:
    """Why the quarter is outside its entry window, or "" when it is inside (or has none)."""
    try:
        services.periksa_periode(pd, tahun, triwulan)
    except services.TriwulanTertutup as e:
        return str(e)
    return ""


def konteks(request: HttpRequest, **isi: Any) -> dict[str, Any]:
    """The template context every page's layout needs: who is signed in, their role, the year to navigate."""
    profil = akses.profil(request.user)
    peran = Peran(profil.peran) if profil else None
    if "tahun_nav" not in isi:
        isi["tahun_nav"] = isi["tahun"] if "tahun" in isi else tahun_aktif(request)
    # A page about one quarter that is not yet verified says DRAF (as its documents do, DataLaporan.draf);
    # a page over many agencies sets `draf` itself.
    status = isi.get("status")
    if "draf" not in isi and isinstance(status, StatusTriwulan):
        isi["draf"] = status.status not in beku.BEKU
    isi.update(
        profil=profil,
        peran=peran,
        lintas_pd=peran in akses.PERAN_LINTAS_PD,
        adalah_admin=peran is Peran.ADMIN,
        boleh_periode=akses.boleh_lihat_periode(request.user),
    )
    return isi


def teks_draf_banyak(belum: int, semua: int) -> dict[str, Any]:
    """The DRAF mark of a page over many agencies' quarter: while any of them is not yet verified."""
    if not belum:
        return {"draf": False}
    return {
        "draf": True,
        "draf_teks": f"{belum} dari {semua} perangkat daerah belum diverifikasi: angka di halaman ini dapat "
        "berubah.",
    }


def waktu(w: datetime.datetime | None) -> str:
    """ "8 Juli 2024 14.05" in the pemda's time zone; "-" for none."""
    if w is None:
        return "-"
    lokal = timezone.localtime(w)
    return f"{format_tanggal(lokal.date())} {lokal:%H.%M}"
