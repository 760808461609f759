"""Results stored on write: every service that changes what a Form E.81 is computed from calls `simpan` with
the reach of its change (capaian.monev.beku.Cakupan, the same value it checks the frozen quarters with), in
its own transaction, after its writes. The reach is widened to what the numbers depend on: a quarter's
column 12 cumulates the quarters before it, so a change of TW II reaches TW II-IV; a year's TW IV column 14
is the next year's column 6, so it reaches every later year held.

Which quarters have results: every quarter of a year the agency holds (an annual target row) that holds a
realisation row (the first save in a quarter makes one), and every quarter stored already. A quarter nobody
has saved anything in has none: a page reading it computes it (capaian.hasil.baca), as for a year not held.
So a save on deadline day computes its own quarter and the later quarters that have results, which before
TW III starts is its quarter alone; a stored result is never stale, only absent.

Each agency-quarter reached is computed by the one path the documents use (capaian.laporan.sumber ->
capaian.laporan.e81 -> the rules core; the summary by capaian.kota.ringkasan.hitung) and written: rows that
differ updated, missing ones added, rows of indicators gone removed.

A door that runs many services in one transaction (the entry form, an import, the demo) wraps them in
`sekaligus()`: the reaches are gathered and each agency-quarter is computed once when the block ends, still
inside the transaction.

`hitung_ulang` rebuilds every stored result; `periksa` compares them with a fresh computation and lists each
difference (`capaian hitung-ulang [--periksa]`)."""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from capaian.hasil import kode
from capaian.hasil.models import HasilIndikator, HasilPerangkatDaerah
from capaian.kota import ringkasan
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data_triwulan
from capaian.monev.beku import Cakupan
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import TargetTahunan

_antrian: ContextVar[list[Cakupan] | None] = ContextVar("capaian_hasil_antrian", default=None)

# (pd_id, tahun) -> the quarters to compute
Jangkauan = dict[tuple[int, int], set[int]]


@contextmanager
def sekaligus() -> Iterator[None]:
    """Gather the stores asked for inside the block and compute each agency-quarter once at its end. A
    block inside another joins the outer one; a block left by an exception stores nothing (its
    transaction is rolled back)."""
    if _antrian.get() is not None:
        yield
        return
    daftar: list[Cakupan] = []
    token = _antrian.set(daftar)
    try:
        yield
    finally:
        _antrian.reset(token)
    if daftar:
        _simpan_sekarang(daftar)


def simpan(*cakupan: Cakupan) -> None:
    """Store the results a change of this reach affects (inside the caller's transaction)."""
    antrian = _antrian.get()
    if antrian is not None:
        antrian.extend(cakupan)
        return
    _simpan_sekarang(list(cakupan))


def _tahun_tersimpan(pd_ids: Iterable[int]) -> dict[int, list[int]]:
    """The Renja years each agency holds (an annual target row), ascending: the years with results."""
    hasil: dict[int, set[int]] = defaultdict(set)
    for pd_id, tahun in (
        TargetTahunan.objects.filter(indikator__perangkat_daerah_id__in=list(pd_ids))
        .values_list("indikator__perangkat_daerah_id", "tahun")
        .distinct()
    ):
        hasil[pd_id].add(tahun)
    return {pd_id: sorted(t) for pd_id, t in hasil.items()}


def _triwulan_tersimpan(pd_ids: Iterable[int]) -> set[tuple[int, int, int]]:
    """The agency-quarters stored already, (pd_id, tahun, triwulan)."""
    return set(
        HasilPerangkatDaerah.objects.filter(perangkat_daerah_id__in=list(pd_ids)).values_list(
            "perangkat_daerah_id", "tahun", "triwulan"
        )
    )


def _triwulan_dipegang(
    pd_ids: Iterable[int], tersimpan: set[tuple[int, int, int]]
) -> dict[tuple[int, int], set[int]]:
    """Per agency-year the quarters that have results: every quarter holding a realisation row (a save
    made one), and every quarter stored already."""
    hasil: dict[tuple[int, int], set[int]] = defaultdict(set)
    for pd_id, tahun, tw in (
        Realisasi.objects.filter(indikator__perangkat_daerah_id__in=list(pd_ids))
        .values_list("indikator__perangkat_daerah_id", "tahun", "triwulan")
        .distinct()
    ):
        hasil[(pd_id, tahun)].add(tw)
    for pd_id, tahun, tw in tersimpan:
        hasil[(pd_id, tahun)].add(tw)
    return hasil


