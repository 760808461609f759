"""The only way the plan changes: elements (Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan), indicators,
their order and their targets. Each function is one transaction that writes the audit trail, like
`capaian.monev.services` does for realisations.

`pengguna=None` is the system itself (the demo loader, a migration). Every function checks
`akses.boleh_ubah_rencana` itself, so no door (importer, admin, API) can skip it, and, for every actor the
system included, `capaian.monev.beku`: nothing may change a quarter that is verified or locked (a target of
year Y reaches year Y's quarters, an element or an indicator's settings every quarter of the agency).
"""

from typing import Any

from django.db import transaction
from django.db.models import Max

from capaian.aturan.masukan import periksa_tanda
from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.hasil import simpan as hasil
from capaian.monev import beku
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import (
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
    Tingkat,
    Tujuan,
)

Elemen = Tujuan | Sasaran | Program | Kegiatan | SubKegiatan


def _wajib(pengguna: Pengguna | None, pd: PerangkatDaerah) -> None:
    akses.wajib(
        akses.boleh_ubah_rencana(pengguna, pd), "Anda tidak berhak mengubah rencana perangkat daerah ini."
    )


def _tanda(indikator: Indikator, nilai: dict[str, Any]) -> None:
    """A negative target (K or Rp) only where the indicator allows it (masukan.NilaiTidakSah)."""
    for kolom, isi in nilai.items():
        jenis = "rp" if kolom.endswith("_rp") or kolom == "rp" else "k"
        periksa_tanda(**{jenis: isi}, boleh_negatif=indikator.boleh_negatif)


def _pd_elemen(elemen: Elemen) -> PerangkatDaerah:
    if isinstance(elemen, Program):
        return elemen.perangkat_daerah
    if isinstance(elemen, Kegiatan):
        return elemen.program.perangkat_daerah
    if isinstance(elemen, SubKegiatan):
        return elemen.kegiatan.program.perangkat_daerah
    if isinstance(elemen, Sasaran):
        return elemen.tujuan.renstra.perangkat_daerah
    return elemen.renstra.perangkat_daerah


def _catat_buat(pengguna: Pengguna | None, objek: str, obj: Any, pd: PerangkatDaerah, teks: str) -> None:
    catat(pengguna, aksi="buat", objek=objek, objek_id=obj.pk, perangkat_daerah=pd, baru=teks)


def buat_tujuan(pengguna: Pengguna | None, renstra: PeriodeRenstra, uraian: str) -> Tujuan:
    _wajib(pengguna, renstra.perangkat_daerah)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(renstra.perangkat_daerah))
        urutan = (Tujuan.objects.filter(renstra=renstra).aggregate(m=Max("urutan"))["m"] or 0) + 1
        tujuan = Tujuan.objects.create(renstra=renstra, uraian=uraian, urutan=urutan)
        _catat_buat(pengguna, "tujuan", tujuan, renstra.perangkat_daerah, uraian)
        return tujuan


def buat_sasaran(pengguna: Pengguna | None, tujuan: Tujuan, uraian: str) -> Sasaran:
    _wajib(pengguna, tujuan.renstra.perangkat_daerah)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(tujuan.renstra.perangkat_daerah))
        urutan = (Sasaran.objects.filter(tujuan=tujuan).aggregate(m=Max("urutan"))["m"] or 0) + 1
        sasaran = Sasaran.objects.create(tujuan=tujuan, uraian=uraian, urutan=urutan)
        _catat_buat(pengguna, "sasaran", sasaran, tujuan.renstra.perangkat_daerah, uraian)
        return sasaran


def buat_program(
    pengguna: Pengguna | None, pd: PerangkatDaerah, kode: str, nama: str, sasaran: Sasaran | None = None
) -> Program:
    _wajib(pengguna, pd)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(pd))
        program = Program.objects.create(perangkat_daerah=pd, sasaran=sasaran, kode=kode, nama=nama)
        _catat_buat(pengguna, "program", program, pd, f"{kode} {nama}")
        return program


def buat_kegiatan(pengguna: Pengguna | None, program: Program, kode: str, nama: str) -> Kegiatan:
    _wajib(pengguna, program.perangkat_daerah)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(program.perangkat_daerah))
        kegiatan = Kegiatan.objects.create(program=program, kode=kode, nama=nama)
        _catat_buat(pengguna, "kegiatan", kegiatan, program.perangkat_daerah, f"{kode} {nama}")
        return kegiatan


