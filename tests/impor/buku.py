"""Form E.81 workbooks generated for the tests, in the layout of the reference report.

Columns: A No, B Kode, C Uraian, D Indikator, E Satuan, F/G col 5, H/I col 6, J/K col 7, L/M target TW I,
N/O realisation TW I (col 8), P/Q target TW II, R/S realisation TW II (col 9), T/U col 12, V/W col 13,
X/Y col 14, Z/AA col 15, AB PD Penanggung Jawab. Three header rows (5-7), the column-number row (8), data
from row 9. No binary fixture is committed: every workbook is built here with openpyxl.
"""

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from capaian.aturan.angka import bulatkan, format_persen
from capaian.aturan.capaian import (
    Agregasi,
    Akumulasi,
    KRp,
    MasukanBaris,
    Polaritas,
    Sifat,
    hitung_baris,
)
from capaian.aturan.predikat import PERMENDAGRI_86_ATAS

CSV_REFERENSI = Path(__file__).resolve().parents[2] / "capaian" / "demo" / "seed" / "e81-transkripsi.csv"
BARIS_DATA = 9  # first data row of the generated sheet

# key -> column letter
KOLOM = {
    "5K": "F", "5Rp": "G", "6K": "H", "6Rp": "I", "7K": "J", "7Rp": "K",
    "T8K": "L", "T8Rp": "M", "8K": "N", "8Rp": "O", "T9K": "P", "T9Rp": "Q", "9K": "R", "9Rp": "S",
    "12K": "T", "12Rp": "U", "13K": "V", "13Rp": "W", "14K": "X", "14Rp": "Y", "15K": "Z", "15Rp": "AA",
}  # fmt: skip

# transcription column -> key
CSV_KE_KUNCI = {
    "renstra_k": "5K", "renstra_rp": "5Rp", "real_prev_k": "6K", "real_prev_rp": "6Rp",
    "target_k": "7K", "target_rp": "7Rp", "tw1_target_k": "T8K", "tw1_target_rp": "T8Rp",
    "tw1_real_k": "8K", "tw1_real_rp": "8Rp", "tw2_target_k": "T9K", "tw2_target_rp": "T9Rp",
    "tw2_real_k": "9K", "tw2_real_rp": "9Rp", "real_k": "12K", "real_rp": "12Rp",
    "capaian_k_pct": "13K", "capaian_rp_pct": "13Rp", "renstra_real_k": "14K", "renstra_real_rp": "14Rp",
    "renstra_capaian_k_pct": "15K", "renstra_capaian_rp_pct": "15Rp",
}  # fmt: skip

PD = "Dinas Perindustrian dan Perdagangan"


def _persen_teks(nilai: Decimal) -> str:
    return format_persen(nilai)  # "102,04%", as the report types it


def tulis_judul(ws: Any) -> None:
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA KOTA PASURUAN"
    ws["A2"] = "PERIODE PELAKSANAAN TAHUN 2024"
    ws["A3"] = "SASARAN PEMBANGUNAN TAHUNAN KABUPATEN/KOTA :"
    atas = {
        "A": "No",
        "B": "Kode Rekening",
        "C": "Urusan / Bidang Urusan Pemerintahan Daerah Dan Program / Kegiatan / Sub Kegiatan",
        "D": "Indikator Kinerja Program (Outcome) / Kegiatan (Output Kegiatan) / Sub Kegiatan "
        "(Output Sub Kegiatan)",
        "E": "Satuan",
        "F": "Target Renstra Perangkat Daerah pada Tahun 2024 (Akhir Periode Renstra Perangkat Daerah)",
        "H": "Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja PD Tahun Lalu (2023)",
        "J": "Target Kinerja dan Anggaran Renja Tahun Berjalan yang Dievaluasi (2024)",
        "L": "Realisasi Kinerja pada Triwulan Tahun 2024",
        "T": "Realisasi Capaian Kinerja dan Anggaran Renja yang dievaluasi (2024)",
        "V": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun 2024 (%)",
        "X": "Realisasi Kinerja dan Anggaran Renstra s/d Tahun 2024",
        "Z": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun 2026 (%)",
        "AB": "PD Penanggung Jawab",
    }
    for kol, teks in atas.items():
        ws[f"{kol}5"] = teks
    for kol in ("A", "B", "C", "D", "E", "AB"):
        ws.merge_cells(f"{kol}5:{kol}7")
    for kiri, kanan in (("F", "G"), ("H", "I"), ("J", "K"), ("T", "U"), ("V", "W"), ("X", "Y"), ("Z", "AA")):
        ws.merge_cells(f"{kiri}5:{kanan}5")
        ws[f"{kiri}6"], ws[f"{kanan}6"] = "K", "Rp"
        ws.merge_cells(f"{kiri}6:{kiri}7")
        ws.merge_cells(f"{kanan}6:{kanan}7")
    ws.merge_cells("L5:S5")
    for kiri, kanan, teks in (
        ("L", "M", "Target TW I"),
        ("N", "O", "Realisasi TW I"),
        ("P", "Q", "Target TW II"),
        ("R", "S", "Realisasi TW II"),
    ):
        ws[f"{kiri}6"] = teks
        ws.merge_cells(f"{kiri}6:{kanan}6")
        ws[f"{kiri}7"], ws[f"{kanan}7"] = "K", "Rp"
    nomor = {
        "A": 1, "B": 2, "C": 3, "D": 4, "F": 5, "H": 6, "J": 7, "L": 8, "P": 9, "T": 12, "V": 13,
        "X": "14 = 6 + 12", "Z": "15 = 14 / 5 x 100 %",
    }  # fmt: skip
    for kol, n in nomor.items():
        ws[f"{kol}8"] = n
    for rentang in (
        "D8:E8",
        "F8:G8",
        "H8:I8",
        "J8:K8",
        "L8:O8",
        "P8:S8",
        "T8:U8",
        "V8:W8",
        "X8:Y8",
        "Z8:AA8",
    ):
        ws.merge_cells(rentang)


