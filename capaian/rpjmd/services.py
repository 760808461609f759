"""The only way the RPJMD and the program links change outside the admin: each function is one transaction
that checks permission (the pemda's admin; `pengguna=None` is the system: demo loader, importer CLI) and
writes the audit trail, like capaian.perencanaan.services does for the agencies' plans."""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Pemda, Peran
from capaian.perencanaan.models import Program
from capaian.rpjmd.models import (
    IndikatorSasaranRPJMD,
    PeriodeRPJMD,
    SasaranRPJMD,
    TargetSasaranRPJMD,
    TautanProgram,
    TujuanRPJMD,
)


class RpjmdTidakSah(ValueError):
    """An input the RPJMD cannot take; the message is for the user."""


def boleh_ubah_rpjmd(pengguna: Pengguna | None, pemda_id: int) -> bool:
    """The pemda's admin keeps its RPJMD; None (the system) always may."""
    if pengguna is None:
        return True
    return akses.adalah(pengguna, Peran.ADMIN) and akses.pemda_id(pengguna) == pemda_id


def _wajib(pengguna: Pengguna | None, pemda_id: int) -> None:
    akses.wajib(boleh_ubah_rpjmd(pengguna, pemda_id), "Hanya admin pemda yang dapat mengubah RPJMD.")


def _buat(pengguna: Pengguna | None, objek: str, obj: Any, teks: str) -> None:
    catat(pengguna, aksi="buat", objek=objek, objek_id=obj.pk, perangkat_daerah=None, baru=teks)


def _berikut(qs: Any) -> int:
    return int(qs.aggregate(m=Max("urutan"))["m"] or 0) + 1


def buat_rpjmd(
    pengguna: Pengguna | None,
    pemda: Pemda,
    nama: str,
    tahun_awal: int,
    tahun_akhir: int,
    dasar_hukum: str = "",
) -> PeriodeRPJMD:
    _wajib(pengguna, pemda.pk)
    if tahun_akhir < tahun_awal:
        raise RpjmdTidakSah("Tahun akhir RPJMD tidak boleh sebelum tahun awal.")
    with transaction.atomic():
        rpjmd = PeriodeRPJMD.objects.create(
            pemda=pemda, nama=nama, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir, dasar_hukum=dasar_hukum
        )
        _buat(pengguna, "rpjmd", rpjmd, f"{nama} ({tahun_awal}-{tahun_akhir})")
        return rpjmd


def buat_tujuan(pengguna: Pengguna | None, rpjmd: PeriodeRPJMD, kode: str, uraian: str) -> TujuanRPJMD:
    _wajib(pengguna, rpjmd.pemda_id)
    with transaction.atomic():
        tujuan = TujuanRPJMD.objects.create(
            rpjmd=rpjmd, kode=kode, uraian=uraian, urutan=_berikut(TujuanRPJMD.objects.filter(rpjmd=rpjmd))
        )
        _buat(pengguna, "tujuan_rpjmd", tujuan, f"{kode} {uraian}")
        return tujuan


def buat_sasaran(pengguna: Pengguna | None, tujuan: TujuanRPJMD, kode: str, uraian: str) -> SasaranRPJMD:
    _wajib(pengguna, tujuan.rpjmd.pemda_id)
    with transaction.atomic():
        sasaran = SasaranRPJMD.objects.create(
            tujuan=tujuan,
            kode=kode,
            uraian=uraian,
            urutan=_berikut(SasaranRPJMD.objects.filter(tujuan=tujuan)),
        )
        _buat(pengguna, "sasaran_rpjmd", sasaran, f"{kode} {uraian}")
        return sasaran


def buat_indikator(
    pengguna: Pengguna | None,
    sasaran: SasaranRPJMD,
    uraian: str,
    satuan: str,
    kondisi_awal: Decimal | None = None,
    target_akhir: Decimal | None = None,
) -> IndikatorSasaranRPJMD:
    _wajib(pengguna, sasaran.tujuan.rpjmd.pemda_id)
    with transaction.atomic():
        indikator = IndikatorSasaranRPJMD.objects.create(
            sasaran=sasaran,
            uraian=uraian,
            satuan=satuan,
            urutan=_berikut(IndikatorSasaranRPJMD.objects.filter(sasaran=sasaran)),
            kondisi_awal=kondisi_awal,
            target_akhir=target_akhir,
        )
        _buat(pengguna, "indikator_sasaran_rpjmd", indikator, uraian)
        return indikator


