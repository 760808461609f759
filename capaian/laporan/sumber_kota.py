"""Reads one pemda's quarter from the database into plain city data, in a fixed number of queries however many
agencies there are: the agencies and their statuses, the included ones' Form E.81 and report data (stored
results, capaian.hasil.baca; computed through capaian.laporan.sumber where none is stored), the RPJMD and
its links."""

from capaian.hasil.baca import laporan_e81
from capaian.kota.models import CatatanKota, PenandatanganKota
from capaian.laporan.data import Penandatangan
from capaian.laporan.data_kota import STATUS_TERMASUK, AnggotaKota, DataKota, IndikatorSasaran, SasaranKota
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.rpjmd.models import SasaranRPJMD, TautanProgram
from capaian.rpjmd.services import rpjmd_tahun


def _penandatangan(p: PenandatanganKota | None) -> Penandatangan | None:
    if p is None:
        return None
    return Penandatangan(nama=p.nama, nip=p.nip, pangkat=p.pangkat, jabatan=p.jabatan_lengkap)


def muat_data_kota(pemda: Pemda, tahun: int, triwulan: int) -> DataKota:
    daftar_pd = list(PerangkatDaerah.objects.filter(pemda=pemda).select_related("pemda").order_by("nama"))
    status = {
        s.perangkat_daerah_id: Status(s.status)
        for s in StatusTriwulan.objects.filter(perangkat_daerah__in=daftar_pd, tahun=tahun, triwulan=triwulan)
    }
    termasuk = [pd for pd in daftar_pd if status.get(pd.pk, Status.DRAFT) in STATUS_TERMASUK]
    # The included agencies' Form E.81 as stored on write (capaian.hasil), computed where none is stored.
    e81 = laporan_e81(termasuk, tahun, triwulan)
    data = {pk: lap.data for pk, lap in e81.items()}
    anggota = tuple(
        AnggotaKota(
            slug=pd.slug,
            nama=pd.nama,
            singkatan=pd.singkatan,
            status=status.get(pd.pk, Status.DRAFT).value,
            label_status=status.get(pd.pk, Status.DRAFT).label,
            sintetis=pd.sintetis,
            data=data.get(pd.pk),
        )
        for pd in daftar_pd
    )

    rpjmd = rpjmd_tahun(pemda.pk, tahun)
    sasaran: tuple[SasaranKota, ...] = ()
    tautan: dict[tuple[str, str], str] = {}
    if rpjmd is not None:
        daftar = (
            SasaranRPJMD.objects.filter(tujuan__rpjmd=rpjmd)
            .select_related("tujuan")
            .prefetch_related("indikator__target")
            .order_by("tujuan__urutan", "tujuan__pk", "urutan", "pk")
        )
        sasaran = tuple(
            SasaranKota(
                kode=s.kode,
                uraian=s.uraian,
                kode_tujuan=s.tujuan.kode,
                tujuan=s.tujuan.uraian,
                indikator=tuple(
                    IndikatorSasaran(
                        uraian=i.uraian,
                        satuan=i.satuan,
                        target_akhir=i.target_akhir,
                        target_tahun=next((t.target_k for t in i.target.all() if t.tahun == tahun), None),
                    )
                    for i in s.indikator.all()
                ),
            )
            for s in daftar
        )
        tautan = {
            (t.program.perangkat_daerah.slug, t.program.kode): t.sasaran.kode
            for t in TautanProgram.objects.filter(rpjmd=rpjmd).select_related(
                "program__perangkat_daerah", "sasaran"
            )
        }
    catatan = (
        CatatanKota.objects.filter(pemda=pemda, tahun=tahun, triwulan=triwulan)
        .select_related("penandatangan")
        .first()
    )
    ttd = catatan.penandatangan if catatan is not None and catatan.penandatangan is not None else None
    if ttd is None:
        ttd = PenandatanganKota.objects.filter(pemda=pemda, aktif=True).order_by("pk").first()
    return DataKota(
        pemda=pemda.nama,
        slug=pemda.slug,
        tempat=pemda.tempat,
        nama_bappeda=pemda.nama_bappeda,
        provinsi=pemda.provinsi,
        tahun=tahun,
        triwulan=triwulan,
        anggota=anggota,
        rpjmd=rpjmd.nama if rpjmd is not None else "",
        akhir_rpjmd=rpjmd.tahun_akhir if rpjmd is not None else None,
        sasaran=sasaran,
        tautan=tautan,
        set_predikat=pemda.band_predikat(),
        faktor_pendorong=catatan.faktor_pendorong if catatan else "",
        faktor_penghambat=catatan.faktor_penghambat if catatan else "",
        tindak_lanjut=catatan.tindak_lanjut if catatan else "",
        tindak_lanjut_rkpd=catatan.tindak_lanjut_rkpd if catatan else "",
        penandatangan=_penandatangan(ttd),
        tanggal=catatan.tanggal if catatan else None,
        e81={pd.slug: e81[pd.pk] for pd in termasuk},
    )
