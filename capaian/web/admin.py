"""Master data for the admin role: Django's admin site, on its own AdminSite so that only the Admin Pemda
role (not Django's is_staff/superuser flags) decides who gets in. Registered here rather than in each app's
admin.py because those apps belong to other parts of the project."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from capaian.aturan.angka import format_k, format_rupiah
from capaian.aturan.rumus import RumusError, urai
from capaian.monev.beku import TriwulanTertutup
from capaian.organisasi import akses
from capaian.organisasi.models import (
    AmbangPeringatanDini,
    Pemda,
    Penandatangan,
    PerangkatDaerah,
    Profil,
    SetPredikatPemda,
)
from capaian.perencanaan import data_induk
from capaian.perencanaan.models import (
    ELEMEN,
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
    Tujuan,
)
from capaian.web.admin_masukan import BidangK, BidangRp, BidangVariabel

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
    _TabularInline = admin.TabularInline[Any, Any]
    _StackedInline = admin.StackedInline[Any, Any]
    _ModelForm = forms.ModelForm[Indikator]
    _UserAdmin = UserAdmin[User]
else:  # the admin classes are not subscriptable at run time (no django-stubs-ext monkeypatch)
    _ModelAdmin, _TabularInline, _StackedInline, _ModelForm, _UserAdmin = (
        admin.ModelAdmin,
        admin.TabularInline,
        admin.StackedInline,
        forms.ModelForm,
        UserAdmin,
    )


def adalah_admin(request: HttpRequest) -> bool:
    return akses.adalah_admin(request.user)


class SitusAdmin(admin.AdminSite):
    site_header = "Capaian — Data Induk"
    site_title = "Data Induk Capaian"
    index_title = "Pengelolaan data induk"
    site_url = "/"

    def has_permission(self, request: HttpRequest) -> bool:
        return adalah_admin(request)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # One login page for the whole app (with its lockout); a signed-in non-admin is simply refused.
        if request.user.is_authenticated:
            raise PermissionDenied("Hanya Admin Pemda yang dapat membuka data induk.")
        tujuan = request.GET.get("next", reverse("admin:index"))
        return redirect(f"{reverse('masuk')}?{urlencode({'next': tujuan})}")

    def password_change(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        # The admin's own password: saved by Django's form, audited in the same transaction.
        with transaction.atomic():
            r = super().password_change(request, extra_context)
            if request.method == "POST" and r.status_code == 302:
                data_induk.catat_ganti_sandi(
                    request.user, User.objects.get(username=request.user.get_username())
                )
        return r


situs_admin = SitusAdmin(name="admin")


class IzinPeran:
    """Permissions by the Admin Pemda role instead of per-model Django permissions, and every list, object
    and foreign-key choice limited to the admin's own pemda (capaian.organisasi.akses.saring_pemda): the
    admin of one pemda never sees another pemda's agencies, users or plan. Number fields read Indonesian
    input ("1.000.000", "12,5") through the one validator (capaian.web.admin_masukan)."""

    formfield_overrides: ClassVar[Mapping[type[models.Field[Any, Any]], Mapping[str, Any]]] = {
        models.DecimalField: {"form_class": BidangK},
        models.BigIntegerField: {"form_class": BidangRp},
    }

    def has_module_permission(self, request: HttpRequest) -> bool:
        return adalah_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return adalah_admin(request) and akses.milik_pemda(request.user, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return adalah_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return adalah_admin(request) and akses.milik_pemda(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return adalah_admin(request) and akses.milik_pemda(request.user, obj)

    def get_queryset(self, request: HttpRequest) -> Any:
        return akses.saring_pemda(super().get_queryset(request), request.user)  # type: ignore[misc]

    def get_list_filter(self, request: HttpRequest) -> Any:
        # A foreign-key filter offers only the values present in the (scoped) list, not every pemda's.
        filter_ = super().get_list_filter(request)  # type: ignore[misc]
        model = self.model  # type: ignore[attr-defined]
        return [
            (f, admin.RelatedOnlyFieldListFilter)
            if isinstance(f, str) and "__" not in f and model._meta.get_field(f).is_relation
            else f
            for f in filter_
        ]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        model = db_field.remote_field.model
        if akses.jalur_pemda(model) is not None:
            kwargs["queryset"] = akses.saring_pemda(model._default_manager.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        model = db_field.remote_field.model
        if akses.jalur_pemda(model) is not None:
            kwargs["queryset"] = akses.saring_pemda(model._default_manager.all(), request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class LewatLayanan:
    """Every save of the admin, of its forms and of their inline forms, goes through
    capaian.perencanaan.data_induk: permission, frozen quarters (capaian.monev.beku) and the audit trail
    (field, old value, new value) in the admin's one transaction. A refusal rolls the whole page back and
    says why."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        data_induk.simpan(request.user, obj, data_induk.perubahan_form(form, not change), baru=not change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for f in formset.forms:
            tersimpan = f.instance.pk is not None
            if formset.can_delete and formset._should_delete_form(f):
                if tersimpan:
                    data_induk.hapus(request.user, f.instance)
                    formset.deleted_objects.append(f.instance)
                continue
            if not f.has_changed():
                continue
            obj = f.save(commit=False)
            fk = getattr(formset, "fk", None)
            if fk is not None:
                setattr(obj, fk.name, formset.instance)
            data_induk.simpan(
                request.user, obj, data_induk.perubahan_form(f, not tersimpan), baru=not tersimpan
            )
            f.save_m2m()
            if tersimpan:
                formset.changed_objects.append((obj, f.changed_data))
            else:
                formset.new_objects.append(obj)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        data_induk.hapus(request.user, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)

    def _tolak(self, request: HttpRequest, e: Exception) -> HttpResponse:
        messages.error(request, str(e))
        return redirect(request.get_full_path())

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().changeform_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
        except TriwulanTertutup as e:
            return self._tolak(request, e)

    def delete_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().delete_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
        except TriwulanTertutup as e:
            return self._tolak(request, e)

    def changelist_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The bulk "delete selected" action runs here; Django wraps it in no transaction of its own.
        try:
            with transaction.atomic():
                return super().changelist_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
        except TriwulanTertutup as e:
            return self._tolak(request, e)


