"""The province's and the nation's recap of a quarter, read from the stored agency-quarter results
(capaian.hasil.models.HasilPerangkatDaerah): per pemda, and in all, the agencies whose quarter counts
(verified or locked, as in Form E.79), the budget and its realisation, capaian K (the mean of the included
programs' column 13 K, the rekap's method) and capaian Rp (sum of realisations over sum of budgets). The
numbers come from the rules core (capaian.aturan.laju) over the stored figures; one query however many
pemda."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from capaian.aturan.capaian import jumlahkan_rp, tercetak
from capaian.aturan.laju import rasio_rp, rata_capaian
from capaian.hasil.models import HasilPerangkatDaerah
from capaian.laporan.data_kota import STATUS_TERMASUK
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.models import Pemda, PerangkatDaerah


@dataclass(frozen=True)
class BarisWilayah:
    nama: str  # the pemda, or the province for a national row
    provinsi: str
    perangkat_daerah: int  # agencies in all
    termasuk: int  # agencies whose quarter is verified or locked
    program: int
    target_rp: int | None
    realisasi_rp: int | None
    capaian_k: Decimal | None
    capaian_rp: Decimal | None


@dataclass(frozen=True)
class RekapWilayah:
    tahun: int
    triwulan: int
    provinsi: str | None  # None: the whole country
    baris: tuple[BarisWilayah, ...]  # per pemda (a province) or per province (the country)
    total: BarisWilayah


@dataclass
class _Kumpul:
    perangkat_daerah: int = 0
    termasuk: int = 0
    k: list[Decimal | None] | None = None
    target: list[int | None] | None = None
    realisasi: list[int | None] | None = None

    def tambah(self, program: list[dict[str, object]], target: int | None, realisasi: int | None) -> None:
        self.termasuk += 1
        self.k = (self.k or []) + [_desimal(p.get("capaian_k")) for p in program]
        self.target = (self.target or []) + [target]
        self.realisasi = (self.realisasi or []) + [realisasi]

    def baris(self, nama: str, provinsi: str) -> BarisWilayah:
        return BarisWilayah(
            nama=nama,
            provinsi=provinsi,
            perangkat_daerah=self.perangkat_daerah,
            termasuk=self.termasuk,
            program=len(self.k or []),
            target_rp=jumlahkan_rp(self.target or []),
            realisasi_rp=jumlahkan_rp(self.realisasi or []),
            capaian_k=rata_capaian(self.k or []),
            capaian_rp=tercetak(rasio_rp(self.realisasi or [], self.target or [])),
        )


def _desimal(nilai: object) -> Decimal | None:
    return None if nilai is None else Decimal(str(nilai))


def rekap_wilayah(tahun: int, triwulan: int, provinsi: str | None = None) -> RekapWilayah:
    pemda_qs = Pemda.objects.all() if provinsi is None else Pemda.objects.filter(provinsi=provinsi)
    pemda = {p.pk: p for p in pemda_qs.only("pk", "nama", "provinsi")}
    jumlah_pd: dict[int, int] = dict(
        PerangkatDaerah.objects.filter(pemda_id__in=list(pemda))
        .values("pemda_id")
        .annotate(n=Count("pk"))
        .values_list("pemda_id", "n")
    )
    termasuk = StatusTriwulan.objects.filter(
        tahun=tahun, triwulan=triwulan, status__in=STATUS_TERMASUK
    ).values("perangkat_daerah_id")
    hasil = HasilPerangkatDaerah.objects.filter(
        tahun=tahun, triwulan=triwulan, perangkat_daerah_id__in=termasuk
    )
    if provinsi is not None:
        hasil = hasil.filter(pemda__provinsi=provinsi)
    per_pemda: dict[int, _Kumpul] = defaultdict(_Kumpul)
    for pemda_id, target, realisasi, program in hasil.values_list(
        "pemda_id", "target_rp", "realisasi_rp", "ringkasan__program"
    ):
        per_pemda[pemda_id].tambah(program or [], target, realisasi)
    kelompok: dict[str, _Kumpul] = defaultdict(_Kumpul)  # by pemda (a province) or province (the country)
    total = _Kumpul()
    nama_baris: dict[str, tuple[str, str]] = {}
    for pemda_id, p in sorted(pemda.items(), key=lambda x: (x[1].provinsi, x[1].nama)):
        kunci = p.nama if provinsi is not None else p.provinsi
        nama_baris[kunci] = (kunci, p.provinsi)
        for k in (kelompok[kunci], total):
            k.perangkat_daerah += jumlah_pd.get(pemda_id, 0)
            sumber = per_pemda.get(pemda_id)
            if sumber is not None:
                k.termasuk += sumber.termasuk
                k.k = (k.k or []) + (sumber.k or [])
                k.target = (k.target or []) + (sumber.target or [])
                k.realisasi = (k.realisasi or []) + (sumber.realisasi or [])
    return RekapWilayah(
        tahun=tahun,
        triwulan=triwulan,
        provinsi=provinsi,
        baris=tuple(kelompok[k].baris(*nama_baris[k]) for k in kelompok),
        total=total.baris("Jumlah" if provinsi is not None else "Nasional", provinsi or ""),
    )
