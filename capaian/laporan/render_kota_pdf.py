"""PDF of the city's recap for the province (Kesimpulan, F4 landscape) and the city Narasi (A4 portrait), with
"Halaman n dari N", text never below 6.5 pt, the agencies not included named, signed by the head of
Bappelitbangda. Numbers are only formatted here (capaian.aturan.angka)."""

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from capaian.aturan.angka import format_persen
from capaian.laporan.data_kota import DataKota
from capaian.laporan.kesimpulan import teks_baris
from capaian.laporan.kesimpulan_kota import KOLOM_KESIMPULAN, LaporanKesimpulanKota, judul_kesimpulan
from capaian.laporan.narasi import blok_narasi
from capaian.laporan.narasi_kota import LaporanNarasiKota, periode, teks_narasi_kota
from capaian.laporan.render_e79_pdf import MARGIN, kanvas_bernomor, p, tanda_tangan_kota
from capaian.laporan.render_pdf import F4, gaya
from capaian.laporan.umum import romawi

BIRU_MUDA = colors.Color(0.88, 0.91, 0.96)


def _bangun(
    cerita: list[Flowable], ukuran: tuple[float, float], judul: str, data: DataKota, margin: float
) -> bytes:
    keluaran = io.BytesIO()
    doc = SimpleDocTemplate(
        keluaran,
        pagesize=ukuran,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin + 2 * mm,
        bottomMargin=margin + 2 * mm,
        title=judul,
        author=data.nama_bappeda,
        creator="Capaian",
    )
    doc.build(cerita, canvasmaker=kanvas_bernomor(judul, data.sintetis))
    return keluaran.getvalue()


def _belum(data: DataKota, ukuran: float) -> list[Flowable]:
    if not data.tidak_termasuk:
        return []
    teks = "Belum termasuk (triwulan belum diverifikasi): " + "; ".join(
        f"{a.nama} ({a.label_status})" for a in data.tidak_termasuk
    )
    return [p(teks, gaya(ukuran, textColor=colors.Color(0.45, 0.2, 0.0))), Spacer(1, 2 * mm)]


def kesimpulan_kota_pdf(laporan: LaporanKesimpulanKota) -> bytes:
    d = laporan.data
    ukuran = landscape(F4)
    lebar = ukuran[0] - 2 * MARGIN
    total = sum(w for _, w in KOLOM_KESIMPULAN)
    lebar_kolom = [w / total * lebar for _, w in KOLOM_KESIMPULAN]
    ukuran_isi = 7.0
    g, gb = gaya(ukuran_isi), gaya(ukuran_isi, tebal=True)
    gk, gr = gaya(6.5, tebal=True, rata=TA_CENTER), gaya(ukuran_isi, rata=TA_RIGHT)
    isi: list[list[Any]] = [[p(t, gk) for t, _ in KOLOM_KESIMPULAN]]
    gaya_tabel: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), BIRU_MUDA),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]

    for blok in laporan.blok:
        k = blok.kesimpulan
        for i, b in enumerate(k.baris):
            pertama = i == 0
            isi.append(
                [
                    p(str(blok.no), g) if pertama else "",
                    p(blok.pd.nama, gb) if pertama else "",
                    p(b.program, g),
                    p(format_persen(b.capaian, tanda=False), gr),
                    p(b.predikat_capaian or "-", g),
                    p(format_persen(b.serapan, tanda=False), gr),
                    p(b.predikat_serapan or "-", g),
                    *(p(t, g) if t else "" for t in teks_baris(k, b)),
                ]
            )
        r = k.rekap
        isi.append(
            [
                "",
                "",
                p(f"Rata-rata {blok.pd.nama_pendek}", gb),
                p(format_persen(r.rata_capaian.k, tanda=False), gr),
                p(r.predikat[0] or "-", gb),
                p(format_persen(r.rata_capaian.rp, tanda=False), gr),
                p(r.predikat[1] or "-", gb),
                "",
                "",
                "",
            ]
        )
        gaya_tabel.append(
            ("BACKGROUND", (0, len(isi) - 1), (-1, len(isi) - 1), colors.Color(0.96, 0.96, 0.96))
        )
    r = laporan.rekap
    isi.append(
        [
            "",
            p(f"Rata-rata seluruh perangkat daerah {d.pemda}", gb),
            "",
            p(format_persen(r.rata_capaian.k, tanda=False), gr),
            p(r.predikat[0] or "-", gb),
            p(format_persen(r.rata_capaian.rp, tanda=False), gr),
            p(r.predikat[1] or "-", gb),
            p(f"Cara perhitungan rata-rata: {r.uraian_metode()}.", g),
            "",
            "",
        ]
    )
    akhir = len(isi) - 1
    gaya_tabel += [
        ("SPAN", (1, akhir), (2, akhir)),
        ("SPAN", (7, akhir), (9, akhir)),
        ("BACKGROUND", (0, akhir), (-1, akhir), colors.Color(0.92, 0.92, 0.92)),
    ]
    tabel = Table(isi, colWidths=lebar_kolom, repeatRows=1, splitInRow=1)
    tabel.setStyle(TableStyle(gaya_tabel))
    cerita: list[Flowable] = [
        p(judul_kesimpulan(d), gaya(11, True, TA_CENTER)),
        p(d.pemda.upper(), gaya(10, True, TA_CENTER)),
        Spacer(1, 3 * mm),
        *_belum(d, 8),
        tabel,
        tanda_tangan_kota(d, lebar),
    ]
    judul = f"Kesimpulan Evaluasi terhadap Hasil RKPD {d.pemda} Triwulan {romawi(d.triwulan)} {d.tahun}"
    return _bangun(cerita, ukuran, judul, d, MARGIN)


