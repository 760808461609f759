"""The city's documents (Form E.79, the province's Kesimpulan, the city Narasi): which formats each has, and
rendering one from one DataKota, with each agency's Form E.81 built once and shared by all of them. The CLI
(`capaian laporan --pemda`) and the board's downloads both go through `render_kota`."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from capaian.laporan.data_kota import DataKota
from capaian.laporan.e79 import LaporanE79, bangun_e79
from capaian.laporan.e81 import LaporanE81, bangun_e81
from capaian.laporan.paket import PaketError

JENIS_KOTA = ("e79", "kesimpulan-kota", "narasi-kota")
FORMAT_JENIS_KOTA: dict[str, tuple[str, ...]] = {
    "e79": ("json", "xlsx", "pdf"),
    "kesimpulan-kota": ("xlsx", "pdf"),
    "narasi-kota": ("docx", "pdf"),
}
NAMA_JENIS_KOTA = {
    "e79": "Form E.79 Evaluasi terhadap Hasil RKPD",
    "kesimpulan-kota": "Kesimpulan Evaluasi terhadap Hasil RKPD Kabupaten/Kota (rekap provinsi)",
    "narasi-kota": "Narasi Laporan Hasil Pelaksanaan RKPD per urusan",
}
AWALAN = {"e79": "E79", "kesimpulan-kota": "Kesimpulan-Kota", "narasi-kota": "Narasi-Kota"}


@dataclass
class KonteksKota:
    data: DataKota
    kegiatan: bool = False  # E.79 with the kegiatan rows under each program
    _e81: dict[str, LaporanE81] | None = field(default=None, repr=False)
    _e79: LaporanE79 | None = field(default=None, repr=False)

    @property
    def e81(self) -> dict[str, LaporanE81]:
        if self._e81 is None:
            self._e81 = {
                a.slug: self.data.e81.get(a.slug) or bangun_e81(a.data)
                for a in self.data.termasuk
                if a.data is not None
            }
        return self._e81

    @property
    def e79(self) -> LaporanE79:
        if self._e79 is None:
            self._e79 = bangun_e79(self.data, kegiatan=self.kegiatan, e81=self.e81)
        return self._e79


def periksa_kota(jenis: str, format_: str) -> None:
    if jenis not in FORMAT_JENIS_KOTA:
        raise PaketError(f"Jenis laporan kota '{jenis}' tidak dikenal; pilihan: {', '.join(JENIS_KOTA)}.")
    if format_ not in FORMAT_JENIS_KOTA[jenis]:
        raise PaketError(
            f"Laporan '{jenis}' tidak tersedia dalam format {format_}; "
            f"format yang tersedia: {', '.join(FORMAT_JENIS_KOTA[jenis])}."
        )


def _e79_json(k: KonteksKota) -> bytes:
    from capaian.laporan.render_json_kota import e79_json

    return json.dumps(e79_json(k.e79), ensure_ascii=False, indent=1).encode("utf-8")


def _e79_xlsx(k: KonteksKota) -> bytes:
    from capaian.laporan.render_e79_xlsx import e79_xlsx

    return e79_xlsx(k.e79)


def _e79_pdf(k: KonteksKota) -> bytes:
    from capaian.laporan.render_e79_pdf import e79_pdf

    return e79_pdf(k.e79)


def _kesimpulan_xlsx(k: KonteksKota) -> bytes:
    from capaian.laporan.kesimpulan_kota import bangun_kesimpulan_kota
    from capaian.laporan.render_kota_xlsx import kesimpulan_kota_xlsx

    return kesimpulan_kota_xlsx(bangun_kesimpulan_kota(k.data, k.e81))


def _kesimpulan_pdf(k: KonteksKota) -> bytes:
    from capaian.laporan.kesimpulan_kota import bangun_kesimpulan_kota
    from capaian.laporan.render_kota_pdf import kesimpulan_kota_pdf

    return kesimpulan_kota_pdf(bangun_kesimpulan_kota(k.data, k.e81))


def _narasi_docx(k: KonteksKota) -> bytes:
    from capaian.laporan.narasi_kota import bangun_narasi_kota
    from capaian.laporan.render_kota_docx import narasi_kota_docx

    return narasi_kota_docx(bangun_narasi_kota(k.data, k.e81))


def _narasi_pdf(k: KonteksKota) -> bytes:
    from capaian.laporan.narasi_kota import bangun_narasi_kota
    from capaian.laporan.render_kota_pdf import narasi_kota_pdf

    return narasi_kota_pdf(bangun_narasi_kota(k.data, k.e81))


_PERENDER: dict[tuple[str, str], Callable[[KonteksKota], bytes]] = {
    ("e79", "json"): _e79_json,
    ("e79", "xlsx"): _e79_xlsx,
    ("e79", "pdf"): _e79_pdf,
    ("kesimpulan-kota", "xlsx"): _kesimpulan_xlsx,
    ("kesimpulan-kota", "pdf"): _kesimpulan_pdf,
    ("narasi-kota", "docx"): _narasi_docx,
    ("narasi-kota", "pdf"): _narasi_pdf,
}


def render_kota(konteks: KonteksKota, jenis: str, format_: str) -> bytes:
    periksa_kota(jenis, format_)
    return _PERENDER[(jenis, format_)](konteks)


def nama_unduhan_kota(jenis: str, format_: str, slug: str, tahun: int, triwulan: int) -> str:
    """ "E79-kota-pasuruan-2024-TW2.pdf" """
    return f"{AWALAN[jenis]}-{slug}-{tahun}-TW{triwulan}.{format_}"
