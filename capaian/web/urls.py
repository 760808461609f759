from django.contrib import admin
from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from capaian.web import masuk, sesi, unduh, unduh_kota, unggah
from capaian.web.admin import situs_admin
from capaian.web.views import (
    beranda,
    bukti,
    dasbor,
    ikhtisar,
    isian,
    kota,
    periksa,
    perubahan,
    riwayat,
    rpjmd,
    sehat,
    tahun,
)

PD = "pd/<slug:slug>/<int:tahun>/<int:triwulan>/"

urlpatterns = [
    path("", beranda.beranda, name="beranda"),
    path("masuk/", masuk.masuk, name="masuk"),
    path("keluar/", masuk.keluar, name="keluar"),
    path("sesi/perpanjang/", sesi.perpanjang, name="perpanjang_sesi"),
    path(PD, isian.isian_triwulan, name="isian"),
    path(PD + "hitung/", isian.hitung, name="hitung"),
    path(PD + "langkah/<str:aksi>/", isian.langkah, name="langkah"),
    path(PD + "bukti/", bukti.unggah_bukti, name="unggah_bukti"),
    path(PD + "bukti/<int:pk>/hapus/", bukti.hapus_bukti, name="hapus_bukti"),
    path(PD + "baris/<int:indikator>/riwayat/", riwayat.riwayat_baris, name="riwayat_baris"),
    path(PD + "dasbor/", dasbor.dasbor_pd, name="dasbor_pd"),
    path(PD + "laporan/", unduh.halaman, name="unduh"),
    path(PD + "laporan/paket.zip", unduh.zip_langsung, name="unduh_zip"),
    path(PD + "laporan/<str:jenis>.<str:format_>", unduh.berkas, name="unduh_berkas"),
    path("laporan/<int:tahun>/<int:triwulan>/semua-pd/", unduh_kota.halaman, name="paket_kota"),
    path("laporan/semua-pd/<uuid:paket_id>/status/", unduh_kota.status, name="paket_kota_status"),
    path("laporan/semua-pd/<uuid:paket_id>/unduh/", unduh_kota.unduh, name="paket_kota_unduh"),
    path(PD + "periksa/", periksa.periksa, name="periksa"),
    path(PD + "periksa/penjelasan/", periksa.jelaskan, name="periksa_penjelasan"),
    path(PD + "periksa/putuskan/", periksa.putuskan, name="periksa_putuskan"),
    path("pd/<slug:slug>/bukti/<int:pk>/", bukti.unduh_bukti, name="unduh_bukti"),
    path("pd/<slug:slug>/impor/", unggah.unggah, name="unggah"),
    path("pd/<slug:slug>/impor/templat/", unggah.templat, name="unggah_templat"),
    path("pd/<slug:slug>/impor/<str:id>/hasil/", unggah.hasil_uji, name="unggah_hasil"),
    path("pd/<slug:slug>/impor/<str:id>/", unggah.impor, name="unggah_impor"),
    path("pd/<slug:slug>/riwayat/", riwayat.riwayat_pd, name="riwayat_pd"),
    path("pd/<slug:slug>/tahun/", tahun.tahun, name="tahun"),
    path("pd/<slug:slug>/<int:tahun>/perubahan/", perubahan.perubahan_tahun, name="perubahan"),
    path("pd/<slug:slug>/tahun/mulai/", tahun.mulai, name="tahun_mulai"),
    path("pd/<slug:slug>/tahun/<int:tahun>/<str:jenis>.<str:format_>", tahun.dokumen, name="tahun_dokumen"),
    path("pd/<slug:slug>/tahun/<int:tahun>/kolom6/<int:indikator>/", tahun.koreksi, name="tahun_koreksi"),
    path("triwulan/<int:tahun>/<int:triwulan>/", ikhtisar.ikhtisar, name="ikhtisar"),
    path("triwulan/<int:tahun>/<int:triwulan>/pengingat/", kota.pengingat, name="pengingat"),
    path("triwulan/<int:tahun>/<int:triwulan>/kunci/", kota.kunci_banyak, name="kunci_banyak"),
    path("triwulan/<int:tahun>/<int:triwulan>/catatan/", kota.catatan_kota, name="catatan_kota"),
    path(
        "triwulan/<int:tahun>/<int:triwulan>/laporan/<str:jenis>.<str:format_>",
        kota.unduh_kota,
        name="unduh_kota",
    ),
    path("periode/<int:tahun>/", ikhtisar.periode, name="periode"),
    path("rpjmd/impor/", rpjmd.impor, name="rpjmd_impor"),
    path("rpjmd/impor/templat.xlsx", rpjmd.templat, name="rpjmd_templat"),
    path("dasbor/<int:tahun>/<int:triwulan>/", dasbor.dasbor_kota, name="dasbor_kota"),
    path("sehat/", sehat.sehat, name="sehat"),
    path("admin/", situs_admin.urls),
    # Browsers ask for /favicon.ico on pages without a <link rel=icon> (the admin's): no 404 in the log.
    path("favicon.ico", RedirectView.as_view(url=static("web/ikon.svg"), permanent=True)),
]

__all__ = ["admin", "urlpatterns"]
