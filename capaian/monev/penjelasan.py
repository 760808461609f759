"""An explanation per galat: the operator explains one galat of the quarter's checks (one that cannot be
fixed because the data is right), the verifikator accepts or rejects it (with a reason), one by one. Only
accepted explanations let their galat stand at submission (capaian.monev.alur, `ajukan`).

The galat are named by their key "jenis|sel" (capaian.aturan.periksa_data.kunci_galat). Writing a new text
withdraws an earlier decision: the verifikator decided on the old words, not these. Both steps run while the
quarter is open (draft or returned), take the quarter's checks from the caller (as the workflow does:
capaian.laporan.pemeriksaan passes them) and refuse a galat the checks no longer find.

Each function is one transaction: lock the quarter's status row, check the role and the state, save, write
one audit event. Exceptions are the workflow's: akses.AksesDitolak, alur.LangkahTidakSah, alur.IsianTidakSah.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from capaian.aturan.periksa import Temuan
from capaian.aturan.periksa_data import kunci_galat
from capaian.audit.catat import catat
from capaian.monev import alur
from capaian.monev.models import KeadaanPenjelasan, PenjelasanGalat, StatusTriwulan
from capaian.monev.models_alur import PANJANG_KUNCI
from capaian.monev.transisi import Pemeriksa
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah

PANJANG_TEKS = 2000
KOLOM_AUDIT = 60  # AuditEvent.kolom


@dataclass(frozen=True)
class Ringkas:
    """The explanations of a quarter's current galat: how many wait, are accepted, rejected, missing."""

    menunggu: int = 0
    diterima: int = 0
    ditolak: int = 0
    belum: int = 0


def per_kunci(pd: PerangkatDaerah, tahun: int, triwulan: int) -> dict[str, PenjelasanGalat]:
    return {
        p.kunci: p
        for p in PenjelasanGalat.objects.filter(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        ).select_related("ditulis_oleh", "diputus_oleh")
    }


def ringkas(penjelasan: dict[str, PenjelasanGalat], temuan: Sequence[Temuan]) -> Ringkas:
    return ringkas_kunci(penjelasan, kunci_galat(temuan))


def ringkas_kunci(penjelasan: dict[str, PenjelasanGalat], kunci: Sequence[str]) -> Ringkas:
    """The explanations' states over these galat keys (a stored summary keeps the keys, not the findings)."""
    keadaan = [penjelasan[k].keadaan if k in penjelasan else "" for k in kunci]
    return Ringkas(
        menunggu=keadaan.count(KeadaanPenjelasan.MENUNGGU),
        diterima=keadaan.count(KeadaanPenjelasan.DITERIMA),
        ditolak=keadaan.count(KeadaanPenjelasan.DITOLAK),
        belum=keadaan.count(""),
    )


def _teks(isi: str, nama: str) -> str:
    teks = (isi or "").strip()
    if not teks:
        raise alur.IsianTidakSah(f"{nama} wajib diisi.")
    if len(teks) > PANJANG_TEKS:
        raise alur.IsianTidakSah(f"{nama} paling panjang {PANJANG_TEKS} karakter.")
    if "\x00" in teks:
        raise alur.IsianTidakSah(f"{nama} tidak boleh berisi karakter NUL.")
    return teks


