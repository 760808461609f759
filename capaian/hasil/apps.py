from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.hasil"
    label = "hasil"
    verbose_name = "Hasil tersimpan"
