"""Kertas Kerja Perhitungan Capaian Outcome: per indicator its formula, inputs, calculation and result.

Generated from the same formula engine that computes Form E.81's K, so the stated inputs and the
calculation cannot disagree (the hand-made reference does). The inputs are those of the report's quarter.
Formulas are written in the reference's notation, by the variables' labels (Rumus.notasi); each input is a
Variabel | Nilai pair with its evidence note from the indicator's definition; rows are in the reference's
order: the Tujuan first, then the Sasaran, then programs and below in Form E.81's order.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.angka import format_k, format_satuan
from capaian.aturan.capaian import Polaritas
from capaian.aturan.kinerja import k_dari_rumus
from capaian.aturan.kodering import coba_urai_kode
from capaian.aturan.kodering import urutan as urutan_kode
from capaian.aturan.rumus import Rumus, notasi_besaran, urai
from capaian.laporan.data import BarisRencana, DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81, nilai_k_per_triwulan
from capaian.laporan.tabel_e81 import LEGENDA_METODE, tanda_metode

TINGKAT = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "subkegiatan": "Sub Kegiatan",
}


# The reference's order of levels: its Kertas Kerja opens with the Tujuan, then the Sasaran (Form E.81 lists
# the Sasaran first); programs and below keep Form E.81's order, except that a kegiatan's sub kegiatan are
# listed by their code (_sub_menurut_kode).
_URUTAN_TINGKAT = {"tujuan": 0, "sasaran": 1}


def _sub_menurut_kode(baris: list[BarisE81]) -> list[BarisE81]:
    """Each run of sub kegiatan rows (the sub kegiatan of one kegiatan) by code, as the reference's Kertas
    Kerja lists them: its Form E.81 has 3.31.02.2.01.0005 before 3.31.02.2.01.03 (rows 55, 56), its Kertas
    Kerja .03 (= .0003) before .0005. A sub kegiatan's second indicator stays with it; a code that cannot be
    read keeps its place after the readable ones of its run (sorted() is stable)."""

    def kunci(b: BarisE81) -> tuple[int, ...]:
        kode = coba_urai_kode(b.rencana.kode)
        return urutan_kode(kode) if kode is not None else (10**9,)

    hasil: list[BarisE81] = []
    run: list[list[BarisE81]] = []  # the run's sub kegiatan, each with its continuation rows
    for b in [*baris, None]:
        if b is not None and b.rencana.tingkat == "subkegiatan":
            if b.rencana.lanjutan and run:
                run[-1].append(b)
            else:
                run.append([b])
            continue
        for kelompok in sorted(run, key=lambda k: kunci(k[0])):
            hasil.extend(kelompok)
        run = []
        if b is not None:
            hasil.append(b)
    return hasil


# The reference's section rows: "TUJUAN | INDIKATOR TUJUAN", "SASARAN | …", "PROGRAM | …" (kegiatan and sub
# kegiatan follow their program in the PROGRAM section).
BAGIAN = (("TUJUAN", "INDIKATOR TUJUAN"), ("SASARAN", "INDIKATOR SASARAN"), ("PROGRAM", "INDIKATOR PROGRAM"))


@dataclass(frozen=True)
class VariabelKK:
    nama: (
        str  # the variable's name, "[kode]" for another indicator's value, "" for the value entered directly
    )
    label: str  # in the reference's notation: "Σ pasar yang dikelola", "Persentase … (3.30.01.2.01)"
    nilai: Decimal | None
    catatan: str = ""  # the evidence note from the indicator's definition: "(Renja 2025)"


@dataclass(frozen=True)
class BarisKK:
    kunci: str  # the indicator's key (BarisRencana.kunci): links the row to its Form E.81 row
    bagian: int  # the section (index into BAGIAN): 0 Tujuan, 1 Sasaran, 2 Program and below
    no: int | None
    tingkat: str  # "Program", "Sub Kegiatan", ...
    kode: str | None
    uraian: str
    indikator: str
    satuan: str
    rumus: str  # the formula in the reference's notation, or the quantity entered directly ("Σ dokumen …")
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


def rumus_notasi(r: BarisRencana, indikator: Mapping[str, str]) -> str:
    """The row's formula in the reference's notation, by its variables' labels and the other indicators'
    names (`indikator`: kunci -> indicator), as the Kertas Kerja and the entry screen print it; "" for a row
    without a formula. RumusError for a formula that does not parse."""
    rumus = _urai(r.rumus, [n for n, _ in r.variabel])
    if rumus is None:
        return ""
    return rumus.notasi(dict(r.variabel), {ref: indikator.get(ref, "") for ref in rumus.referensi()})


def bangun_kertas_kerja(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanKertasKerja:
    laporan = e81 if e81 is not None else bangun_e81(data)
    indeks = data.triwulan - 1
    k_tw = nilai_k_per_triwulan(data)[indeks]
    indikator = {b.kunci: b.indikator for b in data.baris}
    baris: list[BarisKK] = []
    for b in _sub_menurut_kode(
        sorted(laporan.baris, key=lambda x: _URUTAN_TINGKAT.get(x.rencana.tingkat, 2))
    ):
        r = b.rencana
        catatan = dict(r.catatan)
        rumus = _urai(r.rumus, [n for n, _ in r.variabel])
        masukan_tw = r.variabel_tw[indeks] if indeks < len(r.variabel_tw) else {}
        if rumus is None:
            # The value entered directly is the row's one input: "Σ dokumen perencanaan … = 1 (Renja 2025)".
            teks = notasi_besaran(r.indikator)
            variabel: tuple[VariabelKK, ...] = (VariabelKK("", teks, k_tw.get(r.kunci), catatan.get("", "")),)
            perhitungan = ""
            langsung = False
        else:
            label = dict(r.variabel)
            teks = rumus_notasi(r, indikator)
            referensi = {ref: k_tw.get(ref) for ref in sorted(rumus.referensi())}
            variabel = tuple(
                VariabelKK(n, notasi_besaran(label.get(n) or n), masukan_tw.get(n), catatan.get(n, ""))
                for n, _ in r.variabel
            ) + tuple(
                VariabelKK(f"[{ref}]", f"{notasi_besaran(indikator.get(ref, ref))} ({ref})", v)
                for ref, v in referensi.items()
            )
            langsung = not k_dari_rumus(rumus, masukan_tw)
            perhitungan = "" if langsung else f"{rumus.substitusi(masukan_tw, referensi)}"
        hasil_tw = k_tw.get(r.kunci)
        if perhitungan:
            perhitungan += f" = {format_satuan(hasil_tw, r.satuan)}"
        baris.append(
            BarisKK(
                kunci=r.kunci,
                bagian=_URUTAN_TINGKAT.get(r.tingkat, 2),
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


def per_bagian(laporan: LaporanKertasKerja) -> list[tuple[tuple[str, str], list[BarisKK]]]:
    """The rows under the reference's section rows, in order; a section without rows is left out."""
    hasil: list[tuple[tuple[str, str], list[BarisKK]]] = []
    for b in laporan.baris:
        if not hasil or hasil[-1][0] != BAGIAN[b.bagian]:
            hasil.append((BAGIAN[b.bagian], []))
        hasil[-1][1].append(b)
    return hasil


def teks_nilai(b: BarisKK, v: VariabelKK) -> str:
    """The Nilai of a pair as printed: a formula's input as entered ("69", "1.151.384.000", "21,91"), the
    value entered directly by the indicator's unit (format_satuan); "-" without a value."""
    return format_satuan(v.nilai, b.satuan) if v.nama == "" else format_k(v.nilai)


def teks_nilai_catatan(b: BarisKK, v: VariabelKK) -> str:
    """The Nilai with its evidence note, as the reference writes it: "1 dokumen (Renja 2025)"."""
    nilai = teks_nilai(b, v)
    return f"{nilai} {v.catatan}" if v.catatan else nilai


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
