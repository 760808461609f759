"""Reads one agency's plan and realisations for a year from the database into plain report data.

Parents' Rupiah is derived here, once, for every consumer (documents, JSON, checks, entry screen, template):
a program's and kegiatan's stored Rp targets and realisations are ignored whenever it has children
(`capaian.laporan.data.dengan_induk_turunan`)."""

import dataclasses
import os
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from capaian.aturan.angka import format_tanggal
from capaian.aturan.capaian import Agregasi, Akumulasi, KRp, Polaritas, RumusNegatif, Sifat
from capaian.aturan.kolom6 import kolom_6
from capaian.aturan.peringatan_dini import BAWAAN as AMBANG_BAWAAN
from capaian.aturan.peringatan_dini import Ambang
from capaian.aturan.predikat import SetPredikat
from capaian.aturan.versi_target import VersiTarget, terapkan, versi_berlaku
from capaian.laporan.data import (
    NAMA_TEKS,
    BarisRencana,
    DataLaporan,
    Penandatangan,
    TargetMurni,
    TeksCakupan,
    dengan_induk_turunan,
)
from capaian.laporan.e81 import bangun_e81
from capaian.monev.models import Cakupan, CatatanCakupan, CatatanTriwulan, Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import AmbangPeringatanDini, Pemda, PerangkatDaerah
from capaian.perencanaan.models import (
    KOLOM_ELEMEN,
    DasarPerubahan,
    Indikator,
    KoreksiKolom6,
    PerubahanTarget,
    TargetTahunan,
    TargetTriwulan,
)


@dataclasses.dataclass(frozen=True, slots=True)
class IndikatorRencana:
    """What an indicator's row of the plan is made of (rencana_indikator), read as plain values: a city's
    Form E.79 reads 2,400 indicators, and as model instances with their five joined elements they cost a
    fifth of that report's CPU. The names are the model's (Indikator.kode, .nama_elemen, .elemen_id)."""

    pk: int
    perangkat_daerah_id: int
    urutan: int
    tingkat: str
    elemen_id: int
    kode: str | None
    nama_elemen: str
    uraian: str
    satuan: str
    polaritas: str
    rumus_negatif: str
    agregasi: str
    akumulasi: str
    rumus: str
    variabel: list[dict[str, Any]]
    catatan_nilai: str
    target_renstra_k: Decimal | None
    target_renstra_rp: int | None


_KOLOM_INDIKATOR = (
    "pk",
    "perangkat_daerah_id",
    "urutan",
    "tingkat",
    "uraian",
    "satuan",
    "polaritas",
    "rumus_negatif",
    "agregasi",
    "akumulasi",
    "rumus",
    "variabel",
    "catatan_nilai",
    "target_renstra_k",
    "target_renstra_rp",
)


def indikator_rencana(daftar_pd: Sequence[PerangkatDaerah]) -> list[IndikatorRencana]:
    """These agencies' indicators by agency, in Form E.81's order: the indicators in one query, then each
    level's elements by id in one query each. Joined in one query, PostgreSQL hashed the whole kegiatan and
    program tables of a national database for a city's 2,400 rows (~80 of a city E.79's ~300 ms)."""
    baris = list(
        Indikator.objects.filter(perangkat_daerah__in=list(daftar_pd))
        .order_by("perangkat_daerah_id", "urutan")
        .values(*_KOLOM_INDIKATOR, *(f"{t}_id" for t in KOLOM_ELEMEN))
    )
    elemen: dict[str, dict[int, tuple[str | None, str]]] = {}
    for tingkat, (kolom_kode, kolom_nama) in KOLOM_ELEMEN.items():
        elemen[tingkat] = {}
        ids = {b[f"{tingkat}_id"] for b in baris if b["tingkat"] == tingkat}
        if not ids:
            continue
        model = Indikator._meta.get_field(tingkat).related_model
        kolom = [kolom_nama, kolom_kode] if kolom_kode else [kolom_nama]
        for pk, nama, *kode in model._default_manager.filter(pk__in=ids).values_list("pk", *kolom):  # type: ignore[union-attr]
            elemen[tingkat][pk] = (kode[0] if kode else None, nama)
    hasil = []
    for nilai in baris:
        tingkat = nilai["tingkat"]
        elemen_id = nilai[f"{tingkat}_id"]
        kode, nama = elemen[tingkat][elemen_id]
        hasil.append(
            IndikatorRencana(
                **{k: nilai[k] for k in _KOLOM_INDIKATOR}, elemen_id=elemen_id, kode=kode, nama_elemen=nama
            )
        )
    return hasil


