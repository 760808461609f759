from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.audit"
    label = "audit"
