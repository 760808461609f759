"""Form E.79 against the agencies' own Form E.81: every program row, every column, for Disperindag (the
reference report's agency) and the synthetic agencies; who is in and who is not; the files read back."""

import base64
import io
import json
import re
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from capaian.laporan.dokumen_kota import KonteksKota, render_kota
from capaian.laporan.e79 import bangun_e79
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.render_e79_xlsx import KOLOM_TETAP
from capaian.laporan.render_json import e81_json
from capaian.laporan.render_json_kota import e79_json, e79_json_pemda
from capaian.laporan.sumber import muat_data
from capaian.laporan.sumber_kota import muat_data_kota
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.models import Pemda, PerangkatDaerah
from tests.conftest import PD, TAHUN
from tests.kota.conftest import TERMASUK
from tests.laporan.conftest import pdf_png, pdf_teks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kota_demo")]

# E.79 column <- the same agency's Form E.81 column (Permendagri 86/2017's two layouts).
KOLOM_E79_E81 = {"6": "5", "7": "6", "8": "7", "13": "12", "14": "13", "15": "14", "16": "15"}


def _pemda() -> Pemda:
    return Pemda.objects.get(slug="kota-pasuruan")


def _e81_program(slug: str) -> list[dict]:
    """The program rows (every indicator of every program) of the agency's own e81.json, built apart."""
    pd = PerangkatDaerah.objects.get(slug=slug)
    baris = e81_json(bangun_e81(muat_data(pd, TAHUN, 2)))["baris"]
    return [b for b in baris if b["tingkat"] == "program"]


def test_setiap_baris_program_e79_sama_dengan_e81_pd_nya_di_setiap_kolom():
    e79 = e79_json_pemda(_pemda(), TAHUN, 2)
    program_e79 = [b for b in e79["baris"] if b["tingkat"] == "program"]
    assert {b["pd"] for b in program_e79} == set(TERMASUK)
    dibandingkan = 0
    for slug in TERMASUK:
        milik = [b for b in program_e79 if b["pd"] == slug]
        sumber = _e81_program(slug)
        # Every program indicator of the agency appears once, none is added or lost.
        assert sorted((b["kode"], b["indikator"]) for b in milik) == sorted(
            (b["kode"], b["indikator"]) for b in sumber
        )
        for b in milik:
            asal = next(s for s in sumber if (s["kode"], s["indikator"]) == (b["kode"], b["indikator"]))
            for k79, k81 in KOLOM_E79_E81.items():
                assert b["kolom"][k79] == asal["kolom"][k81], (slug, b["kode"], k79)
            for tw in range(4):
                assert b["kolom"][str(9 + tw)] == asal["kolom"][str(8 + tw)]["realisasi"], (
                    slug,
                    b["kode"],
                    tw,
                )
            assert b["predikat"] == asal["predikat"]
            assert b["satuan"] == asal["satuan"] and b["uraian"] == asal["uraian"]
            dibandingkan += 1
    assert dibandingkan >= 10


def test_baris_program_disperindag_membawa_angka_laporan_rujukan():
    # Row 33 of the reference (Program Peningkatan Sarana Distribusi Perdagangan): 36,79 % K and 43,10 % Rp
    # in Form E.81, computed from the Kertas Kerja's inputs; E.79 prints the same.
    e79 = e79_json_pemda(_pemda(), TAHUN, 2)
    b = next(b for b in e79["baris"] if b["pd"] == PD and b["kode"] == "3.30.03")
    assert b["kolom"]["14"] == {"k": "36.79", "rp": "43.10"}
    assert b["kolom"]["8"]["rp"] == 6_215_464_138  # the reference row 33, col 7 Rp
    assert b["kolom"]["10"]["rp"] == 1_720_154_860  # its TW II realisation


def test_hanya_triwulan_terverifikasi_yang_termasuk():
    e79 = e79_json_pemda(_pemda(), TAHUN, 2)
    status = {
        s.perangkat_daerah.slug: s.status
        for s in StatusTriwulan.objects.filter(tahun=TAHUN, triwulan=2).select_related("perangkat_daerah")
    }
    for a in e79["perangkat_daerah"]:
        assert a["status"] == status.get(a["slug"], Status.DRAFT)
        assert a["termasuk"] == (a["status"] in (Status.DIVERIFIKASI, Status.TERKUNCI)), a
    tidak = {a["slug"] for a in e79["perangkat_daerah"] if not a["termasuk"]}
    assert {"dinas-contoh", "sintetis-disperkim"} <= tidak
    assert not tidak & {b["pd"] for b in e79["baris"]}


