"""Narasi Laporan Hasil Pelaksanaan RKPD: per bidang urusan its programs, budget, realisation and results.

The builder groups Form E.81's program rows by bidang urusan (from the program code); the numbers are the
rules core's (the rekap of the bidang's programs, same method as Form E.81's totals). The wording is not here:
`teks_narasi` renders the Django template `laporan/narasi.txt` with the numbers already formatted, so an
admin can change the text (or override the template in a project template folder) without touching code.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from capaian.aturan import bidang as aturan_bidang
from capaian.aturan.angka import format_persen, format_rupiah_surat
from capaian.aturan.kodering import coba_urai_kode, nama_urusan_bidang
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.laporan.data import DataLaporan, TeksCakupan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81, baris_program
from capaian.laporan.umum import baris_teks, judul_periode

TEMPLATE = "laporan/narasi.txt"
LAIN_LAIN = aturan_bidang.LAIN_LAIN  # programs without a readable code


@dataclass(frozen=True)
class ProgramNarasi:
    no: int
    kode: str | None
    nama: str
    capaian: Decimal | None  # Form E.81 col 13 K
    serapan: Decimal | None  # Form E.81 col 13 Rp
    anggaran: int | None  # col 7 Rp
    realisasi: int | None  # col 12 Rp


@dataclass(frozen=True)
class BidangNarasi:
    kode: str  # "3.30"
    nama: str  # "Urusan Pemerintahan Bidang Perdagangan"
    jumlah_program: int
    jumlah_kegiatan: int
    jumlah_subkegiatan: int
    program: tuple[ProgramNarasi, ...]
    rekap: Rekap  # anggaran = jumlah_target_rp, realisasi = jumlah_realisasi_rp, the overall percentages
    kendala: tuple[str, ...] = ()  # the bidang's own, then its programs', one item each
    solusi: tuple[str, ...] = ()


@dataclass(frozen=True)
class LaporanNarasi:
    data: DataLaporan
    bidang: tuple[BidangNarasi, ...]  # in the order of capaian.aturan.bidang.urutan_bidang
    # The agency's own kendala and solusi where they belong to no one bidang: a closing section of an agency
    # with several bidang (one bidang takes them into its own section).
    kendala: tuple[str, ...]
    solusi: tuple[str, ...]


def bidang_utama(program: list[BarisE81]) -> str:
    """The agency's main bidang, where Program X.XX.01 (Penunjang) is filed (capaian.aturan.bidang)."""
    return aturan_bidang.bidang_utama([b.rencana.kode for b in program])


def _butir(teks: TeksCakupan | None, nama: str) -> list[str]:
    return baris_teks(getattr(teks, nama)) if teks is not None else []


def _teks_umum(data: DataLaporan) -> tuple[list[str], list[str]]:
    """The agency-level kendala and solusi. Data kept before texts per bidang existed, with none of them,
    reads its faktor penghambat and tindak lanjut as kendala and solusi, as the Narasi always did."""
    kendala, solusi = baris_teks(data.kendala), baris_teks(data.solusi)
    tercakup = any(t.kendala.strip() or t.solusi.strip() for t in (*data.teks_bidang, *data.teks_program))
    if not tercakup and not kendala and not solusi:
        kendala, solusi = baris_teks(data.faktor_penghambat), baris_teks(data.tindak_lanjut)
    return kendala, solusi


def bidang_program(laporan: LaporanE81) -> dict[str | None, str]:
    """Program kode -> its bidang urusan, as the Narasi files it (without building the Narasi)."""
    return aturan_bidang.bidang_per_program([b.rencana.kode for b in baris_program(laporan)])


