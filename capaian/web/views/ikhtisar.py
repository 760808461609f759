"""The verifikator's board of a quarter (every agency's status, completeness, galat, deadline, capaian and
the steps at hand; capaian.kota.papan makes its rows) and the entry periods of a year."""

import datetime
from collections import Counter
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from capaian.aturan.angka import format_persen, format_tanggal
from capaian.kota import papan
from capaian.kota.papan_xlsx import papan_xlsx
from capaian.kota.pengingat import teks_sisa
from capaian.monev import alur, beku
from capaian.monev import periode as periode_pd
from capaian.monev.models import PeriodeTriwulan, PerpanjanganPeriode, Status
from capaian.organisasi import akses
from capaian.organisasi.akses import boleh_kelola_kota, boleh_lihat_kota
from capaian.organisasi.models import Pemda, Peran
from capaian.replika import dari_replika
from capaian.web.unduh import JENIS_MIME
from capaian.web.views.isian import tombol_langkah
from capaian.web.views.kota import dokumen_kota
from capaian.web.views.umum import konteks, teks_draf_banyak, triwulan_sah, waktu


@login_required
@require_GET
@dari_replika
def ikhtisar(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    """The verifier's board: every agency's quarter, sortable and filterable, with the steps at hand, bulk
    lock, reminders, the city documents and the export. Operators and heads see their own agency's row."""
    triwulan_sah(tahun, triwulan)
    daftar_pd = list(akses.pd_terlihat(request.user).select_related("pemda"))
    semua = papan.baris_papan(daftar_pd, tahun, triwulan)
    saringan = request.GET.get("saring", "semua")
    cari = request.GET.get("cari", "")[:100]
    urut = request.GET.get("urut", "nama")
    turun = request.GET.get("arah", "") == "turun"
    tampil = papan.urutkan(papan.saring(semua, saringan, cari), urut, turun)
    if request.GET.get("format") == "xlsx":
        isi = papan_xlsx(tampil, tahun, triwulan, judul_papan(request, tahun, triwulan))
        r = HttpResponse(isi, content_type=JENIS_MIME["xlsx"])
        r["Content-Disposition"] = f'attachment; filename="Papan-Triwulan-{tahun}-TW{triwulan}.xlsx"'
        r["Cache-Control"] = "no-store"
        return r
    profil = akses.profil(request.user)
    pemda_id = profil.pemda_id if profil else 0
    kelola = boleh_kelola_kota(request.user, pemda_id)
    baris = [
        {
            "b": b,
            "r": b.ringkasan,
            "disetujui": waktu(b.status.disetujui_kepala_pada) if b.status.disetujui_kepala_pada else "",
            "diubah": waktu(b.diubah) if b.diubah else "-",
            "pengingat": waktu(b.pengingat) if b.pengingat else "",
            "lengkap": format_persen(b.ringkasan.kelengkapan, 0),
            "capaian_k": format_persen(b.ringkasan.capaian_k),
            "capaian_rp": format_persen(b.ringkasan.capaian_rp),
            "sisa": teks_hari(b.sisa_hari) if b.belum_diajukan else "-",
            "menunggu_kepala": b.menunggu_kepala,
            "tombol": tombol_langkah(request, b.pd, b.status),
            # One reverse per row: the agency-quarter pages hang below the entry screen (capaian.web.urls).
            "url": reverse("isian", args=[b.pd.slug, tahun, triwulan]),
        }
        for b in tampil
    ]
    hitungan = Counter(b.status.status for b in semua)
    jendela = papan.periode(pemda_id, tahun, triwulan) if profil else None
    belum = [b for b in semua if b.belum_diajukan]

    def tautan_urut(kolom: str) -> str:
        arah = "naik" if urut == kolom and turun else "turun" if urut == kolom else "naik"
        return "?" + urlencode({"saring": saringan, "cari": cari, "urut": kolom, "arah": arah})

    return render(
        request,
        "web/ikhtisar.html",
        konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            baris=baris,
            jumlah_semua=len(semua),
            ringkas=[(s.label, hitungan.get(s.value, 0), s.value) for s in Status],
            belum=len(belum),
            terlambat=sum(1 for b in semua if b.terlambat or b.segera),
            galat=sum(b.ringkasan.galat for b in semua),
            penjelasan=sum(b.penjelasan_menunggu for b in semua),
            siap_kunci=sum(1 for b in semua if b.boleh_dikunci),
            jendela=teks_sisa(jendela, timezone.localdate()) if profil else "",
            saringan=saringan,
            pilihan_saringan=papan.SARINGAN.items(),
            cari=cari,
            urut=urut,
            turun=turun,
            tautan_urut={k: tautan_urut(k) for k in papan.KUNCI_URUT},
            ekspor="?" + urlencode({"saring": saringan, "cari": cari, "urut": urut, "format": "xlsx"}),
            kelola=kelola,
            lihat_kota=boleh_lihat_kota(request.user, pemda_id),
            dokumen_kota=dokumen_kota(tahun, triwulan),
            **teks_draf_banyak(sum(1 for b in semua if b.status.status not in beku.BEKU), len(semua)),
        ),
    )


