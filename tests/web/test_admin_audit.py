"""Master data edited in the admin leaves the same audit trail as every other change."""

import pytest

from capaian.audit.models import AuditEvent
from capaian.organisasi.models import Penandatangan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _isian(ttd: Penandatangan, **ubah: str) -> dict[str, str]:
    isian = {
        "perangkat_daerah": str(ttd.perangkat_daerah_id),
        "nama": ttd.nama,
        "nip": ttd.nip,
        "pangkat": ttd.pangkat,
        "jabatan": ttd.jabatan,
        "status": ttd.status,
        "aktif": "on",
    }
    isian.update(ubah)
    return isian


def test_changing_a_signatory_records_old_and_new_value(klien_sebagai) -> None:
    ttd = Penandatangan.objects.get(perangkat_daerah__slug="disperindag")
    jawab = klien_sebagai("admin").post(
        f"/admin/organisasi/penandatangan/{ttd.pk}/change/", _isian(ttd, pangkat="Pembina Utama Madya IV/d")
    )
    assert jawab.status_code == 302, jawab.content[:500]
    ttd.refresh_from_db()
    assert ttd.pangkat == "Pembina Utama Madya IV/d"
    jejak = AuditEvent.objects.get(objek="penandatangan", objek_id=ttd.pk, kolom="pangkat")
    assert (jejak.aksi, jejak.lama, jejak.baru, jejak.nama_pengguna) == (
        "ubah",
        "Pembina Utama Muda IV/c",
        "Pembina Utama Madya IV/d",
        "admin",
    )
    assert jejak.perangkat_daerah == ttd.perangkat_daerah


def test_deleting_master_data_is_recorded(klien_sebagai) -> None:
    ttd = Penandatangan.objects.get(perangkat_daerah__slug="dinas-contoh")
    jawab = klien_sebagai("admin").post(f"/admin/organisasi/penandatangan/{ttd.pk}/delete/", {"post": "yes"})
    assert jawab.status_code == 302
    assert not Penandatangan.objects.filter(pk=ttd.pk).exists()
    jejak = AuditEvent.objects.get(objek="penandatangan", objek_id=ttd.pk, aksi="hapus")
    assert jejak.lama == "Nama Contoh, S.E."


def test_password_set_in_the_admin_is_audited_without_the_password(klien_sebagai) -> None:
    from django.contrib.auth.models import User

    operator = User.objects.get(username="operator-disperindag")
    sandi = "Sandi-baru-yang-panjang-2024"
    # The admin sets an agency user's password (Django's own form, saved by Django).
    jawab = klien_sebagai("admin").post(
        f"/admin/auth/user/{operator.pk}/password/", {"password1": sandi, "password2": sandi}
    )
    assert jawab.status_code == 302, jawab.content[:500]
    operator.refresh_from_db()
    assert operator.check_password(sandi)
    jejak = AuditEvent.objects.get(objek="user", objek_id=operator.pk, kolom="kata sandi")
    assert (jejak.aksi, jejak.nama_pengguna, jejak.baru) == ("ubah", "admin", "(diganti)")
    assert jejak.perangkat_daerah is not None and jejak.perangkat_daerah.slug == "disperindag"
    # Neither the password nor its hash is in the trail.
    assert not AuditEvent.objects.filter(baru__contains=sandi).exists()
    assert not AuditEvent.objects.filter(baru__contains=operator.password).exists()
    # A refused form (the two entries differ) saves nothing and leaves no trail.
    klien_sebagai("admin").post(
        f"/admin/auth/user/{operator.pk}/password/", {"password1": sandi + "x", "password2": sandi}
    )
    assert AuditEvent.objects.filter(objek="user", kolom="kata sandi").count() == 1


def test_admin_changing_own_password_is_audited(klien_sebagai) -> None:
    from capaian.demo.muat import KATA_SANDI

    sandi = "Sandi-admin-baru-2024-panjang"
    jawab = klien_sebagai("admin").post(
        "/admin/password_change/",
        {"old_password": KATA_SANDI, "new_password1": sandi, "new_password2": sandi},
    )
    assert jawab.status_code == 302, jawab.content[:500]
    jejak = AuditEvent.objects.get(objek="user", kolom="kata sandi")
    assert (jejak.nama_pengguna, jejak.perangkat_daerah) == ("admin", None)
