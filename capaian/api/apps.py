from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.api"
    label = "api"