def bangun_narasi(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanNarasi:
    laporan = e81 if e81 is not None else bangun_e81(data)
    program = baris_program(laporan)
    per_program = aturan_bidang.bidang_per_program([b.rencana.kode for b in program])

    def bidang_dari(kode: str | None) -> str:
        return per_program.get(kode) or aturan_bidang.bidang_kode(kode)

    kelompok: dict[str, list[BarisE81]] = {}
    for b in program:
        kelompok.setdefault(bidang_dari(b.rencana.kode), []).append(b)
    # Kegiatan and sub kegiatan counted once per element (a further indicator is not another kegiatan).
    elemen: dict[str, dict[str, set[str]]] = {k: {"kegiatan": set(), "subkegiatan": set()} for k in kelompok}
    for b in laporan.baris:
        r = b.rencana
        if r.tingkat in ("kegiatan", "subkegiatan") and r.kode:
            urai = coba_urai_kode(r.kode)
            tujuan = bidang_dari(urai.kode_program if urai is not None else None)
            if tujuan in elemen:
                elemen[tujuan][r.tingkat].add(urai.kanonik if urai is not None else r.kode)

    teks_bidang = {t.kode: t for t in data.teks_bidang}
    teks_program = {t.kode: t for t in data.teks_program}
    umum_kendala, umum_solusi = _teks_umum(data)
    urutan = aturan_bidang.urutan_bidang(kelompok, data.perangkat_daerah)
    satu = len(urutan) == 1
    bidang: list[BidangNarasi] = []
    for kode in urutan:
        anggota = kelompok[kode]
        kendala, solusi = _butir(teks_bidang.get(kode), "kendala"), _butir(teks_bidang.get(kode), "solusi")
        for b in anggota:
            t = teks_program.get(b.rencana.kode or "")
            kendala += _butir(t, "kendala")
            solusi += _butir(t, "solusi")
        if satu:
            kendala, solusi = kendala + umum_kendala, solusi + umum_solusi
        bidang.append(
            BidangNarasi(
                kode=kode,
                nama=nama_urusan_bidang(kode) or "Urusan Pemerintahan Lainnya",
                jumlah_program=len(anggota),
                jumlah_kegiatan=len(elemen[kode]["kegiatan"]),
                jumlah_subkegiatan=len(elemen[kode]["subkegiatan"]),
                program=tuple(
                    ProgramNarasi(
                        no=no,
                        kode=b.rencana.kode,
                        nama=b.rencana.uraian,
                        capaian=b.hasil.capaian.k,
                        serapan=b.hasil.capaian.rp,
                        anggaran=b.masukan.target.rp,
                        realisasi=b.hasil.realisasi.rp,
                    )
                    for no, b in enumerate(anggota, start=1)
                ),
                rekap=rekap_program(
                    [(b.masukan, b.hasil) for b in anggota], data.triwulan, data.set_predikat
                ),
                kendala=tuple(kendala),
                solusi=tuple(solusi),
            )
        )
    return LaporanNarasi(
        data=data,
        bidang=tuple(bidang),
        kendala=() if satu else tuple(umum_kendala),
        solusi=() if satu else tuple(umum_solusi),
    )


def konteks_narasi(laporan: LaporanNarasi) -> dict[str, Any]:
    """The template's context: every number already formatted by the rules core."""
    data = laporan.data
    return {
        "perangkat_daerah": data.perangkat_daerah,
        "pemda": data.pemda,
        "tahun": data.tahun,
        "periode": judul_periode(data),
        "bidang": [
            {
                "kode": b.kode,
                "nama": b.nama,
                "jumlah_program": b.jumlah_program,
                "jumlah_kegiatan": b.jumlah_kegiatan,
                "jumlah_subkegiatan": b.jumlah_subkegiatan,
                "anggaran": format_rupiah_surat(b.rekap.jumlah_target_rp),
                "realisasi": format_rupiah_surat(b.rekap.jumlah_realisasi_rp),
                "capaian": format_persen(b.rekap.rata_capaian.k),
                "ada_capaian": b.rekap.rata_capaian.k is not None,
                "serapan": format_persen(b.rekap.rata_capaian.rp),
                "predikat_capaian": b.rekap.predikat[0] or "-",
                "predikat_serapan": b.rekap.predikat[1] or "-",
                "kendala": list(b.kendala),
                "solusi": list(b.solusi),
            }
            for b in laporan.bidang
        ],
        "kendala": list(laporan.kendala),
        "solusi": list(laporan.solusi),
    }


def teks_narasi(laporan: LaporanNarasi) -> str:
    """The narrative as structured text (see the template's header for the line marks)."""
    # Imported here so that the builder above stays usable without configured Django settings.
    from django.template.loader import get_template

    return get_template(TEMPLATE).render(konteks_narasi(laporan))


@dataclass(frozen=True)
class Blok:
    jenis: str  # judul, subjudul, paragraf, butir, nomor (a numbered item), tabel
    teks: str
    nomor: str = ""  # "1." for a numbered item


_NOMOR = re.compile(r"^(\d{1,3})\.\s+(.*)$")


def blok_narasi(teks: str) -> list[Blok]:
    """Reads the template's output: '# ' heading, '## ' subheading, '- ' item, '1. ' numbered item,
    '[[tabel KODE]]', else text.

    Lines starting with '{#'-style comments never reach here (Django drops them); blank lines are skipped.
    """
    blok: list[Blok] = []
    for baris in teks.splitlines():
        isi = baris.strip()
        if not isi:
            continue
        if isi.startswith("## "):
            blok.append(Blok("subjudul", isi[3:].strip()))
        elif isi.startswith("# "):
            blok.append(Blok("judul", isi[2:].strip()))
        elif isi.startswith("- "):
            blok.append(Blok("butir", isi[2:].strip()))
        elif (m := _NOMOR.match(isi)) is not None:
            blok.append(Blok("nomor", m.group(2).strip(), f"{m.group(1)}."))
        elif isi.startswith("[[tabel ") and isi.endswith("]]"):
            blok.append(Blok("tabel", isi[8:-2].strip()))
        else:
            blok.append(Blok("paragraf", isi))
    return blok
