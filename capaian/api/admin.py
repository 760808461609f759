"""API tokens in the admin: the Admin Pemda sees the tokens of the pemda's users and revokes them (a lost
laptop, a script that should no longer run). Tokens are never made or edited here: only the sign-in makes
one, and its secret is never stored."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from capaian.api.models import ApiToken
from capaian.audit.catat import catat_data_induk
from capaian.web.admin import IzinPeran, situs_admin


@admin.register(ApiToken, site=situs_admin)
class ApiTokenAdmin(IzinPeran, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pengguna", "dibuat", "terakhir_dipakai", "kedaluwarsa", "dicabut"]
    list_filter = ["dicabut"]
    search_fields = ["pengguna__username"]
    readonly_fields = ["pengguna", "dibuat", "terakhir_dipakai", "kedaluwarsa", "dicabut"]
    exclude = ["kunci", "sidik_sandi"]
    actions = ["cabut"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Cabut token terpilih")
    def cabut(self, request: HttpRequest, queryset: Any) -> None:
        jumlah = 0
        for t in queryset.filter(dicabut__isnull=True):
            t.cabut()
            catat_data_induk(request.user, t, "cabut token", {"dicabut": (None, t.dicabut)})
            jumlah += 1
        self.message_user(request, f"{jumlah} token dicabut.", messages.SUCCESS)
