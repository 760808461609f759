from django.urls import path

from capaian.web import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
]
