"""The one place that decides who may see and change what.

Every door asks here: views, the API, the admin, the CLI and the service functions. Templates never filter
by agency. Two scopes exist:

* the agency (PerangkatDaerah): an operator or a head sees and acts for their own agency only;
* the pemda: the admin, the verifikator and the pimpinan see every agency of their own pemda, never another
  pemda's.

`pengguna=None` is the system itself (the demo loader, a migration): it passes permission checks, but not the
state rules, which the services apply to everyone.
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from capaian.organisasi.models import Peran, PerangkatDaerah, Profil

Pengguna = AbstractBaseUser | AnonymousUser

PERAN_LINTAS_PD = frozenset({Peran.ADMIN, Peran.VERIFIKATOR, Peran.PIMPINAN})
PERAN_PD = frozenset({Peran.OPERATOR, Peran.KEPALA})

# The user object carries its profile for the rest of the request: one query, however many checks a page
# makes (the entry page asked seven times).
_SIMPANAN = "_capaian_profil"


class AksesDitolak(PermissionDenied):
    pass


def profil(pengguna: Pengguna | None) -> Profil | None:
    if pengguna is None or not pengguna.is_authenticated:
        return None
    if hasattr(pengguna, _SIMPANAN):
        tersimpan: Profil | None = getattr(pengguna, _SIMPANAN)
        return tersimpan
    p = Profil.objects.select_related("perangkat_daerah", "pemda").filter(pengguna_id=pengguna.pk).first()
    setattr(pengguna, _SIMPANAN, p)
    return p


def lupakan_profil(pengguna: Pengguna | None) -> None:
    """Drop the cached profile (after a role change within the same request or test)."""
    if pengguna is not None and hasattr(pengguna, _SIMPANAN):
        delattr(pengguna, _SIMPANAN)


def peran(pengguna: Pengguna | None) -> Peran | None:
    p = profil(pengguna)
    return Peran(p.peran) if p is not None else None


def adalah(pengguna: Pengguna | None, *daftar: Peran) -> bool:
    return peran(pengguna) in daftar


def pemda_id(pengguna: Pengguna | None) -> int | None:
    p = profil(pengguna)
    return p.pemda_id if p is not None else None


# --- agencies -------------------------------------------------------------------------------------------


def pd_terlihat(pengguna: Pengguna | None) -> QuerySet[PerangkatDaerah]:
    """The agencies this user may read: all of the pemda for cross-agency roles, else the user's own."""
    p = profil(pengguna)
    if p is None:
        return PerangkatDaerah.objects.none()
    semua = PerangkatDaerah.objects.filter(pemda_id=p.pemda_id)
    if Peran(p.peran) in PERAN_LINTAS_PD:
        return semua
    if p.perangkat_daerah_id is None:
        return semua.none()
    return semua.filter(pk=p.perangkat_daerah_id)


