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


class ArsipPaket(models.Model):
    """The report package of one agency-quarter exactly as it was locked: the ten documents and e81.json in
    one ZIP, with its SHA-256. Written by the workflow's `kunci` step (capaian.laporan.arsip) in the lock's
    own transaction, so a lock without its archive cannot exist. Unlocking (`buka`) keeps it, marked with
    when and why; a new lock makes a new one. Never changed otherwise."""

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="arsip_paket"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    dikunci = models.DateTimeField(default=timezone.now)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama_pengguna = models.CharField(max_length=150)
    # In the database rather than on disk: it commits or rolls back with the lock itself, and every web
    # process reads the same bytes.
    isi = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    ukuran = models.PositiveBigIntegerField()
    berkas = models.JSONField(default=dict)  # {file name: SHA-256 of that file}
    dibuka = models.DateTimeField(null=True, blank=True)
    alasan_buka = models.TextField(blank=True)

    class Meta:
        verbose_name = "arsip paket laporan"
        verbose_name_plural = "arsip paket laporan"
        ordering = ["-dikunci", "-id"]
        indexes = [models.Index(fields=["perangkat_daerah", "tahun", "triwulan"], name="arsip_paket_tw")]

    def __str__(self) -> str:
        return f"Arsip {self.perangkat_daerah_id} {self.tahun} TW{self.triwulan} {self.sha256[:12]}"