def _desimal(nilai: object) -> Decimal | None:
    return None if nilai is None or nilai == "" else Decimal(str(nilai))


def kunci_indikator(indikator: "Indikator | IndikatorRencana", ke: int) -> str:
    """The name formulas use for an indicator: its element's code, with '#n' for the element's n-th."""
    dasar = indikator.kode or f"#{indikator.urutan}"
    return dasar if ke == 1 else f"{dasar}#{ke}"


def _ambang(pemda: Pemda) -> Ambang:
    try:
        a = pemda.ambang_peringatan
    except AmbangPeringatanDini.DoesNotExist:
        return AMBANG_BAWAAN
    return Ambang(sesuai=a.sesuai, perhatian=a.perhatian)


def _dengan_murni(
    baris: tuple[BarisRencana, ...], murni: tuple[BarisRencana, ...]
) -> tuple[BarisRencana, ...]:
    return tuple(
        dataclasses.replace(
            b, target_murni=TargetMurni(renstra=m.renstra, target=m.target, target_tw=m.target_tw)
        )
        for b, m in zip(baris, murni, strict=True)
    )


def teks_dasar(d: DasarPerubahan) -> str:
    """The Perubahan's legal basis as the documents state it."""
    tanggal = f" tanggal {format_tanggal(d.tanggal)}" if d.tanggal else ""
    nomor = f" Nomor {d.nomor}" if d.nomor else ""
    return f"{d.dasar_hukum}{nomor}{tanggal}, berlaku mulai Triwulan {d.berlaku_triwulan}"


def _target_tw(
    per_tw: dict[int, KRp], perubahan: dict[tuple[int, str], KRp], id_: int, d: DasarPerubahan | None
) -> tuple[KRp, KRp, KRp, KRp]:
    murni = _empat(per_tw)
    if not perubahan or d is None:
        return murni
    return (
        murni[0] if d.berlaku_triwulan > 1 else terapkan(murni[0], perubahan.get((id_, "1"))),
        murni[1] if d.berlaku_triwulan > 2 else terapkan(murni[1], perubahan.get((id_, "2"))),
        murni[2] if d.berlaku_triwulan > 3 else terapkan(murni[2], perubahan.get((id_, "3"))),
        terapkan(murni[3], perubahan.get((id_, "4"))),
    )


def _empat_teks(per_tw: dict[int, str]) -> tuple[str, str, str, str]:
    return (per_tw.get(1, ""), per_tw.get(2, ""), per_tw.get(3, ""), per_tw.get(4, ""))


def _empat(per_tw: dict[int, KRp]) -> tuple[KRp, KRp, KRp, KRp]:
    return (per_tw.get(1, KRp()), per_tw.get(2, KRp()), per_tw.get(3, KRp()), per_tw.get(4, KRp()))


def _catatan_masukan(ind: "Indikator | IndikatorRencana") -> tuple[tuple[str, str], ...]:
    """The Kertas Kerja's evidence notes: each formula variable's "catatan", and the indicator's own note on
    the value entered directly (under the name "")."""
    catatan = [(str(v["nama"]), str(v.get("catatan") or "").strip()) for v in ind.variabel]
    catatan.append(("", ind.catatan_nilai.strip()))
    return tuple((n, c) for n, c in catatan if c)


def _path_logo(pd: PerangkatDaerah) -> str:
    """The uploaded lambang daerah's file, if it is there ("" otherwise: the letter prints without it)."""
    if not pd.logo:
        return ""
    try:
        path = pd.logo.path
    except (NotImplementedError, ValueError):
        return ""
    return path if os.path.exists(path) else ""


@lru_cache(maxsize=256)
def _sifat(polaritas: str, rumus_negatif: str, agregasi: str, akumulasi: str) -> Sifat:
    # A few combinations serve every row (a Sifat is frozen).
    return Sifat(
        polaritas=Polaritas(polaritas),
        rumus_negatif=RumusNegatif(rumus_negatif),
        agregasi=Agregasi(agregasi),
        akumulasi=Akumulasi(akumulasi),
    )


def sifat_indikator(ind: "Indikator | IndikatorRencana") -> Sifat:
    """How the indicator's numbers are computed (polarity, formula when lower is better, aggregation)."""
    return _sifat(ind.polaritas, ind.rumus_negatif, ind.agregasi, ind.akumulasi)