def simpan_target(
    pengguna: Pengguna | None, indikator: IndikatorSasaranRPJMD, tahun: int, target_k: Decimal | None
) -> TargetSasaranRPJMD:
    """The yearly target of one Sasaran indicator; None clears it."""
    rpjmd = indikator.sasaran.tujuan.rpjmd
    _wajib(pengguna, rpjmd.pemda_id)
    if not rpjmd.tahun_awal <= tahun <= rpjmd.tahun_akhir:
        raise RpjmdTidakSah(f"Tahun {tahun} di luar periode {rpjmd.nama}.")
    with transaction.atomic():
        target, _ = TargetSasaranRPJMD.objects.get_or_create(indikator=indikator, tahun=tahun)
        target = TargetSasaranRPJMD.objects.select_for_update().get(pk=target.pk)
        if target.target_k != target_k:
            catat(
                pengguna,
                aksi="ubah",
                objek="target_sasaran_rpjmd",
                objek_id=target.pk,
                perangkat_daerah=None,
                kolom=f"target_k {tahun}",
                lama=_teks(target.target_k),
                baru=_teks(target_k),
            )
            target.target_k = target_k
            target.save(update_fields=["target_k"])
        return target


def tautkan_program(
    pengguna: Pengguna | None,
    program: Program,
    sasaran: SasaranRPJMD | None,
    rpjmd: PeriodeRPJMD | None = None,
) -> TautanProgram | None:
    """Link `program` to `sasaran` (replacing its link in that RPJMD), or remove its link in `rpjmd` when
    `sasaran` is None. The program must belong to the RPJMD's pemda."""
    periode = sasaran.tujuan.rpjmd if sasaran is not None else rpjmd
    if periode is None:
        raise RpjmdTidakSah("Sebutkan sasaran RPJMD atau periode RPJMD-nya.")
    _wajib(pengguna, periode.pemda_id)
    pd = program.perangkat_daerah
    if pd.pemda_id != periode.pemda_id:
        raise RpjmdTidakSah(f"Program {program.kode} bukan milik {periode.pemda}.")
    with transaction.atomic():
        ada = TautanProgram.objects.select_for_update().filter(rpjmd=periode, program=program).first()
        lama = ada.sasaran.kode if ada is not None else None
        baru = sasaran.kode if sasaran is not None else None
        if lama == baru:
            return ada
        if sasaran is None:
            assert ada is not None
            ada.delete()
            hasil = None
            objek_id = program.pk
        elif ada is None:
            hasil = TautanProgram.objects.create(rpjmd=periode, program=program, sasaran=sasaran)
            objek_id = hasil.pk
        else:
            ada.sasaran = sasaran
            ada.save(update_fields=["sasaran"])
            hasil, objek_id = ada, ada.pk
        catat(
            pengguna,
            aksi="ubah" if lama is not None else "buat",
            objek="tautan_program",
            objek_id=objek_id,
            perangkat_daerah=pd,
            kolom=f"sasaran RPJMD program {program.kode}",
            lama=lama,
            baru=baru,
        )
        return hasil


KOLOM_UBAH: dict[type, tuple[str, ...]] = {
    PeriodeRPJMD: ("nama", "tahun_akhir", "dasar_hukum"),
    TujuanRPJMD: ("uraian",),
    SasaranRPJMD: ("uraian",),
    IndikatorSasaranRPJMD: ("uraian", "satuan", "kondisi_awal", "target_akhir"),
}


def _pemda_objek(obj: Any) -> int:
    if isinstance(obj, PeriodeRPJMD):
        return obj.pemda_id
    if isinstance(obj, TujuanRPJMD):
        return obj.rpjmd.pemda_id
    if isinstance(obj, SasaranRPJMD):
        return obj.tujuan.rpjmd.pemda_id
    if isinstance(obj, IndikatorSasaranRPJMD):
        return obj.sasaran.tujuan.rpjmd.pemda_id
    raise TypeError(f"Bukan objek RPJMD: {type(obj).__name__}")


def ubah_objek(pengguna: Pengguna | None, obj: Any, **nilai: Any) -> bool:
    """Change fields of an RPJMD, Tujuan, Sasaran or indicator; each field that really changes is audited.
    Returns whether anything changed."""
    boleh = KOLOM_UBAH.get(type(obj), ())
    tidak_dikenal = set(nilai) - set(boleh)
    if tidak_dikenal:
        raise RpjmdTidakSah(f"Kolom tidak dapat diubah di sini: {', '.join(sorted(tidak_dikenal))}")
    _wajib(pengguna, _pemda_objek(obj))
    with transaction.atomic():
        baris = type(obj).objects.select_for_update().get(pk=obj.pk)
        berubah = []
        for kolom, baru in nilai.items():
            lama = getattr(baris, kolom)
            if lama == baru:
                continue
            setattr(baris, kolom, baru)
            berubah.append(kolom)
            catat(
                pengguna,
                aksi="ubah",
                objek=type(obj)._meta.model_name or "rpjmd",
                objek_id=baris.pk,
                perangkat_daerah=None,
                kolom=kolom,
                lama=_teks(lama),
                baru=_teks(baru),
            )
        if berubah:
            baris.save(update_fields=berubah)
            for kolom in berubah:
                setattr(obj, kolom, getattr(baris, kolom))
        return bool(berubah)


def rpjmd_tahun(pemda_id: int, tahun: int) -> PeriodeRPJMD | None:
    """The RPJMD whose period covers `tahun` (the latest-starting one if periods overlap)."""
    return (
        PeriodeRPJMD.objects.filter(pemda_id=pemda_id, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )
