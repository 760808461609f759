"""The quarter workflow of one agency: draft -> diajukan -> diverifikasi -> terkunci, with returns.

    draft | dikembalikan --ajukan (operator)--> diajukan
    diajukan --setujui (kepala)--> diajukan, approved for signature
    diajukan --kembalikan (verifikator, note)--> dikembalikan
    diajukan --verifikasi (verifikator)--> diverifikasi
    diverifikasi --kunci (verifikator)--> terkunci
    terkunci --buka (verifikator, reason)--> dikembalikan

Each step is one transaction: lock the StatusTriwulan row, check the role, check the state, save and write
one AuditEvent (aksi = the step, objek "triwulan", kolom "status", lama/baru = the statuses).

Role checks live here rather than in capaian.organisasi.akses (shared by everyone) and use only its
profil() helper. Exceptions: akses.AksesDitolak (not allowed, HTTP 403), LangkahTidakSah (the step does
not apply to the current status, HTTP 409), IsianTidakSah (a missing or malformed input, HTTP 400).
"""

import datetime
from collections.abc import Callable
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from capaian.audit.catat import catat
from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Pemda, Peran, PerangkatDaerah


class LangkahTidakSah(Exception):
    """The step is not allowed from the quarter's current status."""


class IsianTidakSah(ValueError):
    """A required note is missing or an input is malformed; the message is meant for the user."""


def _peran_di_pd(pengguna: Pengguna | None, peran: Peran, pd: PerangkatDaerah) -> bool:
    p = akses.profil(pengguna)
    return p is not None and p.peran == peran and p.perangkat_daerah_id == pd.pk


def _verifikator_pemda(pengguna: Pengguna | None, pemda_id: int) -> bool:
    p = akses.profil(pengguna)
    return p is not None and p.peran == Peran.VERIFIKATOR and p.pemda_id == pemda_id


