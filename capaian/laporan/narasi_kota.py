"""The city's Narasi: per bidang urusan across agencies, how many agencies, programs, kegiatan and sub
kegiatan carry it out, the budget and its realisation, the table of programs (agency, capaian, serapan)
and the overall sentence, then the agencies' own kendala and solusi.

Each agency's programs are filed under a bidang exactly as that agency's own Narasi files them
(capaian.laporan.narasi.bangun_narasi), so the city Narasi and the agencies' cannot disagree; a bidang's
totals are the rules core's rekap over its programs' Form E.81 rows. The wording is the template
`laporan/narasi_kota.txt`, read by the same line marks as the agency's Narasi (narasi.blok_narasi).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from capaian.aturan.angka import format_persen, format_rupiah_surat
from capaian.aturan.capaian import HasilBaris, MasukanBaris
from capaian.aturan.kodering import coba_urai_kode, urutan
from capaian.aturan.rekap import Rekap, rekap_program
from capaian.laporan.data_kota import AnggotaKota, DataKota
from capaian.laporan.e81 import LaporanE81, bangun_e81, baris_program
from capaian.laporan.narasi import ProgramNarasi, bangun_narasi
from capaian.laporan.umum import romawi

TEMPLATE = "laporan/narasi_kota.txt"


@dataclass(frozen=True)
class ProgramKota:
    pd: AnggotaKota
    program: ProgramNarasi


@dataclass(frozen=True)
class BidangKota:
    kode: str
    nama: str
    perangkat_daerah: tuple[AnggotaKota, ...]
    jumlah_kegiatan: int
    jumlah_subkegiatan: int
    program: tuple[ProgramKota, ...]
    rekap: Rekap
    kendala: tuple[tuple[AnggotaKota, str], ...]
    solusi: tuple[tuple[AnggotaKota, str], ...]


@dataclass(frozen=True)
class LaporanNarasiKota:
    data: DataKota
    bidang: tuple[BidangKota, ...]
    rekap: Rekap  # over every included program


@dataclass
class _Kumpul:
    nama: str
    pd: list[AnggotaKota] = field(default_factory=list)
    kegiatan: int = 0
    subkegiatan: int = 0
    program: list[ProgramKota] = field(default_factory=list)
    pasangan: list[tuple[MasukanBaris, HasilBaris]] = field(default_factory=list)
    kendala: list[tuple[AnggotaKota, str]] = field(default_factory=list)
    solusi: list[tuple[AnggotaKota, str]] = field(default_factory=list)


def bangun_narasi_kota(data: DataKota, e81: Mapping[str, LaporanE81] | None = None) -> LaporanNarasiKota:
    kumpul: dict[str, _Kumpul] = {}
    semua: list[tuple[MasukanBaris, HasilBaris]] = []
    for a in data.termasuk:
        assert a.data is not None
        laporan = (e81 or data.e81).get(a.slug) or bangun_e81(a.data)
        narasi = bangun_narasi(a.data, laporan)
        baris = {b.rencana.kode: b for b in baris_program(laporan)}
        semua += [(b.masukan, b.hasil) for b in baris_program(laporan)]
        for bn in narasi.bidang:
            k = kumpul.setdefault(bn.kode, _Kumpul(bn.nama))
            k.pd.append(a)
            k.kegiatan += bn.jumlah_kegiatan
            k.subkegiatan += bn.jumlah_subkegiatan
            for p in bn.program:
                k.program.append(ProgramKota(a, p))
                if (b := baris.get(p.kode)) is not None:
                    k.pasangan.append((b.masukan, b.hasil))
            # The bidang's own kendala and solusi; the agency's own that belong to no one bidang go with
            # each of its bidang.
            k.kendala += [(a, t) for t in (*bn.kendala, *narasi.kendala)]
            k.solusi += [(a, t) for t in (*bn.solusi, *narasi.solusi)]

    def kunci(kode: str) -> tuple[int, ...]:
        urai = coba_urai_kode(kode)
        return urutan(urai) if urai is not None else (99,)

    bidang = tuple(
        BidangKota(
            kode=kode,
            nama=k.nama,
            perangkat_daerah=tuple(k.pd),
            jumlah_kegiatan=k.kegiatan,
            jumlah_subkegiatan=k.subkegiatan,
            program=tuple(k.program),
            rekap=rekap_program(k.pasangan, data.triwulan, data.set_predikat),
            kendala=tuple(k.kendala),
            solusi=tuple(k.solusi),
        )
        for kode, k in sorted(kumpul.items(), key=lambda kv: kunci(kv[0]))
    )
    return LaporanNarasiKota(data, bidang, rekap_program(semua, data.triwulan, data.set_predikat))


def periode(data: DataKota) -> str:
    return f"Triwulan {romawi(data.triwulan)} Tahun {data.tahun}"


def konteks_narasi_kota(laporan: LaporanNarasiKota) -> dict[str, Any]:
    """The template's context: every number already formatted by the rules core."""
    d, r = laporan.data, laporan.rekap
    return {
        "pemda": d.pemda,
        "tahun": d.tahun,
        "periode": periode(d),
        "jumlah_pd": len(d.termasuk),
        "jumlah_semua_pd": len(d.anggota),
        "belum": [f"{a.nama} ({a.label_status})" for a in d.tidak_termasuk],
        "capaian": format_persen(r.rata_capaian.k),
        "serapan": format_persen(r.rata_capaian.rp),
        "predikat_capaian": r.predikat[0] or "-",
        "predikat_serapan": r.predikat[1] or "-",
        "anggaran": format_rupiah_surat(r.jumlah_target_rp),
        "realisasi": format_rupiah_surat(r.jumlah_realisasi_rp),
        "bidang": [
            {
                "kode": b.kode,
                "nama": b.nama,
                "perangkat_daerah": ", ".join(a.nama for a in b.perangkat_daerah),
                "jumlah_pd": len(b.perangkat_daerah),
                "jumlah_program": len(b.program),
                "jumlah_kegiatan": b.jumlah_kegiatan,
                "jumlah_subkegiatan": b.jumlah_subkegiatan,
                "anggaran": format_rupiah_surat(b.rekap.jumlah_target_rp),
                "realisasi": format_rupiah_surat(b.rekap.jumlah_realisasi_rp),
                "capaian": format_persen(b.rekap.rata_capaian.k),
                "ada_capaian": b.rekap.rata_capaian.k is not None,
                "serapan": format_persen(b.rekap.rata_capaian.rp),
                "predikat_capaian": b.rekap.predikat[0] or "-",
                "predikat_serapan": b.rekap.predikat[1] or "-",
                "kendala": [f"{a.nama_pendek}: {t}" for a, t in b.kendala],
                "solusi": [f"{a.nama_pendek}: {t}" for a, t in b.solusi],
            }
            for b in laporan.bidang
        ],
    }


def teks_narasi_kota(laporan: LaporanNarasiKota) -> str:
    from django.template.loader import get_template

    return get_template(TEMPLATE).render(konteks_narasi_kota(laporan))
