from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "capaian.impor"
    verbose_name = "Impor dan pemeriksaan buku kerja E.81"
