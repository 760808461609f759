"""The scopes an agency's quarter texts can be kept for, with what is stored: the agency itself, each of its
bidang urusan (in the Narasi's order, capaian.aturan.bidang) and each of its programs (by kode). The entry
screen, the API and the entry template list the same scopes from here; changes go through
capaian.monev.services (simpan_catatan, simpan_catatan_cakupan)."""

from dataclasses import dataclass

from capaian.aturan.bidang import LAIN_LAIN, bidang_per_program, urutan_bidang
from capaian.aturan.kodering import nama_urusan_bidang, urai_kode, urutan
from capaian.monev.models import Cakupan, CatatanCakupan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Program


@dataclass(frozen=True)
class CakupanTeks:
    jenis: str  # Cakupan.BIDANG or Cakupan.PROGRAM
    kode: str  # "3.31", or the program's code
    nama: str  # "Urusan Pemerintahan Bidang Perindustrian", or the program's name
    program: Program | None
    tersimpan: CatatanCakupan | None

    @property
    def kunci(self) -> str:
        """The scope's name in forms and sheets: "bidang:3.31", "program:3.31.02"."""
        return f"{self.jenis}:{self.kode}"


def _kunci_program(p: Program) -> tuple[int, ...]:
    try:
        return urutan(urai_kode(p.kode))
    except ValueError:
        return (99,)


def daftar_cakupan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> list[CakupanTeks]:
    program = sorted(Program.objects.filter(perangkat_daerah=pd), key=_kunci_program)
    per_program = bidang_per_program([p.kode for p in program])
    tersimpan = {
        (c.cakupan, c.kode_bidang if c.cakupan == Cakupan.BIDANG else c.program_id): c
        for c in CatatanCakupan.objects.filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    }
    hasil = [
        CakupanTeks(
            Cakupan.BIDANG,
            kode,
            nama_urusan_bidang(kode) or kode,
            None,
            tersimpan.get((Cakupan.BIDANG, kode)),
        )
        for kode in urutan_bidang(per_program.values(), pd.nama)
        if kode != LAIN_LAIN
    ]
    hasil += [
        CakupanTeks(Cakupan.PROGRAM, p.kode, p.nama, p, tersimpan.get((Cakupan.PROGRAM, p.pk)))
        for p in program
    ]
    return hasil


def cari_cakupan(pd: PerangkatDaerah, tahun: int, triwulan: int, kunci: str) -> CakupanTeks | None:
    """The scope named "bidang:3.31" or "program:3.31.02" (codes compared as typed, trimmed)."""
    jenis, _, kode = kunci.strip().partition(":")
    for c in daftar_cakupan(pd, tahun, triwulan):
        if c.jenis == jenis.strip().lower() and c.kode == kode.strip():
            return c
    return None
