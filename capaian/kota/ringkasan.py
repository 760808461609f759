"""Each agency's quarter in a few numbers, for the verifier's board and the mayor's dashboard: completeness,
galat and warnings of the checks, capaian K and Rp (Form E.81's totals), the pace against the target expected
by the quarter, and the same per program. All of it comes from the Form E.81 builder and the rules core.

The summaries are stored on write (capaian.hasil, HasilPerangkatDaerah.ringkasan) and read back in one
query. A quarter without stored results (nobody saved anything in it yet) is computed here; building Form
E.81 and running the checks for 40 agencies takes seconds, so such a summary is cached (Django's
cache) under a fingerprint of everything it depends on: the agency's latest audit event (every change of its
plan or realisations goes through an audited service) and the latest pemda-wide event (predicate scales,
admin edits of targets). A changed agency is recomputed on the next view; the others are read back. The cache
only holds derived numbers, so a worker that has none simply recomputes.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Max

from capaian.aturan.laju import ada_isian, kelengkapan, rekap_laju
from capaian.aturan.periksa import GALAT
from capaian.aturan.periksa_data import kunci_galat
from capaian.aturan.peringatan_dini import StatusPeringatan
from capaian.audit.models import AuditEvent
from capaian.hasil.models import HasilPerangkatDaerah
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import LaporanE81, bangun_e81, baris_program
from capaian.laporan.pemeriksaan import baris_belum_diisi, periksa_laporan
from capaian.laporan.sumber import muat_data_banyak
from capaian.organisasi.models import PerangkatDaerah

VERSI = 4  # part of every key: a change of what a summary holds invalidates all of them
UMUR = 24 * 60 * 60


@dataclass(frozen=True)
class RingkasanProgram:
    kode: str
    nama: str
    capaian_k: Decimal | None
    capaian_rp: Decimal | None
    laju_k: Decimal | None
    laju_rp: Decimal | None
    predikat_k: str | None


@dataclass(frozen=True)
class Ringkasan:
    baris: int
    bertarget: int
    terisi: int
    kelengkapan: Decimal | None
    galat: int
    peringatan: int
    capaian_k: Decimal | None
    capaian_rp: Decimal | None
    predikat_k: str | None
    predikat_rp: str | None
    laju_k: Decimal | None
    laju_rp: Decimal | None
    ada_isian: bool
    target_rp: int | None
    realisasi_rp: int | None
    target_laju_rp: int | None  # the programs' budgets expected by this quarter (the pace's base)
    program: tuple[RingkasanProgram, ...]
    sebaran: tuple[tuple[str, int], ...]  # (predicate of column 13 K or "-", number of rows)
    # Early warning (capaian.aturan.peringatan_dini): rows "tertinggal" and "perlu perhatian".
    dini_tertinggal: int = 0
    dini_perhatian: int = 0
    # The checks' galat keys (capaian.monev.alur.kunci_galat) and the rows keeping the quarter from being
    # submitted: the entry screen's counts of its checks, against the quarter's accepted explanation.
    kunci_galat: tuple[str, ...] = ()
    belum_diisi: int = 0


def _desimal(nilai: object) -> Decimal | None:
    return None if nilai is None else Decimal(str(nilai))


def _teks(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(nilai)


def ke_json(r: Ringkasan) -> dict[str, object]:
    """The summary as stored (capaian.hasil.models.HasilPerangkatDaerah.ringkasan): decimals as text."""
    isi = {f.name: getattr(r, f.name) for f in fields(Ringkasan)}
    for nama, nilai in isi.items():
        if isinstance(nilai, Decimal):
            isi[nama] = str(nilai)
    isi["program"] = [
        {
            **{f.name: getattr(p, f.name) for f in fields(RingkasanProgram)},
            **{n: _teks(getattr(p, n)) for n in ("capaian_k", "capaian_rp", "laju_k", "laju_rp")},
        }
        for p in r.program
    ]
    isi["sebaran"] = [list(x) for x in r.sebaran]
    isi["kunci_galat"] = list(r.kunci_galat)
    return isi


_DESIMAL = ("kelengkapan", "capaian_k", "capaian_rp", "laju_k", "laju_rp")


def dari_json(isi: dict[str, object]) -> Ringkasan:
    nilai: dict[str, Any] = dict(isi)
    for nama in _DESIMAL:
        nilai[nama] = _desimal(nilai[nama])
    nilai["program"] = tuple(
        RingkasanProgram(
            kode=p["kode"],
            nama=p["nama"],
            capaian_k=_desimal(p["capaian_k"]),
            capaian_rp=_desimal(p["capaian_rp"]),
            laju_k=_desimal(p["laju_k"]),
            laju_rp=_desimal(p["laju_rp"]),
            predikat_k=p["predikat_k"],
        )
        for p in nilai["program"]
    )
    nilai["sebaran"] = tuple((a, b) for a, b in nilai["sebaran"])
    nilai["kunci_galat"] = tuple(nilai["kunci_galat"])
    return Ringkasan(**nilai)


def hitung(data: DataLaporan, lap: LaporanE81 | None = None) -> Ringkasan:
    """One agency-quarter's summary from its report data (`lap`: its Form E.81 when already built)."""
    lap = lap if lap is not None else bangun_e81(data)
    tw = data.triwulan
    masukan = [b.masukan for b in lap.baris]
    lengkap = kelengkapan(masukan, tw)
    temuan = periksa_laporan(data, lap)
    program = baris_program(lap)
    laju = rekap_laju([(b.masukan, b.hasil) for b in program], tw, data.set_predikat)
    per_program = []
    for b in program:
        laju_b = rekap_laju([(b.masukan, b.hasil)], tw, data.set_predikat).rata_capaian
        per_program.append(
            RingkasanProgram(
                kode=b.rencana.kode or "",
                nama=b.rencana.uraian,
                capaian_k=b.hasil.capaian.k,
                capaian_rp=b.hasil.capaian.rp,
                laju_k=laju_b.k,
                laju_rp=laju_b.rp,
                predikat_k=b.hasil.predikat[0],
            )
        )
    r = lap.rekap
    return Ringkasan(
        baris=len(lap.baris),
        bertarget=lengkap.bertarget,
        terisi=lengkap.terisi,
        kelengkapan=lengkap.persen,
        galat=sum(1 for t in temuan if t.tingkat == GALAT),
        peringatan=sum(1 for t in temuan if t.tingkat != GALAT),
        capaian_k=r.rata_capaian.k,
        capaian_rp=r.rata_capaian.rp,
        predikat_k=r.predikat[0],
        predikat_rp=r.predikat[1],
        laju_k=laju.rata_capaian.k,
        laju_rp=laju.rata_capaian.rp,
        ada_isian=ada_isian(masukan, tw),
        target_rp=r.jumlah_target_rp,
        realisasi_rp=r.jumlah_realisasi_rp,
        target_laju_rp=laju.jumlah_target_rp,
        program=tuple(per_program),
        sebaran=tuple(Counter(b.hasil.predikat[0] or "-" for b in lap.baris).items()),
        dini_tertinggal=_dini(lap, StatusPeringatan.TERTINGGAL),
        dini_perhatian=_dini(lap, StatusPeringatan.PERHATIAN),
        kunci_galat=tuple(kunci_galat(temuan)),
        belum_diisi=len(baris_belum_diisi(data, lap)),
    )


