"""Form E.81 Perubahan: for a quarter from the Renja Perubahan's effective quarter on, each row's murni and
perubahan targets side by side, the realisation, and the capaian against both. Every number comes from the
rules core (hitung_baris over the row's inputs with either set of targets); renderers only format."""

import dataclasses
from dataclasses import dataclass

from capaian.aturan.capaian import HasilBaris, MasukanBaris, hitung_baris, masukan_tercetak
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.laporan.e81 import BarisE81, LaporanE81


class BukanPerubahan(ValueError):
    """The quarter reports against murni: there is no Form E.81 Perubahan for it."""


@dataclass(frozen=True)
class BarisE81Perubahan:
    e81: BarisE81  # the row as Form E.81 of the quarter has it (perubahan targets)
    murni: MasukanBaris  # the same inputs with the murni targets, as printed
    hasil_murni: HasilBaris


@dataclass(frozen=True)
class LaporanE81Perubahan:
    e81: LaporanE81
    baris: tuple[BarisE81Perubahan, ...]
    rekap_murni: Rekap


def bangun_e81_perubahan(laporan: LaporanE81) -> LaporanE81Perubahan:
    data = laporan.data
    if data.versi_target != "perubahan":
        raise BukanPerubahan(
            f"Triwulan {data.triwulan} {data.tahun} memakai target murni; Form E.81 Perubahan ada mulai "
            "triwulan berlakunya Renja Perubahan."
        )
    baris = []
    for b in laporan.baris:
        m = b.rencana.target_murni
        murni = b.masukan
        if m is not None:
            murni = masukan_tercetak(
                dataclasses.replace(b.masukan, renstra=m.renstra, target=m.target, target_tw=m.target_tw)
            )
        baris.append(BarisE81Perubahan(b, murni, hitung_baris(murni, data.triwulan, data.set_predikat)))
    program = [
        (b.murni, b.hasil_murni)
        for b in baris
        if b.e81.rencana.tingkat == "program" and not b.e81.rencana.lanjutan
    ]
    return LaporanE81Perubahan(
        e81=laporan, baris=tuple(baris), rekap_murni=rekap_program(program, data.triwulan, data.set_predikat)
    )
