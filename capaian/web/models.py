"""The web app's own records: login attempts (for the lockout) and evidence files (bukti dukung)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import PerangkatDaerah


class PercobaanMasuk(models.Model):
    """One failed login. The lockout counts them per (username, IP) pair, never per IP alone: an office
    shares one address, and one person's typos must not lock out colleagues."""

    nama_pengguna = models.CharField(max_length=150)
    ip = models.GenericIPAddressField()
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["nama_pengguna", "ip", "waktu"])]


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
