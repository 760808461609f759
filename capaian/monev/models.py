"""What happened in a quarter: realisations per indicator, the quarter's texts and its workflow status."""

import datetime

from django.conf import settings
from django.db import models

from capaian.organisasi.models import Pemda, Penandatangan, PerangkatDaerah
from capaian.perencanaan.models import Indikator, Program, nilai_k

PILIHAN_TRIWULAN: list[tuple[int, str]] = [(i, f"Triwulan {i}") for i in range(1, 5)]


class Realisasi(models.Model):
    """Realisation of one indicator row in one quarter (cols 8-11). `versi` guards concurrent edits."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    k = nilai_k()
    rp = models.BigIntegerField(null=True, blank=True)
    # Values of the indicator's formula variables, as decimal strings or null: {"realisasi_pad": "1151384000"}
    variabel = models.JSONField(default=dict, blank=True)
    # The operator's mark "belum ada data" with its reason ("" = not marked): the row has a target for the
    # quarter but no value yet, and says why. It lets the quarter be submitted (capaian.monev.alur, ajukan);
    # the values stay blank (blank is not zero) and the documents show the reason.
    belum_ada_data = models.TextField("alasan belum ada data", blank=True, default="")
    versi = models.PositiveIntegerField(default=1)
    diubah = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="realisasi_unik"),
            models.CheckConstraint(
                name="realisasi_triwulan_sah", condition=models.Q(triwulan__gte=1, triwulan__lte=4)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} — realisasi TW {self.triwulan} {self.tahun}"


class CatatanTriwulan(models.Model):
    """Per agency and quarter: the texts below Form E.81 and who signs."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="catatan")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    faktor_pendorong = models.TextField(blank=True)
    faktor_penghambat = models.TextField(blank=True)
    tindak_lanjut = models.TextField(blank=True)
    rekomendasi = models.TextField(blank=True)
    kendala = models.TextField(blank=True)
    solusi = models.TextField(blank=True)
    penandatangan = models.ForeignKey(Penandatangan, on_delete=models.SET_NULL, null=True, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    nomor_surat = models.CharField(max_length=100, blank=True)
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "triwulan"], name="catatan_unik")
        ]

    def __str__(self) -> str:
        return f"Catatan {self.perangkat_daerah} TW {self.triwulan} {self.tahun}"


class Cakupan(models.TextChoices):
    BIDANG = "bidang", "Urusan/bidang"
    PROGRAM = "program", "Program"


class CatatanCakupan(models.Model):
    """Per agency and quarter, the texts of one of its bidang urusan ("3.31") or one of its programs. The
    agency's own texts stay on CatatanTriwulan; these are what the Narasi (kendala, solusi per bidang) and
    the Kesimpulan (factors per program) print where they belong. Changed only by
    monev.services.simpan_catatan."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="catatan_cakupan"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    cakupan = models.CharField(max_length=10, choices=Cakupan.choices)
    kode_bidang = models.CharField(max_length=10, blank=True)  # "3.31" for a bidang, "" for a program
    program = models.ForeignKey(Program, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    faktor_pendorong = models.TextField(blank=True)
    faktor_penghambat = models.TextField(blank=True)
    tindak_lanjut = models.TextField(blank=True)
    rekomendasi = models.TextField(blank=True)
    kendala = models.TextField(blank=True)
    solusi = models.TextField(blank=True)
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "catatan per bidang/program"
        verbose_name_plural = "catatan per bidang/program"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan", "kode_bidang"],
                condition=models.Q(cakupan="bidang"),
                name="catatan_bidang_unik",
            ),
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan", "program"],
                condition=models.Q(cakupan="program"),
                name="catatan_program_unik",
            ),
            models.CheckConstraint(
                name="catatan_cakupan_sah",
                condition=(models.Q(cakupan="bidang", program__isnull=True) & ~models.Q(kode_bidang=""))
                | models.Q(cakupan="program", program__isnull=False, kode_bidang=""),
            ),
        ]

    def __str__(self) -> str:
        tempat = f"bidang {self.kode_bidang}" if self.kode_bidang else f"program {self.program}"
        return f"Catatan {tempat}, {self.perangkat_daerah} TW {self.triwulan} {self.tahun}"


class Status(models.TextChoices):
    DRAFT = "draft", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    TERKUNCI = "terkunci", "Terkunci"


class StatusTriwulan(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="status")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.DRAFT)
    catatan = models.TextField(blank=True)
    diubah = models.DateTimeField(auto_now=True)
    # The agency head's approval for signature (capaian.monev.alur.setujui); cleared when the quarter is
    # returned or unlocked, because what the head approved is then no longer what will be signed.
    disetujui_kepala_pada = models.DateTimeField(null=True, blank=True)
    disetujui_kepala_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The earlier quarter-wide explanation of the galat and its acceptance (the keys "jenis|sel" present
    # then). Superseded by one explanation per galat (PenjelasanGalat, capaian.monev.penjelasan); migration
    # 0005 turned each accepted one into accepted explanations of those galat. Kept for the record: the
    # checks page shows a text never accepted as the earlier explanation, to be written per galat.
    penjelasan_galat = models.TextField(blank=True)
    penjelasan_diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    penjelasan_diterima_pada = models.DateTimeField(null=True, blank=True)
    penjelasan_galat_diterima = models.JSONField(default=list, blank=True)
    penjelasan_sidik = models.CharField(max_length=64, blank=True)
    # Who returned the quarter last (the verifikator, or the head before it reached the verifikator).
    dikembalikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "triwulan"], name="status_unik")
        ]

    def __str__(self) -> str:
        return f"{self.perangkat_daerah} TW {self.triwulan} {self.tahun}: {self.get_status_display()}"

    @property
    def boleh_diubah(self) -> bool:
        return self.status in (Status.DRAFT, Status.DIKEMBALIKAN)


class PeriodeTriwulan(models.Model):
    """The entry window of one quarter for all agencies of a pemda. No row means the quarter is open."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="periode_triwulan")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    dibuka = models.DateField()
    ditutup = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun", "triwulan"], name="periode_unik"),
            models.CheckConstraint(name="periode_urut", condition=models.Q(ditutup__gte=models.F("dibuka"))),
        ]

    def __str__(self) -> str:
        return f"Masa pengisian TW {self.triwulan} {self.tahun} ({self.pemda})"

    def terbuka_pada(self, tanggal: datetime.date) -> bool:
        return self.dibuka <= tanggal <= self.ditutup


# The workflow's own records live in their own module (one job each); imported here so Django finds them.
from capaian.monev.models_alur import KeadaanPenjelasan as KeadaanPenjelasan  # noqa: E402
from capaian.monev.models_alur import KomentarBaris as KomentarBaris  # noqa: E402
from capaian.monev.models_alur import PenjelasanGalat as PenjelasanGalat  # noqa: E402
from capaian.monev.models_alur import PerpanjanganPeriode as PerpanjanganPeriode  # noqa: E402
