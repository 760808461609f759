"""The entry window of a quarter for one agency: the pemda's period (PeriodeTriwulan, set by the verifikator
or the admin: capaian.monev.alur.atur_periode) and the agency's own extension of it (PerpanjanganPeriode,
with the verifikator's reason).

A quarter without a period is closed for entry until the verifikator opens it: a deadline nobody set is no
reason to keep last year's quarters editable. The window binds people only (capaian.monev.services); the
system (the demo loader, a migration) is not bound by it.
"""

import datetime
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from capaian.aturan.angka import format_tanggal
from capaian.audit.catat import catat
from capaian.monev.beku import TriwulanTertutup
from capaian.monev.models import PeriodeTriwulan, PerpanjanganPeriode
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah

PANJANG_ALASAN = 500


class PerpanjanganTidakSah(ValueError):
    """An extension that cannot be saved; the message is for the user."""


@dataclass(frozen=True)
class Masa:
    """One agency's entry window of a quarter: the pemda's period, its end moved by the agency's extension."""

    dibuka: datetime.date
    ditutup: datetime.date  # the agency's end: the extension's when there is one
    ditutup_umum: datetime.date  # the pemda's end for every agency
    alasan_perpanjangan: str = ""

    @property
    def diperpanjang(self) -> bool:
        return self.ditutup != self.ditutup_umum

    def terbuka_pada(self, tanggal: datetime.date) -> bool:
        return self.dibuka <= tanggal <= self.ditutup


def gabung(periode: PeriodeTriwulan | None, perpanjangan: PerpanjanganPeriode | None) -> Masa | None:
    if periode is None:
        return None
    if perpanjangan is None or perpanjangan.ditutup <= periode.ditutup:
        return Masa(periode.dibuka, periode.ditutup, periode.ditutup)
    return Masa(periode.dibuka, perpanjangan.ditutup, periode.ditutup, perpanjangan.alasan)


def masa(pd: PerangkatDaerah, tahun: int, triwulan: int) -> Masa | None:
    """The agency's window of the quarter, or None when the pemda has set none (closed)."""
    periode = PeriodeTriwulan.objects.filter(pemda_id=pd.pemda_id, tahun=tahun, triwulan=triwulan).first()
    if periode is None:
        return None
    panjang = PerpanjanganPeriode.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    return gabung(periode, panjang.first())


def masa_banyak(daftar_pd: list[PerangkatDaerah], tahun: int, triwulan: int) -> dict[int, Masa | None]:
    """Every agency's window of the quarter in two queries (the board, the reminders)."""
    periode = {
        p.pemda_id: p
        for p in PeriodeTriwulan.objects.filter(
            pemda_id__in={pd.pemda_id for pd in daftar_pd}, tahun=tahun, triwulan=triwulan
        )
    }
    panjang = {
        p.perangkat_daerah_id: p
        for p in PerpanjanganPeriode.objects.filter(
            perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan
        )
    }
    return {pd.pk: gabung(periode.get(pd.pemda_id), panjang.get(pd.pk)) for pd in daftar_pd}


def pesan_tertutup(m: Masa | None, tahun: int, triwulan: int, hari_ini: datetime.date) -> str:
    """Why the quarter is closed for entry today, or "" when it is open."""
    if m is None:
        return (
            f"Masa pengisian Triwulan {triwulan} {tahun} belum dibuka verifikator; triwulan ini tertutup "
            "untuk pengisian sampai masa pengisiannya diatur."
        )
    if m.terbuka_pada(hari_ini):
        return ""
    tambahan = ""
    if m.diperpanjang:
        tambahan = f" (diperpanjang untuk perangkat daerah ini: {m.alasan_perpanjangan})"
    return (
        f"Masa pengisian Triwulan {triwulan} {tahun} adalah {format_tanggal(m.dibuka)} "
        f"s.d. {format_tanggal(m.ditutup)}{tambahan}; hari ini di luar masa pengisian."
    )


def wajib_terbuka(pd: PerangkatDaerah, tahun: int, triwulan: int) -> None:
    """Raise TriwulanTertutup when today is outside the agency's window (or the quarter has none)."""
    pesan = pesan_tertutup(masa(pd, tahun, triwulan), tahun, triwulan, timezone.localdate())
    if pesan:
        raise TriwulanTertutup(pesan)


def perpanjang(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    ditutup: datetime.date | None,
    alasan: str,
) -> PerpanjanganPeriode | None:
    """The verifikator extends the quarter's window for this agency alone to `ditutup`, with a reason; None
    for `ditutup` withdraws the extension (the reason is still required: why the agency loses its days)."""
    akses.wajib(
        pengguna is None or akses.boleh_verifikasi(pengguna, pd),
        "Hanya verifikator yang dapat memperpanjang masa pengisian.",
    )
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise PerpanjanganTidakSah("Triwulan tidak sah.")
    teks = " ".join((alasan or "").split())
    if not teks:
        raise PerpanjanganTidakSah("Alasan perpanjangan wajib diisi.")
    if len(teks) > PANJANG_ALASAN or "\x00" in teks:
        raise PerpanjanganTidakSah(
            f"Alasan paling panjang {PANJANG_ALASAN} karakter, tanpa karakter kendali."
        )
    with transaction.atomic():
        periode = (
            PeriodeTriwulan.objects.select_for_update()
            .filter(pemda_id=pd.pemda_id, tahun=tahun, triwulan=triwulan)
            .first()
        )
        if periode is None:
            raise PerpanjanganTidakSah(
                f"Masa pengisian Triwulan {triwulan} {tahun} belum diatur; atur dulu masa pengisiannya."
            )
        ada = (
            PerpanjanganPeriode.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
            .first()
        )
        lama = ada.ditutup.isoformat() if ada is not None else None
        if ditutup is None:
            if ada is None:
                raise PerpanjanganTidakSah("Perangkat daerah ini tidak mempunyai perpanjangan.")
            objek_id = ada.pk
            ada.delete()
            hasil = None
        else:
            if ditutup <= periode.ditutup:
                raise PerpanjanganTidakSah(
                    f"Tanggal perpanjangan harus setelah penutupan masa pengisian "
                    f"({format_tanggal(periode.ditutup)})."
                )
            oleh = cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None
            hasil, _ = PerpanjanganPeriode.objects.update_or_create(
                perangkat_daerah=pd,
                tahun=tahun,
                triwulan=triwulan,
                defaults={"ditutup": ditutup, "alasan": teks, "oleh": oleh, "pada": timezone.now()},
            )
            objek_id = hasil.pk
        catat(
            pengguna,
            aksi="perpanjang_periode" if ditutup is not None else "cabut_perpanjangan",
            objek="perpanjangan",
            objek_id=objek_id,
            perangkat_daerah=pd,
            kolom=f"ditutup TW {triwulan} {tahun}",
            lama=lama,
            baru=ditutup.isoformat() if ditutup is not None else None,
            alasan=teks,
        )
        return hasil
