from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.perencanaan"
    label = "perencanaan"
