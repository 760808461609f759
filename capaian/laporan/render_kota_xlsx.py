"""The city's recap for the province (Kesimpulan Evaluasi terhadap Hasil RKPD Kabupaten/Kota) as XLSX
(XlsxWriter): one block per included agency, its name merged over its program rows with each program's
factors (or the agency's, merged, for data without factors per program), its average row, and the city's
average; printed on F4 landscape, fitted to the width at 6.5 pt or more."""

from xlsxwriter.format import Format

from capaian.laporan.kesimpulan import teks_baris
from capaian.laporan.kesimpulan_kota import KOLOM_KESIMPULAN, LaporanKesimpulanKota, judul_kesimpulan
from capaian.laporan.render_e79_xlsx import blok_tanda_tangan_xlsx
from capaian.laporan.tabel_e81 import Sel
from capaian.laporan.umum import CATATAN_SINTETIS, romawi
from capaian.laporan.xlsx_buku import Buku, atur_cetak, bagi_pita, tulis, tulis_sel

LEBAR = (4, 24, 36, 11, 12, 11, 12, 30, 30, 24)


def kesimpulan_kota_xlsx(laporan: LaporanKesimpulanKota) -> bytes:
    d = laporan.data
    judul = f"Kesimpulan Evaluasi terhadap Hasil RKPD {d.pemda} Triwulan {romawi(d.triwulan)} {d.tahun}"
    buku = Buku(judul, d.pemda, d.nama_bappeda)
    ws = buku.wb.add_worksheet("Kesimpulan")
    for kolom, w in enumerate(LEBAR):
        ws.set_column(kolom, kolom, w)
    akhir = len(LEBAR) - 1
    r = 0
    if d.sintetis:
        ws.merge_range(r, 0, r, akhir, CATATAN_SINTETIS, buku.f("sintetis", bold=True, font_color="red"))
        r += 1
    ws.merge_range(
        r, 0, r, akhir, judul_kesimpulan(d), buku.f("judul", bold=True, font_size=11, align="center")
    )
    ws.merge_range(r + 1, 0, r + 1, akhir, d.pemda.upper(), buku.f("judul2", bold=True, align="center"))
    r += 3
    if d.tidak_termasuk:
        teks = "Belum termasuk (triwulan belum diverifikasi): " + "; ".join(
            f"{a.nama} ({a.label_status})" for a in d.tidak_termasuk
        )
        ws.merge_range(r, 0, r, akhir, teks, buku.f("cakupan", bg_color="#FFF7E0", border=1))
        ws.set_row(r, 12 * (1 + len(teks) // 220))
        r += 2
    kepala = r
    fk = buku.f("kepala", bold=True, align="center", valign="vcenter", border=1, bg_color="#E0E8F5")
    for kolom, (t, _) in enumerate(KOLOM_KESIMPULAN):
        ws.write_string(r, kolom, t, fk)
    ws.set_row(r, 62)
    r += 1
    teks = buku.format_sel("teks")
    tebal = buku.format_sel("teks", True)
    for blok in laporan.blok:
        k = blok.kesimpulan
        awal = r
        for b in k.baris:
            tulis(ws, r, 2, b.program, teks)
            tulis_sel(buku, ws, r, 3, Sel(b.capaian, "persen"))
            tulis(ws, r, 4, b.predikat_capaian or "-", teks)
            tulis_sel(buku, ws, r, 5, Sel(b.serapan, "persen"))
            tulis(ws, r, 6, b.predikat_serapan or "-", teks)
            if k.per_program:
                for kolom, isi_teks in enumerate(teks_baris(k, b), start=7):
                    tulis(ws, r, kolom, isi_teks, teks)
            r += 1
        bagian: tuple[tuple[int, object, Format], ...] = (
            (0, blok.no, buku.format_sel("no")),
            (1, blok.pd.nama, tebal),
        )
        if not k.per_program:
            # The agency's own factors, once over its programs (capaian.laporan.kesimpulan.teks_baris).
            bagian += (
                tuple((7 + i, t, teks) for i, t in enumerate(teks_baris(k, k.baris[0]))) if k.baris else ()
            )
        for kolom, nilai, fmt in bagian:
            if r - 1 > awal:
                ws.merge_range(awal, kolom, r - 1, kolom, None, fmt)
            tulis(ws, awal, kolom, nilai, fmt)
        rk = k.rekap
        for kolom in (0, 1, 7, 8, 9):
            ws.write_blank(r, kolom, None, tebal)
        tulis(ws, r, 2, f"Rata-rata {blok.pd.nama_pendek}", tebal)
        tulis_sel(buku, ws, r, 3, Sel(rk.rata_capaian.k, "persen"), tebal=True)
        tulis(ws, r, 4, rk.predikat[0] or "-", tebal)
        tulis_sel(buku, ws, r, 5, Sel(rk.rata_capaian.rp, "persen"), tebal=True)
        tulis(ws, r, 6, rk.predikat[1] or "-", tebal)
        r += 1
    rekap = laporan.rekap
    ws.write_blank(r, 0, None, tebal)
    ws.merge_range(r, 1, r, 2, f"Rata-rata seluruh perangkat daerah {d.pemda}", tebal)
    tulis_sel(buku, ws, r, 3, Sel(rekap.rata_capaian.k, "persen"), tebal=True)
    tulis(ws, r, 4, rekap.predikat[0] or "-", tebal)
    tulis_sel(buku, ws, r, 5, Sel(rekap.rata_capaian.rp, "persen"), tebal=True)
    tulis(ws, r, 6, rekap.predikat[1] or "-", tebal)
    ws.merge_range(r, 7, r, 9, f"Cara perhitungan rata-rata: {rekap.uraian_metode()}.", teks)
    r += 2
    blok_tanda_tangan_xlsx(buku, ws, r, d, 7, 9)
    ws.freeze_panes(kepala + 1, 0)
    atur_cetak(ws, (kepala, kepala), 0, bagi_pita(LEBAR, 0, [list(range(len(LEBAR)))]), judul)
    return buku.simpan()