def tulis_baris(ws: Any, r: int, identitas: dict[str, Any], nilai: dict[str, Any]) -> None:
    for kol, kunci in (("A", "no"), ("B", "kode"), ("C", "uraian"), ("D", "indikator"), ("E", "satuan")):
        if identitas.get(kunci) not in (None, ""):
            ws[f"{kol}{r}"] = identitas[kunci]
    ws[f"AB{r}"] = PD
    for kunci, v in nilai.items():
        if v is not None:
            ws[f"{KOLOM[kunci]}{r}"] = v


def tulis_penutup(
    ws: Any, r: int, jumlah: dict[str, Any], rata: dict[str, Any], predikat: dict[str, str]
) -> None:
    ws[f"A{r}"] = "Jumlah Anggaran dan Realisasi dari Seluruh Program"
    ws.merge_cells(f"A{r}:E{r}")
    for kunci, v in jumlah.items():
        ws[f"{KOLOM[kunci]}{r}"] = v
    ws[f"A{r + 1}"] = "Total Rata-Rata Capaian Kinerja dan Anggaran Seluruh Program (%)"
    for kunci, v in rata.items():
        ws[f"{KOLOM[kunci]}{r + 1}"] = v
    ws[f"A{r + 2}"] = "Predikat Kinerja"
    for kunci, v in predikat.items():
        ws[f"{KOLOM[kunci]}{r + 2}"] = v
    ws[f"A{r + 4}"] = "Faktor Pendorong Keberhasilan Kinerja"
    ws[f"A{r + 5}"] = "SDM yang kompeten."


def _angka_csv(kunci: str, teks: str) -> Any:
    if teks == "":
        return None
    d = Decimal(teks)
    if kunci in ("13K", "13Rp", "15K", "15Rp"):
        return _persen_teks(d)
    if kunci.endswith("Rp"):
        return int(d)
    return float(d)


def baris_referensi() -> list[dict[str, str]]:
    with CSV_REFERENSI.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# The Jumlah row as the reference report states it.
JUMLAH_REFERENSI = {"7Rp": 20057264366, "9Rp": 5499715177, "12Rp": 8290261639, "14Rp": 12353937540}
# The reference's text lost a cell in the Jumlah row: its Rupiah totals of columns 9, 12 and 14 sit one cell
# to the left, in the K cells (the text's tab positions 17, 19 and 23 instead of 18, 20 and 24).
JUMLAH_SEPERTI_TEKS = {"7Rp": 20057264366, "9K": 5499715177, "12K": 8290261639, "14K": 12353937540}


