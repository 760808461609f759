"""Form E.79 as XLSX (XlsxWriter): each K/Rp pair as two number columns, the agencies not included listed
above the table, the footer and texts, and a sheet listing every agency with its status. Printed on F4
landscape in bands of columns with the identifying columns repeated, at a scale that keeps text at 6.5 pt
or more."""

from xlsxwriter.worksheet import Worksheet

from capaian.aturan.angka import format_tanggal
from capaian.laporan.data_kota import DataKota
from capaian.laporan.e79 import LaporanE79
from capaian.laporan.tabel_e79 import (
    JUDUL_IDENTITAS,
    JUDUL_PD,
    baris_penutup,
    baris_tabel,
    catatan_metode,
    judul_dokumen,
    judul_triwulan,
    keterangan_cakupan,
    kolom_pasangan,
)
from capaian.laporan.umum import CATATAN_SINTETIS, format_nip, romawi
from capaian.laporan.xlsx_buku import Buku, Pita, atur_cetak, bagi_pita, tulis, tulis_sel

LEBAR_IDENTITAS = (4.5, 14, 11, 22, 22, 8)
LEBAR_K, LEBAR_RP, LEBAR_PD = 7.5, 15, 24
KOLOM_TETAP = len(LEBAR_IDENTITAS)
LATAR = {"sasaran": "#E8EDF5", "urusan": "#F2F2F2", "bidang": "#F7F7F7"}


def pita_e79(n_pasangan: int) -> tuple[list[float], Pita]:
    lebar = [*LEBAR_IDENTITAS, *[w for _ in range(n_pasangan) for w in (LEBAR_K, LEBAR_RP)], LEBAR_PD]
    kelompok = [[KOLOM_TETAP + 2 * i, KOLOM_TETAP + 2 * i + 1] for i in range(n_pasangan)]
    kelompok[-1].append(KOLOM_TETAP + 2 * n_pasangan)  # the agency column stays with the last pair
    return lebar, bagi_pita(lebar, KOLOM_TETAP, kelompok)


def blok_tanda_tangan_xlsx(buku: Buku, ws: Worksheet, r: int, d: DataKota, k1: int, k2: int) -> int:
    """Place and date, the head of Bappelitbangda's office, room to sign, name, rank, NIP; the next row."""
    ttd = d.penandatangan
    tempat = f"{d.tempat}, {format_tanggal(d.tanggal)}" if d.tanggal else f"{d.tempat}, ...................."
    biasa = buku.f("ttd", align="center")
    blok = [
        (tempat, biasa),
        (ttd.jabatan if ttd else f"Kepala {d.nama_bappeda}", buku.f("ttd-tebal", align="center", bold=True)),
        ("", biasa),
        ("", biasa),
        ("", biasa),
        (ttd.nama if ttd else "", buku.f("ttd-nama", align="center", bold=True, underline=1)),
        (ttd.pangkat if ttd else "", biasa),
        (f"NIP. {format_nip(ttd.nip)}" if ttd and ttd.nip else "", biasa),
    ]
    for teks, fmt in blok:
        if teks:
            ws.merge_range(r, k1, r, k2, teks, fmt)
        r += 1
    return r


