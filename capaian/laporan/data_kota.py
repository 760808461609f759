"""Plain data of one pemda's quarter for the city documents (Form E.79, the province's Kesimpulan, the city
Narasi): every agency with its status, the report data of those whose quarter is included, the RPJMD's
Sasaran and the program links. No ORM objects: capaian.laporan.sumber_kota reads it from the database."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from capaian.aturan.predikat import BAWAAN, SetPredikat
from capaian.laporan.data import DataLaporan, Penandatangan

if TYPE_CHECKING:
    from capaian.laporan.e81 import LaporanE81

# Only a quarter the verifier has verified (or locked) counts in the city's numbers.
STATUS_TERMASUK = ("diverifikasi", "terkunci")


@dataclass(frozen=True)
class AnggotaKota:
    """One agency of the pemda in the quarter; `data` is set only when its quarter is included."""

    slug: str
    nama: str
    singkatan: str
    status: str  # capaian.monev.models.Status value
    label_status: str  # "Diverifikasi"
    sintetis: bool = False
    data: DataLaporan | None = None

    @property
    def termasuk(self) -> bool:
        return self.data is not None

    @property
    def nama_pendek(self) -> str:
        return self.singkatan or self.nama


@dataclass(frozen=True)
class IndikatorSasaran:
    uraian: str
    satuan: str
    target_akhir: Decimal | None  # at the end of the RPJMD period
    target_tahun: Decimal | None  # this year's


@dataclass(frozen=True)
class SasaranKota:
    kode: str
    uraian: str
    kode_tujuan: str
    tujuan: str
    indikator: tuple[IndikatorSasaran, ...] = ()


@dataclass(frozen=True)
class DataKota:
    pemda: str
    slug: str
    tempat: str
    nama_bappeda: str
    tahun: int
    triwulan: int
    anggota: tuple[AnggotaKota, ...]
    rpjmd: str = ""  # the RPJMD's name; "" when none covers the year
    akhir_rpjmd: int | None = None  # the RPJMD period's last year (E.79 col 6 is its target)
    sasaran: tuple[SasaranKota, ...] = ()
    # (agency slug, program kode) -> Sasaran kode
    tautan: Mapping[tuple[str, str], str] = field(default_factory=dict)
    set_predikat: SetPredikat = BAWAAN
    faktor_pendorong: str = ""
    faktor_penghambat: str = ""
    tindak_lanjut: str = ""
    tindak_lanjut_rkpd: str = ""
    penandatangan: Penandatangan | None = None
    tanggal: datetime.date | None = None
    provinsi: str = ""
    # The included agencies' Form E.81 by slug, when the reader has them (stored results): the city
    # documents take their rows from here instead of building them again.
    e81: Mapping[str, "LaporanE81"] = field(default_factory=dict)

    @property
    def termasuk(self) -> tuple[AnggotaKota, ...]:
        return tuple(a for a in self.anggota if a.termasuk)

    @property
    def tidak_termasuk(self) -> tuple[AnggotaKota, ...]:
        return tuple(a for a in self.anggota if not a.termasuk)

    @property
    def sintetis(self) -> bool:
        """Whether any included agency is synthetic example data (the documents then say so)."""
        return any(a.sintetis for a in self.termasuk)
