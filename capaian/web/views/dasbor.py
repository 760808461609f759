"""The dashboards: one agency's quarter, and the city's (every agency the user may see). Every number is a
Form E.81 number from the builder, formatted by capaian.aturan.angka; the charts (static/web/dasbor.js) draw
the same numbers and show the server's text, and an SVG table under each chart works without script."""

from collections import Counter
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capaian.aturan.angka import bulatkan, format_angka, format_persen, format_rupiah
from capaian.laporan.e81 import LaporanE81, bangun_e81, baris_program
from capaian.laporan.sumber import muat_data_banyak
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.web.views.umum import konteks, pd_atau_404, status_baca, triwulan_sah

LEBAR_BATANG = 260  # px of the bar area in the SVG charts
URUT_PREDIKAT = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "-")


def _angka_grafik(n: Decimal | None) -> float | None:
    """A percentage already computed by the rules core, rounded as the report shows it (2 places), and
    only then turned into a float for the chart's bar length; None (no value) stays null, never 0."""
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
        for b in baris_program(lap)
    ]


def _grafik_batang(isi: list[dict[str, Any]], **label: list[str]) -> dict[str, list[Any]]:
    """The data of a K/Rp bar chart: the bar lengths and the same numbers as the table's text."""
    return {
        **label,
        "k": [p["nilai_k"] for p in isi],
        "rp": [p["nilai_rp"] for p in isi],
        "teks_k": [p["teks_k"] for p in isi],
        "teks_rp": [p["teks_rp"] for p in isi],
    }


def _grafik_program(program: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return _grafik_batang(program, kode=[p["kode"] for p in program], nama=[p["nama"] for p in program])


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


def _grafik_hitungan(isi: list[dict[str, Any]], kelas: str) -> dict[str, list[Any]]:
    return {
        "label": [s["label"] for s in isi],
        "kelas": [s[kelas] for s in isi],
        "jumlah": [s["jumlah"] for s in isi],
        "teks": [format_angka(s["jumlah"], 0) for s in isi],
    }


def _rekap(lap: LaporanE81) -> dict[str, str]:
    return {
        "capaian_k": format_persen(lap.rekap.rata_capaian.k),
        "capaian_rp": format_persen(lap.rekap.rata_capaian.rp),
        "predikat_k": lap.rekap.predikat[0] or "-",
        "predikat_rp": lap.rekap.predikat[1] or "-",
        "target_rp": format_rupiah(lap.rekap.jumlah_target_rp),
        "realisasi_rp": format_rupiah(lap.rekap.jumlah_realisasi_rp),
    }


@login_required
@require_GET
def dasbor_pd(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    lap = bangun_e81(muat_data_banyak([pd], tahun, triwulan)[pd.pk])
    program = _program(lap)
    sebaran = _sebaran([lap])
    return render(
        request,
        "web/dasbor_pd.html",
        konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            program=program,
            grafik_program=_grafik_program(program),
            sebaran=sebaran,
            grafik_sebaran=_grafik_hitungan(sebaran, "kelas"),
            status=status_baca(pd, tahun, triwulan),
            rekap=_rekap(lap),
        ),
    )


@login_required
@require_GET
def dasbor_kota(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    daftar_pd = list(akses.pd_terlihat(request.user))
    data = muat_data_banyak(daftar_pd, tahun, triwulan)
    status_pd_map = {
        s.perangkat_daerah_id: s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    semua = []
    daftar_laporan = []
    for pd in daftar_pd:
        lap = bangun_e81(data[pd.pk])
        daftar_laporan.append(lap)
        status = status_pd_map.get(pd.pk) or StatusTriwulan(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        program = _program(lap)
        semua.append(
            {
                "pd": pd,
                "status": status,
                "diajukan": status.status not in (Status.DRAFT, Status.DIKEMBALIKAN),
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
        konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            semua=semua,
            grafik_pd=_grafik_batang(semua, nama=[s["pd"].nama for s in semua]),
            status_pd=status_pd,
            grafik_status=_grafik_hitungan(status_pd, "nilai"),
            sebaran=sebaran,
            grafik_sebaran=_grafik_hitungan(sebaran, "kelas"),
            jumlah_diajukan=sum(1 for s in semua if s["diajukan"]),
            jumlah_diverifikasi=sum(1 for s in semua if s["diverifikasi"]),
        ),
    )
