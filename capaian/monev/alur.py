"""The quarter workflow of one agency, as one table of steps (`LANGKAH`) and one function that runs a step.

    draft | dikembalikan --ajukan (operator)--> diajukan
    diajukan --setujui (kepala)--> diajukan, approved for signature
    diajukan --kembalikan (verifikator, note)--> dikembalikan
    diajukan --verifikasi (verifikator)--> diverifikasi
    diverifikasi --kunci (verifikator)--> terkunci
    terkunci --buka (verifikator, reason)--> dikembalikan
    draft | dikembalikan --penjelasan (operator, text)--> the galat explained
    draft | dikembalikan --terima (verifikator)--> the explanation accepted

The submission gate: `ajukan` runs the quarter's checks and refuses while any galat is not covered by an
explanation (`penjelasan`) that the verifikator accepted (`terima`) for exactly the galat present then. This
module does not know how the checks are made (they read the reports, a layer above): the caller passes a
function that returns them (`capaian.laporan.pemeriksaan.jalankan_langkah` does), and it runs inside the
step's transaction, after the status row is locked, so nothing changes between check and submission.

Each step is one transaction: lock the StatusTriwulan row, check the role (capaian.organisasi.akses), check
the state, apply the step's effect, save and write one AuditEvent. Exceptions: akses.AksesDitolak (not
allowed, HTTP 403), LangkahTidakSah (the step does not apply to the current status, HTTP 409), IsianTidakSah
(a missing or malformed input, HTTP 400).
"""

import datetime
from collections.abc import Sequence
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import galat, kunci_galat, sidik_galat
from capaian.audit.catat import catat
from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.monev.transisi import Catatan, KonteksLangkah, Langkah, Pemeriksa, PemeriksaIsian, Pengarsip
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Pemda, Peran, PerangkatDaerah


class LangkahTidakSah(Exception):
    """The step is not allowed from the quarter's current status."""


class IsianTidakSah(ValueError):
    """A required note is missing or an input is malformed; the message is meant for the user."""


def sah_triwulan(tahun: int, triwulan: int) -> None:
    if triwulan not in (1, 2, 3, 4):
        raise IsianTidakSah("Triwulan harus 1, 2, 3 atau 4.")
    if not 2000 <= tahun <= 2100:
        raise IsianTidakSah("Tahun tidak sah.")


def galat_baru(status: StatusTriwulan, temuan: Sequence[Temuan]) -> list[str]:
    """The galat keys not covered by an accepted explanation (all of them when none was accepted)."""
    return belum_diterima(status, kunci_galat(temuan))


def belum_diterima(status: StatusTriwulan, kunci: Sequence[str]) -> list[str]:
    """Of these galat keys, those not covered by an accepted explanation."""
    if status.penjelasan_diterima_pada is None:
        return list(kunci)
    diterima = set(status.penjelasan_galat_diterima or [])
    return [k for k in kunci if k not in diterima]


def pesan_gerbang(jumlah: int, baru: int) -> str:
    if baru < jumlah:
        awal = f"{baru} dari {jumlah} galat pemeriksaan muncul setelah penjelasan diterima."
    else:
        awal = f"Pemeriksaan data menemukan {jumlah} galat."
    return (
        f"Triwulan belum dapat diajukan: {awal} Perbaiki datanya, atau tulis penjelasan yang diterima "
        "verifikator, di halaman Pemeriksaan data."
    )


# --- the steps' effects ---------------------------------------------------------------------------------


def pesan_belum_diisi(baris: Sequence[str], triwulan: int) -> str:
    contoh = "; ".join(baris[:5]) + (f"; dan {len(baris) - 5} baris lainnya" if len(baris) > 5 else "")
    return (
        f"Triwulan belum dapat diajukan: {len(baris)} baris mempunyai target Triwulan {triwulan} tetapi "
        "belum "
        f"diisi ({contoh}). Isi nilainya (0 bila memang tidak ada realisasi; kosong bukan nol), atau tandai "
        "'belum ada data' dengan alasannya di layar isian."
    )


def _lengkap(status: StatusTriwulan, k: KonteksLangkah) -> None:
    """A complete quarter: every row with a target for it has its value or the "belum ada data" mark. No
    explanation covers a missing value: the mark, with its reason, is the operator's statement."""
    if k.periksa_isian is None:
        return  # a caller without the reports' data (none in the app: every door passes both checks)
    baris = k.belum_diisi()
    if baris:
        raise LangkahTidakSah(pesan_belum_diisi(baris, status.triwulan))