def _dini(lap: LaporanE81, status: StatusPeringatan) -> int:
    return sum(1 for b in lap.baris if b.peringatan is not None and b.peringatan.status is status)


def sidik(daftar_pd: Sequence[PerangkatDaerah]) -> dict[int, str]:
    """Per agency, a fingerprint of the audit trail it depends on, in two queries however many agencies:
    the latest event of the agency (read from the index on its agency column alone) and the latest
    pemda-wide one. The trail is append-only, so a new id means a change; a rolled-back change leaves
    nothing behind, so a reused id after a rollback describes the same data."""
    umum = AuditEvent.objects.filter(perangkat_daerah__isnull=True).aggregate(i=Max("id"), w=Max("waktu"))
    per_pd = dict(
        AuditEvent.objects.filter(perangkat_daerah__in=daftar_pd)
        .values("perangkat_daerah")
        .annotate(i=Max("id"))
        .values_list("perangkat_daerah", "i")
    )
    dasar = f"{umum['i']}@{umum['w'].isoformat() if umum['w'] else '-'}"
    return {pd.pk: f"{dasar}|{per_pd.get(pd.pk)}" for pd in daftar_pd}


def _kunci(pd: PerangkatDaerah, tahun: int, triwulan: int, sidik_pd: str) -> str:
    return f"capaian:ringkasan:v{VERSI}:{pd.pk}:{tahun}:{triwulan}:{sidik_pd}"


def ringkasan(daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int) -> dict[int, Ringkasan]:
    """The summary of every agency's quarter: the stored ones (capaian.hasil) in one query; of a quarter
    without stored results, cached ones read back, the others computed from one read of their data
    (capaian.laporan.sumber.muat_data_banyak) and cached."""
    daftar_pd = list(daftar_pd)
    if not daftar_pd:
        return {}
    hasil = {
        h.perangkat_daerah_id: dari_json(h.ringkasan)
        for h in HasilPerangkatDaerah.objects.filter(
            perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan
        ).only("perangkat_daerah_id", "ringkasan")
    }
    kurang = [pd for pd in daftar_pd if pd.pk not in hasil]
    if kurang:
        hasil.update(_dihitung(kurang, tahun, triwulan))
    return hasil


def _dihitung(daftar_pd: list[PerangkatDaerah], tahun: int, triwulan: int) -> dict[int, Ringkasan]:
    """Summaries of quarters without stored results, computed and kept in the cache (not written)."""
    tanda = sidik(daftar_pd)
    kunci = {pd.pk: _kunci(pd, tahun, triwulan, tanda[pd.pk]) for pd in daftar_pd}
    ada = cache.get_many(list(kunci.values()))
    hasil: dict[int, Ringkasan] = {}
    kurang = []
    for pd in daftar_pd:
        simpanan = ada.get(kunci[pd.pk])
        if isinstance(simpanan, Ringkasan):
            hasil[pd.pk] = simpanan
        else:
            kurang.append(pd)
    if kurang:
        data = muat_data_banyak(kurang, tahun, triwulan)
        baru = {pd.pk: hitung(data[pd.pk]) for pd in kurang}
        cache.set_many({kunci[pk]: r for pk, r in baru.items()}, UMUR)
        hasil.update(baru)
    return hasil
