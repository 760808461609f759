"""Who may read and run the pemda-wide quarter, composed from capaian.organisasi.akses (the one place that
knows roles and scopes): the cross-agency roles of a pemda read its city documents; its verifikator runs the
quarter (reminders, bulk lock, the texts of Form E.79)."""

from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Peran


def boleh_lihat_kota(pengguna: Pengguna | None, pemda_id: int) -> bool:
    """Admin, verifikator and pimpinan of this pemda: the documents about all of its agencies."""
    return akses.pemda_id(pengguna) == pemda_id and akses.adalah(pengguna, *akses.PERAN_LINTAS_PD)


def boleh_kelola_kota(pengguna: Pengguna | None, pemda_id: int) -> bool:
    """The pemda's verifikator (Bappelitbangda). None (the system) always may."""
    if pengguna is None:
        return True
    return akses.pemda_id(pengguna) == pemda_id and akses.adalah(pengguna, Peran.VERIFIKATOR)
