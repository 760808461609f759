"""The report package download page: the five documents one by one, and the whole package as a ZIP.

Every file, the ZIP included, is rendered in the request from the data as they are now, except for a locked
quarter: that one is served from the archive made when it was locked (capaian.laporan.arsip), byte for byte,
with its SHA-256 on the page. The whole package takes about half a second, so a plain link is the honest
interface (the browser shows the download), and nothing is kept in process memory, whichever process serves
the request. Work that takes longer, the package of every agency of the pemda, goes to the task worker
(capaian.web.unduh_kota). Every agency is reached through capaian.organisasi.akses: one the user may not
see is 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from capaian.laporan import arsip, paket, paket_kota
from capaian.laporan.sumber import muat_data
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah
from capaian.web.views.umum import konteks, status_baca

JENIS_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def _pd(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> PerangkatDaerah:
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan tidak ditemukan.")
    # An agency the user may not see does not exist for them: 404, not 403, so slugs do not leak.
    return get_object_or_404(akses.pd_terlihat(request.user).select_related("pemda"), slug=slug)


def _berkas(isi: bytes, nama: str) -> HttpResponse:
    r = HttpResponse(isi, content_type=JENIS_MIME[nama.rsplit(".", 1)[1]])
    r["Content-Disposition"] = f'attachment; filename="{nama}"'
    r["Cache-Control"] = "no-store"
    return r


# --- views ------------------------------------------------------------------------------------------


@login_required
@require_GET
def halaman(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    pd = _pd(request, slug, tahun, triwulan)
    arsip_kini = arsip.berlaku(pd, tahun, triwulan)
    dokumen = [
        {
            "nama": paket.NAMA_JENIS[jenis],
            "berkas": [
                {
                    "format": f.upper(),
                    "nama": paket.nama_unduhan(jenis, f, pd.slug, tahun, triwulan),
                    "url": reverse("unduh_berkas", args=[pd.slug, tahun, triwulan, jenis, f]),
                }
                for f in paket.FORMAT_JENIS[jenis]
                if f != "json"
            ],
        }
        for jenis in paket.JENIS
    ]
    return render(
        request,
        "web/unduh.html",
        konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            dokumen=dokumen,
            nama_zip=paket.nama_zip(pd.slug, tahun, triwulan),
            jumlah_berkas=len(paket.PAKET),
            boleh_paket_kota=paket_kota.boleh_minta(request.user),
            tahun_nav=tahun,
            arsip=arsip_kini,
            riwayat_arsip=arsip.riwayat(pd, tahun, triwulan),
            status=status_baca(pd, tahun, triwulan),
        ),
    )


@login_required
@require_GET
def berkas(
    request: HttpRequest, slug: str, tahun: int, triwulan: int, jenis: str, format_: str
) -> HttpResponse:
    pd = _pd(request, slug, tahun, triwulan)
    if (jenis, format_) not in paket.PAKET:
        raise Http404("Berkas tidak dikenal.")
    nama = paket.nama_unduhan(jenis, format_, pd.slug, tahun, triwulan)
    arsip_kini = arsip.berlaku(pd, tahun, triwulan)
    isi = arsip.isi_berkas(arsip_kini, nama) if arsip_kini is not None else None
    if isi is None:
        isi = paket.render_data(muat_data(pd, tahun, triwulan), jenis, format_)
    return _berkas(isi, nama)


@login_required
@require_GET
def zip_langsung(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    """The whole package, rendered in the request (about half a second); a locked quarter's archive."""
    pd = _pd(request, slug, tahun, triwulan)
    arsip_kini = arsip.berlaku(pd, tahun, triwulan)
    if arsip_kini is not None:
        r = _berkas(bytes(arsip_kini.isi), paket.nama_zip(pd.slug, tahun, triwulan))
        r["X-Capaian-SHA256"] = arsip_kini.sha256
        return r
    isi = paket.zip_unduhan(muat_data(pd, tahun, triwulan), pd.slug)
    return _berkas(isi, paket.nama_zip(pd.slug, tahun, triwulan))
