"""Reads one agency's plan and realisations for a year from the database into plain report data.

Parents' Rupiah is derived here, once, for every consumer (documents, JSON, checks, entry screen, template):
a program's and kegiatan's stored Rp targets and realisations are ignored whenever it has children
(`capaian.laporan.data.dengan_induk_turunan`)."""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from capaian.aturan.capaian import Agregasi, Akumulasi, KRp, Polaritas, RumusNegatif, Sifat
from capaian.aturan.predikat import SetPredikat
from capaian.laporan.data import BarisRencana, DataLaporan, Penandatangan, dengan_induk_turunan
from capaian.monev.models import CatatanTriwulan, Realisasi
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator, TargetTahunan, TargetTriwulan


def _desimal(nilai: object) -> Decimal | None:
    return None if nilai is None or nilai == "" else Decimal(str(nilai))


def kunci_indikator(indikator: Indikator, ke: int) -> str:
    """The name formulas use for an indicator: its element's code, with '#n' for the element's n-th."""
    dasar = indikator.kode or f"#{indikator.urutan}"
    return dasar if ke == 1 else f"{dasar}#{ke}"


def _empat_teks(per_tw: dict[int, str]) -> tuple[str, str, str, str]:
    return (per_tw.get(1, ""), per_tw.get(2, ""), per_tw.get(3, ""), per_tw.get(4, ""))


def _empat(per_tw: dict[int, KRp]) -> tuple[KRp, KRp, KRp, KRp]:
    return (per_tw.get(1, KRp()), per_tw.get(2, KRp()), per_tw.get(3, KRp()), per_tw.get(4, KRp()))


def muat_data(pd: PerangkatDaerah, tahun: int, triwulan: int) -> DataLaporan:
    return muat_data_banyak([pd], tahun, triwulan)[pd.pk]


def muat_data_banyak(
    daftar_pd: Sequence[PerangkatDaerah], tahun: int, triwulan: int
) -> dict[int, DataLaporan]:
    """The report data of several agencies for one quarter, in a fixed number of queries however many
    agencies and rows there are (the overview and the dashboards read a whole pemda)."""
    daftar_pd = list(daftar_pd)
    semua = list(
        Indikator.objects.filter(perangkat_daerah__in=daftar_pd)
        .select_related("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
        .order_by("perangkat_daerah_id", "urutan")
    )
    ids = [i.pk for i in semua]
    tahunan = {t.indikator_id: t for t in TargetTahunan.objects.filter(indikator_id__in=ids, tahun=tahun)}
    target_tw: dict[int, dict[int, KRp]] = defaultdict(dict)
    for tt in TargetTriwulan.objects.filter(indikator_id__in=ids, tahun=tahun):
        target_tw[tt.indikator_id][tt.triwulan] = KRp(k=tt.k, rp=tt.rp)
    realisasi_tw: dict[int, dict[int, KRp]] = defaultdict(dict)
    variabel_tw: dict[int, dict[int, dict[str, Decimal | None]]] = defaultdict(dict)
    belum_ada: dict[int, dict[int, str]] = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan__lte=triwulan):
        realisasi_tw[r.indikator_id][r.triwulan] = KRp(k=r.k, rp=r.rp)
        belum_ada[r.indikator_id][r.triwulan] = r.belum_ada_data
        variabel_tw[r.indikator_id][r.triwulan] = {n: _desimal(v) for n, v in (r.variabel or {}).items()}
    catatan = {
        c.perangkat_daerah_id: c
        for c in CatatanTriwulan.objects.filter(
            perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan
        ).select_related("penandatangan")
    }
    per_pd: dict[int, list[Indikator]] = defaultdict(list)
    for ind in semua:
        per_pd[ind.perangkat_daerah_id].append(ind)
    pemda = {p.pk: p for p in Pemda.objects.filter(pk__in={pd.pemda_id for pd in daftar_pd})}
    band: dict[int, SetPredikat] = {id_: p.band_predikat() for id_, p in pemda.items()}

    hasil: dict[int, DataLaporan] = {}
    for pd in daftar_pd:
        baris: list[BarisRencana] = []
        urutan_elemen: dict[tuple[str, int], int] = defaultdict(int)
        for ind in per_pd[pd.pk]:
            elemen_kunci = (ind.tingkat, ind.elemen.pk)
            urutan_elemen[elemen_kunci] += 1
            ke = urutan_elemen[elemen_kunci]
            t = tahunan.get(ind.pk)
            baris.append(
                BarisRencana(
                    kunci=kunci_indikator(ind, ke),
                    kode=ind.kode,
                    tingkat=ind.tingkat,
                    uraian=ind.nama_elemen,
                    indikator=ind.uraian,
                    satuan=ind.satuan,
                    sifat=Sifat(
                        polaritas=Polaritas(ind.polaritas),
                        rumus_negatif=RumusNegatif(ind.rumus_negatif),
                        agregasi=Agregasi(ind.agregasi),
                        akumulasi=Akumulasi(ind.akumulasi),
                    ),
                    rumus=ind.rumus,
                    variabel=tuple((v["nama"], v.get("label", v["nama"])) for v in ind.variabel),
                    lanjutan=ke > 1,
                    renstra=KRp(k=ind.target_renstra_k, rp=ind.target_renstra_rp),
                    realisasi_lalu=KRp(k=t.realisasi_lalu_k, rp=t.realisasi_lalu_rp) if t else KRp(),
                    target=KRp(k=t.target_k, rp=t.target_rp) if t else KRp(),
                    target_tw=_empat(target_tw[ind.pk]),
                    realisasi_tw=_empat(realisasi_tw[ind.pk]),
                    variabel_tw=tuple(variabel_tw[ind.pk].get(i, {}) for i in range(1, 5)),
                    belum_ada_data=_empat_teks(belum_ada[ind.pk]),
                )
            )
        c = catatan.get(pd.pk)
        ttd = None
        if c is not None and c.penandatangan is not None:
            p = c.penandatangan
            ttd = Penandatangan(nama=p.nama, nip=p.nip, pangkat=p.pangkat, jabatan=p.jabatan_lengkap)
        pd_pemda = pemda[pd.pemda_id]
        hasil[pd.pk] = DataLaporan(
            pemda=pd_pemda.nama,
            tempat=pd_pemda.tempat,
            perangkat_daerah=pd.nama,
            tahun=tahun,
            triwulan=triwulan,
            baris=dengan_induk_turunan(baris),
            set_predikat=band[pd.pemda_id],
            faktor_pendorong=c.faktor_pendorong if c else "",
            faktor_penghambat=c.faktor_penghambat if c else "",
            tindak_lanjut=c.tindak_lanjut if c else "",
            rekomendasi=c.rekomendasi if c else "",
            penandatangan=ttd,
            sintetis=pd.sintetis,
            tanggal=c.tanggal if c else None,
            nomor_surat=c.nomor_surat if c else "",
            nama_bappeda=pd_pemda.nama_bappeda,
            alamat=pd.alamat,
        )
    return hasil
