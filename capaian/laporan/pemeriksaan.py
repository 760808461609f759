"""The quarter's checks, as the workflow's gate uses them: the agency's data checks
(capaian.aturan.periksa_data)
and the cross-document checks (capaian.laporan.konsistensi), over the data the reports are built from.

The web pages and the API run workflow steps through `jalankan_langkah`, which hands these checks to
`capaian.monev.alur` (the workflow does not import the reports)."""

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import belum_diisi, periksa_data
from capaian.laporan.data import DataLaporan
from capaian.laporan.konsistensi import periksa_konsistensi
from capaian.laporan.sumber import muat_data
from capaian.monev import alur
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah


def periksa_laporan(data: DataLaporan) -> list[Temuan]:
    """All findings of one agency-quarter's data: the data checks, then the cross-document checks."""
    return periksa_data(data.baris, data.triwulan, data.set_predikat) + periksa_konsistensi(data)


def baris_belum_diisi(data: DataLaporan) -> list[str]:
    """The rows that keep the quarter from being submitted (capaian.aturan.periksa_data.belum_diisi)."""
    return belum_diisi(data.baris, data.triwulan)


def periksa_triwulan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> list[Temuan]:
    return periksa_laporan(muat_data(pd, tahun, triwulan))


def ringkasan_periksa(data: DataLaporan, status: StatusTriwulan) -> dict[str, object]:
    """Counts for the entry screen: galat, peringatan, and galat not covered by an accepted explanation."""
    temuan = periksa_laporan(data)
    return {
        "galat": sum(1 for t in temuan if t.tingkat == "galat"),
        "peringatan": sum(1 for t in temuan if t.tingkat != "galat"),
        "belum_dijelaskan": len(alur.galat_baru(status, temuan)),
        "diterima": status.penjelasan_diterima_pada is not None,
        "belum_diisi": len(baris_belum_diisi(data)),
    }


def jalankan_langkah(
    aksi: str,
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    catatan: str = "",
) -> StatusTriwulan:
    """A workflow step with this quarter's checks as its gate and the package archive for `kunci` and
    `buka` (the one way the doors run a step)."""
    from capaian.laporan import arsip

    data: list[DataLaporan] = []

    def muat() -> DataLaporan:
        # Read once, inside the step's transaction (after the status row is locked), for both checks.
        if not data:
            data.append(muat_data(pd, tahun, triwulan))
        return data[0]

    return alur.jalankan(
        aksi,
        pengguna,
        pd,
        tahun,
        triwulan,
        catatan,
        periksa=lambda: periksa_laporan(muat()),
        periksa_isian=lambda: belum_diisi(muat().baris, triwulan),
        arsip=arsip.langkah(pengguna, pd, tahun, triwulan),
    )