def test_hanya_disperindag_maka_total_sama_dengan_e81_rujukan():
    """With only Disperindag in, E.79's footer is Disperindag's Form E.81 footer, which reproduces the
    reference report: 20.057.264.366, 8.290.261.639 and 41,33 %; K 50,68 % over the 5 programs with a value
    (the report's 65,08 % counts two blank programs as 0: README, 'Where the engine differs')."""
    StatusTriwulan.objects.filter(tahun=TAHUN, triwulan=2).exclude(perangkat_daerah__slug=PD).update(
        status=Status.DRAFT
    )
    e79 = e79_json_pemda(_pemda(), TAHUN, 2)
    assert e79["jumlah"]["8"] == {"rp": 20_057_264_366}
    assert e79["jumlah"]["13"] == {"rp": 8_290_261_639}
    assert e79["rata_rata"]["14"] == {"k": "50.68", "rp": "41.33"}
    assert e79["predikat"]["14"] == {"k": "Rendah", "rp": "Sangat Rendah"}


def test_pengelompokan_sasaran_urusan_bidang_program():
    e79 = e79_json_pemda(_pemda(), TAHUN, 2)
    tingkat = [b["tingkat"] for b in e79["baris"]]
    assert tingkat[0] == "sasaran"
    # Disperindag's programs serve Sasaran 2.1 (trade and industry) and its Program Penunjang 4.1.
    urutan = [(b["tingkat"], b["kode"]) for b in e79["baris"] if b["tingkat"] != "program" or b["pd"] == PD]
    i21 = urutan.index(("sasaran", "2.1"))
    blok = urutan[i21 : urutan.index(("sasaran", "2.2"))]
    assert ("urusan", "3") in blok and ("bidang", "3.30") in blok and ("bidang", "3.31") in blok
    assert (
        blok.index(("bidang", "3.30")) < blok.index(("program", "3.30.02")) < blok.index(("bidang", "3.31"))
    )
    i41 = urutan.index(("sasaran", "4.1"))
    assert ("program", "3.30.01") in urutan[i41:]
    # Numbered like Form E.81: every row but a further indicator of the same element.
    for sebelum, b in zip(e79["baris"], e79["baris"][1:], strict=False):
        if b["no"] is None:
            assert (b["tingkat"], b["kode"], b["pd"]) == (sebelum["tingkat"], sebelum["kode"], sebelum["pd"])
    nomor = [b["no"] for b in e79["baris"] if b["no"] is not None]
    assert nomor == list(range(1, len(nomor) + 1))
    assert e79["program_tanpa_sasaran"] == 0


def test_baris_kegiatan_opsional_juga_dari_e81():
    data = muat_data_kota(_pemda(), TAHUN, 2)
    dengan = e79_json(bangun_e79(data, kegiatan=True))
    kegiatan = [b for b in dengan["baris"] if b["tingkat"] == "kegiatan" and b["pd"] == PD]
    sumber = [
        b
        for b in e81_json(bangun_e81(muat_data(PerangkatDaerah.objects.get(slug=PD), TAHUN, 2)))["baris"]
        if b["tingkat"] == "kegiatan"
    ]
    # Under each program in E.79's grouping (Sasaran order), so compared by code, not position.
    assert sorted((b["kode"], b["indikator"], json.dumps(b["kolom"]["14"])) for b in kegiatan) == sorted(
        (b["kode"], b["indikator"], json.dumps(b["kolom"]["13"])) for b in sumber
    )
    assert not [b for b in e79_json(bangun_e79(data))["baris"] if b["tingkat"] == "kegiatan"]


def _baris_xlsx(ws, pd_nama: str) -> list[tuple]:
    nilai = [tuple(r) for r in ws.iter_rows(values_only=True)]
    return [r for r in nilai if r and r[-1] == pd_nama]


def test_xlsx_dibaca_kembali_angka_sama_dan_cetak_terbaca():
    konteks = KonteksKota(muat_data_kota(_pemda(), TAHUN, 2))
    isi = render_kota(konteks, "e79", "xlsx")
    wb = load_workbook(io.BytesIO(isi))
    ws = wb["E.79"]
    pd = PerangkatDaerah.objects.get(slug=PD)
    baris = {r[2]: r for r in _baris_xlsx(ws, pd.nama)}  # by code: E.79 orders programs by Sasaran
    sumber = [b for b in _e81_program(PD) if b["no"] is not None]
    assert sorted(baris) == sorted(b["kode"] for b in sumber)

    def angka(v):
        return None if v is None else Decimal(str(v)).quantize(Decimal("0.01"))

    for b in sumber:
        r, k = baris[b["kode"]], KOLOM_TETAP
        assert angka(r[k]) == angka(b["kolom"]["5"]["k"]) and r[k + 1] == b["kolom"]["5"]["rp"]
        assert r[k + 5] == b["kolom"]["7"]["rp"]
        pasangan_14 = k + 2 * (3 + 2 + 1)  # cols 6, 7, 8, TW I, TW II, 13 -> 14
        harap = b["kolom"]["13"]["k"]
        assert angka(r[pasangan_14]) == angka(harap) if harap is not None else r[pasangan_14] == "-"
    assert wb["Perangkat Daerah"].max_row == len(PerangkatDaerah.objects.all()) + 1
    # Print set-up: F4 (paper 14) landscape, header rows repeated, a scale that keeps Arial 9 >= 6.5 pt.
    assert ws.page_setup.paperSize == 14 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows and ws.print_title_cols == "$A:$F"
    assert 9 * ws.page_setup.scale / 100 >= 6.5
    assert "Halaman &P dari &N" in ws.oddFooter.right.text


