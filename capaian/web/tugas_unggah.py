"""The task worker's reading of a large uploaded workbook (capaian.web.unggah: dry run or check). A task
takes ids, not objects: it runs in another process, later, and reads the upload and the database itself."""

from django.contrib.auth.models import User
from django.tasks import task

from capaian.audit.catat import lewat
from capaian.organisasi.models import PerangkatDaerah
from capaian.web import unggah


@task()
def uji_unggahan(id_unggahan: str, mode: str) -> dict[str, str]:
    u = unggah.muat_id(id_unggahan)
    if u is None:
        return {"keadaan": "hilang"}  # expired or removed meanwhile: the page says so
    pengguna = User.objects.get(pk=u.pengguna_id)
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=u.pd_id)
    with lewat("web"):  # a dry run writes nothing; whatever it names comes through the upload page
        unggah.uji_di_latar(u, pengguna, pd, mode)
    return {"keadaan": "selesai"}


@task()
def impor_unggahan(id_unggahan: str) -> dict[str, str]:
    """The real import of a large upload claimed by "Impor sekarang" (capaian.web.unggah.impor_di_latar)."""
    u = unggah.muat_id(id_unggahan, diklaim=True)
    if u is None:
        return {"keadaan": "hilang"}
    pengguna = User.objects.get(pk=u.pengguna_id)
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=u.pd_id)
    unggah.impor_di_latar(u, pengguna, pd)  # the importer names its own door (impor)
    return {"keadaan": "selesai"}