def boleh_lihat(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    p = profil(pengguna)
    if p is None or p.pemda_id != pd.pemda_id:
        return False
    return Peran(p.peran) in PERAN_LINTAS_PD or p.perangkat_daerah_id == pd.pk


def berperan(pengguna: Pengguna | None, peran_: Peran, pd: PerangkatDaerah) -> bool:
    """The user holds `peran_` for this agency: in the agency itself for agency roles (operator, kepala),
    in its pemda for the others (admin, verifikator, pimpinan)."""
    p = profil(pengguna)
    if p is None or p.peran != peran_ or p.pemda_id != pd.pemda_id:
        return False
    return peran_ not in PERAN_PD or p.perangkat_daerah_id == pd.pk


def boleh_isi_realisasi(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """Only the agency's own operator enters its quarter."""
    return berperan(pengguna, Peran.OPERATOR, pd)


def boleh_ubah_rencana(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """The agency's own operator, or an admin of its pemda. None (the system) always may."""
    if pengguna is None:
        return True
    return berperan(pengguna, Peran.ADMIN, pd) or boleh_isi_realisasi(pengguna, pd)


def boleh_verifikasi(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """Returning, verifying, locking and unlocking are the planning agency's verifikator's steps."""
    return berperan(pengguna, Peran.VERIFIKATOR, pd)


def boleh_atur_periode(pengguna: Pengguna | None, pemda_id_: int) -> bool:
    """The verifikator opens and closes periods; the pemda's admin keeps the calendar."""
    p = profil(pengguna)
    return p is not None and p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) and p.pemda_id == pemda_id_


def boleh_lihat_periode(pengguna: Pengguna | None) -> bool:
    return adalah(pengguna, Peran.VERIFIKATOR, Peran.ADMIN)


def boleh_lihat_kota(pengguna: Pengguna | None, pemda_id_: int) -> bool:
    """Admin, verifikator and pimpinan of this pemda: the documents about all of its agencies."""
    return pemda_id(pengguna) == pemda_id_ and adalah(pengguna, *PERAN_LINTAS_PD)


def boleh_kelola_kota(pengguna: Pengguna | None, pemda_id_: int) -> bool:
    """The pemda's verifikator (Bappelitbangda) runs the pemda-wide quarter: reminders, bulk lock, the texts
    of Form E.79. None (the system) always may."""
    if pengguna is None:
        return True
    return pemda_id(pengguna) == pemda_id_ and adalah(pengguna, Peran.VERIFIKATOR)


def adalah_admin(pengguna: Pengguna | None) -> bool:
    return pengguna is not None and pengguna.is_active and adalah(pengguna, Peran.ADMIN)


# --- the admin: every list and every choice limited to the admin's pemda ---------------------------------

# How each model reaches its pemda, for the lists and the foreign-key choices of the admin. A model that is
# not listed is not scoped and must not be registered in the admin (a test walks the registry).
JALUR_PEMDA: dict[str, str] = {
    "organisasi.pemda": "pk",
    "organisasi.setpredikatpemda": "pemda",
    "organisasi.perangkatdaerah": "pemda",
    "organisasi.penandatangan": "perangkat_daerah__pemda",
    "organisasi.profil": "pemda",
    "auth.user": "profil__pemda",
    "perencanaan.perioderenstra": "perangkat_daerah__pemda",
    "perencanaan.tujuan": "renstra__perangkat_daerah__pemda",
    "perencanaan.sasaran": "tujuan__renstra__perangkat_daerah__pemda",
    "perencanaan.program": "perangkat_daerah__pemda",
    "perencanaan.kegiatan": "program__perangkat_daerah__pemda",
    "perencanaan.subkegiatan": "kegiatan__program__perangkat_daerah__pemda",
    "perencanaan.indikator": "perangkat_daerah__pemda",
    "perencanaan.targettahunan": "indikator__perangkat_daerah__pemda",
    "perencanaan.targettriwulan": "indikator__perangkat_daerah__pemda",
    "rpjmd.perioderpjmd": "pemda",
    "rpjmd.tujuanrpjmd": "rpjmd__pemda",
    "rpjmd.sasaranrpjmd": "tujuan__rpjmd__pemda",
    "rpjmd.indikatorsasaranrpjmd": "sasaran__tujuan__rpjmd__pemda",
    "rpjmd.targetsasaranrpjmd": "indikator__sasaran__tujuan__rpjmd__pemda",
    "rpjmd.tautanprogram": "rpjmd__pemda",
    "kota.penandatangankota": "pemda",
    "kota.catatankota": "pemda",
    "kota.pengingat": "pemda",
    "api.apitoken": "pengguna__profil__pemda",
}


def jalur_pemda(model: type[Model]) -> str | None:
    return JALUR_PEMDA.get(model._meta.label_lower)


def saring_pemda[M: Model](queryset: QuerySet[M], pengguna: Pengguna | None) -> QuerySet[M]:
    """The rows of `queryset` that belong to the user's pemda; nothing for a model with no known path."""
    jalur = jalur_pemda(queryset.model)
    id_ = pemda_id(pengguna)
    if jalur is None or id_ is None:
        return queryset.none()
    if queryset.model._meta.label_lower == "auth.user":
        # A new account has no profile yet; the admin who made it must still be able to give it one.
        return queryset.filter(Q(**{jalur: id_}) | Q(profil__isnull=True))
    return queryset.filter(**{jalur: id_})


def milik_pemda(pengguna: Pengguna | None, obj: Any) -> bool:
    """Whether one object belongs to the user's pemda (an unsaved object has no pemda yet: True)."""
    if obj is None or getattr(obj, "pk", None) is None:
        return True
    return saring_pemda(type(obj)._default_manager.filter(pk=obj.pk), pengguna).exists()


def wajib(syarat: bool, pesan: str = "Anda tidak berhak mengakses data ini.") -> None:
    if not syarat:
        raise AksesDitolak(pesan)
