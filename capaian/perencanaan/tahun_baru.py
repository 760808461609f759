"""The next year: "Mulai tahun N+1" and the correction of a derived column 6.

Capaian's plan (elements, indicators with their settings and formulas, the Renstra targets of column 5) is
not tied to a year: the same rows serve every year of the Renstra period, so starting year N+1 "copies" the
plan by opening the year for it. What is per year is written here: one annual target row (TargetTahunan) per
indicator for N+1, its column 7 taken from the Renstra's target for N+1 (TargetRenstraTahunan) where there is
one, blank otherwise; column 6 left blank because it is derived from year N (capaian.aturan.kolom6); no
quarterly target and no realisation. Nothing of year N is written. Every function is one transaction that
checks permission and state and writes the audit trail.
"""

from decimal import Decimal
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction

from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.hasil import simpan as hasil
from capaian.monev import beku
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import (
    Indikator,
    KoreksiKolom6,
    PeriodeRenstra,
    TahunRenja,
    TargetRenstraTahunan,
    TargetTahunan,
)


class TahunTidakSah(ValueError):
    """The year cannot be started or changed so; the message is for the user."""


def _wajib(pengguna: Pengguna | None, pd: PerangkatDaerah) -> None:
    akses.wajib(
        akses.boleh_ubah_rencana(pengguna, pd), "Anda tidak berhak mengubah rencana perangkat daerah ini."
    )


def _oleh(pengguna: Pengguna | None) -> User | None:
    return cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None


def tahun_tersimpan(pd: PerangkatDaerah) -> list[int]:
    """The Renja years an agency has in Capaian (any annual target row), ascending."""
    return sorted(
        set(TargetTahunan.objects.filter(indikator__perangkat_daerah=pd).values_list("tahun", flat=True))
    )


def boleh_mulai(pd: PerangkatDaerah, tahun: int) -> str | None:
    """Why year `tahun` cannot be started now, or None when it can."""
    ada = tahun_tersimpan(pd)
    if tahun in ada or TahunRenja.objects.filter(perangkat_daerah=pd, tahun=tahun).exists():
        return f"Tahun {tahun} sudah dimulai untuk perangkat daerah ini."
    if tahun - 1 not in ada:
        return f"Tahun {tahun - 1} belum ada; tahun baru dimulai dari tahun sebelumnya."
    periode = list(PeriodeRenstra.objects.filter(perangkat_daerah=pd))
    if periode and not any(p.tahun_awal <= tahun <= p.tahun_akhir for p in periode):
        return f"Tahun {tahun} di luar periode Renstra; susun Renstra periode berikutnya lebih dahulu."
    return None


def mulai_tahun(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int) -> TahunRenja:
    """Start Renja year `tahun` (N+1) of `pd` from year `tahun - 1` (N). Returns the year's record."""
    _wajib(pengguna, pd)
    with transaction.atomic():
        # Serialise two starts of the same agency: the agency row is the lock.
        PerangkatDaerah.objects.select_for_update().get(pk=pd.pk)
        alasan = boleh_mulai(pd, tahun)
        if alasan is not None:
            raise TahunTidakSah(alasan)
        indikator = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
        renstra = {
            t.indikator_id: t
            for t in TargetRenstraTahunan.objects.filter(indikator__in=indikator, tahun=tahun)
        }
        baru = []
        for ind in indikator:
            r = renstra.get(ind.pk)
            baru.append(
                TargetTahunan(
                    indikator=ind, tahun=tahun, target_k=r.k if r else None, target_rp=r.rp if r else None
                )
            )
        TargetTahunan.objects.bulk_create(baru)
        dibuat = TahunRenja.objects.create(
            perangkat_daerah=pd,
            tahun=tahun,
            dari_tahun=tahun - 1,
            dimulai_oleh=_oleh(pengguna),
        )
        catat(
            pengguna,
            aksi="mulai_tahun",
            objek="tahun_renja",
            objek_id=dibuat.pk,
            perangkat_daerah=pd,
            baru=f"{tahun} dari {tahun - 1}: {len(baru)} indikator, {len(renstra)} target dari Renstra",
        )
        for t in TargetTahunan.objects.filter(indikator__in=indikator, tahun=tahun):
            r = renstra.get(t.indikator_id)
            if r is None:
                continue
            for kolom, nilai in (("target_k", r.k), ("target_rp", r.rp)):
                if nilai is not None:
                    catat(
                        pengguna,
                        aksi="buat",
                        objek="target_tahunan",
                        objek_id=t.pk,
                        perangkat_daerah=pd,
                        kolom=f"{kolom} {tahun}",
                        baru=_teks(nilai),
                        alasan=f"Mulai tahun {tahun}: target Renstra tahun {tahun}",
                    )
        hasil.simpan(beku.target(pd, tahun))
        return dibuat


def _terkunci(pd: PerangkatDaerah, tahun: int) -> bool:
    return StatusTriwulan.objects.filter(
        perangkat_daerah=pd, tahun=tahun, status__in=(Status.DIVERIFIKASI, Status.TERKUNCI)
    ).exists()


