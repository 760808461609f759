"""The audit trail as a verifier reads it: each event placed on its row (indicator), quarter and field, in
Indonesian words, without internal codes (action codes, record ids, archive hashes); and the filters of the
history page (row, user, dates, quarter).

An event names its record by kind and id (`objek`, `objek_id`); the row and quarter are found from that
record (a realisation, a quarterly target, the quarter's status, ...), read in bulk for the events shown.
Evidence files are removed with their record, so their events carry the quarter and the row in `kolom`
(capaian.web.layanan_bukti: "bukti 2024 TW 2 #17").
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone

from capaian.aturan.angka import format_k, format_rupiah, format_tanggal
from capaian.audit.models import AuditEvent
from capaian.laporan.models import ArsipPaket
from capaian.monev.models import CatatanTriwulan, Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan, TargetTriwulan

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

PINTU = {
    "web": "Layar web",
    "api": "API",
    "admin": "Halaman admin",
    "impor": "Impor buku kerja",
    "cli": "Perintah di server",
    "": "-",
}

TINDAKAN = {
    "ubah": "Mengubah",
    "buat": "Menambah",
    "hapus": "Menghapus",
    "unggah": "Mengunggah",
    "ajukan": "Mengajukan triwulan",
    "setujui": "Menyetujui (kepala perangkat daerah)",
    "kembalikan": "Mengembalikan ke operator",
    "verifikasi": "Memverifikasi triwulan",
    "kunci": "Mengunci triwulan",
    "buka": "Membuka kunci triwulan",
    "penjelasan": "Menulis penjelasan galat",
    "ajukan_penjelasan": "Menulis penjelasan galat",
    "terima": "Menerima penjelasan galat",
    "tolak": "Menolak penjelasan galat",
    "atur_periode": "Mengatur masa pengisian",
    "arsip": "Mengarsipkan paket laporan",
    "buka_arsip": "Menjadikan arsip paket laporan riwayat",
    "impor": "Mengimpor",
    "pengingat": "Mengirim pengingat",
    "mulai_tahun": "Memulai tahun baru",
    "pulihkan": "Memulihkan cadangan",
}

DATA = {
    "realisasi": "Realisasi",
    "catatan": "Catatan triwulan",
    "triwulan": "Triwulan",
    "bukti": "Bukti dukung",
    "periode": "Masa pengisian",
    "arsip_paket": "Arsip paket laporan",
    "target_tahunan": "Target tahunan",
    "target_triwulan": "Target triwulan",
    "target_renstra_tahunan": "Target Renstra tahunan",
    "koreksi_kolom_6": "Koreksi kolom 6",
    "perubahan_target": "Target perubahan",
    "dasar_perubahan": "Dasar Renja Perubahan",
    "tahun_renja": "Tahun Renja",
    "catatan_kota": "Catatan kota",
    "pengingat": "Pengingat",
    "cadangan": "Cadangan",
}

KOLOM = {
    "k": "Realisasi K",
    "rp": "Realisasi Rp",
    "variabel": "Variabel rumus",
    "status": "Status",
    "belum_ada_data": "Belum ada data",
    "penjelasan_galat": "Penjelasan galat",
    "faktor_pendorong": "Faktor pendorong",
    "faktor_penghambat": "Faktor penghambat",
    "tindak_lanjut": "Tindak lanjut",
    "rekomendasi": "Rekomendasi",
    "penandatangan": "Penandatangan",
    "tanggal": "Tanggal",
    "nomor_surat": "Nomor surat",
    "target_k": "Target K",
    "target_rp": "Target Rp",
    "realisasi_lalu_k": "Realisasi s.d. tahun lalu K (kolom 6)",
    "realisasi_lalu_rp": "Realisasi s.d. tahun lalu Rp (kolom 6)",
    "target_renstra_k": "Target Renstra K (kolom 5)",
    "target_renstra_rp": "Target Renstra Rp (kolom 5)",
    "sha256": "Arsip",
    "periode": "Masa pengisian",
}

# Objek names of the same record kind from the plan services and from the admin (the model's name).
_TARGET_TAHUNAN = ("target_tahunan", "targettahunan")
_TARGET_TRIWULAN = ("target_triwulan", "targettriwulan")
_BUKTI = re.compile(r"^bukti (\d{4}) TW ([1-4])(?: #(\d+))?$")
# Plan services name the year (and quarter) after the field: "target_k 2024", "rp 2024 TW 2".
_KOLOM_TAHUN = re.compile(r"^([a-z_]+) (\d{4})(?: TW ([1-4]))?$")
_SIDIK = re.compile(r",?\s*\b(?:SHA-256|sidik)\s+[0-9a-f]{8,64}", re.IGNORECASE)
_HEKSA = re.compile(r"^[0-9a-f]{40,64}$")
# The admin's trail names a record "12: Dinas ..." (capaian.perencanaan.data_induk.nilai_audit): the id is
# for machines.
_ID_REKAMAN = re.compile(r"(^|, )\d+: ")
_K = ("k", "target_k", "realisasi_lalu_k", "target_renstra_k")
_RP = ("rp", "target_rp", "realisasi_lalu_rp", "target_renstra_rp")


@dataclass(frozen=True)
class BarisRiwayat:
    waktu: datetime.datetime
    pengguna: str
    pintu: str
    tindakan: str
    data: str
    baris: str  # the row's code (the plan element's kode) or "-"
    indikator: str  # the indicator's text or "-"
    indikator_id: int | None
    triwulan: str  # "TW II 2024" or "2024" or "-"
    kolom: str
    lama: str
    baru: str
    alasan: str

    @property
    def waktu_teks(self) -> str:
        return f"{format_tanggal(self.waktu.date())} {self.waktu:%H.%M.%S}"


@dataclass(frozen=True)
class _Letak:
    indikator_id: int | None = None
    tahun: int | None = None
    triwulan: int | None = None


def tanpa_sidik(teks: str) -> str:
    """Hashes are for machines: 'Arsip paket SHA-256 c419…' reads 'Arsip paket'."""
    return re.sub(r"\s*\(\s*\)", "", _SIDIK.sub("", teks)).strip()


@lru_cache(maxsize=256)
def nama_data(objek: str) -> str:
    if objek in DATA:
        return DATA[objek]
    for model in apps.get_models():
        if model._meta.model_name == objek:
            return str(model._meta.verbose_name).capitalize()
    return objek.replace("_", " ").capitalize()


def _pisah(kolom: str) -> tuple[str, int | None, int | None]:
    """The field, and the year and quarter the plan services write after it."""
    if m := _KOLOM_TAHUN.match(kolom):
        return m[1], int(m[2]), int(m[3]) if m[3] else None
    return kolom, None, None


def nama_kolom(kolom: str, objek: str = "realisasi") -> str:
    if _BUKTI.match(kolom):
        return "Berkas"
    kolom = _pisah(kolom)[0]
    if kolom in ("k", "rp") and objek != "realisasi":
        sisi = "K" if kolom == "k" else "Rp"
        return f"Kolom 6 {sisi} (koreksi)" if "koreksi" in objek else f"Target {sisi}"
    return KOLOM.get(kolom, kolom.replace("_", " ").capitalize() if kolom else "-")


def nilai(kolom: str, teks: str | None) -> str:
    """A value as the entry screen shows it (capaian.aturan.angka), a status by its label, no hashes."""
    if teks is None or teks == "":
        return "-"
    kolom = _pisah(kolom)[0]
    try:
        if kolom in _RP:
            return format_rupiah(int(teks))
        if kolom in _K:
            return format_k(Decimal(teks))
    except (ValueError, ArithmeticError, InvalidOperation):
        pass
    if kolom == "status":
        try:
            return str(Status(teks).label)
        except ValueError:
            return teks
    if kolom == "sha256" or _HEKSA.match(teks):
        return "tersimpan"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", teks):
        try:
            return _tanggal(teks)
        except ValueError:
            return teks
    if kolom == "periode" and re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", teks):
        dari, sampai = teks.split("/")
        return f"{_tanggal(dari)} s.d. {_tanggal(sampai)}"
    return _ID_REKAMAN.sub(r"\1", tanpa_sidik(teks)) or "-"


def _tanggal(iso: str) -> str:
    return format_tanggal(datetime.date.fromisoformat(iso))


def _letak(peristiwa: Sequence[AuditEvent]) -> dict[int, _Letak]:
    """Each event's row and quarter, read with one query per record kind."""
    per_jenis: dict[str, set[int]] = defaultdict(set)
    for e in peristiwa:
        if e.objek_id is not None:
            per_jenis[e.objek].add(e.objek_id)
    letak: dict[tuple[str, int], _Letak] = {}

    def isi(jenis: Iterable[str], qs: QuerySet[Any], fungsi: Callable[[Any], _Letak]) -> None:
        jenis = tuple(jenis)
        ids: set[int] = set().union(*(per_jenis.get(j, set()) for j in jenis))
        if not ids:
            return
        for obj in qs.filter(pk__in=ids):
            for j in jenis:
                letak[(j, obj.pk)] = fungsi(obj)

    isi(["realisasi"], Realisasi.objects.all(), lambda r: _Letak(r.indikator_id, r.tahun, r.triwulan))
    isi(_TARGET_TRIWULAN, TargetTriwulan.objects.all(), lambda t: _Letak(t.indikator_id, t.tahun, t.triwulan))
    isi(_TARGET_TAHUNAN, TargetTahunan.objects.all(), lambda t: _Letak(t.indikator_id, t.tahun))
    isi(["indikator"], Indikator.objects.all(), lambda i: _Letak(i.pk))
    isi(["catatan"], CatatanTriwulan.objects.all(), lambda c: _Letak(None, c.tahun, c.triwulan))
    isi(["triwulan"], StatusTriwulan.objects.all(), lambda s: _Letak(None, s.tahun, s.triwulan))
    isi(["arsip_paket"], ArsipPaket.objects.all(), lambda a: _Letak(None, a.tahun, a.triwulan))
    hasil: dict[int, _Letak] = {}
    for e in peristiwa:
        if m := _BUKTI.match(e.kolom):
            hasil[e.pk] = _Letak(int(m[3]) if m[3] else None, int(m[1]), int(m[2]))
        elif e.objek_id is not None and (e.objek, e.objek_id) in letak:
            hasil[e.pk] = letak[(e.objek, e.objek_id)]
        else:
            _, tahun, tw = _pisah(e.kolom)
            if tahun is not None:
                hasil[e.pk] = _Letak(None, tahun, tw)
    return hasil