class AdminPeran(IzinPeran, LewatLayanan, _ModelAdmin):
    """Master data edited here is audited like every other change: field, old value, new value."""


class ProfilInline(IzinPeran, _StackedInline):
    """The user's role and agency, set on the user's own page."""

    model = Profil
    can_delete = False
    fk_name = "pengguna"


class PenggunaAdmin(IzinPeran, LewatLayanan, _UserAdmin):
    inlines = [ProfilInline]

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        # Django's own view (its permission check is has_change_permission, limited to the admin's pemda)
        # saves the new password; the trail is written in the same transaction when it succeeded (a redirect).
        with transaction.atomic():
            r = super().user_change_password(request, id, form_url)
            if request.method == "POST" and r.status_code == 302:
                data_induk.catat_ganti_sandi(request.user, User.objects.get(pk=id))
        return r


# Django's groups are global (not per pemda) and the app does not use them: roles are capaian's Profil.
situs_admin.register(User, PenggunaAdmin)


@admin.register(Pemda, site=situs_admin)
class PemdaAdmin(AdminPeran):
    list_display = ["nama", "provinsi", "set_predikat"]


@admin.register(SetPredikatPemda, site=situs_admin)
class SetPredikatPemdaAdmin(AdminPeran):
    list_display = ["nama", "kode", "versi", "aturan", "ambang", "pemda"]
    readonly_fields = ["versi"]


@admin.register(AmbangPeringatanDini, site=situs_admin)
class AmbangPeringatanDiniAdmin(AdminPeran):
    list_display = ["pemda", "sesuai", "perhatian"]


