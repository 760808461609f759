from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.cadangan"
    label = "cadangan"
    verbose_name = "Cadangan dan pemulihan"
