from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.rpjmd"
    label = "rpjmd"
    verbose_name = "RPJMD"

    def ready(self) -> None:
        # The admin site is capaian.web.admin's (no autodiscovery): this app registers its own pages there.
        from capaian.rpjmd import admin  # noqa: F401