@dataclass(frozen=True)
class Jangka:
    """What a change reaches: the agency-quarters to compute, every agency reached, and the years each of
    those agencies holds (read once, for the computing and for removing the results of years not held)."""

    triwulan: Jangkauan
    pd_ids: set[int]
    tahun: dict[int, list[int]]
    tersimpan: set[tuple[int, int, int]]


def jangkauan(daftar: Sequence[Cakupan]) -> Jangka:
    """Of each year the agency holds that the change reaches, the quarters with results from the first one
    reached on (a later year: all of them)."""
    per_pd: dict[int, list[Cakupan]] = defaultdict(list)
    pemda = {c.pemda_id for c in daftar if c.pd_id is None and c.tepat is None and c.pemda_id is not None}
    for c in daftar:
        if c.tepat is not None:
            for pd_id, tahun, tw in c.tepat:
                per_pd[pd_id].append(Cakupan(pd_id=pd_id, tahun=tahun, dari=tw))
        elif c.pd_id is not None:
            per_pd[c.pd_id].append(c)
    if pemda:
        for pd_id, pemda_id in PerangkatDaerah.objects.filter(pemda_id__in=pemda).values_list(
            "pk", "pemda_id"
        ):
            per_pd[pd_id].append(Cakupan(pd_id=pd_id, pemda_id=pemda_id))
    dipegang = _tahun_tersimpan(per_pd)
    tersimpan = _triwulan_tersimpan(per_pd)
    triwulan = _triwulan_dipegang(per_pd, tersimpan)
    hasil: Jangkauan = defaultdict(set)
    for pd_id, daftar_c in per_pd.items():
        for c in daftar_c:
            for y in dipegang.get(pd_id, []):
                if c.tahun is not None and y < c.tahun:
                    continue
                dari = c.dari if c.tahun == y else 1
                hasil[(pd_id, y)].update(tw for tw in triwulan.get((pd_id, y), ()) if tw >= dari)
    return Jangka({k: v for k, v in hasil.items() if v}, set(per_pd), dipegang, tersimpan)


def _simpan_sekarang(daftar: Sequence[Cakupan]) -> None:
    with transaction.atomic():
        jangka = jangkauan(daftar)
        _buang_tahun_lain(jangka)
        for (tahun, tw), data in _hitung(jangka.triwulan):
            _tulis(data, tahun, tw)


def _buang_tahun_lain(jangka: Jangka) -> None:
    """Results of a year an agency no longer holds (its annual targets removed) are removed. Found from the
    stored agency-quarters the reach was read with (an agency-quarter's rows and its totals are written
    together, so the totals' years are all the years stored): a save, which removes nothing, issues no
    DELETE inside its lock."""
    lebih = {
        (pd_id, tahun)
        for pd_id, tahun, _ in jangka.tersimpan  # read for the agencies reached alone
        if tahun not in jangka.tahun.get(pd_id, ())
    }
    for pd_id, tahun in sorted(lebih):
        for model in (HasilIndikator, HasilPerangkatDaerah):
            model.objects.filter(perangkat_daerah_id=pd_id, tahun=tahun).delete()


def _hitung(jangka: Jangkauan) -> Iterator[tuple[tuple[int, int], dict[int, DataLaporan]]]:
    """The report data of every agency-quarter reached: per year, the agencies reaching the same quarters
    are read together, all their quarters from one read (sumber.muat_data_triwulan)."""
    kelompok: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for (pd_id, tahun), tw_pd in jangka.items():
        kelompok[(tahun, tuple(sorted(tw_pd)))].append(pd_id)
    pd = PerangkatDaerah.objects.in_bulk({i for ids in kelompok.values() for i in ids})
    for (tahun, daftar_tw), ids in sorted(kelompok.items()):
        per_tw = muat_data_triwulan([pd[i] for i in sorted(ids)], tahun, daftar_tw)
        for tw, data in per_tw.items():
            yield (tahun, tw), data


@dataclass(frozen=True)
class Dihitung:
    """One agency-quarter computed fresh: its rows' stored fields by indicator, and its totals' fields."""

    baris: dict[int, dict[str, Any]]
    total: dict[str, Any]


