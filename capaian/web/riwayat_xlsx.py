"""The history page as an XLSX (XlsxWriter): the rows as filtered on the page, every cell written as text
(a value or a reason starting with '=' stays text), the time in the server's time zone."""

from collections.abc import Sequence

from capaian.laporan.xlsx_buku import Buku, atur_cetak, bagi_pita, bersihkan
from capaian.web.riwayat_baca import BarisRiwayat

KOLOM = (
    ("Waktu", 18),
    ("Pengguna", 18),
    ("Pintu", 14),
    ("Tindakan", 22),
    ("Data", 16),
    ("Kode baris", 20),
    ("Indikator", 40),
    ("Triwulan", 11),
    ("Kolom", 18),
    ("Nilai lama", 22),
    ("Nilai baru", 22),
    ("Alasan / catatan", 30),
)


def isi_baris(b: BarisRiwayat) -> tuple[str, ...]:
    return (
        b.waktu_teks,
        b.pengguna,
        b.pintu,
        b.tindakan,
        b.data,
        b.baris,
        b.indikator,
        b.triwulan,
        b.kolom,
        b.lama,
        b.baru,
        b.alasan,
    )


def riwayat_xlsx(baris: Sequence[BarisRiwayat], judul: str, keterangan: str) -> bytes:
    buku = Buku(judul, "", keterangan)
    ws = buku.wb.add_worksheet("Riwayat")
    ws.merge_range(0, 0, 0, len(KOLOM) - 1, bersihkan(judul), buku.f("judul", bold=True, font_size=11))
    ws.merge_range(1, 0, 1, len(KOLOM) - 1, bersihkan(keterangan), buku.f("ket"))
    fk = buku.f("kepala", bold=True, border=1, bg_color="#E0E8F5", align="center", valign="vcenter")
    for k, (teks, lebar) in enumerate(KOLOM):
        ws.set_column(k, k, lebar)
        ws.write_string(3, k, teks, fk)
    teks = buku.format_sel("teks")
    for i, b in enumerate(baris, start=4):
        for k, nilai in enumerate(isi_baris(b)):
            # write_string always: a value such as "=HYPERLINK(...)" typed into a text is text here too.
            ws.write_string(i, k, bersihkan(nilai), teks)
    ws.freeze_panes(4, 1)
    ws.autofilter(3, 0, 3 + len(baris), len(KOLOM) - 1)
    atur_cetak(ws, (3, 3), 1, bagi_pita([w for _, w in KOLOM], 1, [list(range(1, len(KOLOM)))]), judul)
    return buku.simpan()
