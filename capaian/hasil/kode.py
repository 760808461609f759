"""How a computed Form E.81 row is written into a stored result and read back: the model's fields from a
BarisE81 (the rules core's numbers, unchanged), and a BarisE81 from the stored fields and the row's plan
(capaian.laporan.sumber.rencana_indikator). Nothing is computed here."""

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from capaian.aturan.capaian import HasilBaris, KRp, MasukanBaris, Persen, Sifat
from capaian.aturan.peringatan_dini import PeringatanDini, StatusPeringatan
from capaian.laporan.data import BarisRencana
from capaian.laporan.e81 import BarisE81

KOLOM_HASIL = (
    "no",
    "realisasi_k",
    "realisasi_rp",
    "capaian_k",
    "capaian_rp",
    "realisasi_renstra_k",
    "realisasi_renstra_rp",
    "capaian_renstra_k",
    "capaian_renstra_rp",
    "predikat_k",
    "predikat_rp",
    "predikat_renstra_k",
    "predikat_renstra_rp",
    "dini",
    "laju_k",
    "laju_rp",
    "proyeksi_k",
    "proyeksi_rp",
    "masukan",
    "urutan",
)


def _d(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(nilai)


def _krp(nilai: KRp) -> list[str | int | None]:
    return [_d(nilai.k), nilai.rp]


@lru_cache(maxsize=65_536)
def _krp_dari(k: str | None, rp: int | None) -> KRp:
    # A city's Form E.79 reads tens of thousands of these, mostly the same few values: a KRp is frozen and a
    # Decimal immutable, so one parsed object serves every equal stored pair.
    return KRp(k=None if k is None else Decimal(k), rp=rp)


def _baca_krp(nilai: list[Any]) -> KRp:
    k, rp = nilai
    return _krp_dari(k, rp)


def masukan_json(b: BarisE81) -> dict[str, Any]:
    m = b.masukan
    return {
        "5": _krp(m.renstra),
        "6": _krp(m.realisasi_lalu),
        "7": _krp(m.target),
        "t": [_krp(x) for x in m.target_tw],
        "r": [_krp(x) for x in m.realisasi_tw],
        "s6": b.rencana.kolom_6_sumber,
        "turunan": b.rencana.rp_turunan,
    }


def kolom(b: BarisE81, urutan: int) -> dict[str, Any]:
    """The stored fields of one computed row (`urutan`: its position in the agency's Form E.81)."""
    h = b.hasil
    p = b.peringatan
    return {
        "urutan": urutan,
        "no": b.no,
        "realisasi_k": h.realisasi.k,
        "realisasi_rp": h.realisasi.rp,
        "capaian_k": h.capaian.k,
        "capaian_rp": h.capaian.rp,
        "realisasi_renstra_k": h.realisasi_renstra.k,
        "realisasi_renstra_rp": h.realisasi_renstra.rp,
        "capaian_renstra_k": h.capaian_renstra.k,
        "capaian_renstra_rp": h.capaian_renstra.rp,
        "predikat_k": h.predikat[0] or "",
        "predikat_rp": h.predikat[1] or "",
        "predikat_renstra_k": h.predikat_renstra[0] or "",
        "predikat_renstra_rp": h.predikat_renstra[1] or "",
        "dini": p.status.value if p is not None and p.status is not None else "",
        "laju_k": p.laju.k if p is not None else None,
        "laju_rp": p.laju.rp if p is not None else None,
        "proyeksi_k": p.proyeksi.k if p is not None else None,
        "proyeksi_rp": p.proyeksi.rp if p is not None else None,
        "masukan": masukan_json(b),
    }


def _atau_none(teks: str) -> str | None:
    return teks or None


def masukan(h: Mapping[str, Any], sifat: Sifat) -> MasukanBaris:
    """The stored row's printed inputs (columns 5-11) with the method of its plan, `sifat`."""
    m = h["masukan"]
    t = m["t"]
    r = m["r"]
    return MasukanBaris(
        sifat=sifat,
        renstra=_baca_krp(m["5"]),
        realisasi_lalu=_baca_krp(m["6"]),
        target=_baca_krp(m["7"]),
        target_tw=(_baca_krp(t[0]), _baca_krp(t[1]), _baca_krp(t[2]), _baca_krp(t[3])),
        realisasi_tw=(_baca_krp(r[0]), _baca_krp(r[1]), _baca_krp(r[2]), _baca_krp(r[3])),
    )


def baris(h: Mapping[str, Any], rencana: BarisRencana, dibaca: MasukanBaris | None = None) -> BarisE81:
    """The stored row (its fields by name, as `HasilIndikator.objects.values()` gives them) as the Form E.81
    builder made it; `rencana` is the row's plan (its texts and method), whose printed inputs are taken from
    the stored ones (`dibaca`: those inputs when the caller has read them with `masukan` already)."""
    masukan_baris = dibaca if dibaca is not None else masukan(h, rencana.sifat)
    hasil = HasilBaris(
        realisasi=KRp(k=h["realisasi_k"], rp=h["realisasi_rp"]),
        capaian=Persen(k=h["capaian_k"], rp=h["capaian_rp"]),
        realisasi_renstra=KRp(k=h["realisasi_renstra_k"], rp=h["realisasi_renstra_rp"]),
        capaian_renstra=Persen(k=h["capaian_renstra_k"], rp=h["capaian_renstra_rp"]),
        predikat=(_atau_none(h["predikat_k"]), _atau_none(h["predikat_rp"])),
        predikat_renstra=(_atau_none(h["predikat_renstra_k"]), _atau_none(h["predikat_renstra_rp"])),
    )
    peringatan = PeringatanDini(
        status=StatusPeringatan(h["dini"]) if h["dini"] else None,
        laju=Persen(k=h["laju_k"], rp=h["laju_rp"]),
        proyeksi=KRp(k=h["proyeksi_k"], rp=h["proyeksi_rp"]),
    )
    return BarisE81(no=h["no"], rencana=rencana, masukan=masukan_baris, hasil=hasil, peringatan=peringatan)
