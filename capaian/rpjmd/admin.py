"""The RPJMD in the master-data admin (capaian.web.admin.situs_admin): audited and scoped to the admin's pemda
through AdminPeran / IzinPeran, like every other master-data page."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin

from capaian.rpjmd.models import (
    IndikatorSasaranRPJMD,
    PeriodeRPJMD,
    SasaranRPJMD,
    TargetSasaranRPJMD,
    TautanProgram,
    TujuanRPJMD,
)
from capaian.web.admin import AdminPeran, IzinPeran, situs_admin

if TYPE_CHECKING:
    _TabularInline = admin.TabularInline[Any, Any]
    _ModelForm = forms.ModelForm[TautanProgram]
else:
    _TabularInline, _ModelForm = admin.TabularInline, forms.ModelForm


class TujuanInline(IzinPeran, _TabularInline):
    model = TujuanRPJMD
    extra = 0


@admin.register(PeriodeRPJMD, site=situs_admin)
class PeriodeRPJMDAdmin(AdminPeran):
    list_display = ["nama", "tahun_awal", "tahun_akhir", "dasar_hukum", "pemda"]
    inlines = [TujuanInline]


class SasaranInline(IzinPeran, _TabularInline):
    model = SasaranRPJMD
    extra = 0


@admin.register(TujuanRPJMD, site=situs_admin)
class TujuanRPJMDAdmin(AdminPeran):
    list_display = ["kode", "uraian", "rpjmd"]
    search_fields = ["kode", "uraian"]
    inlines = [SasaranInline]


class IndikatorInline(IzinPeran, _TabularInline):
    model = IndikatorSasaranRPJMD
    extra = 0


@admin.register(SasaranRPJMD, site=situs_admin)
class SasaranRPJMDAdmin(AdminPeran):
    list_display = ["kode", "uraian", "tujuan"]
    search_fields = ["kode", "uraian"]
    inlines = [IndikatorInline]


class TargetInline(IzinPeran, _TabularInline):
    model = TargetSasaranRPJMD
    extra = 0


@admin.register(IndikatorSasaranRPJMD, site=situs_admin)
class IndikatorSasaranRPJMDAdmin(AdminPeran):
    list_display = ["uraian", "satuan", "kondisi_awal", "target_akhir", "sasaran"]
    search_fields = ["uraian"]
    inlines = [TargetInline]


class FormTautan(_ModelForm):
    class Meta:
        model = TautanProgram
        fields = ["rpjmd", "program", "sasaran"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rpjmd, program, sasaran = data.get("rpjmd"), data.get("program"), data.get("sasaran")
        if rpjmd is not None and sasaran is not None and sasaran.tujuan.rpjmd_id != rpjmd.pk:
            self.add_error("sasaran", "Sasaran ini bukan bagian dari periode RPJMD yang dipilih.")
        if rpjmd is not None and program is not None and program.perangkat_daerah.pemda_id != rpjmd.pemda_id:
            self.add_error("program", "Program ini bukan milik pemda RPJMD yang dipilih.")
        return data


@admin.register(TautanProgram, site=situs_admin)
class TautanProgramAdmin(AdminPeran):
    form = FormTautan
    list_display = ["program", "perangkat_daerah", "sasaran", "rpjmd"]
    list_filter = ["rpjmd", "sasaran"]
    search_fields = ["program__kode", "program__nama", "sasaran__kode"]
    list_select_related = ["program__perangkat_daerah", "sasaran", "rpjmd"]

    @admin.display(description="perangkat daerah")
    def perangkat_daerah(self, obj: TautanProgram) -> str:
        return obj.program.perangkat_daerah.nama
