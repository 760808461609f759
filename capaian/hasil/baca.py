"""Reading the stored results (capaian.hasil.simpan writes them): the pages and documents that show many
agencies (the board, the dashboards, Form E.79 and the recaps) and the entry screen read a quarter's Form
E.81 and summary from here instead of computing them.

An agency-quarter without stored results (a quarter nobody has saved anything in, a year not held, a
database not yet rebuilt with `capaian hitung-ulang`) is computed on the spot by the same path the store
uses, and not written: a page that only reads writes nothing."""

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from capaian.aturan.rekap import rekap_program
from capaian.hasil import kode
from capaian.hasil.models import HasilIndikator, HasilPerangkatDaerah
from capaian.kota import ringkasan
from capaian.laporan import pemeriksaan
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81
from capaian.laporan.sumber import (
    IndikatorRencana,
    indikator_rencana,
    ke_dalam_elemen,
    muat_data_banyak,
    rencana_indikator,
    sifat_indikator,
)
from capaian.monev import alur, penjelasan
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah


def ada_tersimpan(daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int) -> set[int]:
    """The agencies whose quarter has stored results."""
    return set(
        HasilPerangkatDaerah.objects.filter(
            perangkat_daerah__in=list(daftar_pd), tahun=tahun, triwulan=triwulan
        ).values_list("perangkat_daerah_id", flat=True)
    )


def _baris_tersimpan(**saring: Any) -> Iterator[dict[str, Any]]:
    """Stored rows as plain dicts (thousands of them for a city: no model instances)."""
    return iter(
        HasilIndikator.objects.filter(**saring).values(
            "perangkat_daerah_id", "indikator_id", *kode.KOLOM_HASIL
        )
    )


def laporan_tersimpan(
    daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int
) -> dict[int, LaporanE81]:
    """The stored Form E.81 of these agencies' quarter (those that have one), in a fixed number of queries:
    the rows' numbers as stored, their texts and methods from the plan, the quarter's texts and settings
    from the report data's reader (without its rows); the totals by the rules core over the stored rows,
    as the Form E.81 builder makes them."""
    ada = ada_tersimpan(daftar_pd, tahun, triwulan)
    daftar_pd = [pd for pd in daftar_pd if pd.pk in ada]
    if not daftar_pd:
        return {}
    tersimpan: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    for h in _baris_tersimpan(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan):
        tersimpan[h["perangkat_daerah_id"]][h["indikator_id"]] = h
    per_pd: dict[int, list[IndikatorRencana]] = defaultdict(list)
    for ind in indikator_rencana(daftar_pd):
        per_pd[ind.perangkat_daerah_id].append(ind)
    dasar = muat_data_banyak(daftar_pd, tahun, triwulan, dengan_baris=False)
    hasil: dict[int, LaporanE81] = {}
    for pd in daftar_pd:
        simpanan = tersimpan[pd.pk]
        daftar = per_pd[pd.pk]
        if len(simpanan) != len(daftar) or any(i.pk not in simpanan for i in daftar):
            continue  # an indicator added since (never left so by a service): computed instead
        baris_e81 = []
        rencana = []
        for ind, ke in ke_dalam_elemen(daftar):
            h = simpanan[ind.pk]
            sifat = sifat_indikator(ind)
            m = kode.masukan(h, sifat)
            # The row's plan with the printed inputs it was computed from, as the report data carries them.
            r = rencana_indikator(
                ind,
                ke,
                sifat=sifat,
                renstra=m.renstra,
                realisasi_lalu=m.realisasi_lalu,
                target=m.target,
                target_tw=m.target_tw,
                realisasi_tw=m.realisasi_tw,
                kolom_6_sumber=h["masukan"]["s6"],
                rp_turunan=h["masukan"]["turunan"],
            )
            rencana.append(r)
            baris_e81.append(kode.baris(h, r, m))
        hasil[pd.pk] = _laporan(dataclasses.replace(dasar[pd.pk], baris=tuple(rencana)), tuple(baris_e81))
    return hasil


def laporan_e81(daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int) -> dict[int, LaporanE81]:
    """Every agency's Form E.81 of the quarter: stored where there is one, computed otherwise."""
    hasil = laporan_tersimpan(daftar_pd, tahun, triwulan)
    kurang = [pd for pd in daftar_pd if pd.pk not in hasil]
    if kurang:
        for pk, data in muat_data_banyak(kurang, tahun, triwulan).items():
            hasil[pk] = bangun_e81(data)
    return hasil


def ringkasan_tersimpan(
    daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int
) -> dict[int, ringkasan.Ringkasan]:
    """The stored summaries of these agencies' quarter (those that have one), in one query."""
    return {
        h.perangkat_daerah_id: ringkasan.dari_json(h.ringkasan)
        for h in HasilPerangkatDaerah.objects.filter(
            perangkat_daerah__in=list(daftar_pd), tahun=tahun, triwulan=triwulan
        ).only("perangkat_daerah_id", "ringkasan")
    }


def ringkasan_periksa(
    data: DataLaporan, pd: PerangkatDaerah, status: StatusTriwulan, e81: LaporanE81 | None = None
) -> dict[str, object]:
    """The entry screen's counts of the quarter's checks (capaian.laporan.pemeriksaan.ringkasan_periksa),
    from the stored summary when there is one; else computed, over `e81` when the page has built it."""
    r = ringkasan_tersimpan([pd], data.tahun, data.triwulan).get(pd.pk)
    if r is None:
        return pemeriksaan.ringkasan_periksa(data, status, e81)
    # The same counts as the computed path; explanations change without the data, so they are read now.
    jelas = penjelasan.ringkas_kunci(penjelasan.per_kunci(pd, data.tahun, data.triwulan), r.kunci_galat)
    return {
        "galat": r.galat,
        "peringatan": r.peringatan,
        "belum_dijelaskan": len(alur.belum_diterima(status, r.kunci_galat)),
        "menunggu": jelas.menunggu,
        "ditolak": jelas.ditolak,
        "belum_diisi": r.belum_diisi,
    }


def laporan_dari_data(data: DataLaporan, pd: PerangkatDaerah, indikator_ids: Sequence[int]) -> LaporanE81:
    """The quarter's Form E.81 for a page that has read its report data already (the entry screen): the
    stored numbers on the data's own rows (`indikator_ids` in the rows' order), one query; computed when
    the quarter has no stored results."""
    simpanan = {
        h["indikator_id"]: h
        for h in _baris_tersimpan(perangkat_daerah=pd, tahun=data.tahun, triwulan=data.triwulan)
    }
    if len(simpanan) != len(indikator_ids) or any(i not in simpanan for i in indikator_ids):
        return bangun_e81(data)
    baris = tuple(kode.baris(simpanan[i], r) for i, r in zip(indikator_ids, data.baris, strict=True))
    return _laporan(data, baris)


def baris_program_dari(baris: tuple[BarisE81, ...]) -> list[BarisE81]:
    return [b for b in baris if b.rencana.tingkat == "program" and not b.rencana.lanjutan]


def _laporan(data: DataLaporan, baris: tuple[BarisE81, ...]) -> LaporanE81:
    """The report object over stored rows, its totals by the rules core as bangun_e81 makes them."""
    program = [(b.masukan, b.hasil) for b in baris_program_dari(baris)]
    return LaporanE81(data=data, baris=baris, rekap=rekap_program(program, data.triwulan, data.set_predikat))
