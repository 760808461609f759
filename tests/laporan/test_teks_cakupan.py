"""Issue 12 items 3 and 6: the Narasi has one kendala/solusi section per bidang urusan, in the reference's
order (Perindustrian before Perdagangan) with "1. 2. 3." numbering and black headings; the Kesimpulan lists
its factors per program. PDF, DOCX and XLSX say the same, from one data source; data kept before texts per
bidang existed prints as it did."""

import dataclasses
import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from capaian.aturan.bidang import urutan_bidang
from capaian.laporan.data import DataLaporan
from capaian.laporan.kesimpulan import bangun_kesimpulan, teks_baris
from capaian.laporan.narasi import bangun_narasi, blok_narasi, teks_narasi
from capaian.laporan.render_pdf import kesimpulan_pdf, narasi_pdf
from tests.laporan.conftest import pdf_teks

pytestmark = pytest.mark.django_db

DAK = "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II."
TERTUNDA = (
    "Melaksanakan kegiatan yang tertunda dengan segera dan menyesuaikan jadwal agar semua dapat "
    "terselesaikan."
)
PEDAGANG = "Para pedagang yang tidak kooperatif saat ditanyai harga setiap hari."
UTTP = "Kurangnya kesadaran pemilik UTTP untuk menerakan alatnya."
REVITALISASI = "Kurangnya partisipasi pedagang dalam proses revitalisasi pasar."


def test_urutan_bidang_menurut_nama_perangkat_daerah_lalu_kode() -> None:
    assert urutan_bidang(["3.30", "3.31"], "Dinas Perindustrian dan Perdagangan Kota Pasuruan") == [
        "3.31",
        "3.30",
    ]
    assert urutan_bidang(["3.31", "3.30"], "Dinas Perdagangan dan Perindustrian") == ["3.30", "3.31"]
    # A bidang the name does not name comes after, by code; no name: by code.
    assert urutan_bidang(["2.17", "3.31", "1.01"], "Dinas Perindustrian") == ["3.31", "1.01", "2.17"]
    assert urutan_bidang(["3.31", "3.30", "lain"]) == ["3.30", "3.31", "lain"]


def test_narasi_kendala_solusi_per_bidang(data_demo: DataLaporan) -> None:
    narasi = bangun_narasi(data_demo)
    assert [b.kode for b in narasi.bidang] == ["3.31", "3.30"]
    industri, dagang = narasi.bidang
    assert industri.kendala == (DAK,) and industri.solusi == (TERTUNDA,)
    assert dagang.kendala == (PEDAGANG, UTTP, REVITALISASI)
    assert dagang.solusi == (
        "Melakukan pendekatan lebih terhadap para pedagang.",
        "Sosialisasi ke pemilik UTTP.",
        "Sosialisasi personal terhadap pedagang.",
    )
    # Everything belongs to a bidang: no closing section of the agency's own.
    assert narasi.kendala == () and narasi.solusi == ()
    blok = blok_narasi(teks_narasi(narasi))
    judul = [b.teks for b in blok if b.jenis == "judul"]
    assert judul == ["Urusan Pemerintahan Bidang Perindustrian", "Urusan Pemerintahan Bidang Perdagangan"]
    nomor = [(b.nomor, b.teks) for b in blok if b.jenis == "nomor"]
    assert nomor[:2] == [("1.", DAK), ("1.", TERTUNDA)]
    assert nomor[2:5] == [("1.", PEDAGANG), ("2.", UTTP), ("3.", REVITALISASI)]


def _urut(teks: str, *potongan: str) -> list[int]:
    return [teks.index(p) for p in potongan]


def test_narasi_pdf_dan_docx_urut_dan_bernomor(berkas: dict[str, bytes], tmp_path: Path) -> None:
    pdf = pdf_teks(berkas["narasi.pdf"], tmp_path, tata=False)
    letak = _urut(pdf, "Bidang Perindustrian", "1. Pelaksanaan DAK non fisik", "Bidang Perdagangan")
    letak += _urut(
        pdf, "1. Para pedagang yang tidak kooperatif", "2. Kurangnya kesadaran", "3. Kurangnya part"
    )
    assert letak == sorted(letak)
    assert "1. Melaksanakan kegiatan yang tertunda" in pdf

    doc = Document(io.BytesIO(berkas["narasi.docx"]))
    paragraf = [p.text for p in doc.paragraphs]
    i_industri = paragraf.index("Urusan Pemerintahan Bidang Perindustrian")
    i_dagang = paragraf.index("Urusan Pemerintahan Bidang Perdagangan")
    assert i_industri < paragraf.index(f"1.\t{DAK}") < i_dagang < paragraf.index(f"3.\t{REVITALISASI}")
    # Headings in black, not Word's theme blue: no themeColor, colour 000000 on the style.
    judul = [p for p in doc.paragraphs if p.style is not None and (p.style.name or "").startswith("Heading")]
    assert [p.text for p in judul] == [paragraf[i_industri], paragraf[i_dagang]]
    for p in judul:
        if p.style is not None:
            warna = p.style.element.rPr.find(qn("w:color"))
            assert warna is not None and warna.get(qn("w:val")) == "000000"
            assert warna.get(qn("w:themeColor")) is None


