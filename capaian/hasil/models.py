"""Results stored on write (issue 14): per indicator and quarter the computed columns of Form E.81 (12-15,
predicates, early warning) with the printed inputs they were computed from, and per agency and quarter the
totals and the summary the board and the dashboards show.

Written only by capaian.hasil.simpan, inside the service transaction that changed their inputs; rebuilt and
checked by `capaian hitung-ulang [--periksa]`. They hold derived numbers only: everything here can be
recomputed from the plan and the realisations by the rules core."""

from decimal import Decimal

from django.db import models

from capaian.monev.models import PILIHAN_TRIWULAN
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator


def _angka() -> "models.DecimalField[Decimal | None, Decimal | None]":
    # Every K and percentage of a result is rounded as printed (2 decimals) by the rules core.
    return models.DecimalField(max_digits=30, decimal_places=2, null=True, blank=True)


def _rp() -> "models.BigIntegerField[int | None, int | None]":
    return models.BigIntegerField(null=True, blank=True)


def _predikat() -> "models.CharField[str, str]":
    return models.CharField(max_length=20, blank=True, default="")


class HasilIndikator(models.Model):
    """One indicator row of one agency's Form E.81 in one quarter, as computed (capaian.laporan.e81)."""

    # No single-column indexes: the unique (indikator, tahun, triwulan) and the index (perangkat_daerah,
    # tahun, triwulan) lead with them (5.2 million rows at national scale: bench/nasional.py).
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="+", db_index=False)
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    urutan = models.PositiveIntegerField()  # position in the agency's Form E.81
    no = models.PositiveIntegerField(null=True, blank=True)  # the printed row number
    realisasi_k = _angka()  # col 12
    realisasi_rp = _rp()
    capaian_k = _angka()  # col 13
    capaian_rp = _angka()
    realisasi_renstra_k = _angka()  # col 14
    realisasi_renstra_rp = _rp()
    capaian_renstra_k = _angka()  # col 15
    capaian_renstra_rp = _angka()
    predikat_k = _predikat()  # of col 13
    predikat_rp = _predikat()
    predikat_renstra_k = _predikat()  # of col 15
    predikat_renstra_rp = _predikat()
    dini = models.CharField(max_length=20, blank=True, default="")  # early warning status, "" = none
    laju_k = _angka()
    laju_rp = _angka()
    proyeksi_k = _angka()
    proyeksi_rp = _rp()
    # The printed inputs (columns 5-11, parents' Rp derived) and where column 6 came from, as
    # capaian.hasil.kode writes them: what Form E.79 prints beside the results.
    masukan = models.JSONField(default=dict)

    class Meta:
        verbose_name = "hasil indikator tersimpan"
        verbose_name_plural = "hasil indikator tersimpan"
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="hasil_indikator_unik")
        ]
        indexes = [models.Index(fields=["perangkat_daerah", "tahun", "triwulan"], name="hasil_pd_tw")]

    def __str__(self) -> str:
        return f"Hasil {self.indikator} TW {self.triwulan} {self.tahun}"


class HasilPerangkatDaerah(models.Model):
    """One agency's quarter in totals (Form E.81's Jumlah and Total Rata-Rata) and the summary of the board
    and dashboards (capaian.kota.ringkasan.Ringkasan, in `ringkasan`)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # For recaps by region; indexed with the quarter (hasil_pemda_tw).
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="+", db_index=False)
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=PILIHAN_TRIWULAN)
    baris = models.PositiveIntegerField()
    target_rp = _rp()  # Jumlah col 7
    realisasi_rp = _rp()  # Jumlah col 12
    capaian_k = _angka()  # Total Rata-Rata col 13
    capaian_rp = _angka()
    predikat_k = _predikat()
    predikat_rp = _predikat()
    galat = models.PositiveIntegerField(default=0)
    ada_isian = models.BooleanField(default=False)
    ringkasan = models.JSONField(default=dict)

    class Meta:
        verbose_name = "hasil perangkat daerah tersimpan"
        verbose_name_plural = "hasil perangkat daerah tersimpan"
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "tahun", "triwulan"], name="hasil_pd_unik")
        ]
        indexes = [models.Index(fields=["pemda", "tahun", "triwulan"], name="hasil_pemda_tw")]

    def __str__(self) -> str:
        return f"Hasil {self.perangkat_daerah} TW {self.triwulan} {self.tahun}"
