"""Evidence files (issue 13 item 2): checked by content against an allow-list, linked to a row, removable
by the operator while the quarter is open (audited), frozen once verified or locked; access per persona."""

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import jenis_bukti
from capaian.web.models import BuktiDukung
from tests.conftest import PD, PERSONA, TAHUN, terima_penjelasan_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def _xlsx() -> bytes:
    keluar = io.BytesIO()
    openpyxl.Workbook().save(keluar)
    return keluar.getvalue()


def _docx() -> bytes:
    from docx import Document

    keluar = io.BytesIO()
    Document().save(keluar)
    return keluar.getvalue()


def _zip(isi: dict[str, bytes]) -> bytes:
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as zf:
        for nama, data in isi.items():
            zf.writestr(nama, data)
    return keluar.getvalue()


def _xlsm() -> bytes:
    """A macro-enabled workbook: a zip with the macro workbook's content type, renamed .xlsx."""
    tipe = (
        b'<Types><Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
    )
    return _zip({"[Content_Types].xml": tipe, "xl/vbaProject.bin": b"\x00"})


def _ind() -> Indikator:
    ind = (
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan").order_by("urutan").first()
    )
    assert ind is not None
    return ind


def _unggah(klien: Client, nama: str, isi: bytes, ind: Indikator | None = None, **lain: Any) -> str:
    data: dict[str, Any] = {"berkas": SimpleUploadedFile(nama, isi), **lain}
    if ind is not None:
        data["indikator"] = ind.pk
    return klien.post(ISIAN + "bukti/", data, follow=True).content.decode()


# --- the content -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nama", "isi", "harap"),
    [
        ("a.pdf", PDF, "pdf"),
        ("a.PNG", PNG, "png"),
        ("a.jpg", JPEG, "jpeg"),
        ("a.jpeg", JPEG, "jpeg"),
        ("a.xlsx", None, "xlsx"),
        ("a.docx", None, "docx"),
    ],
)
def test_jenis_yang_diizinkan_dikenali_dari_isinya(nama: str, isi: bytes | None, harap: str) -> None:
    data = isi if isi is not None else (_xlsx() if harap == "xlsx" else _docx())
    assert jenis_bukti.periksa(nama, io.BytesIO(data)).kode == harap


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("virus.pdf", EXE, "bukan PDF, JPG, PNG, XLSX atau DOCX yang sah"),  # an .exe renamed .pdf
        ("virus.exe", EXE, "Jenis berkas tidak diizinkan"),
        ("makro.xlsx", None, "bukan PDF, JPG, PNG, XLSX atau DOCX yang sah"),  # .xlsm renamed
        ("arsip.docx", b"PK\x03\x04" + b"\x00" * 40, "bukan PDF"),  # a zip that is no document
        ("foto.pdf", PNG, "adalah PNG, bukan PDF"),
        ("tabel.docx", None, "adalah XLSX, bukan DOCX"),
        ("skrip.pdf", b"<script>alert(1)</script>", "bukan PDF"),
    ],
)
def test_isi_yang_tidak_sah_ditolak(nama: str, isi: bytes | None, pesan: str) -> None:
    data = isi if isi is not None else (_xlsm() if nama == "makro.xlsx" else _xlsx())
    with pytest.raises(jenis_bukti.JenisDitolak, match=pesan):
        jenis_bukti.periksa(nama, io.BytesIO(data))


def test_exe_bernama_pdf_ditolak_di_layar_isian(klien_operator: Client) -> None:
    teks = _unggah(klien_operator, "laporan.pdf", EXE, _ind())
    assert "bukan PDF, JPG, PNG, XLSX atau DOCX yang sah" in teks and "tidak diunggah" in teks
    assert not BuktiDukung.objects.exists()


