"""The upload page (capaian.web.unggah): access, dry run, real import, checker mode, template download."""

import io
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.impor.impor import ALASAN
from capaian.impor.templat import buat_templat, kolom_templat
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import unggah

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

Klien = Callable[[str | None], Client]
TAHUN = 2024
HALAMAN = "/pd/disperindag/impor/"
TEMPLAT = HALAMAN + "templat/"
SUB = "3.30.01.2.01.0001"


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def _templat(tmp_path: Path, slug: str = "disperindag", triwulan: int = 2) -> Path:
    keluar = tmp_path / f"templat-{slug}-{triwulan}.xlsx"
    buat_templat(PerangkatDaerah.objects.get(slug=slug), TAHUN, triwulan, keluar)
    return keluar


def _baris(path: Path, kode: str) -> int:
    ws = openpyxl.load_workbook(path)["E.81"]
    for r in range(9, ws.max_row + 1):
        if ws.cell(r, 2).value == kode:
            return r
    raise AssertionError(kode)


def _ubah(path: Path, sel: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    for alamat, nilai in sel.items():
        ws[alamat] = nilai
    wb.save(path)


def _unggah(klien: Client, path: Path, mode: str = "coba", url: str = HALAMAN, **data: Any) -> Any:
    with path.open("rb") as f:
        return klien.post(url, {"berkas": f, "mode": mode, **data})


def _unggahan(data_dir: Path) -> list[Path]:
    folder = data_dir / "unggahan"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _keadaan() -> tuple[list[tuple[int, object, object]], int, int]:
    nilai = list(
        Realisasi.objects.filter(tahun=TAHUN).order_by("pk").values_list("pk", "k", "rp"),
    )
    return nilai, Indikator.objects.count(), AuditEvent.objects.count()


def _realisasi_sub() -> Realisasi | None:
    ind = Indikator.objects.get(perangkat_daerah__slug="disperindag", subkegiatan__kode=SUB)
    return Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=2).first()


# --- access --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "harap"),
    [
        ("admin", 200),
        ("operator-disperindag", 200),
        ("verifikator", 403),
        ("kepala-disperindag", 403),
        ("pimpinan", 403),
        ("operator-contoh", 404),  # disperindag is invisible to the other agency's operator
        (None, 302),
    ],
)
def test_akses_per_persona(klien_sebagai: Klien, persona: str | None, harap: int, tmp_path: Path) -> None:
    k = klien_sebagai(persona)
    for r in (k.get(HALAMAN), k.get(TEMPLAT + "?tahun=2024&triwulan=2"), _unggah(k, _templat(tmp_path))):
        assert r.status_code == harap
        if harap == 302:
            assert r["Location"].startswith("/masuk/")
    if harap == 200:
        assert "Periksa dulu (coba)" in k.get(HALAMAN).content.decode()


def test_operator_contoh_tidak_dapat_mengunggah_ke_disperindag(
    klien_operator_contoh: Client, tmp_path: Path, data_dir: Path
) -> None:
    assert klien_operator_contoh.get("/pd/dinas-contoh/impor/").status_code == 200
    path = _templat(tmp_path)
    _ubah(path, {f"R{_baris(path, SUB)}": 3})
    sebelum = _keadaan()
    assert _unggah(klien_operator_contoh, path).status_code == 404
    assert klien_operator_contoh.post(HALAMAN + "0" * 32 + "/").status_code == 404
    # Into its own agency the other agency's workbook cannot be imported either (nothing matches).
    r = _unggah(klien_operator_contoh, path, url="/pd/dinas-contoh/impor/")
    assert r.status_code == 200
    assert _keadaan() == sebelum


def test_tautan_di_layar_isian(klien_operator: Client, klien_verifikator: Client) -> None:
    isian = f"/pd/disperindag/{TAHUN}/2/"
    assert 'id="tautan-impor"' in klien_operator.get(isian).content.decode()
    assert 'id="tautan-impor"' not in klien_verifikator.get(isian).content.decode()


# --- dry run and real import ---------------------------------------------------------------------------


