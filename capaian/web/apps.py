from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.web"
    label = "web"
