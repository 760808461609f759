"""The checks page of a quarter: the findings of the data checks and the cross-document checks, each linked
to its row of the entry screen; per galat the operator's explanation and the verifikator's decision on it
(capaian.monev.penjelasan)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from capaian.aturan.periksa import GALAT, Temuan
from capaian.aturan.periksa.nama_jenis import nama_jenis
from capaian.aturan.periksa_data import indeks_belum_diisi, kunci_galat
from capaian.laporan import pemeriksaan
from capaian.laporan.sumber import muat_data
from capaian.monev import alur, penjelasan
from capaian.monev.models import KeadaanPenjelasan, PenjelasanGalat
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah
from capaian.web.views.umum import konteks, pd_atau_404, status_baca, triwulan_sah, waktu


def _url(t: Temuan, dasar: str, ids: list[int], per_no: dict[int, int]) -> str:
    """The finding's row on the entry screen (its anchor), or "" for a finding about no one row."""
    indikator = pemeriksaan.indikator_temuan(t, ids, per_no)
    return f"{dasar}#baris-{indikator}" if indikator is not None else ""


def _baris(
    temuan: list[Temuan],
    baru: set[str],
    jelas: dict[str, PenjelasanGalat],
    dasar: str,
    ids: list[int],
    per_no: dict[int, int],
) -> list[dict[str, Any]]:
    hasil = []
    for t in sorted(temuan, key=lambda t: (t.tingkat != GALAT,)):
        kunci = f"{t.jenis}|{t.sel}"
        p = jelas.get(kunci) if t.tingkat == GALAT else None
        hasil.append(
            {
                "t": t,
                "nama_jenis": nama_jenis(t.jenis),
                "kunci": kunci,
                "galat": t.tingkat == GALAT,
                "baru": t.tingkat == GALAT and kunci in baru,
                "url": _url(t, dasar, ids, per_no),
                "p": p,
                "ditulis_pada": waktu(p.ditulis_pada) if p else "",
                "diputus_pada": waktu(p.diputus_pada) if p and p.diputus_pada else "",
                "menunggu": p is not None and p.keadaan == KeadaanPenjelasan.MENUNGGU,
            }
        )
    return hasil


@login_required
@require_GET
def periksa(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)  # 404 for an agency the user may not see
    status = status_baca(pd, tahun, triwulan)
    data = muat_data(pd, tahun, triwulan)
    temuan = pemeriksaan.periksa_laporan(data)
    baru = alur.galat_baru(status, temuan)
    jelas = penjelasan.per_kunci(pd, tahun, triwulan)
    ids = pemeriksaan.id_indikator(pd)
    per_no = pemeriksaan.indikator_per_no(data, ids)
    dasar = reverse("isian", args=[pd.slug, tahun, triwulan])
    terbuka = status.boleh_diubah
    belum_diisi = pemeriksaan.baris_belum_diisi(data)
    isi = konteks(
        request,
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        status=status,
        baris=_baris(temuan, set(baru), jelas, dasar, ids, per_no),
        jumlah_galat=len(kunci_galat(temuan)),
        jumlah_peringatan=sum(1 for t in temuan if t.tingkat != GALAT),
        belum_dijelaskan=len(baru),
        ringkas=penjelasan.ringkas(jelas, temuan),
        belum_diisi=[
            (teks, f"{dasar}#baris-{ids[i]}" if 0 <= i < len(ids) else "")
            for teks, i in zip(belum_diisi, indeks_belum_diisi(data.baris, triwulan), strict=False)
        ],
        # The earlier quarter-wide text that was never accepted (before explanations per galat).
        penjelasan_lama=status.penjelasan_galat if status.penjelasan_diterima_pada is None else "",
        boleh_jelaskan=terbuka and akses.boleh_isi_realisasi(request.user, pd),
        boleh_putuskan=terbuka and akses.boleh_verifikasi(request.user, pd),
    )
    return render(request, "web/periksa.html", isi)


def _kembali(pd: PerangkatDaerah, tahun: int, triwulan: int, kunci: str = "") -> HttpResponse:
    return redirect(reverse("periksa", args=[pd.slug, tahun, triwulan]) + ("#penjelasan" if kunci else ""))


@login_required
@require_POST
def jelaskan(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    """The operator's explanation of one galat (its key in `kunci`)."""
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    kunci = request.POST.get("kunci", "")
    try:
        pemeriksaan.jelaskan_galat(
            request.user, pd, tahun, triwulan, kunci, request.POST.get("penjelasan", "")
        )
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Penjelasan tersimpan; menunggu keputusan verifikator.")
    return _kembali(pd, tahun, triwulan, kunci)


@login_required
@require_POST
def putuskan(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    """The verifikator accepts (keputusan=terima) or rejects (keputusan=tolak, with alasan) one galat's
    explanation."""
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    kunci = request.POST.get("kunci", "")
    keputusan = request.POST.get("keputusan", "")
    try:
        if keputusan not in ("terima", "tolak"):
            raise alur.IsianTidakSah("Pilih terima atau tolak.")
        pemeriksaan.putuskan_penjelasan(
            request.user,
            pd,
            tahun,
            triwulan,
            kunci,
            terima=keputusan == "terima",
            alasan=request.POST.get("alasan", ""),
        )
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request, "Penjelasan diterima." if keputusan == "terima" else "Penjelasan ditolak dengan alasan."
        )
    return _kembali(pd, tahun, triwulan, kunci)
