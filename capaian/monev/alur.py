"""The quarter workflow of one agency: draft -> diajukan -> diverifikasi -> terkunci, with returns.

    draft | dikembalikan --ajukan (operator)--> diajukan
    diajukan --setujui (kepala)--> diajukan, approved for signature
    diajukan --kembalikan (verifikator, note)--> dikembalikan
    diajukan --verifikasi (verifikator)--> diverifikasi
    diverifikasi --kunci (verifikator)--> terkunci
    terkunci --buka (verifikator, reason)--> dikembalikan

The submission gate: ajukan runs the data checks (capaian.aturan.periksa_data) and the cross-document checks
(capaian.laporan.konsistensi) on the quarter; any galat blocks it (LangkahTidakSah naming the count and the
checks page) unless the operator has written an explanation (ajukan_penjelasan) that the verifikator has
accepted (terima_penjelasan) and no galat has appeared since the acceptance.

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

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import galat, kunci_galat, periksa_data, sidik_galat
from capaian.audit.catat import catat
from capaian.laporan.konsistensi import periksa_konsistensi
from capaian.laporan.sumber import muat_data
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


def boleh_atur_periode(pengguna: Pengguna | None, pemda_id: int) -> bool:
    p = akses.profil(pengguna)
    return p is not None and p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) and p.pemda_id == pemda_id


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


def periksa_triwulan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> list[Temuan]:
    """All findings of the quarter: the agency's data checks, then the cross-document checks."""
    data = muat_data(pd, tahun, triwulan)
    return periksa_data(data.baris, triwulan, data.set_predikat) + periksa_konsistensi(data)


def galat_baru(status: StatusTriwulan, temuan: list[Temuan]) -> list[str]:
    """The galat keys not covered by an accepted explanation (all of them when none was accepted)."""
    kunci = kunci_galat(temuan)
    if status.penjelasan_diterima_pada is None:
        return kunci
    diterima = set(status.penjelasan_galat_diterima or [])
    return [k for k in kunci if k not in diterima]


def ringkasan_periksa(
    pd: PerangkatDaerah, tahun: int, triwulan: int, status: StatusTriwulan
) -> dict[str, object]:
    """Counts for the entry screen: galat, peringatan, and galat not covered by an accepted explanation."""
    temuan = periksa_triwulan(pd, tahun, triwulan)
    return {
        "galat": sum(1 for t in temuan if t.tingkat == "galat"),
        "peringatan": sum(1 for t in temuan if t.tingkat != "galat"),
        "belum_dijelaskan": len(galat_baru(status, temuan)),
        "diterima": status.penjelasan_diterima_pada is not None,
    }


def pesan_gerbang(pd: PerangkatDaerah, tahun: int, triwulan: int, jumlah: int, baru: int) -> str:
    from django.urls import reverse

    halaman = reverse("periksa", args=[pd.slug, tahun, triwulan])
    if baru < jumlah:
        awal = f"{baru} dari {jumlah} galat pemeriksaan muncul setelah penjelasan diterima."
    else:
        awal = f"Pemeriksaan data menemukan {jumlah} galat."
    return (
        f"Triwulan belum dapat diajukan: {awal} Perbaiki datanya, atau tulis penjelasan yang diterima "
        f"verifikator, di halaman pemeriksaan ({halaman})."
    )


def ajukan(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, catatan: str = ""
) -> StatusTriwulan:
    """The agency's operator submits the quarter for verification, if the checks find no unexplained galat."""

    def gerbang(status: StatusTriwulan) -> None:
        temuan = periksa_triwulan(pd, tahun, triwulan)
        baru = galat_baru(status, temuan)
        if baru:
            raise LangkahTidakSah(pesan_gerbang(pd, tahun, triwulan, len(galat(temuan)), len(baru)))

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
        ubah=gerbang,
    )


def _penjelasan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    *,
    aksi: str,
    boleh: Callable[[Pengguna | None, PerangkatDaerah], bool],
    ubah: Callable[[StatusTriwulan], str | None],
) -> StatusTriwulan:
    """The frame of the explanation steps: only before submission; audited on column penjelasan_galat."""
    _sah_triwulan(tahun, triwulan)
    akses.wajib(boleh(pengguna, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    with transaction.atomic():
        StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        status = StatusTriwulan.objects.select_for_update().get(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        if status.status not in (Status.DRAFT, Status.DIKEMBALIKAN):
            raise LangkahTidakSah(
                f"Langkah '{aksi}' tidak dapat dilakukan: Triwulan {triwulan} {tahun} berstatus "
                f"{Status(status.status).label}."
            )
        lama = status.penjelasan_galat
        baru = ubah(status)
        status.save()
        catat(
            pengguna,
            aksi=aksi,
            objek="triwulan",
            objek_id=status.pk,
            perangkat_daerah=pd,
            kolom="penjelasan_galat",
            lama=lama or None,
            baru=status.penjelasan_galat,
            alasan=baru,
        )
        return status


def ajukan_penjelasan(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, penjelasan: str
) -> StatusTriwulan:
    """The operator explains the galat the checks find; a new text withdraws an earlier acceptance."""
    teks = _wajib_teks(penjelasan, "Penjelasan wajib diisi.")

    def ubah(status: StatusTriwulan) -> str | None:
        status.penjelasan_galat = teks
        status.penjelasan_diterima_oleh = None
        status.penjelasan_diterima_pada = None
        status.penjelasan_galat_diterima = []
        status.penjelasan_sidik = ""
        return None

    return _penjelasan(pengguna, pd, tahun, triwulan, aksi="ajukan_penjelasan", boleh=boleh_ajukan, ubah=ubah)


def terima_penjelasan(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int
) -> StatusTriwulan:
    """The verifikator accepts the explanation for the galat present now (their keys are stored)."""

    def ubah(status: StatusTriwulan) -> str | None:
        if not status.penjelasan_galat.strip():
            raise LangkahTidakSah("Belum ada penjelasan dari operator untuk diterima.")
        if status.penjelasan_diterima_pada is not None:
            raise LangkahTidakSah("Penjelasan ini sudah diterima.")
        temuan = periksa_triwulan(pd, tahun, triwulan)
        status.penjelasan_diterima_oleh = cast("User", pengguna)
        status.penjelasan_diterima_pada = timezone.now()
        status.penjelasan_galat_diterima = kunci_galat(temuan)
        status.penjelasan_sidik = sidik_galat(temuan)
        jumlah = len(status.penjelasan_galat_diterima)
        return f"Diterima untuk {jumlah} galat (sidik {status.penjelasan_sidik[:12]})."

    return _penjelasan(
        pengguna, pd, tahun, triwulan, aksi="terima_penjelasan", boleh=boleh_verifikasi, ubah=ubah
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
    """The verifikator (who opens and closes periods) or the pemda's admin (who keeps the calendar) sets the
    quarter's entry window for all agencies of the pemda."""
    akses.wajib(boleh_atur_periode(pengguna, pemda.pk), "Peran Anda tidak berhak mengatur masa pengisian.")
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