def _status_terbuka(pd: PerangkatDaerah, tahun: int, triwulan: int) -> StatusTriwulan:
    StatusTriwulan.objects.get_or_create(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    status = StatusTriwulan.objects.select_for_update().get(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
    )
    if not status.boleh_diubah:
        raise alur.LangkahTidakSah(
            f"Penjelasan galat hanya dapat diubah selama triwulan berstatus Draf atau Dikembalikan; Triwulan "
            f"{triwulan} {tahun} berstatus {status.get_status_display()}."
        )
    return status


def _galat_ada(kunci: str, periksa: Pemeriksa) -> None:
    if kunci not in set(kunci_galat(periksa())):
        raise alur.LangkahTidakSah(
            "Galat ini tidak lagi ditemukan pemeriksaan data (mungkin sudah diperbaiki); muat ulang halaman "
            "Pemeriksaan data."
        )


def _kolom_audit(kunci: str) -> str:
    """The audit event's column: the galat's key as far as it fits (the event's object, the explanation,
    holds the whole key and its quarter)."""
    return kunci[:KOLOM_AUDIT]


def _oleh(pengguna: Pengguna | None) -> User | None:
    return cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None


def jelaskan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    kunci: str,
    teks: str,
    periksa: Pemeriksa,
) -> PenjelasanGalat:
    """The agency's operator writes (or rewrites) the explanation of one galat; it then waits for the
    verifikator's decision."""
    alur.sah_triwulan(tahun, triwulan)
    akses.wajib(
        pengguna is None or akses.boleh_isi_realisasi(pengguna, pd),
        "Hanya operator perangkat daerah ini yang dapat menjelaskan galat.",
    )
    teks = _teks(teks, "Penjelasan")
    if not kunci or len(kunci) > PANJANG_KUNCI:
        raise alur.IsianTidakSah("Galat yang dijelaskan tidak dikenal.")
    with transaction.atomic():
        _status_terbuka(pd, tahun, triwulan)  # locks the status row: the quarter stays open until saved
        _galat_ada(kunci, periksa)
        ada = (
            PenjelasanGalat.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, kunci=kunci)
            .first()
        )
        lama = ada.teks if ada is not None else None
        if ada is not None and ada.teks == teks and ada.keadaan != KeadaanPenjelasan.DITOLAK:
            return ada
        penjelasan, _ = PenjelasanGalat.objects.update_or_create(
            perangkat_daerah=pd,
            tahun=tahun,
            triwulan=triwulan,
            kunci=kunci,
            defaults={
                "teks": teks,
                "keadaan": KeadaanPenjelasan.MENUNGGU,
                "alasan_tolak": "",
                "ditulis_oleh": _oleh(pengguna),
                "ditulis_pada": timezone.now(),
                "diputus_oleh": None,
                "diputus_pada": None,
            },
        )
        catat(
            pengguna,
            aksi="penjelasan_galat",
            objek="penjelasan_galat",
            objek_id=penjelasan.pk,
            perangkat_daerah=pd,
            kolom=_kolom_audit(kunci),
            lama=lama,
            baru=teks,
        )
        return penjelasan


def putuskan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    kunci: str,
    terima: bool,
    alasan: str,
    periksa: Pemeriksa,
) -> PenjelasanGalat:
    """The verifikator accepts (`terima`) or rejects, with a reason, the explanation of one galat."""
    alur.sah_triwulan(tahun, triwulan)
    akses.wajib(
        pengguna is None or akses.boleh_verifikasi(pengguna, pd),
        "Hanya verifikator yang dapat menerima atau menolak penjelasan galat.",
    )
    alasan = "" if terima else _teks(alasan, "Alasan penolakan")
    with transaction.atomic():
        _status_terbuka(pd, tahun, triwulan)  # locks the status row: the quarter stays open until saved
        penjelasan = (
            PenjelasanGalat.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, kunci=kunci)
            .first()
        )
        if penjelasan is None:
            raise alur.LangkahTidakSah("Galat ini belum dijelaskan operator.")
        if penjelasan.keadaan != KeadaanPenjelasan.MENUNGGU:
            raise alur.LangkahTidakSah(
                f"Penjelasan ini sudah {penjelasan.get_keadaan_display().lower()}; keputusan baru menunggu "
                "penjelasan baru dari operator."
            )
        _galat_ada(kunci, periksa)
        penjelasan.keadaan = KeadaanPenjelasan.DITERIMA if terima else KeadaanPenjelasan.DITOLAK
        penjelasan.alasan_tolak = alasan
        penjelasan.diputus_oleh = _oleh(pengguna)
        penjelasan.diputus_pada = timezone.now()
        penjelasan.save()
        catat(
            pengguna,
            aksi="terima_penjelasan" if terima else "tolak_penjelasan",
            objek="penjelasan_galat",
            objek_id=penjelasan.pk,
            perangkat_daerah=pd,
            kolom=_kolom_audit(kunci),
            lama=KeadaanPenjelasan.MENUNGGU.value,
            baru=penjelasan.keadaan,
            alasan=alasan or None,
        )
        return penjelasan