def rencana_indikator(
    ind: "Indikator | IndikatorRencana", ke: int, sifat: Sifat | None = None, **angka: Any
) -> BarisRencana:
    """An indicator's row of the plan: its texts, method (`sifat` when the caller has it already) and
    formula (`ke`: it is the element's ke-th indicator), and the numbers in `angka` (BarisRencana's fields):
    muat_data_banyak adds the targets and realisations afterwards; capaian.hasil.baca hands in the stored
    printed inputs."""
    return BarisRencana(
        kunci=kunci_indikator(ind, ke),
        kode=ind.kode,
        tingkat=ind.tingkat,
        uraian=ind.nama_elemen,
        indikator=ind.uraian,
        satuan=ind.satuan,
        sifat=sifat or sifat_indikator(ind),
        rumus=ind.rumus,
        variabel=tuple((v["nama"], v.get("label", v["nama"])) for v in ind.variabel),
        catatan=_catatan_masukan(ind),
        lanjutan=ke > 1,
        **angka,
    )


def ke_dalam_elemen[I: (Indikator, IndikatorRencana)](daftar: Sequence[I]) -> list[tuple[I, int]]:
    """One agency's indicators (in Form E.81's order), each with its position among its element's
    indicators (1 for the first: a later one is a continuation row)."""
    urutan_elemen: dict[tuple[str, int], int] = defaultdict(int)
    hasil = []
    for ind in daftar:
        elemen_kunci = (ind.tingkat, ind.elemen_id)
        urutan_elemen[elemen_kunci] += 1
        hasil.append((ind, urutan_elemen[elemen_kunci]))
    return hasil


def rencana_urut[I: (Indikator, IndikatorRencana)](daftar: Sequence[I]) -> list[tuple[I, BarisRencana]]:
    """One agency's indicators (in Form E.81's order) with their rows of the plan without numbers."""
    return [(ind, rencana_indikator(ind, ke)) for ind, ke in ke_dalam_elemen(daftar)]


def muat_data(
    pd: PerangkatDaerah, tahun: int, triwulan: int, versi: VersiTarget | None = None
) -> DataLaporan:
    return muat_data_banyak([pd], tahun, triwulan, versi)[pd.pk]


def muat_data_banyak(
    daftar_pd: Sequence[PerangkatDaerah],
    tahun: int,
    triwulan: int,
    versi: VersiTarget | None = None,
    *,
    dengan_baris: bool = True,
) -> dict[int, DataLaporan]:
    """The report data of several agencies for one quarter, in a fixed number of queries however many
    agencies and rows there are (the overview and the dashboards read a whole pemda). `dengan_baris=False`
    reads everything but the rows (texts, signatory, status, settings): capaian.hasil.baca adds the
    stored ones."""
    return muat_data_triwulan(daftar_pd, tahun, [triwulan], versi, dengan_baris=dengan_baris)[triwulan]


