"""The plan: Renstra (Tujuan > Sasaran) and Renja (Program > Kegiatan > Sub Kegiatan), indicators and targets.

Money is whole Rupiah in 64-bit integer columns (SQLite stores decimals as floats and would lose Rupiah);
indicator values are decimals. A blank (NULL) is "not entered" or "no target", never zero.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, RumusNegatif
from capaian.aturan.masukan import NilaiTidakSah, periksa_tanda
from capaian.organisasi.models import PerangkatDaerah


def nilai_k() -> "models.DecimalField[Decimal | None, Decimal | None]":
    return models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)


class Berversi(models.Model):
    """A row with a version that every save of an existing row raises (any door: services, admin forms and
    inlines), so that a dry run can tell later that the row changed since it read it (capaian.impor)."""

    versi = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            self.versi += 1
            kolom = kwargs.get("update_fields")
            if kolom is not None:
                kwargs["update_fields"] = {*kolom, "versi"}
        super().save(*args, **kwargs)


def tanda_sah(obj: models.Model, kolom: dict[str, str], boleh_negatif: bool) -> None:
    """Model-level form of the one sign check (masukan.periksa_tanda), for forms that validate the model
    (the admin's and its inlines): {field: "k" | "rp"}."""
    galat = {}
    for nama, jenis in kolom.items():
        try:
            periksa_tanda(**{jenis: getattr(obj, nama)}, boleh_negatif=boleh_negatif)
        except NilaiTidakSah as e:
            galat[nama] = str(e)
    if galat:
        raise ValidationError(galat)


def pd_elemen(elemen: "Tujuan | Sasaran | Program | Kegiatan | SubKegiatan") -> int:
    """The id of the agency an element of the plan belongs to."""
    if isinstance(elemen, Program):
        return elemen.perangkat_daerah_id
    if isinstance(elemen, Kegiatan):
        return elemen.program.perangkat_daerah_id
    if isinstance(elemen, SubKegiatan):
        return elemen.kegiatan.program.perangkat_daerah_id
    if isinstance(elemen, Sasaran):
        return elemen.tujuan.renstra.perangkat_daerah_id
    return elemen.renstra.perangkat_daerah_id


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

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.clean()  # no door (admin, services, shell) can link another agency's Sasaran
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        lain = (
            self.sasaran is not None
            and self.perangkat_daerah_id is not None
            and pd_elemen(self.sasaran) != self.perangkat_daerah_id
        )
        if lain:
            raise ValidationError(
                {
                    "sasaran": "Sasaran ini milik Renstra perangkat daerah lain; pilih sasaran Renstra "
                    "perangkat daerah program ini."
                }
            )
        if self.perangkat_daerah_id is not None:
            _tetap_milik_pd(self, self.perangkat_daerah_id, "perangkat_daerah")


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

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.program_id is not None:
            _tetap_milik_pd(self, self.program.perangkat_daerah_id, "program")


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

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.kegiatan_id is not None:
            _tetap_milik_pd(self, self.kegiatan.program.perangkat_daerah_id, "kegiatan")


def _tetap_milik_pd(elemen: "Program | Kegiatan | SubKegiatan", pd_id: int, kolom: str) -> None:
    """Moving an element (or its parent) to another agency would leave its indicators, and those of the
    elements below it, in the old agency's Form E.81 attached to the new agency's plan: refused."""
    if elemen.pk is None:
        return
    if isinstance(elemen, Program):
        q = models.Q(program=elemen) | models.Q(kegiatan__program=elemen)
        q |= models.Q(subkegiatan__kegiatan__program=elemen)
    elif isinstance(elemen, Kegiatan):
        q = models.Q(kegiatan=elemen) | models.Q(subkegiatan__kegiatan=elemen)
    else:
        q = models.Q(subkegiatan=elemen)
    if Indikator.objects.filter(q).exclude(perangkat_daerah_id=pd_id).exists():
        raise ValidationError(
            {
                kolom: "Elemen ini (atau elemen di bawahnya) mempunyai indikator perangkat daerah lain; "
                "indikator hanya dapat dikaitkan ke elemen rencana perangkat daerahnya sendiri."
            }
        )


class Tingkat(models.TextChoices):
    TUJUAN = "tujuan", "Tujuan"
    SASARAN = "sasaran", "Sasaran"
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUBKEGIATAN = "subkegiatan", "Sub Kegiatan"


ELEMEN = ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
# Per level, the element's code and name columns (a Tujuan or Sasaran has no code): Indikator.kode and
# .nama_elemen, and capaian.laporan.sumber.indikator_rencana, which reads them as values.
KOLOM_ELEMEN: dict[str, tuple[str | None, str]] = {
    "tujuan": (None, "uraian"),
    "sasaran": (None, "uraian"),
    "program": ("kode", "nama"),
    "kegiatan": ("kode", "nama"),
    "subkegiatan": ("kode", "nama"),
}


class Indikator(Berversi):
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
    # The formula's variables: [{"nama": "realisasi_pad", "label": "Realisasi PAD pelayanan pasar",
    # "catatan": "(s.d. Juni 2024)"}, ...]; "catatan" (optional) is the evidence note the Kertas Kerja prints
    # after the variable's value, as the reference does ("= 6 pasar (Pasar Besar, Kebonagung, …)").
    variabel = models.JSONField(default=list, blank=True)
    # The same note for an indicator whose K is entered directly (no formula): "dokumen (Renja 2025)".
    catatan_nilai = models.TextField(
        "catatan data masukan",
        blank=True,
        default="",
        help_text="Keterangan bukti yang dicetak di Kertas Kerja setelah nilai, mis. dokumen (Renja 2025).",
    )
    target_renstra_k = nilai_k()  # col 5
    target_renstra_rp = models.BigIntegerField(null=True, blank=True)
    # Whether a negative K or Rp (target or realisation) is a valid value of this indicator, e.g. the growth
    # of turnover, which may fall. Read by the one validator (capaian.aturan.masukan) on every door.
    boleh_negatif = models.BooleanField(
        "boleh negatif",
        default=False,
        help_text="Centang bila nilai K atau Rp indikator ini boleh negatif (mis. laju pertumbuhan).",
    )

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        kolom = kwargs.get("update_fields")
        if kolom is None or set(kolom) & {"perangkat_daerah", *ELEMEN}:
            self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """An indicator's element (and any other element link set) belongs to the indicator's agency: an
        indicator of one agency attached to another agency's sub kegiatan would appear in the wrong Form
        E.81."""
        super().clean()
        if self.perangkat_daerah_id is None:
            return
        galat = {}
        for nama in ELEMEN:
            if getattr(self, f"{nama}_id") is None:
                continue
            elemen = getattr(self, nama)
            if pd_elemen(elemen) != self.perangkat_daerah_id:
                galat[nama] = (
                    f"{elemen} milik perangkat daerah lain; indikator hanya dapat dikaitkan ke elemen "
                    "rencana perangkat daerahnya sendiri."
                )
        if galat:
            raise ValidationError(galat)
        tanda_sah(self, {"target_renstra_k": "k", "target_renstra_rp": "rp"}, self.boleh_negatif)

    @property
    def elemen(self) -> Tujuan | Sasaran | Program | Kegiatan | SubKegiatan:
        elemen = getattr(self, self.tingkat)
        assert elemen is not None
        return elemen  # type: ignore[no-any-return]

    @property
    def elemen_id(self) -> int:
        """The id of the element this indicator measures (its level's link)."""
        return getattr(self, f"{self.tingkat}_id")  # type: ignore[no-any-return]

    @property
    def kode(self) -> str | None:
        kolom = KOLOM_ELEMEN[self.tingkat][0]
        return getattr(self.elemen, kolom) if kolom else None

    @property
    def nama_elemen(self) -> str:
        return getattr(self.elemen, KOLOM_ELEMEN[self.tingkat][1])  # type: ignore[no-any-return]


class TargetTahunan(Berversi):
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

    def __str__(self) -> str:
        return f"{self.indikator} — target {self.tahun}"

    def clean(self) -> None:
        super().clean()
        if self.indikator_id is not None:
            kolom = {"realisasi_lalu_k": "k", "realisasi_lalu_rp": "rp", "target_k": "k", "target_rp": "rp"}
            tanda_sah(self, kolom, self.indikator.boleh_negatif)


class TargetTriwulan(Berversi):
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

    def __str__(self) -> str:
        return f"{self.indikator} — target TW {self.triwulan} {self.tahun}"

    def clean(self) -> None:
        super().clean()
        if self.indikator_id is not None:
            tanda_sah(self, {"k": "k", "rp": "rp"}, self.indikator.boleh_negatif)


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

    def __str__(self) -> str:
        return f"{self.indikator} — target Renstra {self.tahun}"


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

    def __str__(self) -> str:
        return f"{self.indikator} — koreksi kolom 6 {self.tahun}"


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

    def __str__(self) -> str:
        return f"{self.perangkat_daerah} — Renja {self.tahun}"


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

    def __str__(self) -> str:
        return f"Renja Perubahan {self.tahun} {self.perangkat_daerah} ({self.dasar_hukum})"


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

    def __str__(self) -> str:
        return f"{self.indikator} — perubahan {self.get_bagian_display()}"
