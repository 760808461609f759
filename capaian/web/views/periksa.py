"""The checks page of a quarter: the findings of the data checks and the cross-document checks, the
operator's explanation of the galat and the verifikator's acceptance (capaian.monev.alur)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from capaian.aturan.periksa import GALAT, Temuan
from capaian.aturan.periksa_data import kunci_galat
from capaian.laporan import pemeriksaan
from capaian.laporan.sumber import muat_data
from capaian.monev import alur
from capaian.organisasi.models import PerangkatDaerah
from capaian.web.views.umum import konteks, pd_atau_404, status_baca, triwulan_sah, waktu


def _baris(temuan: list[Temuan], baru: set[str]) -> list[dict[str, Any]]:
    return [
        {"t": t, "baru": t.tingkat == GALAT and f"{t.jenis}|{t.sel}" in baru}
        for t in sorted(temuan, key=lambda t: (t.tingkat != GALAT,))
    ]


@login_required
@require_GET
def periksa(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)  # 404 for an agency the user may not see
    status = status_baca(pd, tahun, triwulan)
    data = muat_data(pd, tahun, triwulan)
    temuan = pemeriksaan.periksa_laporan(data)
    baru = alur.galat_baru(status, temuan)
    langkah = alur.tersedia(request.user, pd, status)
    isi = konteks(
        request,
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        status=status,
        baris=_baris(temuan, set(baru)),
        jumlah_galat=len(kunci_galat(temuan)),
        jumlah_peringatan=sum(1 for t in temuan if t.tingkat != GALAT),
        belum_dijelaskan=len(baru),
        belum_diisi=pemeriksaan.baris_belum_diisi(data),
        diterima_pada=waktu(status.penjelasan_diterima_pada) if status.penjelasan_diterima_pada else "",
        diterima_oleh=(
            status.penjelasan_diterima_oleh.get_username() if status.penjelasan_diterima_oleh else ""
        ),
        boleh_jelaskan=any(lk.aksi == "penjelasan" for lk in langkah),
        boleh_terima=any(lk.aksi == "terima" for lk in langkah),
    )
    return render(request, "web/periksa.html", isi)


def _kembali(pd: PerangkatDaerah, tahun: int, triwulan: int) -> HttpResponse:
    return redirect("periksa", slug=pd.slug, tahun=tahun, triwulan=triwulan)


@login_required
@require_POST
def penjelasan(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    try:
        pemeriksaan.jalankan_langkah(
            "penjelasan", request.user, pd, tahun, triwulan, request.POST.get("penjelasan", "")
        )
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, alur.MENURUT_AKSI["penjelasan"].berhasil)
    return _kembali(pd, tahun, triwulan)


@login_required
@require_POST
def terima(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    try:
        pemeriksaan.jalankan_langkah("terima", request.user, pd, tahun, triwulan)
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, alur.MENURUT_AKSI["terima"].berhasil)
    return _kembali(pd, tahun, triwulan)
