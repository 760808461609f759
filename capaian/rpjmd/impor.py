"""The RPJMD from a workbook, with the E.81 import's rules: a dry run lists what would change and saves
nothing; a real run saves everything or, with any error, nothing. Every change goes through
capaian.rpjmd.services (audited), inside one transaction.

The workbook (capaian.rpjmd.templat writes it, with the current RPJMD filled in):

* sheet "RPJMD": label in column A, value in column B: Nama, Tahun awal, Tahun akhir, Dasar hukum;
* sheet "Sasaran": a header row starting "Tingkat" (Tingkat, Kode, Uraian, Satuan, Kondisi awal, Target
  akhir, then one "Target <tahun>" column per year), then rows of tingkat "tujuan" (Kode 1), "sasaran"
  (Kode 1.1) and "indikator" (of the sasaran above it);
* sheet "Program": a header row starting "Perangkat daerah" (Perangkat daerah = slug, Kode program, Kode
  sasaran), one row per program to link.

Items already in the RPJMD and absent from the sheet are left as they are (and named in the warnings).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from django.db import transaction

from capaian.aturan.angka import AngkaError, parse_angka
from capaian.audit.catat import lewat, teks_audit
from capaian.impor.baca import BacaError
from capaian.impor.buku_kerja import baca_buku
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Pemda
from capaian.perencanaan.models import Program
from capaian.rpjmd import services
from capaian.rpjmd.models import IndikatorSasaranRPJMD, PeriodeRPJMD, SasaranRPJMD, TautanProgram, TujuanRPJMD


class LembarBuku(Protocol):
    """A sheet as capaian.impor.baca.baca_buku reads it (1-based cells)."""

    nama: str

    @property
    def nbaris(self) -> int: ...

    @property
    def nkolom(self) -> int: ...

    def isi(self, r: int, c: int) -> object: ...


@dataclass
class HasilImporRpjmd:
    coba: bool
    perubahan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)

    @property
    def tersimpan(self) -> bool:
        return not self.coba and not self.galat


class _Batal(Exception):
    """Raised inside the transaction to roll it back (a dry run, or errors found while applying)."""


def _huruf(c: int) -> str:
    teks = ""
    while c > 0:
        c, sisa = divmod(c - 1, 26)
        teks = chr(65 + sisa) + teks
    return teks


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _angka(v: object) -> Decimal | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise AngkaError("bukan angka")
    if isinstance(v, int | float):
        return Decimal(str(v))
    return parse_angka(str(v))


@dataclass
class _Lembar:
    nama: str
    baris: list[tuple[int, dict[str, object]]]  # (row number, header -> value)
    tahun: dict[str, int]  # header -> year, for the "Target <tahun>" columns


def _tabel(grid: LembarBuku, awal: str, galat: list[str]) -> _Lembar | None:
    nama = grid.nama
    for r in range(1, min(grid.nbaris, 30) + 1):
        if _teks(grid.isi(r, 1)).lower() == awal:
            judul = {c: _teks(grid.isi(r, c)).lower() for c in range(1, grid.nkolom + 1)}
            tahun = {}
            for h in judul.values():
                if m := re.fullmatch(r"(?:target\s*)?(\d{4})", h):
                    tahun[h] = int(m.group(1))
            baris = []
            for rr in range(r + 1, grid.nbaris + 1):
                isi = {judul[c]: grid.isi(rr, c) for c in judul if judul[c]}
                if any(_teks(v) for v in isi.values()):
                    baris.append((rr, isi))
            return _Lembar(nama, baris, tahun)
    galat.append(f"Lembar '{nama}': baris judul yang diawali '{awal.capitalize()}' tidak ditemukan.")
    return None


class _Impor:
    def __init__(self, pengguna: Pengguna | None, pemda: Pemda, hasil: HasilImporRpjmd) -> None:
        self.pengguna, self.pemda, self.hasil = pengguna, pemda, hasil

    def galat(self, lembar: str, r: int, kolom: int | None, pesan: str) -> None:
        tempat = f"'{lembar}'!{_huruf(kolom)}{r}" if kolom else f"'{lembar}' baris {r}"
        self.hasil.galat.append(f"{tempat}: {pesan}")

    def ubah(self, obj: object, ket: str, **nilai: object) -> None:
        lama = {k: getattr(obj, k) for k in nilai}
        if services.ubah_objek(self.pengguna, obj, **nilai):
            berubah = ", ".join(
                f"{k}: {teks_audit(lama[k]) or '-'} → {teks_audit(v) or '-'}"
                for k, v in nilai.items()
                if lama[k] != v
            )
            self.hasil.perubahan.append(f"{ket}: {berubah}")

    def jalankan(self, grids: list[LembarBuku]) -> None:
        per_nama = {g.nama.strip().lower(): g for g in grids}
        for perlu in ("rpjmd", "sasaran"):
            if perlu not in per_nama:
                self.hasil.galat.append(
                    f"Lembar '{perlu.upper() if perlu == 'rpjmd' else 'Sasaran'}' tidak ada."
                )
        if self.hasil.galat:
            return
        rpjmd = self.periode(per_nama["rpjmd"])
        if rpjmd is None:
            return
        sasaran = self.sasaran(per_nama["sasaran"], rpjmd)
        if "program" in per_nama:
            self.program(per_nama["program"], rpjmd, sasaran)

    def periode(self, grid: LembarBuku) -> PeriodeRPJMD | None:
        nilai: dict[str, tuple[int, object]] = {}
        for r in range(1, min(grid.nbaris, 20) + 1):
            label = _teks(grid.isi(r, 1)).lower()
            if label:
                nilai[label] = (r, grid.isi(r, 2))
        nama = _teks(nilai.get("nama", (0, ""))[1])
        tahun = {}
        for label in ("tahun awal", "tahun akhir"):
            r, v = nilai.get(label, (0, None))
            try:
                angka = _angka(v)
            except AngkaError:
                angka = None
            if angka is None or angka != angka.to_integral_value() or not 2000 <= angka <= 2100:
                self.hasil.galat.append(
                    f"Lembar 'RPJMD': '{label.capitalize()}' harus tahun (mis. 2021), bukan '{_teks(v)}'."
                )
                return None
            tahun[label] = int(angka)
        if not nama:
            self.hasil.galat.append(
                "Lembar 'RPJMD': 'Nama' wajib diisi (mis. RPJMD Kota Pasuruan 2021-2026)."
            )
            return None
        awal, akhir = tahun["tahun awal"], tahun["tahun akhir"]
        if akhir < awal:
            self.hasil.galat.append("Lembar 'RPJMD': tahun akhir tidak boleh sebelum tahun awal.")
            return None
        dasar = _teks(nilai.get("dasar hukum", (0, ""))[1])
        rpjmd = PeriodeRPJMD.objects.filter(pemda=self.pemda, tahun_awal=awal).first()
        if rpjmd is None:
            rpjmd = services.buat_rpjmd(self.pengguna, self.pemda, nama, awal, akhir, dasar)
            self.hasil.perubahan.append(f"RPJMD baru: {nama} ({awal}-{akhir})")
        else:
            self.ubah(rpjmd, "RPJMD", nama=nama, tahun_akhir=akhir, dasar_hukum=dasar)
        return rpjmd

    def sasaran(self, grid: LembarBuku, rpjmd: PeriodeRPJMD) -> dict[str, SasaranRPJMD]:
        lembar = _tabel(grid, "tingkat", self.hasil.galat)
        tujuan = {t.kode: t for t in TujuanRPJMD.objects.filter(rpjmd=rpjmd)}
        sasaran = {
            s.kode: s for s in SasaranRPJMD.objects.filter(tujuan__rpjmd=rpjmd).select_related("tujuan")
        }
        if lembar is None:
            return sasaran
        kolom = {"tingkat": 1, "kode": 2, "uraian": 3, "satuan": 4, "kondisi awal": 5, "target akhir": 6}
        tujuan_kini: TujuanRPJMD | None = None
        sasaran_kini: SasaranRPJMD | None = None
        dilihat: set[int] = set()
        for r, isi in lembar.baris:
            tingkat = _teks(isi.get("tingkat")).lower()
            kode, uraian = _teks(isi.get("kode")), _teks(isi.get("uraian"))
            if tingkat not in ("tujuan", "sasaran", "indikator"):
                self.galat(
                    lembar.nama, r, 1, f"tingkat harus tujuan, sasaran atau indikator, bukan '{tingkat}'."
                )
                continue
            if not uraian:
                self.galat(lembar.nama, r, kolom["uraian"], "uraian wajib diisi.")
                continue
            if tingkat == "tujuan":
                if not kode:
                    self.galat(lembar.nama, r, kolom["kode"], "kode tujuan wajib diisi (mis. 1).")
                    continue
                if kode in tujuan:
                    self.ubah(tujuan[kode], f"Tujuan {kode}", uraian=uraian)
                else:
                    tujuan[kode] = services.buat_tujuan(self.pengguna, rpjmd, kode, uraian)
                    self.hasil.perubahan.append(f"Tujuan baru {kode}: {uraian}")
                tujuan_kini, sasaran_kini = tujuan[kode], None
            elif tingkat == "sasaran":
                if not kode:
                    self.galat(lembar.nama, r, kolom["kode"], "kode sasaran wajib diisi (mis. 1.1).")
                    continue
                if kode in sasaran:
                    self.ubah(sasaran[kode], f"Sasaran {kode}", uraian=uraian)
                elif tujuan_kini is None:
                    self.galat(lembar.nama, r, 1, "sasaran harus berada di bawah sebuah baris tujuan.")
                    continue
                else:
                    sasaran[kode] = services.buat_sasaran(self.pengguna, tujuan_kini, kode, uraian)
                    self.hasil.perubahan.append(f"Sasaran baru {kode}: {uraian}")
                sasaran_kini = sasaran[kode]
            else:
                induk = sasaran.get(kode) if kode else sasaran_kini
                if induk is None:
                    self.galat(
                        lembar.nama,
                        r,
                        kolom["kode"],
                        "indikator harus berada di bawah baris sasaran (atau sebutkan kode sasarannya).",
                    )
                    continue
                ind = self.indikator(lembar, r, isi, kolom, induk, rpjmd)
                if ind is not None:
                    dilihat.add(ind.pk)
        for lama in IndikatorSasaranRPJMD.objects.filter(sasaran__tujuan__rpjmd=rpjmd).exclude(
            pk__in=dilihat
        ):
            self.hasil.peringatan.append(f"Indikator '{lama.uraian}' tidak ada di lembar; dibiarkan.")
        return sasaran

    def indikator(
        self,
        lembar: _Lembar,
        r: int,
        isi: dict[str, object],
        kolom: dict[str, int],
        sasaran: SasaranRPJMD,
        rpjmd: PeriodeRPJMD,
    ) -> IndikatorSasaranRPJMD | None:
        uraian, satuan = _teks(isi.get("uraian")), _teks(isi.get("satuan"))
        nilai: dict[str, Decimal | None] = {}
        for nama in ("kondisi awal", "target akhir"):
            try:
                nilai[nama] = _angka(isi.get(nama))
            except AngkaError as e:
                self.galat(lembar.nama, r, kolom[nama], str(e))
                return None
        target: dict[int, Decimal | None] = {}
        urutan_judul = list(isi)
        for judul, tahun in lembar.tahun.items():
            try:
                target[tahun] = _angka(isi.get(judul))
            except AngkaError as e:
                self.galat(lembar.nama, r, urutan_judul.index(judul) + 1, str(e))
                return None
            if target[tahun] is not None and not rpjmd.tahun_awal <= tahun <= rpjmd.tahun_akhir:
                self.galat(
                    lembar.nama, r, urutan_judul.index(judul) + 1, f"tahun {tahun} di luar periode RPJMD."
                )
                return None
        if not satuan:
            self.galat(lembar.nama, r, kolom["satuan"], "satuan wajib diisi.")
            return None
        ind = IndikatorSasaranRPJMD.objects.filter(sasaran=sasaran, uraian=uraian).first()
        if ind is None:
            ind = services.buat_indikator(
                self.pengguna, sasaran, uraian, satuan, nilai["kondisi awal"], nilai["target akhir"]
            )
            self.hasil.perubahan.append(f"Indikator baru sasaran {sasaran.kode}: {uraian}")
        else:
            self.ubah(
                ind,
                f"Indikator '{uraian}'",
                satuan=satuan,
                kondisi_awal=nilai["kondisi awal"],
                target_akhir=nilai["target akhir"],
            )
        ada = {t.tahun: t.target_k for t in ind.target.all()}
        for tahun, k in target.items():
            if ada.get(tahun) != k and not (k is None and tahun not in ada):
                services.simpan_target(self.pengguna, ind, tahun, k)
                sebelum, sesudah = teks_audit(ada.get(tahun)) or "-", teks_audit(k) or "-"
                self.hasil.perubahan.append(f"Target {tahun} '{uraian}': {sebelum} → {sesudah}")
        return ind

    def program(self, grid: LembarBuku, rpjmd: PeriodeRPJMD, sasaran: dict[str, SasaranRPJMD]) -> None:
        lembar = _tabel(grid, "perangkat daerah", self.hasil.galat)
        if lembar is None:
            return
        program = {
            (p.perangkat_daerah.slug, p.kode): p
            for p in Program.objects.filter(perangkat_daerah__pemda=self.pemda).select_related(
                "perangkat_daerah"
            )
        }
        ada = {
            t.program_id: t.sasaran.kode
            for t in TautanProgram.objects.filter(rpjmd=rpjmd).select_related("sasaran")
        }
        for r, isi in lembar.baris:
            slug, kode, kode_s = (
                _teks(isi.get(k)) for k in ("perangkat daerah", "kode program", "kode sasaran")
            )
            p = program.get((slug, kode))
            if p is None:
                self.galat(
                    lembar.nama, r, 2, f"program {kode} perangkat daerah '{slug}' tidak ada di {self.pemda}."
                )
                continue
            if kode_s not in sasaran:
                self.galat(lembar.nama, r, 3, f"sasaran '{kode_s}' tidak ada di RPJMD ini.")
                continue
            if ada.get(p.pk) != kode_s:
                services.tautkan_program(self.pengguna, p, sasaran[kode_s])
                self.hasil.perubahan.append(
                    f"Program {slug} {kode}: sasaran {ada.get(p.pk) or '-'} → {kode_s}"
                )


def impor_rpjmd(pengguna: Pengguna | None, pemda: Pemda, berkas: str | Path, coba: bool) -> HasilImporRpjmd:
    hasil = HasilImporRpjmd(coba=coba)
    akses.wajib(
        services.boleh_ubah_rpjmd(pengguna, pemda.pk), "Hanya admin pemda yang dapat mengimpor RPJMD."
    )
    try:
        grids: list[LembarBuku] = list(baca_buku(berkas))
    except BacaError as e:
        hasil.galat.append(e.pesan)
        return hasil
    try:
        with transaction.atomic(), lewat("impor"):
            _Impor(pengguna, pemda, hasil).jalankan(grids)
            if hasil.galat or coba:
                raise _Batal
    except _Batal:
        pass
    return hasil
