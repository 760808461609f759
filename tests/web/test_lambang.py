"""The lambang daerah uploaded in the admin (PerangkatDaerah.logo): a real PNG or JPEG is kept, under
DATA_DIR, and printed on the Surat Pengantar; anything else is refused at the field with an Indonesian message
and nothing is stored."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from capaian.laporan.paket import Konteks, render
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah
from tests.bantu_admin import data_ubah
from tests.conftest import PD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


def _gambar(format_: str, ukuran: tuple[int, int] = (60, 72)) -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", ukuran, (200, 30, 30)).save(keluaran, format=format_)
    return keluaran.getvalue()


def _unggah(klien: Client, nama: str, isi: bytes) -> tuple[int, str]:
    pd = PerangkatDaerah.objects.get(slug=PD)
    url = f"/admin/organisasi/perangkatdaerah/{pd.pk}/change/"
    data = data_ubah(klien, url)
    data["logo"] = SimpleUploadedFile(nama, isi)
    r = klien.post(url, data)
    return r.status_code, r.content.decode()


@pytest.fixture
def data_dir(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.mark.parametrize(("nama", "format_"), [("lambang.png", "PNG"), ("lambang.jpg", "JPEG")])
def test_png_or_jpeg_is_kept_and_printed_on_the_letter(
    klien_admin: Client, data_dir: Path, nama: str, format_: str
) -> None:
    status, _ = _unggah(klien_admin, nama, _gambar(format_))
    assert status == 302
    pd = PerangkatDaerah.objects.get(slug=PD)
    assert pd.logo.name.startswith("logo/")
    disimpan = Path(pd.logo.path)
    assert disimpan.is_relative_to(data_dir) and disimpan.read_bytes() == _gambar(format_)
    # The Surat Pengantar embeds it: the PDF carries an image, the DOCX a picture.
    konteks = Konteks(muat_data(pd, 2024, 2))
    assert b"/Subtype /Image" in render(konteks, "surat-pengantar", "pdf")
    docx = render(konteks, "surat-pengantar", "docx")
    assert b"word/media/" in docx


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("lambang.png", b"bukan gambar, hanya teks", "Lambang harus berupa gambar PNG atau JPEG."),
        # A PNG's signature followed by garbage: the content, not the first bytes, decides.
        ("lambang.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "rusak atau bukan gambar"),
        # A real image in another format, named .png.
        ("lambang.png", _gambar("GIF"), "Lambang harus berupa gambar PNG atau JPEG."),
        ("lambang.svg", _gambar("PNG"), "harus berakhiran .png, .jpg, atau .jpeg"),
    ],
)
def test_anything_else_is_refused_at_the_field(
    klien_admin: Client, data_dir: Path, nama: str, isi: bytes, pesan: str
) -> None:
    status, halaman = _unggah(klien_admin, nama, isi)
    assert status == 200  # the form again, with the message at the field
    assert pesan in halaman
    assert not PerangkatDaerah.objects.get(slug=PD).logo
    assert not any(data_dir.rglob("lambang*"))


def test_an_image_too_large_is_refused(klien_admin: Client, data_dir: Path) -> None:
    status, halaman = _unggah(klien_admin, "lambang.png", _gambar("PNG", (4001, 10)))
    assert status == 200 and "maksimal 4000 piksel" in halaman
    assert not PerangkatDaerah.objects.get(slug=PD).logo