def buat_subkegiatan(pengguna: Pengguna | None, kegiatan: Kegiatan, kode: str, nama: str) -> SubKegiatan:
    _wajib(pengguna, kegiatan.program.perangkat_daerah)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(kegiatan.program.perangkat_daerah))
        sub = SubKegiatan.objects.create(kegiatan=kegiatan, kode=kode, nama=nama)
        _catat_buat(pengguna, "subkegiatan", sub, kegiatan.program.perangkat_daerah, f"{kode} {nama}")
        return sub


def buat_indikator(
    pengguna: Pengguna | None,
    elemen: Elemen,
    uraian: str,
    satuan: str,
    urutan: int | None = None,
    **lain: Any,
) -> Indikator:
    """A new indicator of `elemen`; without `urutan` it goes after the agency's last indicator."""
    tingkat = {
        Tujuan: Tingkat.TUJUAN,
        Sasaran: Tingkat.SASARAN,
        Program: Tingkat.PROGRAM,
        Kegiatan: Tingkat.KEGIATAN,
        SubKegiatan: Tingkat.SUBKEGIATAN,
    }[type(elemen)]
    pd = _pd_elemen(elemen)
    _wajib(pengguna, pd)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(pd))
        if urutan is None:
            terakhir = Indikator.objects.filter(perangkat_daerah=pd).aggregate(m=Max("urutan"))["m"]
            urutan = (terakhir or 0) + 1
        indikator = Indikator.objects.create(
            perangkat_daerah=pd,
            tingkat=tingkat,
            uraian=uraian,
            satuan=satuan,
            urutan=urutan,
            **{tingkat.value: elemen},
            **lain,
        )
        _catat_buat(pengguna, "indikator", indikator, pd, uraian)
        hasil.simpan(beku.rencana(pd))
        return indikator


# Fields of Indikator that ubah_indikator may change (the others are the engine's settings and formulas,
# edited elsewhere).
KOLOM_INDIKATOR = ("uraian", "satuan", "target_renstra_k", "target_renstra_rp")


def ubah_indikator(
    pengguna: Pengguna | None, indikator: Indikator, alasan: str | None = None, **nilai: Any
) -> Indikator:
    tidak_dikenal = set(nilai) - set(KOLOM_INDIKATOR)
    if tidak_dikenal:
        raise ValueError(f"Kolom indikator tidak dapat diubah di sini: {', '.join(sorted(tidak_dikenal))}")
    _wajib(pengguna, indikator.perangkat_daerah)
    _tanda(indikator, {k: v for k, v in nilai.items() if k.startswith("target_")})
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(indikator.perangkat_daerah))
        baris = Indikator.objects.select_for_update().get(pk=indikator.pk)
        berubah = []
        for kolom, baru in nilai.items():
            lama = getattr(baris, kolom)
            if lama != baru:
                setattr(baris, kolom, baru)
                berubah.append(kolom)
                catat(
                    pengguna,
                    aksi="ubah",
                    objek="indikator",
                    objek_id=baris.pk,
                    perangkat_daerah=baris.perangkat_daerah,
                    kolom=kolom,
                    lama=_teks(lama),
                    baru=_teks(baru),
                    alasan=alasan,
                )
        if berubah:
            baris.save(update_fields=berubah)
            hasil.simpan(beku.rencana(indikator.perangkat_daerah))
        for kolom in berubah:
            setattr(indikator, kolom, getattr(baris, kolom))
        return baris


