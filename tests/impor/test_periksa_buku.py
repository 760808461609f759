"""`capaian periksa` on generated workbooks: the reference report as written, a consistent one, bad files."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from capaian.aturan.metode import JUDUL_KOLOM, kode_metode
from capaian.aturan.periksa import Temuan, hitung_per_jenis, periksa
from capaian.aturan.predikat import PERMENDAGRI_86_BAWAH
from capaian.impor.baca import BATAS_BARIS, BacaError, baca_e81
from tests.impor.buku import BARIS_DATA, RENCANA_BENAR, buat_benar, buat_referensi

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def referensi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("e81") / "referensi.xlsx"
    posisi = buat_referensi(path)
    return path, posisi


@pytest.fixture(scope="module")
def temuan_referensi(referensi: tuple[Path, dict[str, int]]) -> list[Temuan]:
    return periksa(baca_e81(referensi[0]))


def _di(temuan: list[Temuan], jenis: str) -> dict[str, Temuan]:
    return {t.sel: t for t in temuan if t.jenis == jenis}


def sel(kolom: str, r: int) -> str:
    return f"'E.81'!{kolom}{r}"


# --- reading -------------------------------------------------------------------------------------------


def test_membaca_tata_letak_referensi(referensi: tuple[Path, dict[str, int]]) -> None:
    path, posisi = referensi
    lembar = baca_e81(path)
    assert (lembar.nama, lembar.triwulan, lembar.ada_target_tw) == ("E.81", 2, True)
    data = [b for b in lembar.baris if b.jenis == "data"]
    assert len(data) == 57  # rows 1-56 and the continuation of row 55
    b40 = next(b for b in data if b.no == 40)
    assert b40.kode == "3.30.04" and b40.nomor_baris == posisi["40"]
    assert b40.sel["13K"].alamat == sel("V", posisi["40"]) and str(b40.sel["13K"].nilai) == "198.75"
    assert b40.sel["9K"].alamat == sel("R", posisi["40"])
    assert b40.sel["T9Rp"].alamat == sel("Q", posisi["40"])
    assert [b.jenis for b in lembar.baris[-3:]] == ["jumlah", "rata-rata", "predikat"]


# --- the reference report's known contradictions ------------------------------------------------------------


def test_polaritas_baris_40(temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]) -> None:
    posisi = referensi[1]
    t = _di(temuan_referensi, "polaritas-terbalik")[sel("V", posisi["40"])]
    assert (t.no, t.kode, t.tingkat) == (40, "3.30.04", "peringatan")
    assert t.tertulis == "198,75%" and t.seharusnya == "1,25%"
    assert "fluktuasi" in t.pesan.lower()


def test_kolom15_rp_dibatasi_100(
    temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]
) -> None:
    posisi = referensi[1]
    dibatasi = _di(temuan_referensi, "rp-dibatasi-100")
    # The report caps its Renstra Rp percentage at 100 % in 15 rows.
    assert len(dibatasi) == 15
    for no in ("7", "8", "12"):
        t = dibatasi[sel("AA", posisi[no])]
        assert t.tertulis == "100,00%" and t.kolom == "15"
    assert dibatasi[sel("AA", posisi["7"])].seharusnya == "9.530,64%"


def test_persen_atas_realisasi_kosong(
    temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]
) -> None:
    posisi = referensi[1]
    kosong = _di(temuan_referensi, "basis-kosong")
    for no in ("1", "2", "3", "4", "5", "44", "45", "46", "47"):
        t = kosong[sel("V", posisi[no])]
        assert t.tertulis == "0,00%" and t.tingkat == "peringatan" and "blank dihitung sebagai nol" in t.pesan


def test_kolom14_k_baris_5_dari_kolom12_kosong(
    temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]
) -> None:
    t = _di(temuan_referensi, "basis-kosong")[sel("X", referensi[1]["5"])]
    assert t.tertulis == "36,18" and "rata-rata" in t.pesan


def test_kolom14_k_bacaan_disebut(
    temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]
) -> None:
    # Row 11: 1 + 100 written as 50,50: the mean of the years, not the header's 6 + 12.
    t = _di(temuan_referensi, "renstra-kolom14")[sel("X", referensi[1]["11"])]
    assert t.tingkat == "peringatan" and "rata-rata" in t.pesan


def test_total_rata_rata(temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]) -> None:
    r = referensi[1]["rata"]
    pada_baris = [t for t in temuan_referensi if t.sel.endswith(f"{r}") and t.sel.startswith("'E.81'!")]
    # 65,08 is the plain mean of the programs' col 13 K as written; 41,33 is total realisation / total budget.
    assert not [t for t in pada_baris if t.jenis in ("rata-rata-program", "rata-rata-metode")]
    [t] = [t for t in pada_baris if t.jenis == "rata-rata-hitung-ulang"]
    assert t.sel == sel("V", r) and t.tertulis == "65,08%" and t.seharusnya == "51,61%"
    assert not [t for t in pada_baris if t.sel == sel("W", r)]


def test_jumlah_dan_predikat(temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]) -> None:
    path, posisi = referensi
    assert not _di(temuan_referensi, "jumlah-program")
    assert not _di(temuan_referensi, "predikat-pita")
    bawah = _di(periksa(baca_e81(path), PERMENDAGRI_86_BAWAH), "predikat-pita")
    assert set(bawah) == {sel("V", posisi["predikat"]), sel("Z", posisi["predikat"])}
    assert all("batas atas inklusif" in t.pesan for t in bawah.values())


def test_ringkasan_referensi(temuan_referensi: list[Temuan]) -> None:
    jenis = hitung_per_jenis(temuan_referensi)
    assert jenis["polaritas-terbalik"] == 4  # rows 40 and 41, columns 13 and 15
    assert jenis["kode-format-lama"] == 2  # 3.30.05.2.01.05 and 3.31.02.2.01.03
    assert jenis["tw-melebihi-target"] >= 1
    assert "kode-tidak-sah" not in jenis and "salah-kolom" not in jenis
    # The only galat of the report as written: row 35's quarterly Rp targets (TW II alone, and both quarters
    # together) exceed the year's budget. Everything else is explainable and a warning.
    galat = {(t.no, t.kolom, t.jenis) for t in temuan_referensi if t.tingkat == "galat"}
    assert galat == {(35, "9", "tw-melebihi-target"), (35, "8", "tw-melebihi-target")}
    assert all(t.kolom is not None and t.kolom.isdigit() for t in temuan_referensi)


# The 19 parents whose column 6 (Renstra realisation up to 2023) is not the sum of their children's: the
# transcription's real_prev_rp. Program 3.30.01 leaves it blank over children worth 8.221.933.110; kegiatan
# 3.30.02.2.06 states 30.606.000 over a sub kegiatan that states none. Kegiatan 3.30.03.2.02 is the one
# parent whose column 6 adds up.
INDUK_KOLOM6 = {  # kode -> the sum of its children's real_prev_rp in the transcription ("-": all blank)
    "3.30.01": "8.221.933.110",
    "3.30.01.2.01": "50.252.900",
    "3.30.01.2.02": "13.272.423.426",
    "3.30.01.2.03": "2.359.000",
    "3.30.01.2.06": "138.907.994",
    "3.30.01.2.08": "1.126.414.363",
    "3.30.01.2.09": "1.311.695.675",
    "3.30.02": "30.606.000",
    "3.30.02.2.06": "-",
    "3.30.03": "2.120.949.361",
    "3.30.03.2.01": "4.484.744.361",
    "3.30.04": "258.152.000",
    "3.30.04.2.02": "2.539.207.367",
    "3.30.05": "49.551.967",
    "3.30.05.2.01": "1.176.310.494",
    "3.30.06": "611.526.783",
    "3.30.06.2.01": "620.449.451",
    "3.31.02": "114.974.200",
    "3.31.02.2.01": "4.271.314.862",
}


def test_induk_anak_kolom6_referensi(
    temuan_referensi: list[Temuan], referensi: tuple[Path, dict[str, int]]
) -> None:
    lalu = [t for t in temuan_referensi if t.jenis == "induk-anak-lalu"]
    assert {t.kode: t.seharusnya for t in lalu} == INDUK_KOLOM6
    assert all(t.tingkat == "peringatan" and t.kolom == "6" and t.sel.startswith("'E.81'!I") for t in lalu)
    t = next(t for t in lalu if t.kode == "3.30.01")
    assert t.sel == sel("I", referensi[1]["6"]) and "kosong tidak sama dengan jumlah turunannya" in t.pesan
    # Columns 5, 7, the quarterly targets and realisations and 12 of every parent equal its children's sum.
    assert not [t for t in temuan_referensi if t.jenis in ("induk-anak-pagu", "induk-anak-realisasi")]


def test_jumlah_tergeser_seperti_teks(tmp_path: Path, temuan_referensi: list[Temuan]) -> None:
    path = tmp_path / "teks.xlsx"
    posisi = buat_referensi(path, jumlah_seperti_teks=True)
    temuan = periksa(baca_e81(path))
    r = posisi["jumlah"]
    [t] = [t for t in temuan if t.sel.endswith(f"{r}")]
    assert (t.jenis, t.tingkat, t.sel, t.kolom) == ("baris-tergeser", "galat", sel("R", r), "9")
    assert t.tertulis == "5.499.715.177; 8.290.261.639; 12.353.937.540"
    assert t.seharusnya == f"S{r}, U{r}, Y{r}"
    # One galat for the move, not a cascade: every other finding is the same as for the report put right.
    assert {(x.jenis, x.sel) for x in temuan if x is not t} == {(x.jenis, x.sel) for x in temuan_referensi}


# --- a consistent workbook ---------------------------------------------------------------------------------


@pytest.mark.parametrize("teks_angka", [False, True])
def test_buku_benar_tanpa_galat(tmp_path: Path, teks_angka: bool) -> None:
    path = tmp_path / "benar.xlsx"
    buat_benar(path, teks_angka=teks_angka)
    temuan = periksa(baca_e81(path))
    assert [t for t in temuan if t.tingkat == "galat"] == []
    # Only the non-default Renstra readings of the percentage indicators are named.
    assert {t.jenis for t in temuan} <= {"renstra-kolom14"}


def _tulis_metode(path: Path, kode: list[str]) -> None:
    """Give a workbook of buat_benar the entry template's "Metode" column (AC, right of the PD column)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    kolom = "AC"
    ws[f"{kolom}5"] = JUDUL_KOLOM
    for i, teks in enumerate(kode):
        ws[f"{kolom}{BARIS_DATA + i}"] = teks
    wb.save(path)
    return kolom


