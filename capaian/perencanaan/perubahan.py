"""The Renja Perubahan (APBD-P): its legal basis, effective quarter and perubahan targets, changed only
here, in one transaction that checks permission and state and writes the audit trail.

The murni targets (Indikator.target_renstra_*, TargetTahunan, TargetTriwulan) are never rewritten: quarters
before the effective quarter keep reporting against them (capaian.aturan.versi_target). A Perubahan may
be entered or changed only while every quarter from its effective quarter on is still open (draft or
returned): a verified or locked quarter's documents do not change under it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction

from capaian.aturan.capaian import KRp
from capaian.aturan.versi_target import selisih, terapkan, triwulan_berubah
from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.hasil import simpan as hasil
from capaian.monev import beku
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import (
    BagianTarget,
    DasarPerubahan,
    Indikator,
    PerubahanTarget,
    TargetTahunan,
    TargetTriwulan,
)

Nilai = dict[tuple[int, str], tuple[Decimal | None, int | None]]


class PerubahanTidakSah(ValueError):
    """The Perubahan cannot be saved so; the message is for the user."""


def _oleh(pengguna: Pengguna | None) -> User | None:
    return cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None


def _teks_nilai(k: Decimal | None, rp: int | None) -> str:
    return f"K {_teks(k)}; Rp {_teks(rp)}"


def alasan_tertutup(pd: PerangkatDaerah, tahun: int, dari: int) -> str | None:
    """Why a Perubahan in force from quarter `dari` cannot be saved now, or None when it can: a quarter it
    would change is submitted, verified or locked. The service refuses on it; the screen is then read-only."""
    tertutup = list(
        StatusTriwulan.objects.filter(
            perangkat_daerah=pd,
            tahun=tahun,
            triwulan__gte=dari,
            status__in=(Status.DIAJUKAN, Status.DIVERIFIKASI, Status.TERKUNCI),
        ).order_by("triwulan")
    )
    if not tertutup:
        return None
    s = tertutup[0]
    return (
        f"Triwulan {s.triwulan} {tahun} berstatus {s.get_status_display()}: Perubahan yang berlaku sejak "
        f"Triwulan {dari} tidak dapat disimpan. Minta verifikator mengembalikan atau membuka kuncinya."
    )


def _periksa_keadaan(pd: PerangkatDaerah, tahun: int, dari: int) -> None:
    if alasan := alasan_tertutup(pd, tahun, dari):
        raise PerubahanTidakSah(alasan)


def simpan_perubahan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    *,
    berlaku_triwulan: int,
    dasar_hukum: str,
    nomor: str = "",
    tanggal: datetime.date | None = None,
    nilai: Nilai,
    ganti_semua: bool = False,
    alasan: str | None = None,
) -> DasarPerubahan:
    """Save the Perubahan of `pd` for `tahun`: its basis and the perubahan values given, keyed by
    (indicator id, bagian) with (K, Rp); (None, None) removes a value (the murni one counts again). With
    `ganti_semua` the values given are the whole set (the importer): any other is removed."""
    akses.wajib(
        akses.boleh_ubah_rencana(pengguna, pd), "Anda tidak berhak mengubah rencana perangkat daerah ini."
    )
    dasar_hukum = (dasar_hukum or "").strip()
    if not dasar_hukum:
        raise PerubahanTidakSah("Dasar hukum Perubahan (mis. Perda APBD Perubahan) wajib diisi.")
    if berlaku_triwulan not in (2, 3, 4):
        raise PerubahanTidakSah("Perubahan berlaku mulai Triwulan II, III atau IV.")
    bagian_sah = set(BagianTarget.values)
    with transaction.atomic():
        PerangkatDaerah.objects.select_for_update().get(pk=pd.pk)
        if not TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=tahun).exists():
            raise PerubahanTidakSah(f"Tahun {tahun} belum ada untuk perangkat daerah ini.")
        milik = set(Indikator.objects.filter(perangkat_daerah=pd).values_list("pk", flat=True))
        for id_, bagian in nilai:
            if id_ not in milik:
                raise PerubahanTidakSah("Indikator bukan milik perangkat daerah ini.")
            if bagian not in bagian_sah:
                raise PerubahanTidakSah(f"Bagian target '{bagian}' tidak dikenal.")
            if not triwulan_berubah(bagian, berlaku_triwulan) and nilai[(id_, bagian)] != (None, None):
                raise PerubahanTidakSah(
                    f"Target Triwulan {bagian} tidak dapat diubah: Perubahan berlaku mulai Triwulan "
                    f"{berlaku_triwulan}, triwulan sebelumnya tetap memakai target murni."
                )
        lama = DasarPerubahan.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
        _periksa_keadaan(pd, tahun, min(berlaku_triwulan, lama.berlaku_triwulan if lama else 4))
        isian = {
            "berlaku_triwulan": berlaku_triwulan,
            "dasar_hukum": dasar_hukum,
            "nomor": nomor,
            "tanggal": tanggal,
        }
        if lama is None:
            dasar = DasarPerubahan.objects.create(
                perangkat_daerah=pd, tahun=tahun, diubah_oleh=_oleh(pengguna), **isian
            )
            catat(
                pengguna,
                aksi="buat",
                objek="dasar_perubahan",
                objek_id=dasar.pk,
                perangkat_daerah=pd,
                baru=f"{tahun}: {dasar_hukum}, berlaku TW {berlaku_triwulan}",
                alasan=alasan,
            )
        else:
            dasar = lama
            for kolom, baru in isian.items():
                sebelum = getattr(dasar, kolom)
                if sebelum != baru:
                    setattr(dasar, kolom, baru)
                    catat(
                        pengguna,
                        aksi="ubah",
                        objek="dasar_perubahan",
                        objek_id=dasar.pk,
                        perangkat_daerah=pd,
                        kolom=kolom,
                        lama=_teks(sebelum),
                        baru=_teks(baru),
                        alasan=alasan,
                    )
            dasar.diubah_oleh = _oleh(pengguna)
            dasar.save()
        ada = {(t.indikator_id, t.bagian): t for t in PerubahanTarget.objects.filter(dasar=dasar)}
        semua = dict(nilai)
        if ganti_semua:
            for kunci in ada:
                semua.setdefault(kunci, (None, None))
        # Values of quarters before a (moved) effective quarter no longer count: removed.
        for kunci in ada:
            if not triwulan_berubah(kunci[1], berlaku_triwulan):
                semua[kunci] = (None, None)
        for (id_, bagian), (k, rp) in sorted(semua.items()):
            t = ada.get((id_, bagian))
            if k is None and rp is None:
                if t is None:
                    continue
                t.delete()
                baru_teks = None
            else:
                if t is not None and t.k == k and t.rp == rp:
                    continue
                PerubahanTarget.objects.update_or_create(
                    dasar=dasar, indikator_id=id_, bagian=bagian, defaults={"k": k, "rp": rp}
                )
                baru_teks = _teks_nilai(k, rp)
            catat(
                pengguna,
                aksi="ubah" if t else "buat",
                objek="perubahan_target",
                objek_id=id_,
                perangkat_daerah=pd,
                kolom=f"{BagianTarget(bagian).label} {tahun} perubahan",
                lama=None if t is None else _teks_nilai(t.k, t.rp),
                baru=baru_teks,
                alasan=alasan,
            )
        hasil.simpan(beku.target(pd, tahun))
        return dasar


@dataclass(frozen=True)
class SelPerubahan:
    bagian: str
    murni: KRp
    perubahan: KRp | None  # the value entered, None where none
    berlaku: KRp  # the target that counts from the effective quarter
    selisih: KRp


@dataclass(frozen=True)
class BarisPerubahan:
    indikator: Indikator
    sel: tuple[SelPerubahan, ...]


def bagian_tampil(berlaku_triwulan: int) -> list[str]:
    return ["renstra", "tahunan", *[str(tw) for tw in range(berlaku_triwulan, 5)]]


def tabel(pd: PerangkatDaerah, tahun: int, berlaku_triwulan: int) -> list[BarisPerubahan]:
    """Plan, murni, perubahan and the difference per indicator, for the screen (numbers: rules core)."""
    indikator = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
    tahunan = {t.indikator_id: t for t in TargetTahunan.objects.filter(indikator__in=indikator, tahun=tahun)}
    tw = {
        (t.indikator_id, str(t.triwulan)): KRp(k=t.k, rp=t.rp)
        for t in TargetTriwulan.objects.filter(indikator__in=indikator, tahun=tahun)
    }
    dasar = DasarPerubahan.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
    ubah = (
        {(t.indikator_id, t.bagian): KRp(k=t.k, rp=t.rp) for t in PerubahanTarget.objects.filter(dasar=dasar)}
        if dasar
        else {}
    )
    hasil = []
    for ind in indikator:
        sel = []
        for bagian in bagian_tampil(berlaku_triwulan):
            if bagian == "renstra":
                murni = KRp(k=ind.target_renstra_k, rp=ind.target_renstra_rp)
            elif bagian == "tahunan":
                t = tahunan.get(ind.pk)
                murni = KRp(k=t.target_k, rp=t.target_rp) if t else KRp()
            else:
                murni = tw.get((ind.pk, bagian), KRp())
            p = ubah.get((ind.pk, bagian))
            berlaku = terapkan(murni, p)
            sel.append(SelPerubahan(bagian, murni, p, berlaku, selisih(murni, berlaku)))
        hasil.append(BarisPerubahan(ind, tuple(sel)))
    return hasil
