from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.kota"
    label = "kota"
    verbose_name = "Evaluasi RKPD kota"

    def ready(self) -> None:
        from capaian.kota import admin  # noqa: F401