def muat_data_triwulan(
    daftar_pd: Sequence[PerangkatDaerah],
    tahun: int,
    daftar_tw: Sequence[int],
    versi: VersiTarget | None = None,
    *,
    dengan_baris: bool = True,
) -> dict[int, dict[int, DataLaporan]]:
    """muat_data_banyak for several quarters of the same year at once (quarter -> agency -> data), from one
    read: what a quarter's report data holds is the same as read alone (its realisations up to it, its
    texts and status, its target version). capaian.hasil.simpan stores a change's later quarters with it."""
    daftar_pd = list(daftar_pd)
    daftar_tw = sorted(set(daftar_tw))
    semua = indikator_rencana(daftar_pd) if dengan_baris else []
    ids = [i.pk for i in semua]
    # Plain values, not model instances: a save reads its agency's rows twice (the form, then its stored
    # results), and building ~350 instances was a third of each read.
    tahunan: dict[int, tuple[KRp, KRp]] = {
        i_id: (KRp(k=tk, rp=trp), KRp(k=lk, rp=lrp))
        for i_id, tk, trp, lk, lrp in TargetTahunan.objects.filter(
            indikator_id__in=ids, tahun=tahun
        ).values_list("indikator_id", "target_k", "target_rp", "realisasi_lalu_k", "realisasi_lalu_rp")
    }
    target_tw: dict[int, dict[int, KRp]] = defaultdict(dict)
    for i_id, tw, k, rp in TargetTriwulan.objects.filter(indikator_id__in=ids, tahun=tahun).values_list(
        "indikator_id", "triwulan", "k", "rp"
    ):
        target_tw[i_id][tw] = KRp(k=k, rp=rp)
    realisasi_tw: dict[int, dict[int, KRp]] = defaultdict(dict)
    variabel_tw: dict[int, dict[int, dict[str, Decimal | None]]] = defaultdict(dict)
    belum_ada: dict[int, dict[int, str]] = defaultdict(dict)
    for i_id, tw, k, rp, belum, variabel in Realisasi.objects.filter(
        indikator_id__in=ids, tahun=tahun, triwulan__lte=max(daftar_tw)
    ).values_list("indikator_id", "triwulan", "k", "rp", "belum_ada_data", "variabel"):
        realisasi_tw[i_id][tw] = KRp(k=k, rp=rp)
        belum_ada[i_id][tw] = belum
        variabel_tw[i_id][tw] = {n: _desimal(v) for n, v in (variabel or {}).items()}
    catatan = {
        (c.perangkat_daerah_id, c.triwulan): c
        for c in CatatanTriwulan.objects.filter(
            perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan__in=daftar_tw
        ).select_related("penandatangan")
    }
    teks_bidang: dict[tuple[int, int], list[TeksCakupan]] = defaultdict(list)
    teks_program: dict[tuple[int, int], list[TeksCakupan]] = defaultdict(list)
    for cc in (
        CatatanCakupan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan__in=daftar_tw)
        .select_related("program")
        .order_by("kode_bidang", "program__kode")
    ):
        teks = {n: getattr(cc, n) for n in NAMA_TEKS}
        if cc.cakupan == Cakupan.BIDANG:
            teks_bidang[(cc.perangkat_daerah_id, cc.triwulan)].append(
                TeksCakupan(kode=cc.kode_bidang, **teks)
            )
        elif cc.program is not None:
            teks_program[(cc.perangkat_daerah_id, cc.triwulan)].append(
                TeksCakupan(kode=cc.program.kode, **teks)
            )
    # A quarter is final once verified (or locked after that); before, its documents say "DRAF".
    final = set(
        StatusTriwulan.objects.filter(
            perangkat_daerah__in=daftar_pd,
            tahun=tahun,
            triwulan__in=daftar_tw,
            status__in=(Status.DIVERIFIKASI, Status.TERKUNCI),
        ).values_list("perangkat_daerah_id", "triwulan")
    )
    per_pd: dict[int, list[IndikatorRencana]] = defaultdict(list)
    for ind in semua:
        per_pd[ind.perangkat_daerah_id].append(ind)
    pemda = {
        p.pk: p
        for p in Pemda.objects.filter(pk__in={pd.pemda_id for pd in daftar_pd}).select_related(
            "ambang_peringatan"
        )
    }
    band: dict[int, SetPredikat] = {id_: p.band_predikat() for id_, p in pemda.items()}
    ambang = {id_: _ambang(p) for id_, p in pemda.items()}
    lalu = _kolom_14_tahun_lalu(daftar_pd, per_pd, tahun)
    dasar = {
        d.perangkat_daerah_id: d
        for d in DasarPerubahan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun)
    }
    ubah: dict[tuple[int, str], KRp] = {
        (t.indikator_id, t.bagian): KRp(k=t.k, rp=t.rp)
        for t in PerubahanTarget.objects.filter(dasar__in=list(dasar.values()) if dengan_baris else [])
    }
    koreksi = {
        k.indikator_id: KRp(k=k.k, rp=k.rp)
        for k in KoreksiKolom6.objects.filter(indikator_id__in=ids, tahun=tahun)
    }

    rencana_pd = {pd.pk: rencana_urut(per_pd[pd.pk]) for pd in daftar_pd}

    def baris_pd(
        pd: PerangkatDaerah, triwulan: int, perubahan: dict[tuple[int, str], KRp], d: DasarPerubahan | None
    ) -> tuple[BarisRencana, ...]:
        baris: list[BarisRencana] = []
        for ind, rencana in rencana_pd[pd.pk]:
            target, tercatat_lalu = tahunan.get(ind.pk, (KRp(), KRp()))
            kolom6, sumber6 = kolom_6(
                tercatat_lalu,
                lalu.get(ind.pk),
                koreksi.get(ind.pk),
            )
            variabel = variabel_tw[ind.pk]
            baris.append(
                dataclasses.replace(
                    rencana,
                    renstra=terapkan(
                        KRp(k=ind.target_renstra_k, rp=ind.target_renstra_rp),
                        perubahan.get((ind.pk, "renstra")),
                    ),
                    realisasi_lalu=kolom6,
                    kolom_6_sumber=sumber6.value,
                    target=terapkan(target, perubahan.get((ind.pk, "tahunan"))),
                    target_tw=_target_tw(target_tw[ind.pk], perubahan, ind.pk, d),
                    realisasi_tw=_empat({tw: v for tw, v in realisasi_tw[ind.pk].items() if tw <= triwulan}),
                    variabel_tw=tuple(variabel.get(i, {}) if i <= triwulan else {} for i in range(1, 5)),
                    belum_ada_data=_empat_teks(
                        {tw: v for tw, v in belum_ada[ind.pk].items() if tw <= triwulan}
                    ),
                )
            )
        return dengan_induk_turunan(baris)

    hasil: dict[int, dict[int, DataLaporan]] = {}
    for triwulan in daftar_tw:
        per_tw: dict[int, DataLaporan] = {}
        for pd in daftar_pd:
            d = dasar.get(pd.pk)
            versi_pd = versi_berlaku(triwulan, d.berlaku_triwulan if d else None) if versi is None else versi
            if d is None:
                versi_pd = VersiTarget.MURNI
            pakai_perubahan = versi_pd is VersiTarget.PERUBAHAN
            baris = baris_pd(pd, triwulan, ubah if pakai_perubahan else {}, d)
            if pakai_perubahan and dengan_baris:
                # Beside the perubahan targets, the murni ones (the Form E.81 Perubahan shows both).
                baris = _dengan_murni(baris, baris_pd(pd, triwulan, {}, d))
            c = catatan.get((pd.pk, triwulan))
            ttd = None
            if c is not None and c.penandatangan is not None:
                p = c.penandatangan
                ttd = Penandatangan(nama=p.nama, nip=p.nip, pangkat=p.pangkat, jabatan=p.jabatan_lengkap)
            pd_pemda = pemda[pd.pemda_id]
            per_tw[pd.pk] = DataLaporan(
                pemda=pd_pemda.nama,
                tempat=pd_pemda.tempat,
                perangkat_daerah=pd.nama,
                tahun=tahun,
                triwulan=triwulan,
                baris=baris,
                set_predikat=band[pd.pemda_id],
                ambang=ambang.get(pd.pemda_id, AMBANG_BAWAAN),
                faktor_pendorong=c.faktor_pendorong if c else "",
                faktor_penghambat=c.faktor_penghambat if c else "",
                tindak_lanjut=c.tindak_lanjut if c else "",
                rekomendasi=c.rekomendasi if c else "",
                kendala=c.kendala if c else "",
                solusi=c.solusi if c else "",
                teks_bidang=tuple(teks_bidang[(pd.pk, triwulan)]),
                teks_program=tuple(teks_program[(pd.pk, triwulan)]),
                penandatangan=ttd,
                sintetis=pd.sintetis,
                draf=(pd.pk, triwulan) not in final,
                tanggal=c.tanggal if c else None,
                nomor_surat=c.nomor_surat if c else "",
                nama_bappeda=pd_pemda.nama_bappeda,
                alamat=pd.alamat,
                provinsi=pd_pemda.provinsi,
                telepon=pd.telepon,
                faksimile=pd.faksimile,
                email=pd.email,
                laman=pd.laman,
                logo=_path_logo(pd),
                versi_target=versi_pd.value,
                dasar_perubahan=teks_dasar(d) if d and pakai_perubahan else "",
                berlaku_triwulan=d.berlaku_triwulan if d else None,
            )
        hasil[triwulan] = per_tw
    return hasil


