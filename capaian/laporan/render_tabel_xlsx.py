"""A Tabel (capaian.laporan.tabel_sederhana) as an XLSX workbook: numbers stay numbers with their printed
format, landscape F4, header rows repeated on every page."""

import io
from decimal import Decimal

import xlsxwriter

from capaian.laporan.tabel_sederhana import Angka, Tabel


def tabel_xlsx(tabel: Tabel) -> bytes:
    keluaran = io.BytesIO()
    buku = xlsxwriter.Workbook(keluaran, {"in_memory": True})
    ws = buku.add_worksheet(tabel.nama_lembar[:31])
    judul = buku.add_format({"bold": True, "font_name": "Arial", "font_size": 11})
    kepala = buku.add_format(
        {
            "bold": True,
            "border": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            "font_name": "Arial",
            "font_size": 8,
        }
    )
    teks = {
        t: buku.add_format(
            {"border": 1, "text_wrap": True, "valign": "top", "font_name": "Arial", "font_size": 8, "bold": t}
        )
        for t in (False, True)
    }
    angka = {
        (tempat, t): buku.add_format(
            {
                "border": 1,
                "valign": "top",
                "font_name": "Arial",
                "font_size": 8,
                "bold": t,
                "num_format": "#,##0" if tempat == 0 else "#,##0." + "0" * tempat,
            }
        )
        for tempat in (0, 2)
        for t in (False, True)
    }
    r = 0
    for teks_judul in tabel.judul:
        ws.write(r, 0, teks_judul, judul)
        r += 1
    r += 1
    awal_kepala = r
    for kp in tabel.kepala:
        for c, isi in enumerate(kp):
            ws.write(r, c, isi, kepala)
        r += 1
    ws.repeat_rows(awal_kepala, r - 1)
    for n, baris in enumerate(tabel.baris):
        t = n in tabel.tebal
        for c, sel in enumerate(baris):
            if isinstance(sel, Angka):
                if sel.nilai is None:
                    ws.write_string(r, c, "-", teks[t])
                else:
                    nilai = float(sel.nilai) if isinstance(sel.nilai, Decimal) else sel.nilai
                    ws.write_number(r, c, nilai, angka[(0 if sel.tempat == 0 else 2, t)])
            else:
                ws.write_string(r, c, sel, teks[t])
        r += 1
    r += 1
    for teks_penutup in tabel.penutup:
        ws.write(r, 0, teks_penutup)
        r += 1
    lebar = len(tabel.kepala[0]) if tabel.kepala else 1
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 3, 30)
    ws.set_column(4, lebar, 12)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    buku.close()
    return keluaran.getvalue()
