"""Writing audit events. Called only from service functions, inside their transaction."""

from typing import cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from capaian.audit.models import AuditEvent
from capaian.organisasi.models import PerangkatDaerah

SISTEM = "sistem"


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