def test_uji_coba_lalu_impor_sekarang(klien_operator: Client, tmp_path: Path, data_dir: Path) -> None:
    path = _templat(tmp_path)
    r_sub = _baris(path, SUB)
    _ubah(path, {f"R{r_sub}": 3, f"S{r_sub}": "1.151.384.000"})
    sebelum = _keadaan()
    lama = _realisasi_sub()

    r = _unggah(klien_operator, path)
    assert r.status_code == 200
    teks = r.content.decode()
    assert "Hasil uji coba" in teks and 'id="tombol-impor"' in teks
    assert f"&#x27;E.81&#x27;!R{r_sub}" in teks and f"&#x27;E.81&#x27;!S{r_sub}" in teks
    assert "2 perubahan akan disimpan" in teks
    # The dry run saved nothing, and kept the file for the real import.
    assert _keadaan() == sebelum
    u = r.context["unggahan"]
    assert [p.name for p in _unggahan(data_dir)] == [u.id]

    r = klien_operator.post(f"{HALAMAN}{u.id}/")
    assert r.status_code == 200
    teks = r.content.decode()
    assert "Impor selesai: 2 perubahan tersimpan" in teks
    baru = _realisasi_sub()
    assert baru is not None and (baru.k, baru.rp) == (3, 1_151_384_000)
    assert lama is None or (lama.k, lama.rp) != (baru.k, baru.rp)
    peristiwa = AuditEvent.objects.order_by("-id")[:2]
    assert {(e.objek, e.kolom, e.baru, e.nama_pengguna, e.alasan) for e in peristiwa} == {
        ("realisasi", "k", "3", "operator-disperindag", ALASAN),
        ("realisasi", "rp", "1151384000", "operator-disperindag", ALASAN),
    }
    assert AuditEvent.objects.count() == sebelum[2] + 2
    # The file is gone: a second click imports nothing twice.
    assert _unggahan(data_dir) == []
    r = klien_operator.post(f"{HALAMAN}{u.id}/")
    assert r.status_code == 404 and "tidak ditemukan" in r.content.decode()
    assert AuditEvent.objects.count() == sebelum[2] + 2


def test_tahun_dan_triwulan_dari_form(klien_operator: Client, tmp_path: Path) -> None:
    path = _templat(tmp_path)
    r = _unggah(klien_operator, path, tahun="2024", triwulan="3")
    teks = r.content.decode()
    assert r.status_code == 200 and "Triwulan II" in teks and 'id="tombol-impor"' not in teks
    r = _unggah(klien_operator, path, tahun="20x4")
    assert r.status_code == 400 and "Tahun harus angka 2000 sampai 2100" in r.content.decode()


def test_unggahan_orang_lain_tidak_dapat_diimpor(
    klien_operator: Client, klien_admin: Client, tmp_path: Path
) -> None:
    path = _templat(tmp_path)
    _ubah(path, {f"R{_baris(path, SUB)}": 3})
    u = _unggah(klien_operator, path).context["unggahan"]
    sebelum = _keadaan()
    r = klien_admin.post(f"{HALAMAN}{u.id}/")
    assert r.status_code == 404 and _keadaan() == sebelum
    assert klien_operator.post(f"{HALAMAN}..%2F..%2Fx/").status_code == 404


def test_galat_ditampilkan_per_sel_dan_tidak_ada_tombol_impor(
    klien_operator: Client, tmp_path: Path, data_dir: Path
) -> None:
    path = _templat(tmp_path)
    r_prog = _baris(path, "3.30.02")  # K computed from its Kertas Kerja formula
    _ubah(path, {f"R{r_prog}": 50, f"R{_baris(path, SUB)}": 3})
    sebelum = _keadaan()
    r = _unggah(klien_operator, path)
    teks = r.content.decode()
    assert r.status_code == 200 and 'id="tabel-galat"' in teks
    assert f"&#x27;E.81&#x27;!R{r_prog}" in teks and "dihitung dari rumus Kertas Kerja" in teks
    assert 'id="tombol-impor"' not in teks and "belum dapat diimpor" in teks
    assert _keadaan() == sebelum and _unggahan(data_dir) == []


