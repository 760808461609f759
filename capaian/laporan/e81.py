"""Form E.81 (Evaluasi terhadap Hasil Renja Perangkat Daerah) as a report object: data in, numbers out.

Every number comes from the rules core; renderers (JSON, XLSX, PDF) only format what is here. Every K and
percentage here is already rounded as printed (`capaian.aturan.capaian.tercetak`), inputs included, so what a
renderer prints is exactly what the next column was computed from.
"""

from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.capaian import HasilBaris, KRp, MasukanBaris, hitung_baris, masukan_tercetak
from capaian.aturan.kinerja import DataTriwulan, nilai_k_triwulan
from capaian.aturan.penomoran import nomori
from capaian.aturan.peringatan_dini import PeringatanDini, peringatan_dini
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.aturan.rumus import Rumus, urai
from capaian.laporan.data import BarisRencana, DataLaporan


@dataclass(frozen=True)
class BarisE81:
    no: int | None
    rencana: BarisRencana
    masukan: MasukanBaris  # the row's inputs as printed, with K of formula indicators computed
    hasil: HasilBaris
    peringatan: PeringatanDini | None = None  # early warning (capaian.aturan.peringatan_dini)


@dataclass(frozen=True)
class LaporanE81:
    data: DataLaporan
    baris: tuple[BarisE81, ...]
    rekap: Rekap


def _rumus(baris: BarisRencana) -> Rumus | None:
    if not baris.rumus.strip():
        return None
    return urai(baris.rumus, [nama for nama, _ in baris.variabel])


def nilai_k_per_triwulan(data: DataLaporan) -> list[dict[str, Decimal | None]]:
    """K of every indicator for quarters 1..triwulan, formulas and references resolved."""
    rumus = {b.kunci: _rumus(b) for b in data.baris}
    hasil: list[dict[str, Decimal | None]] = []
    for indeks in range(data.triwulan):
        masukan = {
            b.kunci: DataTriwulan(langsung=b.realisasi_tw[indeks].k, variabel=b.variabel_tw[indeks])
            for b in data.baris
        }
        hasil.append(nilai_k_triwulan(rumus, masukan))
    return hasil


def bangun_e81(data: DataLaporan) -> LaporanE81:
    k_triwulan = nilai_k_per_triwulan(data)
    baris: list[BarisE81] = []
    for no, rencana in zip(nomori((b.tingkat, b.lanjutan) for b in data.baris), data.baris, strict=True):
        realisasi = list(rencana.realisasi_tw)
        for indeks, nilai in enumerate(k_triwulan):
            realisasi[indeks] = KRp(k=nilai[rencana.kunci], rp=realisasi[indeks].rp)
        masukan = masukan_tercetak(
            MasukanBaris(
                sifat=rencana.sifat,
                renstra=rencana.renstra,
                realisasi_lalu=rencana.realisasi_lalu,
                target=rencana.target,
                target_tw=rencana.target_tw,
                realisasi_tw=(realisasi[0], realisasi[1], realisasi[2], realisasi[3]),
            )
        )
        hasil = hitung_baris(masukan, data.triwulan, data.set_predikat)
        peringatan = peringatan_dini(masukan, hasil, data.triwulan, data.ambang)
        baris.append(BarisE81(no=no, rencana=rencana, masukan=masukan, hasil=hasil, peringatan=peringatan))
    program = [
        (b.masukan, b.hasil) for b in baris if b.rencana.tingkat == "program" and not b.rencana.lanjutan
    ]
    return LaporanE81(
        data=data, baris=tuple(baris), rekap=rekap_program(program, data.triwulan, data.set_predikat)
    )


def baris_program(laporan: LaporanE81) -> list[BarisE81]:
    """One row per program: its first indicator, which carries the program's budget (as the rekap uses)."""
    return [b for b in laporan.baris if b.rencana.tingkat == "program" and not b.rencana.lanjutan]
