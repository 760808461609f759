from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.demo"
    label = "demo"
