"""The quarter workflow of one agency, as one table of steps (`LANGKAH`) and one function that runs a step.

    draft | dikembalikan --ajukan (operator)--> diajukan
    diajukan | diverifikasi --setujui (kepala)--> the same, approved for signature
    diajukan --kembalikan_kepala (kepala, note)--> dikembalikan
    diajukan --kembalikan (verifikator, note, comments per row)--> dikembalikan
    diajukan, approved --verifikasi (verifikator)--> diverifikasi
    diverifikasi, approved --kunci (verifikator)--> terkunci
    terkunci --buka (verifikator, reason)--> dikembalikan

The head's approval: where the pemda requires it (Pemda.persetujuan_kepala, the default), a submitted
quarter reaches the verifikator only once the agency head approved it: `verifikasi` and `kunci` refuse it
before, and the head may return it to the operator with a note instead.

The submission gate: `ajukan` runs the quarter's checks and refuses while any galat is not covered by an
explanation the verifikator accepted, one per galat (capaian.monev.penjelasan). This module does not know
how the checks are made (they read the reports, a layer above): the caller passes a function that returns
them (`capaian.laporan.pemeriksaan.jalankan_langkah` does), and it runs inside the step's transaction, after
the status row is locked, so nothing changes between check and submission.

Each step is one transaction: lock the StatusTriwulan row, check the role (capaian.organisasi.akses), check
the state, apply the step's effect, save and write one AuditEvent. Exceptions: akses.AksesDitolak (not
allowed, HTTP 403), LangkahTidakSah (the step does not apply to the current status, HTTP 409), IsianTidakSah
(a missing or malformed input, HTTP 400).
"""

import datetime
from collections.abc import Mapping, Sequence
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import galat, kunci_galat
from capaian.aturan.teks import bersihkan_teks
from capaian.audit.catat import catat
from capaian.monev.models import (
    KeadaanPenjelasan,
    KomentarBaris,
    PenjelasanGalat,
    PeriodeTriwulan,
    Status,
    StatusTriwulan,
)
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


def penjelasan_diterima(pd_id: int, tahun: int, triwulan: int) -> set[str]:
    """The galat keys of the quarter whose explanation the verifikator accepted."""
    return set(
        PenjelasanGalat.objects.filter(
            perangkat_daerah_id=pd_id, tahun=tahun, triwulan=triwulan, keadaan=KeadaanPenjelasan.DITERIMA
        ).values_list("kunci", flat=True)
    )


def galat_baru(status: StatusTriwulan, temuan: Sequence[Temuan]) -> list[str]:
    """The galat keys not covered by an accepted explanation of that galat."""
    return belum_diterima(status, kunci_galat(temuan))


def belum_diterima(status: StatusTriwulan, kunci: Sequence[str]) -> list[str]:
    """Of these galat keys, those not covered by an accepted explanation of that galat."""
    if not kunci:
        return []
    diterima = penjelasan_diterima(status.perangkat_daerah_id, status.tahun, status.triwulan)
    return [k for k in kunci if k not in diterima]


def wajib_persetujuan_kepala(pd: PerangkatDaerah) -> bool:
    """Whether the agency's pemda requires the head's approval before the verifikator's steps."""
    return bool(pd.pemda.persetujuan_kepala)


