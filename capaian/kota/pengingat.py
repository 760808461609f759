"""Reminders: the verifier sends one e-mail per agency whose quarter is not submitted yet (draft or returned),
to that agency's operators and heads, through Django's mail settings (the console by default, SMTP when
configured: see the README). Each reminder is recorded (capaian.kota.models.Pengingat) and audited in the
same transaction as its sending; a failed sending leaves no record. An agency reminded less than `jeda` ago is
skipped, so a double click does not send twice."""

import datetime
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from capaian.aturan.angka import format_tanggal
from capaian.audit.catat import catat
from capaian.kota.models import Pengingat
from capaian.laporan.umum import romawi
from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.monev.periode import Masa, masa_banyak
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna, boleh_kelola_kota
from capaian.organisasi.models import Pemda, Peran, PerangkatDaerah

BELUM_DIAJUKAN = (Status.DRAFT, Status.DIKEMBALIKAN)
JEDA = datetime.timedelta(hours=1)


@dataclass
class HasilPengingat:
    terkirim: list[tuple[PerangkatDaerah, list[str]]] = field(default_factory=list)
    tanpa_alamat: list[PerangkatDaerah] = field(default_factory=list)
    baru_diingatkan: list[PerangkatDaerah] = field(default_factory=list)
    gagal: list[tuple[PerangkatDaerah, str]] = field(default_factory=list)


def teks_sisa(periode: PeriodeTriwulan | Masa | None, hari_ini: datetime.date) -> str:
    """ "berakhir 18 Mei 2026 (3 hari lagi)"; how the entry window stands today, in words."""
    if periode is None:
        return "belum dibuka (tertutup)"
    sisa = (periode.ditutup - hari_ini).days
    batas = f"{format_tanggal(periode.dibuka)} s.d. {format_tanggal(periode.ditutup)}"
    if sisa > 0:
        return f"{batas} ({sisa} hari lagi)"
    if sisa == 0:
        return f"{batas} (berakhir hari ini)"
    return f"{batas} (sudah lewat {-sisa} hari)"


def _pesan(
    pd: PerangkatDaerah, status: Status, tahun: int, triwulan: int, periode: str, tautan: str, oleh: str
) -> tuple[str, str]:
    tw = f"Triwulan {romawi(triwulan)} Tahun {tahun}"
    subjek = f"[Capaian] Pengingat: {tw} {pd.nama} belum diajukan"
    isi = (
        f"Yth. Operator dan Kepala {pd.nama},\n\n"
        f"Isian monitoring dan evaluasi {tw} {pd.nama} belum diajukan ke {pd.pemda.nama_bappeda} "
        f"(status saat ini: {status.label}).\n"
        f"Masa pengisian: {periode}.\n\n"
        f"Silakan lengkapi isian, periksa datanya, lalu ajukan melalui:\n{tautan}\n\n"
        f"Pesan ini dikirim oleh {oleh} melalui Capaian."
    )
    return subjek, isi


def kirim_pengingat(
    pengguna: Pengguna | None,
    pemda: Pemda,
    tahun: int,
    triwulan: int,
    alamat_dasar: str,
    jeda: datetime.timedelta = JEDA,
) -> HasilPengingat:
    """One reminder per agency of `pemda` not yet submitted for the quarter. `alamat_dasar` is the site's
    address for the link in the message ("https://monev.example.go.id")."""
    akses.wajib(boleh_kelola_kota(pengguna, pemda.pk), "Hanya verifikator yang dapat mengirim pengingat.")
    daftar_pd = list(PerangkatDaerah.objects.filter(pemda=pemda).select_related("pemda").order_by("nama"))
    status = {
        s.perangkat_daerah_id: Status(s.status)
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    # Each agency's own window: an extension moves its end (capaian.monev.periode).
    jendela = masa_banyak(daftar_pd, tahun, triwulan)
    hari_ini = timezone.localdate()
    penerima: dict[int, list[str]] = defaultdict(list)
    for u in (
        User.objects.filter(
            is_active=True,
            profil__perangkat_daerah__in=daftar_pd,
            profil__peran__in=[Peran.OPERATOR, Peran.KEPALA],
        )
        .exclude(email="")
        .values("email", "profil__perangkat_daerah_id")
    ):
        penerima[u["profil__perangkat_daerah_id"]].append(u["email"])
    baru = set(
        Pengingat.objects.filter(
            perangkat_daerah__in=daftar_pd,
            tahun=tahun,
            triwulan=triwulan,
            dikirim_pada__gte=timezone.now() - jeda,
        ).values_list("perangkat_daerah_id", flat=True)
    )
    nyata = pengguna if isinstance(pengguna, User) else None
    oleh = (
        f"{nyata.get_full_name() or nyata.get_username()} ({pemda.nama_bappeda})"
        if nyata
        else pemda.nama_bappeda
    )
    hasil = HasilPengingat()
    for pd in daftar_pd:
        st = status.get(pd.pk, Status.DRAFT)
        if st not in BELUM_DIAJUKAN:
            continue
        if pd.pk in baru:
            hasil.baru_diingatkan.append(pd)
            continue
        alamat = sorted(set(penerima.get(pd.pk, [])))
        if not alamat:
            hasil.tanpa_alamat.append(pd)
            continue
        tautan = alamat_dasar.rstrip("/") + reverse("isian", args=[pd.slug, tahun, triwulan])
        teks_periode = teks_sisa(jendela.get(pd.pk), hari_ini)
        subjek, isi = _pesan(pd, st, tahun, triwulan, teks_periode, tautan, oleh)
        try:
            with transaction.atomic():
                catatan = Pengingat.objects.create(
                    pemda=pemda,
                    perangkat_daerah=pd,
                    tahun=tahun,
                    triwulan=triwulan,
                    dikirim_oleh=nyata,
                    penerima="\n".join(alamat),
                    pesan=isi,
                )
                catat(
                    pengguna,
                    aksi="pengingat",
                    objek="pengingat",
                    objek_id=catatan.pk,
                    perangkat_daerah=pd,
                    kolom=f"TW {triwulan} {tahun}",
                    baru=", ".join(alamat),
                )
                send_mail(subjek, isi, settings.DEFAULT_FROM_EMAIL, alamat)
        except (smtplib.SMTPException, OSError) as e:
            hasil.gagal.append((pd, str(e) or type(e).__name__))
        else:
            hasil.terkirim.append((pd, alamat))
    return hasil
