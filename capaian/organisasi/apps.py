from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.organisasi"
    label = "organisasi"
