"""The city documents' signatory and the reminders sent, in the master-data admin (audited, per pemda)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from capaian.kota.models import PenandatanganKota, Pengingat
from capaian.web.admin import AdminPeran, situs_admin


@admin.register(PenandatanganKota, site=situs_admin)
class PenandatanganKotaAdmin(AdminPeran):
    list_display = ["nama", "jabatan", "status", "aktif", "pemda"]
    list_filter = ["aktif"]


@admin.register(Pengingat, site=situs_admin)
class PengingatAdmin(AdminPeran):
    """A record of what was sent: it can be read, never changed."""

    list_display = ["dikirim_pada", "perangkat_daerah", "tahun", "triwulan", "dikirim_oleh"]
    list_filter = ["tahun", "triwulan", "perangkat_daerah"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