def buat_referensi(
    path: Path, nama_lembar: str = "E.81", jumlah_seperti_teks: bool = False
) -> dict[str, int]:
    """The reference report's Form E.81 as written, including its blanks. Returns row_id -> sheet row.

    With `jumlah_seperti_teks` the Jumlah row is written cell for cell as the reference's text has it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nama_lembar
    tulis_judul(ws)
    posisi: dict[str, int] = {}
    r = BARIS_DATA
    for baris in baris_referensi():
        identitas = {
            "no": int(baris["no"]) if baris["no"] else None,
            "kode": baris["kode"],
            "uraian": baris["name"],
            "indikator": baris["indikator"],
            "satuan": baris["satuan"],
        }
        nilai = {kunci: _angka_csv(kunci, baris[kolom]) for kolom, kunci in CSV_KE_KUNCI.items()}
        tulis_baris(ws, r, identitas, nilai)
        posisi[baris["row_id"]] = r
        r += 1
    tulis_penutup(
        ws,
        r,
        JUMLAH_SEPERTI_TEKS if jumlah_seperti_teks else JUMLAH_REFERENSI,
        {"13K": "65,08%", "13Rp": "41,33%", "15K": "75,27%", "15Rp": "5,32%"},
        {"13K": "Sedang", "13Rp": "Sangat Rendah", "15K": "Tinggi", "15Rp": "Sangat Rendah"},
    )
    posisi["jumlah"], posisi["rata"], posisi["predikat"] = r, r + 1, r + 2
    wb.save(path)
    return posisi


# --- a consistent workbook -------------------------------------------------------------------------------

_PERSEN = Sifat(agregasi=Agregasi.TERAKHIR, akumulasi=Akumulasi.POSISI_AKHIR)
_HITUNG = Sifat(agregasi=Agregasi.JUMLAH, akumulasi=Akumulasi.KUMULATIF)
_FLUKTUASI = Sifat(polaritas=Polaritas.NEGATIF, agregasi=Agregasi.RATA_RATA, akumulasi=Akumulasi.POSISI_AKHIR)

D = Decimal


def _kr(k: str | None, rp: int | None) -> KRp:
    return KRp(None if k is None else D(k), rp)


# (no, kode, uraian, indikator, satuan, sifat, 5, 6, 7, (target TW I, TW II), (realisasi TW I, TW II))
RENCANA_BENAR = [
    (1, "3.30.02", "Program Perizinan dan Pendaftaran Perusahaan",
     "Persentase Kepatuhan Pedagang/Produsen Terhadap Perlindungan Konsumen", "%", _PERSEN,
     ("80", 300_000_000), ("17", 5_000_000), ("80", 80_000_000),
     (("80", 20_000_000), ("80", 20_000_000)), (("70", 15_000_000), ("86", 19_701_000))),
    (2, "3.30.02.2.06", "Pengendalian Fasilitas Penyimpanan Bahan Berbahaya",
     "Jumlah pedagang/produsen yang memenuhi asas perlindungan konsumen", "Peserta", _HITUNG,
     ("600", 300_000_000), ("10", 5_000_000), ("120", 80_000_000),
     (("30", 20_000_000), ("30", 20_000_000)), (("40", 15_000_000), ("46", 19_701_000))),
    (3, "3.30.02.2.06.0003", "Pengawasan Distribusi, Pengemasan dan Pelabelan Bahan Berbahaya",
     "Jumlah Laporan Hasil Pengawasan Distribusi", "Laporan", _HITUNG,
     ("8", 300_000_000), ("0", 5_000_000), ("6", 80_000_000),
     (("1", 20_000_000), ("2", 20_000_000)), (("1", 15_000_000), ("2", 19_701_000))),
    (4, "3.30.04", "Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting",
     "Rata - rata Persentase Fluktuasi Harga Bahan Pangan Pokok", "%", _FLUKTUASI,
     ("10", 1_500_000_000), ("12", 200_000_000), ("10", 560_531_800),
     (("10", 64_583_200), ("10", 200_000_000)), (("9,5", 21_395_215), ("11,25", 117_758_004))),
    (5, "3.30.04.2.02", "Pengendalian Harga, dan Stok Barang Kebutuhan Pokok dan Barang Penting",
     "Persentase harga pangan yang mengalami fluktuasi harga lebih besar 10%", "%", _FLUKTUASI,
     ("10", 1_500_000_000), ("12", 200_000_000), ("10", 560_531_800),
     (("10", 64_583_200), ("10", 200_000_000)), (("9", 21_395_215), ("8", 117_758_004))),
    (6, "3.30.04.2.02.0002", "Pemantauan Harga dan Stok Barang Kebutuhan Pokok",
     "Jumlah laporan pemantauan harga dan stok barang kebutuhan pokok", "Laporan", _HITUNG,
     ("48", 1_000_000_000), ("9", 150_000_000), ("12", 360_531_800),
     (("3", 44_583_200), ("3", 100_000_000)), (("3", 11_395_215), ("3", 67_758_004))),
    (7, "3.30.04.2.02.0003", "Pelaksanaan Operasi Pasar Reguler dan Pasar Khusus",
     "Jumlah laporan pelaksanaan operasi pasar", "Laporan", _HITUNG,
     ("4", 500_000_000), ("1", 50_000_000), ("2", 200_000_000),
     (("0", 20_000_000), ("1", 100_000_000)), (("0", 10_000_000), ("1", 50_000_000))),
]  # fmt: skip


def _d(teks: str) -> D:
    return D(teks.replace(",", "."))


def buat_benar(path: Path, teks_angka: bool = False, nama_lembar: str = "E.81") -> None:
    """A small consistent workbook: columns 12-15 by hitung_baris, totals and predicates recomputed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nama_lembar
    tulis_judul(ws)
    r = BARIS_DATA
    program: list[tuple[MasukanBaris, Any]] = []
    for no, kode, uraian, indikator, satuan, sifat, renstra, lalu, target, t_tw, r_tw in RENCANA_BENAR:
        masukan = MasukanBaris(
            sifat=sifat,
            renstra=KRp(_d(renstra[0]), renstra[1]),
            realisasi_lalu=KRp(_d(lalu[0]), lalu[1]),
            target=KRp(_d(target[0]), target[1]),
            target_tw=(KRp(_d(t_tw[0][0]), t_tw[0][1]), KRp(_d(t_tw[1][0]), t_tw[1][1]), KRp(), KRp()),
            realisasi_tw=(KRp(_d(r_tw[0][0]), r_tw[0][1]), KRp(_d(r_tw[1][0]), r_tw[1][1]), KRp(), KRp()),
        )
        hasil = hitung_baris(masukan, 2)
        if kode.count(".") == 2:
            program.append((masukan, hasil))

        def k(nilai: D | None) -> Any:
            if nilai is None:
                return None
            b = bulatkan(nilai)
            return format_persen(b, tanda=False) if teks_angka else float(b)

        def rp(nilai: int | None) -> Any:
            if nilai is None:
                return None
            return f"{nilai:,}".replace(",", ".") if teks_angka else nilai

        def p(nilai: D | None) -> Any:
            return None if nilai is None else _persen_teks(nilai)

        m = masukan
        nilai = {
            "5K": k(m.renstra.k), "5Rp": rp(m.renstra.rp), "6K": k(m.realisasi_lalu.k),
            "6Rp": rp(m.realisasi_lalu.rp), "7K": k(m.target.k), "7Rp": rp(m.target.rp),
            "T8K": k(m.target_tw[0].k), "T8Rp": rp(m.target_tw[0].rp),
            "8K": k(m.realisasi_tw[0].k), "8Rp": rp(m.realisasi_tw[0].rp),
            "T9K": k(m.target_tw[1].k), "T9Rp": rp(m.target_tw[1].rp),
            "9K": k(m.realisasi_tw[1].k), "9Rp": rp(m.realisasi_tw[1].rp),
            "12K": k(hasil.realisasi.k), "12Rp": rp(hasil.realisasi.rp),
            "13K": p(hasil.capaian.k), "13Rp": p(hasil.capaian.rp),
            "14K": k(hasil.realisasi_renstra.k), "14Rp": rp(hasil.realisasi_renstra.rp),
            "15K": p(hasil.capaian_renstra.k), "15Rp": p(hasil.capaian_renstra.rp),
        }  # fmt: skip
        tulis_baris(
            ws, r, {"no": no, "kode": kode, "uraian": uraian, "indikator": indikator, "satuan": satuan}, nilai
        )
        r += 1

    def jumlah(f: Any) -> int:
        return sum(f(m, h) or 0 for m, h in program)

    jumlah_rp = {
        "5Rp": jumlah(lambda m, h: m.renstra.rp),
        "7Rp": jumlah(lambda m, h: m.target.rp),
        "8Rp": jumlah(lambda m, h: m.realisasi_tw[0].rp),
        "9Rp": jumlah(lambda m, h: m.realisasi_tw[1].rp),
        "12Rp": jumlah(lambda m, h: h.realisasi.rp),
        "14Rp": jumlah(lambda m, h: h.realisasi_renstra.rp),
    }
    rata: dict[str, D] = {
        "13K": sum((bulatkan(h.capaian.k or D(0)) for _, h in program), D(0)) / len(program),
        "13Rp": D(jumlah_rp["12Rp"]) / D(jumlah_rp["7Rp"]) * 100,
        "15K": sum((bulatkan(h.capaian_renstra.k or D(0)) for _, h in program), D(0)) / len(program),
        "15Rp": D(jumlah_rp["14Rp"]) / D(jumlah_rp["5Rp"]) * 100,
    }
    predikat = {kunci: PERMENDAGRI_86_ATAS.predikat(v) or "" for kunci, v in rata.items()}
    tulis_penutup(ws, r, jumlah_rp, {kunci: _persen_teks(v) for kunci, v in rata.items()}, predikat)
    wb.save(path)
