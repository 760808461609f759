"""XLSX renderers (XlsxWriter): Form E.81, Kertas Kerja and Kesimpulan, as workbooks that keep working.

Inputs are numbers (K rounded half-up to 2 places as printed, whole Rupiah); every derived cell of Form
E.81 (columns 12-15, a parent's Rupiah summed from its children, the Jumlah row, the means and the
predicates) is a formula over the input cells, made by the rules core (capaian.aturan.rumus_sel), with the
value the rules core computed cached in the file: a reader that does not calculate shows the numbers, and
an office worker who edits a realisation in Excel or LibreOffice sees its row and the totals follow. Every
text is written as text (a faktor starting with "=" stays text), without control characters.

Print: F4 landscape, the header rows (and on Form E.81 the identifying columns No .. Satuan) repeated,
bands of columns at a print scale that keeps the text at 6.5 pt or more, frozen panes, "Halaman &P dari &N".
"""

from collections.abc import Sequence
from decimal import Decimal

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from capaian.aturan import metode, rumus_sel
from capaian.aturan.angka import bulatkan, tempat_satuan
from capaian.aturan.induk import anak_per_induk
from capaian.aturan.rekap import MetodeRata
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.kertas_kerja import BarisKK, LaporanKertasKerja, VariabelKK, keterangan, per_bagian
from capaian.laporan.kesimpulan import LaporanKesimpulan, catatan_bawah, gabung, teks_baris
from capaian.laporan.tabel_e81 import (
    LEBAR_LABEL,
    LEGENDA_METODE,
    TINGGI_KEPALA,
    Sel,
    bagian_teks,
    baris_penutup,
    catatan_belum_ada_data,
    catatan_metode,
    catatan_tanda,
    jenis_kolom,
    jumlah_kolom,
    kepala,
    kolom_hasil,
    kolom_tw,
    legenda_metode,
    sel_baris,
    tanda_metode,
    tanda_sel,
)
from capaian.laporan.umum import CATATAN_SINTETIS, blok_tanda_tangan, judul_kesimpulan, judul_periode, romawi
from capaian.laporan.xlsx_buku import (
    FORMAT_K,
    FORMAT_PERSEN,
    FORMAT_RP,
    KERTAS_A4,
    KERTAS_F4,
    Buku,
    Pita,
    atur_cetak,
    bagi_pita,
    bersihkan,
    tulis,
    tulis_sel,
)

__all__ = [
    "FORMAT_K",
    "FORMAT_PERSEN",
    "FORMAT_RP",
    "KERTAS_A4",
    "KERTAS_F4",
    "e81_xlsx",
    "e81_xlsx_gabungan",
    "kertas_kerja_xlsx",
    "kesimpulan_xlsx",
]

AWAL_KEPALA = 5  # 0-based row of the header (row 6 in Excel): the rows above hold the titles
LATAR_KEPALA = "#E1E8F5"
# Characters of Arial 9 per unit of column width, and points per wrapped line: an estimate, since neither
# Excel nor LibreOffice grows a row for wrapped text in a file it did not lay out itself.
_HURUF_PER_LEBAR = 1.15
_TITIK_PER_BARIS = 12.0


