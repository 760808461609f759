"""What waits for the signed-in user ("Menunggu Anda" on the home page), in a fixed number of queries:

* operator: a quarter returned by the verifier or the head (with the note); a quarter not submitted while
  its entry window is open, or after a reminder was sent;
* kepala: a submitted quarter not yet approved for signature; a quarter returned to the agency;
* verifikator: submitted quarters to verify (where the pemda requires it, once the head approved them),
  explanations of galat to accept or reject, verified quarters to lock.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from capaian.aturan.angka import format_tanggal
from capaian.kota.models import Pengingat
from capaian.kota.pengingat import teks_sisa
from capaian.laporan.umum import romawi
from capaian.monev.models import (
    KeadaanPenjelasan,
    PenjelasanGalat,
    PeriodeTriwulan,
    PerpanjanganPeriode,
    Status,
    StatusTriwulan,
)
from capaian.monev.periode import gabung
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Peran


@dataclass(frozen=True)
class Butir:
    teks: str
    url: str
    penting: bool = False  # returned, late: shown first and marked


def _tw(triwulan: int, tahun: int) -> str:
    return f"Triwulan {romawi(triwulan)} {tahun}"


def _pengembali(s: StatusTriwulan | None) -> str:
    """Who returned the quarter, in words: the head or (by default) the verifikator."""
    u = s.dikembalikan_oleh if s is not None else None
    profil = getattr(u, "profil", None) if u is not None else None
    return "kepala perangkat daerah" if profil is not None and profil.peran == Peran.KEPALA else "verifikator"


def menunggu(pengguna: Pengguna | None, tahun: int) -> list[Butir]:
    p = akses.profil(pengguna)
    if p is None:
        return []
    peran = Peran(p.peran)
    terlihat = list(akses.pd_terlihat(pengguna))
    status = {
        (s.perangkat_daerah_id, s.triwulan): s
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=terlihat, tahun=tahun).select_related(
            "dikembalikan_oleh__profil"
        )
    }
    butir: list[Butir] = []
    if peran is Peran.VERIFIKATOR:
        wajib_kepala = bool(p.pemda.persetujuan_kepala)
        jelaskan = Counter(
            PenjelasanGalat.objects.filter(
                perangkat_daerah__in=terlihat, tahun=tahun, keadaan=KeadaanPenjelasan.MENUNGGU
            ).values_list("triwulan", flat=True)
        )
        for tw in range(1, 5):
            hitung = Counter(s.status for (_, t), s in status.items() if t == tw)
            siap = sum(
                1
                for (_, t), s in status.items()
                if t == tw
                and s.status == Status.DIAJUKAN
                and (s.disetujui_kepala_pada is not None or not wajib_kepala)
            )
            papan = reverse("ikhtisar", args=[tahun, tw])
            if siap:
                butir.append(
                    Butir(
                        f"{_tw(tw, tahun)}: {siap} perangkat daerah menunggu verifikasi.",
                        f"{papan}?saring=diajukan",
                        True,
                    )
                )
            if jelaskan[tw]:
                butir.append(
                    Butir(
                        f"{_tw(tw, tahun)}: {jelaskan[tw]} penjelasan galat menunggu diterima atau ditolak.",
                        f"{papan}?saring=penjelasan",
                    )
                )
            if hitung[Status.DIVERIFIKASI]:
                butir.append(
                    Butir(
                        f"{_tw(tw, tahun)}: {hitung[Status.DIVERIFIKASI]} perangkat daerah siap dikunci.",
                        f"{papan}?saring=diverifikasi",
                    )
                )
        return butir
    if peran not in (Peran.OPERATOR, Peran.KEPALA):
        return []
    jendela = {j.triwulan: j for j in PeriodeTriwulan.objects.filter(pemda_id=p.pemda_id, tahun=tahun)}
    panjang = {
        (x.perangkat_daerah_id, x.triwulan): x
        for x in PerpanjanganPeriode.objects.filter(perangkat_daerah__in=terlihat, tahun=tahun)
    }
    diingatkan = {
        (b["perangkat_daerah"], b["triwulan"]): b["m"]
        for b in Pengingat.objects.filter(perangkat_daerah__in=terlihat, tahun=tahun)
        .values("perangkat_daerah", "triwulan")
        .annotate(m=Max("dikirim_pada"))
    }
    hari_ini = timezone.localdate()
    for pd in terlihat:
        for tw in range(1, 5):
            s = status.get((pd.pk, tw))
            keadaan = Status(s.status) if s is not None else Status.DRAFT
            isian = reverse("isian", args=[pd.slug, tahun, tw])
            nama = _tw(tw, tahun)
            if keadaan is Status.DIKEMBALIKAN:
                oleh = _pengembali(s)
                catatan = f" Catatan {oleh}: “{s.catatan}”" if s is not None and s.catatan else ""
                teks = f"{nama} dikembalikan {oleh} untuk diperbaiki.{catatan}"
                if peran is Peran.OPERATOR:
                    teks += " Perbaiki, lalu ajukan kembali."
                butir.append(Butir(teks, isian, True))
            elif keadaan is Status.DRAFT and peran is Peran.OPERATOR:
                j = gabung(jendela.get(tw), panjang.get((pd.pk, tw)))
                dibuka = j is not None and j.dibuka <= hari_ini
                pengingat = diingatkan.get((pd.pk, tw))
                if not (dibuka or pengingat):
                    continue
                teks = f"{nama} belum diajukan; masa pengisian {teks_sisa(j, hari_ini)}."
                if pengingat is not None:
                    pada = format_tanggal(timezone.localtime(pengingat).date())
                    teks += f" Verifikator mengirim pengingat pada {pada}."
                butir.append(Butir(teks, isian, j is not None and (j.ditutup - hari_ini).days <= 3))
            elif (
                keadaan is Status.DIAJUKAN
                and peran is Peran.KEPALA
                and s is not None
                and s.disetujui_kepala_pada is None
            ):
                butir.append(
                    Butir(f"{nama} telah diajukan operator dan menunggu persetujuan Anda.", isian, True)
                )
    return sorted(butir, key=lambda b: not b.penting)