def boleh_ajukan(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    return _peran_di_pd(pengguna, Peran.OPERATOR, pd)


def boleh_setujui(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    return _peran_di_pd(pengguna, Peran.KEPALA, pd)


def boleh_verifikasi(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """Returning, verifying, locking and unlocking are the planning agency's verifikator's steps."""
    return _verifikator_pemda(pengguna, pd.pemda_id)


def _wajib_teks(teks: str | None, pesan: str) -> str:
    bersih = (teks or "").strip()
    if not bersih:
        raise IsianTidakSah(pesan)
    return bersih


def _sah_triwulan(tahun: int, triwulan: int) -> None:
    if triwulan not in (1, 2, 3, 4):
        raise IsianTidakSah("Triwulan harus 1, 2, 3 atau 4.")
    if not 2000 <= tahun <= 2100:
        raise IsianTidakSah("Tahun tidak sah.")


def _langkah(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    *,
    aksi: str,
    boleh: Callable[[Pengguna | None, PerangkatDaerah], bool],
    dari: tuple[Status, ...],
    ke: Status | None,
    catatan: str | None,
    ubah: Callable[[StatusTriwulan], None] | None = None,
) -> StatusTriwulan:
    """The shared frame of every step; `ke=None` keeps the status (kepala's approval)."""
    _sah_triwulan(tahun, triwulan)
    akses.wajib(boleh(pengguna, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    with transaction.atomic():
        StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        status = StatusTriwulan.objects.select_for_update().get(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        lama = Status(status.status)
        if lama not in dari:
            raise LangkahTidakSah(
                f"Langkah '{aksi}' tidak dapat dilakukan: Triwulan {triwulan} {tahun} berstatus {lama.label}."
            )
        if ke is not None:
            status.status = ke
        if catatan is not None:
            status.catatan = catatan
        if ubah is not None:
            ubah(status)
        status.save()
        catat(
            pengguna,
            aksi=aksi,
            objek="triwulan",
            objek_id=status.pk,
            perangkat_daerah=pd,
            kolom="status",
            lama=lama.value,
            baru=status.status,
            alasan=catatan or None,
        )
        return status


def _hapus_persetujuan(status: StatusTriwulan) -> None:
    status.disetujui_kepala_pada = None
    status.disetujui_kepala_oleh = None


def ajukan(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, catatan: str = ""
) -> StatusTriwulan:
    """The agency's operator submits the quarter for verification."""
    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="ajukan",
        boleh=boleh_ajukan,
        dari=(Status.DRAFT, Status.DIKEMBALIKAN),
        ke=Status.DIAJUKAN,
        catatan=catatan.strip(),
    )


def setujui(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    """The agency head approves the submitted quarter for signature; the status stays diajukan."""

    def catat_persetujuan(status: StatusTriwulan) -> None:
        if status.disetujui_kepala_pada is not None:
            raise LangkahTidakSah("Triwulan ini sudah disetujui kepala perangkat daerah.")
        status.disetujui_kepala_pada = timezone.now()
        status.disetujui_kepala_oleh = cast("User", pengguna)

    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="setujui",
        boleh=boleh_setujui,
        dari=(Status.DIAJUKAN,),
        ke=None,
        catatan=None,
        ubah=catat_persetujuan,
    )


def kembalikan(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, catatan: str
) -> StatusTriwulan:
    """The verifikator returns the quarter to the agency with a note saying what to fix."""
    akses.wajib(boleh_verifikasi(pengguna, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    teks = _wajib_teks(catatan, "Catatan pengembalian wajib diisi.")
    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="kembalikan",
        boleh=boleh_verifikasi,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIKEMBALIKAN,
        catatan=teks,
        ubah=_hapus_persetujuan,
    )


def verifikasi(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, catatan: str = ""
) -> StatusTriwulan:
    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="verifikasi",
        boleh=boleh_verifikasi,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIVERIFIKASI,
        catatan=catatan.strip(),
    )


def kunci(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="kunci",
        boleh=boleh_verifikasi,
        dari=(Status.DIVERIFIKASI,),
        ke=Status.TERKUNCI,
        catatan=None,
    )


def buka(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, alasan: str
) -> StatusTriwulan:
    """Unlock a locked quarter back to the operator (dikembalikan) with a reason that stays in the audit."""
    akses.wajib(boleh_verifikasi(pengguna, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    teks = _wajib_teks(alasan, "Alasan membuka kunci wajib diisi.")
    return _langkah(
        pengguna,
        pd,
        tahun,
        triwulan,
        aksi="buka",
        boleh=boleh_verifikasi,
        dari=(Status.TERKUNCI,),
        ke=Status.DIKEMBALIKAN,
        catatan=teks,
        ubah=_hapus_persetujuan,
    )


LANGKAH = ("ajukan", "setujui", "kembalikan", "verifikasi", "kunci", "buka")


def jalankan(
    aksi: str, pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, catatan: str = ""
) -> StatusTriwulan:
    """Dispatch a step by name (for the API and the UI); the note goes where the step takes one."""
    if aksi == "ajukan":
        return ajukan(pengguna, pd, tahun, triwulan, catatan)
    if aksi == "setujui":
        return setujui(pengguna, pd, tahun, triwulan)
    if aksi == "kembalikan":
        return kembalikan(pengguna, pd, tahun, triwulan, catatan)
    if aksi == "verifikasi":
        return verifikasi(pengguna, pd, tahun, triwulan, catatan)
    if aksi == "kunci":
        return kunci(pengguna, pd, tahun, triwulan)
    if aksi == "buka":
        return buka(pengguna, pd, tahun, triwulan, catatan)
    raise IsianTidakSah(f"Langkah '{aksi}' tidak dikenal.")


def atur_periode(
    pengguna: Pengguna | None,
    pemda: Pemda,
    tahun: int,
    triwulan: int,
    dibuka: datetime.date,
    ditutup: datetime.date,
) -> PeriodeTriwulan:
    """The verifikator sets the quarter's entry window for all agencies of the pemda."""
    akses.wajib(_verifikator_pemda(pengguna, pemda.pk), "Peran Anda tidak berhak mengatur masa pengisian.")
    _sah_triwulan(tahun, triwulan)
    if dibuka > ditutup:
        raise IsianTidakSah("Tanggal dibuka tidak boleh setelah tanggal ditutup.")
    with transaction.atomic():
        periode, dibuat = PeriodeTriwulan.objects.select_for_update().get_or_create(
            pemda=pemda, tahun=tahun, triwulan=triwulan, defaults={"dibuka": dibuka, "ditutup": ditutup}
        )
        lama = None if dibuat else f"{periode.dibuka.isoformat()}/{periode.ditutup.isoformat()}"
        periode.dibuka, periode.ditutup = dibuka, ditutup
        periode.save()
        catat(
            pengguna,
            aksi="atur_periode",
            objek="periode",
            objek_id=periode.pk,
            perangkat_daerah=None,
            kolom="periode",
            lama=lama,
            baru=f"{dibuka.isoformat()}/{ditutup.isoformat()}",
        )
        return periode