def e79_xlsx(laporan: LaporanE79) -> bytes:
    d = laporan.data
    judul = f"Form E.79 Evaluasi terhadap Hasil RKPD {d.pemda} Triwulan {romawi(d.triwulan)} {d.tahun}"
    buku = Buku(judul, d.pemda, d.nama_bappeda)
    ws = buku.wb.add_worksheet("E.79")
    kolom = kolom_pasangan(laporan)
    n = len(kolom)
    lebar, pita = pita_e79(n)
    for k, w in enumerate(lebar):
        ws.set_column(k, k, w)
    akhir_pita1 = (pita.putus[0] if pita.putus else len(lebar)) - 1

    r = 0
    if d.sintetis:
        ws.merge_range(
            r, 0, r, akhir_pita1, CATATAN_SINTETIS, buku.f("sintetis", bold=True, font_color="red")
        )
        r += 1
    for i, t in enumerate(judul_dokumen(laporan)):
        ws.merge_range(
            r, 0, r, akhir_pita1, t, buku.f(f"judul{i}", bold=True, font_size=12 - i, align="center")
        )
        r += 1
    if d.rpjmd:
        ws.merge_range(
            r, 0, r, akhir_pita1, f"Sasaran pembangunan menurut {d.rpjmd}", buku.f("tengah", align="center")
        )
        r += 1
    r += 1
    for t in keterangan_cakupan(laporan):
        ws.merge_range(r, 0, r, akhir_pita1, t, buku.f("cakupan", bg_color="#FFF7E0", border=1))
        ws.set_row(r, 12 * (1 + len(t) // 160))
        r += 1
    r += 1

    # The header: headings (two rows, the quarters' names under their group), then the numbered row.
    awal = r
    fk = buku.f("kepala", bold=True, align="center", valign="vcenter", border=1, bg_color="#E0E8F5")
    for k, t in enumerate(JUDUL_IDENTITAS):
        ws.merge_range(r, k, r + 2, k, t, fk)
    kw = [i for i, kp in enumerate(kolom) if kp.triwulan]
    for i, kp in enumerate(kolom):
        c = KOLOM_TETAP + 2 * i
        if kp.triwulan:
            ws.merge_range(r + 1, c, r + 1, c + 1, judul_triwulan(kp.triwulan), fk)
        else:
            ws.merge_range(r, c, r + 1, c + 1, kp.judul, fk)
        ws.write_string(r + 2, c, "K", fk)
        ws.write_string(r + 2, c + 1, "Rp", fk)
    if kw:
        c1, c2 = KOLOM_TETAP + 2 * kw[0], KOLOM_TETAP + 2 * kw[-1] + 1
        teks = f"Realisasi Kinerja dan Anggaran pada Triwulan Tahun {d.tahun}"
        ws.merge_range(r, c1, r, c2, teks, fk)
    pd = KOLOM_TETAP + 2 * n
    ws.merge_range(r, pd, r + 2, pd, JUDUL_PD, fk)
    ws.set_row(r, 60)
    ws.set_row(r + 1, 24)
    r += 3
    fn = buku.f("nomor", align="center", border=1, bg_color="#E0E8F5", font_size=8)
    for k, t in enumerate(("1", "2", "3", "4", "5")):
        ws.write_string(r, k, t, fn)
    ws.write_blank(r, 5, None, fn)
    for i, kp in enumerate(kolom):
        ws.merge_range(r, KOLOM_TETAP + 2 * i, r, KOLOM_TETAP + 2 * i + 1, kp.nomor, fn)
    ws.write_string(r, pd, "17", fn)
    akhir_kepala = r
    r += 1

    for b in baris_tabel(laporan):
        latar = LATAR.get(b.tingkat)
        for k, sel in enumerate(b.identitas):
            fmt = buku.format_sel(sel.jenis, b.tebal and k in (0, 1, 2, 3), latar)
            tulis(ws, r, k, sel.nilai, fmt)
        for i, (sk, srp) in enumerate(b.pasangan):
            for j, sel in enumerate((sk, srp)):
                nilai = "-" if sel.jenis == "persen" and sel.nilai is None else sel.nilai
                tulis(ws, r, KOLOM_TETAP + 2 * i + j, nilai, buku.format_sel(sel.jenis, False, latar))
        tulis(ws, r, pd, b.pd, buku.format_sel("teks", False, latar))
        r += 1
    for bp in baris_penutup(laporan):
        ws.merge_range(r, 0, r, KOLOM_TETAP - 1, bp.label, buku.format_sel("teks", True, "#F2F2F2"))
        for i, pasangan in enumerate(bp.pasangan):
            for j, sel in enumerate(pasangan):
                tulis_sel(buku, ws, r, KOLOM_TETAP + 2 * i + j, sel, tebal=True)
        ws.write_blank(r, pd, None, buku.format_sel("teks", True))
        r += 1

    r += 1
    kecil = buku.f("catatan", font_size=8, font_color="#4D4D4D")
    ws.merge_range(r, 0, r, akhir_pita1, catatan_metode(laporan), kecil)
    ws.set_row(r, 36)
    r += 2
    for bagian in laporan.teks:
        judul_teks = bagian.judul + (
            " (dihimpun dari perangkat daerah)" if bagian.dihimpun and bagian.isi else ""
        )
        ws.merge_range(r, 0, r, akhir_pita1, judul_teks, buku.f("subjudul", bold=True))
        ws.merge_range(r + 1, 0, r + 1, akhir_pita1, bagian.isi or "-", buku.f("isi"))
        ws.set_row(r + 1, 12 * max(1, bagian.isi.count("\n") + 1 + len(bagian.isi) // 180))
        r += 3
    blok_tanda_tangan_xlsx(buku, ws, r, d, 3, 5)

    ws.freeze_panes(akhir_kepala + 1, KOLOM_TETAP)
    atur_cetak(ws, (awal, akhir_kepala), KOLOM_TETAP, pita, judul)

    daftar = buku.wb.add_worksheet("Perangkat Daerah")
    fk2 = buku.f("kepala2", bold=True, border=1, bg_color="#E0E8F5")
    for k, (t, w) in enumerate(
        (("Slug", 24), ("Perangkat daerah", 60), ("Status triwulan", 16), ("Termasuk", 12))
    ):
        daftar.set_column(k, k, w)
        daftar.write_string(0, k, t, fk2)
    biasa = buku.format_sel("teks")
    for i, a in enumerate(d.anggota, start=1):
        for k, nilai in enumerate((a.slug, a.nama, a.label_status, "Ya" if a.termasuk else "Tidak")):
            tulis(daftar, i, k, nilai, biasa)
    return buku.simpan()
