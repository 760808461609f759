from django.apps import AppConfig


class Config(AppConfig):
    name = "capaian.web"
    label = "web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from capaian import memori
        from capaian.web import sesi

        user_logged_in.connect(sesi.saat_masuk, dispatch_uid="capaian-sesi-masuk")
        memori.atur_pengumpul()
