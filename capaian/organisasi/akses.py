"""The one place that decides which agency a user may see and change.

Views, API, CLI and services ask here; templates never filter by agency.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from capaian.organisasi.models import Peran, PerangkatDaerah, Profil

Pengguna = AbstractBaseUser | AnonymousUser

PERAN_LINTAS_PD = {Peran.ADMIN, Peran.VERIFIKATOR, Peran.PIMPINAN}


class AksesDitolak(PermissionDenied):
    pass


def profil(pengguna: Pengguna | None) -> Profil | None:
    if pengguna is None or not pengguna.is_authenticated:
        return None
    try:
        return Profil.objects.select_related("perangkat_daerah", "pemda").get(pengguna_id=pengguna.pk)
    except Profil.DoesNotExist:
        return None


def peran(pengguna: Pengguna | None) -> Peran | None:
    p = profil(pengguna)
    return Peran(p.peran) if p is not None else None


def pd_terlihat(pengguna: Pengguna | None) -> QuerySet[PerangkatDaerah]:
    """The agencies this user may read: all of the pemda for cross-agency roles, else the user's own."""
    p = profil(pengguna)
    if p is None:
        return PerangkatDaerah.objects.none()
    semua = PerangkatDaerah.objects.filter(pemda=p.pemda)
    if Peran(p.peran) in PERAN_LINTAS_PD:
        return semua
    if p.perangkat_daerah_id is None:
        return semua.none()
    return semua.filter(pk=p.perangkat_daerah_id)


def boleh_lihat(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    return pd_terlihat(pengguna).filter(pk=pd.pk).exists()


def boleh_isi_realisasi(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """Only the agency's own operator enters its quarter."""
    p = profil(pengguna)
    return p is not None and p.peran == Peran.OPERATOR and p.perangkat_daerah_id == pd.pk


def wajib(syarat: bool, pesan: str = "Anda tidak berhak mengakses data ini.") -> None:
    if not syarat:
        raise AksesDitolak(pesan)
