"""The verifier's board as an XLSX (XlsxWriter), the rows as shown (filtered and sorted): numbers as numbers
(rounded by the rules core, Indonesian formats), dates as text in the pemda's time zone."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils import timezone

from capaian.aturan.angka import bulatkan, format_tanggal
from capaian.kota.papan import BarisPapan
from capaian.laporan.xlsx_buku import Buku, atur_cetak, bagi_pita, tulis

KOLOM = (
    ("Perangkat daerah", 44, "teks"),
    ("Status", 14, "teks"),
    ("Disetujui kepala", 12, "teks"),
    ("Baris bertarget", 10, "rp"),
    ("Baris terisi", 10, "rp"),
    ("Kelengkapan (%)", 11, "persen"),
    ("Galat", 8, "rp"),
    ("Peringatan", 10, "rp"),
    ("Penjelasan menunggu", 11, "rp"),
    ("Sisa hari masa pengisian", 11, "rp"),
    ("Perubahan data terakhir", 18, "teks"),
    ("Rata-rata capaian K (%)", 11, "persen"),
    ("Serapan Rp (%)", 11, "persen"),
    ("Pengingat terakhir", 18, "teks"),
)


def _waktu(w: object) -> str:
    if w is None:
        return ""
    lokal = timezone.localtime(w)  # type: ignore[arg-type]
    return f"{format_tanggal(lokal.date())} {lokal:%H.%M}"


def _persen(n: Decimal | None) -> Decimal | str:
    return "-" if n is None else bulatkan(n, 2)


def papan_xlsx(baris: Sequence[BarisPapan], tahun: int, triwulan: int, judul: str) -> bytes:
    buku = Buku(judul, "", f"Triwulan {triwulan} {tahun}")
    ws = buku.wb.add_worksheet("Papan")
    ws.merge_range(0, 0, 0, len(KOLOM) - 1, judul, buku.f("judul", bold=True, font_size=11))
    fk = buku.f("kepala", bold=True, border=1, bg_color="#E0E8F5", align="center", valign="vcenter")
    for k, (teks, lebar, _) in enumerate(KOLOM):
        ws.set_column(k, k, lebar)
        ws.write_string(2, k, teks, fk)
    ws.set_row(2, 30)
    for i, b in enumerate(baris, start=3):
        r = b.ringkasan
        nilai: tuple[object, ...] = (
            b.pd.nama,
            b.status.get_status_display(),
            "Ya" if b.status.disetujui_kepala_pada else "",
            r.bertarget,
            r.terisi,
            _persen(r.kelengkapan),
            r.galat,
            r.peringatan,
            b.penjelasan_menunggu,
            b.sisa_hari if b.belum_diajukan and b.sisa_hari is not None else "",
            _waktu(b.diubah),
            _persen(r.capaian_k),
            _persen(r.capaian_rp),
            _waktu(b.pengingat),
        )
        for k, isi in enumerate(nilai):
            jenis = KOLOM[k][2] if not isinstance(isi, str) else "teks"
            tulis(ws, i, k, isi, buku.format_sel(jenis))
    ws.freeze_panes(3, 1)
    ws.autofilter(2, 0, 2 + len(baris), len(KOLOM) - 1)
    atur_cetak(ws, (2, 2), 0, bagi_pita([w for _, w, _ in KOLOM], 0, [list(range(len(KOLOM)))]), judul)
    return buku.simpan()
