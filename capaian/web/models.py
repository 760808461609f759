"""The web app's own records: evidence files (bukti dukung). Login attempts are django-axes's (settings)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator


class PenyimpananBukti(FileSystemStorage):
    """Evidence under DATA_DIR/bukti, the folder read from the settings on each use rather than once when the
    models load, so a changed DATA_DIR (a test's, a restored backup's) is where files go and are read from.
    Outside STATIC/MEDIA URLs on purpose: evidence is served only through a view that checks access."""

    @property
    def base_location(self) -> str:
        return str(Path(settings.DATA_DIR) / "bukti")

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())


def _penyimpanan_bukti() -> FileSystemStorage:
    return PenyimpananBukti()


class BuktiDukung(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="bukti")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    # The row (indicator of the quarter) the file supports; null only for files uploaded before rows were
    # asked for. An indicator with evidence is not deleted.
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, null=True, blank=True, related_name="bukti"
    )
    # The kind read from the content (capaian.web.jenis_bukti), which its download is served as.
    jenis = models.CharField(max_length=10, blank=True, default="")
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
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"

    def __str__(self) -> str:
        return f"{self.nama_asli} ({self.perangkat_daerah} {self.tahun} TW {self.triwulan})"
