"""The city-wide package: every agency's report package of one pemda and quarter in one ZIP, made by the
task worker and kept as a file for a while.

One agency's package renders in about half a second, so the web renders it in the request
(capaian.web.unduh). A pemda of 40 agencies takes 20 s or more: that is work for Django's tasks framework.
`minta` records who asked (PaketKota) and enqueues capaian.laporan.tugas.buat_paket_kota in one transaction;
the worker (`capaian db_worker`, started by `capaian serve`) writes DATA_DIR/paket-kota/<id>.zip; `keadaan`
reads the task result from the database, so whichever web process the next request reaches can answer.
Expired packages (row and file) are removed by `bersihkan`, which runs whenever a package is asked for or
made, so the folder never holds more than a day's requests.
"""

import os
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.utils import timezone

from capaian.laporan import arsip as arsip_paket
from capaian.laporan import paket
from capaian.laporan.models import PaketKota
from capaian.laporan.sumber import muat_data
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah

UMUR = timedelta(hours=24)  # how long a finished package stays downloadable
FOLDER = "paket-kota"
TENGGANG = timedelta(minutes=10)  # an unknown file younger than this may be one being written


def folder() -> Path:
    return Path(settings.DATA_DIR) / FOLDER


def jalur(p: PaketKota) -> Path:
    return folder() / f"{p.id}.zip"


def nama_zip(p: PaketKota) -> str:
    return f"Laporan-Monev-{p.pemda.slug}-semua-PD-{p.tahun}-TW{p.triwulan}.zip"


def boleh_minta(pengguna: Pengguna | None) -> bool:
    """The city-wide package is for the roles that see every agency of their pemda."""
    return akses.adalah(pengguna, *akses.PERAN_LINTAS_PD)


def pd_paket(p: PaketKota) -> QuerySet[PerangkatDaerah]:
    """The agencies in the package: those its user may see now (rights are read when the worker runs)."""
    return akses.pd_terlihat(p.pengguna).filter(pemda_id=p.pemda_id).order_by("nama")


def milik(pengguna: Pengguna | None, paket_id: uuid.UUID | str) -> PaketKota | None:
    """The user's own unexpired package by id; another user's, an expired or unknown one is None."""
    if pengguna is None or not boleh_minta(pengguna):
        return None
    return (
        PaketKota.objects.select_related("pemda")
        .filter(pk=paket_id, pengguna_id=pengguna.pk, kedaluwarsa__gt=timezone.now())
        .first()
    )


def daftar_milik(pengguna: Pengguna, tahun: int, triwulan: int) -> list[PaketKota]:
    return list(
        PaketKota.objects.select_related("pemda").filter(
            pengguna_id=pengguna.pk, tahun=tahun, triwulan=triwulan, kedaluwarsa__gt=timezone.now()
        )
    )


def minta(pengguna: Pengguna, tahun: int, triwulan: int) -> PaketKota:
    """Record the request and enqueue its rendering, atomically (the worker sees both or neither).

    A request while the same user's package for the quarter is still waiting or running returns that one:
    pressing the button twice does not queue the pemda twice."""
    from capaian.laporan.tugas import buat_paket_kota

    akses.wajib(boleh_minta(pengguna), "Paket seluruh perangkat daerah hanya untuk peran lintas PD.")
    profil = akses.profil(pengguna)
    assert profil is not None  # boleh_minta: a cross-agency role, so a profile with a pemda
    bersihkan()
    for lama in daftar_milik(pengguna, tahun, triwulan):
        if keadaan(lama).menunggu:
            return lama
    with transaction.atomic():
        p = PaketKota.objects.create(
            pengguna=cast("User", pengguna),
            pemda=profil.pemda,
            tahun=tahun,
            triwulan=triwulan,
            kedaluwarsa=timezone.now() + UMUR,
        )
        p.tugas_id = str(buat_paket_kota.enqueue(str(p.id)).id)
        p.save(update_fields=["tugas_id"])
    return p


def tulis(p: PaketKota) -> int:
    """Render the package into its file; the number of agencies in it. The worker's part.

    Each agency's ten files go into a folder named for it; the ZIP is written to a temporary file in the
    same folder and renamed into place, so a download never sees half a file."""
    tujuan = jalur(p)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    jumlah = 0
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=".sedang-", suffix=".zip")
    try:
        with os.fdopen(fd, "wb") as berkas, zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as arsip:
            for pd in pd_paket(p):
                # A locked quarter's files are its archive's, as locked (capaian.laporan.arsip).
                tersimpan = arsip_paket.berlaku(pd, p.tahun, p.triwulan)
                isi_pd = (
                    arsip_paket.berkas_unduhan(tersimpan)
                    if tersimpan is not None
                    else paket.berkas_unduhan(muat_data(pd, p.tahun, p.triwulan), pd.slug)
                )
                for nama, isi in isi_pd:
                    arsip.writestr(f"{pd.slug}/{nama}", isi)
                jumlah += 1
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return jumlah


@dataclass(frozen=True)
class Keadaan:
    kode: str  # "menunggu", "berjalan", "siap", "gagal"
    label: str
    jumlah_pd: int | None = None

    @property
    def menunggu(self) -> bool:
        return self.kode in ("menunggu", "berjalan")

    @property
    def siap(self) -> bool:
        return self.kode == "siap"


_LABEL = {
    "menunggu": "Menunggu giliran",
    "berjalan": "Sedang dibuat",
    "siap": "Siap diunduh",
    "gagal": "Gagal dibuat; silakan buat ulang",
}


def _keadaan(kode: str, jumlah_pd: int | None = None) -> Keadaan:
    return Keadaan(kode, _LABEL[kode], jumlah_pd)


def keadaan(p: PaketKota) -> Keadaan:
    """The package's state, from its task result in the database (any process may ask)."""
    from capaian.laporan.tugas import buat_paket_kota

    try:
        hasil = buat_paket_kota.get_result(p.tugas_id)
    except TaskResultDoesNotExist:
        return _keadaan("gagal")
    if hasil.status == TaskResultStatus.READY:
        return _keadaan("menunggu")
    if hasil.status == TaskResultStatus.RUNNING:
        return _keadaan("berjalan")
    if hasil.status == TaskResultStatus.SUCCESSFUL and jalur(p).is_file():
        nilai = hasil.return_value
        return _keadaan("siap", nilai.get("jumlah_pd") if isinstance(nilai, dict) else None)
    return _keadaan("gagal")


def bersihkan(sekarang: datetime | None = None) -> int:
    """Remove expired packages, row and file, and files that no package knows (older than a few minutes,
    so a package being written is never touched); how many files went."""
    batas = sekarang or timezone.now()
    dihapus = 0
    kedaluwarsa = PaketKota.objects.filter(kedaluwarsa__lte=batas)
    for p in kedaluwarsa:
        if jalur(p).is_file():
            jalur(p).unlink(missing_ok=True)
            dihapus += 1
    kedaluwarsa.delete()
    if not folder().is_dir():
        return dihapus
    dikenal = {f"{i}.zip" for i in PaketKota.objects.values_list("id", flat=True)}
    lama = (batas - TENGGANG).timestamp()
    for berkas in folder().iterdir():
        if berkas.name not in dikenal and berkas.stat().st_mtime < lama:
            berkas.unlink(missing_ok=True)
            dihapus += 1
    return dihapus
