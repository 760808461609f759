from django.urls import include, path

urlpatterns = [
    path("", include("capaian.web.urls")),
]
