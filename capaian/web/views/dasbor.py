"""The dashboards. The city's (the mayor's) answers "which agencies and programs are behind?": agencies ranked
by capaian against the target expected by this quarter (capaian.aturan.laju), the quarter before beside it,
the programs furthest behind, and a link down to each agency's page, which opens program > indicator.

Every number comes from the Form E.81 builder and the rules core (through capaian.kota.ringkasan for the
city, read in a fixed number of queries however many agencies), formatted by capaian.aturan.angka; the charts
(static/web/dasbor.js) draw the same numbers and show the server's text, and a table under each chart works
without script. An agency with nothing entered for the quarter shows no number: column 12 would otherwise
repeat the quarters before it.
"""

from collections import Counter
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capaian.aturan.angka import bulatkan, format_angka, format_persen, format_rupiah
from capaian.aturan.capaian import SERATUS, Persen
from capaian.aturan.laju import (
    ada_isian,
    capaian_laju,
    harapan,
    rasio_rp,
    rata_capaian,
    selisih,
    target_sampai,
    tertinggal,
)
from capaian.hasil.baca import laporan_e81
from capaian.kota.ringkasan import Ringkasan, ringkasan
from capaian.laporan.e81 import BarisE81, LaporanE81, baris_program
from capaian.laporan.umum import romawi
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.replika import dari_replika
from capaian.web.views.umum import konteks, pd_atau_404, status_baca, teks_draf_banyak, triwulan_sah

LEBAR_BATANG = 260  # px of the bar area in the SVG charts
URUT_PREDIKAT = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", "-")
PROGRAM_TERTINGGAL = 10


def _angka_grafik(n: Decimal | None) -> float | None:
    """A percentage already computed by the rules core, rounded as the report shows it (2 places), and
    only then turned into a float for the chart's bar length; None (no value) stays null, never 0."""
    return None if n is None else float(bulatkan(n))


def _batang(k: Decimal | None, rp: Decimal | None, harapan: Persen | None = None) -> dict[str, Any]:
    """Pixel widths of a K bar and an Rp bar on a 0..max(100, value) scale: geometry, not report numbers;
    with `harapan` (capaian.aturan.laju.harapan), where each bar should be by this quarter."""
    h = harapan or Persen(None, None)
    skala = max([Decimal(100)] + [n for n in (k, rp, h.k, h.rp) if n is not None])

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
        "harapan_k": lebar(h.k) if h.k is not None else None,
        "harapan_rp": lebar(h.rp) if h.rp is not None else None,
        "teks_harapan_k": format_persen(h.k),
        "teks_harapan_rp": format_persen(h.rp),
        "nilai_harapan_k": _angka_grafik(h.k),
        "nilai_harapan_rp": _angka_grafik(h.rp),
    }


def _garis_laju(triwulan: int) -> dict[str, Any]:
    """The expected-by-this-quarter line of a chart of capaian against the target expected by this quarter:
    by that measure, on schedule is 100 % (capaian.aturan.laju)."""
    return {
        "nilai": _angka_grafik(SERATUS),
        "teks": f"Harapan s.d. TW {romawi(triwulan)}: {format_persen(SERATUS)}",
    }


