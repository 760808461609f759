"""An agency's Renja years: each year's quarters and whether it is closed, "Mulai tahun N+1", and column 6
of a year with where it comes from and its correction (capaian.perencanaan.tahun_baru)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from capaian.aturan import masukan
from capaian.aturan.angka import format_angka, format_rupiah
from capaian.laporan import paket
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_e80 import FORMAT_E80, render_e80
from capaian.laporan.sumber import muat_data
from capaian.laporan.sumber_e80 import TanpaData, muat_e80
from capaian.monev.models import Status
from capaian.organisasi import akses
from capaian.perencanaan import tahun_baru
from capaian.perencanaan.models import DasarPerubahan, Indikator, KoreksiKolom6
from capaian.web.isian import indikator_urut
from capaian.web.unduh import _berkas
from capaian.web.views.umum import konteks, pd_atau_404

SUMBER = {"masukan": "diisi (tahun pertama)", "turunan": "dari kolom 14 tahun lalu", "koreksi": "koreksi"}


@login_required
@require_GET
def tahun(request: HttpRequest, slug: str) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    daftar = tahun_baru.tahun_tersimpan(pd)
    label = dict(Status.choices)
    tahun_tahun = [
        {
            "tahun": t,
            "status": [(tw, label[s]) for tw, s in tahun_baru.status_tahun(pd, t).items()],
            "ditutup": tahun_baru.tahun_ditutup(pd, t),
            "perubahan": DasarPerubahan.objects.filter(perangkat_daerah=pd, tahun=t).first(),
        }
        for t in daftar
    ]
    dipilih = int(request.GET["tahun"]) if request.GET.get("tahun", "").isdigit() else (daftar or [0])[-1]
    boleh_ubah = akses.boleh_ubah_rencana(request.user, pd)
    berikut = (daftar[-1] + 1) if daftar else None
    alasan_mulai = tahun_baru.boleh_mulai(pd, berikut) if berikut else "Belum ada tahun Renja."
    baris = []
    if dipilih in daftar:
        koreksi = {
            k.indikator_id: k
            for k in KoreksiKolom6.objects.filter(indikator__perangkat_daerah=pd, tahun=dipilih)
        }
        lap = bangun_e81(muat_data(pd, dipilih, 1))
        for ind, b in zip(indikator_urut(pd), lap.baris, strict=True):
            k = koreksi.get(ind.pk)
            baris.append(
                {
                    "id": ind.pk,
                    "kode": b.rencana.kode or "",
                    "indikator": b.rencana.indikator,
                    "k": format_angka(b.masukan.realisasi_lalu.k),
                    "rp": format_rupiah(b.masukan.realisasi_lalu.rp),
                    "sumber": b.rencana.kolom_6_sumber,
                    "sumber_teks": SUMBER[b.rencana.kolom_6_sumber],
                    "alasan": k.alasan if k else "",
                }
            )
    isi = konteks(
        request,
        pd=pd,
        tahun_tahun=tahun_tahun,
        dipilih=dipilih,
        baris=baris,
        boleh_ubah=boleh_ubah,
        berikut=berikut,
        alasan_mulai=alasan_mulai,
    )
    return render(request, "web/tahun.html", isi)


@login_required
@require_POST
def mulai(request: HttpRequest, slug: str) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    diminta = request.POST.get("tahun", "")
    if not diminta.isdigit():
        messages.error(request, "Tahun tidak sah.")
        return redirect("tahun", slug=pd.slug)
    try:
        tahun_baru.mulai_tahun(request.user, pd, int(diminta))
    except tahun_baru.TahunTidakSah as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request, f"Tahun {diminta} dimulai: rencana dan target Renstra disalin, kolom 6 diturunkan."
        )
    return redirect(f"/pd/{pd.slug}/tahun/?tahun={diminta}")


@login_required
@require_POST
def koreksi(request: HttpRequest, slug: str, tahun: int, indikator: int) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    ind = get_object_or_404(Indikator, pk=indikator, perangkat_daerah=pd)
    try:
        k = masukan.baca_k(request.POST.get("k", ""), boleh_negatif=True)
        rp = masukan.baca_rp(request.POST.get("rp", ""))
        tahun_baru.koreksi_kolom_6(request.user, ind, tahun, k, rp, request.POST.get("alasan", ""))
    except (masukan.NilaiTidakSah, tahun_baru.TahunTidakSah) as e:
        messages.error(request, str(e))
    else:
        pesan = "Kolom 6 disimpan." if k is not None or rp is not None else "Koreksi dihapus."
        messages.success(request, pesan)
    return redirect(f"/pd/{pd.slug}/tahun/?tahun={tahun}")


@login_required
@require_GET
def dokumen(request: HttpRequest, slug: str, tahun: int, jenis: str, format_: str) -> HttpResponse:
    """The year's documents: Form E.80 of year `tahun`, and Form E.81 Perubahan of ?triwulan= (3 or 4)."""
    pd = pd_atau_404(request, slug)
    if jenis == "e80":
        if format_ not in FORMAT_E80:
            raise Http404("Format tidak dikenal.")
        try:
            isi = render_e80(muat_e80(pd, tahun), format_)
        except TanpaData as e:
            raise Http404(str(e)) from None
        if format_ == "json":
            return HttpResponse(isi, content_type="application/json; charset=utf-8")
        return _berkas(isi, f"e80-{pd.slug}-{tahun}.{format_}")
    if jenis == "e81-perubahan":
        tw = request.GET.get("triwulan", "3")
        if tw not in ("2", "3", "4"):
            raise Http404("Triwulan tidak dikenal.")
        try:
            isi = paket.render_data(muat_data(pd, tahun, int(tw)), jenis, format_)
        except paket.PaketError as e:
            messages.error(request, str(e))
            return redirect(f"/pd/{pd.slug}/tahun/?tahun={tahun}")
        if format_ == "json":
            return HttpResponse(isi, content_type="application/json; charset=utf-8")
        return _berkas(isi, f"e81-perubahan-{pd.slug}-{tahun}-tw{tw}.{format_}")
    raise Http404("Dokumen tidak dikenal.")
