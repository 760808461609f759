"""Writing audit events. Called only from service functions, inside their transaction.

Every event names its door (`pintu`: web, api, admin, impor, cli). The door is not an argument of every
service: whoever opens a door says so once with `lewat(...)` (the web middleware for web, api and admin by
path, the importer for imports), and everything written inside carries it; outside any door it is "cli"
(management commands, the demo loader, a shell).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import models

from capaian.aturan.angka import teks_desimal
from capaian.aturan.teks import bersihkan_teks
from capaian.audit.models import PINTU, AuditEvent
from capaian.organisasi.models import PerangkatDaerah

SISTEM = "sistem"

_PINTU: ContextVar[str] = ContextVar("capaian_pintu", default="cli")


@contextmanager
def lewat(pintu: str) -> Iterator[None]:
    """Everything audited inside came through `pintu` (one of capaian.audit.models.PINTU)."""
    if pintu not in PINTU:
        raise ValueError(f"Pintu tidak dikenal: {pintu}")
    token = _PINTU.set(pintu)
    try:
        yield
    finally:
        _PINTU.reset(token)


def pintu_kini() -> str:
    return _PINTU.get()


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
        # The trail never fails on what a door let through (PostgreSQL refuses NUL in text).
        lama=None if lama is None else bersihkan_teks(lama),
        baru=None if baru is None else bersihkan_teks(baru),
        alasan=None if alasan is None else bersihkan_teks(alasan),
        pintu=_PINTU.get(),
    )


# How each kind of record reaches its agency, tried in order (a Program has it, a Target through its
# indicator, a Sasaran through its Tujuan and Renstra, ...).
_JALUR_PD = (
    ("perangkat_daerah",),
    ("indikator", "perangkat_daerah"),
    ("renstra", "perangkat_daerah"),
    ("tujuan", "renstra", "perangkat_daerah"),
    ("program", "perangkat_daerah"),
    ("kegiatan", "program", "perangkat_daerah"),
    ("profil", "perangkat_daerah"),
)


def pd_objek(objek: object) -> PerangkatDaerah | None:
    """The agency a record belongs to, or None for pemda-wide records (Pemda, predicate sets, users)."""
    if isinstance(objek, PerangkatDaerah):
        return objek
    for jalur in _JALUR_PD:
        nilai: object = objek
        for nama in jalur:
            nilai = getattr(nilai, nama, None)
            if nilai is None:
                break
        if isinstance(nilai, PerangkatDaerah):
            return nilai
    return None


def catat_data_induk(
    pengguna: AbstractBaseUser | AnonymousUser | None,
    objek: models.Model,
    aksi: str,
    perubahan: dict[str, tuple[object, object]],
    alasan: str | None = None,
) -> None:
    """Master-data changes (the admin's forms and inlines): one event per changed field (or one for a
    creation without fields or a deletion), naming the record's agency."""
    pd = pd_objek(objek)
    jenis = objek._meta.model_name or type(objek).__name__.lower()
    if not perubahan:
        catat(
            pengguna,
            aksi=aksi,
            objek=jenis,
            objek_id=objek.pk,
            perangkat_daerah=pd,
            lama=str(objek) if aksi == "hapus" else None,
            baru=None if aksi == "hapus" else str(objek),
            alasan=alasan,
        )
        return
    for kolom, (lama, baru) in perubahan.items():
        catat(
            pengguna,
            aksi=aksi,
            objek=jenis,
            objek_id=objek.pk,
            perangkat_daerah=pd,
            kolom=kolom,
            lama=teks_audit(lama),
            baru=teks_audit(baru),
            alasan=alasan,
        )