def hitung(data: DataLaporan, indikator_ids: Sequence[int]) -> Dihitung:
    lap = bangun_e81(data)
    r = ringkasan.hitung(data, lap)
    baris = {
        ind_id: kode.kolom(b, urutan)
        for urutan, (ind_id, b) in enumerate(zip(indikator_ids, lap.baris, strict=True), start=1)
    }
    total = {
        "baris": r.baris,
        "target_rp": r.target_rp,
        "realisasi_rp": r.realisasi_rp,
        "capaian_k": r.capaian_k,
        "capaian_rp": r.capaian_rp,
        "predikat_k": r.predikat_k or "",
        "predikat_rp": r.predikat_rp or "",
        "galat": r.galat,
        "ada_isian": r.ada_isian,
        "ringkasan": ringkasan.ke_json(r),
    }
    return Dihitung(baris=baris, total=total)


def _indikator_urut(pd_ids: Iterable[int]) -> dict[int, list[int]]:
    """Per agency its indicators' ids in Form E.81's order (the order muat_data_banyak reads them in)."""
    from capaian.perencanaan.models import Indikator

    hasil: dict[int, list[int]] = defaultdict(list)
    for pk, pd_id in (
        Indikator.objects.filter(perangkat_daerah_id__in=list(pd_ids))
        .order_by("perangkat_daerah_id", "urutan")
        .values_list("pk", "perangkat_daerah_id")
    ):
        hasil[pd_id].append(pk)
    return hasil


def _tulis(data: dict[int, DataLaporan], tahun: int, tw: int) -> None:
    urut = _indikator_urut(data)
    # The stored rows as plain dicts (a save compares one agency-quarter's rows, most unchanged): only the
    # rows that differ are written, and only their differing fields.
    ada: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    for x in HasilIndikator.objects.filter(
        perangkat_daerah_id__in=list(data), tahun=tahun, triwulan=tw
    ).values("pk", "perangkat_daerah_id", "indikator_id", *kode.KOLOM_HASIL):
        ada[x["perangkat_daerah_id"]][x["indikator_id"]] = x
    total_ada = {
        h.perangkat_daerah_id: h
        for h in HasilPerangkatDaerah.objects.filter(
            perangkat_daerah_id__in=list(data), tahun=tahun, triwulan=tw
        )
    }
    # (pk, the fields that differ): a row's fields that changed, updated row by row. bulk_update wrote every
    # field of every changed row as one CASE per field, whose building cost more than the save's own work
    # (~7 ms a row: a 36-row save spent about a third of its time there).
    ubah: list[tuple[int, dict[str, Any]]] = []
    baru: list[HasilIndikator] = []
    buang: list[int] = []
    for pd_id, d in data.items():
        segar = hitung(d, urut[pd_id])
        lama = ada[pd_id]
        for ind_id, nilai in segar.baris.items():
            h = lama.pop(ind_id) if ind_id in lama else None
            if h is None:
                baru.append(
                    HasilIndikator(
                        indikator_id=ind_id, perangkat_daerah_id=pd_id, tahun=tahun, triwulan=tw, **nilai
                    )
                )
            else:
                beda = {nama: isi for nama, isi in nilai.items() if h[nama] != isi}
                if beda:
                    ubah.append((h["pk"], beda))
        buang.extend(h["pk"] for h in lama.values())
        t = total_ada.get(pd_id)
        if t is None:
            # The pemda is read only here, for a quarter's first totals: a save updates its totals.
            HasilPerangkatDaerah.objects.create(
                perangkat_daerah_id=pd_id,
                pemda_id=PerangkatDaerah.objects.values_list("pemda_id", flat=True).get(pk=pd_id),
                tahun=tahun,
                triwulan=tw,
                **segar.total,
            )
        elif _beda(t, segar.total):
            for nama, isi in segar.total.items():
                setattr(t, nama, isi)
            t.save()
    if buang:
        HasilIndikator.objects.filter(pk__in=buang).delete()
    if baru:
        HasilIndikator.objects.bulk_create(baru)
    for pk, beda in ubah:
        HasilIndikator.objects.filter(pk=pk).update(**beda)


def _beda(obj: object, nilai: dict[str, Any]) -> list[str]:
    """The fields whose stored value is not the fresh one (decimals compared as numbers)."""
    return [nama for nama, isi in nilai.items() if getattr(obj, nama) != isi]