def test_kesimpulan_faktor_per_program(
    data_demo: DataLaporan, berkas: dict[str, bytes], tmp_path: Path
) -> None:
    lap = bangun_kesimpulan(data_demo)
    assert lap.per_program
    per_kode = {b.kode: b for b in lap.baris}
    industri = per_kode["3.31.02"]
    assert industri.faktor_penghambat == (
        DAK,
        "Perubahan anggaran yang mengharuskan pengurangan anggaran belanja pada sub kegiatan 02.",
    )
    # The program without capaian kinerja says so in its Keterangan.
    assert industri.capaian is None
    assert industri.keterangan == ("Belum memiliki capaian kinerja s.d. Triwulan II.",)
    assert per_kode["3.30.04"].faktor_penghambat == (PEDAGANG,)
    assert per_kode["3.30.06"].faktor_penghambat == (UTTP,)
    assert per_kode["3.30.01"].faktor_penghambat == () and teks_baris(lap, per_kode["3.30.01"])[:2] == (
        "-",
        "-",
    )

    ws = load_workbook(io.BytesIO(berkas["kesimpulan.xlsx"]), data_only=True).active
    assert ws is not None
    baris = {ws.cell(r, 3).value: r for r in range(1, ws.max_row + 1)}
    r = baris["Program Perencanaan dan Pembangunan Industri"]
    assert ws.cell(r, 8).value == f"- {DAK}\n- {industri.faktor_penghambat[1]}"
    assert ws.cell(baris["Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting"], 8).value == (
        f"- {PEDAGANG}"
    )
    # Not one merged cell over all programs: each program row has its own text cells.
    gabung = [str(g) for g in ws.merged_cells.ranges]
    assert not any(
        re.fullmatch(rf"[HIJ]{baris['Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota']}:.*", g)
        for g in gabung
    )
    pdf = pdf_teks(berkas["kesimpulan.pdf"], tmp_path, tata=False)
    assert "Perubahan anggaran yang mengharuskan pengurangan anggaran belanja" in pdf
    assert "Belum memiliki capaian kinerja s.d. Triwulan II." in pdf
    assert "Keterangan: Capaian dan realisasi anggaran per program" in pdf


def _tanpa_cakupan(data: DataLaporan) -> DataLaporan:
    return dataclasses.replace(data, teks_bidang=(), teks_program=())


def test_data_lama_tanpa_teks_cakupan_tetap_tercetak(data_demo: DataLaporan, tmp_path: Path) -> None:
    data = _tanpa_cakupan(data_demo)
    narasi = bangun_narasi(data)
    # The agency's faktor penghambat and tindak lanjut, as before, once in a closing section.
    assert all(b.kendala == () for b in narasi.bidang)
    assert narasi.kendala == (PEDAGANG, UTTP, REVITALISASI)
    teks = pdf_teks(narasi_pdf(narasi), tmp_path, tata=False)
    assert "Kendala dan Solusi Perangkat Daerah" in teks and "1. Para pedagang" in teks
    lap = bangun_kesimpulan(data)
    assert not lap.per_program
    pertama = teks_baris(lap, lap.baris[0])
    assert pertama[0] == f"- {PEDAGANG}\n- {UTTP}\n- {REVITALISASI}"
    assert teks_baris(lap, lap.baris[1]) == ("", "", "")
    assert "Para pedagang yang tidak kooperatif" in pdf_teks(kesimpulan_pdf(lap), tmp_path, tata=False)


def test_satu_bidang_mengambil_kendala_perangkat_daerah(data_demo: DataLaporan) -> None:
    data = dataclasses.replace(
        _tanpa_cakupan(data_demo),
        baris=tuple(b for b in data_demo.baris if not (b.kode or "").startswith("3.31")),
        kendala="Kendala umum.",
        solusi="Solusi umum.",
    )
    narasi = bangun_narasi(data)
    assert [b.kode for b in narasi.bidang] == ["3.30"]
    assert narasi.bidang[0].kendala == ("Kendala umum.",) and narasi.kendala == ()


def test_e81_json_memuat_teks_per_cakupan(berkas: dict[str, bytes]) -> None:
    import json

    teks = json.loads(berkas["e81.json"])["teks"]
    assert teks["perangkat_daerah"]["faktor_penghambat"] == [PEDAGANG, UTTP, REVITALISASI]
    bidang = {b["kode"]: b for b in teks["bidang"]}
    assert bidang["3.31"]["kendala"] == [DAK] and bidang["3.31"]["solusi"] == [TERTUNDA]
    program = {p["kode"]: p for p in teks["program"]}
    assert program["3.31.02"]["faktor_penghambat"][0] == DAK
    # The same items the Narasi and the Kesimpulan print.
    assert bidang["3.30"]["kendala"] == [PEDAGANG, UTTP, REVITALISASI]


def test_teks_di_bawah_e81_bernomor(berkas: dict[str, bytes], tmp_path: Path) -> None:
    from capaian.laporan.umum import teks_bernomor

    assert teks_bernomor("Satu.\nDua.") == "1. Satu.\n2. Dua."
    assert teks_bernomor("1. Satu.") == "Satu." and teks_bernomor("") == ""
    pdf = pdf_teks(berkas["e81.pdf"], tmp_path, tata=False)
    letak = _urut(pdf, f"1. {PEDAGANG}", f"2. {UTTP}", f"3. {REVITALISASI}", "1. Melakukan pendekatan lebih")
    assert letak == sorted(letak)
    ws = load_workbook(io.BytesIO(berkas["e81.xlsx"]), data_only=True).active
    assert ws is not None
    teks = {str(c.value) for baris in ws.iter_rows() for c in baris if c.value is not None}
    assert f"1. {PEDAGANG}\n2. {UTTP}\n3. {REVITALISASI}" in teks
