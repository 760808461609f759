"""The web app's own records: evidence files (bukti dukung). Login attempts are django-axes's (settings)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import PerangkatDaerah


def _penyimpanan_bukti() -> FileSystemStorage:
    # Outside STATIC/MEDIA URLs on purpose: evidence is served only through a view that checks access.
    return FileSystemStorage(location=Path(settings.DATA_DIR) / "bukti")


class BuktiDukung(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="bukti")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    berkas = models.FileField(storage=_penyimpanan_bukti, upload_to="%Y/%m/")
    nama_asli = models.CharField(max_length=255)
    ukuran = models.PositiveBigIntegerField()
    keterangan = models.CharField(max_length=255, blank=True)
    diunggah = models.DateTimeField(auto_now_add=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-diunggah"]
        verbose_name_plural = "bukti dukung"
