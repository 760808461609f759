"""The layout of Form E.81 shared by the XLSX and PDF renderers: columns, header cells, typed body cells.

Nothing is computed here: values come from the LaporanE81 object and are only rounded (half-up, as the rules
core does) to what the form shows. The quarter columns 8..11 appear up to the report's quarter.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from capaian.aturan.angka import bulatkan, format_persen
from capaian.aturan.capaian import Agregasi, Akumulasi, KRp, Persen, Polaritas, RumusNegatif, Sifat
from capaian.aturan.kodering import catatan_kode
from capaian.aturan.periksa_data import BATAS_PERSEN_RP, persen_rp_janggal
from capaian.laporan.e81 import BarisE81, LaporanE81
from capaian.laporan.umum import romawi, teks_bernomor

Jenis = Literal["no", "teks", "k", "rp", "persen", "label"]


@dataclass(frozen=True)
class Sel:
    nilai: Decimal | int | str | None
    jenis: Jenis


@dataclass(frozen=True)
class Gabung:
    """One header cell spanning rows and columns (0-based, relative to the header's first row and column)."""

    baris: int
    kolom: int
    tinggi: int
    lebar: int
    teks: str


TINGGI_KEPALA = 4  # three title rows and the numbered row


def jumlah_kolom(triwulan: int) -> int:
    return 20 + 4 * triwulan


def kolom_tw(indeks: int) -> int:
    """First column (0-based) of quarter `indeks` (0..3): target K, target Rp, realisasi K, realisasi Rp."""
    return 11 + 4 * indeks


def kolom_hasil(triwulan: int) -> int:
    """First column of col 12 (K); 13, 14, 15 follow in pairs, then col 16."""
    return 11 + 4 * triwulan


def jenis_kolom(triwulan: int) -> list[Jenis]:
    jenis: list[Jenis] = ["no", "teks", "teks", "teks", "teks"]
    jenis += ["k", "rp"] * 3
    jenis += ["k", "rp", "k", "rp"] * triwulan
    jenis += ["k", "rp", "persen", "persen", "k", "rp", "persen", "persen", "teks"]
    return jenis


def kepala(triwulan: int, tahun: int) -> list[Gabung]:
    """The multi-row header of the reference report, with its numbered row (1 .. 16)."""
    g = [
        Gabung(0, 0, 3, 1, "No"),
        Gabung(0, 1, 3, 1, "Kode Rekening"),
        Gabung(
            0, 2, 3, 1, "Urusan / Bidang Urusan Pemerintahan Daerah dan Program / Kegiatan / Sub Kegiatan"
        ),
        Gabung(
            0,
            3,
            3,
            1,
            "Indikator Kinerja Program (Outcome) / Kegiatan (Output Kegiatan) / "
            "Sub Kegiatan (Output Sub Kegiatan)",
        ),
        Gabung(0, 4, 3, 1, "Satuan"),
        Gabung(0, 5, 2, 2, "Target Renstra Perangkat Daerah pada Akhir Periode Renstra"),
        Gabung(
            0,
            7,
            2,
            2,
            f"Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja PD Tahun Lalu ({tahun - 1})",
        ),
        Gabung(0, 9, 2, 2, f"Target Kinerja dan Anggaran Renja Tahun Berjalan yang Dievaluasi ({tahun})"),
        Gabung(0, 11, 1, 4 * triwulan, f"Realisasi Kinerja pada Triwulan Tahun {tahun}"),
        Gabung(3, 0, 1, 1, "1"),
        Gabung(3, 1, 1, 1, "2"),
        Gabung(3, 2, 1, 1, "3"),
        Gabung(3, 3, 1, 2, "4"),
        Gabung(3, 5, 1, 2, "5"),
        Gabung(3, 7, 1, 2, "6"),
        Gabung(3, 9, 1, 2, "7"),
    ]
    for i in range(triwulan):
        awal = kolom_tw(i)
        g.append(Gabung(1, awal, 1, 2, f"Target TW {romawi(i + 1)}"))
        g.append(Gabung(1, awal + 2, 1, 2, f"Realisasi TW {romawi(i + 1)}"))
        g.append(Gabung(3, awal, 1, 4, str(8 + i)))
    h = kolom_hasil(triwulan)
    judul = [
        (f"Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi ({tahun})", "12"),
        (f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun {tahun} (%)", "13"),
        (f"Realisasi Kinerja dan Anggaran Renstra s/d Tahun {tahun}", "14 = 6 + 12"),
        ("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%)", "15 = 14 / 5 x 100 %"),
    ]
    for i, (teks, nomor) in enumerate(judul):
        g.append(Gabung(0, h + 2 * i, 2, 2, teks))
        g.append(Gabung(3, h + 2 * i, 1, 2, nomor))
    g.append(Gabung(0, h + 8, 3, 1, "Perangkat Daerah Penanggung Jawab"))
    g.append(Gabung(3, h + 8, 1, 1, "16"))
    # The K / Rp row under every pair.
    for awal in [
        5,
        7,
        9,
        *[kolom_tw(i) + j for i in range(triwulan) for j in (0, 2)],
        h,
        h + 2,
        h + 4,
        h + 6,
    ]:
        g.append(Gabung(2, awal, 1, 1, "K"))
        g.append(Gabung(2, awal + 1, 1, 1, "Rp"))
    return g


def _k(nilai: Decimal | None) -> Sel:
    return Sel(None if nilai is None else bulatkan(nilai, 2), "k")


def _pasangan(nilai: KRp) -> list[Sel]:
    return [_k(nilai.k), Sel(nilai.rp, "rp")]


def _turunan(nilai: KRp) -> list[Sel]:
    """Columns 12 and 14, derived: without a value "-", as columns 13 and 15 and the workbook's formulas show
    it (an input without a value stays blank)."""
    return [
        Sel("-", "k") if nilai.k is None else _k(nilai.k),
        Sel("-" if nilai.rp is None else nilai.rp, "rp"),
    ]


def _persen(nilai: Persen) -> list[Sel]:
    return [
        Sel(None if nilai.k is None else bulatkan(nilai.k, 2), "persen"),
        Sel(None if nilai.rp is None else bulatkan(nilai.rp, 2), "persen"),
    ]


def sel_baris(b: BarisE81, triwulan: int, penanggung_jawab: str) -> list[Sel]:
    m, h, r = b.masukan, b.hasil, b.rencana
    sel = [
        Sel(b.no, "no"),
        Sel(r.kode or "", "teks"),
        Sel(r.uraian if b.no is not None else "", "teks"),
        Sel(r.indikator, "teks"),
        Sel(r.satuan, "teks"),
        *_pasangan(m.renstra),
        *_pasangan(m.realisasi_lalu),
        *_pasangan(m.target),
    ]
    for i in range(triwulan):
        sel += _pasangan(m.target_tw[i]) + _pasangan(m.realisasi_tw[i])
    sel += (
        _turunan(h.realisasi)
        + _persen(h.capaian)
        + _turunan(h.realisasi_renstra)
        + _persen(h.capaian_renstra)
    )
    sel.append(Sel(penanggung_jawab, "teks"))
    return sel


LEBAR_LABEL = 5  # footer labels span the columns No .. Satuan


def baris_penutup(laporan: LaporanE81) -> list[list[Sel]]:
    """Jumlah, Total Rata-Rata and Predikat rows, as full-width lists (the label in column 0)."""
    tw = laporan.data.triwulan
    r = laporan.rekap
    n = jumlah_kolom(tw)
    h = kolom_hasil(tw)
    jumlah: list[Sel] = [Sel(None, "rp")] * n
    jumlah[0] = Sel("Jumlah Anggaran dan Realisasi dari Seluruh Program", "label")
    jumlah[6] = Sel(r.jumlah_renstra_rp, "rp")
    jumlah[10] = Sel(r.jumlah_target_rp, "rp")
    for i, nilai in enumerate(r.jumlah_realisasi_tw_rp):
        jumlah[kolom_tw(i) + 3] = Sel(nilai, "rp")
    jumlah[h + 1] = Sel(r.jumlah_realisasi_rp, "rp")
    jumlah[h + 5] = Sel(r.jumlah_realisasi_renstra_rp, "rp")
    rata: list[Sel] = [Sel(None, "teks")] * n
    rata[0] = Sel("Total Rata-Rata Capaian Kinerja dan Anggaran Seluruh Program (%)", "label")
    rata[h + 2 : h + 4] = _persen(r.rata_capaian)
    rata[h + 6 : h + 8] = _persen(r.rata_capaian_renstra)
    predikat: list[Sel] = [Sel(None, "teks")] * n
    predikat[0] = Sel("Predikat Kinerja", "label")
    label = (*r.predikat, *r.predikat_renstra)
    for kolom, teks in zip((h + 2, h + 3, h + 6, h + 7), label, strict=True):
        predikat[kolom] = Sel(teks or "-", "teks")
    return [jumlah, rata, predikat]


def bagian_teks(laporan: LaporanE81) -> Sequence[tuple[str, str]]:
    """The agency's four texts under the form, each list numbered "1. 2. 3." as the reference does."""
    d = laporan.data
    return (
        ("Faktor Pendorong Keberhasilan Kinerja", teks_bernomor(d.faktor_pendorong)),
        ("Faktor Penghambat Pencapaian Kinerja", teks_bernomor(d.faktor_penghambat)),
        ("Tindak Lanjut yang Diperlukan dalam Triwulan Berikutnya", teks_bernomor(d.tindak_lanjut)),
        ("Rekomendasi yang Diperlukan dalam Renja Berikutnya", teks_bernomor(d.rekomendasi)),
    )


def belum_ada_data(laporan: LaporanE81) -> list[tuple[BarisE81, str]]:
    """The rows of the report's quarter the operator marked "belum ada data", with the reason."""
    i = laporan.data.triwulan - 1
    return [(b, b.rencana.belum_ada_data[i]) for b in laporan.baris if b.rencana.belum_ada_data[i]]


def catatan_belum_ada_data(laporan: LaporanE81) -> str:
    """The footnote under Form E.81 (and the Kertas Kerja): which rows have no data yet and why; "" if none.
    Their cells stay blank (blank is not zero)."""
    daftar = belum_ada_data(laporan)
    if not daftar:
        return ""
    bagian = []
    for b, alasan in daftar:
        tempat = f"No. {b.no}" if b.no is not None else "Baris lanjutan"
        kode = f" ({b.rencana.kode})" if b.rencana.kode else ""
        bagian.append(f"{tempat}{kode} {b.rencana.indikator}: belum ada data: {alasan}")
    return (
        f"Belum ada data Triwulan {romawi(laporan.data.triwulan)} (sel dibiarkan kosong, bukan nol): "
        + "; ".join(bagian)
        + "."
    )


def catatan_metode(laporan: LaporanE81) -> str:
    return (
        f"Cara perhitungan rata-rata: {laporan.rekap.uraian_metode()}. "
        f"Predikat: {laporan.data.set_predikat.nama} ({'; '.join(laporan.data.set_predikat.uraian_batas())})."
    )


# Markers of a non-default method (issue 12 item 2): the default (higher is better, quarters summed, the
# Renstra cumulative 6 + 12) has none; anything else is marked on the row and explained in the legend.
LEGENDA_METODE: dict[str, str] = {
    "a": "indikator negatif (makin kecil makin baik), capaian = (2T − R) / T × 100, minimal 0",
    "b": "indikator negatif (makin kecil makin baik), capaian = T / R × 100",
    "c": "realisasi tahun berjalan (kol. 12) = nilai triwulan terakhir",
    "d": "realisasi tahun berjalan (kol. 12) = rata-rata triwulan",
    "e": "realisasi tahun berjalan (kol. 12) = nilai triwulan terbesar",
    "f": "realisasi tahun berjalan (kol. 12) = nilai triwulan terkecil",
    "g": "realisasi Renstra (kol. 14) = posisi akhir (nilai tahun ini), bukan 6 + 12",
    "h": "realisasi Renstra (kol. 14) = rata-rata tahun ((6 + 12) / 2), bukan 6 + 12",
}


def tanda_metode(sifat: Sifat) -> tuple[str, ...]:
    """The legend keys of a row's non-default methods, in legend order ("a", "d", "g")."""
    tanda: list[str] = []
    if sifat.polaritas is Polaritas.NEGATIF:
        tanda.append("a" if sifat.rumus_negatif is RumusNegatif.DUA_T_KURANG_R else "b")
    tanda += {
        Agregasi.TERAKHIR: ["c"],
        Agregasi.RATA_RATA: ["d"],
        Agregasi.MAKSIMUM: ["e"],
        Agregasi.MINIMUM: ["f"],
    }.get(sifat.agregasi, [])
    tanda += {Akumulasi.POSISI_AKHIR: ["g"], Akumulasi.RATA_RATA: ["h"]}.get(sifat.akumulasi, [])
    return tuple(tanda)


def legenda_metode(laporan: LaporanE81) -> list[str]:
    """The legend lines for the markers used in this report, "a) ..."."""
    dipakai = {t for b in laporan.baris for t in tanda_metode(b.masukan.sifat)}
    return [f"{k}) {v}" for k, v in LEGENDA_METODE.items() if k in dipakai]


# Flags of values printed as recorded but worth a second look (issue 12, "Smaller"): a code not in its
# standard form (the reference's rows 47 and 56), a budget percentage above 1.000 %.
TANDA_KODE = "*)"
TANDA_PERSEN_RP = "**)"


def tanda_sel(b: BarisE81, triwulan: int) -> dict[int, str]:
    """{column index of sel_baris: flag} for the row's flagged cells: the kode (col 2), cols 13 and 15 Rp."""
    h = kolom_hasil(triwulan)
    tanda: dict[int, str] = {}
    if catatan_kode(b.rencana.kode):
        tanda[1] = TANDA_KODE
    for k, p in ((h + 3, b.hasil.capaian.rp), (h + 7, b.hasil.capaian_renstra.rp)):
        if persen_rp_janggal(p):
            tanda[k] = TANDA_PERSEN_RP
    return tanda


def _tempat(b: BarisE81) -> str:
    return f"No. {b.no}" if b.no is not None else "baris lanjutan"


def catatan_tanda(laporan: LaporanE81) -> list[str]:
    """The footnotes of the flags used in this report ("*) ...", "**) ..."); empty when none is used."""
    kode = [f"{_tempat(b)}: {c}" for b in laporan.baris if (c := catatan_kode(b.rencana.kode))]
    persen = [
        f"{_tempat(b)} kol. {kol} Rp {format_persen(p)}"
        for b in laporan.baris
        for kol, p in (("13", b.hasil.capaian.rp), ("15", b.hasil.capaian_renstra.rp))
        if persen_rp_janggal(p)
    ]
    catatan = []
    if kode:
        catatan.append(f"{TANDA_KODE} Kode dicetak sebagaimana tercatat dalam data induk: {'; '.join(kode)}.")
    if persen:
        catatan.append(
            f"{TANDA_PERSEN_RP} Persentase anggaran di atas {format_persen(BATAS_PERSEN_RP, 0)}: "
            f"{'; '.join(persen)}. Realisasi jauh melampaui pagu: periksa pagu kolom 7 Rp (kol. 13) atau "
            "kolom 5 Rp (kol. 15)."
        )
    return catatan
