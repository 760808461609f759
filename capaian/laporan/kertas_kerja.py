"""Kertas Kerja Perhitungan Capaian Outcome: per indicator its formula, inputs, calculation and result.

Generated from the same formula engine that computes Form E.81's K, so the stated inputs and the
calculation cannot disagree (the hand-made reference does). The inputs are those of the report's quarter.
"""

from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.angka import format_angka
from capaian.aturan.capaian import Polaritas
from capaian.aturan.kinerja import k_dari_rumus
from capaian.aturan.rumus import Rumus, urai
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81, nilai_k_per_triwulan
from capaian.laporan.tabel_e81 import LEGENDA_METODE, tanda_metode

TINGKAT = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "subkegiatan": "Sub Kegiatan",
}


@dataclass(frozen=True)
class VariabelKK:
    nama: str  # the variable's name, or "[kode]" for another indicator's value
    label: str
    nilai: Decimal | None


@dataclass(frozen=True)
class BarisKK:
    no: int | None
    tingkat: str  # "Program", "Sub Kegiatan", ...
    kode: str | None
    uraian: str
    indikator: str
    satuan: str
    rumus: str  # readable formula, or "Σ <indikator>"
    variabel: tuple[VariabelKK, ...]
    perhitungan: str  # the formula with the values substituted ("" without a formula)
    hasil: Decimal | None  # the quarter's K
    diisi_langsung: bool  # a formula indicator whose quarter K was typed, not computed
    realisasi: Decimal | None  # Form E.81 col 12 K (the year so far)
    target: Decimal | None  # col 7 K
    capaian: Decimal | None  # col 13 K
    rumus_capaian: str  # R / T × 100, or the negative-polarity formula used
    negatif: bool
    tanda: tuple[str, ...] = ()  # Form E.81's markers of the row's non-default methods (tabel_e81)
    belum_ada_data: str = ""  # the operator's reason for "belum ada data" in the quarter ("" = none)


@dataclass(frozen=True)
class LaporanKertasKerja:
    data: DataLaporan
    baris: tuple[BarisKK, ...]


def _urai(teks: str, variabel: list[str]) -> Rumus | None:
    return urai(teks, variabel) if teks.strip() else None


def bangun_kertas_kerja(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanKertasKerja:
    laporan = e81 if e81 is not None else bangun_e81(data)
    indeks = data.triwulan - 1
    k_tw = nilai_k_per_triwulan(data)[indeks]
    indikator = {b.kunci: b.indikator for b in data.baris}
    baris: list[BarisKK] = []
    for b in laporan.baris:
        r = b.rencana
        rumus = _urai(r.rumus, [n for n, _ in r.variabel])
        masukan_tw = r.variabel_tw[indeks] if indeks < len(r.variabel_tw) else {}
        if rumus is None:
            teks = f"Σ {r.indikator}"
            variabel: tuple[VariabelKK, ...] = (VariabelKK(r.indikator, r.indikator, k_tw.get(r.kunci)),)
            perhitungan = ""
            langsung = False
        else:
            teks = rumus.teks()
            label = dict(r.variabel)
            referensi = {ref: k_tw.get(ref) for ref in sorted(rumus.referensi())}
            variabel = tuple(
                VariabelKK(n, label.get(n, n), masukan_tw.get(n)) for n, _ in r.variabel
            ) + tuple(VariabelKK(f"[{ref}]", indikator.get(ref, ref), v) for ref, v in referensi.items())
            langsung = not k_dari_rumus(rumus, masukan_tw)
            perhitungan = "" if langsung else f"{rumus.substitusi(masukan_tw, referensi)}"
        hasil_tw = k_tw.get(r.kunci)
        if perhitungan:
            perhitungan += f" = {format_angka(hasil_tw)}" if hasil_tw is not None else " = -"
        baris.append(
            BarisKK(
                no=b.no,
                tingkat=TINGKAT.get(r.tingkat, r.tingkat),
                kode=r.kode,
                uraian=r.uraian,
                indikator=r.indikator,
                satuan=r.satuan,
                rumus=teks,
                variabel=variabel,
                perhitungan=perhitungan,
                hasil=hasil_tw,
                diisi_langsung=langsung,
                realisasi=b.hasil.realisasi.k,
                target=b.masukan.target.k,
                capaian=b.hasil.capaian.k,
                rumus_capaian=r.sifat.uraian_capaian(),
                negatif=r.sifat.polaritas is Polaritas.NEGATIF,
                tanda=tanda_metode(r.sifat),
                belum_ada_data=r.belum_ada_data[indeks],
            )
        )
    return LaporanKertasKerja(data=data, baris=tuple(baris))


def keterangan(b: BarisKK) -> str:
    """The Keterangan column: the level, and what a reader must know about how the value was made."""
    bagian = [b.tingkat]
    if b.diisi_langsung:
        bagian.append(
            "variabel rumus belum diisi; nilai triwulan diisi langsung"
            if b.hasil is not None
            else "variabel rumus belum diisi"
        )
    if b.negatif:
        bagian.append(f"indikator negatif (makin kecil makin baik); capaian = {b.rumus_capaian}")
    # The aggregation and accumulation markers, with the same letters as Form E.81.
    bagian += [f"[{t}] {LEGENDA_METODE[t]}" for t in b.tanda if t not in ("a", "b")]
    if b.belum_ada_data:
        bagian.append(f"belum ada data: {b.belum_ada_data}")
    return "; ".join(bagian)
