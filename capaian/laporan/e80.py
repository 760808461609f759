"""Form E.80 "Evaluasi terhadap Hasil Renstra Perangkat Daerah" (Permendagri 86/2017) of one agency and
year N, as a report object: per indicator row the capaian at the start of the period, the target at its
end, and per Renstra year its target, realisation and ratio; the footer's average, predicate, factors and
follow-up. Built from each stored year's Form E.81 at TW IV (so every number is the one that year's E.81
prints) and the Renstra's yearly targets; nothing is computed here beyond choosing which number.

Choices (the regulation is silent): a year Capaian holds shows its Renja target (perubahan where it was
revised) and its TW IV realisation and capaian (column 13); a year not held (later, or before Capaian)
shows the Renstra's yearly target and no realisation. The capaian at the start is column 6 of the
earliest year held (named in the heading). The unit responsible is the agency. The footer's texts are
TW IV of year N: faktor pendorong, penghambat, tindak lanjut (next Renja) and rekomendasi (next Renstra).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from capaian.aturan.capaian import KRp, Persen
from capaian.aturan.rekap import Rekap
from capaian.laporan.e81 import LaporanE81


@dataclass(frozen=True)
class TahunE80:
    tahun: int
    target: KRp
    realisasi: KRp
    rasio: Persen
    dari_renstra: bool  # the target is the Renstra's (the year is not held as a Renja year)


@dataclass(frozen=True)
class BarisE80:
    no: int | None
    kode: str | None
    tingkat: str
    uraian: str
    indikator: str
    satuan: str
    capaian_awal: KRp
    target_akhir: KRp
    tahun: tuple[TahunE80, ...]
    unit: str


@dataclass(frozen=True)
class LaporanE80:
    perangkat_daerah: str
    pemda: str
    tahun: int
    periode: tuple[int, ...]
    tahun_awal_data: int | None  # the year whose column 6 is the capaian at the start
    baris: tuple[BarisE80, ...]
    rekap: Rekap | None  # year N's Form E.81 totals at TW IV
    faktor_pendorong: str
    faktor_penghambat: str
    tindak_lanjut_renja: str
    tindak_lanjut_renstra: str
    sintetis: bool


def bangun_e80(
    tahun: int,
    periode: Sequence[int],
    e81: Mapping[int, LaporanE81],
    renstra_tahunan: Sequence[Mapping[int, KRp]],
) -> LaporanE80:
    """`e81`: the Form E.81 at TW IV of each year held (at least year N); `renstra_tahunan`: per row (in the
    order of the rows) the Renstra's target per year."""
    kini = e81[tahun]
    tersimpan = sorted(y for y in e81 if y <= tahun)
    awal = tersimpan[0] if tersimpan else None
    baris = []
    for n, b in enumerate(kini.baris):
        per_tahun = []
        for y in periode:
            lap = e81.get(y) if y <= tahun else None
            if lap is not None:
                by = lap.baris[n]
                per_tahun.append(TahunE80(y, by.masukan.target, by.hasil.realisasi, by.hasil.capaian, False))
            else:
                per_tahun.append(TahunE80(y, renstra_tahunan[n].get(y, KRp()), KRp(), Persen(), True))
        baris.append(
            BarisE80(
                no=b.no,
                kode=b.rencana.kode,
                tingkat=b.rencana.tingkat,
                uraian=b.rencana.uraian,
                indikator=b.rencana.indikator,
                satuan=b.rencana.satuan,
                capaian_awal=e81[awal].baris[n].masukan.realisasi_lalu if awal is not None else KRp(),
                target_akhir=b.masukan.renstra,
                tahun=tuple(per_tahun),
                unit=kini.data.perangkat_daerah,
            )
        )
    d = kini.data
    return LaporanE80(
        perangkat_daerah=d.perangkat_daerah,
        pemda=d.pemda,
        tahun=tahun,
        periode=tuple(periode),
        tahun_awal_data=awal,
        baris=tuple(baris),
        rekap=kini.rekap,
        faktor_pendorong=d.faktor_pendorong,
        faktor_penghambat=d.faktor_penghambat,
        tindak_lanjut_renja=d.tindak_lanjut,
        tindak_lanjut_renstra=d.rekomendasi,
        sintetis=d.sintetis,
    )