def teks_hari(sisa: int | None) -> str:
    if sisa is None:
        return "belum dibuka"
    if sisa > 0:
        return f"{sisa} hari lagi"
    return "hari ini" if sisa == 0 else f"lewat {-sisa} hari"


def judul_papan(request: HttpRequest, tahun: int, triwulan: int) -> str:
    profil = akses.profil(request.user)
    nama = profil.pemda.nama if profil else ""
    return f"Papan verifikasi {nama} Triwulan {triwulan} Tahun {tahun}"


def _simpan_periode(request: HttpRequest, pemda: Pemda, tahun: int, tw: int) -> str:
    """Save the pemda's window of one quarter from the POST; the error message, or "" when saved."""
    try:
        alur.atur_periode(
            request.user,
            pemda,
            tahun,
            tw,
            datetime.date.fromisoformat(request.POST.get("dibuka", "")),
            datetime.date.fromisoformat(request.POST.get("ditutup", "")),
        )
    except ValueError as e:  # IsianTidakSah is a ValueError, so is a malformed date
        return str(e) if isinstance(e, alur.IsianTidakSah) else "Tanggal tidak sah."
    return ""


def _simpan_perpanjangan(request: HttpRequest, pemda: Pemda, tahun: int, tw: int) -> str:
    """Save (or withdraw, `cabut`) one agency's extension from the POST; the error message or ""."""
    pd = akses.pd_terlihat(request.user).filter(slug=request.POST.get("pd", "")).first()
    if pd is None:
        return "Pilih perangkat daerah."
    try:
        ditutup = None
        if "cabut" not in request.POST:
            ditutup = datetime.date.fromisoformat(request.POST.get("ditutup", ""))
        periode_pd.perpanjang(request.user, pd, tahun, tw, ditutup, request.POST.get("alasan", ""))
    except periode_pd.PerpanjanganTidakSah as e:
        return str(e)
    except ValueError:
        return "Tanggal tidak sah."
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def periode(request: HttpRequest, tahun: int) -> HttpResponse:
    """The pemda's entry windows of a year (verifikator and admin), and the agencies' extensions (the
    verifikator grants them, with a reason)."""
    triwulan_sah(tahun, 1)
    profil = akses.profil(request.user)
    if profil is None or not akses.boleh_lihat_periode(request.user):
        raise PermissionDenied("Hanya verifikator dan admin yang dapat melihat masa pengisian.")
    galat: dict[int, str] = {}
    galat_panjang = ""
    isi: dict[int, tuple[str, str]] = {}
    boleh_perpanjang = akses.adalah(request.user, Peran.VERIFIKATOR)
    if request.method == "POST":
        teks_tw = request.POST.get("triwulan", "")
        tw = int(teks_tw) if teks_tw.isdigit() and len(teks_tw) == 1 else 0
        if request.POST.get("jenis") == "perpanjangan":
            if not boleh_perpanjang:
                raise PermissionDenied("Hanya verifikator yang dapat memperpanjang masa pengisian.")
            galat_panjang = _simpan_perpanjangan(request, profil.pemda, tahun, tw)
            if not galat_panjang:
                messages.success(request, f"Perpanjangan masa pengisian Triwulan {tw} {tahun} tersimpan.")
                return redirect("periode", tahun=tahun)
        else:
            isi[tw] = (request.POST.get("dibuka", ""), request.POST.get("ditutup", ""))
            galat[tw] = _simpan_periode(request, profil.pemda, tahun, tw)
            if not galat[tw]:
                messages.success(request, f"Masa pengisian Triwulan {tw} {tahun} tersimpan.")
                return redirect("periode", tahun=tahun)
    ada = {p.triwulan: p for p in PeriodeTriwulan.objects.filter(pemda=profil.pemda, tahun=tahun)}
    baris = []
    for tw in range(1, 5):
        p = ada.get(tw)
        bawaan = (p.dibuka.isoformat(), p.ditutup.isoformat()) if p else ("", "")
        dibuka, ditutup = isi.get(tw, bawaan)
        baris.append(
            {
                "tw": tw,
                "dibuka": dibuka,
                "ditutup": ditutup,
                "teks": f"{format_tanggal(p.dibuka)} s.d. {format_tanggal(p.ditutup)}"
                if p
                else "Belum diatur (tertutup untuk pengisian)",
                "galat": galat.get(tw, ""),
            }
        )
    perpanjangan = [
        {
            "p": x,
            "ditutup": format_tanggal(x.ditutup),
            "oleh": x.oleh.get_username() if x.oleh else "-",
            "pada": waktu(x.pada),
        }
        for x in PerpanjanganPeriode.objects.filter(perangkat_daerah__pemda=profil.pemda, tahun=tahun)
        .select_related("perangkat_daerah", "oleh")
        .order_by("triwulan", "perangkat_daerah__nama")
    ]
    return render(
        request,
        "web/periode.html",
        konteks(
            request,
            tahun=tahun,
            baris=baris,
            boleh_atur=akses.boleh_atur_periode(request.user, profil.pemda_id),
            boleh_perpanjang=boleh_perpanjang,
            perpanjangan=perpanjangan,
            daftar_pd=list(akses.pd_terlihat(request.user).only("slug", "nama")),
            galat_panjang=galat_panjang,
            isi_panjang=request.POST if galat_panjang else {},
        ),
    )
