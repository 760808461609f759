"""Reads the rendered documents back into their printed strings, in machine form ("90.05", "1500000"),
for the verifier (tests/laporan/test_tercetak.py)."""

import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook

from capaian.laporan.tabel_e81 import TINGGI_KEPALA
from tests.laporan.kalkulator import bulat, indonesia, teks_rp


@dataclass
class BarisTercetak:
    """One Form E.81 row as printed: column key ("5K", "7Rp", "T8K", "8Rp", "13K", ...) -> machine string."""

    no: int | None
    kode: str | None
    tingkat: str
    uraian: str
    sel: dict[str, str | None]


def baca_e81_json(isi: bytes, triwulan: int) -> tuple[list[BarisTercetak], dict[str, str | None]]:
    j = json.loads(isi)
    baris = []
    for b in j["baris"]:
        k = b["kolom"]
        sel: dict[str, str | None] = {}
        for kolom in ("5", "6", "7", "12", "13", "14", "15"):
            sel[f"{kolom}K"] = k[kolom]["k"]
            sel[f"{kolom}Rp"] = None if k[kolom]["rp"] is None else str(k[kolom]["rp"])
        for i in range(triwulan):
            n = str(8 + i)
            for jenis, awalan in (("target", "T"), ("realisasi", "")):
                sel[f"{awalan}{n}K"] = k[n][jenis]["k"]
                r = k[n][jenis]["rp"]
                sel[f"{awalan}{n}Rp"] = None if r is None else str(r)
        sel["predikat13K"], sel["predikat13Rp"] = b["predikat"]["k"], b["predikat"]["rp"]
        baris.append(BarisTercetak(b["no"], b["kode"], b["tingkat"], b["uraian"], sel))
    total = {
        "7Rp": teks_rp(j["jumlah"]["7"]["rp"]),
        "12Rp": teks_rp(j["jumlah"]["12"]["rp"]),
        "14Rp": teks_rp(j["jumlah"]["14"]["rp"]),
        "13K": j["rata_rata"]["13"]["k"],
        "13Rp": j["rata_rata"]["13"]["rp"],
        "15K": j["rata_rata"]["15"]["k"],
        "15Rp": j["rata_rata"]["15"]["rp"],
    }
    return baris, total


def _kunci_e81(triwulan: int) -> list[str]:
    kunci = ["5K", "5Rp", "6K", "6Rp", "7K", "7Rp"]
    for i in range(triwulan):
        n = str(8 + i)
        kunci += [f"T{n}K", f"T{n}Rp", f"{n}K", f"{n}Rp"]
    return kunci + ["12K", "12Rp", "13K", "13Rp", "14K", "14Rp", "15K", "15Rp"]


def _sel_xlsx(nilai: object, rupiah: bool) -> str | None:
    if nilai is None or nilai in ("-", ""):
        return None
    assert isinstance(nilai, int | float), nilai
    if rupiah:
        assert float(nilai).is_integer(), nilai
        return str(int(nilai))
    # The cell holds the printed 2-decimal value; a float's repr recovers it exactly at these sizes.
    return bulat(Decimal(repr(float(nilai))))


def baca_e81_xlsx(
    isi: bytes, triwulan: int, jumlah_baris: int
) -> tuple[list[BarisTercetak], dict[str, str | None]]:
    ws = load_workbook(io.BytesIO(isi), data_only=True).active
    assert ws is not None
    kunci = _kunci_e81(triwulan)
    awal = 6 + TINGGI_KEPALA
    baris = []
    for r in range(awal, awal + jumlah_baris):
        nilai = [ws.cell(row=r, column=c).value for c in range(1, 6 + len(kunci))]
        sel = {
            k: _sel_xlsx(v, k.endswith("Rp") and k[:2] not in ("13", "15"))
            for k, v in zip(kunci, nilai[5:], strict=True)
        }
        no = nilai[0]
        baris.append(
            BarisTercetak(
                int(no) if isinstance(no, int | float) else None,
                nilai[1] or None,
                "",
                str(nilai[2] or ""),
                sel,
            )
        )
    tutup = awal + jumlah_baris
    jumlah_sel = {k: ws.cell(row=tutup, column=6 + i).value for i, k in enumerate(kunci)}
    rata_sel = {k: ws.cell(row=tutup + 1, column=6 + i).value for i, k in enumerate(kunci)}
    assert str(ws.cell(row=tutup, column=1).value).startswith("Jumlah")
    assert str(ws.cell(row=tutup + 1, column=1).value).startswith("Total Rata-Rata")
    total = {k: _sel_xlsx(jumlah_sel[k], True) for k in ("7Rp", "12Rp", "14Rp")}
    total.update({k: _sel_xlsx(rata_sel[k], False) for k in ("13K", "13Rp", "15K", "15Rp")})
    return baris, total


@dataclass
class BarisKK:
    no: object  # column 1, "No. E.81" (blank on a second indicator of the same element)
    tingkat: str
    perhitungan: str
    hasil: str | None
    realisasi: str | None
    target: str | None
    capaian: str | None
    rumus_capaian: str
    pasangan: list[tuple[str, object, str]]  # Data Masukan: (Variabel, Nilai, Catatan) per sheet row


