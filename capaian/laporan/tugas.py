"""Work for the task worker (Django's tasks framework, stored by django-tasks-db, run by `capaian db_worker`).

A task takes ids, not objects: it runs in another process, later, and reads the database itself.
"""

from django.tasks import task

from capaian.laporan import paket_kota
from capaian.laporan.models import PaketKota


@task()
def buat_paket_kota(paket_id: str) -> dict[str, int]:
    """Render a city-wide package into its file (capaian.laporan.paket_kota); the agencies and bytes in it."""
    paket_kota.bersihkan()
    p = PaketKota.objects.select_related("pengguna", "pemda").get(pk=paket_id)
    jumlah = paket_kota.tulis(p)
    return {"jumlah_pd": jumlah, "ukuran": paket_kota.jalur(p).stat().st_size}