def urutkan_indikator(
    pengguna: Pengguna | None, pd: PerangkatDaerah, urutan: list[Indikator], alasan: str | None = None
) -> int:
    """Renumber the agency's indicators 1..n in the order given (all of them). Returns how many moved."""
    _wajib(pengguna, pd)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.rencana(pd))
        semua = {i.pk: i.urutan for i in Indikator.objects.select_for_update().filter(perangkat_daerah=pd)}
        if sorted(semua) != sorted(i.pk for i in urutan):
            raise ValueError("Urutan baru harus memuat setiap indikator perangkat daerah tepat sekali.")
        pindah = [(i, ke) for ke, i in enumerate(urutan, start=1) if semua[i.pk] != ke]
        if not pindah:
            return 0
        # Two steps: the unique (agency, urutan) constraint would trip on a swap done in one pass.
        sementara = max(semua.values()) + len(semua) + 1
        for n, (i, _) in enumerate(pindah):
            Indikator.objects.filter(pk=i.pk).update(urutan=sementara + n)
        for i, ke in pindah:
            Indikator.objects.filter(pk=i.pk).update(urutan=ke)
            catat(
                pengguna,
                aksi="ubah",
                objek="indikator",
                objek_id=i.pk,
                perangkat_daerah=pd,
                kolom="urutan",
                lama=str(semua[i.pk]),
                baru=str(ke),
                alasan=alasan,
            )
            i.urutan = ke
        hasil.simpan(beku.rencana(pd))
        return len(pindah)


def _ubah_kolom(
    pengguna: Pengguna | None,
    obj: TargetTahunan | TargetTriwulan,
    objek: str,
    pd: PerangkatDaerah,
    keterangan: str,
    nilai: dict[str, Any],
    alasan: str | None,
) -> None:
    """Set the given fields, audit each one that really changes, and save only those."""
    berubah = []
    for kolom, baru in nilai.items():
        lama = getattr(obj, kolom)
        if lama == baru:
            continue
        setattr(obj, kolom, baru)
        berubah.append(kolom)
        catat(
            pengguna,
            aksi="ubah",
            objek=objek,
            objek_id=obj.pk,
            perangkat_daerah=pd,
            kolom=f"{kolom} {keterangan}",
            lama=_teks(lama),
            baru=_teks(baru),
            alasan=alasan,
        )
    if berubah:
        obj.save(update_fields=berubah)


KOLOM_TAHUNAN = ("realisasi_lalu_k", "realisasi_lalu_rp", "target_k", "target_rp")


def simpan_target_tahunan(
    pengguna: Pengguna | None, indikator: Indikator, tahun: int, alasan: str | None = None, **nilai: Any
) -> TargetTahunan:
    """Columns 6 and 7 of one indicator and year; a field not given keeps its value, None clears it."""
    tidak_dikenal = set(nilai) - set(KOLOM_TAHUNAN)
    if tidak_dikenal:
        raise ValueError(f"Kolom target tahunan tidak dikenal: {', '.join(sorted(tidak_dikenal))}")
    _wajib(pengguna, indikator.perangkat_daerah)
    _tanda(indikator, nilai)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.target(indikator.perangkat_daerah, tahun))
        target, _ = TargetTahunan.objects.get_or_create(indikator=indikator, tahun=tahun)
        target = TargetTahunan.objects.select_for_update().get(pk=target.pk)
        _ubah_kolom(pengguna, target, "target_tahunan", indikator.perangkat_daerah, f"{tahun}", nilai, alasan)
        hasil.simpan(beku.target(indikator.perangkat_daerah, tahun))
        return target


def simpan_target_triwulan(
    pengguna: Pengguna | None,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    alasan: str | None = None,
    **nilai: Any,
) -> TargetTriwulan:
    """The quarterly target (K, Rp) of one indicator; a field not given keeps its value, None clears it."""
    tidak_dikenal = set(nilai) - {"k", "rp"}
    if tidak_dikenal:
        raise ValueError(f"Kolom target triwulan tidak dikenal: {', '.join(sorted(tidak_dikenal))}")
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1 sampai 4.")
    _wajib(pengguna, indikator.perangkat_daerah)
    _tanda(indikator, nilai)
    with transaction.atomic():
        beku.wajib_tidak_beku(beku.target(indikator.perangkat_daerah, tahun))
        target, _ = TargetTriwulan.objects.get_or_create(indikator=indikator, tahun=tahun, triwulan=triwulan)
        target = TargetTriwulan.objects.select_for_update().get(pk=target.pk)
        _ubah_kolom(
            pengguna,
            target,
            "target_triwulan",
            indikator.perangkat_daerah,
            f"{tahun} TW {triwulan}",
            nilai,
            alasan,
        )
        hasil.simpan(beku.target(indikator.perangkat_daerah, tahun))
        return target