def baca_kertas_kerja(isi: bytes) -> list[BarisKK]:
    """The Kertas Kerja workbook's rows in its own order; an indicator spans one sheet row per input (its own
    cells merged), so a row without a Tingkat continues the indicator above; the reference's section rows
    ("TUJUAN | INDIKATOR TUJUAN", …) have no Tingkat and are skipped."""
    ws = load_workbook(io.BytesIO(isi), data_only=True).active
    assert ws is not None and ws.cell(row=5, column=10).value == "Perhitungan"
    assert ws.cell(row=5, column=7).value == "Data Masukan"
    assert [ws.cell(row=6, column=c).value for c in (7, 8, 9)] == [
        "Variabel",
        "Nilai",
        "Catatan Data Masukan",
    ]
    baris: list[BarisKK] = []
    for r in range(7, ws.max_row + 1):
        v = [ws.cell(row=r, column=c).value for c in range(1, 17)]
        if v[1] is None and v[2] in ("TUJUAN", "SASARAN", "PROGRAM"):
            assert v[3] == f"INDIKATOR {v[2]}"
            continue
        if v[1] is None and v[6] is None:
            break  # the signature block below the table
        pasangan = (str(v[6] or ""), v[7], str(v[8] or ""))
        if v[1] is None:
            baris[-1].pasangan.append(pasangan)
            continue
        baris.append(
            BarisKK(
                no=v[0],
                tingkat=str(v[1]),
                perhitungan=str(v[9] or ""),
                hasil=_sel_xlsx(v[10], False),
                realisasi=_sel_xlsx(v[11], False),
                target=_sel_xlsx(v[12], False),
                capaian=_sel_xlsx(v[13], False),
                rumus_capaian=str(v[14]),
                pasangan=[pasangan],
            )
        )
    return baris


def urutan_e81(kk: list[BarisKK], tingkat_e81: list[str]) -> list[BarisKK]:
    """The Kertas Kerja's rows back in Form E.81's order, by the Form E.81 number it prints in its first
    column (a second indicator of the same element, printed without one, stays after its row). The Kertas
    Kerja prints the Tujuan first, then the Sasaran, then the rest, a kegiatan's sub kegiatan by code (the
    reference's order); the levels read back must be Form E.81's."""
    kelompok: list[list[BarisKK]] = []
    for b in kk:
        if b.no in (None, "", "-") and kelompok:
            kelompok[-1].append(b)
        else:
            kelompok.append([b])
    hasil = [b for k in sorted(kelompok, key=lambda k: int(str(k[0].no))) for b in k]
    nama = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "kegiatan": "Kegiatan"}
    assert [b.tingkat for b in hasil] == [nama.get(t, "Sub Kegiatan") for t in tingkat_e81]
    return hasil


def baca_kesimpulan(
    isi: bytes,
) -> tuple[list[tuple[str, str | None, str | None]], tuple[str | None, str | None]]:
    ws = load_workbook(io.BytesIO(isi), data_only=True).active
    assert ws is not None
    baris = []
    for r in range(4, ws.max_row + 1):
        nama = ws.cell(row=r, column=3).value
        k, rp_ = (
            _sel_xlsx(ws.cell(row=r, column=4).value, False),
            _sel_xlsx(ws.cell(row=r, column=6).value, False),
        )
        if nama == "Rata-rata seluruh program":
            return baris, (k, rp_)
        baris.append((str(nama), k, rp_))
    raise AssertionError("baris rata-rata Kesimpulan tidak ditemukan")


@dataclass
class BidangTercetak:
    anggaran: str | None
    realisasi: str | None
    capaian: str | None  # None when the sentence says there is no capaian yet
    serapan: str | None
    program: list[tuple[str, str | None, str | None]]


def baca_narasi(isi: bytes) -> list[BidangTercetak]:
    doc = Document(io.BytesIO(isi))
    paragraf = [p.text for p in doc.paragraphs]
    anggaran = [
        m.groups()
        for p in paragraf
        if (
            m := re.search(
                r"anggaran sebesar (\S+) dan sampai dengan .*, realisasi keuangan telah mencapai (\S+)", p
            )
        )
    ]
    kalimat = [p for p in paragraf if p.startswith("Secara keseluruhan")]
    tabel = [t for t in doc.tables if t.rows[0].cells[0].text == "No"][: len(anggaran)]
    assert len(anggaran) == len(kalimat) == len(tabel) > 0
    bidang = []
    for (a, r), teks, t in zip(anggaran, kalimat, tabel, strict=True):
        c = re.search(r"kinerja outcome sebesar (\S+?%)", teks)
        s = re.search(r"realisasi keuangan sebesar (\S+?%)", teks)
        assert s is not None, teks
        bidang.append(
            BidangTercetak(
                anggaran=indonesia(a),
                realisasi=indonesia(r),
                capaian=indonesia(c.group(1)) if c else None,
                serapan=indonesia(s.group(1)),
                program=[
                    (row.cells[1].text, indonesia(row.cells[2].text), indonesia(row.cells[3].text))
                    for row in t.rows[1:]
                ],
            )
        )
    return bidang
