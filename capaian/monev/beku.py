"""Locked means frozen: which quarters a change would affect, and whether any of them is verified or locked.

A verified (diverifikasi) or locked (terkunci) quarter has been signed off: nothing may change what its
documents show. What a change reaches:

* a target (annual or quarterly) of year Y: every quarter of year Y (columns 7 and 8-11 of each);
* a realisation of quarter q of year Y: quarters q..4 of year Y (later quarters show it in columns 8-11 and
  12);
* a quarter's texts, signatory or evidence: that quarter;
* an indicator's settings or a plan element (Tujuan .. Sub Kegiatan, Renstra): every quarter of every year of
  the agency, because every year's Form E.81 lists the agency's whole plan (the plan is not kept per year
  yet; once it is, this narrows to the years the element appears in);
* the agency itself (its name, address): every quarter of the agency; the pemda and its predicate bands:
  every quarter of every agency of the pemda;
* a signatory: the quarters whose texts name them.

`wajib_tidak_beku` is called by every service that changes plan, targets, indicator settings, realisations,
texts or evidence, inside its transaction, for every actor: the system (pengguna=None: demo, migrations) too.
It locks the status rows it read, so a lock cannot slip in between the check and the save.
"""

from dataclasses import dataclass

from django.db.models import Q

from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah

ROMAWI = ("I", "II", "III", "IV")
BEKU = (Status.DIVERIFIKASI, Status.TERKUNCI)


class TriwulanTertutup(Exception):
    """The quarter is not open for editing (submitted, verified or locked, or outside its entry window)."""


class TriwulanBeku(TriwulanTertutup):
    """The change would alter a quarter that is verified or locked; the message names it."""


@dataclass(frozen=True)
class Cakupan:
    """The quarters a change reaches: of one agency (pd_id) or of every agency of a pemda (pemda_id); of one
    year or, with tahun None, of every year; quarters dari..sampai; or only the quarters listed in `tepat`."""

    pd_id: int | None = None
    pemda_id: int | None = None
    tahun: int | None = None
    dari: int = 1
    sampai: int = 4
    tepat: tuple[tuple[int, int, int], ...] | None = None  # (pd_id, tahun, triwulan)

    def saring(self) -> Q:
        if self.tepat is not None:
            q = Q(pk__in=[])
            for pd_id, tahun, tw in self.tepat:
                q |= Q(perangkat_daerah_id=pd_id, tahun=tahun, triwulan=tw)
            return q
        q = Q(triwulan__gte=self.dari, triwulan__lte=self.sampai)
        q &= (
            Q(perangkat_daerah_id=self.pd_id)
            if self.pd_id is not None
            else Q(perangkat_daerah__pemda_id=self.pemda_id)
        )
        if self.tahun is not None:
            q &= Q(tahun=self.tahun)
        return q


TIDAK_ADA = Cakupan(tepat=())


def target(pd: PerangkatDaerah | int, tahun: int) -> Cakupan:
    return Cakupan(pd_id=_id(pd), tahun=tahun)


def realisasi(pd: PerangkatDaerah | int, tahun: int, triwulan: int) -> Cakupan:
    return Cakupan(pd_id=_id(pd), tahun=tahun, dari=triwulan)


def triwulan(pd: PerangkatDaerah | int, tahun: int, tw: int) -> Cakupan:
    return Cakupan(pd_id=_id(pd), tahun=tahun, dari=tw, sampai=tw)


def rencana(pd: PerangkatDaerah | int) -> Cakupan:
    return Cakupan(pd_id=_id(pd))


def pemda(pemda_id: int) -> Cakupan:
    return Cakupan(pemda_id=pemda_id)


def _id(pd: PerangkatDaerah | int) -> int:
    return pd if isinstance(pd, int) else pd.pk


def terdampak_beku(*cakupan: Cakupan, kunci: bool = True) -> list[StatusTriwulan]:
    """The verified or locked quarters among those reached, earliest first; their rows (and every reached
    status row) stay locked until the caller's transaction ends (kunci=False: a page that only reads)."""
    q = Q(pk__in=[])
    for c in cakupan:
        if c.pd_id is None and c.pemda_id is None and c.tepat is None:
            raise ValueError("Cakupan tanpa perangkat daerah atau pemda.")
        q |= c.saring()
    qs = StatusTriwulan.objects.select_for_update() if kunci else StatusTriwulan.objects.all()
    baris = list(
        qs.filter(q).select_related("perangkat_daerah").order_by("tahun", "triwulan", "perangkat_daerah_id")
    )
    return [s for s in baris if s.status in BEKU]


