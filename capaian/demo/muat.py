"""Loads the demo: Dinas Perindustrian dan Perdagangan Kota Pasuruan 2024 from the reference report's
transcription (inputs only: every derived number is left to the engine), a clearly synthetic second agency,
and the demo users. Loading twice changes nothing.

A program's or kegiatan's Rupiah (columns 5 and 7, the quarterly targets and realisations) is the sum of its
children's, so it is not loaded: the engine derives it (capaian.aturan.induk), and
tests/referensi/test_e81_referensi.py shows that the derived values are the report's own. Column 6 Rp is an
input for every row and is loaded."""

import csv
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas
from capaian.aturan.induk import anak_per_induk
from capaian.demo import kota as demo_kota
from capaian.demo import referensi, sintetis
from capaian.demo.tanda import tandai_belum_ada_data
from capaian.demo.teks import muat_teks
from capaian.hasil import simpan as hasil_tersimpan
from capaian.monev import services
from capaian.organisasi.models import Pemda, Penandatangan, Peran, PerangkatDaerah, Profil, StatusJabatan
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import (
    Kegiatan,
    PeriodeRenstra,
    Program,
    Sasaran,
)

TAHUN = 2024
SLUG = "disperindag"
KATA_SANDI = "capaian-demo"


def _d(teks: str) -> Decimal | None:
    return Decimal(teks) if teks.strip() else None


def _rp(teks: str) -> int | None:
    return int(teks) if teks.strip() else None


@dataclass(frozen=True)
class _Letak:
    kode: str | None
    tingkat: str
    lanjutan: bool


def baris_induk(baris: list[dict[str, str]]) -> set[str]:
    """The row_ids of the transcription whose Rupiah the engine derives from their children."""
    letak = [_Letak(b["kode"].strip() or None, b["level"], not b["kode"].strip()) for b in baris]
    return {baris[i]["row_id"] for i in anak_per_induk(letak)}


@dataclass
class Hasil:
    dimuat: list[str]
    sudah_ada: list[str]


def muat_demo(folder_seed: Path, kota: int = 0, baris_kota: int | None = None) -> Hasil:
    """`kota` synthetic agencies of the demo city on top (0 for the tests' fixture: see capaian.demo.kota)."""
    hasil = Hasil(dimuat=[], sudah_ada=[])
    # Every agency-quarter's stored results computed once, at the end (capaian.hasil.simpan).
    with transaction.atomic(), hasil_tersimpan.sekaligus():
        pemda, _ = Pemda.objects.get_or_create(
            slug="kota-pasuruan",
            defaults={
                "nama": "Kota Pasuruan",
                "provinsi": "Jawa Timur",
                "tempat": "Pasuruan",
                "nama_bappeda": "Bappelitbangda Kota Pasuruan",
            },
        )
        if PerangkatDaerah.objects.filter(slug=SLUG).exists():
            hasil.sudah_ada.append(SLUG)
        else:
            _muat_disperindag(pemda, folder_seed / "e81-transkripsi.csv")
            hasil.dimuat.append(SLUG)
        if PerangkatDaerah.objects.filter(slug=sintetis.SLUG).exists():
            hasil.sudah_ada.append(sintetis.SLUG)
        else:
            sintetis.muat(pemda)
            hasil.dimuat.append(sintetis.SLUG)
        _pengguna(pemda)
        dimuat, sudah_ada = demo_kota.muat(pemda, kota, KATA_SANDI, baris_kota)
        hasil.dimuat += dimuat
        hasil.sudah_ada += sudah_ada
    return hasil


