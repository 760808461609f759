from django.urls import path

from capaian.api import views

app_name = "api"

urlpatterns = [
    path("auth/token", views.token, name="token"),
    path("realisasi", views.daftar_realisasi, name="realisasi"),
    path("realisasi/<int:id_>", views.ubah_realisasi, name="ubah-realisasi"),
    path("triwulan/<slug:pd>/<int:tahun>/<int:triwulan>/<str:aksi>", views.langkah_triwulan, name="triwulan"),
    path("audit", views.audit, name="audit"),
    path("openapi.json", views.openapi_json, name="openapi"),
    path("docs", views.dokumentasi, name="docs"),
]