def _program(lap: LaporanE81) -> list[dict[str, Any]]:
    return [
        {
            "nama": b.rencana.uraian,
            "kode": b.rencana.kode or "",
            **_batang(b.hasil.capaian.k, b.hasil.capaian.rp, harapan(b.masukan, lap.data.triwulan)),
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


def _grafik_program(program: list[dict[str, Any]], triwulan: int) -> dict[str, Any]:
    """The programs' capaian against the year's target, with where each should be by this quarter."""
    return {
        **_grafik_batang(program, kode=[p["kode"] for p in program], nama=[p["nama"] for p in program]),
        "harapan_k": [p["nilai_harapan_k"] for p in program],
        "harapan_rp": [p["nilai_harapan_rp"] for p in program],
        "teks_harapan_k": [p["teks_harapan_k"] for p in program],
        "teks_harapan_rp": [p["teks_harapan_rp"] for p in program],
        "label_harapan": f"Harapan s.d. TW {romawi(triwulan)}",
    }


def _sebaran(hitungan: Counter[str]) -> list[dict[str, Any]]:
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


def _rincian(lap: LaporanE81) -> list[dict[str, Any]]:
    """Program > indicator: each program's own rows and its kegiatan and sub kegiatan rows, with the target
    expected by the quarter, column 12 and capaian against both targets."""
    tw = lap.data.triwulan
    kelompok: list[tuple[BarisE81, list[BarisE81]]] = []
    for b in lap.baris:
        if b.rencana.tingkat == "program" and not b.rencana.lanjutan:
            kelompok.append((b, []))
        elif kelompok and b.rencana.tingkat in ("program", "kegiatan", "subkegiatan"):
            kelompok[-1][1].append(b)

    def baris(b: BarisE81) -> dict[str, Any]:
        laju = capaian_laju(b.masukan, b.hasil, tw)
        return {
            "kode": b.rencana.kode or "",
            "tingkat": b.rencana.tingkat,
            "indikator": b.rencana.indikator,
            "satuan": b.rencana.satuan,
            "target_sampai": format_angka(target_sampai(b.masukan, tw).k),
            "realisasi": format_angka(b.hasil.realisasi.k),
            "laju_k": format_persen(laju.k),
            "laju_rp": format_persen(laju.rp),
            "capaian_k": format_persen(b.hasil.capaian.k),
            "predikat": b.hasil.predikat[0] or "-",
            "dini": b.peringatan.status.value if b.peringatan and b.peringatan.status else "-",
            "tertinggal": tertinggal(laju.k),
        }

    hasil = []
    for program, anak in kelompok:
        laju = capaian_laju(program.masukan, program.hasil, tw)
        hasil.append(
            {
                "kode": program.rencana.kode or "",
                "nama": program.rencana.uraian,
                "laju": _batang(laju.k, laju.rp),
                "tertinggal": tertinggal(laju.k),
                "baris": [baris(program), *[baris(b) for b in anak]],
            }
        )
    return hasil


@login_required
@require_GET
@dari_replika
def dasbor_pd(request: HttpRequest, slug: str, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    pd = pd_atau_404(request, slug)
    lap = laporan_e81([pd], tahun, triwulan)[pd.pk]  # stored results (capaian.hasil)
    program = _program(lap)
    sebaran = _sebaran(Counter(b.hasil.predikat[0] or "-" for b in lap.baris))
    return render(
        request,
        "web/dasbor_pd.html",
        konteks(
            request,
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            romawi=romawi(triwulan),
            ada_isian=ada_isian([b.masukan for b in lap.baris], triwulan),
            program=program,
            grafik_program=_grafik_program(program, triwulan),
            rincian=_rincian(lap),
            sebaran=sebaran,
            grafik_sebaran=_grafik_hitungan(sebaran, "kelas"),
            status=status_baca(pd, tahun, triwulan),
            rekap=_rekap(lap),
        ),
    )


def _laju_kota(daftar: list[Ringkasan]) -> dict[str, Any]:
    k = rata_capaian([p.laju_k for r in daftar for p in r.program])
    rp = rasio_rp([r.realisasi_rp for r in daftar], [r.target_laju_rp for r in daftar])
    return _batang(k, rp)


@login_required
@require_GET
@dari_replika
def dasbor_kota(request: HttpRequest, tahun: int, triwulan: int) -> HttpResponse:
    triwulan_sah(tahun, triwulan)
    daftar_pd = list(akses.pd_terlihat(request.user))
    kini = ringkasan(daftar_pd, tahun, triwulan)
    lalu = ringkasan(daftar_pd, tahun, triwulan - 1) if triwulan > 1 else {}
    status_pd_map = {
        s.perangkat_daerah_id: s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    semua = []
    for pd in daftar_pd:
        r = kini[pd.pk]
        r_lalu = lalu.get(pd.pk)
        # Nothing entered this quarter: no number at all, not even the quarter before beside it.
        laju_lalu = r_lalu.laju_k if r.ada_isian and r_lalu is not None and r_lalu.ada_isian else None
        status = status_pd_map.get(pd.pk) or StatusTriwulan(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        semua.append(
            {
                "pd": pd,
                "r": r,
                "status": status,
                "diajukan": status.status not in (Status.DRAFT, Status.DIKEMBALIKAN),
                "diverifikasi": status.status in (Status.DIVERIFIKASI, Status.TERKUNCI),
                "ada_isian": r.ada_isian,
                "predikat_k": (r.predikat_k or "-") if r.ada_isian else "-",
                "capaian_k": format_persen(r.capaian_k) if r.ada_isian else "-",
                "capaian_rp": format_persen(r.capaian_rp) if r.ada_isian else "-",
                "lalu_k": format_persen(laju_lalu),
                "nilai_lalu": _angka_grafik(laju_lalu),
                "perubahan": format_angka(selisih(r.laju_k, laju_lalu)) if r.ada_isian else "-",
                **(_batang(r.laju_k, r.laju_rp) if r.ada_isian else _batang(None, None)),
            }
        )
    # Most behind first; agencies with no entry for the quarter at the end, without numbers.
    semua.sort(
        key=lambda s: (
            (False, s["r"].laju_k is None, s["r"].laju_k or 0, s["pd"].nama)
            if s["ada_isian"]
            else (True, True, 0, s["pd"].nama)
        )
    )
    terisi = [s["r"] for s in semua if s["ada_isian"]]
    program_tertinggal = sorted(
        (
            {"pd": s["pd"], "p": p, "teks_k": format_persen(p.laju_k), "teks_rp": format_persen(p.laju_rp)}
            for s in semua
            if s["ada_isian"]
            for p in s["r"].program
            if p.laju_k is not None
        ),
        key=lambda x: x["p"].laju_k,
    )[:PROGRAM_TERTINGGAL]
    hitungan: Counter[str] = Counter()
    for r in terisi:
        hitungan.update(dict(r.sebaran))
    sebaran = _sebaran(hitungan)
    hitungan_status = Counter(s["status"].status for s in semua)
    status_pd = [
        {"nilai": nilai, "label": label, "jumlah": hitungan_status.get(nilai, 0)}
        for nilai, label in Status.choices
    ]
    dengan_isian = [s for s in semua if s["ada_isian"]]
    return render(
        request,
        "web/dasbor_kota.html",
        konteks(
            request,
            tahun=tahun,
            triwulan=triwulan,
            romawi=romawi(triwulan),
            romawi_lalu=romawi(triwulan - 1) if triwulan > 1 else "",
            semua=semua,
            kosong=not terisi,
            kota=_laju_kota(terisi),
            grafik_pd={
                **_grafik_batang(dengan_isian, nama=[s["pd"].nama for s in dengan_isian]),
                "garis": _garis_laju(triwulan),
            },
            grafik_banding={
                "nama": [s["pd"].nama for s in dengan_isian],
                "lalu": [s["nilai_lalu"] for s in dengan_isian],
                "kini": [s["nilai_k"] for s in dengan_isian],
                "teks_lalu": [s["lalu_k"] for s in dengan_isian],
                "teks_kini": [s["teks_k"] for s in dengan_isian],
                "label_lalu": f"Triwulan {romawi(triwulan - 1)}" if triwulan > 1 else "",
                "label_kini": f"Triwulan {romawi(triwulan)}",
                "garis": _garis_laju(triwulan),
            },
            tertinggal=program_tertinggal,
            status_pd=status_pd,
            grafik_status=_grafik_hitungan(status_pd, "nilai"),
            sebaran=sebaran,
            grafik_sebaran=_grafik_hitungan(sebaran, "kelas"),
            jumlah_diajukan=sum(1 for s in semua if s["diajukan"]),
            jumlah_diverifikasi=sum(1 for s in semua if s["diverifikasi"]),
            **teks_draf_banyak(sum(1 for s in semua if not s["diverifikasi"]), len(semua)),
            jumlah_tertinggal=sum(1 for s in dengan_isian if tertinggal(s["r"].laju_k)),
            dini_tertinggal=sum(s["r"].dini_tertinggal for s in dengan_isian),
            dini_perhatian=sum(s["r"].dini_perhatian for s in dengan_isian),
        ),
    )
