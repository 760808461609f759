"""The pemda-wide quarter's own pages, reached from the verifier's board: the city documents (Form E.79, the
province's Kesimpulan, the city Narasi) for download, the texts under Form E.79, reminders to agencies not
yet submitted, and the bulk lock of verified agencies. Reading the documents is for the pemda's cross-agency
roles; acting is the verifikator's (capaian.organisasi.akses)."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capaian.kota import services
from capaian.kota.models import CatatanKota, PenandatanganKota
from capaian.kota.pengingat import kirim_pengingat
from capaian.laporan.dokumen_kota import (
    FORMAT_JENIS_KOTA,
    JENIS_KOTA,
    NAMA_JENIS_KOTA,
    KonteksKota,
    nama_unduhan_kota,
    render_kota,
)
from capaian.laporan.sumber_kota import muat_data_kota
from capaian.organisasi import akses
from capaian.organisasi.akses import boleh_kelola_kota, boleh_lihat_kota
from capaian.organisasi.models import Pemda
from capaian.replika import dari_replika
from capaian.web.unduh import JENIS_MIME
from capaian.web.views.umum import konteks, triwulan_sah

JENIS_MIME_KOTA = {**JENIS_MIME, "json": "application/json"}


def _pemda(request: HttpRequest) -> Pemda:
    profil = akses.profil(request.user)
    if profil is None:
        raise PermissionDenied("Akun Anda belum terhubung dengan pemda.")
    return profil.pemda


def dokumen_kota(tahun: int, triwulan: int) -> list[dict[str, Any]]:
    return [
        {
            "nama": NAMA_JENIS_KOTA[jenis],
            "berkas": [
                {"format": f.upper(), "url": reverse("unduh_kota", args=[tahun, triwulan, jenis, f])}
                for f in FORMAT_JENIS_KOTA[jenis]
            ],
        }
        for jenis in JENIS_KOTA
    ]


@login_required
@require_GET
@dari_replika
def unduh_kota(request: HttpRequest, tahun: int, triwulan: int, jenis: str, format_: str) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pemda = _pemda(request)
    if not boleh_lihat_kota(request.user, pemda.pk):
        raise PermissionDenied("Laporan pemda hanya untuk admin, verifikator dan pimpinan daerah.")
    if format_ not in FORMAT_JENIS_KOTA.get(jenis, ()):
        raise Http404("Berkas tidak dikenal.")
    konteks_kota = KonteksKota(
        muat_data_kota(pemda, tahun, triwulan), kegiatan=request.GET.get("kegiatan") == "1"
    )
    isi = render_kota(konteks_kota, jenis, format_)
    r = HttpResponse(isi, content_type=JENIS_MIME_KOTA[format_])
    r["Content-Disposition"] = (
        f'attachment; filename="{nama_unduhan_kota(jenis, format_, pemda.slug, tahun, triwulan)}"'
    )
    r["Cache-Control"] = "no-store"
    return r


def _kembali(tahun: int, triwulan: int) -> HttpResponse:
    return redirect("ikhtisar", tahun=tahun, triwulan=triwulan)


@login_required
@require_POST
def pengingat(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pemda = _pemda(request)
    if not boleh_kelola_kota(request.user, pemda.pk):
        raise PermissionDenied("Hanya verifikator yang dapat mengirim pengingat.")
    hasil = kirim_pengingat(request.user, pemda, tahun, triwulan, request.build_absolute_uri("/"))
    if hasil.terkirim:
        messages.success(
            request,
            f"Pengingat terkirim ke {len(hasil.terkirim)} perangkat daerah: "
            + "; ".join(f"{pd.nama} ({', '.join(alamat)})" for pd, alamat in hasil.terkirim)
            + ".",
        )
    if hasil.baru_diingatkan:
        messages.info(
            request,
            "Tidak dikirim lagi karena baru diingatkan kurang dari satu jam lalu: "
            + ", ".join(pd.nama for pd in hasil.baru_diingatkan)
            + ".",
        )
    if hasil.tanpa_alamat:
        messages.error(
            request,
            "Tidak ada alamat e-mail operator atau kepala untuk: "
            + ", ".join(pd.nama for pd in hasil.tanpa_alamat)
            + ". Lengkapi e-mail pengguna di Data Induk.",
        )
    if hasil.gagal:
        messages.error(
            request,
            "Pengingat gagal dikirim (periksa pengaturan e-mail server): "
            + "; ".join(f"{pd.nama}: {alasan}" for pd, alasan in hasil.gagal),
        )
    if not (hasil.terkirim or hasil.baru_diingatkan or hasil.tanpa_alamat or hasil.gagal):
        messages.info(
            request, "Semua perangkat daerah telah mengajukan triwulan ini; tidak ada yang diingatkan."
        )
    return _kembali(tahun, triwulan)


@login_required
@require_POST
def kunci_banyak(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pemda = _pemda(request)
    if not boleh_kelola_kota(request.user, pemda.pk):
        raise PermissionDenied("Hanya verifikator yang dapat mengunci triwulan.")
    dipilih = request.POST.getlist("pd")
    daftar = list(akses.pd_terlihat(request.user).filter(slug__in=dipilih).order_by("nama"))
    if not daftar:
        messages.error(request, "Pilih perangkat daerah yang akan dikunci.")
        return _kembali(tahun, triwulan)
    hasil = services.kunci_banyak(request.user, daftar, tahun, triwulan)
    if hasil.dikunci:
        messages.success(
            request,
            f"{len(hasil.dikunci)} triwulan dikunci: " + ", ".join(pd.nama for pd in hasil.dikunci) + ".",
        )
    if hasil.dilewati:
        messages.error(
            request,
            "Tidak dikunci: " + "; ".join(f"{pd.nama} ({alasan})" for pd, alasan in hasil.dilewati) + ".",
        )
    return _kembali(tahun, triwulan)


@login_required
@require_http_methods(["GET", "POST"])
def catatan_kota(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    """The texts under Form E.79, its date and signatory: the verifikator writes them; the other
    cross-agency roles read them."""
    triwulan_sah(tahun, triwulan)
    pemda = _pemda(request)
    if not boleh_lihat_kota(request.user, pemda.pk):
        raise PermissionDenied("Catatan E.79 hanya untuk admin, verifikator dan pimpinan daerah.")
    kelola = boleh_kelola_kota(request.user, pemda.pk)
    catatan = CatatanKota.objects.filter(pemda=pemda, tahun=tahun, triwulan=triwulan).first()
    pilihan = list(PenandatanganKota.objects.filter(pemda=pemda, aktif=True))
    isi = {n: getattr(catatan, n) if catatan else "" for n in services.TEKS_KOTA}
    ttd_id = str(catatan.penandatangan_id or "") if catatan else ""
    tanggal = catatan.tanggal.isoformat() if catatan and catatan.tanggal else ""
    galat = ""
    if request.method == "POST":
        if not kelola:
            raise PermissionDenied("Hanya verifikator yang dapat mengubah catatan E.79.")
        isi = {n: request.POST.get(n, "").strip() for n in services.TEKS_KOTA}
        ttd_id, tanggal = request.POST.get("penandatangan", ""), request.POST.get("tanggal", "").strip()
        ttd = next((p for p in pilihan if str(p.pk) == ttd_id), None)
        try:
            tgl = datetime.date.fromisoformat(tanggal) if tanggal else None
        except ValueError:
            galat = "Tanggal tidak sah; tulis seperti 2024-07-08."
        else:
            try:
                services.simpan_catatan_kota(request.user, pemda, tahun, triwulan, ttd, tgl, **isi)
            except services.IsianKotaTidakSah as e:
                galat = str(e)
            else:
                messages.success(request, "Catatan Form E.79 tersimpan.")
                return redirect("catatan_kota", tahun=tahun, triwulan=triwulan)
    label = {
        "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
        "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
        "tindak_lanjut": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
        "tindak_lanjut_rkpd": "Tindak lanjut yang diperlukan dalam RKPD kabupaten/kota berikutnya",
    }
    return render(
        request,
        "web/catatan_kota.html",
        konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            pemda=pemda,
            teks=[(n, label[n], isi[n]) for n in services.TEKS_KOTA],
            pilihan=pilihan,
            ttd_id=ttd_id,
            tanggal=tanggal,
            galat=galat,
            kelola=kelola,
        ),
        status=400 if galat else 200,
    )
