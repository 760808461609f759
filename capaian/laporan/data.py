"""Plain data that report builders read: one agency's plan and realisations for a year, no ORM objects."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from capaian.aturan.capaian import KRp, Sifat
from capaian.aturan.predikat import BAWAAN, SetPredikat

EMPAT_KOSONG: tuple[KRp, KRp, KRp, KRp] = (KRp(), KRp(), KRp(), KRp())


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
    lanjutan: bool = False  # a second or later indicator of the same element
    renstra: KRp = field(default_factory=KRp)
    realisasi_lalu: KRp = field(default_factory=KRp)
    target: KRp = field(default_factory=KRp)
    target_tw: tuple[KRp, KRp, KRp, KRp] = EMPAT_KOSONG
    realisasi_tw: tuple[KRp, KRp, KRp, KRp] = EMPAT_KOSONG  # K here is the K entered directly
    variabel_tw: tuple[dict[str, Decimal | None], ...] = ({}, {}, {}, {})


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
    penandatangan: Penandatangan | None = None
    sintetis: bool = False
    # For the Surat Pengantar and the signature blocks; defaults keep older callers working.
    tanggal: datetime.date | None = None
    nomor_surat: str = ""
    nama_bappeda: str = ""
    alamat: str = ""
