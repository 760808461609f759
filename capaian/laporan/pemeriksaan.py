"""The quarter's checks, as the workflow's gate uses them: the agency's data checks
(capaian.aturan.periksa_data)
and the cross-document checks (capaian.laporan.konsistensi), over the data the reports are built from.

The web pages and the API run workflow steps through `jalankan_langkah`, which hands these checks to
`capaian.monev.alur` (the workflow does not import the reports)."""

from collections.abc import Mapping

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import Terhitung, belum_diisi, periksa_data
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81
from capaian.laporan.konsistensi import periksa_konsistensi
from capaian.laporan.sumber import muat_data
from capaian.monev import alur, penjelasan
from capaian.monev.models import PenjelasanGalat, StatusTriwulan
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah


def terhitung(e81: LaporanE81) -> Terhitung:
    """What the data checks would compute again, as the Form E.81 computed it."""
    return Terhitung(
        k_tw=[
            {b.rencana.kunci: b.masukan.realisasi_tw[i].k for b in e81.baris}
            for i in range(e81.data.triwulan)
        ],
        realisasi_k=[b.hasil.realisasi.k for b in e81.baris],
        capaian_k=[b.hasil.capaian.k for b in e81.baris],
    )


def periksa_laporan(data: DataLaporan, e81: LaporanE81 | None = None) -> list[Temuan]:
    """All findings of one agency-quarter's data: the data checks, then the cross-document checks (`e81`:
    the data's Form E.81 when the caller has built it already, as the stored results' writer has)."""
    dihitung = terhitung(e81) if e81 is not None else None
    return periksa_data(data.baris, data.triwulan, data.set_predikat, dihitung) + periksa_konsistensi(
        data, e81
    )


def baris_belum_diisi(data: DataLaporan, e81: LaporanE81 | None = None) -> list[str]:
    """The rows that keep the quarter from being submitted (capaian.aturan.periksa_data.belum_diisi)."""
    return belum_diisi(data.baris, data.triwulan, terhitung(e81) if e81 is not None else None)


def id_indikator(pd: PerangkatDaerah) -> list[int]:
    """The agency's indicator ids in the order of its rows (muat_data's), so that a finding's `indeks`
    names its indicator."""
    from capaian.perencanaan.models import Indikator

    return list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan").values_list("pk", flat=True))


def indikator_temuan(t: Temuan, ids: list[int], per_no: dict[int, int]) -> int | None:
    """The indicator a finding is about: by its row's position, else by its Form E.81 row number (the
    cross-document checks name only that); None for a finding about no one row."""
    if t.indeks is not None and 0 <= t.indeks < len(ids):
        return ids[t.indeks]
    return per_no.get(t.no) if t.no is not None else None


def indikator_per_no(data: DataLaporan, ids: list[int]) -> dict[int, int]:
    """Form E.81 row number -> indicator id (continuation rows have no number)."""
    from capaian.aturan.penomoran import nomori

    return {
        no: ids[i]
        for i, no in enumerate(nomori((b.tingkat, b.lanjutan) for b in data.baris))
        if no is not None and i < len(ids)
    }


def periksa_triwulan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> list[Temuan]:
    return periksa_laporan(muat_data(pd, tahun, triwulan))


def ringkasan_periksa(
    data: DataLaporan, status: StatusTriwulan, e81: LaporanE81 | None = None
) -> dict[str, object]:
    """Counts for the entry screen: galat, peringatan, galat not covered by an accepted explanation, and
    explanations waiting for the verifikator's decision (`e81`: the data's Form E.81 if already built)."""
    temuan = periksa_laporan(data, e81)
    jelas = penjelasan.ringkas(
        penjelasan.per_kunci(status.perangkat_daerah, status.tahun, status.triwulan), temuan
    )
    return {
        "galat": sum(1 for t in temuan if t.tingkat == "galat"),
        "peringatan": sum(1 for t in temuan if t.tingkat != "galat"),
        "belum_dijelaskan": len(alur.galat_baru(status, temuan)),
        "menunggu": jelas.menunggu,
        "ditolak": jelas.ditolak,
        "belum_diisi": len(baris_belum_diisi(data, e81)),
    }


def jalankan_langkah(
    aksi: str,
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    catatan: str = "",
    komentar: Mapping[int, str] | None = None,
) -> StatusTriwulan:
    """A workflow step with this quarter's checks as its gate and the package archive for `kunci` and
    `buka` (the one way the doors run a step); `komentar` the verifikator's comments per row when
    returning."""
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
        komentar=komentar,
    )


def jelaskan_galat(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, kunci: str, teks: str
) -> PenjelasanGalat:
    """The operator's explanation of one galat, checked against the quarter's checks as they are now."""
    return penjelasan.jelaskan(
        pengguna, pd, tahun, triwulan, kunci, teks, periksa=lambda: periksa_triwulan(pd, tahun, triwulan)
    )


def putuskan_penjelasan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    kunci: str,
    terima: bool,
    alasan: str = "",
) -> PenjelasanGalat:
    """The verifikator's acceptance or rejection of one galat's explanation."""
    return penjelasan.putuskan(
        pengguna,
        pd,
        tahun,
        triwulan,
        kunci,
        terima,
        alasan,
        periksa=lambda: periksa_triwulan(pd, tahun, triwulan),
    )