def test_berkas_rusak_bukan_spreadsheet_dan_terlalu_besar(
    klien_operator: Client, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sebelum = _keadaan()
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"PK\x03\x04" + b"bukan zip yang utuh" * 50)
    r = _unggah(klien_operator, rusak)
    teks = r.content.decode()
    assert r.status_code == 200 and 'id="tabel-galat"' in teks and "Traceback" not in teks
    assert (
        "rusak" in teks.lower()
        or "tidak dapat dibaca" in teks.lower()
        or "tidak dapat dibuka" in teks.lower()
    )

    csv = tmp_path / "data.csv"
    csv.write_text("No;Kode;Uraian\n1;3.30;Program\n", encoding="utf-8")
    r = _unggah(klien_operator, csv)
    assert r.status_code == 400 and "bukan buku kerja Excel" in r.content.decode()

    nyamar = tmp_path / "nyamar.xlsx"
    nyamar.write_bytes(b"%PDF-1.7 bukan excel")
    r = _unggah(klien_operator, nyamar)
    assert r.status_code == 400 and "bukan buku kerja Excel" in r.content.decode()

    monkeypatch.setattr(unggah, "UKURAN_MAKS", 1024)
    r = _unggah(klien_operator, _templat(tmp_path))
    assert r.status_code == 400 and "terlalu besar" in r.content.decode()

    r = klien_operator.post(HALAMAN, {"mode": "coba"})
    assert r.status_code == 400 and "Pilih berkas" in r.content.decode()
    assert _keadaan() == sebelum and _unggahan(data_dir) == []


