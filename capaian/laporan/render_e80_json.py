"""Form E.80 as JSON (K and percentages as decimal strings, 2 places; Rupiah as integers) and as the
printable table the XLSX and PDF renderers share. Formatting only."""

from decimal import Decimal
from typing import Any

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import KRp, Persen
from capaian.laporan.e80 import LaporanE80
from capaian.laporan.tabel_sederhana import Angka, Sel, Tabel


def _d(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(bulatkan(nilai, 2))


def _krp(nilai: KRp) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": nilai.rp}


def _persen(nilai: Persen) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": _d(nilai.rp)}


def e80_json(lap: LaporanE80) -> dict[str, Any]:
    r = lap.rekap
    return {
        "perangkat_daerah": lap.perangkat_daerah,
        "tahun": lap.tahun,
        "periode": list(lap.periode),
        "capaian_awal_dari_tahun": lap.tahun_awal_data,
        "baris": [
            {
                "no": b.no,
                "kode": b.kode,
                "tingkat": b.tingkat,
                "uraian": b.uraian,
                "indikator": b.indikator,
                "satuan": b.satuan,
                "capaian_awal": _krp(b.capaian_awal),
                "target_akhir": _krp(b.target_akhir),
                "tahun": [
                    {
                        "tahun": t.tahun,
                        "ke": ke,
                        "target": _krp(t.target),
                        "target_dari_renstra": t.dari_renstra,
                        "realisasi": _krp(t.realisasi),
                        "rasio": _persen(t.rasio),
                    }
                    for ke, t in enumerate(b.tahun, start=1)
                ],
                "unit": b.unit,
            }
            for b in lap.baris
        ],
        "rata_rata": _persen(r.rata_capaian) if r else None,
        "predikat": {"k": r.predikat[0], "rp": r.predikat[1]} if r else None,
        "faktor_pendorong": lap.faktor_pendorong,
        "faktor_penghambat": lap.faktor_penghambat,
        "tindak_lanjut": {
            "renja_berikutnya": lap.tindak_lanjut_renja,
            "renstra_berikutnya": lap.tindak_lanjut_renstra,
        },
    }


def tabel_e80(lap: LaporanE80) -> Tabel:
    kepala: list[str] = [
        "No",
        "Kode",
        "Sasaran/Program/Kegiatan",
        "Indikator",
        "Satuan",
        f"Capaian awal (s.d. {lap.tahun_awal_data - 1 if lap.tahun_awal_data else '-'}) K",
        "Capaian awal Rp",
        "Target akhir Renstra K",
        "Target akhir Renstra Rp",
    ]
    for ke, y in enumerate(lap.periode, start=1):
        kepala += [f"Target th-{ke} ({y}) K", f"Target th-{ke} Rp"]
    for ke, y in enumerate(lap.periode, start=1):
        kepala += [f"Realisasi th-{ke} ({y}) K", f"Realisasi th-{ke} Rp"]
    for ke, y in enumerate(lap.periode, start=1):
        kepala += [f"Rasio th-{ke} ({y}) K %", f"Rasio th-{ke} Rp %"]
    kepala.append("Unit PD penanggung jawab")
    n = len(lap.periode)
    identitas = tuple(range(5))
    awal_realisasi, unit = 9 + 2 * n, 9 + 6 * n  # columns 5-8: capaian awal, target akhir; then targets
    baris: list[tuple[Sel, ...]] = []
    for b in lap.baris:
        sel: list[Sel] = [
            "" if b.no is None else str(b.no),
            b.kode or "",
            b.uraian,
            b.indikator,
            b.satuan,
            Angka(b.capaian_awal.k),
            Angka(b.capaian_awal.rp, 0),
            Angka(b.target_akhir.k),
            Angka(b.target_akhir.rp, 0),
        ]
        for t in b.tahun:
            sel += [Angka(t.target.k), Angka(t.target.rp, 0)]
        for t in b.tahun:
            sel += [Angka(t.realisasi.k), Angka(t.realisasi.rp, 0)]
        for t in b.tahun:
            sel += [Angka(t.rasio.k), Angka(t.rasio.rp)]
        sel.append(b.unit)
        baris.append(tuple(sel))
    r = lap.rekap
    rata = (
        f"Rata-rata capaian kinerja tahun {lap.tahun}: K {_d(r.rata_capaian.k) or '-'} %, Rp "
        f"{_d(r.rata_capaian.rp) or '-'} % · predikat K {r.predikat[0] or '-'}, Rp {r.predikat[1] or '-'}"
        if r
        else "Rata-rata capaian kinerja: -"
    )
    return Tabel(
        nama_lembar="E.80",
        judul=(
            "Form E.80 — Evaluasi terhadap Hasil Renstra Perangkat Daerah",
            f"{lap.perangkat_daerah} · Periode {lap.periode[0]}-{lap.periode[-1]} · s.d. Tahun {lap.tahun}",
            *(("DATA SINTETIS (contoh)",) if lap.sintetis else ()),
        ),
        kepala=(tuple(kepala),),
        baris=tuple(baris),
        # In print: K above Rp in one column, and two bands (the targets; the realisations and ratios).
        pasangan=frozenset(range(5, unit, 2)),
        pita=(
            identitas + tuple(range(5, awal_realisasi)),
            identitas + tuple(range(awal_realisasi, unit + 1)),
        ),
        penutup=(
            rata,
            f"Faktor pendorong: {lap.faktor_pendorong or '-'}",
            f"Faktor penghambat: {lap.faktor_penghambat or '-'}",
            f"Tindak lanjut pada Renja berikutnya: {lap.tindak_lanjut_renja or '-'}",
            f"Tindak lanjut pada Renstra berikutnya: {lap.tindak_lanjut_renstra or '-'}",
        ),
    )
