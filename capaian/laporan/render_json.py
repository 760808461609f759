"""Form E.81 as JSON: K and percentages as decimal strings rounded half-up to 2 places, Rupiah as integers."""

from decimal import Decimal
from typing import Any

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import KRp, Persen
from capaian.aturan.kodering import catatan_kode
from capaian.aturan.metode import kode_metode, uraian_metode
from capaian.aturan.periksa_data import persen_rp_janggal
from capaian.laporan.data import NAMA_TEKS, DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81
from capaian.laporan.tabel_e81 import LEGENDA_METODE, catatan_tanda, tanda_metode
from capaian.laporan.umum import baris_teks


def _d(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(bulatkan(nilai, 2))


def _krp(nilai: KRp) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": nilai.rp}


def _persen(nilai: Persen) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": _d(nilai.rp)}


def _peringatan(b: BarisE81) -> dict[str, Any]:
    p = b.peringatan
    if p is None:
        return {"status": None, "proyeksi_k": None, "proyeksi_rp": None}
    return {
        "status": None if p.status is None else p.status.value,
        "proyeksi_k": _d(p.proyeksi.k),
        "proyeksi_rp": p.proyeksi.rp,
    }


def _baris(b: BarisE81, triwulan: int) -> dict[str, Any]:
    m, h = b.masukan, b.hasil
    kolom: dict[str, Any] = {"5": _krp(m.renstra), "6": _krp(m.realisasi_lalu), "7": _krp(m.target)}
    for indeks in range(4):
        kolom[str(8 + indeks)] = {
            "target": _krp(m.target_tw[indeks]),
            "realisasi": _krp(m.realisasi_tw[indeks]),
        }
    kolom.update(
        {
            "12": _krp(h.realisasi),
            "13": _persen(h.capaian),
            "14": _krp(h.realisasi_renstra),
            "15": _persen(h.capaian_renstra),
        }
    )
    return {
        "no": b.no,
        "kode": b.rencana.kode,
        "tingkat": b.rencana.tingkat,
        "uraian": b.rencana.uraian,
        "indikator": b.rencana.indikator,
        "satuan": b.rencana.satuan,
        "kolom": kolom,
        "kolom_6_sumber": b.rencana.kolom_6_sumber,
        "peringatan_dini": _peringatan(b),
        "predikat": {"k": h.predikat[0], "rp": h.predikat[1]},
        "metode": {
            "kode": kode_metode(m.sifat),
            "uraian": uraian_metode(m.sifat),
            "polaritas": m.sifat.polaritas.value,
            "rumus_capaian": m.sifat.uraian_capaian(),
            "agregasi": m.sifat.agregasi.value,
            "akumulasi": m.sifat.akumulasi.value,
            "tanda": list(tanda_metode(m.sifat)),
        },
        # Values printed as recorded but flagged under the form: a code not in its standard form, a budget
        # percentage (col 13 or 15 Rp) above 1.000 %.
        "tanda": {
            "kode": catatan_kode(b.rencana.kode) or None,
            "persen_rp_janggal": [
                kol for kol, p in (("13", h.capaian.rp), ("15", h.capaian_renstra.rp)) if persen_rp_janggal(p)
            ],
        },
        # The operator's "belum ada data" for the report's quarter (the values stay null, never 0).
        "belum_ada_data": (
            {"alasan": b.rencana.belum_ada_data[triwulan - 1]}
            if b.rencana.belum_ada_data[triwulan - 1]
            else None
        ),
    }


def e81_json(laporan: LaporanE81) -> dict[str, Any]:
    r = laporan.rekap
    return {
        "perangkat_daerah": laporan.data.perangkat_daerah,
        "tahun": laporan.data.tahun,
        "triwulan": laporan.data.triwulan,
        "versi_target": laporan.data.versi_target,
        "dasar_perubahan": laporan.data.dasar_perubahan or None,
        "baris": [_baris(b, laporan.data.triwulan) for b in laporan.baris],
        # Every total Form E.81 prints (PDF and XLSX): cols 5, 7, the quarters' realisations, 12 and 14.
        "jumlah": {
            "5": {"rp": r.jumlah_renstra_rp},
            "7": {"rp": r.jumlah_target_rp},
            **{str(8 + i): {"realisasi": {"rp": nilai}} for i, nilai in enumerate(r.jumlah_realisasi_tw_rp)},
            "12": {"rp": r.jumlah_realisasi_rp},
            "14": {"rp": r.jumlah_realisasi_renstra_rp},
        },
        "rata_rata": {"13": _persen(r.rata_capaian), "15": _persen(r.rata_capaian_renstra)},
        "predikat": {
            "13": {"k": r.predikat[0], "rp": r.predikat[1]},
            "15": {"k": r.predikat_renstra[0], "rp": r.predikat_renstra[1]},
        },
        "metode": r.uraian_metode(),
        "legenda_metode": {
            t: LEGENDA_METODE[t]
            for t in sorted({t for b in laporan.baris for t in tanda_metode(b.masukan.sifat)})
        },
        "catatan_tanda": catatan_tanda(laporan),
        "set_predikat": laporan.data.set_predikat.kode,
        "set_predikat_batas": laporan.data.set_predikat.uraian_batas(),
        "draf": laporan.data.draf,
        "teks": teks_json(laporan.data),
    }


def teks_json(data: DataLaporan) -> dict[str, Any]:
    """The quarter's texts as items (capaian.laporan.umum.baris_teks): the agency's (printed under Form
    E.81), per bidang (the Narasi's kendala and solusi) and per program (the Kesimpulan's factors)."""

    def butir(sumber: object) -> dict[str, list[str]]:
        return {n: baris_teks(getattr(sumber, n)) for n in NAMA_TEKS}

    return {
        "perangkat_daerah": butir(data),
        "bidang": [{"kode": t.kode, **butir(t)} for t in data.teks_bidang],
        "program": [{"kode": t.kode, **butir(t)} for t in data.teks_program],
    }