def pesan(status: StatusTriwulan, banyak_pd: bool = False, lain: int = 0) -> str:
    nama = f"Triwulan {ROMAWI[status.triwulan - 1]} {status.tahun}"
    if banyak_pd:
        nama += f" {status.perangkat_daerah.nama}"
    tambahan = f" (dan {lain} triwulan lain yang terdampak)" if lain else ""
    if status.status == Status.TERKUNCI:
        return (
            f"{nama} sudah dikunci{tambahan}; minta verifikator membuka kunci dengan alasan. "
            "Tidak ada yang diubah."
        )
    return (
        f"{nama} sudah diverifikasi{tambahan}; perubahan menunggu verifikator mengunci lalu membuka kunci "
        "dengan alasan. Tidak ada yang diubah."
    )


def pesan_baca(*cakupan: Cakupan) -> str:
    """For a page: why a change of this reach would be refused now, or ""."""
    beku = terdampak_beku(*cakupan, kunci=False)
    return pesan(beku[0], False, len(beku) - 1) if beku else ""


def wajib_tidak_beku(*cakupan: Cakupan) -> None:
    """Refuse (TriwulanBeku, naming the first quarter) a change that reaches a verified or locked quarter."""
    beku = terdampak_beku(*cakupan)
    if beku:
        banyak_pd = any(c.pd_id is None and c.tepat is None for c in cakupan) or (
            len({s.perangkat_daerah_id for s in beku}) > 1
        )
        raise TriwulanBeku(pesan(beku[0], banyak_pd, len(beku) - 1))


def cakupan_objek(obj: object) -> Cakupan:
    """What changing (creating, editing, deleting) one stored record reaches, by its kind (the admin's
    generic saves use it; the specific services call the functions above directly)."""
    from capaian.monev.models import CatatanCakupan, CatatanTriwulan, Realisasi
    from capaian.organisasi.models import Pemda, Penandatangan, SetPredikatPemda
    from capaian.perencanaan.models import (
        Indikator,
        Kegiatan,
        PeriodeRenstra,
        Program,
        Sasaran,
        SubKegiatan,
        TargetTahunan,
        TargetTriwulan,
        Tujuan,
    )

    if isinstance(obj, TargetTahunan | TargetTriwulan):
        return target(obj.indikator.perangkat_daerah_id, obj.tahun)
    if isinstance(obj, Realisasi):
        return realisasi(obj.indikator.perangkat_daerah_id, obj.tahun, obj.triwulan)
    if isinstance(obj, CatatanTriwulan | CatatanCakupan):
        return triwulan(obj.perangkat_daerah_id, obj.tahun, obj.triwulan)
    if isinstance(obj, Indikator | Program | PeriodeRenstra):
        return rencana(obj.perangkat_daerah_id)
    if isinstance(obj, Kegiatan):
        return rencana(obj.program.perangkat_daerah_id)
    if isinstance(obj, SubKegiatan):
        return rencana(obj.kegiatan.program.perangkat_daerah_id)
    if isinstance(obj, Tujuan):
        return rencana(obj.renstra.perangkat_daerah_id)
    if isinstance(obj, Sasaran):
        return rencana(obj.tujuan.renstra.perangkat_daerah_id)
    if isinstance(obj, PerangkatDaerah):
        return rencana(obj.pk) if obj.pk else TIDAK_ADA
    if isinstance(obj, Pemda):
        return pemda(obj.pk) if obj.pk else TIDAK_ADA
    if isinstance(obj, SetPredikatPemda):
        return pemda(obj.pemda_id)
    if isinstance(obj, Penandatangan):
        if not obj.pk:
            return TIDAK_ADA
        return Cakupan(
            tepat=tuple(
                CatatanTriwulan.objects.filter(penandatangan=obj).values_list(
                    "perangkat_daerah_id", "tahun", "triwulan"
                )
            )
        )
    return TIDAK_ADA
