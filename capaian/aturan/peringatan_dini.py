"""Early warning: per indicator and quarter, the pace against the quarterly targets cumulated to date and a
projection to the year's end.

* Pace (capaian.aturan.laju): column 12 against the target expected by the quarter (the quarterly targets
  1..n made one by the indicator's aggregation rule; Rupiah their sum: Capaian keeps no separate cash plan,
  the quarterly Rp targets are the agency's anggaran kas), by the indicator's polarity.
* Status from the weaker of K and Rp, as printed (2 decimals), against the pemda's thresholds:
  at or above `sesuai` "sesuai jalur", at or above `perhatian` "perlu perhatian", below it "tertinggal";
  no status where neither has a base (no quarterly target, or nothing entered yet).
* Projection: at this pace, where the year ends. A count (aggregation jumlah) and Rupiah scale the year's
  target by the pace: realised x year's target / expected to date; a position (terakhir, rata-rata,
  maksimum, minimum) is projected as it stands. K rounded as printed, Rupiah half-up to whole.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from capaian.aturan.capaian import Agregasi, HasilBaris, KRp, MasukanBaris, Persen, tercetak
from capaian.aturan.laju import capaian_laju, target_sampai


class StatusPeringatan(StrEnum):
    SESUAI = "sesuai jalur"
    PERHATIAN = "perlu perhatian"
    TERTINGGAL = "tertinggal"


@dataclass(frozen=True)
class Ambang:
    """The pemda's thresholds, in percent of the pace (defaults 90 and 75)."""

    sesuai: Decimal = Decimal(90)
    perhatian: Decimal = Decimal(75)

    def __post_init__(self) -> None:
        if not self.perhatian <= self.sesuai:
            raise ValueError("Ambang 'perlu perhatian' tidak boleh di atas ambang 'sesuai jalur'.")


BAWAAN = Ambang()


@dataclass(frozen=True)
class PeringatanDini:
    status: StatusPeringatan | None
    laju: Persen  # as printed
    proyeksi: KRp


def status_laju(persen: Decimal | None, ambang: Ambang = BAWAAN) -> StatusPeringatan | None:
    if persen is None:
        return None
    if persen >= ambang.sesuai:
        return StatusPeringatan.SESUAI
    if persen >= ambang.perhatian:
        return StatusPeringatan.PERHATIAN
    return StatusPeringatan.TERTINGGAL


def peringatan_dini(
    masukan: MasukanBaris, hasil: HasilBaris, triwulan: int, ambang: Ambang = BAWAAN
) -> PeringatanDini:
    laju_penuh = capaian_laju(masukan, hasil, triwulan)
    laju = Persen(k=tercetak(laju_penuh.k), rp=tercetak(laju_penuh.rp))
    ada = [p for p in (laju.k, laju.rp) if p is not None]
    status = status_laju(min(ada), ambang) if ada else None
    sampai = target_sampai(masukan, triwulan)
    real = hasil.realisasi
    k: Decimal | None = None
    if real.k is not None:
        if masukan.sifat.agregasi is not Agregasi.JUMLAH:
            k = real.k
        elif masukan.target.k is not None and sampai.k:
            k = tercetak(real.k * masukan.target.k / sampai.k)
    rp: int | None = None
    if real.rp is not None and masukan.target.rp is not None and sampai.rp:
        rp = int((Decimal(real.rp) * masukan.target.rp / sampai.rp).quantize(Decimal(1), ROUND_HALF_UP))
    return PeringatanDini(status=status, laju=laju, proyeksi=KRp(k=k, rp=rp))