def _label_triwulan(letak: _Letak) -> str:
    if letak.tahun is None:
        return "-"
    return f"TW {ROMAWI[letak.triwulan]} {letak.tahun}" if letak.triwulan else str(letak.tahun)


def baris_riwayat(peristiwa: Sequence[AuditEvent]) -> list[BarisRiwayat]:
    letak = _letak(peristiwa)
    ids = {le.indikator_id for le in letak.values() if le.indikator_id is not None}
    indikator = {
        i.pk: i
        for i in Indikator.objects.filter(pk__in=ids).select_related(
            "tujuan", "sasaran", "program", "kegiatan", "subkegiatan"
        )
    }
    hasil = []
    for e in peristiwa:
        le = letak.get(e.pk, _Letak())
        ind = indikator.get(le.indikator_id) if le.indikator_id is not None else None
        hasil.append(
            BarisRiwayat(
                waktu=timezone.localtime(e.waktu),
                pengguna=e.nama_pengguna,
                pintu=PINTU.get(e.pintu, e.pintu),
                tindakan=TINDAKAN.get(e.aksi, e.aksi.replace("_", " ").capitalize()),
                data=nama_data(e.objek),
                baris=(ind.kode or "-") if ind is not None else "-",
                indikator=ind.uraian if ind is not None else "-",
                indikator_id=ind.pk if ind is not None else None,
                triwulan=_label_triwulan(le),
                kolom=nama_kolom(e.kolom, e.objek),
                lama=nilai(e.kolom, e.lama),
                baru=nilai(e.kolom, e.baru),
                alasan=tanpa_sidik(e.alasan or ""),
            )
        )
    return hasil