def _kolom_14_tahun_lalu(
    daftar_pd: Sequence[PerangkatDaerah], per_pd: dict[int, list[IndikatorRencana]], tahun: int
) -> dict[int, KRp]:
    """Column 14 at TW IV of the previous year, per indicator that has that year stored (an annual target
    row): the derived column 6 of this year (capaian.aturan.kolom6). Computed by Form E.81 itself, so
    formulas, derived parents and rounding as printed are the same as in last year's documents. One query
    when no agency has a previous year; otherwise that year is loaded the same way (and so on back)."""
    ids = [i.pk for pd in daftar_pd for i in per_pd[pd.pk]]
    tersimpan = set(
        TargetTahunan.objects.filter(indikator_id__in=ids, tahun=tahun - 1).values_list(
            "indikator_id", flat=True
        )
    )
    if not tersimpan:
        return {}
    pd_lalu = [pd for pd in daftar_pd if any(i.pk in tersimpan for i in per_pd[pd.pk])]
    data_lalu = muat_data_banyak(pd_lalu, tahun - 1, 4)
    hasil: dict[int, KRp] = {}
    for pd in pd_lalu:
        laporan = bangun_e81(data_lalu[pd.pk])
        for ind, b in zip(per_pd[pd.pk], laporan.baris, strict=True):
            if ind.pk in tersimpan:
                hasil[ind.pk] = b.hasil.realisasi_renstra
    return hasil
