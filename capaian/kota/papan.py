"""The rows of the verifier's board for one quarter: per agency its status, the head's approval,
completeness, galat, the explanations of galat waiting for a decision, the entry window's days left (the
agency's own extension counted), the last change of its data, capaian K and Rp so far, the last reminder.
Read in a fixed number of queries however many agencies there are (the summaries come from
capaian.kota.ringkasan); sorting and filtering order the rows, they compute nothing."""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max
from django.utils import timezone

from capaian.kota.models import Pengingat
from capaian.kota.pengingat import BELUM_DIAJUKAN
from capaian.kota.ringkasan import Ringkasan, ringkasan
from capaian.monev.models import (
    KeadaanPenjelasan,
    PenjelasanGalat,
    PeriodeTriwulan,
    Realisasi,
    Status,
    StatusTriwulan,
)
from capaian.monev.periode import masa_banyak
from capaian.organisasi.models import PerangkatDaerah

SEGERA = 3  # days: an agency not yet submitted this close to the deadline is flagged


@dataclass
class BarisPapan:
    pd: PerangkatDaerah
    status: StatusTriwulan
    ringkasan: Ringkasan
    diubah: datetime.datetime | None  # last change of a realisation in this quarter
    pengingat: datetime.datetime | None  # last reminder sent for this quarter
    sisa_hari: int | None  # days to the end of the entry window (negative: past), None: no window
    penjelasan_menunggu: int = 0  # explanations of galat written and not yet decided by the verifikator
    diperpanjang: str = ""  # the reason of the agency's own extension of the window, if any

    @property
    def belum_diajukan(self) -> bool:
        return Status(self.status.status) in BELUM_DIAJUKAN

    @property
    def terlambat(self) -> bool:
        return self.belum_diajukan and self.sisa_hari is not None and self.sisa_hari < 0

    @property
    def segera(self) -> bool:
        return self.belum_diajukan and self.sisa_hari is not None and 0 <= self.sisa_hari <= SEGERA

    @property
    def menunggu_kepala(self) -> bool:
        """Submitted, and waiting for the head's approval the pemda requires before verification."""
        s = self.status
        return (
            s.status == Status.DIAJUKAN
            and s.disetujui_kepala_pada is None
            and bool(self.pd.pemda.persetujuan_kepala)
        )

    @property
    def menunggu_verifikasi(self) -> bool:
        return self.status.status == Status.DIAJUKAN and not self.menunggu_kepala

    @property
    def boleh_dikunci(self) -> bool:
        return self.status.status == Status.DIVERIFIKASI


def periode(pemda_id: int, tahun: int, triwulan: int) -> PeriodeTriwulan | None:
    return PeriodeTriwulan.objects.filter(pemda_id=pemda_id, tahun=tahun, triwulan=triwulan).first()


def penjelasan_menunggu(daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int) -> dict[int, int]:
    """Per agency the explanations of galat waiting for the verifikator's decision (one query)."""
    return {
        b["perangkat_daerah"]: b["n"]
        for b in PenjelasanGalat.objects.filter(
            perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan, keadaan=KeadaanPenjelasan.MENUNGGU
        )
        .values("perangkat_daerah")
        .annotate(n=Count("pk"))
    }


def baris_papan(daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int) -> list[BarisPapan]:
    daftar_pd = list(daftar_pd)
    if not daftar_pd:
        return []
    status = {
        s.perangkat_daerah_id: s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    diubah = {
        b["indikator__perangkat_daerah"]: b["m"]
        for b in Realisasi.objects.filter(
            indikator__perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan, versi__gt=1
        )
        .values("indikator__perangkat_daerah")
        .annotate(m=Max("diubah"))
    }
    pengingat = {
        b["perangkat_daerah"]: b["m"]
        for b in Pengingat.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
        .values("perangkat_daerah")
        .annotate(m=Max("dikirim_pada"))
    }
    jendela = masa_banyak(daftar_pd, tahun, triwulan)
    menunggu = penjelasan_menunggu(daftar_pd, tahun, triwulan)
    hari_ini = timezone.localdate()
    angka = ringkasan(daftar_pd, tahun, triwulan)
    hasil = []
    for pd in daftar_pd:
        p = jendela.get(pd.pk)
        hasil.append(
            BarisPapan(
                pd=pd,
                status=status.get(pd.pk)
                or StatusTriwulan(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan),
                ringkasan=angka[pd.pk],
                diubah=diubah.get(pd.pk),
                pengingat=pengingat.get(pd.pk),
                sisa_hari=(p.ditutup - hari_ini).days if p is not None else None,
                penjelasan_menunggu=menunggu.get(pd.pk, 0),
                diperpanjang=p.alasan_perpanjangan if p is not None and p.diperpanjang else "",
            )
        )
    return hasil


URUTAN_STATUS = {s.value: i for i, s in enumerate(Status)}
_BAWAH = Decimal("-1e30")


def _angka(n: Decimal | None) -> Decimal:
    return _BAWAH if n is None else n


KUNCI_URUT: dict[str, Callable[[BarisPapan], Any]] = {
    "nama": lambda b: b.pd.nama.lower(),
    "status": lambda b: URUTAN_STATUS.get(b.status.status, 0),
    "lengkap": lambda b: _angka(b.ringkasan.kelengkapan),
    "galat": lambda b: b.ringkasan.galat,
    "penjelasan": lambda b: b.penjelasan_menunggu,
    "sisa": lambda b: (not b.belum_diajukan, b.sisa_hari if b.sisa_hari is not None else 10**6),
    "diubah": lambda b: b.diubah or datetime.datetime.min.replace(tzinfo=datetime.UTC),
    "capaian_k": lambda b: _angka(b.ringkasan.capaian_k),
    "capaian_rp": lambda b: _angka(b.ringkasan.capaian_rp),
}
SARINGAN = {
    "semua": "Semua",
    "belum": "Belum mengajukan",
    "terlambat": "Terlambat / segera berakhir",
    "kepala": "Menunggu persetujuan kepala",
    "diajukan": "Menunggu verifikasi",
    "galat": "Ada galat",
    "penjelasan": "Penjelasan menunggu",
    "diverifikasi": "Diverifikasi (siap dikunci)",
    "terkunci": "Terkunci",
}


def saring(baris: list[BarisPapan], saringan: str, cari: str = "") -> list[BarisPapan]:
    uji: dict[str, Callable[[BarisPapan], bool]] = {
        "belum": lambda b: b.belum_diajukan,
        "terlambat": lambda b: b.terlambat or b.segera,
        "kepala": lambda b: b.menunggu_kepala,
        "diajukan": lambda b: b.menunggu_verifikasi,
        "galat": lambda b: b.ringkasan.galat > 0,
        "penjelasan": lambda b: b.penjelasan_menunggu > 0,
        "diverifikasi": lambda b: b.status.status == Status.DIVERIFIKASI,
        "terkunci": lambda b: b.status.status == Status.TERKUNCI,
    }
    hasil = [b for b in baris if uji[saringan](b)] if saringan in uji else list(baris)
    cari = cari.strip().lower()
    if cari:
        hasil = [b for b in hasil if cari in b.pd.nama.lower() or cari in b.pd.singkatan.lower()]
    return hasil


def urutkan(baris: list[BarisPapan], urut: str, turun: bool) -> list[BarisPapan]:
    kunci = KUNCI_URUT.get(urut, KUNCI_URUT["nama"])
    return sorted(baris, key=kunci, reverse=turun)
