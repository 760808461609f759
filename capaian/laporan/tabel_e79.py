"""The layout of Form E.79 shared by its XLSX and PDF renderers: the columns, their headings, and every row as
typed cells. Nothing is computed here: values come from the LaporanE79 (whose program rows are the agencies'
Form E.81 rows) and are only rounded half-up to what the form shows, as Form E.81's layout does.

A row is its identity cells (No, Sasaran, Kode, Urusan/Program/Kegiatan, Indikator, Satuan), one (K, Rp) pair
per numbered column 6..16 (the quarters 9..12 up to the report's quarter), and the responsible agency (17).
The spreadsheet writes each pair as two columns; the PDF stacks K above Rp to stay readable on F4.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from capaian.aturan.angka import bulatkan, format_angka, format_persen, format_rupiah
from capaian.aturan.capaian import KRp, Persen
from capaian.laporan.e79 import BarisE79, LaporanE79
from capaian.laporan.tabel_e81 import Sel
from capaian.laporan.umum import romawi

JUDUL_IDENTITAS = (
    "No",
    "Sasaran",
    "Kode",
    "Urusan / Bidang Urusan Pemerintahan Daerah dan Program / Kegiatan",
    "Indikator Kinerja Program (Outcome) / Kegiatan (Output)",
    "Satuan",
)
JUDUL_PD = "Perangkat Daerah Penanggung Jawab"
TEBAL = ("sasaran", "urusan", "bidang", "program")


@dataclass(frozen=True)
class KolomPasangan:
    nomor: str  # "6", "14 = 13/8 x 100%"
    judul: str  # the heading; "" for a quarter (its group heading names it)
    triwulan: int | None = None  # 1..4 for the quarter columns 9..12


@dataclass(frozen=True)
class BarisTabel:
    tingkat: str
    identitas: tuple[Sel, ...]
    pasangan: tuple[tuple[Sel, Sel], ...]
    pd: str

    @property
    def tebal(self) -> bool:
        return self.tingkat in TEBAL


def kolom_pasangan(laporan: LaporanE79) -> list[KolomPasangan]:
    d = laporan.data
    akhir = f" ({d.akhir_rpjmd})" if d.akhir_rpjmd else ""
    kolom = [
        KolomPasangan("6", f"Target RPJMD {d.pemda} pada Akhir Periode RPJMD{akhir}"),
        KolomPasangan("7", f"Realisasi Capaian Kinerja RPJMD s/d RKPD {d.pemda} Tahun Lalu ({d.tahun - 1})"),
        KolomPasangan("8", f"Target Kinerja dan Anggaran RKPD {d.pemda} Tahun Berjalan ({d.tahun})"),
    ]
    kolom += [KolomPasangan(str(8 + tw), "", tw) for tw in range(1, d.triwulan + 1)]
    kolom += [
        KolomPasangan("13", f"Realisasi Capaian Kinerja dan Anggaran RKPD yang Dievaluasi ({d.tahun})"),
        KolomPasangan(
            "14 = 13/8 x 100%", "Tingkat Capaian Kinerja dan Realisasi Anggaran RKPD yang Dievaluasi (%)"
        ),
        KolomPasangan("15 = 7 + 13", f"Realisasi Kinerja dan Anggaran RPJMD s/d Tahun {d.tahun}"),
        KolomPasangan(
            "16 = 15/6 x 100%",
            f"Tingkat Capaian Kinerja dan Realisasi Anggaran RPJMD s/d Tahun {d.tahun} (%)",
        ),
    ]
    return kolom


def judul_triwulan(tw: int) -> str:
    return f"Triwulan {romawi(tw)}"


def _k(nilai: Decimal | None) -> Sel:
    return Sel(None if nilai is None else bulatkan(nilai, 2), "k")


def _krp(nilai: KRp) -> tuple[Sel, Sel]:
    return (_k(nilai.k), Sel(nilai.rp, "rp"))


def _persen(nilai: Persen) -> tuple[Sel, Sel]:
    return (
        Sel(None if nilai.k is None else bulatkan(nilai.k, 2), "persen"),
        Sel(None if nilai.rp is None else bulatkan(nilai.rp, 2), "persen"),
    )


KOSONG = (Sel(None, "k"), Sel(None, "rp"))


def _pasangan(b: BarisE79, triwulan: int) -> list[tuple[Sel, Sel]]:
    if b.e81 is None:
        hasil = [KOSONG] * (7 + triwulan)
        if b.sasaran is not None:
            hasil[0] = _krp(KRp(k=b.sasaran.target_akhir))
            hasil[2] = _krp(KRp(k=b.sasaran.target_tahun))
        return hasil
    m, h = b.e81.masukan, b.e81.hasil
    return [
        _krp(m.renstra),
        _krp(m.realisasi_lalu),
        _krp(m.target),
        *[_krp(m.realisasi_tw[i]) for i in range(triwulan)],
        _krp(h.realisasi),
        _persen(h.capaian),
        _krp(h.realisasi_renstra),
        _persen(h.capaian_renstra),
    ]


def baris_tabel(laporan: LaporanE79, singkat: bool = False) -> list[BarisTabel]:
    """The body rows; `singkat` names the responsible agency by its short name (the PDF, with a legend)."""
    tw = laporan.data.triwulan
    hasil = []
    for b in laporan.baris:
        lanjut = b.lanjutan
        sasaran = b.uraian if b.tingkat == "sasaran" and not lanjut else ""
        uraian = b.uraian if b.tingkat != "sasaran" and not lanjut else ""
        identitas = (
            Sel(b.no, "no"),
            Sel(sasaran, "teks"),
            Sel(b.kode or "" if not lanjut else "", "teks"),
            Sel(uraian, "teks"),
            Sel(b.indikator or "", "teks"),
            Sel(b.satuan or "", "teks"),
        )
        pd = "" if b.pd is None or lanjut else (b.pd.nama_pendek if singkat else b.pd.nama)
        hasil.append(BarisTabel(b.tingkat, identitas, tuple(_pasangan(b, tw)), pd))
    return hasil


@dataclass(frozen=True)
class BarisPenutup:
    label: str
    pasangan: tuple[tuple[Sel, Sel], ...]


def baris_penutup(laporan: LaporanE79) -> list[BarisPenutup]:
    """Jumlah (Rupiah of the included programs), Rata-rata capaian and Predikat, per numbered column."""
    tw = laporan.data.triwulan
    r = laporan.rekap
    n = 7 + tw

    def rp(nilai: int | None) -> tuple[Sel, Sel]:
        return (Sel(None, "k"), Sel(nilai, "rp"))

    jumlah = [KOSONG] * n
    jumlah[0], jumlah[2] = rp(r.jumlah_renstra_rp), rp(r.jumlah_target_rp)
    for i, nilai in enumerate(r.jumlah_realisasi_tw_rp):
        jumlah[3 + i] = rp(nilai)
    jumlah[3 + tw], jumlah[5 + tw] = rp(r.jumlah_realisasi_rp), rp(r.jumlah_realisasi_renstra_rp)
    rata = [KOSONG] * n
    rata[4 + tw], rata[6 + tw] = _persen(r.rata_capaian), _persen(r.rata_capaian_renstra)
    predikat = [KOSONG] * n
    predikat[4 + tw] = (Sel(r.predikat[0] or "-", "teks"), Sel(r.predikat[1] or "-", "teks"))
    predikat[6 + tw] = (Sel(r.predikat_renstra[0] or "-", "teks"), Sel(r.predikat_renstra[1] or "-", "teks"))
    return [
        BarisPenutup("Jumlah anggaran dan realisasi seluruh program", tuple(jumlah)),
        BarisPenutup("Rata-rata capaian kinerja dan anggaran seluruh program (%)", tuple(rata)),
        BarisPenutup("Predikat kinerja", tuple(predikat)),
    ]


def judul_dokumen(laporan: LaporanE79) -> list[str]:
    d = laporan.data
    return [
        f"EVALUASI TERHADAP HASIL RKPD {d.pemda.upper()}",
        f"PERIODE PELAKSANAAN TRIWULAN {romawi(d.triwulan)} TAHUN {d.tahun}",
    ]


def keterangan_cakupan(laporan: LaporanE79) -> list[str]:
    """What the first page says about which agencies are in the numbers and which are not, and why."""
    termasuk, tidak = laporan.termasuk, laporan.tidak_termasuk
    baris = [
        f"Dihimpun dari {len(termasuk)} dari {len(laporan.data.anggota)} perangkat daerah yang triwulannya "
        "telah diverifikasi atau dikunci Bappelitbangda."
    ]
    if tidak:
        baris.append(
            "Belum termasuk dalam angka (triwulan belum diverifikasi): "
            + "; ".join(f"{a.nama} ({a.label_status})" for a in tidak)
            + "."
        )
    if laporan.belum_ditautkan:
        baris.append(
            f"{laporan.belum_ditautkan} program belum ditautkan ke Sasaran RPJMD; dikelompokkan tersendiri."
        )
    if not laporan.data.rpjmd:
        baris.append(f"Belum ada RPJMD {laporan.data.pemda} yang mencakup tahun {laporan.data.tahun}.")
    return baris


def catatan_metode(laporan: LaporanE79) -> str:
    sp = laporan.data.set_predikat
    return (
        "Angka setiap baris program dan kegiatan sama dengan Form E.81 perangkat daerah penanggung jawabnya. "
        f"Cara perhitungan rata-rata: {laporan.rekap.uraian_metode()}. "
        f"Predikat: {sp.nama} ({'; '.join(sp.uraian_batas())})."
    )


def lebar_pasangan(baris: Sequence[BarisTabel]) -> int:
    return len(baris[0].pasangan) if baris else 0


def teks_sel(sel: Sel) -> str:
    """A cell as printed: K with 2 decimals, whole Rupiah, percentages without '%'; a blank input stays
    blank and a percentage without a value is "-" (as Form E.81 prints them)."""
    if sel.jenis == "k" and isinstance(sel.nilai, Decimal | int):
        return format_angka(sel.nilai)
    if sel.jenis == "rp" and isinstance(sel.nilai, int):
        return format_rupiah(sel.nilai)
    if sel.jenis == "persen":
        return format_persen(sel.nilai, tanda=False) if isinstance(sel.nilai, Decimal) else "-"
    return "" if sel.nilai is None else str(sel.nilai)


def daftar_singkatan(laporan: LaporanE79) -> str:
    """ "Dinkes = Dinas Kesehatan ...; ..." for the agencies named by their short name in the table."""
    return "; ".join(f"{a.nama_pendek} = {a.nama}" for a in laporan.termasuk if a.singkatan)