def _tinggi(teks: Sequence[tuple[str, float]], minimal: float = 15.0) -> float:
    """A row's height for its texts, each with the width of its column (merged width for merged cells)."""
    baris = 1
    for isi, lebar in teks:
        if not isi:
            continue
        per_baris = max(1, int(lebar * _HURUF_PER_LEBAR))
        baris = max(baris, sum(-(-max(1, len(b)) // per_baris) for b in isi.split("\n")))
    return max(minimal, baris * _TITIK_PER_BARIS + 3)


def _judul(buku: Buku, ws: Worksheet, r: int, teks: str, k2: int, ukuran: int = 11) -> None:
    ws.merge_range(
        r, 0, r, k2, bersihkan(teks), buku.f(f"judul{ukuran}", bold=True, font_size=ukuran, align="center")
    )


def _tanda_tangan(buku: Buku, ws: Worksheet, r: int, data: DataLaporan, k1: int, k2: int) -> int:
    ttd = blok_tanda_tangan(data)
    biasa = buku.f("ttd", align="center")
    blok = [
        (ttd.tempat_tanggal, biasa),
        ("Mengetahui,", biasa),
        (ttd.jabatan, buku.f("ttd-tebal", align="center", bold=True)),
        ("", biasa),
        ("", biasa),
        ("", biasa),
        (ttd.nama, buku.f("ttd-nama", align="center", bold=True, underline=1)),
        (ttd.pangkat, biasa),
        (ttd.nip, biasa),
    ]
    for teks, fmt in blok:
        if teks:
            ws.merge_range(r, k1, r, k2, bersihkan(teks), fmt)
        r += 1
    return r


def _blok_teks(buku: Buku, ws: Worksheet, r: int, judul: str, isi: str, k2: int, lebar: float) -> int:
    ws.merge_range(r, 0, r, k2, judul, buku.f("blok-judul", bold=True))
    r += 1
    ws.merge_range(r, 0, r, k2, bersihkan(isi) or "-", buku.f("blok-isi"))
    ws.set_row(r, _tinggi([(isi, lebar)]))
    return r + 2


# ---------------------------------------------------------------------------------------------------
# Form E.81

LEBAR_IDENTITAS = (4.5, 15, 24, 28, 9)  # No, Kode, Uraian, Indikator, Satuan: repeated on every band
LEBAR_K, LEBAR_RP, LEBAR_PERSEN, LEBAR_PD = 8, 14.5, 8, 20


def _lebar_e81(tw: int) -> tuple[list[float], Pita]:
    jenis = jenis_kolom(tw)
    lebar = [*LEBAR_IDENTITAS]
    for j in jenis[len(LEBAR_IDENTITAS) : -1]:
        lebar.append({"k": LEBAR_K, "rp": LEBAR_RP}.get(j, LEBAR_PERSEN))
    lebar.append(LEBAR_PD)
    n = len(lebar)
    tetap = len(LEBAR_IDENTITAS)
    kelompok = [[k, k + 1] for k in range(tetap, n - 1, 2)]
    # Columns 5-7 stay together, each quarter's target and realisation, 12-13 and 14-15 with the agency.
    grup: list[list[int]] = [sum(kelompok[0:3], [])]
    for i in range(tw):
        grup.append(sum(kelompok[3 + 2 * i : 5 + 2 * i], []))
    h = 3 + 2 * tw
    grup.append(sum(kelompok[h : h + 2], []))
    grup.append([*sum(kelompok[h + 2 : h + 4], []), n - 1])
    return lebar, bagi_pita(lebar, tetap, grup)


def _sel(r: int, k: int) -> str:
    """A cell's reference for a formula ("M10"), from its 0-based row and column."""
    return str(xl_rowcol_to_cell(r, k))


def _teks_sel(nilai: object) -> str:
    return nilai if isinstance(nilai, str) else ""


def _rumus(ws: Worksheet, r: int, k: int, rumus: str, sel: Sel, buku: Buku, tebal: bool) -> None:
    """A derived cell: the formula, with the rules core's value cached ("-" where there is no value)."""
    nilai: object = sel.nilai
    if isinstance(nilai, Decimal):
        nilai = float(bulatkan(nilai, 2))
    elif nilai is None:
        nilai = rumus_sel.KOSONG
    fmt = buku.format_sel(sel.jenis if not isinstance(nilai, str) else "kosong", tebal)
    ws.write_formula(r, k, rumus, fmt, nilai)


def lembar_e81(buku: Buku, laporan: LaporanE81, nama: str = "Form E.81") -> tuple[Worksheet, int]:
    """One agency's Form E.81 on a new sheet; returns the sheet and the 0-based row of its first form row."""
    data = laporan.data
    tw = data.triwulan
    n = jumlah_kolom(tw)
    h = kolom_hasil(tw)
    ws = buku.wb.add_worksheet(nama[:31])
    lebar, pita = _lebar_e81(tw)
    for k, w in enumerate(lebar):
        ws.set_column(k, k, w)
    akhir_pita1 = (pita.putus[0] if pita.putus else n) - 1
    _judul(buku, ws, 0, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", akhir_pita1, 12)
    _judul(buku, ws, 1, data.perangkat_daerah.upper(), akhir_pita1)
    _judul(buku, ws, 2, f"PERIODE PELAKSANAAN {judul_periode(data).upper()}", akhir_pita1)
    if data.sintetis:
        ws.merge_range(
            3, 0, 3, akhir_pita1, CATATAN_SINTETIS, buku.f("sintetis", bold=True, font_color="red")
        )
    elif data.draf:
        ws.merge_range(
            3,
            0,
            3,
            akhir_pita1,
            "DRAF — triwulan ini belum diverifikasi",
            buku.f("draf", bold=True, font_color="red"),
        )
    ws.write_string(
        4, 0, "SASARAN PEMBANGUNAN TAHUNAN KABUPATEN/KOTA :", buku.f("sasaran", bold=True, text_wrap=False)
    )

    fk = buku.f("kepala", bold=True, border=1, align="center", valign="vcenter", bg_color=LATAR_KEPALA)
    for g in kepala(tw, data.tahun):
        r, k = AWAL_KEPALA + g.baris, g.kolom
        if g.tinggi > 1 or g.lebar > 1:
            ws.merge_range(r, k, r + g.tinggi - 1, k + g.lebar - 1, g.teks, fk)
        else:
            ws.write_string(r, k, g.teks, fk)
    ws.set_row(AWAL_KEPALA, 26)
    ws.set_row(AWAL_KEPALA + 1, 64)
    akhir_kepala = AWAL_KEPALA + TINGGI_KEPALA - 1
    awal = akhir_kepala + 1
    s = _sel

    anak = anak_per_induk([b.rencana for b in laporan.baris])
    program: list[int] = []
    for i, b in enumerate(laporan.baris):
        r = awal + i
        tebal = b.rencana.tingkat in ("tujuan", "sasaran", "program")
        if b.rencana.tingkat == "program" and not b.rencana.lanjutan:
            program.append(r)
        sel = sel_baris(b, tw, data.perangkat_daerah)
        for k in range(h):
            # A parent's Rupiah (cols 5, 7, the quarters; not col 6) is its children's sum. Where none of
            # them has a value yet, the cell stays blank as the form prints it (a formula without a value
            # reads as a broken sheet to `capaian periksa`).
            turunan = b.rencana.rp_turunan and i in anak and k % 2 == 0 and k >= 6 and k != 8
            if turunan and sel[k].nilai is not None:
                ws.write_formula(
                    r, k, rumus_sel.jumlah_rp([s(awal + j, k) for j in anak[i]], '""'),
                    buku.format_sel("rp", tebal), sel[k].nilai if sel[k].nilai is not None else "",
                )  # fmt: skip
            else:
                tulis_sel(buku, ws, r, k, sel[k], tebal)
        sifat = b.masukan.sifat
        real_k = [s(r, kolom_tw(q) + 2) for q in range(tw)]
        real_rp = [s(r, kolom_tw(q) + 3) for q in range(tw)]
        c12k, c12rp, c14k, c14rp = s(r, h), s(r, h + 1), s(r, h + 4), s(r, h + 5)
        rumus = [
            rumus_sel.agregasi_k(real_k, sifat.agregasi),
            rumus_sel.jumlah_rp(real_rp),
            rumus_sel.capaian_k(c12k, s(r, 9), sifat),
            rumus_sel.persen_rp(c12rp, s(r, 10)),
            rumus_sel.akumulasi_k(s(r, 7), c12k, sifat.akumulasi),
            rumus_sel.akumulasi_rp(s(r, 8), c12rp),
            rumus_sel.capaian_k(c14k, s(r, 5), sifat),
            rumus_sel.persen_rp(c14rp, s(r, 6)),
        ]
        for j, teks_rumus in enumerate(rumus):
            _rumus(ws, r, h + j, teks_rumus, sel[h + j], buku, tebal)
        tulis_sel(buku, ws, r, n - 1, sel[n - 1], tebal)
        for k, tanda_ in tanda_sel(b, tw).items():  # a flag is a note too: the cell keeps its value/formula
            ws.write_comment(r, k, f"{tanda_} lihat catatan di bawah form", {"author": "Capaian"})
        tanda = tanda_metode(sifat)
        if tanda:  # the indicator's text stays as planned (capaian periksa matches it): the mark is a note
            ws.write_comment(
                r,
                3,
                "Metode: " + "; ".join(f"{t}) {LEGENDA_METODE[t]}" for t in tanda),
                {"author": "Capaian"},
            )
        ws.set_row(
            r,
            _tinggi([(_teks_sel(sel[k].nilai), lebar[k]) for k in (1, 2, 3, 4, n - 1)]),
        )
    awal_penutup = awal + len(laporan.baris)
    _penutup(buku, ws, laporan, awal_penutup, program)
    r = awal_penutup + 4
    ws.merge_range(r, 0, r, akhir_pita1, catatan_metode(laporan), buku.f("catatan", italic=True))
    ws.set_row(r, _tinggi([(catatan_metode(laporan), sum(lebar[: akhir_pita1 + 1]))]))
    legenda = legenda_metode(laporan)
    if legenda:
        r += 1
        teks_legenda = "Tanda metode (catatan pada sel Indikator): " + "; ".join(legenda) + "."
        ws.merge_range(r, 0, r, akhir_pita1, teks_legenda, buku.f("catatan", italic=True))
        ws.set_row(r, _tinggi([(teks_legenda, sum(lebar[: akhir_pita1 + 1]))]))
    for catatan in [catatan_belum_ada_data(laporan), *catatan_tanda(laporan)]:
        if not catatan:
            continue
        r += 1
        ws.merge_range(r, 0, r, akhir_pita1, catatan, buku.f("catatan", italic=True))
        ws.set_row(r, _tinggi([(catatan, sum(lebar[: akhir_pita1 + 1]))]))
    r += 2
    for judul, teks in bagian_teks(laporan):
        r = _blok_teks(buku, ws, r, judul, teks, akhir_pita1, sum(lebar[: akhir_pita1 + 1]))
    _tanda_tangan(buku, ws, r, data, max(0, akhir_pita1 - 4), akhir_pita1)

    ws.freeze_panes(akhir_kepala + 1, 4)
    atur_cetak(
        ws,
        (AWAL_KEPALA, akhir_kepala),
        len(LEBAR_IDENTITAS),
        pita,
        f"Form E.81 — {data.perangkat_daerah} — {judul_periode(data)}",
    )
    return ws, awal


def _penutup(buku: Buku, ws: Worksheet, laporan: LaporanE81, r: int, program: list[int]) -> None:
    """Jumlah, Total Rata-Rata and Predikat rows, their values as formulas over the program rows."""
    tw = laporan.data.triwulan
    n = jumlah_kolom(tw)
    h = kolom_hasil(tw)
    s = _sel
    jumlah, rata, predikat = baris_penutup(laporan)
    fl = buku.f("label", bold=True, border=1, bg_color="#F2F2F2")
    kosong = buku.f("penutup-kosong", border=1, bg_color="#F2F2F2")
    for i, isi in enumerate((jumlah, rata, predikat)):
        ws.merge_range(r + i, 0, r + i, LEBAR_LABEL - 1, str(isi[0].nilai), fl)
        for k in range(LEBAR_LABEL, n):
            ws.write_blank(r + i, k, None, kosong)
        ws.set_row(r + i, 26)
    # Jumlah: the Rupiah columns summed over the programs (blank where no program has a value).
    for k in [6, 10, *[kolom_tw(q) + 3 for q in range(tw)], h + 1, h + 5]:
        nilai = jumlah[k].nilai
        if nilai is None:
            continue
        ws.write_formula(
            r, k, rumus_sel.jumlah_rp([s(p, k) for p in program], '""'),
            buku.format_sel("rp", True), nilai if nilai is not None else "",
        )  # fmt: skip
    rekap = laporan.rekap
    for kolom_k, kolom_rp, real, anggaran in ((h + 2, h + 3, h + 1, 10), (h + 6, h + 7, h + 5, 6)):
        _rumus(
            ws, r + 1, kolom_k, rumus_sel.rata([s(p, kolom_k) for p in program]), rata[kolom_k], buku, True
        )
        if rekap.metode_rp is MetodeRata.RASIO_JUMLAH:
            teks = rumus_sel.persen_rp(s(r, real), s(r, anggaran))
        else:
            teks = rumus_sel.rata([s(p, kolom_rp) for p in program])
        _rumus(ws, r + 1, kolom_rp, teks, rata[kolom_rp], buku, True)
        for kolom in (kolom_k, kolom_rp):
            ws.write_formula(
                r + 2, kolom, rumus_sel.predikat(s(r + 1, kolom), laporan.data.set_predikat),
                buku.f("predikat", bold=True, border=1, align="center", bg_color="#F2F2F2"),
                str(predikat[kolom].nilai),
            )  # fmt: skip


def _lembar_metode(buku: Buku, daftar: Sequence[tuple[str, int, LaporanE81]]) -> None:
    """Each E.81 row's method on the workbook's last sheet, "Metode" (capaian.aturan.metode), so that
    `capaian periksa` reads it instead of guessing; one sheet for all agencies of a combined workbook."""
    ws = buku.wb.add_worksheet(metode.NAMA_LEMBAR)
    ws.write_string(0, 0, metode.JUDUL_LEMBAR, buku.f("metode-judul", italic=True, text_wrap=False))
    for k, teks in enumerate(metode.KEPALA_LEMBAR):
        ws.write_string(2, k, teks, buku.f("metode-kepala", bold=True))
    for k, w in enumerate((24, 7, 5, 19, 50, 46, 90)):
        ws.set_column(k, k, w)
    # Printed, if at all, on F4 landscape one page wide: Arial 10 at 66 % is 6.6 pt.
    ws.set_landscape()
    ws.set_paper(KERTAS_F4)
    ws.set_margins(left=0.3, right=0.3, top=0.55, bottom=0.55)
    ws.set_print_scale(66)
    ws.repeat_rows(2)
    ws.set_footer("&R&8Halaman &P dari &N")
    r = 3
    polos = buku.f("metode-isi", text_wrap=False, valign="top")
    for nama, awal, laporan in daftar:
        for i, b in enumerate(laporan.baris):
            isi = metode.baris_lembar(
                nama, awal + i + 1, b.no, b.rencana.kode, b.rencana.indikator, b.masukan.sifat
            )
            for k, nilai in enumerate(isi):
                tulis(ws, r, k, nilai, polos)
            r += 1


def _buku_e81(laporan: LaporanE81) -> Buku:
    d = laporan.data
    return Buku(
        f"Form E.81 Evaluasi terhadap Hasil Renja — {d.perangkat_daerah}",
        d.perangkat_daerah,
        f"{d.perangkat_daerah} — {judul_periode(d)}",
        f"Form E.81; Renja; {judul_periode(d)}; {d.pemda}",
    )


def e81_xlsx(laporan: LaporanE81) -> bytes:
    buku = _buku_e81(laporan)
    ws, awal = lembar_e81(buku, laporan)
    _lembar_metode(buku, [(ws.name, awal, laporan)])
    return buku.simpan()


def e81_xlsx_gabungan(daftar: Sequence[LaporanE81]) -> bytes:
    """Several agencies' Form E.81 in one workbook, one sheet each (a city-wide download)."""
    if not daftar:
        raise ValueError("Tidak ada perangkat daerah untuk digabung.")
    d = daftar[0].data
    buku = Buku(
        f"Form E.81 Evaluasi terhadap Hasil Renja — {d.pemda}",
        d.pemda,
        f"{d.pemda} — {judul_periode(d)}",
        f"Form E.81; Renja; {judul_periode(d)}; {d.pemda}",
    )
    lembar: list[tuple[str, int, LaporanE81]] = []
    for nomor, laporan in enumerate(daftar, start=1):
        ws, awal = lembar_e81(buku, laporan, nama=f"{nomor:02d} {laporan.data.perangkat_daerah}")
        lembar.append((ws.name, awal, laporan))
    _lembar_metode(buku, lembar)
    return buku.simpan()


# ---------------------------------------------------------------------------------------------------
# Tables with a simple one-row header (Kertas Kerja, Kesimpulan)


def _pita_sederhana(lebar: Sequence[float]) -> Pita:
    return bagi_pita(lebar, 0, [[k] for k in range(len(lebar))])


def _tabel(
    buku: Buku, ws: Worksheet, r: int, kepala_kolom: Sequence[tuple[str, float]], isi: Sequence[Sequence[Sel]]
) -> int:
    fk = buku.f("kepala", bold=True, border=1, align="center", valign="vcenter", bg_color=LATAR_KEPALA)
    for k, (teks, lebar) in enumerate(kepala_kolom):
        ws.write_string(r, k, teks, fk)
        ws.set_column(k, k, lebar)
    ws.set_row(r, _tinggi([(t, w) for t, w in kepala_kolom]))
    for i, baris in enumerate(isi, start=1):
        for k, sel in enumerate(baris):
            tulis_sel(buku, ws, r + i, k, sel, sel.jenis == "label")
        ws.set_row(
            r + i,
            _tinggi([(_teks_sel(sel.nilai), kepala_kolom[k][1]) for k, sel in enumerate(baris)]),
        )
    return r + len(isi) + 1


# The Kertas Kerja's columns (header, width); 6-8 are the Data Masukan, one sheet row per input.
_KOLOM_PASANGAN = (6, 7, 8)


def _sel_satuan(nilai: Decimal | None, satuan: str) -> Sel:
    """A K by its unit (tempat_satuan): a whole count as a whole number, a percentage with 2 decimals."""
    if nilai is not None and tempat_satuan(nilai, satuan) == 0:
        return Sel(int(bulatkan(nilai, 0)), "rp")
    return Sel(nilai, "k")


def _sel_nilai(b: BarisKK, v: VariabelKK) -> Sel:
    """A pair's Nilai: a number as entered (a count or Rupiah whole), "-" without a value."""
    if v.nilai is None:
        return Sel("-", "teks")
    if v.nama == "":
        return _sel_satuan(v.nilai, b.satuan)
    return Sel(int(v.nilai), "rp") if v.nilai == v.nilai.to_integral_value() else Sel(v.nilai, "k")


def kertas_kerja_xlsx(laporan: LaporanKertasKerja) -> bytes:
    data = laporan.data
    buku = Buku(
        f"Kertas Kerja Perhitungan Capaian Outcome — {data.perangkat_daerah}",
        data.perangkat_daerah,
        f"{data.perangkat_daerah} — {judul_periode(data)}",
        f"Kertas Kerja; {judul_periode(data)}; {data.pemda}",
    )
    ws = buku.wb.add_worksheet("Kertas Kerja")
    tw = romawi(data.triwulan)
    kolom = [
        ("No. E.81", 6),
        ("Tingkat", 11),
        ("Nama Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 28),
        ("Indikator", 28),
        ("Satuan", 9),
        ("Formula Perhitungan", 30),
        ("Variabel", 32),
        ("Nilai", 14),
        ("Catatan Data Masukan", 24),
        ("Perhitungan", 26),
        (f"Hasil Perhitungan TW {tw}", 12),
        (f"Realisasi s/d TW {tw} (kol. 12)", 12),
        ("Target (kol. 7)", 11),
        ("Capaian (%) (kol. 13)", 11),
        ("Rumus Capaian", 18),
        ("Keterangan", 24),
    ]
    n = len(kolom)
    pita = _pita_sederhana([w for _, w in kolom])
    akhir = (pita.putus[0] if pita.putus else n) - 1
    _judul(buku, ws, 0, "KERTAS KERJA PERHITUNGAN CAPAIAN OUTCOME", akhir, 12)
    _judul(buku, ws, 1, data.perangkat_daerah.upper(), akhir)
    _judul(buku, ws, 2, judul_periode(data).upper(), akhir)
    awal = 4
    # Two header rows: "Data Masukan" over Variabel | Nilai | Catatan, the other headers over both rows.
    fk = buku.f("kepala", bold=True, border=1, align="center", valign="vcenter", bg_color=LATAR_KEPALA)
    for k, (teks, lebar) in enumerate(kolom):
        ws.set_column(k, k, lebar)
        if k in _KOLOM_PASANGAN:
            ws.write_string(awal + 1, k, teks, fk)
        else:
            ws.merge_range(awal, k, awal + 1, k, teks, fk)
    ws.merge_range(awal, _KOLOM_PASANGAN[0], awal, _KOLOM_PASANGAN[-1], "Data Masukan", fk)
    ws.set_row(awal + 1, _tinggi([(t, w) for t, w in kolom]))
    r = awal + 2
    fb = buku.f("bagian", bold=True, border=1, bg_color="#F2F2F2")
    for (judul, judul_indikator), daftar in per_bagian(laporan):
        # The reference's section row: "TUJUAN | INDIKATOR TUJUAN", then its rows.
        for k in range(n):
            ws.write_blank(r, k, None, fb)
        ws.write_string(r, 2, judul, fb)
        ws.write_string(r, 3, judul_indikator, fb)
        r += 1
        for b in daftar:
            sel = [
                Sel(b.no, "no"),
                Sel(b.tingkat, "teks"),
                Sel(b.uraian, "teks"),
                Sel(b.indikator, "teks"),
                Sel(b.satuan, "teks"),
                Sel(b.rumus, "teks"),
                None,
                None,
                None,
                Sel(b.perhitungan, "teks"),
                _sel_satuan(b.hasil, b.satuan),
                _sel_satuan(b.realisasi, b.satuan),
                _sel_satuan(b.target, b.satuan),
                Sel(b.capaian, "persen"),
                Sel(b.rumus_capaian, "teks"),
                Sel(keterangan(b), "teks"),
            ]
            pasangan = [
                (Sel(v.label, "teks"), _sel_nilai(b, v), Sel(v.catatan, "teks")) for v in b.variabel
            ] or [(Sel("", "teks"), Sel("", "teks"), Sel("", "teks"))]
            tinggi = len(pasangan)
            for k, isi in enumerate(sel):
                if isi is None:
                    continue
                if tinggi > 1:
                    ws.merge_range(r, k, r + tinggi - 1, k, "", buku.format_sel(isi.jenis))
                tulis_sel(buku, ws, r, k, isi)
            for i, trio in enumerate(pasangan):
                for k, isi in zip(_KOLOM_PASANGAN, trio, strict=True):
                    tulis_sel(buku, ws, r + i, k, isi)
            # The indicator's texts share the rows of its inputs; each row is as tall as its own pair needs.
            teks_baris = [(_teks_sel(isi.nilai), kolom[k][1]) for k, isi in enumerate(sel) if isi is not None]
            tinggi_baris = _tinggi(teks_baris) / tinggi
            for i, trio in enumerate(pasangan):
                teks_pasangan = [
                    (_teks_sel(x.nilai), kolom[k][1]) for k, x in zip(_KOLOM_PASANGAN, trio, strict=True)
                ]
                ws.set_row(r + i, max(tinggi_baris, _tinggi(teks_pasangan)))
            r += tinggi
    ws.freeze_panes(awal + 2, 0)
    _tanda_tangan(buku, ws, r + 1, data, max(0, akhir - 3), akhir)
    atur_cetak(
        ws, (awal, awal + 1), 0, pita, f"Kertas Kerja — {data.perangkat_daerah} — {judul_periode(data)}"
    )
    return buku.simpan()


def kesimpulan_xlsx(laporan: LaporanKesimpulan) -> bytes:
    data = laporan.data
    buku = Buku(
        f"Kesimpulan Evaluasi terhadap Hasil RKPD — {data.perangkat_daerah}",
        data.perangkat_daerah,
        f"{data.perangkat_daerah} — {judul_periode(data)}",
        f"Kesimpulan; {judul_periode(data)}; {data.pemda}",
    )
    ws = buku.wb.add_worksheet("Kesimpulan")
    kolom = [
        ("No", 5),
        ("Nama Perangkat Daerah", 22),
        ("Nama Program", 34),
        ("Rata-rata Capaian Kinerja Program Prioritas RKPD Kab/Kota (%)", 14),
        ("Predikat Capaian Kinerja Program Prioritas RKPD Kab/Kota", 14),
        ("Rata-rata Realisasi Anggaran Program Prioritas RKPD Kab/Kota (%)", 14),
        ("Predikat Capaian Kinerja Anggaran Program Prioritas RKPD Kab/Kota", 14),
        ("Faktor Penghambat", 30),
        ("Faktor Pendukung", 30),
        ("Keterangan", 22),
    ]
    n = len(kolom)
    pita = _pita_sederhana([w for _, w in kolom])
    akhir = (pita.putus[0] if pita.putus else n) - 1
    _judul(
        buku,
        ws,
        0,
        judul_kesimpulan(data),
        akhir,
        12,
    )
    r_ = laporan.rekap
    isi: list[list[Sel]] = [
        [
            Sel(1 if b.no == 1 else None, "no"),
            Sel(data.perangkat_daerah if b.no == 1 else "", "teks"),
            Sel(b.program, "teks"),
            Sel(b.capaian, "persen"),
            Sel(b.predikat_capaian or "-", "teks"),
            Sel(b.serapan, "persen"),
            Sel(b.predikat_serapan or "-", "teks"),
            *(Sel(t, "teks") for t in teks_baris(laporan, b)),
        ]
        for b in laporan.baris
    ]
    isi.append(
        [
            Sel(None, "no"),
            Sel("", "teks"),
            Sel("Rata-rata seluruh program", "label"),
            Sel(r_.rata_capaian.k, "persen"),
            Sel(r_.predikat[0] or "-", "teks"),
            Sel(r_.rata_capaian.rp, "persen"),
            Sel(r_.predikat[1] or "-", "teks"),
            Sel("", "teks"),
            Sel("", "teks"),
            Sel("", "teks"),
        ]
    )
    awal = 2
    r = _tabel(buku, ws, awal, kolom, isi)
    program = len(laporan.baris)
    # Agency-wide cells span the agency's program rows, as the East Java format lays them out.
    for k in (0, 1, 7, 8, 9) if gabung(laporan) else (0, 1) if program > 1 else ():
        ws.merge_range(awal + 1, k, awal + program, k, "", buku.format_sel("teks"))
        tulis_sel(buku, ws, awal + 1, k, isi[0][k])
    if catatan := catatan_bawah(laporan):
        ws.merge_range(r, 0, r, akhir, "", buku.format_sel("teks"))
        tulis_sel(buku, ws, r, 0, Sel(catatan, "teks"))
        ws.set_row(r, _tinggi([(catatan, sum(w for _, w in kolom[: akhir + 1]))]))
        r += 1
    ws.freeze_panes(awal + 1, 0)
    _tanda_tangan(buku, ws, r + 1, data, max(0, akhir - 3), akhir)
    atur_cetak(ws, (awal, awal), 0, pita, f"Kesimpulan — {data.perangkat_daerah} — {judul_periode(data)}")
    return buku.simpan()