def test_kolom_metode_dibaca(tmp_path: Path) -> None:
    path = tmp_path / "metode.xlsx"
    buat_benar(path)
    _tulis_metode(path, [kode_metode(baris[5]) for baris in RENCANA_BENAR])
    lembar = baca_e81(path)
    data = [b for b in lembar.baris if b.jenis == "data"]
    assert [b.sifat for b in data] == [baris[5] for baris in RENCANA_BENAR]
    # With the methods stated, the Renstra readings of the percentage indicators need no warning.
    assert periksa(lembar) == []
    # A code that cannot be read is a warning at its cell; that row's method is then guessed.
    _tulis_metode(path, ["positif; agregasi:median; akumulasi:kumulatif"])
    lembar = baca_e81(path)
    [t] = [t for t in periksa(lembar) if t.jenis == "metode-tidak-sah"]
    assert (t.tingkat, t.kolom, t.tertulis) == (
        "peringatan",
        None,
        "positif; agregasi:median; akumulasi:kumulatif",
    )
    assert t.sel.endswith(f"{BARIS_DATA}") and "'median' tidak dikenal" in t.pesan
    assert t.sel == f"'E.81'!AC{BARIS_DATA}"
    assert [b.sifat is None for b in lembar.baris[:2]] == [True, False]


