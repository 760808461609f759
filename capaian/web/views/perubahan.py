"""The Renja Perubahan screen of one agency and year: the legal basis, the effective quarter, and per
indicator the plan, the murni targets, the perubahan inputs and the difference
(capaian.perencanaan.perubahan).
Saving is all or nothing: one invalid cell and nothing is saved."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from capaian.aturan import masukan
from capaian.aturan.angka import format_angka, format_k, format_rupiah
from capaian.organisasi import akses
from capaian.perencanaan import perubahan
from capaian.perencanaan.models import BagianTarget, DasarPerubahan
from capaian.web.views.umum import konteks, pd_atau_404

LABEL = {
    "renstra": "Renstra (kol. 5)",
    "tahunan": "Tahun ini (kol. 7)",
    "1": "TW I",
    "2": "TW II",
    "3": "TW III",
    "4": "TW IV",
}


def _tanggal(teks: str) -> datetime.date | None:
    teks = teks.strip()
    if not teks:
        return None
    try:
        return datetime.date.fromisoformat(teks)
    except ValueError:
        raise perubahan.PerubahanTidakSah("Tanggal dasar hukum tidak sah (format TTTT-BB-HH).") from None


def _baca(request: HttpRequest, berlaku: int, ids: list[int]) -> tuple[perubahan.Nilai, dict[str, str]]:
    nilai: perubahan.Nilai = {}
    galat: dict[str, str] = {}
    for id_ in ids:
        for bagian in perubahan.bagian_tampil(berlaku):
            nama = f"{id_}-{bagian}"
            try:
                k = masukan.baca_k(request.POST.get(f"{nama}-k", ""), boleh_negatif=True)
                rp = masukan.baca_rp(request.POST.get(f"{nama}-rp", ""))
            except masukan.NilaiTidakSah as e:
                galat[nama] = str(e)
                continue
            nilai[(id_, bagian)] = (k, rp)
    return nilai, galat


@login_required
@require_http_methods(["GET", "POST"])
def perubahan_tahun(request: HttpRequest, slug: str, tahun: int) -> HttpResponse:
    pd = pd_atau_404(request, slug)
    dasar = DasarPerubahan.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
    # When even the latest start (Triwulan IV) would change a submitted, verified or locked quarter, nothing
    # can be saved: the screen is read-only and says why, not offering inputs the service would refuse.
    berhak = akses.boleh_ubah_rencana(request.user, pd)
    tertutup = perubahan.alasan_tertutup(pd, tahun, 4) if berhak else None
    boleh_ubah = berhak and tertutup is None
    berlaku = dasar.berlaku_triwulan if dasar else 3
    galat: dict[str, str] = {}
    isian: dict[str, str] = {}
    if request.method == "POST":
        akses.wajib(berhak, "Anda tidak berhak mengubah rencana perangkat daerah ini.")
        isian = {k: str(request.POST.get(k, "")) for k in request.POST if k != "csrfmiddlewaretoken"}
        try:
            diminta = request.POST.get("berlaku_triwulan", "3")
            berlaku = int(diminta) if diminta in ("2", "3", "4") else 0
            if not berlaku:
                raise perubahan.PerubahanTidakSah("Perubahan berlaku mulai Triwulan II, III atau IV.")
            ids = [b.indikator.pk for b in perubahan.tabel(pd, tahun, berlaku)]
            nilai, galat = _baca(request, berlaku, ids)
            if galat:
                raise perubahan.PerubahanTidakSah(
                    f"{len(galat)} isian tidak sah (bertanda merah); tidak ada yang disimpan."
                )
            perubahan.simpan_perubahan(
                request.user,
                pd,
                tahun,
                berlaku_triwulan=berlaku,
                dasar_hukum=request.POST.get("dasar_hukum", ""),
                nomor=request.POST.get("nomor", "").strip(),
                tanggal=_tanggal(request.POST.get("tanggal", "")),
                nilai=nilai,
            )
        except perubahan.PerubahanTidakSah as e:
            messages.error(request, str(e))
            berlaku = berlaku or 3
        else:
            messages.success(request, f"Perubahan tahun {tahun} disimpan; berlaku mulai Triwulan {berlaku}.")
            return redirect("perubahan", slug=pd.slug, tahun=tahun)
    baris: list[dict[str, Any]] = []
    for b in perubahan.tabel(pd, tahun, berlaku):
        sel = []
        for s in b.sel:
            nama = f"{b.indikator.pk}-{s.bagian}"
            p = s.perubahan
            sel.append(
                {
                    "nama": nama,
                    "label": LABEL[s.bagian],
                    "murni_k": format_angka(s.murni.k),
                    "murni_rp": format_rupiah(s.murni.rp),
                    "k": isian.get(f"{nama}-k", format_k(p.k, kosong="") if p else ""),
                    "rp": isian.get(f"{nama}-rp", "" if p is None or p.rp is None else format_rupiah(p.rp)),
                    "selisih_k": format_angka(s.selisih.k) if p and p.k is not None else "",
                    "selisih_rp": format_rupiah(s.selisih.rp) if p and p.rp is not None else "",
                    "galat": galat.get(nama, ""),
                }
            )
        baris.append(
            {
                "kode": b.indikator.kode or "",
                "indikator": b.indikator.uraian,
                "satuan": b.indikator.satuan,
                "sel": sel,
            }
        )
    isi = konteks(
        request,
        pd=pd,
        tahun=tahun,
        dasar=dasar,
        berlaku=berlaku,
        boleh_ubah=boleh_ubah,
        tertutup=tertutup,
        baris=baris,
        kepala=[LABEL[b] for b in perubahan.bagian_tampil(berlaku)],
        pilihan_tw=[(tw, BagianTarget(str(tw)).label) for tw in (2, 3, 4)],
        isian_dasar={
            "dasar_hukum": isian.get("dasar_hukum", dasar.dasar_hukum if dasar else ""),
            "nomor": isian.get("nomor", dasar.nomor if dasar else ""),
            "tanggal": isian.get("tanggal", dasar.tanggal.isoformat() if dasar and dasar.tanggal else ""),
        },
    )
    return render(request, "web/perubahan.html", isi)