def _gerbang(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    _lengkap(status, k)
    temuan = k.temuan()
    baru = galat_baru(status, temuan)
    if baru:
        raise LangkahTidakSah(pesan_gerbang(len(galat(temuan)), len(baru)))
    return None


def _setujui(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    status.disetujui_kepala_pada = timezone.now()
    status.disetujui_kepala_oleh = cast("User", k.pengguna)
    return None


def _hapus_persetujuan(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # What the head approved is no longer what will be signed.
    status.disetujui_kepala_pada = None
    status.disetujui_kepala_oleh = None
    return None


def _kunci(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # The package is archived as it is now (nothing can change it since verification: capaian.monev.beku).
    k.arsipkan("kunci")
    return None


def _buka(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # The archive in force becomes history; a new lock makes a new one.
    k.arsipkan("buka")
    return _hapus_persetujuan(status, k)


def _jelaskan(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # A new text withdraws an earlier acceptance: the verifikator accepted the old words, not these.
    status.penjelasan_galat = k.catatan
    status.penjelasan_diterima_oleh = None
    status.penjelasan_diterima_pada = None
    status.penjelasan_galat_diterima = []
    status.penjelasan_sidik = ""
    return None


def _terima(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    temuan = k.temuan()
    status.penjelasan_diterima_oleh = cast("User", k.pengguna)
    status.penjelasan_diterima_pada = timezone.now()
    status.penjelasan_galat_diterima = kunci_galat(temuan)
    status.penjelasan_sidik = sidik_galat(temuan)
    return f"Diterima untuk {len(status.penjelasan_galat_diterima)} galat."


def _belum_disetujui(status: StatusTriwulan) -> str | None:
    return "Triwulan ini sudah disetujui kepala perangkat daerah." if status.disetujui_kepala_pada else None


def _penjelasan_menunggu(status: StatusTriwulan) -> str | None:
    if not status.penjelasan_galat.strip():
        return "Belum ada penjelasan dari operator untuk diterima."
    if status.penjelasan_diterima_pada is not None:
        return "Penjelasan ini sudah diterima."
    return None


# --- the table ------------------------------------------------------------------------------------------

TERBUKA = (Status.DRAFT, Status.DIKEMBALIKAN)

LANGKAH: tuple[Langkah, ...] = (
    Langkah(
        aksi="ajukan",
        label="Ajukan ke verifikator",
        berhasil="Triwulan telah diajukan ke verifikator.",
        uraian="Operator mengajukan triwulan untuk diverifikasi. Ditolak selama ada baris bertarget triwulan "
        "ini yang belum diisi dan tidak ditandai 'belum ada data' dengan alasan, atau pemeriksaan data "
        "menemukan galat yang belum dijelaskan dan diterima verifikator.",
        peran=Peran.OPERATOR,
        dari=TERBUKA,
        ke=Status.DIAJUKAN,
        catatan=Catatan.OPSIONAL,
        label_catatan="Catatan (opsional)",
        gerbang=True,
        ubah=_gerbang,
    ),
    Langkah(
        aksi="setujui",
        label="Setujui (kepala perangkat daerah)",
        berhasil="Triwulan telah disetujui kepala perangkat daerah.",
        uraian="Kepala perangkat daerah menyetujui triwulan yang diajukan untuk ditandatangani; "
        "status tetap.",
        peran=Peran.KEPALA,
        dari=(Status.DIAJUKAN,),
        ke=None,
        syarat=_belum_disetujui,
        ubah=_setujui,
    ),
    Langkah(
        aksi="kembalikan",
        label="Kembalikan dengan catatan",
        berhasil="Triwulan telah dikembalikan ke perangkat daerah.",
        uraian="Verifikator mengembalikan triwulan ke perangkat daerah dengan catatan perbaikan.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIKEMBALIKAN,
        catatan=Catatan.WAJIB,
        label_catatan="Catatan untuk perangkat daerah (wajib)",
        catatan_wajib="Catatan pengembalian wajib diisi.",
        ubah=_hapus_persetujuan,
    ),
    Langkah(
        aksi="verifikasi",
        label="Verifikasi",
        berhasil="Triwulan telah diverifikasi.",
        uraian="Verifikator menyatakan triwulan yang diajukan telah diverifikasi.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIVERIFIKASI,
        catatan=Catatan.OPSIONAL,
        label_catatan="Catatan (opsional)",
    ),
    Langkah(
        aksi="kunci",
        label="Kunci",
        berhasil="Triwulan telah dikunci.",
        uraian="Verifikator mengunci triwulan yang telah diverifikasi; sejak itu tidak ada yang dapat "
        "diubah. Paket laporan (semua dokumen dan e81.json) diarsipkan dengan SHA-256-nya dan diunduh "
        "persis seperti saat dikunci.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIVERIFIKASI,),
        ke=Status.TERKUNCI,
        ubah=_kunci,
    ),
    Langkah(
        aksi="buka",
        label="Buka kunci",
        berhasil="Kunci triwulan telah dibuka.",
        uraian="Verifikator membuka kunci triwulan dengan alasan; triwulan kembali ke perangkat daerah.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.TERKUNCI,),
        ke=Status.DIKEMBALIKAN,
        catatan=Catatan.WAJIB,
        label_catatan="Alasan membuka kunci (wajib)",
        catatan_wajib="Alasan membuka kunci wajib diisi.",
        ubah=_buka,
    ),
    Langkah(
        aksi="penjelasan",
        label="Simpan penjelasan galat",
        berhasil="Penjelasan tersimpan; menunggu diterima verifikator.",
        uraian="Operator menjelaskan galat yang ditemukan pemeriksaan data. Penjelasan baru membatalkan "
        "penerimaan sebelumnya.",
        peran=Peran.OPERATOR,
        dari=TERBUKA,
        ke=None,
        catatan=Catatan.WAJIB,
        label_catatan="Penjelasan galat (wajib)",
        catatan_wajib="Penjelasan wajib diisi.",
        ubah=_jelaskan,
        kolom_audit="penjelasan_galat",
    ),
    Langkah(
        aksi="terima",
        label="Terima penjelasan",
        berhasil="Penjelasan diterima.",
        uraian="Verifikator menerima penjelasan operator untuk galat yang ada saat ini; galat baru "
        "sesudahnya "
        "kembali menghalangi pengajuan.",
        peran=Peran.VERIFIKATOR,
        dari=TERBUKA,
        ke=None,
        gerbang=True,
        syarat=_penjelasan_menunggu,
        ubah=_terima,
        kolom_audit="penjelasan_galat",
    ),
)

MENURUT_AKSI: dict[str, Langkah] = {langkah.aksi: langkah for langkah in LANGKAH}


def langkah(aksi: str) -> Langkah:
    try:
        return MENURUT_AKSI[aksi]
    except KeyError:
        raise IsianTidakSah(f"Langkah '{aksi}' tidak dikenal.") from None


def boleh(pengguna: Pengguna | None, lk: Langkah, pd: PerangkatDaerah) -> bool:
    return akses.berperan(pengguna, lk.peran, pd)


def tersedia(pengguna: Pengguna | None, pd: PerangkatDaerah, status: StatusTriwulan) -> list[Langkah]:
    """The steps this user may take now on this quarter (the buttons, the API's `langkah`)."""
    s = Status(status.status)
    return [
        lk
        for lk in LANGKAH
        if s in lk.dari and boleh(pengguna, lk, pd) and (lk.syarat is None or lk.syarat(status) is None)
    ]


def jalankan(
    aksi: str,
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    catatan: str = "",
    periksa: Pemeriksa | None = None,
    arsip: Pengarsip | None = None,
    periksa_isian: PemeriksaIsian | None = None,
) -> StatusTriwulan:
    """Run one step of the table on the agency's quarter; `periksa` gives the checks for gated steps,
    `arsip` the package archive for locking and unlocking, `periksa_isian` the rows that keep the quarter
    incomplete (for ajukan)."""
    lk = langkah(aksi)
    sah_triwulan(tahun, triwulan)
    akses.wajib(boleh(pengguna, lk, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    teks = (catatan or "").strip()
    if lk.catatan is Catatan.WAJIB and not teks:
        raise IsianTidakSah(lk.catatan_wajib or "Catatan wajib diisi.")
    if lk.catatan is Catatan.TIDAK:
        teks = ""
    with transaction.atomic():
        StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        status = StatusTriwulan.objects.select_for_update().get(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        lama = Status(status.status)
        if lama not in lk.dari:
            raise LangkahTidakSah(
                f"Langkah '{lk.aksi}' tidak dapat dilakukan: Triwulan {triwulan} {tahun} "
                f"berstatus {lama.label}."
            )
        if lk.syarat is not None and (alasan_tolak := lk.syarat(status)) is not None:
            raise LangkahTidakSah(alasan_tolak)
        penjelasan_lama = status.penjelasan_galat
        konteks = KonteksLangkah(pengguna, teks, periksa, arsip=arsip, periksa_isian=periksa_isian)
        alasan = lk.ubah(status, konteks) if lk.ubah else None
        if lk.ke is not None:
            status.status = lk.ke
        if lk.kolom_audit == "status" and lk.catatan is not Catatan.TIDAK:
            status.catatan = teks
        status.save()
        sebelum: str | None
        if lk.kolom_audit == "status":
            sebelum, sesudah, alasan = lama.value, status.status, teks or None
        else:
            sebelum, sesudah = penjelasan_lama or None, status.penjelasan_galat
        catat(
            pengguna,
            aksi=lk.aksi,
            objek="triwulan",
            objek_id=status.pk,
            perangkat_daerah=pd,
            kolom=lk.kolom_audit,
            lama=sebelum,
            baru=sesudah,
            alasan=alasan,
        )
        return status


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
    akses.wajib(
        akses.boleh_atur_periode(pengguna, pemda.pk), "Peran Anda tidak berhak mengatur masa pengisian."
    )
    sah_triwulan(tahun, triwulan)
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
