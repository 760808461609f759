"""Form E.79 as JSON (`e79.json`), with values written exactly as `e81.json` writes them (K and percentages as
decimal strings rounded half-up to 2 places, Rupiah as integers, null for no value).

Columns follow E.79: 6 target RPJMD at the end of the period, 7 realisation up to last year, 8 this year's
RKPD target, 9-12 the quarters' realisations, 13 this year's realisation, 14 = 13 / 8 x 100, 15 = 7 + 13,
16 = 15 / 6 x 100. A program or kegiatan row's values are its agency's Form E.81 row's (columns 5..15 there).

The API's GET /api/pemda/<slug>/<tahun>/<tw>/e79 answers `e79_json_pemda(pemda, tahun, triwulan)` after
checking that the user may read the whole pemda (capaian.organisasi.akses.boleh_lihat_kota).
"""

from typing import Any

from capaian.aturan.capaian import KRp
from capaian.laporan.e79 import BarisE79, LaporanE79, bangun_e79

# The one definition of a value V of e81.json (capaian.laporan.render_json), so that both files agree.
from capaian.laporan.render_json import _krp, _persen
from capaian.organisasi.models import Pemda

KOSONG: dict[str, Any] = {"k": None, "rp": None}


def _kolom(b: BarisE79) -> dict[str, Any]:
    if b.e81 is not None:
        m, h = b.e81.masukan, b.e81.hasil
        kolom: dict[str, Any] = {"6": _krp(m.renstra), "7": _krp(m.realisasi_lalu), "8": _krp(m.target)}
        for i in range(4):
            kolom[str(9 + i)] = _krp(m.realisasi_tw[i])
        kolom.update(
            {
                "13": _krp(h.realisasi),
                "14": _persen(h.capaian),
                "15": _krp(h.realisasi_renstra),
                "16": _persen(h.capaian_renstra),
            }
        )
        return kolom
    kolom = {str(n): dict(KOSONG) for n in range(6, 17)}
    if b.sasaran is not None:
        kolom["6"] = _krp(KRp(k=b.sasaran.target_akhir))
        kolom["8"] = _krp(KRp(k=b.sasaran.target_tahun))
    return kolom


def _baris(b: BarisE79) -> dict[str, Any]:
    predikat = b.e81.hasil.predikat if b.e81 is not None else (None, None)
    return {
        "no": b.no,
        "kode": b.kode,
        "tingkat": b.tingkat,
        "uraian": b.uraian,
        "indikator": b.indikator,
        "satuan": b.satuan,
        "pd": b.pd.slug if b.pd is not None else None,
        "kolom": _kolom(b),
        "predikat": {"k": predikat[0], "rp": predikat[1]},
    }


def e79_json(laporan: LaporanE79) -> dict[str, Any]:
    d, r = laporan.data, laporan.rekap
    return {
        "pemda": d.pemda,
        "tahun": d.tahun,
        "triwulan": d.triwulan,
        "rpjmd": d.rpjmd or None,
        "perangkat_daerah": [
            {"slug": a.slug, "nama": a.nama, "status": a.status, "termasuk": a.termasuk} for a in d.anggota
        ],
        "baris": [_baris(b) for b in laporan.baris],
        "jumlah": {
            "6": {"rp": r.jumlah_renstra_rp},
            "8": {"rp": r.jumlah_target_rp},
            **{str(9 + i): {"rp": rp} for i, rp in enumerate(r.jumlah_realisasi_tw_rp)},
            "13": {"rp": r.jumlah_realisasi_rp},
            "15": {"rp": r.jumlah_realisasi_renstra_rp},
        },
        "rata_rata": {"14": _persen(r.rata_capaian), "16": _persen(r.rata_capaian_renstra)},
        "predikat": {
            "14": {"k": r.predikat[0], "rp": r.predikat[1]},
            "16": {"k": r.predikat_renstra[0], "rp": r.predikat_renstra[1]},
        },
        "metode": r.uraian_metode(),
        "set_predikat": d.set_predikat.kode,
        "program_tanpa_sasaran": laporan.belum_ditautkan,
        "sintetis": d.sintetis,
    }


def e79_json_pemda(pemda: Pemda, tahun: int, triwulan: int, kegiatan: bool = False) -> dict[str, Any]:
    """The whole E.79 JSON of a pemda's quarter, read from the database (the API endpoint's answer)."""
    from capaian.laporan.sumber_kota import muat_data_kota

    return e79_json(bangun_e79(muat_data_kota(pemda, tahun, triwulan), kegiatan=kegiatan))