def hitung_ulang(daftar_pd: Sequence[PerangkatDaerah] | None = None) -> int:
    """Rebuild the stored results of these agencies (all when None), every year held; returns how many
    agency-quarters were computed."""
    pd_ids = [pd.pk for pd in (daftar_pd if daftar_pd is not None else PerangkatDaerah.objects.all())]
    with transaction.atomic():
        jangka = jangkauan([Cakupan(pd_id=i) for i in pd_ids])
        _buang_tahun_lain(jangka)
        n = 0
        for (tahun, tw), data in _hitung(jangka.triwulan):
            _tulis(data, tahun, tw)
            n += len(data)
    return n


@dataclass(frozen=True)
class Selisih:
    """A stored result that is not what a fresh computation gives."""

    pd: str
    tahun: int
    triwulan: int
    baris: int | None  # the row's position in Form E.81; None for the agency's totals
    kolom: str
    tersimpan: object
    seharusnya: object

    def __str__(self) -> str:
        tempat = f"baris ke-{self.baris}" if self.baris is not None else "total"
        return (
            f"{self.pd} {self.tahun} TW {self.triwulan} {tempat}: {self.kolom} tersimpan {self.tersimpan!r}, "
            f"seharusnya {self.seharusnya!r}"
        )


def periksa(daftar_pd: Sequence[PerangkatDaerah] | None = None) -> list[Selisih]:
    """Every stored result of these agencies (all when None) that differs from a fresh computation, and
    every one missing or left over. Writes nothing."""
    semua = list(daftar_pd if daftar_pd is not None else PerangkatDaerah.objects.all())
    slug = {pd.pk: pd.slug for pd in semua}
    jangka = jangkauan([Cakupan(pd_id=pd.pk) for pd in semua]).triwulan
    hasil: list[Selisih] = []
    dihitung: set[tuple[int, int, int]] = set()
    for (tahun, tw), data in _hitung(jangka):
        urut = _indikator_urut(data)
        ada: dict[int, dict[int, HasilIndikator]] = defaultdict(dict)
        for x in HasilIndikator.objects.filter(perangkat_daerah_id__in=list(data), tahun=tahun, triwulan=tw):
            ada[x.perangkat_daerah_id][x.indikator_id] = x
        total = {
            t.perangkat_daerah_id: t
            for t in HasilPerangkatDaerah.objects.filter(
                perangkat_daerah_id__in=list(data), tahun=tahun, triwulan=tw
            )
        }
        for pd_id, d in data.items():
            dihitung.add((pd_id, tahun, tw))
            segar = hitung(d, urut[pd_id])
            lama = ada[pd_id]
            for ind_id, nilai in segar.baris.items():
                h = lama.pop(ind_id) if ind_id in lama else None
                if h is None:
                    hasil.append(
                        Selisih(slug[pd_id], tahun, tw, nilai["urutan"], "(tidak tersimpan)", None, "ada")
                    )
                    continue
                for nama in _beda(h, nilai):
                    hasil.append(
                        Selisih(slug[pd_id], tahun, tw, nilai["urutan"], nama, getattr(h, nama), nilai[nama])
                    )
            for h in lama.values():
                hasil.append(Selisih(slug[pd_id], tahun, tw, h.urutan, "(lebih)", "ada", None))
            t = total.get(pd_id)
            if t is None:
                hasil.append(Selisih(slug[pd_id], tahun, tw, None, "(tidak tersimpan)", None, "ada"))
                continue
            for nama in _beda(t, segar.total):
                hasil.append(Selisih(slug[pd_id], tahun, tw, None, nama, getattr(t, nama), segar.total[nama]))
    for model in (HasilIndikator, HasilPerangkatDaerah):
        for pd_id, tahun, tw in (
            model.objects.filter(perangkat_daerah_id__in=list(slug))
            .values_list("perangkat_daerah_id", "tahun", "triwulan")
            .distinct()
        ):
            if (pd_id, tahun, tw) not in dihitung:
                hasil.append(Selisih(slug[pd_id], tahun, tw, None, "(tahun tidak dipegang)", "ada", None))
    return hasil


def cakupan_objek(obj: object) -> Cakupan:
    """What changing one stored record (an admin's generic save) reaches in the results: what it reaches
    for the frozen quarters (capaian.monev.beku.cakupan_objek), and the early-warning thresholds, which
    reach every agency of their pemda."""
    from capaian.monev import beku
    from capaian.organisasi.models import AmbangPeringatanDini

    if isinstance(obj, AmbangPeringatanDini):
        return beku.pemda(obj.pemda_id)
    return beku.cakupan_objek(obj)
