"""The verifikator's overview of a quarter (every agency's status, capaian and the steps at hand) and the
entry periods of a year."""

import datetime
from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from capaian.aturan.angka import format_persen, format_tanggal
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data_banyak
from capaian.monev import alur
from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.web.views.isian import tombol_langkah
from capaian.web.views.umum import konteks, triwulan_sah, waktu


@login_required
@require_GET
def ikhtisar(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    daftar_pd = list(akses.pd_terlihat(request.user).select_related("pemda"))
    data = muat_data_banyak(daftar_pd, tahun, triwulan)
    status = {
        s.perangkat_daerah_id: s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    baris: list[dict[str, Any]] = []
    for pd in daftar_pd:
        st = status.get(pd.pk) or StatusTriwulan(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        rekap = bangun_e81(data[pd.pk]).rekap
        baris.append(
            {
                "pd": pd,
                "status": st,
                "disetujui": waktu(st.disetujui_kepala_pada) if st.disetujui_kepala_pada else "",
                "diubah": waktu(st.diubah) if st.pk else "-",
                "capaian_k": format_persen(rekap.rata_capaian.k),
                "capaian_rp": format_persen(rekap.rata_capaian.rp),
                "tombol": tombol_langkah(request, pd, st),
            }
        )
    hitungan = Counter(b["status"].status for b in baris)
    ringkas = [(s.label, hitungan.get(s.value, 0)) for s in Status]
    return render(
        request,
        "web/ikhtisar.html",
        konteks(request, tahun=tahun, triwulan=triwulan, baris=baris, ringkas=ringkas),
    )


@login_required
@require_http_methods(["GET", "POST"])
def periode(request: HttpRequest, tahun: int) -> HttpResponse:
    triwulan_sah(tahun, 1)
    profil = akses.profil(request.user)
    if profil is None or not akses.boleh_lihat_periode(request.user):
        raise PermissionDenied("Hanya verifikator dan admin yang dapat melihat masa pengisian.")
    galat: dict[int, str] = {}
    isi: dict[int, tuple[str, str]] = {}
    if request.method == "POST":
        tw = int(request.POST.get("triwulan", "0") or 0) if request.POST.get("triwulan", "").isdigit() else 0
        dibuka, ditutup = request.POST.get("dibuka", ""), request.POST.get("ditutup", "")
        isi[tw] = (dibuka, ditutup)
        try:
            alur.atur_periode(
                request.user,
                profil.pemda,
                tahun,
                tw,
                datetime.date.fromisoformat(dibuka),
                datetime.date.fromisoformat(ditutup),
            )
        except ValueError as e:  # IsianTidakSah is a ValueError, so is a malformed date
            galat[tw] = str(e) if isinstance(e, alur.IsianTidakSah) else "Tanggal tidak sah."
        else:
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
                else "Belum diatur (terbuka)",
                "galat": galat.get(tw, ""),
            }
        )
    return render(
        request,
        "web/periode.html",
        konteks(
            request,
            tahun=tahun,
            baris=baris,
            boleh_atur=akses.boleh_atur_periode(request.user, profil.pemda_id),
        ),
    )
