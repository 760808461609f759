"""The package of five documents: which document comes in which formats, rendering one, and the ZIP.

Every door (the CLI, the web download, the API) goes through `render` and `paket_zip`, so they all produce
the same files from one DataLaporan, and Form E.81 is built once per package.
"""

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81

if TYPE_CHECKING:
    from capaian.organisasi.models import PerangkatDaerah

JENIS = ("e81", "kertas-kerja", "kesimpulan", "narasi", "surat-pengantar")
SEMUA = "semua"
FORMAT = ("json", "xlsx", "pdf", "docx")

# Formats per document, in the order the package lists them.
FORMAT_JENIS: dict[str, tuple[str, ...]] = {
    "e81": ("json", "xlsx", "pdf"),
    "kertas-kerja": ("xlsx", "pdf"),
    "kesimpulan": ("xlsx", "pdf"),
    "narasi": ("docx", "pdf"),
    "surat-pengantar": ("docx", "pdf"),
}
# Documents outside the quarter's package ("semua"): Form E.81 Perubahan exists only from the Renja
# Perubahan's effective quarter on.
FORMAT_JENIS_LAIN: dict[str, tuple[str, ...]] = {"e81-perubahan": ("json", "xlsx", "pdf")}

NAMA_JENIS = {
    "e81": "Form E.81 Evaluasi terhadap Hasil Renja",
    "kertas-kerja": "Kertas Kerja Perhitungan Capaian Outcome",
    "kesimpulan": "Kesimpulan Evaluasi terhadap Hasil RKPD",
    "narasi": "Narasi Laporan Hasil Pelaksanaan RKPD",
    "surat-pengantar": "Surat Pengantar",
    "e81-perubahan": "Form E.81 Perubahan (target murni dan perubahan)",
}


class PaketError(ValueError):
    """An unknown document or format, or a pair that does not exist; the message is for the user."""


@dataclass
class Konteks:
    """One agency-quarter's data, with Form E.81 built at most once and shared by the other documents."""

    data: DataLaporan
    _e81: LaporanE81 | None = field(default=None, repr=False)

    @property
    def e81(self) -> LaporanE81:
        if self._e81 is None:
            self._e81 = bangun_e81(self.data)
        return self._e81


def periksa(jenis: str, format_: str) -> None:
    semua = FORMAT_JENIS | FORMAT_JENIS_LAIN
    if jenis not in semua:
        pilihan = ", ".join((*JENIS, *FORMAT_JENIS_LAIN))
        raise PaketError(f"Jenis laporan '{jenis}' tidak dikenal; pilihan: {pilihan} atau {SEMUA}.")
    if format_ not in FORMAT:
        raise PaketError(f"Format '{format_}' tidak dikenal; pilihan: {', '.join(FORMAT)}.")
    if format_ not in semua[jenis]:
        raise PaketError(
            f"Laporan '{jenis}' tidak tersedia dalam format {format_}; "
            f"format yang tersedia: {', '.join(semua[jenis])}."
        )


def nama_berkas(jenis: str, format_: str) -> str:
    return f"{jenis}.{format_}"


def _e81_json(k: Konteks) -> bytes:
    from capaian.laporan.render_json import e81_json

    return json.dumps(e81_json(k.e81), ensure_ascii=False, indent=1).encode("utf-8")


def _e81_xlsx(k: Konteks) -> bytes:
    from capaian.laporan.render_xlsx import e81_xlsx

    return e81_xlsx(k.e81)


def _e81_pdf(k: Konteks) -> bytes:
    from capaian.laporan.render_pdf import e81_pdf

    return e81_pdf(k.e81)


def _kk_xlsx(k: Konteks) -> bytes:
    from capaian.laporan.kertas_kerja import bangun_kertas_kerja
    from capaian.laporan.render_xlsx import kertas_kerja_xlsx

    return kertas_kerja_xlsx(bangun_kertas_kerja(k.data, k.e81))


def _kk_pdf(k: Konteks) -> bytes:
    from capaian.laporan.kertas_kerja import bangun_kertas_kerja
    from capaian.laporan.render_pdf import kertas_kerja_pdf

    return kertas_kerja_pdf(bangun_kertas_kerja(k.data, k.e81))


def _kesimpulan_xlsx(k: Konteks) -> bytes:
    from capaian.laporan.kesimpulan import bangun_kesimpulan
    from capaian.laporan.render_xlsx import kesimpulan_xlsx

    return kesimpulan_xlsx(bangun_kesimpulan(k.data, k.e81))


def _kesimpulan_pdf(k: Konteks) -> bytes:
    from capaian.laporan.kesimpulan import bangun_kesimpulan
    from capaian.laporan.render_pdf import kesimpulan_pdf

    return kesimpulan_pdf(bangun_kesimpulan(k.data, k.e81))


def _narasi_docx(k: Konteks) -> bytes:
    from capaian.laporan.narasi import bangun_narasi
    from capaian.laporan.render_docx import narasi_docx

    return narasi_docx(bangun_narasi(k.data, k.e81))


def _narasi_pdf(k: Konteks) -> bytes:
    from capaian.laporan.narasi import bangun_narasi
    from capaian.laporan.render_pdf import narasi_pdf

    return narasi_pdf(bangun_narasi(k.data, k.e81))