@admin.register(PerangkatDaerah, site=situs_admin)
class PerangkatDaerahAdmin(AdminPeran):
    list_display = ["nama", "singkatan", "slug", "sintetis"]
    search_fields = ["nama", "singkatan"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(Penandatangan, site=situs_admin)
class PenandatanganAdmin(AdminPeran):
    list_display = ["nama", "jabatan", "perangkat_daerah", "status", "aktif"]
    list_filter = ["perangkat_daerah", "aktif"]


@admin.register(Profil, site=situs_admin)
class ProfilAdmin(AdminPeran):
    list_display = ["pengguna", "peran", "perangkat_daerah", "pemda"]
    list_filter = ["peran", "perangkat_daerah"]


for model in (PeriodeRenstra, Tujuan, Sasaran):
    situs_admin.register(model, AdminPeran)


@admin.register(Program, site=situs_admin)
class ProgramAdmin(AdminPeran):
    list_display = ["kode", "nama", "perangkat_daerah"]
    list_filter = ["perangkat_daerah"]
    search_fields = ["kode", "nama"]


@admin.register(Kegiatan, site=situs_admin)
class KegiatanAdmin(AdminPeran):
    list_display = ["kode", "nama", "program"]
    search_fields = ["kode", "nama"]


@admin.register(SubKegiatan, site=situs_admin)
class SubKegiatanAdmin(AdminPeran):
    list_display = ["kode", "nama", "kegiatan"]
    search_fields = ["kode", "nama"]


class FormIndikator(_ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "perangkat_daerah",
            "tingkat",
            "tujuan",
            "sasaran",
            "program",
            "kegiatan",
            "subkegiatan",
            "uraian",
            "satuan",
            "urutan",
            "polaritas",
            "rumus_negatif",
            "agregasi",
            "akumulasi",
            "rumus",
            "variabel",
            "catatan_nilai",
            "target_renstra_k",
            "target_renstra_rp",
            "boleh_negatif",
        ]
        help_texts = {
            "rumus": (
                "Rumus Kertas Kerja, mis. realisasi_pad / target_pad * 100. Kosongkan bila K diisi langsung."
            ),
        }

    # Declared, so the Meta's help_texts do not reach it.
    variabel = BidangVariabel(
        label="Variabel rumus",
        help_text=(
            "Satu baris per variabel: nama yang dipakai dalam rumus (mis. realisasi_pad), label yang "
            "tercetak di Kertas Kerja dan, bila ada, catatan bukti yang dicetak setelah nilainya "
            "(mis. (s.d. Juni 2024)). Baris kosong diabaikan; simpan untuk mendapat baris kosong lagi."
        ),
    )

    # Each element link offers only the elements of the indicator's own agency (the model refuses others).
    JALUR_PD = {
        "tujuan": "renstra__perangkat_daerah",
        "sasaran": "tujuan__renstra__perangkat_daerah",
        "program": "perangkat_daerah",
        "kegiatan": "program__perangkat_daerah",
        "subkegiatan": "kegiatan__program__perangkat_daerah",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pd_id = self.instance.perangkat_daerah_id
        if self.is_bound and str(self.data.get("perangkat_daerah", "")).isdigit():
            pd_id = int(self.data["perangkat_daerah"])
        if pd_id is None:
            return
        for nama, jalur in self.JALUR_PD.items():
            bidang = self.fields.get(nama)
            if bidang is not None and hasattr(bidang, "queryset"):
                bidang.queryset = bidang.queryset.filter(**{jalur: pd_id})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        variabel = data.get("variabel") or []
        if not isinstance(variabel, list) or not all(
            isinstance(v, dict)
            and isinstance(v.get("nama"), str)
            and v["nama"]
            and all(isinstance(v.get(kunci, ""), str) for kunci in ("label", "catatan"))
            for v in variabel
        ):
            self.add_error(
                "variabel",
                'Variabel harus berupa daftar seperti [{"nama": "x", "label": "X", "catatan": "(bukti)"}]; '
                "label dan catatan berupa teks.",
            )
            return data
        rumus = (data.get("rumus") or "").strip()
        if rumus:
            try:
                urai(rumus, [v["nama"] for v in variabel])
            except RumusError as e:
                self.add_error("rumus", str(e))
        return data


class SaringPD(admin.SimpleListFilter):
    """The agency of a record reached through its indicator, offering only the admin's pemda's agencies."""

    title = "perangkat daerah"
    parameter_name = "pd"
    jalur = "indikator__perangkat_daerah"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        pd = akses.saring_pemda(PerangkatDaerah.objects.all(), request.user)
        return [(str(p.pk), p.nama) for p in pd.order_by("nama")]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        nilai = self.value()
        if nilai and nilai.isdigit():
            return queryset.filter(**{f"{self.jalur}_id": int(nilai)})
        return queryset


_KODE_INDIKATOR = [f"indikator__{e}__kode" for e in ("program", "kegiatan", "subkegiatan")]


def _kode(ind: Indikator) -> str:
    return ind.kode or "-"


class TargetTahunanInline(IzinPeran, _TabularInline):
    model = TargetTahunan
    extra = 0


class TargetTriwulanInline(IzinPeran, _TabularInline):
    model = TargetTriwulan
    extra = 0


@admin.register(Indikator, site=situs_admin)
class IndikatorAdmin(AdminPeran):
    form = FormIndikator
    list_display = [
        "urutan",
        "kode",
        "uraian",
        "satuan",
        "tingkat",
        "perangkat_daerah",
        "renstra_k",
        "renstra_rp",
    ]
    list_display_links = ["urutan", "uraian"]
    list_filter = ["perangkat_daerah", "tingkat"]
    search_fields = ["uraian", "satuan", "program__kode", "kegiatan__kode", "subkegiatan__kode"]
    list_select_related = ["perangkat_daerah", *ELEMEN]
    inlines = [TargetTahunanInline, TargetTriwulanInline]

    @admin.display(description="kode")
    def kode(self, obj: Indikator) -> str:
        return _kode(obj)

    @admin.display(description="target Renstra K", ordering="target_renstra_k")
    def renstra_k(self, obj: Indikator) -> str:
        return format_k(obj.target_renstra_k)

    @admin.display(description="target Renstra Rp", ordering="target_renstra_rp")
    def renstra_rp(self, obj: Indikator) -> str:
        return format_rupiah(obj.target_renstra_rp) if obj.target_renstra_rp is not None else "-"


class AdminTarget(AdminPeran):
    """A target's list: its agency, row code, indicator and values (Indonesian formats), searchable by the
    indicator's text or code and filtered by agency and year."""

    list_filter = [SaringPD, "tahun"]
    search_fields = ["indikator__uraian", *_KODE_INDIKATOR]
    list_select_related = ["indikator__perangkat_daerah", *(f"indikator__{e}" for e in ELEMEN)]
    raw_id_fields = ["indikator"]

    @admin.display(description="perangkat daerah", ordering="indikator__perangkat_daerah__nama")
    def perangkat_daerah(self, obj: Any) -> str:
        return str(obj.indikator.perangkat_daerah)

    @admin.display(description="kode")
    def kode(self, obj: Any) -> str:
        return _kode(obj.indikator)

    @admin.display(description="indikator", ordering="indikator__urutan")
    def uraian(self, obj: Any) -> str:
        return str(obj.indikator.uraian)


@admin.register(TargetTahunan, site=situs_admin)
class TargetTahunanAdmin(AdminTarget):
    list_display = ["uraian", "perangkat_daerah", "kode", "tahun", "k", "rp"]

    @admin.display(description="target K (kolom 7)", ordering="target_k")
    def k(self, obj: TargetTahunan) -> str:
        return format_k(obj.target_k)

    @admin.display(description="target Rp (kolom 7)", ordering="target_rp")
    def rp(self, obj: TargetTahunan) -> str:
        return format_rupiah(obj.target_rp) if obj.target_rp is not None else "-"


@admin.register(TargetTriwulan, site=situs_admin)
class TargetTriwulanAdmin(AdminTarget):
    list_display = ["uraian", "perangkat_daerah", "kode", "tahun", "triwulan", "nilai_k", "nilai_rp"]
    list_filter = [SaringPD, "tahun", "triwulan"]

    @admin.display(description="target K", ordering="k")
    def nilai_k(self, obj: TargetTriwulan) -> str:
        return format_k(obj.k)

    @admin.display(description="target Rp", ordering="rp")
    def nilai_rp(self, obj: TargetTriwulan) -> str:
        return format_rupiah(obj.rp) if obj.rp is not None else "-"
