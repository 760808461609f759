"""Writing audit events. Called only from service functions, inside their transaction."""

from decimal import Decimal
from typing import cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import models

from capaian.aturan.angka import teks_desimal
from capaian.audit.models import AuditEvent
from capaian.organisasi.models import PerangkatDaerah

SISTEM = "sistem"


def teks_audit(nilai: object) -> str | None:
    """How a value is written into the trail: decimals without exponent or padding, None stays None."""
    if nilai is None:
        return None
    if isinstance(nilai, Decimal):
        return teks_desimal(nilai)
    return str(nilai)


def catat(
    pengguna: AbstractBaseUser | AnonymousUser | None,
    *,
    aksi: str,
    objek: str,
    objek_id: int | None,
    perangkat_daerah: PerangkatDaerah | None,
    kolom: str = "",
    lama: str | None = None,
    baru: str | None = None,
    alasan: str | None = None,
) -> AuditEvent:
    nyata = cast("User | None", pengguna if isinstance(pengguna, AbstractBaseUser) else None)
    return AuditEvent.objects.create(
        pengguna=nyata,
        nama_pengguna=nyata.get_username() if nyata is not None else SISTEM,
        perangkat_daerah=perangkat_daerah,
        aksi=aksi,
        objek=objek,
        objek_id=objek_id,
        kolom=kolom,
        lama=lama,
        baru=baru,
        alasan=alasan,
    )


def catat_data_induk(
    pengguna: AbstractBaseUser | AnonymousUser | None,
    objek: models.Model,
    aksi: str,
    perubahan: dict[str, tuple[object, object]],
) -> None:
    """Master-data changes made in the admin: one event per changed field (or one for a deletion)."""
    pd = objek if isinstance(objek, PerangkatDaerah) else getattr(objek, "perangkat_daerah", None)
    pd = pd if isinstance(pd, PerangkatDaerah) else None
    jenis = objek._meta.model_name or type(objek).__name__.lower()
    if not perubahan:
        catat(pengguna, aksi=aksi, objek=jenis, objek_id=objek.pk, perangkat_daerah=pd, lama=str(objek))
        return
    for kolom, (lama, baru) in perubahan.items():
        catat(
            pengguna,
            aksi=aksi,
            objek=jenis,
            objek_id=objek.pk,
            perangkat_daerah=pd,
            kolom=kolom,
            lama=None if lama is None else str(lama),
            baru=None if baru is None else str(baru),
        )
