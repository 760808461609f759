"""Packages rendered by the task worker, kept as files for a while: who asked, for what, until when."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class PaketKota(models.Model):
    """The city-wide package (every agency's report package of a pemda for one quarter) one user asked for.

    The worker renders it (capaian.laporan.tugas) into DATA_DIR/paket-kota/<id>.zip; its state is the task
    result's, read from the database, so any web process can answer. Only the user who asked may download
    it, and only until `kedaluwarsa`, when the row and the file are removed (capaian.laporan.paket_kota).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    tugas_id = models.CharField(max_length=64, blank=True)  # the django.tasks result id
    dibuat = models.DateTimeField(default=timezone.now)
    kedaluwarsa = models.DateTimeField()

    class Meta:
        verbose_name = "paket laporan seluruh PD"
        verbose_name_plural = "paket laporan seluruh PD"
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["kedaluwarsa"], name="paket_kota_kedaluwarsa")]

    def __str__(self) -> str:
        return f"Paket {self.pemda_id} {self.tahun} TW{self.triwulan} ({self.pengguna_id})"
