"""The plan: Renstra (Tujuan > Sasaran) and Renja (Program > Kegiatan > Sub Kegiatan), indicators and targets.

Money is whole Rupiah in 64-bit integer columns (SQLite stores decimals as floats and would lose Rupiah);
indicator values are decimals. A blank (NULL) is "not entered" or "no target", never zero.
"""

from decimal import Decimal

from django.db import models

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, RumusNegatif
from capaian.organisasi.models import PerangkatDaerah


def nilai_k() -> "models.DecimalField[Decimal | None, Decimal | None]":
    return models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)


class PeriodeRenstra(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="renstra")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "periode Renstra"
        verbose_name_plural = "periode Renstra"
        constraints = [
            models.CheckConstraint(
                name="renstra_urut", condition=models.Q(tahun_akhir__gte=models.F("tahun_awal"))
            )
        ]

    def __str__(self) -> str:
        return f"Renstra {self.tahun_awal}-{self.tahun_akhir}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(PeriodeRenstra, on_delete=models.CASCADE, related_name="tujuan")
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"

    def __str__(self) -> str:
        return self.uraian


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"

    def __str__(self) -> str:
        return self.uraian


class Program(models.Model):
    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="program")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.SET_NULL, null=True, blank=True)
    kode = models.CharField(max_length=40)
    nama = models.TextField()

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "kode"], name="program_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Kegiatan(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    kode = models.CharField(max_length=40)
    nama = models.TextField()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        constraints = [models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="subkegiatan")
    kode = models.CharField(max_length=40)
    nama = models.TextField()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        constraints = [models.UniqueConstraint(fields=["kegiatan", "kode"], name="subkegiatan_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Tingkat(models.TextChoices):
    TUJUAN = "tujuan", "Tujuan"
    SASARAN = "sasaran", "Sasaran"
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUBKEGIATAN = "subkegiatan", "Sub Kegiatan"


class Indikator(models.Model):
    """One indicator row of Form E.81. Exactly one of the five element links is set."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="indikator")
    tingkat = models.CharField(max_length=12, choices=Tingkat.choices)
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, null=True, blank=True)
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, null=True, blank=True)
    program = models.ForeignKey(Program, on_delete=models.CASCADE, null=True, blank=True)
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, null=True, blank=True)
    subkegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, null=True, blank=True)
    uraian = models.TextField()
    satuan = models.CharField(max_length=60)
    # Position in the agency's Form E.81 (the reference report lists its Sasaran before its Tujuan).
    urutan = models.PositiveIntegerField()
    polaritas = models.CharField(
        max_length=10, choices=[(p.value, p.value) for p in Polaritas], default="positif"
    )
    rumus_negatif = models.CharField(
        max_length=10, choices=[(r.value, r.value) for r in RumusNegatif], default=RumusNegatif.DUA_T_KURANG_R
    )
    agregasi = models.CharField(
        max_length=12, choices=[(a.value, a.value) for a in Agregasi], default="jumlah"
    )
    akumulasi = models.CharField(
        max_length=14, choices=[(a.value, a.value) for a in Akumulasi], default="kumulatif"
    )
    # The Kertas Kerja formula (capaian.aturan.rumus syntax); blank for a value entered directly.
    rumus = models.TextField(blank=True)
    # The formula's variables: [{"nama": "realisasi_pad", "label": "Realisasi PAD pelayanan pasar"}, ...]
    variabel = models.JSONField(default=list, blank=True)
    target_renstra_k = nilai_k()  # col 5
    target_renstra_rp = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["perangkat_daerah", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "urutan"], name="indikator_urutan_unik"),
            models.CheckConstraint(
                name="indikator_satu_elemen",
                condition=(
                    models.Q(tingkat="tujuan", tujuan__isnull=False)
                    | models.Q(tingkat="sasaran", sasaran__isnull=False)
                    | models.Q(tingkat="program", program__isnull=False)
                    | models.Q(tingkat="kegiatan", kegiatan__isnull=False)
                    | models.Q(tingkat="subkegiatan", subkegiatan__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def elemen(self) -> Tujuan | Sasaran | Program | Kegiatan | SubKegiatan:
        elemen = getattr(self, self.tingkat)
        assert elemen is not None
        return elemen  # type: ignore[no-any-return]

    @property
    def kode(self) -> str | None:
        return getattr(self.elemen, "kode", None)

    @property
    def nama_elemen(self) -> str:
        elemen = self.elemen
        return elemen.nama if isinstance(elemen, Program | Kegiatan | SubKegiatan) else elemen.uraian


class TargetTahunan(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_tahunan")
    tahun = models.PositiveSmallIntegerField()
    realisasi_lalu_k = nilai_k()  # col 6: Renstra realisation up to last year
    realisasi_lalu_rp = models.BigIntegerField(null=True, blank=True)
    target_k = nilai_k()  # col 7
    target_rp = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "target tahunan"
        verbose_name_plural = "target tahunan"
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_tahunan_unik")]


class TargetTriwulan(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_triwulan")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=[(i, f"TW {i}") for i in range(1, 5)])
    k = nilai_k()
    rp = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "target triwulan"
        verbose_name_plural = "target triwulan"
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="target_triwulan_unik")
        ]


class TargetRenstraTahunan(models.Model):
    """The Renstra's target of one indicator for one year of its period (the Renstra's table of yearly
    targets; Form E.80's target per year). "Mulai tahun N+1" takes year N+1's Renja target from here."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_renstra_tahunan")
    tahun = models.PositiveSmallIntegerField()
    k = nilai_k()
    rp = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "target Renstra tahunan"
        verbose_name_plural = "target Renstra tahunan"
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_renstra_tahunan_unik")
        ]


