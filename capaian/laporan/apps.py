from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.laporan"
    label = "laporan"
