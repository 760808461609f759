"""The records of the workflow as offices run it (capaian.monev.penjelasan, capaian.monev.alur,
capaian.monev.periode): an explanation per galat with the verifikator's decision on it, the verifikator's
comments per row when returning a quarter, and an agency's extension of a quarter's entry window.

Each is changed only through its service function (permission, state, one transaction, audit trail).
capaian.monev.models imports this module at its end (Django loads that one first), so they are one app's."""

from django.conf import settings
from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator

PANJANG_KUNCI = 500


class KeadaanPenjelasan(models.TextChoices):
    MENUNGGU = "menunggu", "Menunggu keputusan verifikator"
    DITERIMA = "diterima", "Diterima"
    DITOLAK = "ditolak", "Ditolak"


class PenjelasanGalat(models.Model):
    """The operator's explanation of one galat of the quarter's checks (its key "jenis|sel",
    capaian.aturan.periksa_data.kunci_galat), and the verifikator's decision on it. Only an accepted
    explanation lets the galat stand at submission."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="penjelasan_galat"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    kunci = models.CharField(max_length=PANJANG_KUNCI)
    teks = models.TextField("penjelasan")
    keadaan = models.CharField(
        max_length=10, choices=KeadaanPenjelasan.choices, default=KeadaanPenjelasan.MENUNGGU
    )
    alasan_tolak = models.TextField("alasan penolakan", blank=True)
    ditulis_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ditulis_pada = models.DateTimeField()
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diputus_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "penjelasan galat"
        verbose_name_plural = "penjelasan galat"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan", "kunci"], name="penjelasan_galat_unik"
            )
        ]

    def __str__(self) -> str:
        return f"Penjelasan galat {self.kunci} ({self.get_keadaan_display()})"


class KomentarBaris(models.Model):
    """The verifikator's comment on one row, written when returning the quarter; shown to the operator at
    that row of the entry screen. A new return makes the earlier comments history (`aktif=False`)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="komentar_baris"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="komentar")
    teks = models.TextField("komentar")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pada = models.DateTimeField()
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name = "komentar baris"
        verbose_name_plural = "komentar baris"
        indexes = [models.Index(fields=["perangkat_daerah", "tahun", "triwulan"])]

    def __str__(self) -> str:
        return f"Komentar verifikator TW {self.triwulan} {self.tahun}"


class PerpanjanganPeriode(models.Model):
    """One agency's later end of a quarter's entry window, with the verifikator's reason."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="perpanjangan"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    ditutup = models.DateField("ditutup (diperpanjang sampai)")
    alasan = models.TextField()
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pada = models.DateTimeField()

    class Meta:
        verbose_name = "perpanjangan masa pengisian"
        verbose_name_plural = "perpanjangan masa pengisian"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan"], name="perpanjangan_periode_unik"
            )
        ]

    def __str__(self) -> str:
        return f"Perpanjangan TW {self.triwulan} {self.tahun} s.d. {self.ditutup}"