def koreksi_kolom_6(
    pengguna: Pengguna | None,
    indikator: Indikator,
    tahun: int,
    k: Decimal | None,
    rp: int | None,
    alasan: str,
) -> KoreksiKolom6 | None:
    """Override the derived column 6 of one indicator and year (K, Rp or both), with a reason. Both blank
    removes the correction, so column 6 is derived again. Returns the correction, None when removed."""
    pd = indikator.perangkat_daerah
    _wajib(pengguna, pd)
    alasan = (alasan or "").strip()
    if not alasan:
        raise TahunTidakSah("Alasan koreksi kolom 6 wajib diisi.")
    with transaction.atomic(), hasil.sekaligus():
        # Stored when the block ends, whichever way it returns (nothing when it raises).
        hasil.simpan(beku.target(pd, tahun))
        Indikator.objects.select_for_update().get(pk=indikator.pk)
        if not TargetTahunan.objects.filter(indikator=indikator, tahun=tahun - 1).exists():
            raise TahunTidakSah(
                f"Tahun {tahun - 1} tidak tersimpan: kolom 6 tahun {tahun} diisi langsung, bukan dikoreksi."
            )
        if _terkunci(pd, tahun):
            raise TahunTidakSah(
                f"Ada triwulan {tahun} yang sudah diverifikasi atau dikunci; buka kuncinya dahulu."
            )
        lama = KoreksiKolom6.objects.filter(indikator=indikator, tahun=tahun).first()
        lama_teks = None if lama is None else f"K {_teks(lama.k)}; Rp {_teks(lama.rp)}"
        if k is None and rp is None:
            if lama is None:
                return None
            lama.delete()
            catat(
                pengguna,
                aksi="hapus",
                objek="koreksi_kolom_6",
                objek_id=indikator.pk,
                perangkat_daerah=pd,
                kolom=f"kolom 6 {tahun}",
                lama=lama_teks,
                alasan=alasan,
            )
            return None
        oleh = _oleh(pengguna)
        koreksi, _ = KoreksiKolom6.objects.update_or_create(
            indikator=indikator,
            tahun=tahun,
            defaults={"k": k, "rp": rp, "alasan": alasan, "diubah_oleh": oleh},
        )
        catat(
            pengguna,
            aksi="ubah" if lama else "buat",
            objek="koreksi_kolom_6",
            objek_id=indikator.pk,
            perangkat_daerah=pd,
            kolom=f"kolom 6 {tahun}",
            lama=lama_teks,
            baru=f"K {_teks(k)}; Rp {_teks(rp)}",
            alasan=alasan,
        )
        return koreksi


def status_tahun(pd: PerangkatDaerah, tahun: int) -> dict[int, str]:
    """Each quarter's workflow status of the year ("draft" where none is stored)."""
    ada = dict(
        StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun).values_list("triwulan", "status")
    )
    return {tw: ada.get(tw, Status.DRAFT) for tw in range(1, 5)}


def tahun_ditutup(pd: PerangkatDaerah, tahun: int) -> bool:
    """The year is closed when all four quarters are locked: its TW IV documents are the year's evaluation,
    and its column 14 is next year's column 6 for good."""
    return all(s == Status.TERKUNCI for s in status_tahun(pd, tahun).values())


def simpan_target_renstra_tahunan(
    pengguna: Pengguna | None,
    indikator: Indikator,
    target: dict[int, tuple[Decimal | None, int | None]],
    alasan: str | None = None,
) -> int:
    """The Renstra's yearly targets of one indicator ({tahun: (K, Rp)}); (None, None) removes a year.
    One transaction, one audit event per year that really changes. Returns how many changed."""
    pd = indikator.perangkat_daerah
    _wajib(pengguna, pd)
    berubah = 0
    with transaction.atomic():
        Indikator.objects.select_for_update().get(pk=indikator.pk)
        ada = {t.tahun: t for t in TargetRenstraTahunan.objects.filter(indikator=indikator)}
        for tahun, (k, rp) in sorted(target.items()):
            lama = ada.get(tahun)
            lama_teks = None if lama is None else f"K {_teks(lama.k)}; Rp {_teks(lama.rp)}"
            if k is None and rp is None:
                if lama is None:
                    continue
                lama.delete()
                baru_teks = None
            else:
                if lama is not None and lama.k == k and lama.rp == rp:
                    continue
                TargetRenstraTahunan.objects.update_or_create(
                    indikator=indikator, tahun=tahun, defaults={"k": k, "rp": rp}
                )
                baru_teks = f"K {_teks(k)}; Rp {_teks(rp)}"
            berubah += 1
            catat(
                pengguna,
                aksi="ubah" if lama else "buat",
                objek="target_renstra_tahunan",
                objek_id=indikator.pk,
                perangkat_daerah=pd,
                kolom=f"target Renstra {tahun}",
                lama=lama_teks,
                baru=baru_teks,
                alasan=alasan,
            )
    return berubah
