"""Plain data that report builders read: one agency's plan and realisations for a year, no ORM objects."""

import dataclasses
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from capaian.aturan.capaian import KRp, Sifat
from capaian.aturan.induk import Anggaran, anak_per_induk, turunkan_anggaran
from capaian.aturan.peringatan_dini import BAWAAN as AMBANG_BAWAAN
from capaian.aturan.peringatan_dini import Ambang
from capaian.aturan.predikat import BAWAAN, SetPredikat

EMPAT_KOSONG: tuple[KRp, KRp, KRp, KRp] = (KRp(), KRp(), KRp(), KRp())


@dataclass(frozen=True)
class TargetMurni:
    """A row's murni targets (columns 5, 7 and the quarters, parents derived) where a report uses the
    perubahan ones: the Form E.81 Perubahan shows both."""

    renstra: KRp
    target: KRp
    target_tw: tuple[KRp, KRp, KRp, KRp]


@dataclass(frozen=True)
class BarisRencana:
    kunci: str  # how formulas refer to this indicator: its element's code, "#2" for a second indicator
    kode: str | None
    tingkat: str  # tujuan, sasaran, program, kegiatan, subkegiatan
    uraian: str  # the element's name
    indikator: str
    satuan: str
    sifat: Sifat = field(default_factory=Sifat)
    rumus: str = ""
    variabel: tuple[tuple[str, str], ...] = ()  # (nama, label)
    # The inputs' evidence notes for the Kertas Kerja: (nama, catatan); nama "" is the value entered directly.
    catatan: tuple[tuple[str, str], ...] = ()
    lanjutan: bool = False  # a second or later indicator of the same element
    renstra: KRp = field(default_factory=KRp)
    realisasi_lalu: KRp = field(default_factory=KRp)
    target: KRp = field(default_factory=KRp)
    target_tw: tuple[KRp, KRp, KRp, KRp] = EMPAT_KOSONG
    realisasi_tw: tuple[KRp, KRp, KRp, KRp] = EMPAT_KOSONG  # K here is the K entered directly
    variabel_tw: tuple[dict[str, Decimal | None], ...] = ({}, {}, {}, {})
    # A program or kegiatan with children: its Rp of columns 5, 7 and the quarters is their sum (computed,
    # never typed; see dengan_induk_turunan). Column 6 Rp stays an input.
    rp_turunan: bool = False
    # Where column 6 comes from (capaian.aturan.kolom6.SumberKolom6): typed, the previous year's column 14,
    # or that value corrected with a reason.
    kolom_6_sumber: str = "masukan"
    target_murni: TargetMurni | None = None  # set only when this report uses the perubahan targets
    # Per quarter the operator's reason for "belum ada data" ("" = not marked): the values stay blank.
    belum_ada_data: tuple[str, str, str, str] = ("", "", "", "")


@dataclass(frozen=True)
class TeksCakupan:
    """The quarter's texts of one bidang ("3.31") or one program (its code), as typed (free text, one item a
    line or "1. ... 2. ..."; capaian.laporan.umum.baris_teks splits them)."""

    kode: str
    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    tindak_lanjut: str = ""
    rekomendasi: str = ""
    kendala: str = ""
    solusi: str = ""


# The quarter's six texts, at every scope (the agency's fields of DataLaporan carry the same names).
NAMA_TEKS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(TeksCakupan) if f.name != "kode")


@dataclass(frozen=True)
class Penandatangan:
    nama: str
    nip: str
    pangkat: str
    jabatan: str  # with its Plt./Pj. prefix


@dataclass(frozen=True)
class DataLaporan:
    pemda: str
    tempat: str
    perangkat_daerah: str
    tahun: int
    triwulan: int
    baris: tuple[BarisRencana, ...]
    set_predikat: SetPredikat = BAWAAN
    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    tindak_lanjut: str = ""
    rekomendasi: str = ""
    kendala: str = ""
    solusi: str = ""
    # The texts kept per bidang urusan and per program (capaian.monev.models.CatatanCakupan).
    teks_bidang: tuple[TeksCakupan, ...] = ()
    teks_program: tuple[TeksCakupan, ...] = ()
    penandatangan: Penandatangan | None = None
    sintetis: bool = False
    # The quarter is not yet verified (capaian.monev Status before DIVERIFIKASI): documents carry "DRAF".
    draf: bool = False
    # For the Surat Pengantar and the signature blocks; defaults keep older callers working.
    tanggal: datetime.date | None = None
    nomor_surat: str = ""
    nama_bappeda: str = ""
    alamat: str = ""
    provinsi: str = ""  # "Jawa Timur": the Kesimpulan's title names it
    telepon: str = ""
    faksimile: str = ""
    email: str = ""
    laman: str = ""
    logo: str = ""  # a file path of the lambang daerah, "" without one
    # Which targets this report uses (capaian.aturan.versi_target): "murni", or "perubahan" from the
    # Renja Perubahan's effective quarter on, with its legal basis.
    versi_target: str = "murni"
    dasar_perubahan: str = ""
    berlaku_triwulan: int | None = None
    ambang: Ambang = AMBANG_BAWAAN  # the pemda's early-warning thresholds


def anggaran_baris(b: BarisRencana) -> Anggaran:
    """The row's Rupiah cells that a parent derives (all but column 6)."""
    t, r = b.target_tw, b.realisasi_tw
    return Anggaran(
        renstra=b.renstra.rp,
        target=b.target.rp,
        target_tw=(t[0].rp, t[1].rp, t[2].rp, t[3].rp),
        realisasi_tw=(r[0].rp, r[1].rp, r[2].rp, r[3].rp),
    )


def _empat(k: tuple[KRp, KRp, KRp, KRp], rp: tuple[int | None, ...]) -> tuple[KRp, KRp, KRp, KRp]:
    return (
        KRp(k=k[0].k, rp=rp[0]),
        KRp(k=k[1].k, rp=rp[1]),
        KRp(k=k[2].k, rp=rp[2]),
        KRp(k=k[3].k, rp=rp[3]),
    )


def dengan_induk_turunan(baris: Sequence[BarisRencana]) -> tuple[BarisRencana, ...]:
    """The rows with every parent's Rupiah derived from its children by the rules core
    (`capaian.aturan.induk`): columns 5 and 7 Rp, the quarterly Rp targets and realisations, marked
    `rp_turunan`. Whatever was stored for those cells is ignored; column 6 and every K stay as entered."""
    induk = anak_per_induk(baris)
    if not induk:
        return tuple(baris)
    turunan = turunkan_anggaran(baris, [anggaran_baris(b) for b in baris])
    hasil = list(baris)
    for i in induk:
        b, a = baris[i], turunan[i]
        hasil[i] = dataclasses.replace(
            b,
            renstra=KRp(k=b.renstra.k, rp=a.renstra),
            target=KRp(k=b.target.k, rp=a.target),
            target_tw=_empat(b.target_tw, a.target_tw),
            realisasi_tw=_empat(b.realisasi_tw, a.realisasi_tw),
            rp_turunan=True,
        )
    return tuple(hasil)
