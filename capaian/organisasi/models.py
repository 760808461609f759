"""Who is who: the regional government (Pemda), its agencies (Perangkat Daerah), signatories and roles."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models

from capaian.aturan import predikat
from capaian.aturan.angka import AngkaError, parse_angka
from capaian.organisasi.lambang import penyimpanan_lambang, periksa_lambang

PILIHAN_SET_PREDIKAT = [(s.kode, s.nama) for s in predikat.SEMUA.values()]


class Pemda(models.Model):
    nama = models.CharField(max_length=200)  # "Kota Pasuruan"
    slug = models.SlugField(unique=True)
    provinsi = models.CharField(max_length=100, blank=True)
    tempat = models.CharField(max_length=100, help_text="Tempat penandatanganan, mis. Pasuruan")
    nama_bappeda = models.CharField(max_length=200, default="Bappelitbangda")
    # A built-in set (PILIHAN_SET_PREDIKAT) or the kode of one of this pemda's own SetPredikatPemda.
    set_predikat = models.CharField(
        max_length=60,
        default=predikat.BAWAAN.kode,
        help_text="Kode set predikat bawaan ("
        + ", ".join(k for k, _ in PILIHAN_SET_PREDIKAT)
        + ") atau kode set predikat sendiri.",
    )
    # The office's workflow (capaian.monev.alur): the agency head approves a submitted quarter before the
    # verifikator may verify or lock it. A pemda whose heads sign on paper turns it off.
    persetujuan_kepala = models.BooleanField(
        "persetujuan kepala perangkat daerah wajib",
        default=True,
        help_text="Bila dicentang, triwulan yang diajukan operator harus disetujui kepala perangkat daerah "
        "sebelum dapat diverifikasi atau dikunci verifikator.",
    )

    class Meta:
        verbose_name = "pemda"
        verbose_name_plural = "pemda"

    def __str__(self) -> str:
        return self.nama

    def band_predikat(self) -> predikat.SetPredikat:
        return predikat.cari(self.set_predikat, [s.ke_aturan() for s in self.set_predikat_sendiri.all()])

    def clean(self) -> None:
        try:
            self.band_predikat()
        except predikat.SetPredikatError as galat:
            raise ValidationError({"set_predikat": str(galat)}) from None


class SetPredikatPemda(models.Model):
    """A pemda's own predicate scale (other regions use 3 or 6 levels). Validated by the rules core, and its
    version goes up on every change so that a report can say which version judged it."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="set_predikat_sendiri")
    kode = models.SlugField(max_length=60)
    versi = models.PositiveIntegerField(default=1, editable=False)
    nama = models.CharField(max_length=200)
    aturan = models.CharField(max_length=20, choices=[(a.value, a.value) for a in predikat.AturanBatas])
    ambang = models.CharField(
        max_length=200, help_text="Batas antar-predikat, naik, dipisah titik koma: 60; 80"
    )
    label = models.TextField(
        help_text="Label predikat dari yang terendah, satu per baris (satu lebih dari batas)"
    )

    class Meta:
        verbose_name = "set predikat"
        verbose_name_plural = "set predikat"
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="set_predikat_kode_unik")]

    def __str__(self) -> str:
        return f"{self.nama} (versi {self.versi})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            self.versi += 1  # a changed scale is a new version; reports made earlier named the old one
        super().save(*args, **kwargs)

    def ke_aturan(self) -> predikat.SetPredikat:
        try:
            ambang = [parse_angka(t) for t in self.ambang.split(";") if t.strip()]
        except AngkaError as galat:
            raise predikat.SetPredikatError(f"Batas predikat: {galat}") from None
        return predikat.SetPredikat(
            kode=self.kode,
            versi=self.versi,
            nama=self.nama,
            aturan=predikat.AturanBatas(self.aturan),
            ambang=tuple(a for a in ambang if a is not None),
            label=tuple(t.strip() for t in self.label.splitlines() if t.strip()),
        )

    def clean(self) -> None:
        if self.kode in predikat.SEMUA:
            raise ValidationError({"kode": "Kode ini dipakai set predikat bawaan; pilih kode lain."})
        try:
            self.ke_aturan()
        except predikat.SetPredikatError as galat:
            raise ValidationError({"ambang": str(galat)}) from None


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="perangkat_daerah")
    nama = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    singkatan = models.CharField(max_length=40, blank=True)
    alamat = models.TextField(blank=True)
    # The letterhead (kop surat) of the Surat Pengantar: the reference prints all of these.
    telepon = models.CharField(max_length=60, blank=True)
    faksimile = models.CharField(max_length=60, blank=True)
    email = models.EmailField("pos-el", blank=True)
    laman = models.CharField("laman (situs web)", max_length=200, blank=True)
    logo = models.FileField(
        "lambang daerah",
        upload_to="logo/",
        storage=penyimpanan_lambang,
        blank=True,
        validators=[
            FileExtensionValidator(
                ["png", "jpg", "jpeg"], message="Nama berkas lambang harus berakhiran .png, .jpg, atau .jpeg."
            ),
            periksa_lambang,
        ],
        help_text="Gambar PNG atau JPEG (maksimal 2 MB), dicetak di kop Surat Pengantar.",
    )
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


class AmbangPeringatanDini(models.Model):
    """The pemda's early-warning thresholds (capaian.aturan.peringatan_dini), in percent of the pace; no
    row means the defaults (90 and 75)."""

    pemda = models.OneToOneField(Pemda, on_delete=models.CASCADE, related_name="ambang_peringatan")
    sesuai = models.DecimalField(max_digits=6, decimal_places=2, default=90)
    perhatian = models.DecimalField(max_digits=6, decimal_places=2, default=75)

    class Meta:
        verbose_name = "ambang peringatan dini"
        verbose_name_plural = "ambang peringatan dini"
        constraints = [
            models.CheckConstraint(name="ambang_urut", condition=models.Q(perhatian__lte=models.F("sesuai")))
        ]

    def __str__(self) -> str:
        return f"Sesuai jalur ≥ {self.sesuai} %, perlu perhatian ≥ {self.perhatian} %"
