"""Who is who: the regional government (Pemda), its agencies (Perangkat Daerah), signatories and roles."""

from django.conf import settings
from django.db import models

from capaian.aturan import predikat

PILIHAN_SET_PREDIKAT = [(s.kode, s.nama) for s in predikat.SEMUA.values()]


class Pemda(models.Model):
    nama = models.CharField(max_length=200)  # "Kota Pasuruan"
    slug = models.SlugField(unique=True)
    provinsi = models.CharField(max_length=100, blank=True)
    tempat = models.CharField(max_length=100, help_text="Tempat penandatanganan, mis. Pasuruan")
    nama_bappeda = models.CharField(max_length=200, default="Bappelitbangda")
    set_predikat = models.CharField(max_length=60, choices=PILIHAN_SET_PREDIKAT, default=predikat.BAWAAN.kode)

    class Meta:
        verbose_name = "pemda"
        verbose_name_plural = "pemda"

    def __str__(self) -> str:
        return self.nama

    def band_predikat(self) -> predikat.SetPredikat:
        return predikat.cari(self.set_predikat)


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="perangkat_daerah")
    nama = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    singkatan = models.CharField(max_length=40, blank=True)
    alamat = models.TextField(blank=True)
    # Synthetic example data is marked so that nobody mistakes it for a real agency's report.
    sintetis = models.BooleanField(default=False)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class StatusJabatan(models.TextChoices):
    DEFINITIF = "definitif", "Definitif"
    PLT = "plt", "Plt."
    PJ = "pj", "Pj."


class Penandatangan(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="penandatangan"
    )
    nama = models.CharField(max_length=200)
    nip = models.CharField(max_length=30, blank=True)
    pangkat = models.CharField(max_length=100, blank=True)  # "Pembina Utama Muda IV/c"
    jabatan = models.CharField(max_length=200)  # "Kepala Dinas Perindustrian dan Perdagangan Kota Pasuruan"
    status = models.CharField(max_length=10, choices=StatusJabatan.choices, default=StatusJabatan.DEFINITIF)
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name = "penandatangan"
        verbose_name_plural = "penandatangan"

    def __str__(self) -> str:
        return self.nama

    @property
    def jabatan_lengkap(self) -> str:
        awalan = {StatusJabatan.PLT: "Plt. ", StatusJabatan.PJ: "Pj. "}.get(StatusJabatan(self.status), "")
        return f"{awalan}{self.jabatan}"


class Peran(models.TextChoices):
    ADMIN = "admin", "Admin Pemda"
    VERIFIKATOR = "verifikator", "Verifikator Bappelitbangda"
    OPERATOR = "operator", "Operator Perangkat Daerah"
    KEPALA = "kepala", "Kepala Perangkat Daerah"
    PIMPINAN = "pimpinan", "Pimpinan Daerah"


class Profil(models.Model):
    """A user's role and, for agency roles, the one agency the user belongs to."""

    pengguna = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil")
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT)
    peran = models.CharField(max_length=20, choices=Peran.choices)
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name = "profil pengguna"
        verbose_name_plural = "profil pengguna"
        constraints = [
            models.CheckConstraint(
                name="peran_pd_punya_perangkat_daerah",
                condition=(
                    ~models.Q(peran__in=["operator", "kepala"]) | models.Q(perangkat_daerah__isnull=False)
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} ({self.get_peran_display()})"