class KoreksiKolom6(models.Model):
    """An override of a derived column 6 (Renstra realisation up to last year), with its reason. Only
    meaningful where the previous year is stored (otherwise column 6 is an input of TargetTahunan); a part
    left blank (K or Rp) keeps its derived value."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="koreksi_kolom_6")
    tahun = models.PositiveSmallIntegerField()
    k = nilai_k()
    rp = models.BigIntegerField(null=True, blank=True)
    alasan = models.TextField()
    diubah = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "koreksi kolom 6"
        verbose_name_plural = "koreksi kolom 6"
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="koreksi_kolom_6_unik")]


class TahunRenja(models.Model):
    """A Renja year an agency has started ("Mulai tahun N+1", capaian.perencanaan.tahun_baru)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="tahun_renja"
    )
    tahun = models.PositiveSmallIntegerField()
    dari_tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    dimulai_pada = models.DateTimeField(auto_now_add=True)
    dimulai_oleh = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "tahun Renja"
        verbose_name_plural = "tahun Renja"
        constraints = [models.UniqueConstraint(fields=["perangkat_daerah", "tahun"], name="tahun_renja_unik")]


class DasarPerubahan(models.Model):
    """The Renja Perubahan of one agency and year (the APBD-P): its legal basis and the quarter from which
    reports use the perubahan targets. Quarters before it keep reporting against the murni targets (the
    TargetTahunan, TargetTriwulan and Indikator values, never rewritten). One per agency and year."""

    perangkat_daerah = models.ForeignKey(PerangkatDaerah, on_delete=models.CASCADE, related_name="perubahan")
    tahun = models.PositiveSmallIntegerField()
    berlaku_triwulan = models.PositiveSmallIntegerField(
        choices=[(i, f"Triwulan {i}") for i in range(2, 5)], default=3
    )
    dasar_hukum = models.TextField()  # e.g. "Peraturan Daerah Kota Pasuruan Nomor 7 Tahun 2024 tentang ..."
    nomor = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    diubah = models.DateTimeField(auto_now=True)
    diubah_oleh = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "dasar perubahan"
        verbose_name_plural = "dasar perubahan"
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun"], name="dasar_perubahan_unik"),
            models.CheckConstraint(
                name="perubahan_triwulan_sah",
                condition=models.Q(berlaku_triwulan__gte=2, berlaku_triwulan__lte=4),
            ),
        ]


class BagianTarget(models.TextChoices):
    RENSTRA = "renstra", "Target Renstra (kolom 5)"
    TAHUNAN = "tahunan", "Target tahun ini (kolom 7)"
    TW1 = "1", "Target TW I"
    TW2 = "2", "Target TW II"
    TW3 = "3", "Target TW III"
    TW4 = "4", "Target TW IV"


class PerubahanTarget(models.Model):
    """The perubahan value of one target of one indicator (a part left blank keeps its murni value)."""

    dasar = models.ForeignKey(DasarPerubahan, on_delete=models.CASCADE, related_name="target")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="perubahan_target")
    bagian = models.CharField(max_length=8, choices=BagianTarget.choices)
    k = nilai_k()
    rp = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "target perubahan"
        verbose_name_plural = "target perubahan"
        constraints = [
            models.UniqueConstraint(fields=["dasar", "indikator", "bagian"], name="perubahan_target_unik")
        ]
