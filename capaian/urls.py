from django.urls import include, path

urlpatterns = [
    path("", include("capaian.web.urls")),
    path("api/", include("capaian.api.urls")),
]