def test_lembar_dicari_dari_judul(tmp_path: Path) -> None:
    path = tmp_path / "dua-lembar.xlsx"
    buat_benar(path, nama_lembar="Evaluasi Renja")
    wb = openpyxl.load_workbook(path)
    sampul = wb.create_sheet("Sampul", 0)
    sampul["A1"] = "Laporan Monev Triwulan II"
    wb.save(path)
    assert baca_e81(path).nama == "Evaluasi Renja"


def test_tanpa_target_tw_empat_triwulan_dan_format_persen(tmp_path: Path) -> None:
    """The official form: quarters headed I..IV without target columns; percentages as % cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "E81"
    judul = ["No", "Kode", "Program/Kegiatan", "Indikator", "Satuan", "Target Renstra", None,
             "Realisasi Capaian s/d Renja Tahun Lalu", None, "Target Renja Tahun Berjalan", None,
             "Realisasi Kinerja Pada Triwulan", None, None, None, None, None, None, None,
             "Realisasi Capaian Kinerja dan Anggaran Renja", None, "Tingkat Capaian Kinerja Renja (%)", None,
             "Realisasi Kinerja dan Anggaran Renstra s/d Tahun Ini", None,
             "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%)", None]  # fmt: skip
    ws.append(judul)
    ws.append([None] * 11 + ["I", None, "II", None, "III", None, "IV", None])
    ws.append([None] * 5 + ["K", "Rp"] * 11)
    ws.append([1, 2, 3, 4, None, 5, None, 6, None, 7, None, 8, None, 9, None, 10, None, 11, None, 12, None,
               13, None, "14 = 6 + 12", None, "15 = 14/5 x 100%"])  # fmt: skip
    ws.append([1, "1.02.02", "Program Pemenuhan Upaya Kesehatan", "Prevalensi stunting", "%", 14, 1000,
               20, 200, 16, 500, 18, 100, 17, 100, 15, 100, 14, 100, 14, 400, 0.875, 0.8, 14, 600, 1,
               0.6])  # fmt: skip
    for kol in ("V", "W", "Z", "AA"):
        ws[f"{kol}5"].number_format = "0.00%"
    wb.save(tmp_path / "resmi.xlsx")
    lembar = baca_e81(tmp_path / "resmi.xlsx")
    assert (lembar.triwulan, lembar.ada_target_tw) == (4, False)
    [b] = lembar.baris
    assert str(b.sel["13K"].nilai) == "87.5" and b.sel["11K"].alamat == "'E81'!R5"
    temuan = periksa(lembar)
    # 14 is the last quarter and the minimum; 14/16 = 87,5 % as higher-is-better while 14 < 16: fine.
    assert not [t for t in temuan if t.tingkat == "galat"], temuan


# --- unreadable cells and files -----------------------------------------------------------------------------


def test_teks_di_sel_angka(tmp_path: Path) -> None:
    path = tmp_path / "teks.xlsx"
    posisi = buat_referensi(path)
    wb = openpyxl.load_workbook(path)
    wb["E.81"][f"T{posisi['9']}"] = "dua laporan"
    wb["E.81"][f"K{posisi['9']}"] = "Rp 7.927.500,-"
    wb.save(path)
    temuan = periksa(baca_e81(path))
    t = _di(temuan, "bukan-angka")[sel("T", posisi["9"])]
    assert t.tingkat == "galat" and t.tertulis == "dua laporan"
    assert sel("K", posisi["9"]) not in _di(temuan, "bukan-angka")  # a Rupiah text is a number


def test_formula_tanpa_nilai_tersimpan(tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    buat_benar(path)
    wb = openpyxl.load_workbook(path)
    wb["E.81"]["V10"] = "=T10/J10*100"  # written by openpyxl: no cached value
    wb.save(path)
    [t] = [t for t in periksa(baca_e81(path)) if t.jenis == "formula-tanpa-nilai"]
    assert t.sel == "'E.81'!V10" and "formula tanpa nilai tersimpan" in t.pesan.lower()


def _buku_kosong(path: Path) -> None:
    openpyxl.Workbook().save(path)


def _lembar_salah(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(["Nama", "NIP", "Jabatan"])
    ws.append(["Hery", "197012231990031001", "Plt. Kepala Dinas"])
    wb.save(path)


def _zip_rusak(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x00rusak" * 50)


def _xlsx_terpotong(path: Path) -> None:
    buat_benar(path)
    path.write_bytes(path.read_bytes()[:700])


def _csv(path: Path) -> None:
    path.write_text("no,kode,indikator\n1,3.30.01,Persentase\n", encoding="utf-8")


def _nol_bait(path: Path) -> None:
    path.write_bytes(b"")


def _biner(path: Path) -> None:
    path.write_bytes(bytes(range(256)))


def _xls_rusak(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


BERKAS_BURUK = [
    (_buku_kosong, "kosong"),
    (_lembar_salah, "Tidak ada lembar Form E.81"),
    (_zip_rusak, "rusak"),
    (_xlsx_terpotong, "rusak"),
    (_csv, "bukan buku kerja Excel"),
    (_nol_bait, "kosong"),
    (_biner, "bukan buku kerja Excel"),
    (_xls_rusak, "rusak"),
]


@pytest.mark.parametrize(("buat", "pesan"), BERKAS_BURUK, ids=[b.__name__ for b, _ in BERKAS_BURUK])
def test_berkas_buruk_pesan_jelas(tmp_path: Path, buat: object, pesan: str) -> None:
    path = tmp_path / ("lama.xls" if buat is _xls_rusak else "buku.xlsx")
    buat(path)  # type: ignore[operator]
    with pytest.raises(BacaError, match=pesan):
        baca_e81(path)
    with pytest.raises(CommandError, match=pesan):
        call_command("periksa", str(path))


def test_berkas_tidak_ada(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("periksa", str(tmp_path / "tidak-ada.xlsx"))


def test_lembar_terlalu_besar(tmp_path: Path) -> None:
    path = tmp_path / "besar.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("E.81")
    for i in range(BATAS_BARIS + 1):
        ws.append([i])
    wb.save(path)
    with pytest.raises(BacaError, match="terlalu besar"):
        baca_e81(path)


# --- the command -------------------------------------------------------------------------------------------


def test_perintah_json(referensi: tuple[Path, dict[str, int]]) -> None:
    keluar = StringIO()
    call_command("periksa", str(referensi[0]), "--json", stdout=keluar)
    data = json.loads(keluar.getvalue())
    assert list(data) == ["temuan"] and data["temuan"]
    kunci = ["no", "kode", "kolom", "sel", "jenis", "tingkat", "pesan", "tertulis", "seharusnya"]
    for t in data["temuan"]:
        assert list(t) == kunci
        assert t["kolom"] in {"2", *(str(n) for n in range(5, 16))}, t
        assert t["tingkat"] in ("galat", "peringatan")
        assert isinstance(t["sel"], str) and isinstance(t["jenis"], str) and isinstance(t["pesan"], str)
        assert t["no"] is None or isinstance(t["no"], int)


def test_perintah_tabel_dan_pita(referensi: tuple[Path, dict[str, int]]) -> None:
    keluar = StringIO()
    call_command("periksa", str(referensi[0]), "--pita", "bawah", stdout=keluar)
    teks = keluar.getvalue()
    assert "predikat-pita" in teks and "polaritas-terbalik" in teks and "Per jenis:" in teks


def _jalankan(*argumen: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "capaian.settings"}
    return subprocess.run(
        [sys.executable, "-m", "capaian.cli", "periksa", *argumen],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_status_keluar(referensi: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    hasil = _jalankan(str(referensi[0]), "--json")
    assert hasil.returncode == 0, hasil.stderr
    assert json.loads(hasil.stdout)["temuan"]
    _csv(tmp_path / "laporan.xlsx")
    hasil = _jalankan(str(tmp_path / "laporan.xlsx"))
    assert hasil.returncode != 0
    assert "bukan buku kerja Excel" in hasil.stderr and "Traceback" not in hasil.stderr
