from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from capaian.api import admin  # noqa: F401