# --- filters ----------------------------------------------------------------------------------------------


def saring_baris(indikator_id: int) -> Q:
    """Events of one row: its realisations, targets, the indicator itself and its evidence files."""
    return (
        Q(objek="realisasi", objek_id__in=_pk(Realisasi.objects.filter(indikator_id=indikator_id)))
        | Q(
            objek__in=_TARGET_TRIWULAN,
            objek_id__in=_pk(TargetTriwulan.objects.filter(indikator_id=indikator_id)),
        )
        | Q(
            objek__in=_TARGET_TAHUNAN,
            objek_id__in=_pk(TargetTahunan.objects.filter(indikator_id=indikator_id)),
        )
        | Q(objek="indikator", objek_id=indikator_id)
        | Q(objek="bukti", kolom__endswith=f" #{indikator_id}")
    )


def saring_triwulan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> Q:
    """Events of one quarter: its realisations, quarterly targets, texts, status, archives, evidence."""
    per_pd = {"perangkat_daerah": pd, "tahun": tahun, "triwulan": triwulan}
    per_ind = {"indikator__perangkat_daerah": pd, "tahun": tahun, "triwulan": triwulan}
    return (
        Q(objek="realisasi", objek_id__in=_pk(Realisasi.objects.filter(**per_ind)))
        | Q(objek__in=_TARGET_TRIWULAN, objek_id__in=_pk(TargetTriwulan.objects.filter(**per_ind)))
        | Q(objek="catatan", objek_id__in=_pk(CatatanTriwulan.objects.filter(**per_pd)))
        | Q(objek="triwulan", objek_id__in=_pk(StatusTriwulan.objects.filter(**per_pd)))
        | Q(objek="arsip_paket", objek_id__in=_pk(ArsipPaket.objects.filter(**per_pd)))
        | Q(objek="bukti", kolom__startswith=f"bukti {tahun} TW {triwulan}")
    )


def saring_tanggal(dari: datetime.date | None, sampai: datetime.date | None) -> Q:
    """From the start of `dari` to the end of `sampai`, in the server's time zone (both inclusive)."""
    q = Q()
    zona = timezone.get_current_timezone()
    if dari is not None:
        q &= Q(waktu__gte=datetime.datetime.combine(dari, datetime.time.min, zona))
    if sampai is not None:
        q &= Q(
            waktu__lt=datetime.datetime.combine(sampai + datetime.timedelta(days=1), datetime.time.min, zona)
        )
    return q


def _pk(qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.values("pk")
