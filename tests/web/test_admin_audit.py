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
