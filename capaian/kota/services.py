"""The only ways Bappelitbangda's own quarter records change: the texts and signatory of Form E.79, and the
bulk lock of verified agencies. Each is a transaction that checks permission and writes the audit trail."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.kota.models import CatatanKota, PenandatanganKota
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import alur
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna, boleh_kelola_kota
from capaian.organisasi.models import Pemda, PerangkatDaerah

TEKS_KOTA = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut", "tindak_lanjut_rkpd")


class IsianKotaTidakSah(ValueError):
    """A field the form cannot take; the message is for the user."""


def simpan_catatan_kota(
    pengguna: Pengguna | None,
    pemda: Pemda,
    tahun: int,
    triwulan: int,
    penandatangan: PenandatanganKota | None = None,
    tanggal: datetime.date | None = None,
    **teks: str,
) -> CatatanKota:
    """The texts under Form E.79, its date and signatory; only the fields that really change are audited."""
    akses.wajib(boleh_kelola_kota(pengguna, pemda.pk), "Hanya verifikator yang dapat mengubah catatan E.79.")
    alur.sah_triwulan(tahun, triwulan)
    tidak_dikenal = set(teks) - set(TEKS_KOTA)
    if tidak_dikenal:
        raise IsianKotaTidakSah(f"Kolom tidak dikenal: {', '.join(sorted(tidak_dikenal))}")
    if penandatangan is not None and penandatangan.pemda_id != pemda.pk:
        raise IsianKotaTidakSah("Penandatangan ini bukan milik pemda tersebut.")
    with transaction.atomic():
        catatan, _ = CatatanKota.objects.get_or_create(pemda=pemda, tahun=tahun, triwulan=triwulan)
        catatan = CatatanKota.objects.select_for_update().get(pk=catatan.pk)
        nilai: dict[str, object] = {**teks, "penandatangan": penandatangan, "tanggal": tanggal}
        berubah = []
        for kolom, baru in nilai.items():
            lama = getattr(catatan, kolom)
            if lama == baru:
                continue
            setattr(catatan, kolom, baru)
            berubah.append(kolom)
            catat(
                pengguna,
                aksi="ubah",
                objek="catatan_kota",
                objek_id=catatan.pk,
                perangkat_daerah=None,
                kolom=f"{kolom} TW {triwulan} {tahun}",
                lama=_teks(lama),
                baru=_teks(baru),
            )
        if berubah:
            catatan.versi += 1
            catatan.save()
        return catatan


@dataclass
class HasilKunci:
    dikunci: list[PerangkatDaerah] = field(default_factory=list)
    dilewati: list[tuple[PerangkatDaerah, str]] = field(default_factory=list)


def kunci_banyak(
    pengguna: Pengguna | None, daftar_pd: list[PerangkatDaerah], tahun: int, triwulan: int
) -> HasilKunci:
    """Lock every verified quarter among `daftar_pd`, each through the workflow's own `kunci` step (its own
    transaction and audit event); an agency that cannot be locked is reported, the others still are."""
    hasil = HasilKunci()
    status = {
        s.perangkat_daerah_id: s.status
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    for pd in daftar_pd:
        if status.get(pd.pk) != Status.DIVERIFIKASI:
            hasil.dilewati.append((pd, "belum diverifikasi"))
            continue
        try:
            jalankan_langkah("kunci", pengguna, pd, tahun, triwulan)
        except (alur.LangkahTidakSah, alur.IsianTidakSah, akses.AksesDitolak) as e:
            hasil.dilewati.append((pd, str(e)))
        else:
            hasil.dikunci.append(pd)
    return hasil
