"""The audit trail: who changed what, when, from which value to which, and why. Append-only."""

from typing import Any

from django.conf import settings
from django.db import models


class AuditTidakBolehDiubah(Exception):
    pass


class _JejakQuerySet(models.QuerySet["AuditEvent"]):
    """Bulk update and delete would bypass the per-row guard below, so they are refused too."""

    def update(self, **kwargs: Any) -> int:
        raise AuditTidakBolehDiubah("Jejak audit tidak dapat diubah.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditTidakBolehDiubah("Jejak audit tidak dapat dihapus.")


# The door a change came through (capaian.audit.catat.lewat sets it; the web middleware, the API, the admin
# and the importer each name theirs). Events written before the door was recorded have "".
PINTU = ("web", "api", "admin", "impor", "cli")


class AuditEvent(models.Model):
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # Kept as text so that the trail still names the person after the account is removed.
    nama_pengguna = models.CharField(max_length=150)
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.SET_NULL, null=True, blank=True
    )
    aksi = models.CharField(max_length=40)  # "ubah", "buat", "ajukan", "kunci", "impor", ...
    objek = models.CharField(max_length=40)  # "realisasi", "triwulan", ...
    objek_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    kolom = models.CharField(max_length=60, blank=True)
    lama = models.TextField(null=True, blank=True)
    baru = models.TextField(null=True, blank=True)
    alasan = models.TextField(null=True, blank=True)
    pintu = models.CharField(max_length=10, blank=True, default="", choices=[(p, p) for p in PINTU])

    objects = _JejakQuerySet.as_manager()

    class Meta:
        ordering = ["waktu", "id"]
        indexes = [models.Index(fields=["objek", "objek_id"])]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.nama_pengguna}: {self.aksi} {self.objek}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTidakBolehDiubah("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditTidakBolehDiubah("Jejak audit tidak dapat dihapus.")
