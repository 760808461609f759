"""The only way evidence files (bukti dukung) come and go: upload and removal by the agency's operator, while
the quarter is open (draft or returned, inside its entry window, nothing of it verified or locked: the same
rules as the quarter's texts), each in one transaction with its audit event (the file's name, size and
SHA-256, so the trail still says what was removed). A file is checked by its content (capaian.web.jenis_bukti)
and belongs to one row: an indicator of the agency, in that quarter."""

import hashlib
from typing import cast

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from capaian.aturan.teks import bersihkan_teks
from capaian.audit.catat import catat
from capaian.monev import services
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import jenis_bukti
from capaian.web.models import BuktiDukung

UKURAN_BUKTI_MAKS = 10 * 1024 * 1024


class BuktiTidakSah(ValueError):
    """The file is missing, of a kind not allowed, or too large; the message is for the user."""


def _sidik(berkas: UploadedFile[bytes]) -> str:
    h = hashlib.sha256()
    for potong in berkas.chunks():
        h.update(potong)
    berkas.seek(0)
    return h.hexdigest()


def _uraian(bukti: BuktiDukung, sidik: str) -> str:
    return f"{bukti.nama_asli} ({bukti.ukuran} bita, SHA-256 {sidik})"


def _kolom(bukti: BuktiDukung) -> str:
    """The event's column names the quarter and the row (`#<indicator id>`), so that the history still
    places the event after the file is removed (capaian.web.riwayat_baca)."""
    baris = f" #{bukti.indikator_id}" if bukti.indikator_id else ""
    return f"bukti {bukti.tahun} TW {bukti.triwulan}{baris}"


def unggah(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    berkas: UploadedFile[bytes] | None,
    keterangan: str = "",
    indikator: Indikator | None = None,
) -> BuktiDukung:
    with transaction.atomic():
        # Who and when first: someone who may not upload learns that, not what is wrong with the file.
        services.wajib_triwulan_terbuka(pengguna, pd, tahun, triwulan)
        if berkas is None:
            raise BuktiTidakSah("Pilih berkas yang akan diunggah.")
        if indikator is None or indikator.perangkat_daerah_id != pd.pk:
            raise BuktiTidakSah("Pilih baris (indikator) yang didukung berkas ini.")
        nama = " ".join(bersihkan_teks(berkas.name or "").split()) or "berkas"
        keterangan = " ".join(bersihkan_teks(keterangan).split())
        if (berkas.size or 0) > UKURAN_BUKTI_MAKS:
            raise BuktiTidakSah("Berkas terlalu besar (maksimal 10 MB).")
        try:
            jenis = jenis_bukti.periksa(nama, berkas)
        except jenis_bukti.JenisDitolak as e:
            raise BuktiTidakSah(str(e)) from e
        sidik = _sidik(berkas)
        bukti = BuktiDukung(
            perangkat_daerah=pd,
            tahun=tahun,
            triwulan=triwulan,
            indikator=indikator,
            jenis=jenis.kode,
            nama_asli=nama[:255],
            ukuran=berkas.size or 0,
            keterangan=keterangan[:255],
            diunggah_oleh=cast("User", pengguna) if pengguna is not None else None,
        )
        # The file is written first, then the row; a failed insert or audit rolls the row back but not the
        # disk, so the file goes too: no evidence on disk that no record names.
        bukti.berkas.save(nama, berkas, save=False)
        tersimpan = str(bukti.berkas.name)
        try:
            bukti.save()
            catat(
                pengguna,
                aksi="unggah",
                objek="bukti",
                objek_id=bukti.pk,
                perangkat_daerah=pd,
                kolom=_kolom(bukti),
                baru=_uraian(bukti, sidik),
                alasan=keterangan or None,
            )
        except BaseException:
            bukti.berkas.storage.delete(tersimpan)
            raise
        return bukti


def hapus(pengguna: Pengguna | None, bukti: BuktiDukung, alasan: str = "") -> None:
    pd = bukti.perangkat_daerah
    with transaction.atomic():
        services.wajib_triwulan_terbuka(pengguna, pd, bukti.tahun, bukti.triwulan)
        bukti = BuktiDukung.objects.select_for_update().get(pk=bukti.pk)
        with bukti.berkas.open("rb") as f:
            h = hashlib.sha256()
            for potong in iter(lambda: f.read(1 << 16), b""):
                h.update(potong)
        catat(
            pengguna,
            aksi="hapus",
            objek="bukti",
            objek_id=bukti.pk,
            perangkat_daerah=pd,
            kolom=_kolom(bukti),
            lama=_uraian(bukti, h.hexdigest()),
            alasan=alasan or None,
        )
        penyimpanan, nama = bukti.berkas.storage, bukti.berkas.name
        bukti.delete()
        # The file goes only once the removal is committed (a rolled-back removal keeps it).
        transaction.on_commit(lambda: penyimpanan.delete(nama) if nama else None)
