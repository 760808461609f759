from django.contrib import admin
from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from capaian.web import masuk, periksa_views, unduh, unggah, views
from capaian.web.admin import situs_admin

PD = "pd/<slug:slug>/<int:tahun>/<int:triwulan>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", masuk.masuk, name="masuk"),
    path("keluar/", masuk.keluar, name="keluar"),
    path(PD, views.isian_triwulan, name="isian"),
    path(PD + "hitung/", views.hitung, name="hitung"),
    path(PD + "langkah/<str:aksi>/", views.langkah, name="langkah"),
    path(PD + "bukti/", views.unggah_bukti, name="unggah_bukti"),
    path(PD + "baris/<int:indikator>/riwayat/", views.riwayat_baris, name="riwayat_baris"),
    path(PD + "dasbor/", views.dasbor_pd, name="dasbor_pd"),
    path(PD + "laporan/", unduh.halaman, name="unduh"),
    path(PD + "laporan/paket.zip", unduh.zip_langsung, name="unduh_zip"),
    path(PD + "laporan/paket/", unduh.mulai, name="unduh_mulai"),
    path(PD + "laporan/<str:jenis>.<str:format_>", unduh.berkas, name="unduh_berkas"),
    path("laporan/paket/<str:kunci>/", unduh.status, name="unduh_status"),
    path("laporan/paket/<str:kunci>/unduh/", unduh.ambil, name="unduh_ambil"),
    path(PD + "periksa/", periksa_views.periksa, name="periksa"),
    path(PD + "periksa/penjelasan/", periksa_views.penjelasan, name="periksa_penjelasan"),
    path(PD + "periksa/terima/", periksa_views.terima, name="periksa_terima"),
    path("pd/<slug:slug>/bukti/<int:pk>/", views.unduh_bukti, name="unduh_bukti"),
    path("pd/<slug:slug>/impor/", unggah.unggah, name="unggah"),
    path("pd/<slug:slug>/impor/templat/", unggah.templat, name="unggah_templat"),
    path("pd/<slug:slug>/impor/<str:id>/", unggah.impor, name="unggah_impor"),
    path("pd/<slug:slug>/riwayat/", views.riwayat_pd, name="riwayat_pd"),
    path("triwulan/<int:tahun>/<int:triwulan>/", views.ikhtisar, name="ikhtisar"),
    path("periode/<int:tahun>/", views.periode, name="periode"),
    path("dasbor/<int:tahun>/<int:triwulan>/", views.dasbor_kota, name="dasbor_kota"),
    path("admin/", situs_admin.urls),
    # Browsers ask for /favicon.ico on pages without a <link rel=icon> (the admin's): no 404 in the log.
    path("favicon.ico", RedirectView.as_view(url=static("web/ikon.svg"), permanent=True)),
]

__all__ = ["admin", "urlpatterns"]
