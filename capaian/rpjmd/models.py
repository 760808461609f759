"""The pemda's own medium-term plan (RPJMD): its period, Tujuan and Sasaran with indicators and yearly
targets, and the link of every agency program to the one Sasaran RPJMD it serves.

Form E.79 (Evaluasi terhadap Hasil RKPD) groups the agencies' programs by these Sasaran. A program's urusan
and bidang are not stored: they are read from its kode rekening (capaian.aturan.kodering). The link lives
here, not on perencanaan.Program, so that the agency plan's own tables stay as they are.
"""

from django.db import models

from capaian.organisasi.models import Pemda
from capaian.perencanaan.models import Program, nilai_k


class PeriodeRPJMD(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="rpjmd")
    nama = models.CharField(max_length=200, help_text="mis. RPJMD Kota Pasuruan 2021-2026")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    dasar_hukum = models.CharField(max_length=200, blank=True, help_text="mis. Perda Nomor ... Tahun ...")

    class Meta:
        verbose_name = "periode RPJMD"
        verbose_name_plural = "periode RPJMD"
        ordering = ["pemda", "-tahun_awal"]
        constraints = [
            models.CheckConstraint(
                name="rpjmd_urut", condition=models.Q(tahun_akhir__gte=models.F("tahun_awal"))
            ),
            models.UniqueConstraint(fields=["pemda", "tahun_awal"], name="rpjmd_pemda_tahun_unik"),
        ]

    def __str__(self) -> str:
        return self.nama


class TujuanRPJMD(models.Model):
    rpjmd = models.ForeignKey(PeriodeRPJMD, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=20, help_text="mis. 1")
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "tujuan RPJMD"
        verbose_name_plural = "tujuan RPJMD"
        ordering = ["rpjmd", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "kode"], name="tujuan_rpjmd_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class SasaranRPJMD(models.Model):
    tujuan = models.ForeignKey(TujuanRPJMD, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=20, help_text="mis. 1.1")
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "sasaran RPJMD"
        verbose_name_plural = "sasaran RPJMD"
        ordering = ["tujuan__urutan", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["tujuan", "kode"], name="sasaran_rpjmd_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class IndikatorSasaranRPJMD(models.Model):
    sasaran = models.ForeignKey(SasaranRPJMD, on_delete=models.CASCADE, related_name="indikator")
    uraian = models.TextField()
    satuan = models.CharField(max_length=60)
    urutan = models.PositiveIntegerField(default=0)
    kondisi_awal = nilai_k()  # the baseline at the start of the period
    target_akhir = nilai_k()  # the target at the end of the period (E.79 col 6 of the sasaran row)

    class Meta:
        verbose_name = "indikator sasaran RPJMD"
        verbose_name_plural = "indikator sasaran RPJMD"
        ordering = ["sasaran", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian


class TargetSasaranRPJMD(models.Model):
    indikator = models.ForeignKey(IndikatorSasaranRPJMD, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField()
    target_k = nilai_k()

    class Meta:
        verbose_name = "target tahunan indikator sasaran RPJMD"
        verbose_name_plural = "target tahunan indikator sasaran RPJMD"
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_sasaran_rpjmd_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator} — target {self.tahun}"


class TautanProgram(models.Model):
    """An agency program serves one Sasaran of the RPJMD (one link per program and RPJMD period)."""

    rpjmd = models.ForeignKey(PeriodeRPJMD, on_delete=models.CASCADE, related_name="tautan")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="tautan_rpjmd")
    sasaran = models.ForeignKey(SasaranRPJMD, on_delete=models.PROTECT, related_name="program")

    class Meta:
        verbose_name = "tautan program ke sasaran RPJMD"
        verbose_name_plural = "tautan program ke sasaran RPJMD"
        constraints = [models.UniqueConstraint(fields=["rpjmd", "program"], name="tautan_program_rpjmd_unik")]

    def __str__(self) -> str:
        return f"{self.program.kode} → {self.sasaran.kode}"