def _surat_docx(k: Konteks) -> bytes:
    from capaian.laporan.render_docx import surat_docx
    from capaian.laporan.surat import bangun_surat

    return surat_docx(bangun_surat(k.data))


def _surat_pdf(k: Konteks) -> bytes:
    from capaian.laporan.render_pdf import surat_pdf
    from capaian.laporan.surat import bangun_surat

    return surat_pdf(bangun_surat(k.data))


def _e81_perubahan(k: Konteks, format_: str) -> bytes:
    from capaian.laporan.e81_perubahan import BukanPerubahan, bangun_e81_perubahan
    from capaian.laporan.render_e81_perubahan import e81_perubahan_json, tabel_e81_perubahan
    from capaian.laporan.render_tabel_pdf import tabel_pdf
    from capaian.laporan.render_tabel_xlsx import tabel_xlsx

    try:
        lap = bangun_e81_perubahan(k.e81)
    except BukanPerubahan as e:
        raise PaketError(str(e)) from None
    if format_ == "json":
        return json.dumps(e81_perubahan_json(lap), ensure_ascii=False, indent=2).encode()
    tabel = tabel_e81_perubahan(lap)
    return tabel_xlsx(tabel) if format_ == "xlsx" else tabel_pdf(tabel)


_PERENDER: dict[tuple[str, str], Callable[[Konteks], bytes]] = {
    ("e81-perubahan", "json"): lambda k: _e81_perubahan(k, "json"),
    ("e81-perubahan", "xlsx"): lambda k: _e81_perubahan(k, "xlsx"),
    ("e81-perubahan", "pdf"): lambda k: _e81_perubahan(k, "pdf"),
    ("e81", "json"): _e81_json,
    ("e81", "xlsx"): _e81_xlsx,
    ("e81", "pdf"): _e81_pdf,
    ("kertas-kerja", "xlsx"): _kk_xlsx,
    ("kertas-kerja", "pdf"): _kk_pdf,
    ("kesimpulan", "xlsx"): _kesimpulan_xlsx,
    ("kesimpulan", "pdf"): _kesimpulan_pdf,
    ("narasi", "docx"): _narasi_docx,
    ("narasi", "pdf"): _narasi_pdf,
    ("surat-pengantar", "docx"): _surat_docx,
    ("surat-pengantar", "pdf"): _surat_pdf,
}


def render(konteks: Konteks, jenis: str, format_: str) -> bytes:
    periksa(jenis, format_)
    return _PERENDER[(jenis, format_)](konteks)


def render_data(data: DataLaporan, jenis: str, format_: str) -> bytes:
    return render(Konteks(data), jenis, format_)


def isi_paket(data: DataLaporan, format_: tuple[str, ...] = ("xlsx", "pdf", "docx")) -> dict[str, bytes]:
    """Every document in every requested format it supports: {file name: bytes}, in package order."""
    konteks = Konteks(data)
    return {
        nama_berkas(jenis, f): render(konteks, jenis, f)
        for jenis in ("surat-pengantar", "kertas-kerja", "e81", "kesimpulan", "narasi")
        for f in FORMAT_JENIS[jenis]
        if f in format_
    }


def zip_data(data: DataLaporan) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for nama, isi in isi_paket(data).items():
            arsip.writestr(nama, isi)
    return keluaran.getvalue()


def paket_zip(pd: "PerangkatDaerah", tahun: int, triwulan: int) -> bytes:
    """The whole package of one agency and quarter as a ZIP in memory (XLSX, PDF and DOCX files).

    `pd` is a PerangkatDaerah; the caller has already checked the user may see it.
    """
    from capaian.laporan.sumber import muat_data

    return zip_data(muat_data(pd, tahun, triwulan))


# ---------------------------------------------------------------------------------------------------
# The download package: the ten files of XLSX, PDF and DOCX, named for the agency and quarter.

PAKET: tuple[tuple[str, str], ...] = tuple(
    (jenis, f)
    for jenis in ("surat-pengantar", "kertas-kerja", "e81", "kesimpulan", "narasi")
    for f in FORMAT_JENIS[jenis]
    if f != "json"
)

AWALAN_BERKAS = {
    "e81": "E81",
    "kertas-kerja": "Kertas-Kerja",
    "kesimpulan": "Kesimpulan",
    "narasi": "Narasi",
    "surat-pengantar": "Surat-Pengantar",
}


def nama_unduhan(jenis: str, format_: str, slug: str, tahun: int, triwulan: int) -> str:
    """A download's file name: "E81-disperindag-2024-TW2.xlsx"."""
    return f"{AWALAN_BERKAS[jenis]}-{slug}-{tahun}-TW{triwulan}.{format_}"


def nama_zip(slug: str, tahun: int, triwulan: int) -> str:
    return f"Laporan-Monev-{slug}-{tahun}-TW{triwulan}.zip"


def berkas_unduhan(data: DataLaporan, slug: str) -> Iterator[tuple[str, bytes]]:
    """The ten files with their download names, rendered one at a time (Form E.81 built once)."""
    konteks = Konteks(data)
    for jenis, f in PAKET:
        yield nama_unduhan(jenis, f, slug, data.tahun, data.triwulan), render(konteks, jenis, f)


def zip_unduhan(data: DataLaporan, slug: str) -> bytes:
    """The ten files as a ZIP with download names (the web's package download)."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for nama, isi in berkas_unduhan(data, slug):
            arsip.writestr(nama, isi)
    return keluaran.getvalue()
