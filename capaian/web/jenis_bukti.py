"""What an evidence file is, from its content (not its name): an allow-list of PDF, JPEG, PNG, XLSX and DOCX.

PDF, JPEG and PNG by their magic bytes; XLSX and DOCX are zips whose [Content_Types].xml declares the
workbook or document main part (a macro-enabled .xlsm/.docm declares another type and is refused). The
name's extension must agree with the content, so that a file is downloaded as what it is.
"""

import zipfile
from dataclasses import dataclass
from typing import IO

_BATAS_CONTENT_TYPES = 1024 * 1024  # [Content_Types].xml of a real document is a few KB


@dataclass(frozen=True)
class Jenis:
    kode: str  # "pdf", "jpeg", ...
    label: str  # as told to the user
    mime: str
    akhiran: tuple[str, ...]


PDF = Jenis("pdf", "PDF", "application/pdf", (".pdf",))
JPEG = Jenis("jpeg", "JPG", "image/jpeg", (".jpg", ".jpeg"))
PNG = Jenis("png", "PNG", "image/png", (".png",))
XLSX = Jenis("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
DOCX = Jenis(
    "docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
SEMUA = (PDF, JPEG, PNG, XLSX, DOCX)
MENURUT_KODE = {j.kode: j for j in SEMUA}
AKHIRAN = tuple(a for j in SEMUA for a in j.akhiran)

_OOXML = {
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
}


class JenisDitolak(ValueError):
    """The content is not on the allow-list, or does not match the name; the message is for the user."""


def _ooxml(berkas: IO[bytes]) -> Jenis | None:
    try:
        with zipfile.ZipFile(berkas) as zf:
            info = zf.getinfo("[Content_Types].xml")
            if info.file_size > _BATAS_CONTENT_TYPES:
                return None
            isi = zf.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError):
        return None
    cocok = {j for tipe, j in _OOXML.items() if b'ContentType="' + tipe + b'"' in isi}
    return cocok.pop() if len(cocok) == 1 else None


def kenali(berkas: IO[bytes]) -> Jenis | None:
    """The allowed kind the content is, or None. Leaves the file at its start."""
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(0)
    try:
        if kepala.startswith(b"%PDF-"):
            return PDF
        if kepala.startswith(b"\xff\xd8\xff"):
            return JPEG
        if kepala.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if kepala.startswith(b"PK\x03\x04"):
            return _ooxml(berkas)
        return None
    finally:
        berkas.seek(0)


def periksa(nama: str, berkas: IO[bytes]) -> Jenis:
    """The kind of an upload named `nama`, or JenisDitolak with the reason."""
    akhiran = "." + nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if akhiran not in AKHIRAN:
        raise JenisDitolak("Jenis berkas tidak diizinkan. Gunakan PDF, JPG, PNG, XLSX atau DOCX.")
    jenis = kenali(berkas)
    if jenis is None:
        raise JenisDitolak(
            f"Isi berkas \u201c{nama}\u201d bukan PDF, JPG, PNG, XLSX atau DOCX yang sah, walaupun namanya "
            f"berakhiran {akhiran}. Simpan ulang dokumennya dalam salah satu jenis itu."
        )
    if akhiran not in jenis.akhiran:
        raise JenisDitolak(
            f"Isi berkas \u201c{nama}\u201d adalah {jenis.label}, bukan {akhiran[1:].upper()} seperti "
            f"namanya. Ganti akhiran namanya menjadi {jenis.akhiran[0]} lalu unggah ulang."
        )
    return jenis
