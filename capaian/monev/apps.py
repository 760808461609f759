from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.monev"
    label = "monev"