def ukuran_huruf_pdf(isi: bytes) -> set[float]:
    """Every font size the PDF's pages set (their content streams' Tf operators)."""
    ukuran: set[float] = set()
    for m in re.finditer(
        rb"/Filter \[ /ASCII85Decode /FlateDecode \][^>]*>>\s*stream\r?\n(.*?)endstream", isi, re.S
    ):
        data = m.group(1).strip().removesuffix(b"~>")
        teks = zlib.decompress(base64.a85decode(data))
        ukuran |= {float(x) for x in re.findall(rb"/F[\w+]+ ([\d.]+) Tf", teks)}
    return ukuran


def test_pdf_terbaca_judul_berulang_dan_pd_belum_termasuk_di_halaman_pertama(tmp_path: Path):
    isi = render_kota(KonteksKota(muat_data_kota(_pemda(), TAHUN, 2)), "e79", "pdf")
    ukuran = ukuran_huruf_pdf(isi)
    assert ukuran and min(ukuran) >= 6.5, sorted(ukuran)
    pertama = pdf_teks(isi, tmp_path, halaman=1, tata=False)
    assert "EVALUASI TERHADAP HASIL RKPD KOTA PASURUAN" in pertama
    assert (
        "Belum termasuk dalam angka" in pertama
        and "Dinas Contoh Pariwisata (DATA SINTETIS) (Draf)" in pertama
    )
    halaman = len(re.findall(rb"/Type\s*/Page[^s]", isi))
    assert f"Halaman 1 dari {halaman}" in pertama
    if halaman > 1:
        kedua = pdf_teks(isi, tmp_path, halaman=2, tata=False)
        assert "Perangkat Daerah Penanggung Jawab" in kedua  # the header is repeated
    assert pdf_png(isi, tmp_path).stat().st_size > 10_000


def test_cli_pemda_menulis_dokumen_kota(tmp_path: Path):
    call_command(
        "laporan", pemda="kota-pasuruan", tahun=TAHUN, triwulan=2, jenis="semua",
        format="json,xlsx,pdf,docx", keluar=str(tmp_path), stdout=io.StringIO(),
    )  # fmt: skip
    nama = sorted(p.name for p in tmp_path.iterdir())
    assert nama == [
        "e79.json", "e79.pdf", "e79.xlsx", "kesimpulan-kota.pdf", "kesimpulan-kota.xlsx",
        "narasi-kota.docx", "narasi-kota.pdf",
    ]  # fmt: skip
    assert json.loads((tmp_path / "e79.json").read_text()) == e79_json_pemda(_pemda(), TAHUN, 2)
    with pytest.raises(CommandError, match="pakai --pd"):
        call_command(
            "laporan", pemda="kota-pasuruan", tahun=TAHUN, triwulan=2, jenis="e81", keluar=str(tmp_path)
        )
    with pytest.raises(CommandError, match="pakai --pemda"):
        call_command("laporan", pd=PD, tahun=TAHUN, triwulan=2, jenis="e79", keluar=str(tmp_path))
    with pytest.raises(CommandError, match="tidak tersedia dalam format docx"):
        call_command(
            "laporan", pemda="kota-pasuruan", tahun=TAHUN, triwulan=2, jenis="e79", format="docx",
            keluar=str(tmp_path),
        )  # fmt: skip
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("laporan", pemda="tidak-ada", tahun=TAHUN, triwulan=2, jenis="e79", keluar=str(tmp_path))


# --- the province's Kesimpulan and the city Narasi ---------------------------------------------------------


