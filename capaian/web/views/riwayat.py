"""The audit history: of one row of a quarter, and of an agency. Values are shown the way the entry screen
shows them (capaian.aturan.angka)."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from capaian.aturan.angka import format_k, format_rupiah
from capaian.audit.models import AuditEvent
from capaian.monev.models import Realisasi, Status
from capaian.perencanaan.models import Indikator
from capaian.web.views.umum import konteks, pd_atau_404, triwulan_sah, waktu

LABEL_KOLOM = {"k": "Realisasi K", "rp": "Realisasi Rp", "variabel": "Variabel rumus", "status": "Status"}


def _nilai(kolom: str, teks: str | None) -> str:
    if teks is None or teks == "":
        return "-"
    try:
        if kolom == "rp":
            return format_rupiah(int(teks))
        if kolom == "k":
            return format_k(Decimal(teks))
    except (ValueError, ArithmeticError):
        pass
    if kolom == "status":
        try:
            return Status(teks).label
        except ValueError:
            return teks
    return teks


def _baris(peristiwa: QuerySet[AuditEvent]) -> list[dict[str, str]]:
    return [
        {
            "waktu": waktu(e.waktu),
            "pengguna": e.nama_pengguna,
            "pintu": e.pintu or "-",
            "aksi": e.aksi,
            "objek": e.objek,
            "kolom": LABEL_KOLOM.get(e.kolom, e.kolom.replace("_", " ")),
            "lama": _nilai(e.kolom, e.lama),
            "baru": _nilai(e.kolom, e.baru),
            "alasan": e.alasan or "",
        }
        for e in peristiwa
    ]


@login_required
@require_GET
def riwayat_baris(request: HttpRequest, slug: str, tahun: int, triwulan: int, indikator: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    ind = get_object_or_404(Indikator, pk=indikator, perangkat_daerah=pd)
    r = Realisasi.objects.filter(indikator=ind, tahun=tahun, triwulan=triwulan).first()
    peristiwa = (
        AuditEvent.objects.filter(objek="realisasi", objek_id=r.pk) if r else AuditEvent.objects.none()
    )
    return render(
        request,
        "web/riwayat_baris.html",
        konteks(request, pd=pd, tahun=tahun, triwulan=triwulan, indikator=ind, baris=_baris(peristiwa)),
    )


@login_required
@require_GET
def riwayat_pd(request: HttpRequest, slug: str) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    peristiwa = AuditEvent.objects.filter(perangkat_daerah=pd).order_by("-waktu", "-id")[:200]
    return render(request, "web/riwayat_pd.html", konteks(request, pd=pd, baris=_baris(peristiwa)))
