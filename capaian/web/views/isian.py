"""The quarter's entry screen (Form E.81 layout): showing it, saving it, the live preview of one row, and the
workflow steps. Numbers come from the E.81 builder (capaian.web.isian builds the rows from it); inputs are
read by the one validator, capaian.aturan.masukan."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from capaian.aturan.angka import format_k, format_persen, format_rupiah
from capaian.hasil import baca as baca_hasil
from capaian.hasil import simpan as hasil_tersimpan
from capaian.laporan import pemeriksaan
from capaian.laporan.data import DataLaporan
from capaian.laporan.sumber import muat_data
from capaian.monev import alur, beku, services
from capaian.monev.models import Cakupan, CatatanTriwulan, KomentarBaris, Realisasi, Status, StatusTriwulan
from capaian.monev.teks import CakupanTeks, daftar_cakupan
from capaian.monev.transisi import Langkah
from capaian.organisasi import akses
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import isian
from capaian.web.models import BuktiDukung
from capaian.web.views.umum import konteks, pd_atau_404, pesan_periode, status_baca, triwulan_sah, waktu

TEKS_TRIWULAN = services.TEKS_TRIWULAN
LABEL_TEKS = {
    "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
    "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "rekomendasi": "Rekomendasi",
    "kendala": "Kendala (Narasi)",
    "solusi": "Solusi (Narasi)",
}


def tombol_langkah(request: HttpRequest, pd: PerangkatDaerah, status: StatusTriwulan) -> list[Langkah]:
    """The workflow buttons of a quarter for this user, from the one table of steps (the explanations per
    galat have their own forms on the checks page)."""
    return alur.tersedia(request.user, pd, status)


def _render(
    request: HttpRequest,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    baris: list[isian.BarisIsian],
    data: DataLaporan,
    teks: dict[str, str],
    cakupan: list[CakupanTeks],
    status_http: int = 200,
) -> HttpResponse:
    # The saved state's Form E.81 and checks as stored on write (capaian.hasil); computed if none is stored.
    lap = baca_hasil.laporan_dari_data(data, pd, [b.indikator_id for b in baris])
    isian.tampilkan(baris, lap)
    status = status_baca(pd, tahun, triwulan)
    periode = pesan_periode(pd, tahun, triwulan)
    # Open itself, but a later quarter that shows its values is verified or locked (capaian.monev.beku): its
    # realisations are refused, its texts and evidence are not.
    pesan_beku = beku.pesan_baca(beku.realisasi(pd, tahun, triwulan)) if status.boleh_diubah else ""
    pesan_beku = pesan_beku.replace(" Tidak ada yang diubah.", " Realisasi triwulan ini tidak dapat diubah.")
    boleh_isi = akses.boleh_isi_realisasi(request.user, pd) and status.boleh_diubah and not periode
    rekap = lap.rekap
    tombol = tombol_langkah(request, pd, status)
    komentar = komentar_aktif(pd, tahun, triwulan, status)
    for b in baris:
        b.komentar = komentar.get(b.indikator_id, "")
    isi = konteks(
        request,
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        baris=baris,
        triwulan_lalu=list(range(1, triwulan)),
        status=status,
        pesan_periode=periode,
        pesan_beku=pesan_beku.replace(
            " Tidak ada yang diubah.", " Realisasi triwulan ini tidak dapat diubah."
        ),
        boleh_isi=boleh_isi,
        tombol=tombol,
        # The checks build every document of the quarter: only worth it where the workflow is shown.
        ringkasan_periksa=baca_hasil.ringkasan_periksa(data, pd, status, lap) if tombol else None,
        teks=[(nama, LABEL_TEKS[nama], teks.get(nama, "")) for nama in TEKS_TRIWULAN],
        teks_cakupan=[
            {
                "label": f"{c.kode} {c.nama}",
                "buka": any(teks.get(nama_isian(c, n), "").strip() for n in TEKS_TRIWULAN),
                "isian": [
                    (nama_isian(c, n), LABEL_TEKS[n], teks.get(nama_isian(c, n), "")) for n in TEKS_TRIWULAN
                ],
            }
            for c in cakupan
        ],
        rekap={
            "target_rp": format_rupiah(rekap.jumlah_target_rp),
            "realisasi_rp": format_rupiah(rekap.jumlah_realisasi_rp),
            "capaian_k": format_persen(rekap.rata_capaian.k),
            "capaian_rp": format_persen(rekap.rata_capaian.rp),
            "predikat_k": rekap.predikat[0] or "-",
            "predikat_rp": rekap.predikat[1] or "-",
            "metode": rekap.uraian_metode(),
        },
        disetujui=waktu(status.disetujui_kepala_pada) if status.disetujui_kepala_pada else "",
        menunggu_kepala=status.status == Status.DIAJUKAN
        and status.disetujui_kepala_pada is None
        and alur.wajib_persetujuan_kepala(pd),
        # The verifikator writes a comment per row in the return's form (form="form-langkah-kembalikan").
        boleh_komentar=any(lk.aksi == "kembalikan" for lk in tombol),
        ada_komentar=bool(komentar),
        bukti=BuktiDukung.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).select_related(
            "indikator", "diunggah_oleh"
        ),
        sintetis=pd.sintetis,
        ada_galat=any(b.ada_galat for b in baris),
    )
    isi["baris_html"] = mark_safe(  # noqa: S308 - autoescaped by Jinja2 (capaian.web.jinja)
        get_template("web/isian_baris.html", using="jinja2").render(
            {k: isi[k] for k in ("baris", "boleh_isi", "boleh_komentar", "pd", "tahun", "triwulan")}
        )
    )
    return render(request, "web/isian.html", isi, status=status_http)


def komentar_aktif(pd: PerangkatDaerah, tahun: int, triwulan: int, status: StatusTriwulan) -> dict[int, str]:
    """The verifikator's comments per row of the latest return, shown while the quarter is returned or
    submitted again (so that the verifikator sees what was asked)."""
    if status.status not in (Status.DIKEMBALIKAN, Status.DIAJUKAN):
        return {}
    return dict(
        KomentarBaris.objects.filter(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, aktif=True
        ).values_list("indikator_id", "teks")
    )


def nama_isian(c: CakupanTeks, nama: str) -> str:
    """The form field of a scoped text: "bidang-3.31-kendala", "program-3.30.05-faktor_penghambat"."""
    return f"{c.jenis}-{c.kode}-{nama}"


def _teks_tersimpan(
    pd: PerangkatDaerah, tahun: int, triwulan: int, cakupan: list[CakupanTeks]
) -> dict[str, str]:
    """Every text of the quarter by its form field: the agency's by name, each bidang's and program's by
    nama_isian."""
    catatan = CatatanTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).first()
    hasil = {nama: getattr(catatan, nama) if catatan else "" for nama in TEKS_TRIWULAN}
    for c in cakupan:
        for nama in TEKS_TRIWULAN:
            hasil[nama_isian(c, nama)] = getattr(c.tersimpan, nama) if c.tersimpan else ""
    return hasil


@login_required
@require_http_methods(["GET", "POST"])
def isian_triwulan(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    data = muat_data(pd, tahun, triwulan)
    baris = isian.baris_masukan(pd, data)
    cakupan = daftar_cakupan(pd, tahun, triwulan)
    if request.method == "GET":
        teks_awal = _teks_tersimpan(pd, tahun, triwulan, cakupan)
        return _render(request, pd, tahun, triwulan, baris, data, teks_awal, cakupan)

    if not akses.boleh_isi_realisasi(request.user, pd):
        raise PermissionDenied("Hanya operator perangkat daerah ini yang dapat mengisi realisasi.")
    isian.isi_dari_post(baris, request.POST)
    tersimpan = _teks_tersimpan(pd, tahun, triwulan, cakupan)
    # A text the POST does not carry is left as stored (a partial POST never clears it).
    teks = {nama: request.POST.get(nama, isi) for nama, isi in tersimpan.items()}
    if any(b.ada_galat for b in baris):
        # Nothing is saved while any field is invalid; the bound form keeps everything that was typed.
        messages.error(
            request,
            f"Ada isian yang tidak sah pada baris {_nomor([b for b in baris if b.ada_galat])}. Belum ada "
            "yang disimpan: perbaiki kolom yang ditandai merah, lalu simpan lagi.",
        )
        return _render(request, pd, tahun, triwulan, baris, data, teks, cakupan, status_http=400)

    alasan = request.POST.get("alasan", "").strip() or None
    konflik: list[isian.BarisIsian] = []
    tanda_galat: list[isian.BarisIsian] = []
    indikator = {i.pk: i for i in isian.indikator_urut(pd)}
    try:
        # All or nothing: the rows and the texts in one transaction, undone as a whole when one row has
        # been changed by someone else since the page was read or cannot be saved.
        with transaction.atomic(), hasil_tersimpan.sekaligus():
            berubah = [b for b in baris if b.berubah]
            jawaban = (
                services.simpan_realisasi_banyak(
                    request.user,
                    pd,
                    tahun,
                    triwulan,
                    [services.UbahBaris(indikator[b.indikator_id], b.versi, b.nilai) for b in berubah],
                    alasan=alasan,
                )
                if berubah
                else []
            )
            for b, e in zip(berubah, jawaban, strict=True):
                if isinstance(e, services.TandaTidakSah):
                    b.tanda_galat = str(e)
                    tanda_galat.append(b)
                elif isinstance(e, services.KonflikVersi):
                    konflik.append(b)
                    b.konflik = _pesan_konflik(e.terkini, b)
                    # The next save overwrites on purpose: the user has now seen the other value.
                    b.versi = e.terkini.versi
            if konflik or tanda_galat:
                raise _Batal

            ubah_teks = {n: teks[n] for n in TEKS_TRIWULAN if _diubah(request, teks, n)}
            if ubah_teks:
                services.simpan_catatan(request.user, pd, tahun, triwulan, **ubah_teks)
            for c in cakupan:
                ubah = {
                    n: teks[nama_isian(c, n)]
                    for n in TEKS_TRIWULAN
                    if _diubah(request, teks, nama_isian(c, n))
                }
                if ubah:
                    services.simpan_catatan_cakupan(
                        request.user,
                        pd,
                        tahun,
                        triwulan,
                        teks=ubah,
                        bidang=c.kode if c.jenis == Cakupan.BIDANG else None,
                        program=c.program,
                    )
    except services.TriwulanTertutup as e:
        messages.error(request, f"Tidak disimpan: {e}")
        return _render(request, pd, tahun, triwulan, baris, data, teks, cakupan, status_http=409)
    except services.TeksTidakSah as e:
        messages.error(request, f"Catatan tidak sah: {e} Belum ada yang disimpan.")
        return _render(request, pd, tahun, triwulan, baris, data, teks, cakupan, status_http=400)
    except _Batal:
        if tanda_galat:
            messages.error(
                request,
                f"Tanda 'belum ada data' tidak sah pada baris {_nomor(tanda_galat)}. Belum ada yang "
                "disimpan; perbaiki baris yang ditandai lalu simpan lagi.",
            )
        if konflik:
            messages.error(
                request,
                f"Baris {_nomor(konflik)} telah diubah orang lain sejak halaman ini dibuka. Belum ada yang "
                "disimpan: periksa baris yang ditandai, lalu simpan lagi untuk menimpanya dengan isian Anda.",
            )
        # The numbers shown are those of the data as it is now, the other users' changes included.
        return _render(
            request,
            pd,
            tahun,
            triwulan,
            baris,
            muat_data(pd, tahun, triwulan),
            teks,
            cakupan,
            status_http=409 if konflik else 400,
        )
    messages.success(request, "Isian triwulan tersimpan.")
    return redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)


def _diubah(request: HttpRequest, teks: dict[str, str], nama: str) -> bool:
    """The POST carries the text and it differs from what the page showed (its "asal-" copy)."""
    return nama in request.POST and teks[nama].strip() != request.POST.get(f"asal-{nama}", "").strip()


class _Batal(Exception):
    """Undo the whole save (raised inside its transaction)."""


def _nomor(baris: list[isian.BarisIsian]) -> str:
    """The rows as the page numbers them ("No. 3, No. 12"; a continuation row by its indicator)."""
    return ", ".join(f"No. {b.no}" if b.no is not None else f"'{b.indikator}'" for b in baris)


def _pesan_konflik(terkini: Realisasi, b: isian.BarisIsian) -> str:
    oleh = terkini.diubah_oleh.get_username() if terkini.diubah_oleh else "pengguna lain"
    bagian = []
    if b.k is not None:
        bagian.append(f"K = {format_k(terkini.k)}")
    if b.rp is not None:
        bagian.append(f"Rp = {format_rupiah(terkini.rp)}")
    for m in b.variabel:
        nama = m.nama.split("-", 2)[2]
        isi = (terkini.variabel or {}).get(nama)
        bagian.append(f"{m.label} = {format_k(Decimal(str(isi)) if isi not in (None, '') else None)}")
    return (
        f"Baris ini telah diubah oleh {oleh} pada {waktu(terkini.diubah)} menjadi {'; '.join(bagian)}. "
        "Nilai Anda belum disimpan; simpan sekali lagi untuk menimpanya, atau muat ulang halaman."
    )


@login_required
@require_POST
def hitung(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> JsonResponse:
    """Live preview of one row: parse the typed texts, compute through the E.81 builder, return strings."""
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    try:
        indikator = Indikator.objects.get(perangkat_daerah=pd, pk=int(request.POST.get("indikator", "")))
    except (ValueError, Indikator.DoesNotExist):
        return JsonResponse({"galat": {"": "Indikator tidak ditemukan."}}, status=400)
    galat: dict[str, str] = {}
    dibaca: dict[str, str] = {}
    usul: dict[str, str] = {}

    def baca(nama: str, pembaca: Any, rupiah: bool = False) -> Any:
        # The page sends each input's text as rendered (asal-…) beside it: only a touched input is told
        # how it was read.
        m = isian.Masukan(nama, "", request.POST.get(nama, ""), request.POST.get(f"asal-{nama}", ""))
        nilai = isian.baca_masukan(m, pembaca, rupiah, negatif)
        for kumpulan, isi in ((galat, m.galat), (dibaca, m.dibaca), (usul, m.usul)):
            if isi:
                kumpulan[nama] = isi
        return nilai

    negatif = indikator.boleh_negatif
    k = baca(f"k-{indikator.pk}", lambda t: isian.baca_k(t, negatif))
    rp = baca(f"rp-{indikator.pk}", lambda t: isian.baca_rp(t, negatif), rupiah=True)
    variabel = {
        v["nama"]: baca(f"v-{indikator.pk}-{v['nama']}", isian.baca_variabel_desimal)
        for v in indikator.variabel
    } or None
    if galat:
        # A typing error is an answer, not a failed request: 200 keeps the browser console clean.
        return JsonResponse({"galat": galat, "dibaca": dibaca, "usul": usul})
    b = isian.hitung_ulang(pd, tahun, triwulan, indikator.pk, k, rp, variabel)
    return JsonResponse({"hasil": isian.keluaran(b, triwulan), "dibaca": dibaca, "usul": usul})


@login_required
@require_POST
def langkah(request: HttpRequest, slug: str, tahun: int, triwulan: int, aksi: str) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    if aksi not in alur.MENURUT_AKSI:
        raise Http404("Langkah tidak dikenal.")
    catatan = request.POST.get("catatan", "")
    komentar = {
        int(nama.removeprefix("komentar-")): request.POST.get(nama, "")
        for nama in request.POST
        if nama.startswith("komentar-") and nama.removeprefix("komentar-").isdigit()
    }
    try:
        pemeriksaan.jalankan_langkah(aksi, request.user, pd, tahun, triwulan, catatan, komentar=komentar)
    except (alur.LangkahTidakSah, alur.IsianTidakSah) as e:
        pesan = str(e)
        if alur.MENURUT_AKSI[aksi].gerbang and isinstance(e, alur.LangkahTidakSah):
            pesan += f" ({reverse('periksa', args=[pd.slug, tahun, triwulan])})"
        messages.error(request, pesan)
    else:
        # Named: the verifier acts on one agency of many from the board and lands back on it.
        messages.success(
            request, alur.MENURUT_AKSI[aksi].berhasil.format(pd=pd.nama, tahun=tahun, triwulan=triwulan)
        )
    if request.POST.get("kembali", "") == "ikhtisar":
        return redirect(reverse("ikhtisar", args=[tahun, triwulan]))
    return redirect("isian", slug=pd.slug, tahun=tahun, triwulan=triwulan)
