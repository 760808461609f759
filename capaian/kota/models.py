"""The planning agency's (Bappelitbangda's) own records for a quarter of the whole pemda: the texts and the
signatory of Form E.79, and the reminders sent to agencies that have not submitted yet."""

from django.conf import settings
from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import Pemda, PerangkatDaerah, StatusJabatan


class PenandatanganKota(models.Model):
    """Who signs the city's documents: the head of Bappelitbangda (with Plt./Pj. when acting)."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="penandatangan_kota")
    nama = models.CharField(max_length=200)
    nip = models.CharField(max_length=30, blank=True)
    pangkat = models.CharField(max_length=100, blank=True)
    jabatan = models.CharField(max_length=200, help_text="mis. Kepala Bappelitbangda Kota Pasuruan")
    status = models.CharField(max_length=10, choices=StatusJabatan.choices, default=StatusJabatan.DEFINITIF)
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name = "penandatangan dokumen kota"
        verbose_name_plural = "penandatangan dokumen kota"

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"

    @property
    def jabatan_lengkap(self) -> str:
        awalan = {StatusJabatan.PLT: "Plt. ", StatusJabatan.PJ: "Pj. "}.get(StatusJabatan(self.status), "")
        return f"{awalan}{self.jabatan}"


class CatatanKota(models.Model):
    """The texts under Form E.79 for one quarter (the pemda's, written by Bappelitbangda), its date and
    signatory. Changed only through capaian.kota.services.simpan_catatan_kota."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="catatan_kota")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    faktor_pendorong = models.TextField(blank=True)
    faktor_penghambat = models.TextField(blank=True)
    tindak_lanjut = models.TextField(blank=True)  # in the next quarter
    tindak_lanjut_rkpd = models.TextField(blank=True)  # in the next RKPD
    penandatangan = models.ForeignKey(PenandatanganKota, on_delete=models.SET_NULL, null=True, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "catatan evaluasi RKPD triwulan"
        verbose_name_plural = "catatan evaluasi RKPD triwulan"
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun", "triwulan"], name="catatan_kota_unik")
        ]

    def __str__(self) -> str:
        return f"Catatan {self.pemda} TW {self.triwulan} {self.tahun}"


class Pengingat(models.Model):
    """One reminder sent to an agency for a quarter: when, by whom, to which addresses."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="pengingat")
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="pengingat")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    dikirim_pada = models.DateTimeField(auto_now_add=True)
    dikirim_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    penerima = models.TextField()  # the addresses, one per line
    pesan = models.TextField()

    class Meta:
        verbose_name = "pengingat"
        verbose_name_plural = "pengingat"
        ordering = ["-dikirim_pada"]
        indexes = [models.Index(fields=["perangkat_daerah", "tahun", "triwulan"])]

    def __str__(self) -> str:
        return f"Pengingat {self.perangkat_daerah} TW {self.triwulan} {self.tahun}"