def pesan_gerbang(jumlah: int, baru: int) -> str:
    if baru < jumlah:
        awal = f"{baru} dari {jumlah} galat pemeriksaan belum mempunyai penjelasan yang diterima verifikator."
    else:
        awal = f"Pemeriksaan data menemukan {jumlah} galat."
    return (
        f"Triwulan belum dapat diajukan: {awal} Perbaiki datanya, atau tulis penjelasan untuk setiap galat "
        "itu, yang diterima verifikator, di halaman Pemeriksaan data."
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


def _kembalikan_kepala(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    status.dikembalikan_oleh = cast("User | None", k.pengguna)
    return _hapus_persetujuan(status, k)


PANJANG_KOMENTAR = 2000


def teks_komentar(komentar: Mapping[int, str]) -> dict[int, str]:
    """The non-empty comments per indicator id, checked (raises IsianTidakSah with the message)."""
    hasil: dict[int, str] = {}
    for indikator_id, isi in komentar.items():
        teks = (isi or "").strip()
        if not teks:
            continue
        if len(teks) > PANJANG_KOMENTAR:
            raise IsianTidakSah(f"Komentar baris paling panjang {PANJANG_KOMENTAR} karakter.")
        if "\x00" in teks:
            raise IsianTidakSah("Komentar baris tidak boleh berisi karakter NUL.")
        hasil[int(indikator_id)] = teks
    return hasil


def _kembalikan(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    """The verifikator's return: the note, and a comment per row where given. The comments of an earlier
    return become history (the operator sees the latest return's)."""
    from capaian.perencanaan.models import Indikator

    komentar = teks_komentar(k.komentar)
    pd_id = status.perangkat_daerah_id
    milik = set(
        Indikator.objects.filter(perangkat_daerah_id=pd_id, pk__in=list(komentar)).values_list(
            "pk", flat=True
        )
    )
    if set(komentar) - milik:
        raise IsianTidakSah("Komentar untuk baris yang bukan milik perangkat daerah ini.")
    KomentarBaris.objects.filter(
        perangkat_daerah_id=pd_id, tahun=status.tahun, triwulan=status.triwulan, aktif=True
    ).update(aktif=False)
    pada = timezone.now()
    oleh = cast("User | None", k.pengguna if k.pengguna is not None and k.pengguna.is_authenticated else None)
    for indikator_id, teks in komentar.items():
        baris = KomentarBaris.objects.create(
            perangkat_daerah_id=pd_id,
            tahun=status.tahun,
            triwulan=status.triwulan,
            indikator_id=indikator_id,
            teks=teks,
            oleh=oleh,
            pada=pada,
        )
        catat(
            k.pengguna,
            aksi="komentar_baris",
            objek="komentar_baris",
            objek_id=baris.pk,
            perangkat_daerah=status.perangkat_daerah,
            kolom=f"indikator {indikator_id} TW {status.triwulan} {status.tahun}",
            baru=teks,
        )
    status.dikembalikan_oleh = oleh
    return _hapus_persetujuan(status, k)


def _kunci(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # The package is archived as it is now (nothing can change it since verification: capaian.monev.beku).
    k.arsipkan("kunci")
    return None


def _buka(status: StatusTriwulan, k: KonteksLangkah) -> str | None:
    # The archive in force becomes history; a new lock makes a new one.
    k.arsipkan("buka")
    status.dikembalikan_oleh = cast("User | None", k.pengguna)
    return _hapus_persetujuan(status, k)


def _belum_disetujui(status: StatusTriwulan) -> str | None:
    return "Triwulan ini sudah disetujui kepala perangkat daerah." if status.disetujui_kepala_pada else None


def _disetujui_kepala(status: StatusTriwulan) -> str | None:
    """Where the pemda requires it, the verifikator's steps wait for the head's approval."""
    if status.disetujui_kepala_pada is not None or not wajib_persetujuan_kepala(status.perangkat_daerah):
        return None
    return (
        f"Triwulan {status.triwulan} {status.tahun} belum disetujui kepala perangkat daerah; verifikasi dan "
        "penguncian menunggu persetujuannya."
    )


# --- the table ------------------------------------------------------------------------------------------

TERBUKA = (Status.DRAFT, Status.DIKEMBALIKAN)

LANGKAH: tuple[Langkah, ...] = (
    Langkah(
        aksi="ajukan",
        label="Ajukan ke verifikator",
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah diajukan ke verifikator.",
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
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah disetujui kepala perangkat daerah.",
        uraian="Kepala perangkat daerah menyetujui triwulan yang diajukan untuk ditandatangani; "
        "status tetap. Juga triwulan yang sudah diverifikasi tanpa persetujuan (ketika pemda belum "
        "mewajibkannya), agar dapat dikunci.",
        peran=Peran.KEPALA,
        dari=(Status.DIAJUKAN, Status.DIVERIFIKASI),
        ke=None,
        syarat=_belum_disetujui,
        ubah=_setujui,
    ),
    Langkah(
        aksi="kembalikan_kepala",
        label="Kembalikan ke operator",
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah dikembalikan ke operator.",
        uraian="Kepala perangkat daerah mengembalikan triwulan yang diajukan ke operator dengan catatan, "
        "sebelum diverifikasi; persetujuannya (bila ada) dibatalkan.",
        peran=Peran.KEPALA,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIKEMBALIKAN,
        catatan=Catatan.WAJIB,
        label_catatan="Catatan untuk operator (wajib)",
        catatan_wajib="Catatan untuk operator wajib diisi.",
        ubah=_kembalikan_kepala,
    ),
    Langkah(
        aksi="kembalikan",
        label="Kembalikan dengan catatan",
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah dikembalikan ke perangkat daerah.",
        uraian="Verifikator mengembalikan triwulan ke perangkat daerah dengan catatan perbaikan.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIKEMBALIKAN,
        catatan=Catatan.WAJIB,
        label_catatan="Catatan untuk perangkat daerah (wajib)",
        catatan_wajib="Catatan pengembalian wajib diisi.",
        ubah=_kembalikan,
    ),
    Langkah(
        aksi="verifikasi",
        label="Verifikasi",
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah diverifikasi.",
        uraian="Verifikator menyatakan triwulan yang diajukan telah diverifikasi. Bila pemda mewajibkan "
        "persetujuan kepala perangkat daerah, ditolak sebelum kepala menyetujuinya.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIAJUKAN,),
        ke=Status.DIVERIFIKASI,
        catatan=Catatan.OPSIONAL,
        label_catatan="Catatan (opsional)",
        syarat=_disetujui_kepala,
    ),
    Langkah(
        aksi="kunci",
        label="Kunci",
        berhasil="{pd}: Triwulan {triwulan} Tahun {tahun} telah dikunci.",
        uraian="Verifikator mengunci triwulan yang telah diverifikasi; sejak itu tidak ada yang dapat "
        "diubah. Paket laporan (semua dokumen dan e81.json) diarsipkan dengan SHA-256-nya dan diunduh "
        "persis seperti saat dikunci. Bila pemda mewajibkan persetujuan kepala, ditolak tanpanya.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.DIVERIFIKASI,),
        ke=Status.TERKUNCI,
        syarat=_disetujui_kepala,
        ubah=_kunci,
    ),
    Langkah(
        aksi="buka",
        label="Buka kunci",
        berhasil="{pd}: kunci Triwulan {triwulan} Tahun {tahun} telah dibuka.",
        uraian="Verifikator membuka kunci triwulan dengan alasan; triwulan kembali ke perangkat daerah.",
        peran=Peran.VERIFIKATOR,
        dari=(Status.TERKUNCI,),
        ke=Status.DIKEMBALIKAN,
        catatan=Catatan.WAJIB,
        label_catatan="Alasan membuka kunci (wajib)",
        catatan_wajib="Alasan membuka kunci wajib diisi.",
        ubah=_buka,
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
    status.perangkat_daerah = pd  # the pemda's setting is read from the agency the caller has
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
    komentar: Mapping[int, str] | None = None,
) -> StatusTriwulan:
    """Run one step of the table on the agency's quarter; `periksa` gives the checks for gated steps,
    `arsip` the package archive for locking and unlocking, `periksa_isian` the rows that keep the quarter
    incomplete (for ajukan), `komentar` the verifikator's comments per row (indicator id) when returning."""
    lk = langkah(aksi)
    sah_triwulan(tahun, triwulan)
    akses.wajib(boleh(pengguna, lk, pd), "Peran Anda tidak berhak melakukan langkah ini.")
    teks = bersihkan_teks(catatan or "").strip()
    if lk.catatan is Catatan.WAJIB and not teks:
        raise IsianTidakSah(lk.catatan_wajib or "Catatan wajib diisi.")
    if lk.catatan is Catatan.TIDAK:
        teks = ""
    if komentar and lk.aksi != "kembalikan":
        raise IsianTidakSah("Komentar per baris hanya ditulis verifikator saat mengembalikan triwulan.")
    with transaction.atomic():
        StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        status = StatusTriwulan.objects.select_for_update().get(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        status.perangkat_daerah = pd
        lama = Status(status.status)
        if lama not in lk.dari:
            raise LangkahTidakSah(
                f"Langkah '{lk.aksi}' tidak dapat dilakukan: Triwulan {triwulan} {tahun} "
                f"berstatus {lama.label}."
            )
        if lk.syarat is not None and (alasan_tolak := lk.syarat(status)) is not None:
            raise LangkahTidakSah(alasan_tolak)
        konteks = KonteksLangkah(
            pengguna, teks, periksa, arsip=arsip, periksa_isian=periksa_isian, komentar=komentar or {}
        )
        if lk.ubah is not None:
            lk.ubah(status, konteks)
        if lk.ke is not None:
            status.status = lk.ke
        if lk.catatan is not Catatan.TIDAK:
            status.catatan = teks
        status.save()
        catat(
            pengguna,
            aksi=lk.aksi,
            objek="triwulan",
            objek_id=status.pk,
            perangkat_daerah=pd,
            kolom="status",
            lama=lama.value,
            baru=status.status,
            alasan=teks or None,
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
