from django.urls import include, path

urlpatterns = [
    path("", include("capaian.web.urls")),
    path("api/", include("capaian.api.urls")),
]

handler500 = "capaian.web.galat_server.galat_server"