def test_kesimpulan_kota_satu_blok_per_pd_dengan_angka_kesimpulan_pd_sendiri():
    from capaian.laporan.kesimpulan import bangun_kesimpulan
    from capaian.laporan.kesimpulan_kota import bangun_kesimpulan_kota

    laporan = bangun_kesimpulan_kota(muat_data_kota(_pemda(), TAHUN, 2))
    assert [b.pd.slug for b in laporan.blok] == sorted(
        TERMASUK, key=lambda s: PerangkatDaerah.objects.get(slug=s).nama
    )
    for blok in laporan.blok:
        sendiri = bangun_kesimpulan(muat_data(PerangkatDaerah.objects.get(slug=blok.pd.slug), TAHUN, 2))
        assert blok.kesimpulan.baris == sendiri.baris
        assert blok.kesimpulan.rekap == sendiri.rekap
    disperindag = next(b for b in laporan.blok if b.pd.slug == PD)
    assert disperindag.kesimpulan.rekap.rata_capaian.rp.quantize(Decimal("0.01")) == Decimal("41.33")


def test_kesimpulan_kota_berkas(tmp_path: Path):
    konteks = KonteksKota(muat_data_kota(_pemda(), TAHUN, 2))
    pdf = render_kota(konteks, "kesimpulan-kota", "pdf")
    teks = pdf_teks(pdf, tmp_path, tata=False)
    assert (
        "KESIMPULAN EVALUASI TERHADAP HASIL RKPD KABUPATEN / KOTA DI JAWA TIMUR TRIWULAN II TAHUN 2024"
        in teks
    )
    assert "Belum termasuk (triwulan belum diverifikasi)" in teks and "Rata-rata Disperindag" in teks
    assert min(ukuran_huruf_pdf(pdf)) >= 6.5
    ws = load_workbook(io.BytesIO(render_kota(konteks, "kesimpulan-kota", "xlsx")))["Kesimpulan"]
    nilai = [r for r in ws.iter_rows(values_only=True)]
    program = next(r for r in nilai if r[2] == "Program Peningkatan Sarana Distribusi Perdagangan")
    assert (program[3], program[5]) == (36.79, 43.1)
    akhir = next(r for r in nilai if r[1] and str(r[1]).startswith("Rata-rata seluruh perangkat daerah"))
    assert isinstance(akhir[3], float)
    assert ws.page_setup.paperSize == 14 and 9 * ws.page_setup.scale / 100 >= 6.5


def test_narasi_kota_per_bidang_lintas_pd():
    from capaian.laporan.narasi import bangun_narasi
    from capaian.laporan.narasi_kota import bangun_narasi_kota, teks_narasi_kota

    laporan = bangun_narasi_kota(muat_data_kota(_pemda(), TAHUN, 2))
    kode = [b.kode for b in laporan.bidang]
    assert kode.index("3.30") < kode.index("3.31")  # ordered by code, as the reference's Narasi
    for slug in TERMASUK:
        sendiri = bangun_narasi(muat_data(PerangkatDaerah.objects.get(slug=slug), TAHUN, 2))
        for bn in sendiri.bidang:
            kota = next(b for b in laporan.bidang if b.kode == bn.kode)
            assert [p.program for p in kota.program if p.pd.slug == slug] == list(bn.program)
    perdagangan = next(b for b in laporan.bidang if b.kode == "3.30")
    sendiri = next(b for b in bangun_narasi(muat_data(PerangkatDaerah.objects.get(slug=PD), TAHUN, 2)).bidang
                   if b.kode == "3.30")  # fmt: skip
    # Disperindag is the only agency of bidang 3.30 here: the city's figures are its own Narasi's.
    assert perdagangan.rekap == sendiri.rekap
    assert perdagangan.rekap.jumlah_target_rp == 17_472_215_166  # the reference Narasi: Rp.17.472.215.166,-
    teks = teks_narasi_kota(laporan)
    assert "Rp.17.472.215.166,-" in teks and "Urusan Pemerintahan Bidang Perdagangan" in teks


def test_narasi_kota_berkas(tmp_path: Path):
    import docx

    konteks = KonteksKota(muat_data_kota(_pemda(), TAHUN, 2))
    dokumen = docx.Document(io.BytesIO(render_kota(konteks, "narasi-kota", "docx")))
    teks = "\n".join(p.text for p in dokumen.paragraphs)
    assert (
        "NARASI LAPORAN HASIL PELAKSANAAN RKPD" in teks and "Urusan Pemerintahan Bidang Perindustrian" in teks
    )
    assert any("Disperindag" in c.text for t in dokumen.tables for r in t.rows for c in r.cells)
    pdf = render_kota(konteks, "narasi-kota", "pdf")
    assert "Gambaran Umum" in pdf_teks(pdf, tmp_path, tata=False)
    assert min(ukuran_huruf_pdf(pdf)) >= 6.5