def _tabel_bidang(laporan: LaporanNarasiKota, kode: str, lebar: float) -> Flowable:
    bidang = next((b for b in laporan.bidang if b.kode == kode), None)
    if bidang is None:
        return Spacer(1, 1)
    tw = romawi(laporan.data.triwulan)
    kolom = [
        ("No", 2),
        ("Perangkat Daerah", 7),
        ("Nama Program", 12),
        (f"Capaian Kinerja TW {tw} (%)", 4.5),
        (f"Serapan Anggaran TW {tw} (%)", 4.5),
    ]
    total = sum(w for _, w in kolom)
    g, gr = gaya(8.5), gaya(8.5, rata=TA_RIGHT)
    isi: list[list[Any]] = [[p(t, gaya(8.5, True, TA_CENTER)) for t, _ in kolom]]
    for no, pk in enumerate(bidang.program, start=1):
        isi.append(
            [
                p(str(no), g),
                p(pk.pd.nama_pendek, g),
                p(pk.program.nama, g),
                p(format_persen(pk.program.capaian, tanda=False), gr),
                p(format_persen(pk.program.serapan, tanda=False), gr),
            ]
        )
    t = Table(isi, colWidths=[w / total * lebar for _, w in kolom], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), BIRU_MUDA),
            ]
        )
    )
    return t


def narasi_kota_pdf(laporan: LaporanNarasiKota) -> bytes:
    d = laporan.data
    ukuran = A4
    margin = 20 * mm
    lebar = ukuran[0] - 2 * margin
    cerita: list[Flowable] = [
        p("NARASI LAPORAN HASIL PELAKSANAAN RKPD", gaya(12, True, TA_CENTER)),
        p(f"{d.pemda.upper()} — {periode(d).upper()}", gaya(11, True, TA_CENTER)),
        Spacer(1, 6 * mm),
    ]
    paragraf = gaya(10.5, rata=TA_JUSTIFY, spaceAfter=6)
    for blok in blok_narasi(teks_narasi_kota(laporan)):
        if blok.jenis == "judul":
            cerita += [Spacer(1, 3 * mm), p(blok.teks, gaya(11.5, True, spaceAfter=6))]
        elif blok.jenis == "subjudul":
            cerita.append(p(blok.teks, gaya(10, True, TA_CENTER, spaceAfter=4)))
        elif blok.jenis == "butir":
            cerita.append(
                Paragraph(escape(blok.teks), gaya(10.5, leftIndent=14, bulletIndent=4), bulletText="•")
            )
        elif blok.jenis == "tabel":
            cerita += [_tabel_bidang(laporan, blok.teks, lebar), Spacer(1, 4 * mm)]
        else:
            cerita.append(p(blok.teks, paragraf))
    cerita.append(tanda_tangan_kota(d, lebar))
    judul = f"Narasi Laporan Hasil Pelaksanaan RKPD {d.pemda} {periode(d)}"
    return _bangun(cerita, ukuran, judul, d, margin)
