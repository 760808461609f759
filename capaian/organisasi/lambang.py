"""The lambang daerah an admin uploads for the letterhead: checked by its content, not by its name.

The file must really be a PNG or a JPEG image (its signature and Pillow's own check of the whole file agree),
at most MAKS_BYTE, with a sensible size in pixels: the Surat Pengantar embeds it in the PDF and the DOCX, and
a file that only carries a ".png" name would make the letter fail or print nothing.
"""

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from PIL import Image, UnidentifiedImageError

MAKS_BYTE = 2 * 1024 * 1024
MAKS_PIKSEL = 4000
# The first bytes of each format the letter can embed.
_TANDA = {"PNG": b"\x89PNG\r\n\x1a\n", "JPEG": b"\xff\xd8\xff"}


class _PenyimpananLambang(FileSystemStorage):
    """DATA_DIR/lambang, read from the settings at each use (a test's or a restored installation's)."""

    @property
    def base_location(self) -> str:
        return str(Path(settings.DATA_DIR) / "lambang")

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def penyimpanan_lambang() -> FileSystemStorage:
    """Under DATA_DIR (so that `capaian cadangkan` keeps it), not the process's working directory, which is
    where Django's default storage writes while MEDIA_ROOT is unset."""
    return _PenyimpananLambang()


def periksa_lambang(berkas: Any) -> None:
    """Raises ValidationError (Indonesian, at the field) unless `berkas` is a readable PNG or JPEG image."""
    ukuran = getattr(berkas, "size", None)
    if ukuran is not None and ukuran > MAKS_BYTE:
        raise ValidationError(
            f"Berkas lambang terlalu besar ({ukuran // 1024} KB); maksimal {MAKS_BYTE // (1024 * 1024)} MB."
        )
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(0)
    jenis = next((j for j, tanda in _TANDA.items() if kepala.startswith(tanda)), None)
    if jenis is None:
        raise ValidationError("Lambang harus berupa gambar PNG atau JPEG.")
    try:
        with Image.open(berkas) as gambar:
            format_ = gambar.format
            lebar, tinggi = gambar.size
            gambar.verify()  # reads the whole file: a truncated or corrupt image is refused here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError("Berkas lambang rusak atau bukan gambar PNG/JPEG yang dapat dibaca.") from None
    finally:
        berkas.seek(0)
    if format_ != jenis:
        raise ValidationError("Lambang harus berupa gambar PNG atau JPEG.")
    if not (0 < lebar <= MAKS_PIKSEL and 0 < tinggi <= MAKS_PIKSEL):
        raise ValidationError(
            f"Ukuran lambang {lebar}×{tinggi} piksel; maksimal {MAKS_PIKSEL} piksel per sisi."
        )