def _muat_disperindag(pemda: Pemda, csv_e81: Path) -> None:
    pd = PerangkatDaerah.objects.create(
        pemda=pemda,
        nama="Dinas Perindustrian dan Perdagangan Kota Pasuruan",
        slug=SLUG,
        singkatan="Disperindag",
        alamat="Jalan Pahlawan, Pekuncen, Panggungrejo, Kota Pasuruan, Jawa Timur, Kode Pos 67126",
        # The reference letter's letterhead.
        telepon="(0343) 424919",
        faksimile="(0343) 424919",
        email="disperindagpaskot@gmail.com",
        laman="disperindag.pasuruankota.go.id",
    )
    renstra = PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2021, tahun_akhir=2026)
    with csv_e81.open(encoding="utf-8") as berkas:
        baris = list(csv.DictReader(berkas))
    tujuan_baris = next(b for b in baris if b["level"] == "tujuan")
    tujuan = rencana.buat_tujuan(None, renstra, tujuan_baris["name"])
    sasaran: dict[str, Sasaran] = {}
    program: dict[str, Program] = {}
    kegiatan: dict[str, Kegiatan] = {}
    elemen_terakhir: dict[str, rencana.Elemen] = {}
    rp_induk = baris_induk(baris)
    for urutan, b in enumerate(baris, start=1):
        tingkat = b["level"]
        kode = b["kode"].strip()
        elemen: rencana.Elemen
        if tingkat == "tujuan":
            elemen = tujuan
        elif tingkat == "sasaran":
            if b["name"] not in sasaran:
                sasaran[b["name"]] = rencana.buat_sasaran(None, tujuan, b["name"])
            elemen = sasaran[b["name"]]
        elif not kode:
            # The unnumbered continuation row: a further indicator of the element above it.
            elemen = elemen_terakhir[tingkat]
        elif tingkat == "program":
            elemen = program[kode] = rencana.buat_program(None, pd, kode, b["name"])
        elif tingkat == "kegiatan":
            induk = program[".".join(kode.split(".")[:3])]
            elemen = kegiatan[kode] = rencana.buat_kegiatan(None, induk, kode, b["name"])
        else:
            induk_kegiatan = kegiatan[".".join(kode.split(".")[:5])]
            elemen = rencana.buat_subkegiatan(None, induk_kegiatan, kode, b["name"])
        elemen_terakhir[tingkat] = elemen
        _indikator(elemen, urutan, b, rp_turunan=b["row_id"] in rp_induk)
    _catatan(pd)
    muat_teks(pd, csv_e81.parent, TAHUN, 2)
    _tandai_belum_ada_data(pd)


ALASAN_RUJUKAN = "tidak dilaporkan dalam laporan rujukan"


def _tandai_belum_ada_data(pd: PerangkatDaerah) -> None:
    """The rows the reference report leaves blank although they have a target for the quarter are marked
    "belum ada data" (blank is not zero), so that the demo's quarters can be submitted as reported."""
    for tw in (1, 2):
        tandai_belum_ada_data(pd, TAHUN, tw, ALASAN_RUJUKAN)


def _definisi(nama: str, label: str, catatan: dict[str, str]) -> dict[str, str]:
    """A formula variable's definition, with the reference's evidence note when it has one."""
    definisi = {"nama": nama, "label": label}
    if catatan.get(nama):
        definisi["catatan"] = catatan[nama]
    return definisi


