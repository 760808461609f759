"""Pages of the web app. Agencies are always reached through capaian.organisasi.akses; numbers come from
the E.81 builder and are formatted by capaian.aturan.angka."""

import datetime
import mimetypes
from collections import Counter
from decimal import Decimal
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capaian.aturan.angka import (
    AngkaError,
    bulatkan,
    format_persen,
    format_rupiah,
    format_tanggal,
    parse_rupiah,
)
from capaian.audit.models import AuditEvent
from capaian.laporan import pemeriksaan
from capaian.laporan.e81 import LaporanE81
from capaian.monev import alur, services
from capaian.monev.models import CatatanTriwulan, PeriodeTriwulan, Realisasi, Status, StatusTriwulan
from capaian.monev.transisi import Langkah
from capaian.organisasi import akses
from capaian.organisasi.models import Peran, PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan
from capaian.web import isian
from capaian.web.models import BuktiDukung

TEKS_TRIWULAN = services.TEKS_TRIWULAN
LABEL_TEKS = {
    "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
    "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "rekomendasi": "Rekomendasi",
}
LABEL_KOLOM = {"k": "Realisasi K", "rp": "Realisasi Rp", "variabel": "Variabel rumus", "status": "Status"}
UKURAN_BUKTI_MAKS = 10 * 1024 * 1024
JENIS_BUKTI = {".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".docx"}


# --- shared helpers ---------------------------------------------------------------------------------


def _triwulan_sah(tahun: int, triwulan: int) -> None:
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan tidak ditemukan.")


def _pd(request: HttpRequest, slug: str) -> PerangkatDaerah:
    # An agency the user may not see does not exist for them: 404, not 403, so slugs do not leak.
    return get_object_or_404(akses.pd_terlihat(request.user).select_related("pemda"), slug=slug)


def tahun_aktif(request: HttpRequest, pd: QuerySet[PerangkatDaerah]) -> int:
    diminta = request.GET.get("tahun", "")
    if diminta.isdigit() and 2000 <= int(diminta) <= 2100:
        return int(diminta)
    tahun = (
        TargetTahunan.objects.filter(indikator__perangkat_daerah__in=pd)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return tahun or timezone.localdate().year


def _status(pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    # Read without creating: a page view must not write.
    return StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first() or (
        StatusTriwulan(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    )


def _pesan_periode(pd: PerangkatDaerah, tahun: int, triwulan: int) -> str:
    try:
        services.periksa_periode(pd, tahun, triwulan)
    except services.TriwulanTertutup as e:
        return str(e)
    return ""


def _konteks(request: HttpRequest, **isi: Any) -> dict[str, Any]:
    profil = akses.profil(request.user)
    peran = Peran(profil.peran) if profil else None
    isi.setdefault("tahun_nav", tahun_aktif(request, akses.pd_terlihat(request.user)))
    isi.update(
        profil=profil,
        peran=peran,
        lintas_pd=peran in akses.PERAN_LINTAS_PD,
        adalah_admin=peran is Peran.ADMIN,
        boleh_periode=peran in (Peran.VERIFIKATOR, Peran.ADMIN),
    )
    return isi


def _waktu(w: datetime.datetime | None) -> str:
    if w is None:
        return "-"
    lokal = timezone.localtime(w)
    return f"{format_tanggal(lokal.date())} {lokal:%H.%M}"


# --- home -------------------------------------------------------------------------------------------


@login_required
@require_GET
def beranda(request: HttpRequest) -> HttpResponse:
    terlihat = akses.pd_terlihat(request.user)
    tahun = tahun_aktif(request, terlihat)
    daftar = []
    for pd in terlihat:
        status = {s.triwulan: s for s in StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun)}
        daftar.append(
            {
                "pd": pd,
                "triwulan": [
                    (tw, status[tw].get_status_display() if tw in status else Status.DRAFT.label)
                    for tw in range(1, 5)
                ],
            }
        )
    return render(request, "web/beranda.html", _konteks(request, tahun=tahun, daftar=daftar, tahun_nav=tahun))


# --- the entry screen ---------------------------------------------------------------------------------


def _tombol(request: HttpRequest, pd: PerangkatDaerah, status: StatusTriwulan) -> list[Langkah]:
    # The explanation steps have their own form on the checks page.
    return [lk for lk in alur.tersedia(request.user, pd, status) if lk.kolom_audit == "status"]


def _render_isian(
    request: HttpRequest,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    baris: list[isian.BarisIsian],
    lap: LaporanE81,
    teks: dict[str, str],
    status_http: int = 200,
) -> HttpResponse:
    status = _status(pd, tahun, triwulan)
    pesan_periode = _pesan_periode(pd, tahun, triwulan)
    boleh_isi = akses.boleh_isi_realisasi(request.user, pd) and status.boleh_diubah and not pesan_periode
    rekap = lap.rekap
    tombol = _tombol(request, pd, status)
    konteks = _konteks(
        request,
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        baris=baris,
        triwulan_lalu=list(range(1, triwulan)),
        status=status,
        pesan_periode=pesan_periode,
        boleh_isi=boleh_isi,
        tombol=tombol,
        # The checks build every document of the quarter: only worth it where the workflow is shown.
        ringkasan_periksa=pemeriksaan.ringkasan_periksa(pd, tahun, triwulan, status) if tombol else None,
        teks=[(nama, LABEL_TEKS[nama], teks.get(nama, "")) for nama in TEKS_TRIWULAN],
        rekap={
            "target_rp": format_rupiah(rekap.jumlah_target_rp),
            "realisasi_rp": format_rupiah(rekap.jumlah_realisasi_rp),
            "capaian_k": format_persen(rekap.rata_capaian.k),
            "capaian_rp": format_persen(rekap.rata_capaian.rp),
            "predikat_k": rekap.predikat[0] or "-",
            "predikat_rp": rekap.predikat[1] or "-",
            "metode": rekap.uraian_metode(),
        },
        disetujui=_waktu(status.disetujui_kepala_pada) if status.disetujui_kepala_pada else "",
        bukti=BuktiDukung.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan),
        sintetis=pd.sintetis,
        ada_galat=any(b.ada_galat for b in baris),
    )
    return render(request, "web/isian.html", konteks, status=status_http)


def _teks_tersimpan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> dict[str, str]:
    catatan = CatatanTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first()
    return {nama: getattr(catatan, nama) if catatan else "" for nama in TEKS_TRIWULAN}


def _teks_nilai(k: object, rp: object) -> str:
    return f"K = {k}, Rp = {rp}"


@login_required
@require_http_methods(["GET", "POST"])
def isian_triwulan(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    lap = isian.laporan(pd, tahun, triwulan)
    baris = isian.bangun_baris(pd, tahun, triwulan, lap)
    tersimpan = _teks_tersimpan(pd, tahun, triwulan)
    if request.method == "GET":
        return _render_isian(request, pd, tahun, triwulan, baris, lap, tersimpan)

    if not akses.boleh_isi_realisasi(request.user, pd):
        raise PermissionDenied("Hanya operator perangkat daerah ini yang dapat mengisi realisasi.")
    isian.isi_dari_post(baris, request.POST)
    teks = {nama: request.POST.get(nama, "") for nama in TEKS_TRIWULAN}
    if any(b.ada_galat for b in baris):
        # Nothing is saved while any field is invalid; the bound form keeps everything that was typed.
        messages.error(request, "Ada isian yang tidak sah. Perbaiki kolom yang ditandai; isian lain tetap.")
        return _render_isian(request, pd, tahun, triwulan, baris, lap, teks, status_http=400)

    alasan = request.POST.get("alasan", "").strip() or None
    konflik = 0
    indikator = {i.pk: i for i in isian.indikator_urut(pd)}
    try:
        for b in baris:
            if not b.berubah:
                continue
            try:
                services.simpan_realisasi(
                    request.user,
                    indikator[b.indikator_id],
                    tahun,
                    triwulan,
                    versi=b.versi,
                    alasan=alasan,
                    **b.nilai,
                )
            except services.KonflikVersi as e:
                konflik += 1
                b.konflik = _pesan_konflik(e.terkini, b)
                # The next save overwrites on purpose: the user has now seen the other value.
                b.versi = e.terkini.versi
        ubah_teks = {
            n: teks[n] for n in TEKS_TRIWULAN if teks[n].strip() != request.POST.get(f"asal-{n}", "").strip()
        }
        if ubah_teks:
            services.simpan_catatan(request.user, pd, tahun, triwulan, **ubah_teks)
    except services.TriwulanTertutup as e:
        messages.error(request, f"Tidak disimpan: {e}")
        return _render_isian(request, pd, tahun, triwulan, baris, lap, teks, status_http=409)
    if konflik:
        messages.error(
            request,
            f"{konflik} baris telah diubah orang lain sejak halaman ini dibuka. Periksa baris yang ditandai.",
        )
        lap = isian.laporan(pd, tahun, triwulan)
        for b, baru in zip(baris, lap.baris, strict=True):
            b.e81, b.hasil = baru, isian.keluaran(baru, triwulan)
        return _render_isian(request, pd, tahun, triwulan, baris, lap, teks, status_http=409)
    messages.success(request, "Isian triwulan tersimpan.")
    return redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)


def _pesan_konflik(terkini: Realisasi, b: isian.BarisIsian) -> str:
    oleh = terkini.diubah_oleh.get_username() if terkini.diubah_oleh else "pengguna lain"
    bagian = []
    if b.k is not None:
        bagian.append(f"K = {isian.teks_k(terkini.k) or '-'}")
    if b.rp is not None:
        bagian.append(f"Rp = {isian.teks_rp(terkini.rp) or '-'}")
    for m in b.variabel:
        nama = m.nama.split("-", 2)[2]
        isi = (terkini.variabel or {}).get(nama)
        bagian.append(f"{m.label} = {isian.teks_k(Decimal(str(isi))) if isi not in (None, '') else '-'}")
    return (
        f"Baris ini telah diubah oleh {oleh} pada {_waktu(terkini.diubah)} menjadi {'; '.join(bagian)}. "
        "Nilai Anda belum disimpan; simpan sekali lagi untuk menimpanya, atau muat ulang halaman."
    )


@login_required
@require_POST
def hitung(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> JsonResponse:
    """Live preview of one row: parse the typed texts, compute through the E.81 builder, return strings."""
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    try:
        indikator = Indikator.objects.get(perangkat_daerah=pd, pk=int(request.POST.get("indikator", "")))
    except (ValueError, Indikator.DoesNotExist):
        return JsonResponse({"galat": {"": "Indikator tidak ditemukan."}}, status=400)
    galat: dict[str, str] = {}

    def baca(nama: str, pembaca: Any) -> Any:
        try:
            return pembaca(request.POST.get(nama, ""))
        except AngkaError as e:
            galat[nama] = str(e)
            return None

    k = baca(f"k-{indikator.pk}", isian.baca_k)
    rp = baca(f"rp-{indikator.pk}", parse_rupiah)
    variabel = {
        v["nama"]: baca(f"v-{indikator.pk}-{v['nama']}", isian.baca_k) for v in indikator.variabel
    } or None
    if galat:
        # A typing error is an answer, not a failed request: 200 keeps the browser console clean.
        return JsonResponse({"galat": galat})
    b = isian.hitung_ulang(pd, tahun, triwulan, indikator.pk, k, rp, variabel)
    return JsonResponse({"hasil": isian.keluaran(b, triwulan)})


@login_required
@require_POST
def langkah(request: HttpRequest, slug: str, tahun: int, triwulan: int, aksi: str) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    if aksi not in alur.MENURUT_AKSI:
        raise Http404("Langkah tidak dikenal.")
    catatan = request.POST.get("catatan", "")
    try:
        pemeriksaan.jalankan_langkah(aksi, request.user, pd, tahun, triwulan, catatan)
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        pesan = str(e)
        if alur.MENURUT_AKSI[aksi].gerbang and isinstance(e, alur.LangkahTidakSah):
            pesan += f" ({reverse('periksa', args=[pd.slug, tahun, triwulan])})"
        messages.error(request, pesan)
    else:
        messages.success(request, alur.MENURUT_AKSI[aksi].berhasil)
    kembali = request.POST.get("kembali", "")
    if kembali == "ikhtisar":
        return redirect(reverse("ikhtisar", args=[tahun, triwulan]))
    return redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)


# --- evidence files -----------------------------------------------------------------------------------


@login_required
@require_POST
def unggah_bukti(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    akses.wajib(akses.boleh_isi_realisasi(request.user, pd), "Hanya operator perangkat daerah ini.")
    berkas = request.FILES.get("berkas")
    tujuan = redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)
    if not _status(pd, tahun, triwulan).boleh_diubah:
        messages.error(request, "Triwulan ini tidak dapat diubah lagi; bukti dukung tidak diunggah.")
        return tujuan
    if berkas is None:
        messages.error(request, "Pilih berkas yang akan diunggah.")
        return tujuan
    nama = berkas.name or "berkas"
    akhiran = "." + nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if akhiran not in JENIS_BUKTI:
        messages.error(request, "Jenis berkas tidak diizinkan. Gunakan PDF, JPG, PNG, XLSX atau DOCX.")
        return tujuan
    if (berkas.size or 0) > UKURAN_BUKTI_MAKS:
        messages.error(request, "Berkas terlalu besar (maksimal 10 MB).")
        return tujuan
    BuktiDukung.objects.create(
        perangkat_daerah=pd,
        tahun=tahun,
        triwulan=triwulan,
        berkas=berkas,
        nama_asli=nama[:255],
        ukuran=berkas.size or 0,
        keterangan=request.POST.get("keterangan", "")[:255],
        diunggah_oleh=cast("User", request.user),
    )
    messages.success(request, f"Bukti dukung \u201c{nama}\u201d terunggah.")
    return tujuan


@login_required
@require_GET
def unduh_bukti(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    pd = _pd(request, slug)
    bukti = get_object_or_404(BuktiDukung, pk=pk, perangkat_daerah=pd)
    jenis = mimetypes.guess_type(bukti.nama_asli)[0] or "application/octet-stream"
    return FileResponse(
        bukti.berkas.open("rb"), as_attachment=True, filename=bukti.nama_asli, content_type=jenis
    )


# --- verification overview and periods ---------------------------------------------------------------


@login_required
@require_GET
def ikhtisar(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    baris: list[dict[str, Any]] = []
    for pd in akses.pd_terlihat(request.user):
        status = _status(pd, tahun, triwulan)
        rekap = isian.laporan(pd, tahun, triwulan).rekap
        baris.append(
            {
                "pd": pd,
                "status": status,
                "disetujui": _waktu(status.disetujui_kepala_pada) if status.disetujui_kepala_pada else "",
                "diubah": _waktu(status.diubah) if status.pk else "-",
                "capaian_k": format_persen(rekap.rata_capaian.k),
                "capaian_rp": format_persen(rekap.rata_capaian.rp),
                "tombol": _tombol(request, pd, status),
            }
        )
    hitungan = Counter(b["status"].status for b in baris)
    ringkas = [(s.label, hitungan.get(s.value, 0)) for s in Status]
    return render(
        request,
        "web/ikhtisar.html",
        _konteks(request, tahun=tahun, triwulan=triwulan, baris=baris, ringkas=ringkas, tahun_nav=tahun),
    )


@login_required
@require_http_methods(["GET", "POST"])
def periode(request: HttpRequest, tahun: int) -> HttpResponse:
    _triwulan_sah(tahun, 1)
    profil = akses.profil(request.user)
    if profil is None or Peran(profil.peran) not in (Peran.VERIFIKATOR, Peran.ADMIN):
        raise PermissionDenied("Hanya verifikator dan admin yang dapat melihat masa pengisian.")
    galat: dict[int, str] = {}
    isi: dict[int, tuple[str, str]] = {}
    if request.method == "POST":
        tw = int(request.POST.get("triwulan", "0") or 0)
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
        _konteks(
            request,
            tahun=tahun,
            baris=baris,
            boleh_atur=akses.boleh_atur_periode(request.user, profil.pemda_id),
            tahun_nav=tahun,
        ),
    )


# --- audit --------------------------------------------------------------------------------------------


def _nilai_audit(kolom: str, teks: str | None) -> str:
    if teks is None or teks == "":
        return "-"
    try:
        if kolom == "rp":
            return format_rupiah(int(teks))
        if kolom == "k":
            return isian.teks_k(Decimal(teks))
    except (ValueError, ArithmeticError):
        pass
    if kolom == "status":
        try:
            return Status(teks).label
        except ValueError:
            return teks
    return teks


def _baris_audit(peristiwa: QuerySet[AuditEvent]) -> list[dict[str, str]]:
    return [
        {
            "waktu": _waktu(e.waktu),
            "pengguna": e.nama_pengguna,
            "aksi": e.aksi,
            "objek": e.objek,
            "kolom": LABEL_KOLOM.get(e.kolom, e.kolom.replace("_", " ")),
            "lama": _nilai_audit(e.kolom, e.lama),
            "baru": _nilai_audit(e.kolom, e.baru),
            "alasan": e.alasan or "",
        }
        for e in peristiwa
    ]


@login_required
@require_GET
def riwayat_baris(request: HttpRequest, slug: str, tahun: int, triwulan: int, indikator: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    ind = get_object_or_404(Indikator, pk=indikator, perangkat_daerah=pd)
    r = Realisasi.objects.filter(indikator=ind, tahun=tahun, triwulan=triwulan).first()
    peristiwa = (
        AuditEvent.objects.filter(objek="realisasi", objek_id=r.pk) if r else AuditEvent.objects.none()
    )
    return render(
        request,
        "web/riwayat_baris.html",
        _konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            indikator=ind,
            baris=_baris_audit(peristiwa),
            tahun_nav=tahun,
        ),
    )


@login_required
@require_GET
def riwayat_pd(request: HttpRequest, slug: str) -> HttpResponse:
    pd = _pd(request, slug)
    peristiwa = AuditEvent.objects.filter(perangkat_daerah=pd).order_by("-waktu", "-id")[:200]
    return render(
        request,
        "web/riwayat_pd.html",
        _konteks(request, pd=pd, baris=_baris_audit(peristiwa)),
    )


# --- dashboards ---------------------------------------------------------------------------------------

LEBAR_BATANG = 260  # px of the bar area in the SVG charts
URUT_PREDIKAT = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "-")


def _angka_grafik(n: Decimal | None) -> float | None:
    """A percentage already computed by the rules core, rounded as the report shows it (2 places), and
    only then turned into a float for the chart's JSON; None (no value) stays null, never 0."""
    return None if n is None else float(bulatkan(n))


def _batang(k: Decimal | None, rp: Decimal | None) -> dict[str, Any]:
    """Pixel widths of a K bar and an Rp bar on a 0..max(100, value) scale: geometry, not report numbers."""
    skala = max([Decimal(100)] + [n for n in (k, rp) if n is not None])

    def lebar(n: Decimal | None) -> int:
        return 0 if n is None or n <= 0 else int(n / skala * LEBAR_BATANG)

    return {
        "k": lebar(k),
        "rp": lebar(rp),
        "seratus": int(Decimal(100) / skala * LEBAR_BATANG),
        "teks_k": format_persen(k),
        "teks_rp": format_persen(rp),
        "nilai_k": _angka_grafik(k),
        "nilai_rp": _angka_grafik(rp),
    }


def _program(lap: LaporanE81) -> list[dict[str, Any]]:
    return [
        {
            "nama": b.rencana.uraian,
            "kode": b.rencana.kode or "",
            **_batang(b.hasil.capaian.k, b.hasil.capaian.rp),
        }
        for b in lap.baris
        if b.rencana.tingkat == "program" and not b.rencana.lanjutan
    ]


def _grafik_program(program: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The chart data of the K/Rp per program chart (web/dasbor.js), the same numbers as the table."""
    return {
        "kode": [p["kode"] for p in program],
        "nama": [p["nama"] for p in program],
        "k": [p["nilai_k"] for p in program],
        "rp": [p["nilai_rp"] for p in program],
    }


def _sebaran(laporan: list[LaporanE81]) -> list[dict[str, Any]]:
    hitungan = Counter(b.hasil.predikat[0] or "-" for lap in laporan for b in lap.baris)
    total = sum(hitungan.values()) or 1
    return [
        {
            "label": "Belum ada nilai" if p == "-" else p,
            "kelas": "kosong" if p == "-" else p.lower().replace(" ", "-"),
            "jumlah": hitungan.get(p, 0),
            "lebar": int(hitungan.get(p, 0) * LEBAR_BATANG / total),
        }
        for p in URUT_PREDIKAT
    ]


def _grafik_sebaran(sebaran: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {
        "label": [s["label"] for s in sebaran],
        "kelas": [s["kelas"] for s in sebaran],
        "jumlah": [s["jumlah"] for s in sebaran],
    }


@login_required
@require_GET
def dasbor_pd(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    pd = _pd(request, slug)
    lap = isian.laporan(pd, tahun, triwulan)
    program = _program(lap)
    sebaran = _sebaran([lap])
    return render(
        request,
        "web/dasbor_pd.html",
        _konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            program=program,
            grafik_program=_grafik_program(program),
            sebaran=sebaran,
            grafik_sebaran=_grafik_sebaran(sebaran),
            status=_status(pd, tahun, triwulan),
            rekap={
                "capaian_k": format_persen(lap.rekap.rata_capaian.k),
                "capaian_rp": format_persen(lap.rekap.rata_capaian.rp),
                "predikat_k": lap.rekap.predikat[0] or "-",
                "predikat_rp": lap.rekap.predikat[1] or "-",
                "target_rp": format_rupiah(lap.rekap.jumlah_target_rp),
                "realisasi_rp": format_rupiah(lap.rekap.jumlah_realisasi_rp),
            },
            tahun_nav=tahun,
        ),
    )


@login_required
@require_GET
def dasbor_kota(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    _triwulan_sah(tahun, triwulan)
    semua = []
    daftar_laporan = []
    for pd in akses.pd_terlihat(request.user):
        lap = isian.laporan(pd, tahun, triwulan)
        daftar_laporan.append(lap)
        status = _status(pd, tahun, triwulan)
        program = _program(lap)
        semua.append(
            {
                "pd": pd,
                "status": status,
                "diajukan": status.status != Status.DRAFT and status.status != Status.DIKEMBALIKAN,
                "diverifikasi": status.status in (Status.DIVERIFIKASI, Status.TERKUNCI),
                "predikat_k": lap.rekap.predikat[0] or "-",
                "program": program,
                "grafik_program": _grafik_program(program),
                "id_grafik_program": f"data-program-{pd.slug}",
                **_batang(lap.rekap.rata_capaian.k, lap.rekap.rata_capaian.rp),
            }
        )
    sebaran = _sebaran(daftar_laporan)
    hitungan_status = Counter(s["status"].status for s in semua)
    status_pd = [
        {"nilai": nilai, "label": label, "jumlah": hitungan_status.get(nilai, 0)}
        for nilai, label in Status.choices
    ]
    return render(
        request,
        "web/dasbor_kota.html",
        _konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            semua=semua,
            grafik_pd={
                "nama": [s["pd"].nama for s in semua],
                "k": [s["nilai_k"] for s in semua],
                "rp": [s["nilai_rp"] for s in semua],
            },
            status_pd=status_pd,
            grafik_status={
                "label": [s["label"] for s in status_pd],
                "kelas": [s["nilai"] for s in status_pd],
                "jumlah": [s["jumlah"] for s in status_pd],
            },
            sebaran=sebaran,
            grafik_sebaran=_grafik_sebaran(sebaran),
            jumlah_diajukan=sum(1 for s in semua if s["diajukan"]),
            jumlah_diverifikasi=sum(1 for s in semua if s["diverifikasi"]),
            tahun_nav=tahun,
        ),
    )
