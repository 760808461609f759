"""Form E.81 Perubahan as JSON and as a printable table (XLSX, PDF through render_tabel_*): murni and
perubahan targets side by side, the realisation, the capaian against each. Formatting only."""

from decimal import Decimal
from typing import Any

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import KRp, Persen
from capaian.laporan.e81_perubahan import LaporanE81Perubahan
from capaian.laporan.tabel_sederhana import Angka, Sel, Tabel


def _d(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(bulatkan(nilai, 2))


def _krp(nilai: KRp) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": nilai.rp}


def _persen(nilai: Persen) -> dict[str, Any]:
    return {"k": _d(nilai.k), "rp": _d(nilai.rp)}


def e81_perubahan_json(lap: LaporanE81Perubahan) -> dict[str, Any]:
    data = lap.e81.data
    baris = []
    for b in lap.baris:
        p, m = b.e81.masukan, b.murni
        baris.append(
            {
                "no": b.e81.no,
                "kode": b.e81.rencana.kode,
                "uraian": b.e81.rencana.uraian,
                "indikator": b.e81.rencana.indikator,
                "satuan": b.e81.rencana.satuan,
                "target_renstra": {"murni": _krp(m.renstra), "perubahan": _krp(p.renstra)},
                "target_tahun": {"murni": _krp(m.target), "perubahan": _krp(p.target)},
                "target_triwulan": [
                    {"murni": _krp(m.target_tw[i]), "perubahan": _krp(p.target_tw[i])} for i in range(4)
                ],
                "realisasi": _krp(b.e81.hasil.realisasi),
                "capaian": {
                    "murni": _persen(b.hasil_murni.capaian),
                    "perubahan": _persen(b.e81.hasil.capaian),
                },
                "predikat": {
                    "murni": {"k": b.hasil_murni.predikat[0], "rp": b.hasil_murni.predikat[1]},
                    "perubahan": {"k": b.e81.hasil.predikat[0], "rp": b.e81.hasil.predikat[1]},
                },
            }
        )
    return {
        "perangkat_daerah": data.perangkat_daerah,
        "tahun": data.tahun,
        "triwulan": data.triwulan,
        "versi_target": data.versi_target,
        "dasar_perubahan": data.dasar_perubahan,
        "baris": baris,
        "rata_rata": {
            "murni": _persen(lap.rekap_murni.rata_capaian),
            "perubahan": _persen(lap.e81.rekap.rata_capaian),
        },
    }


def _k(nilai: Decimal | None) -> Angka:
    return Angka(nilai, 2)


def _rp(nilai: int | None) -> Angka:
    return Angka(nilai, 0)


def tabel_e81_perubahan(lap: LaporanE81Perubahan) -> Tabel:
    data = lap.e81.data
    baris: list[tuple[Sel, ...]] = []
    for b in lap.baris:
        p, m, r = b.e81.masukan, b.murni, b.e81.rencana
        h, hm = b.e81.hasil, b.hasil_murni
        baris.append(
            (
                "" if b.e81.no is None else str(b.e81.no),
                r.kode or "",
                r.uraian,
                r.indikator,
                r.satuan,
                _k(m.target.k),
                _rp(m.target.rp),
                _k(p.target.k),
                _rp(p.target.rp),
                _k(h.realisasi.k),
                _rp(h.realisasi.rp),
                _k(hm.capaian.k),
                _k(hm.capaian.rp),
                _k(h.capaian.k),
                _k(h.capaian.rp),
                f"{h.predikat[0] or '-'} / {h.predikat[1] or '-'}",
            )
        )
    rm, rp_ = lap.rekap_murni, lap.e81.rekap
    return Tabel(
        nama_lembar="E.81 Perubahan",
        judul=(
            "Form E.81 Perubahan — Evaluasi terhadap Hasil Renja Perangkat Daerah",
            f"{data.perangkat_daerah} · Triwulan {data.triwulan} Tahun {data.tahun}",
            f"Dasar: {data.dasar_perubahan}",
        ),
        kepala=(
            (
                "No",
                "Kode",
                "Urusan/Bidang/Program/Kegiatan/Sub Kegiatan",
                "Indikator",
                "Satuan",
                "Target murni K",
                "Target murni Rp",
                "Target perubahan K",
                "Target perubahan Rp",
                f"Realisasi s.d. TW {data.triwulan} K",
                f"Realisasi s.d. TW {data.triwulan} Rp",
                "Capaian thd murni K (%)",
                "Capaian thd murni Rp (%)",
                "Capaian thd perubahan K (%)",
                "Capaian thd perubahan Rp (%)",
                "Predikat (perubahan) K / Rp",
            ),
        ),
        baris=tuple(baris),
        penutup=(
            f"Rata-rata capaian program terhadap target murni: K {_d(rm.rata_capaian.k) or '-'} %, "
            f"Rp {_d(rm.rata_capaian.rp) or '-'} %",
            f"Rata-rata capaian program terhadap target perubahan: K {_d(rp_.rata_capaian.k) or '-'} %, "
            f"Rp {_d(rp_.rata_capaian.rp) or '-'} %",
        ),
    )
