"""The master-data admin's saves (its forms and their inline forms alike): any registered record, through one
function that checks permission and frozen quarters in one transaction and writes the audit trail, field by
field with old and new value. The admin (capaian.web.admin) saves nothing itself."""

import json
from typing import Any

from django.db import models, transaction

from capaian.audit.catat import catat, catat_data_induk, pd_objek
from capaian.hasil import simpan as hasil
from capaian.monev import beku
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna

Perubahan = dict[str, tuple[object, object]]

# Form fields whose values never go into the trail (only that they changed).
RAHASIA = ("password",)


def nilai_audit(nilai: object) -> object:
    """A form value as the trail keeps it: a record by its id and name, a list of records likewise, JSON
    as JSON."""
    if isinstance(nilai, models.Model):
        return f"{nilai.pk}: {nilai}"
    if isinstance(nilai, models.QuerySet) or (
        isinstance(nilai, list | tuple) and nilai and all(isinstance(v, models.Model) for v in nilai)
    ):
        return ", ".join(f"{v.pk}: {v}" for v in nilai)
    if isinstance(nilai, list | dict):
        return json.dumps(nilai, ensure_ascii=False, sort_keys=True)
    return nilai


def perubahan_form(form: Any, baru: bool) -> Perubahan:
    """What a bound, valid model form changes: {field: (old, new)} (old None for a new record)."""
    hasil: Perubahan = {}
    for nama in form.changed_data:
        if any(r in nama for r in RAHASIA):
            hasil[nama] = (None, "(diubah)")
            continue
        lama: object = None
        if not baru:
            field = form.fields.get(nama)
            lama = form.initial.get(nama)
            queryset = getattr(field, "queryset", None)
            if lama is not None and queryset is not None and not isinstance(lama, list):
                lama = queryset.model._default_manager.filter(pk=lama).first() or lama
        sebelum, sesudah = nilai_audit(lama), nilai_audit(form.cleaned_data.get(nama))
        if not baru and sebelum == sesudah:
            continue  # the form saw a change of spelling only (JSON spacing, a decimal's zeros)
        hasil[nama] = (sebelum, sesudah)
    return hasil


def _wajib_izin(pengguna: Pengguna | None, obj: models.Model) -> None:
    pd = pd_objek(obj)
    if obj._meta.app_label == "perencanaan" and pd is not None:
        akses.wajib(
            akses.boleh_ubah_rencana(pengguna, pd), "Anda tidak berhak mengubah rencana perangkat daerah ini."
        )
        return
    if pengguna is not None:
        akses.wajib(
            akses.adalah_admin(pengguna) and akses.milik_pemda(pengguna, obj),
            "Hanya Admin Pemda dari pemda ini yang dapat mengubah data induk ini.",
        )


def simpan(
    pengguna: Pengguna | None,
    obj: models.Model,
    perubahan: Perubahan,
    *,
    baru: bool,
    alasan: str | None = None,
) -> None:
    """Save `obj` (new, or changed as `perubahan` says) unless that reaches a verified or locked quarter,
    before or after the change (a target moved from one year to another reaches both)."""
    with transaction.atomic():
        _wajib_izin(pengguna, obj)
        cakupan = [beku.cakupan_objek(obj)]
        if not baru:
            tersimpan = type(obj)._default_manager.filter(pk=obj.pk).first()
            if tersimpan is not None:
                _wajib_izin(pengguna, tersimpan)
                cakupan.append(beku.cakupan_objek(tersimpan))
        if baru or perubahan:
            beku.wajib_tidak_beku(*cakupan)
        obj.save()
        if baru or perubahan:
            catat_data_induk(pengguna, obj, "buat" if baru else "ubah", perubahan, alasan)
            hasil.simpan(*cakupan, hasil.cakupan_objek(obj))


def hapus(pengguna: Pengguna | None, obj: models.Model, alasan: str | None = None) -> None:
    """Delete `obj` (and what cascades from it) unless that reaches a verified or locked quarter."""
    with transaction.atomic():
        _wajib_izin(pengguna, obj)
        beku.wajib_tidak_beku(beku.cakupan_objek(obj))
        catat_data_induk(pengguna, obj, "hapus", {}, alasan)
        cakupan = hasil.cakupan_objek(obj)
        obj.delete()
        hasil.simpan(cakupan)


def catat_ganti_sandi(pengguna: Pengguna | None, akun: models.Model) -> None:
    """The trail of a password set in the admin (a user's own, or an admin setting an agency user's):
    who set whose, when; never the password or its hash. Django's password forms save the user themselves,
    so the admin calls this inside the same transaction as that save (capaian.web.admin)."""
    catat(
        pengguna,
        aksi="ubah",
        objek="user",
        objek_id=akun.pk,
        perangkat_daerah=pd_objek(akun),
        kolom="kata sandi",
        baru="(diganti)",
    )
