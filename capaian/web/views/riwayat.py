"""The audit history of an agency, as a verifier reads it (capaian.web.riwayat_baca): row, indicator,
quarter, field, old and new value, who, when and through which door; filtered by row, user, dates and
quarter; exported to XLSX as filtered. A row's history is the same page filtered to that row."""

import datetime
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from capaian.aturan.angka import format_angka, format_tanggal
from capaian.audit.models import AuditEvent
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan
from capaian.web import riwayat_baca
from capaian.web.riwayat_xlsx import riwayat_xlsx
from capaian.web.views.umum import konteks, pd_atau_404, triwulan_sah

BATAS_HALAMAN = 500  # events shown on the page, newest first
BATAS_XLSX = 20_000  # events in one export


@dataclass
class Saringan:
    baris: int | None = None
    pengguna: str = ""
    dari: datetime.date | None = None
    sampai: datetime.date | None = None
    tahun: int | None = None
    triwulan: int | None = None
    galat: list[str] = field(default_factory=list)

    def qs(self) -> dict[str, str]:
        """As a query string (for the export link)."""
        isi = {
            "baris": str(self.baris or ""),
            "pengguna": self.pengguna,
            "dari": self.dari.isoformat() if self.dari else "",
            "sampai": self.sampai.isoformat() if self.sampai else "",
            "periode": f"{self.tahun}-{self.triwulan}" if self.tahun and self.triwulan else "",
        }
        return {k: v for k, v in isi.items() if v}

    def uraian(self, indikator: Indikator | None) -> str:
        bagian = []
        if indikator is not None:
            bagian.append(f"baris {indikator.kode or ''} {indikator.uraian}".replace("  ", " "))
        if self.tahun and self.triwulan:
            bagian.append(f"TW {riwayat_baca.ROMAWI[self.triwulan]} {self.tahun}")
        if self.pengguna:
            bagian.append(f"oleh {self.pengguna}")
        if self.dari:
            bagian.append(f"sejak {format_tanggal(self.dari)}")
        if self.sampai:
            bagian.append(f"sampai {format_tanggal(self.sampai)}")
        return "; ".join(bagian) if bagian else "semua perubahan"


def _tanggal(teks: str, label: str, galat: list[str]) -> datetime.date | None:
    teks = teks.strip()
    if not teks:
        return None
    try:
        return datetime.date.fromisoformat(teks[:10])
    except ValueError:
        galat.append(f"{label} \u201c{teks[:20]}\u201d bukan tanggal (tttt-bb-hh); saringan ini diabaikan.")
        return None


def _saringan(request: HttpRequest, pd: PerangkatDaerah, baris: int | None = None) -> Saringan:
    s = Saringan(galat=[])
    teks_baris = request.GET.get("baris", "").strip()
    if baris is not None:
        s.baris = baris
    elif teks_baris:
        if teks_baris.isdigit() and len(teks_baris) <= 12:
            s.baris = int(teks_baris)
        else:
            s.galat.append("Baris yang dipilih tidak dikenal; saringan baris diabaikan.")
    s.pengguna = request.GET.get("pengguna", "").strip()[:150]
    s.dari = _tanggal(request.GET.get("dari", ""), "Tanggal awal", s.galat)
    s.sampai = _tanggal(request.GET.get("sampai", ""), "Tanggal akhir", s.galat)
    if s.dari and s.sampai and s.dari > s.sampai:
        s.galat.append("Tanggal awal sesudah tanggal akhir: tidak ada perubahan di rentang itu.")
    periode = request.GET.get("periode", "").strip()
    if periode:
        tahun, _, tw = periode.partition("-")
        if tahun.isdigit() and len(tahun) == 4 and tw in ("1", "2", "3", "4"):
            s.tahun, s.triwulan = int(tahun), int(tw)
        else:
            s.galat.append("Triwulan yang dipilih tidak dikenal; saringan triwulan diabaikan.")
    return s


def _peristiwa(pd: PerangkatDaerah, s: Saringan) -> Any:
    qs = AuditEvent.objects.filter(perangkat_daerah=pd)
    if s.baris is not None:
        qs = qs.filter(riwayat_baca.saring_baris(s.baris))
    if s.tahun and s.triwulan:
        qs = qs.filter(riwayat_baca.saring_triwulan(pd, s.tahun, s.triwulan))
    if s.pengguna:
        qs = qs.filter(nama_pengguna=s.pengguna)
    qs = qs.filter(riwayat_baca.saring_tanggal(s.dari, s.sampai))
    return qs.order_by("-waktu", "-id")


def _pilihan(pd: PerangkatDaerah) -> dict[str, Any]:
    indikator = list(
        Indikator.objects.filter(perangkat_daerah=pd)
        .select_related("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
        .order_by("urutan")
    )
    tahun = sorted(
        set(TargetTahunan.objects.filter(indikator__perangkat_daerah=pd).values_list("tahun", flat=True))
    )
    pengguna = sorted(
        set(AuditEvent.objects.filter(perangkat_daerah=pd).values_list("nama_pengguna", flat=True))
    )
    return {
        "pilihan_baris": [(i.pk, f"{i.kode or '-'} — {i.uraian}") for i in indikator],
        "pilihan_periode": [
            (f"{t}-{tw}", f"TW {riwayat_baca.ROMAWI[tw]} {t}") for t in reversed(tahun) for tw in (1, 2, 3, 4)
        ],
        "pilihan_pengguna": pengguna,
    }


def _halaman(request: HttpRequest, pd: PerangkatDaerah, s: Saringan, judul: str, **lain: Any) -> HttpResponse:
    indikator = (
        Indikator.objects.filter(pk=s.baris, perangkat_daerah=pd).first() if s.baris is not None else None
    )
    if s.baris is not None and indikator is None:
        s.galat.append("Baris yang dipilih bukan baris perangkat daerah ini; saringan baris diabaikan.")
        s.baris = None
    qs = _peristiwa(pd, s)
    if request.GET.get("format") == "xlsx":
        baris = riwayat_baca.baris_riwayat(list(qs[:BATAS_XLSX]))
        isi = riwayat_xlsx(baris, f"Riwayat perubahan {pd.nama}", s.uraian(indikator).capitalize())
        jawab = HttpResponse(
            isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        jawab["Content-Disposition"] = f'attachment; filename="riwayat-{pd.slug}.xlsx"'
        return jawab
    jumlah = qs.count()
    baris = riwayat_baca.baris_riwayat(list(qs[:BATAS_HALAMAN]))
    return render(
        request,
        "web/riwayat_pd.html",
        konteks(
            request,
            pd=pd,
            judul=judul,
            baris=baris,
            saringan=s,
            periode_terpilih=s.qs().get("periode", ""),
            uraian_saringan=s.uraian(indikator),
            jumlah=format_angka(jumlah, 0),
            terpotong=jumlah > BATAS_HALAMAN,
            batas=format_angka(BATAS_HALAMAN, 0),
            qs_xlsx=urlencode({**s.qs(), "format": "xlsx"}),
            **_pilihan(pd),
            **lain,
        ),
    )


@login_required
@require_GET
def riwayat_baris(request: HttpRequest, slug: str, tahun: int, triwulan: int, indikator: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    ind = get_object_or_404(Indikator, pk=indikator, perangkat_daerah=pd)
    s = _saringan(request, pd, baris=ind.pk)
    return _halaman(request, pd, s, "Riwayat perubahan baris", indikator=ind, kembali=(tahun, triwulan))


@login_required
@require_GET
def riwayat_pd(request: HttpRequest, slug: str) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    return _halaman(request, pd, _saringan(request, pd), "Riwayat perubahan")
