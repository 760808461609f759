"""Narasi Laporan Hasil Pelaksanaan RKPD: per bidang urusan its programs, budget, realisation and results.

The builder groups Form E.81's program rows by bidang urusan (from the program code); the numbers are the
rules core's (the rekap of the bidang's programs, same method as Form E.81's totals). The wording is not here:
`teks_narasi` renders the Django template `laporan/narasi.txt` with the numbers already formatted, so an
admin can change the text (or override the template in a project template folder) without touching code.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from capaian.aturan.angka import format_persen, format_rupiah_surat
from capaian.aturan.kodering import coba_urai_kode, nama_urusan_bidang
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81, baris_program
from capaian.laporan.umum import baris_teks, judul_periode

TEMPLATE = "laporan/narasi.txt"
LAIN_LAIN = "lain"  # programs without a readable code


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


@dataclass(frozen=True)
class LaporanNarasi:
    data: DataLaporan
    bidang: tuple[BidangNarasi, ...]
    kendala: tuple[str, ...]  # faktor penghambat, one item per line
    solusi: tuple[str, ...]  # tindak lanjut, one item per line


def _bidang_program(kode: str | None) -> str:
    k = coba_urai_kode(kode)
    return k.kode_bidang if k is not None and k.kode_bidang is not None else LAIN_LAIN


def _penunjang(kode: str | None) -> bool:
    return kode is not None and kode.strip().split(".")[2:3] == ["01"]


def bidang_utama(program: list[BarisE81]) -> str:
    """The agency's main bidang, where Program X.XX.01 (Penunjang) is filed.

    The bidang written in the Penunjang program's own code when it is a real one ("3.30.01" -> "3.30");
    otherwise (an "X.XX.01" code) the bidang with the most other programs, the first of them on a tie.
    """
    for b in program:
        if _penunjang(b.rencana.kode):
            kode = _bidang_program(b.rencana.kode)
            if kode != LAIN_LAIN and nama_urusan_bidang(kode):
                return kode
    hitung = Counter(_bidang_program(b.rencana.kode) for b in program if not _penunjang(b.rencana.kode))
    hitung.pop(LAIN_LAIN, None)
    return hitung.most_common(1)[0][0] if hitung else LAIN_LAIN


def bidang_dari(utama: str, kode: str | None) -> str:
    """The bidang urusan a program is filed under: a Program Penunjang under the agency's main bidang."""
    return utama if _penunjang(kode) else _bidang_program(kode)


def bidang_program(laporan: LaporanE81) -> dict[str | None, str]:
    """Program kode -> its bidang urusan, as the Narasi files it (without building the Narasi)."""
    program = baris_program(laporan)
    utama = bidang_utama(program)
    return {b.rencana.kode: bidang_dari(utama, b.rencana.kode) for b in program}


def bangun_narasi(data: DataLaporan, e81: LaporanE81 | None = None) -> LaporanNarasi:
    laporan = e81 if e81 is not None else bangun_e81(data)
    program = baris_program(laporan)
    utama = bidang_utama(program)

    kelompok: dict[str, list[BarisE81]] = {}
    for b in program:
        kelompok.setdefault(bidang_dari(utama, b.rencana.kode), []).append(b)
    # Kegiatan and sub kegiatan counted once per element (a further indicator is not another kegiatan).
    elemen: dict[str, dict[str, set[str]]] = {k: {"kegiatan": set(), "subkegiatan": set()} for k in kelompok}
    for b in laporan.baris:
        r = b.rencana
        if r.tingkat in ("kegiatan", "subkegiatan") and r.kode:
            urai = coba_urai_kode(r.kode)
            tujuan = bidang_dari(utama, urai.kode_program if urai is not None else None)
            if tujuan in elemen:
                elemen[tujuan][r.tingkat].add(urai.kanonik if urai is not None else r.kode)

    def urut(kode: str) -> tuple[int, ...]:
        k = coba_urai_kode(kode)
        return (int(k.urusan), int(k.bidang or 0)) if k is not None else (99, 99)

    bidang: list[BidangNarasi] = []
    for kode in sorted(kelompok, key=urut):
        anggota = kelompok[kode]
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
            )
        )
    return LaporanNarasi(
        data=data,
        bidang=tuple(bidang),
        kendala=tuple(baris_teks(data.faktor_penghambat)),
        solusi=tuple(baris_teks(data.tindak_lanjut)),
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
    jenis: str  # judul, subjudul, paragraf, butir, tabel
    teks: str


def blok_narasi(teks: str) -> list[Blok]:
    """Reads the template's output: '# ' heading, '## ' subheading, '- ' item, '[[tabel KODE]]', else text.

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
        elif isi.startswith("[[tabel ") and isi.endswith("]]"):
            blok.append(Blok("tabel", isi[8:-2].strip()))
        else:
            blok.append(Blok("paragraf", isi))
    return blok
