"""The archive of a locked quarter's package: made at `kunci`, served while the quarter stays locked, kept as
history after `buka`. Called by the workflow's steps through capaian.laporan.pemeriksaan.jalankan_langkah
(the workflow does not import the reports), inside the step's transaction."""

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import cast

from django.contrib.auth.models import User
from django.utils import timezone

from capaian.audit.catat import catat
from capaian.laporan import paket
from capaian.laporan.models import ArsipPaket
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah

Pengarsip = Callable[[str, str], str | None]


def nama_json(slug: str, tahun: int, triwulan: int) -> str:
    return paket.nama_unduhan("e81", "json", slug, tahun, triwulan)


def _sha(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def buat_zip(pd: PerangkatDaerah, tahun: int, triwulan: int) -> tuple[bytes, dict[str, str]]:
    """The package as the download serves it (the ten files) plus e81.json, and each file's SHA-256."""
    data = muat_data(pd, tahun, triwulan)
    konteks = paket.Konteks(data)
    berkas: dict[str, bytes] = {
        paket.nama_unduhan(j, f, pd.slug, tahun, triwulan): paket.render(konteks, j, f)
        for j, f in paket.PAKET
    }
    berkas[nama_json(pd.slug, tahun, triwulan)] = paket.render(konteks, "e81", "json")
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for nama, isi in berkas.items():
            # A fixed timestamp: the same data always gives the same bytes.
            info = zipfile.ZipInfo(nama, date_time=(tahun, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, isi)
    return keluaran.getvalue(), {n: _sha(i) for n, i in berkas.items()}


def arsipkan(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int) -> ArsipPaket:
    isi, berkas = buat_zip(pd, tahun, triwulan)
    nyata = cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None
    arsip = ArsipPaket.objects.create(
        perangkat_daerah=pd,
        tahun=tahun,
        triwulan=triwulan,
        dikunci_oleh=nyata,
        nama_pengguna=nyata.get_username() if nyata is not None else "sistem",
        isi=isi,
        sha256=_sha(isi),
        ukuran=len(isi),
        berkas=berkas,
    )
    catat(
        pengguna,
        aksi="arsip",
        objek="arsip_paket",
        objek_id=arsip.pk,
        perangkat_daerah=pd,
        kolom="sha256",
        baru=arsip.sha256,
    )
    return arsip


def tutup(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, alasan: str) -> None:
    """At unlock: the archive in force becomes history (kept, with when and why)."""
    for arsip in ArsipPaket.objects.select_for_update().filter(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, dibuka__isnull=True
    ):
        arsip.dibuka = timezone.now()
        arsip.alasan_buka = alasan
        arsip.save(update_fields=["dibuka", "alasan_buka"])
        catat(
            pengguna,
            aksi="buka_arsip",
            objek="arsip_paket",
            objek_id=arsip.pk,
            perangkat_daerah=pd,
            kolom="sha256",
            lama=arsip.sha256,
            alasan=alasan,
        )


def langkah(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int) -> Pengarsip:
    """The archive's part of the workflow steps, as capaian.monev.transisi.KonteksLangkah.arsip wants it."""

    def jalankan(aksi: str, catatan: str) -> str | None:
        if aksi == "kunci":
            return f"Arsip paket SHA-256 {arsipkan(pengguna, pd, tahun, triwulan).sha256}"
        if aksi == "buka":
            tutup(pengguna, pd, tahun, triwulan, catatan)
        return None

    return jalankan


def berlaku(pd: PerangkatDaerah, tahun: int, triwulan: int) -> ArsipPaket | None:
    """The archive served for the quarter: the latest one, while the quarter is locked."""
    terkunci = StatusTriwulan.objects.filter(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, status=Status.TERKUNCI
    ).exists()
    if not terkunci:
        return None
    return ArsipPaket.objects.filter(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, dibuka__isnull=True
    ).first()


def riwayat(pd: PerangkatDaerah, tahun: int, triwulan: int) -> list[ArsipPaket]:
    return list(ArsipPaket.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan).defer("isi"))


def berkas_unduhan(arsip: ArsipPaket) -> Iterator[tuple[str, bytes]]:
    """The archive's ten download files (not its e81.json), in the package's order, as locked."""
    with zipfile.ZipFile(io.BytesIO(bytes(arsip.isi))) as z:
        ada = set(z.namelist())
        slug = arsip.perangkat_daerah.slug
        for jenis, f in paket.PAKET:
            nama = paket.nama_unduhan(jenis, f, slug, arsip.tahun, arsip.triwulan)
            if nama in ada:
                yield nama, z.read(nama)


def isi_berkas(arsip: ArsipPaket, nama: str) -> bytes | None:
    """One file of the archive, as locked (None when the archive has no such file)."""
    with zipfile.ZipFile(io.BytesIO(bytes(arsip.isi))) as z:
        return z.read(nama) if nama in z.namelist() else None