def _indikator(elemen: rencana.Elemen, urutan: int, b: dict[str, str], rp_turunan: bool) -> None:
    row = b["row_id"]

    def rp(kolom: str) -> int | None:
        # A parent's Rupiah is derived from its children; only column 6 is its own input.
        return None if rp_turunan and kolom != "real_prev_rp" else _rp(b[kolom])

    rumus, variabel, nilai_tw2 = referensi.RUMUS.get(row, ("", [], {}))
    indikator = rencana.buat_indikator(
        None,
        elemen,
        b["indikator"],
        b["satuan"],
        urutan,
        polaritas=Polaritas.NEGATIF if row in referensi.NEGATIF else Polaritas.POSITIF,
        agregasi=referensi.AGREGASI.get(row, Agregasi.JUMLAH),
        akumulasi=referensi.AKUMULASI.get(row, Akumulasi.KUMULATIF),
        rumus=rumus,
        variabel=[
            _definisi(nama, label, referensi.CATATAN_VARIABEL.get(row, {})) for nama, label in variabel
        ],
        catatan_nilai=referensi.CATATAN_NILAI.get(row, ""),
        target_renstra_k=_d(b["renstra_k"]),
        target_renstra_rp=rp("renstra_rp"),
    )
    rencana.simpan_target_tahunan(
        None,
        indikator,
        TAHUN,
        realisasi_lalu_k=_d(b["real_prev_k"]),
        realisasi_lalu_rp=rp("real_prev_rp"),
        target_k=_d(b["target_k"]),
        target_rp=rp("target_rp"),
    )
    for tw in (1, 2):
        k_target, rp_target = _d(b[f"tw{tw}_target_k"]), rp(f"tw{tw}_target_rp")
        if k_target is not None or rp_target is not None:
            rencana.simpan_target_triwulan(None, indikator, TAHUN, tw, k=k_target, rp=rp_target)
        k, rp_tw = _d(b[f"tw{tw}_real_k"]), rp(f"tw{tw}_real_rp")
        variabel_tw = nilai_tw2 if tw == 2 else {}
        if variabel_tw:
            # The Kertas Kerja's inputs are the quarter's data; K follows from the formula.
            services.simpan_realisasi(
                None, indikator, TAHUN, tw, k=None, rp=rp_tw, variabel=dict(variabel_tw)
            )
        elif k is not None or rp_tw is not None:
            services.simpan_realisasi(None, indikator, TAHUN, tw, k=k, rp=rp_tw)


def _catatan(pd: PerangkatDaerah) -> None:
    ttd = Penandatangan.objects.create(
        perangkat_daerah=pd,
        nama="Hery Dwi Sujatmiko, S.Sos, M.M.",
        nip="197012231990031001",
        pangkat="Pembina Utama Muda IV/c",
        jabatan="Kepala Dinas Perindustrian dan Perdagangan Kota Pasuruan",
        status=StatusJabatan.PLT,
    )
    services.simpan_catatan(
        None,
        pd,
        TAHUN,
        2,
        faktor_pendorong=referensi.FAKTOR_PENDORONG,
        faktor_penghambat=referensi.FAKTOR_PENGHAMBAT,
        tindak_lanjut=referensi.TINDAK_LANJUT,
        rekomendasi="",
        penandatangan=ttd,
        tanggal=datetime.date(2024, 7, 8),
        nomor_surat="900/1429/423.116/2024",
    )


# Invented people, not role titles: the greeting and the audit trail show a person's name next to the role
# ("Rina Wulandari (Verifikator Bappelitbangda)", not the role twice), as they do for a pemda's real users.
PENGGUNA_DEMO: list[tuple[str, Peran, str | None, str]] = [
    ("admin", Peran.ADMIN, None, "Agus Setiawan"),
    ("verifikator", Peran.VERIFIKATOR, None, "Rina Wulandari"),
    ("operator-disperindag", Peran.OPERATOR, SLUG, "Dewi Anggraini"),
    ("kepala-disperindag", Peran.KEPALA, SLUG, "Hendra Kusuma"),
    ("operator-contoh", Peran.OPERATOR, sintetis.SLUG, "Yusuf Hidayat"),
    # Every agency has a head: where the pemda requires it, a submitted quarter waits for the head's approval.
    ("kepala-contoh", Peran.KEPALA, sintetis.SLUG, "Sri Handayani"),
    ("pimpinan", Peran.PIMPINAN, None, "Bambang Prasetyo"),
]


def _pengguna(pemda: Pemda) -> None:
    User = get_user_model()
    for nama, peran, slug_pd, nama_lengkap in PENGGUNA_DEMO:
        if User.objects.filter(username=nama).exists():
            continue
        pengguna = User.objects.create_user(
            username=nama, password=KATA_SANDI, first_name=nama_lengkap, is_staff=peran is Peran.ADMIN
        )
        Profil.objects.create(
            pengguna=pengguna,
            pemda=pemda,
            peran=peran,
            perangkat_daerah=PerangkatDaerah.objects.get(slug=slug_pd) if slug_pd else None,
        )