def test_unggah_tertaut_ke_baris_dan_diunduh_sesuai_isinya(klien_sebagai: Klien) -> None:
    op, ind = klien_sebagai("operator-disperindag"), _ind()
    teks = _unggah(op, "SP2D Pasar.pdf", PDF, ind, keterangan="SP2D TW 2")
    assert "terunggah" in teks
    bukti = BuktiDukung.objects.get()
    assert (bukti.indikator, bukti.jenis, bukti.tahun, bukti.triwulan) == (ind, "pdf", TAHUN, 2)
    # The entry screen names the row the file supports and links to it.
    assert f'untuk baris <a href="#baris-{ind.pk}">' in teks
    r = klien_sebagai("verifikator").get(f"/pd/{PD}/bukti/{bukti.pk}/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content) == PDF  # type: ignore[attr-defined]
    e = AuditEvent.objects.get(objek="bukti", aksi="unggah")
    assert e.kolom == f"bukti {TAHUN} TW 2 #{ind.pk}" and e.nama_pengguna == "operator-disperindag"


def test_nama_dan_keterangan_tanpa_karakter_kendali(klien_operator: Client) -> None:
    _unggah(klien_operator, "sp2d\x00.pdf", PDF, _ind(), keterangan="TW 2\x0bpasar\x01")
    bukti = BuktiDukung.objects.get()
    assert (bukti.nama_asli, bukti.keterangan) == ("sp2d.pdf", "TW 2 pasar")


def test_tanpa_baris_ditolak(klien_operator: Client) -> None:
    assert "Pilih baris (indikator)" in _unggah(klien_operator, "a.pdf", PDF)
    lain = Indikator.objects.exclude(perangkat_daerah__slug=PD).first()
    assert lain is not None
    assert "Pilih baris (indikator)" in _unggah(klien_operator, "a.pdf", PDF, lain)
    assert not BuktiDukung.objects.exists()


def test_berkas_di_data_dir_dan_dihapus_bila_gagal_dicatat(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from capaian.web import layanan_bukti

    op = User.objects.get(username="operator-disperindag")
    pd = PerangkatDaerah.objects.get(slug=PD)
    bukti = layanan_bukti.unggah(op, pd, TAHUN, 2, SimpleUploadedFile("a.pdf", PDF), "", _ind())
    # Stored under this run's DATA_DIR (read when used, not when the models loaded).
    assert (data_dir / "bukti" / bukti.berkas.name).read_bytes() == PDF

    def gagal(*a: object, **k: object) -> None:
        raise RuntimeError("audit gagal")

    monkeypatch.setattr(layanan_bukti, "catat", gagal)
    with pytest.raises(RuntimeError):
        layanan_bukti.unggah(op, pd, TAHUN, 2, SimpleUploadedFile("b.pdf", PDF), "", _ind())
    # The failed upload left neither a row nor a file.
    assert list(BuktiDukung.objects.values_list("pk", flat=True)) == [bukti.pk]
    assert sorted(p.name for p in (data_dir / "bukti").rglob("*") if p.is_file()) == [
        Path(bukti.berkas.name).name
    ]


def test_terlalu_besar_ditolak(klien_operator: Client) -> None:
    teks = _unggah(klien_operator, "besar.pdf", PDF + b"0" * (10 * 1024 * 1024), _ind())
    assert "maksimal 10 MB" in teks


def test_hapus_tercatat_dan_beku_setelah_diverifikasi(
    klien_sebagai: Klien, django_capture_on_commit_callbacks: Any
) -> None:
    op = klien_sebagai("operator-disperindag")
    _unggah(op, "a.png", PNG, _ind())
    _unggah(op, "b.jpg", JPEG, _ind())
    a, b = BuktiDukung.objects.get(nama_asli="a.png"), BuktiDukung.objects.get(nama_asli="b.jpg")
    jalur_a = Path(a.berkas.path)
    assert jalur_a.is_file()
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the removal is committed
        op.post(ISIAN + f"bukti/{a.pk}/hapus/", {"alasan": "salah berkas"})
    assert not BuktiDukung.objects.filter(pk=a.pk).exists() and not jalur_a.exists()
    e = AuditEvent.objects.get(objek="bukti", aksi="hapus")
    assert e.alasan == "salah berkas" and e.lama is not None and e.lama.startswith("a.png")
    # Submitted, then verified: the remaining file can no longer be removed, nor a new one added.
    pd = PerangkatDaerah.objects.get(slug=PD)
    terima_penjelasan_demo()
    jalankan_langkah("ajukan", User.objects.get(username="operator-disperindag"), pd, TAHUN, 2)
    jalankan_langkah("setujui", User.objects.get(username="kepala-disperindag"), pd, TAHUN, 2)
    jalankan_langkah("verifikasi", User.objects.get(username="verifikator"), pd, TAHUN, 2)
    teks = op.post(ISIAN + f"bukti/{b.pk}/hapus/", {"alasan": "x"}, follow=True).content.decode()
    assert "tidak dihapus" in teks and BuktiDukung.objects.filter(pk=b.pk).exists()
    assert "tidak diunggah" in _unggah(op, "c.pdf", PDF, _ind())
    assert 'name="alasan" placeholder="Alasan menghapus"' not in op.get(ISIAN).content.decode()


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_unggah_unduh_hapus(klien_sebagai: Klien, persona: str | None) -> None:
    pemilik = klien_sebagai("operator-disperindag")
    _unggah(pemilik, "a.pdf", PDF, _ind())
    bukti = BuktiDukung.objects.get()
    k = klien_sebagai(persona)
    unggah = k.post(ISIAN + "bukti/", {"berkas": SimpleUploadedFile("b.pdf", PDF), "indikator": _ind().pk})
    unduh = k.get(f"/pd/{PD}/bukti/{bukti.pk}/")
    hapus = k.post(ISIAN + f"bukti/{bukti.pk}/hapus/", {"alasan": "x"})
    if persona is None:
        assert all(r.status_code == 302 and "/masuk/" in r["Location"] for r in (unggah, unduh, hapus))
    elif persona == "operator-contoh":  # another agency: disperindag does not exist for them
        assert (unggah.status_code, unduh.status_code, hapus.status_code) == (404, 404, 404)
    elif persona == "operator-disperindag":
        assert unduh.status_code == 200 and unggah.status_code == 302 and hapus.status_code == 302
        assert BuktiDukung.objects.filter(nama_asli="b.pdf").exists()
        assert not BuktiDukung.objects.filter(pk=bukti.pk).exists()
        return
    else:  # may see the agency, may not change its evidence
        assert unduh.status_code == 200
        assert unggah.status_code in (302, 403) and hapus.status_code in (302, 403)
    assert list(BuktiDukung.objects.values_list("pk", flat=True)) == [bukti.pk]
