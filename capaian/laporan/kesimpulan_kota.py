"""The province's recap for the whole city: the East Java "Kesimpulan Evaluasi terhadap Hasil RKPD
Kabupaten/Kota", one block per included agency. Each block is that agency's own Kesimpulan
(capaian.laporan.kesimpulan.bangun_kesimpulan over its Form E.81), so its programs, averages and predicates
are the agency's numbers; the closing row is the rules core's rekap over every included program, by the
same method as Form E.79's footer."""

from collections.abc import Mapping
from dataclasses import dataclass

from capaian.aturan.rekap import Rekap, rekap_program
from capaian.laporan.data_kota import AnggotaKota, DataKota
from capaian.laporan.e81 import LaporanE81, bangun_e81, baris_program
from capaian.laporan.kesimpulan import LaporanKesimpulan, bangun_kesimpulan
from capaian.laporan.umum import romawi


@dataclass(frozen=True)
class BlokKesimpulan:
    no: int
    pd: AnggotaKota
    kesimpulan: LaporanKesimpulan


@dataclass(frozen=True)
class LaporanKesimpulanKota:
    data: DataKota
    blok: tuple[BlokKesimpulan, ...]
    rekap: Rekap  # over every included agency's programs

    @property
    def tidak_termasuk(self) -> tuple[AnggotaKota, ...]:
        return self.data.tidak_termasuk


def bangun_kesimpulan_kota(
    data: DataKota, e81: Mapping[str, LaporanE81] | None = None
) -> LaporanKesimpulanKota:
    blok: list[BlokKesimpulan] = []
    program = []
    for no, a in enumerate(data.termasuk, start=1):
        assert a.data is not None
        laporan = (e81 or data.e81).get(a.slug) or bangun_e81(a.data)
        blok.append(BlokKesimpulan(no, a, bangun_kesimpulan(a.data, laporan)))
        program += [(b.masukan, b.hasil) for b in baris_program(laporan)]
    return LaporanKesimpulanKota(
        data=data, blok=tuple(blok), rekap=rekap_program(program, data.triwulan, data.set_predikat)
    )


def judul_kesimpulan(data: DataKota) -> str:
    provinsi = f" DI {data.provinsi.upper()}" if data.provinsi else ""
    tw = romawi(data.triwulan)
    return (
        f"KESIMPULAN EVALUASI TERHADAP HASIL RKPD KABUPATEN / KOTA{provinsi} TRIWULAN {tw} TAHUN {data.tahun}"
    )


KOLOM_KESIMPULAN = (
    ("No", 3),
    ("Nama Perangkat Daerah", 13),
    ("Nama Program", 21),
    ("Rata-rata Capaian Kinerja Program Prioritas RKPD Kab/Kota (%)", 8),
    ("Predikat Capaian Kinerja Program Prioritas RKPD Kab/Kota", 8),
    ("Rata-rata Realisasi Anggaran Program Prioritas RKPD Kab/Kota (%)", 8),
    ("Predikat Capaian Kinerja Anggaran Program Prioritas RKPD Kab/Kota", 8),
    ("Faktor Penghambat", 14),
    ("Faktor Pendukung", 14),
    ("Keterangan", 11),
)