def test_galat_tak_terduga_tanpa_traceback(
    klien_operator: Client, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def meledak(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rahasia internal")

    path = _templat(tmp_path)
    _ubah(path, {f"R{_baris(path, SUB)}": 3})
    u = _unggah(klien_operator, path).context["unggahan"]
    monkeypatch.setattr(unggah, "impor_berkas", meledak)
    for r in (_unggah(klien_operator, path), klien_operator.post(f"{HALAMAN}{u.id}/")):
        teks = r.content.decode()
        assert r.status_code == 500 and "kesalahan tak terduga" in teks
        assert "rahasia internal" not in teks and "Traceback" not in teks
    assert _unggahan(data_dir) == []


def test_unggahan_lama_dibersihkan(klien_operator: Client, tmp_path: Path, data_dir: Path) -> None:
    path = _templat(tmp_path)
    _ubah(path, {f"R{_baris(path, SUB)}": 3})
    u = _unggah(klien_operator, path).context["unggahan"]
    assert len(_unggahan(data_dir)) == 1
    lama = time.time() - unggah.UMUR_MAKS - 60
    os.utime(u.folder, (lama, lama))
    assert klien_operator.get(HALAMAN).status_code == 200  # each visit sweeps
    assert _unggahan(data_dir) == []


# --- template and checker ------------------------------------------------------------------------------


def test_unduh_templat(klien_operator: Client) -> None:
    r = klien_operator.get(TEMPLAT + "?tahun=2024&triwulan=2")
    assert r.status_code == 200
    assert 'filename="Templat-E81-disperindag-2024-TW2.xlsx"' in r["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    # Form E.81, and the quarter's texts per agency, bidang and program (capaian.impor.lembar_catatan).
    assert wb.sheetnames == ["E.81", "Catatan"]
    ws = wb["E.81"]
    assert any(ws.cell(r_, 2).value == SUB for r_ in range(9, ws.max_row + 1))
    # The page links the template of the quarter it was opened for.
    halaman = klien_operator.get(HALAMAN + "?tahun=2024&triwulan=3").content.decode()
    assert "Templat-E81-disperindag-2024-TW3.xlsx" in halaman


def test_mode_periksa_buku_kerja(klien_operator: Client, tmp_path: Path, data_dir: Path) -> None:
    path = _templat(tmp_path, "dinas-contoh")
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    baris = next(
        r
        for r in range(9, ws.max_row + 1)
        if isinstance(ws.cell(r, kolom_templat(2)["13K"]).value, int | float)
    )
    kolom = kolom_templat(2)["13K"]
    ws.cell(baris, kolom).value = 12.34
    wb.save(path)
    alamat = f"{openpyxl.utils.get_column_letter(kolom)}{baris}"
    sebelum = _keadaan()

    r = _unggah(klien_operator, path, mode="periksa", url="/pd/disperindag/impor/")
    teks = r.content.decode()
    assert r.status_code == 200 and 'id="tabel-temuan"' in teks
    temuan = r.context["temuan"]
    t = next(t for t in temuan if t.sel.endswith("!" + alamat))
    assert t.tertulis is not None and t.seharusnya is not None and t.tingkat == "galat"
    for kepala in ("Tingkat", "Sel", "Pesan", "Tertulis", "Seharusnya"):
        assert f"<th>{kepala}</th>" in teks
    assert t.pesan in teks.replace("&#x27;", "'").replace("&quot;", '"')
    assert "tidak ada yang diimpor" in teks and 'id="tombol-impor"' not in teks
    assert _keadaan() == sebelum and _unggahan(data_dir) == []


# --- issue 9: concurrency and blank cells ---------------------------------------------------------------


def test_impor_sekarang_menolak_baris_yang_diubah_sesudah_uji_coba(
    klien_operator: Client, pengguna_operator: Any, tmp_path: Path, data_dir: Path
) -> None:
    """The dry run shows "K 68 -> 69", another operator saves 70 on the entry screen, "Impor sekarang"
    refuses all of it and names the cell, who and when."""
    from decimal import Decimal

    from django.contrib.auth.models import User

    from capaian.monev import services
    from capaian.organisasi.models import Peran, Profil

    pd = PerangkatDaerah.objects.get(slug="disperindag")
    budi = User.objects.create_user("budi", password="x")
    Profil.objects.create(pengguna=budi, pemda=pd.pemda, perangkat_daerah=pd, peran=Peran.OPERATOR)
    ind = Indikator.objects.get(perangkat_daerah=pd, subkegiatan__kode=SUB)
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, k=Decimal(68))
    path = _templat(tmp_path)
    r_sub = _baris(path, SUB)
    _ubah(path, {f"R{r_sub}": 69, f"S{r_sub}": "1.151.384.000"})
    r = _unggah(klien_operator, path)
    assert "K 68 -&gt; 69" in r.content.decode()
    u = r.context["unggahan"]
    assert (u.folder / "uji-coba.json").is_file()

    services.simpan_realisasi(budi, ind, TAHUN, 2, k=Decimal(70))
    sebelum = _keadaan()
    r = klien_operator.post(f"{HALAMAN}{u.id}/")
    teks = r.content.decode()
    assert r.status_code == 200
    galat = [c for c in r.context["hasil"].galat if c.sel]
    assert [c.sel for c in galat] == [f"'E.81'!R{r_sub}"]
    assert galat[0].pesan.startswith("diubah oleh budi pukul ") and "sesudah uji coba" in galat[0].pesan
    assert "Impor selesai" not in teks and "diubah oleh budi" in teks
    assert _keadaan() == sebelum
    assert _realisasi_sub() is not None and _realisasi_sub().k == 70  # type: ignore[union-attr]


def test_kotak_kosongkan(klien_operator: Client, pengguna_operator: Any, tmp_path: Path) -> None:
    from decimal import Decimal

    from capaian.monev import services

    pd = PerangkatDaerah.objects.get(slug="disperindag")
    ind = Indikator.objects.get(perangkat_daerah=pd, subkegiatan__kode=SUB)
    path = _templat(tmp_path)
    r_sub = _baris(path, SUB)
    _ubah(path, {f"R{r_sub}": None})  # an older template: blank where a value has been entered since
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, k=Decimal(68))
    r = _unggah(klien_operator, path)
    assert 'id="isian-kosongkan"' in r.content.decode()
    assert not any(p.sel == f"'E.81'!R{r_sub}" for p in r.context["hasil"].perubahan)
    assert any("sel kosong" in c.pesan for c in r.context["hasil"].peringatan)

    r = _unggah(klien_operator, path, kosongkan="1")
    assert any(p.sel == f"'E.81'!R{r_sub}" for p in r.context["hasil"].perubahan)
    u = r.context["unggahan"]
    assert u.kosongkan
    r = klien_operator.post(f"{HALAMAN}{u.id}/")
    assert "Impor selesai" in r.content.decode()
    assert _realisasi_sub().k is None  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["coba", "periksa"])
def test_buku_kerja_yang_mengembang_ditolak_dengan_pesan(
    klien_operator: Client, tmp_path: Path, data_dir: Path, mode: str
) -> None:
    """A 40 KB workbook of a million cells (issue 13): the page says why, in Indonesian, within seconds;
    nothing is saved and the upload is not kept."""
    from tests.impor.test_batas_buku import _bom_sel

    path = tmp_path / "bom.xlsx"
    _bom_sel(path)
    sebelum = _keadaan()
    mulai = time.process_time()
    r = _unggah(klien_operator, path, mode=mode)
    assert time.process_time() - mulai < 10
    assert r.status_code in (200, 400)
    assert "terlalu banyak sel" in r.content.decode()
    assert _keadaan() == sebelum
    assert _unggahan(data_dir) == []
