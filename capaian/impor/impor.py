"""Import of a Form E.81 workbook into one agency's plan and realisations.

The workbook is read by `capaian.impor.baca` (one reader for the checker and the importer). Rows are matched
to the plan by kode rekening (program, kegiatan, sub kegiatan; parsed with `kodering`, so a 2-digit and a
4-digit serial are the same sub kegiatan), and Tujuan/Sasaran and continuation rows by their text. What is
missing is created, targets (columns 5, 6, 7 and the quarterly targets) and quarterly realisations (columns
8-11) are updated. Columns 12-15 are never imported: the engine computes them. Neither is a parent's Rupiah
(columns 5, 7 and the quarters of a program or kegiatan with children): it is the sum of its children's, and a
parent cell that says otherwise is a galat there (`capaian.impor.turunan`).

Every change goes through a service function (`capaian.perencanaan.services`, `capaian.monev.services`), so
each is audited. The whole file is one transaction: any error and nothing is saved. A dry run (`coba`) runs
the same code and rolls back, so what it lists is exactly what a real run would do.
"""

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from capaian.aturan import masukan
from capaian.aturan.angka import format_k, format_rupiah
from capaian.aturan.kinerja import k_dari_rumus
from capaian.aturan.kodering import Kode, KodeError, Tingkat, urai_kode
from capaian.aturan.periksa import GALAT, KOLOM_TW, BarisE81, JenisBaris, LembarE81, Sel
from capaian.aturan.rumus import RumusError, urai
from capaian.audit.catat import lewat
from capaian.hasil import simpan as hasil_tersimpan
from capaian.impor.baca import BacaError, KepalaLembar, baca_e81_kepala
from capaian.impor.buku_kerja import Grid, alamat_sel, baca_buku
from capaian.impor.lembar_catatan import JUDUL_TEKS, KOLOM_TEKS, baca_lembar, cari_lembar
from capaian.impor.turunan import induk_lembar
from capaian.impor.uji_coba import DasarUjiCoba, bentrok, versi_kini
from capaian.impor.uji_coba import kunci as _kunci
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.sumber import muat_data
from capaian.monev import services as monev
from capaian.monev.models import CatatanCakupan, CatatanTriwulan, Realisasi, StatusTriwulan
from capaian.monev.services import TEKS_TRIWULAN
from capaian.monev.teks import CakupanTeks, daftar_cakupan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import services as rencana
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

ROMAWI = ("I", "II", "III", "IV")
ALASAN = "Impor buku kerja E.81"
# K is stored with 6 decimals (perencanaan.models.nilai_k); Rp in a signed 64-bit integer.
_ENAM_DESIMAL = Decimal("0.000001")
_BATAS_K = Decimal(10) ** 18
_BATAS_RP = 2**63 - 1


@dataclass(frozen=True)
class Catatan:
    """One line of the result: where (a cell such as 'E.81'!K17, or None for the whole file) and what."""

    sel: str | None
    pesan: str

    def __str__(self) -> str:
        return f"{self.sel}: {self.pesan}" if self.sel else self.pesan


@dataclass(frozen=True)
class Perubahan:
    jenis: str  # "program", "indikator", "target", "realisasi", "urutan", ...
    pesan: str  # "Ubah target 2024 K 98 -> 97 di 'E.81'!J12"
    sel: str | None = None

    def __str__(self) -> str:
        return self.pesan


@dataclass
class HasilImpor:
    perubahan: list[Perubahan] = field(default_factory=list)
    galat: list[Catatan] = field(default_factory=list)
    peringatan: list[Catatan] = field(default_factory=list)
    disimpan: bool = False  # True only when a real run saved its changes
    coba: bool = False
    lembar: str | None = None
    tahun: int | None = None
    triwulan: int | None = None
    # What this run saw: the version of every row it changes (or would), for the real import to compare.
    dasar: DasarUjiCoba = field(default_factory=DasarUjiCoba)

    @property
    def berhasil(self) -> bool:
        return not self.galat

    def ringkasan(self) -> dict[str, int]:
        return dict(Counter(p.jenis for p in self.perubahan))


class _Batal(Exception):
    """Raised inside the transaction to roll everything back."""


def _norm(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip().casefold()


def _fk(nilai: Decimal | None) -> str:
    return format_k(nilai, kosong="kosong")


def _frp(nilai: int | None) -> str:
    return "kosong" if nilai is None else format_rupiah(nilai)


def _potong(teks: str, lebar: int = 60) -> str:
    return teks if len(teks) <= lebar else teks[: lebar - 1] + "…"


_PREFIKS = re.compile(r"^\s*(tujuan|sasaran)\s*[:.\-]\s*", re.IGNORECASE)


class _Impor:
    def __init__(
        self,
        pengguna: Pengguna | None,
        pd: PerangkatDaerah,
        lembar: LembarE81,
        hasil: HasilImpor,
        kosongkan: bool = False,
        lembar_catatan: Grid | None = None,
    ) -> None:
        self.pengguna = pengguna
        self.lembar_catatan = lembar_catatan
        # A blank cell clears the stored value only when the user asks for it; else it is left alone.
        self.kosongkan = kosongkan
        self.kosong_dibiarkan: list[str] = []
        self.boleh_negatif = False  # the indicator of the row being read (Indikator.boleh_negatif)
        self.pd = pd
        self.lembar = lembar
        self.hasil = hasil
        assert hasil.tahun is not None and hasil.triwulan is not None
        self.tahun: int = hasil.tahun
        self.triwulan: int = hasil.triwulan
        self.program: dict[Kode, Program] = {}
        self.kegiatan: dict[Kode, Kegiatan] = {}
        self.sub: dict[Kode, SubKegiatan] = {}
        for p in Program.objects.filter(perangkat_daerah=pd):
            self._daftar(self.program, p.kode, p)
        for k in Kegiatan.objects.filter(program__perangkat_daerah=pd).select_related("program"):
            self._daftar(self.kegiatan, k.kode, k)
        for s in SubKegiatan.objects.filter(kegiatan__program__perangkat_daerah=pd).select_related(
            "kegiatan__program"
        ):
            self._daftar(self.sub, s.kode, s)
        self.renstra = (
            PeriodeRenstra.objects.filter(
                perangkat_daerah=pd, tahun_awal__lte=self.tahun, tahun_akhir__gte=self.tahun
            )
            .order_by("-tahun_awal")
            .first()
        )
        self.tujuan: list[Tujuan] = list(Tujuan.objects.filter(renstra=self.renstra).order_by("urutan"))
        self.sasaran: list[Sasaran] = list(
            Sasaran.objects.filter(tujuan__renstra=self.renstra).select_related("tujuan").order_by("urutan")
        )
        self.indikator: list[Indikator] = list(
            Indikator.objects.filter(perangkat_daerah=pd)
            .select_related("program", "kegiatan", "subkegiatan", "tujuan", "sasaran")
            .order_by("urutan")
        )
        self.dipakai: set[int] = set()
        self.baru: set[int] = set()
        self.urutan_lembar: list[Indikator] = []
        self.status = {
            s.triwulan: s for s in StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=self.tahun)
        }
        self.tahunan = {
            t.indikator_id: t
            for t in TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=self.tahun)
        }
        self.target_tw = {
            (t.indikator_id, t.triwulan): t
            for t in TargetTriwulan.objects.filter(indikator__perangkat_daerah=pd, tahun=self.tahun)
        }
        self.realisasi = {
            (r.indikator_id, r.triwulan): r
            for r in Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=self.tahun)
        }
        self._data = muat_data(pd, self.tahun, 4)
        # Indicators whose column 6 this year is derived from last year's column 14 (capaian.aturan.kolom6):
        # the workbook's column 6 is shown, never imported (a correction needs a reason, on its own screen).
        self._kolom6_turunan = set(
            TargetTahunan.objects.filter(indikator__perangkat_daerah=pd, tahun=self.tahun - 1).values_list(
                "indikator_id", flat=True
            )
        )
        self._k_rumus = self._hitung_k_rumus()
        # Sheet rows that carry a parent's budget: their Rupiah but column 6 is derived, never written.
        self._induk, temuan_induk = induk_lembar(lembar.baris, self._data.baris, self.triwulan)
        for t in temuan_induk:
            (self.galat if t.galat else self.peringatan)(t.alamat, t.pesan)

    # --- helpers ------------------------------------------------------------------------------------------

    def _daftar(self, peta: dict[Kode, Any], teks: str, obj: Any) -> None:
        # A malformed code in the database cannot be matched by code; that element stays untouched.
        with contextlib.suppress(KodeError):
            peta[urai_kode(teks)] = obj

    def galat(self, sel: str | None, pesan: str) -> None:
        self.hasil.galat.append(Catatan(sel, pesan))

    def peringatan(self, sel: str | None, pesan: str) -> None:
        self.hasil.peringatan.append(Catatan(sel, pesan))

    def ubah(self, jenis: str, pesan: str, sel: str | None = None) -> None:
        self.hasil.perubahan.append(Perubahan(jenis, pesan, sel))

    def _hitung_k_rumus(self) -> dict[tuple[int, int], tuple[bool, Decimal | None]]:
        """Per (indicator, quarter): whether K comes from the Kertas Kerja formula, and its value now."""
        hasil: dict[tuple[int, int], tuple[bool, Decimal | None]] = {}
        if not any(i.rumus.strip() for i in self.indikator):
            return hasil
        laporan = bangun_e81(self._data)
        for ind, baris in zip(self.indikator, laporan.baris, strict=True):
            if not ind.rumus.strip():
                continue
            try:
                rumus = urai(ind.rumus, [v["nama"] for v in ind.variabel])
            except RumusError:
                continue
            for i in range(4):
                dihitung = k_dari_rumus(rumus, dict(baris.rencana.variabel_tw[i]))
                hasil[(ind.pk, i + 1)] = (dihitung, baris.masukan.realisasi_tw[i].k)
        return hasil

    # --- values -------------------------------------------------------------------------------------------

    def _k(self, sel: Sel | None) -> tuple[bool, Decimal | None]:
        """(valid, value) of a K cell; a cell the reader could not read was reported by the reader."""
        if sel is None:
            return False, None
        if sel.nilai is None:
            return sel.teks in (None, "", "-", "–", "—"), None
        if abs(sel.nilai) >= _BATAS_K:
            self.galat(sel.alamat, f"'{_fk(sel.nilai)}' terlalu besar untuk nilai kinerja.")
            return False, None
        try:
            masukan.periksa_tanda(k=sel.nilai, boleh_negatif=self.boleh_negatif)
        except masukan.NilaiTidakSah as e:
            self.galat(sel.alamat, str(e))
            return False, None
        return True, sel.nilai.quantize(_ENAM_DESIMAL).normalize()

    def _rp(self, sel: Sel | None) -> tuple[bool, int | None]:
        if sel is None:
            return False, None
        if sel.nilai is None:
            return sel.teks in (None, "", "-", "–", "—"), None
        tertulis = sel.teks or _fk(sel.nilai)
        if sel.nilai != sel.nilai.to_integral_value():
            self.galat(sel.alamat, f"'{tertulis}' bukan rupiah bulat: anggaran ditulis tanpa sen.")
            return False, None
        try:
            masukan.periksa_tanda(rp=int(sel.nilai), boleh_negatif=self.boleh_negatif)
        except masukan.NilaiTidakSah as e:
            self.galat(sel.alamat, str(e))
            return False, None
        if sel.nilai > _BATAS_RP:
            self.galat(sel.alamat, f"'{tertulis}' terlalu besar untuk nilai rupiah.")
            return False, None
        return True, int(sel.nilai)

    # --- rows -> elements ---------------------------------------------------------------------------------

    def _elemen_kode(self, b: BarisE81, kode: Kode) -> Program | Kegiatan | SubKegiatan | None:
        sel = b.sel_kode
        nama = b.uraian.strip()
        if kode.tingkat is Tingkat.PROGRAM:
            if kode in self.program:
                return self.program[kode]
            if not nama:
                self.galat(sel, f"Program {kode.kanonik} belum ada dan namanya (kolom uraian) kosong.")
                return None
            p = rencana.buat_program(self.pengguna, self.pd, kode.kanonik, nama)
            self.program[kode] = p
            self.ubah("program", f"Buat program {kode.kanonik} {_potong(nama)}", sel)
            return p
        induk = kode.induk()
        assert induk is not None
        if kode.tingkat is Tingkat.KEGIATAN:
            if kode in self.kegiatan:
                return self.kegiatan[kode]
            program = self.program.get(induk)
            if program is None:
                self.galat(
                    sel,
                    f"Kegiatan {kode.kanonik} belum ada dan programnya {induk.kanonik} tidak ada di data "
                    "maupun di baris sebelumnya.",
                )
                return None
            if not nama:
                self.galat(sel, f"Kegiatan {kode.kanonik} belum ada dan namanya (kolom uraian) kosong.")
                return None
            k = rencana.buat_kegiatan(self.pengguna, program, kode.kanonik, nama)
            self.kegiatan[kode] = k
            self.ubah("kegiatan", f"Buat kegiatan {kode.kanonik} {_potong(nama)}", sel)
            return k
        if kode in self.sub:
            return self.sub[kode]
        kegiatan = self.kegiatan.get(induk)
        if kegiatan is None:
            self.galat(
                sel,
                f"Sub kegiatan {kode.kanonik} belum ada dan kegiatannya {induk.kanonik} tidak ada di data "
                "maupun di baris sebelumnya.",
            )
            return None
        if not nama:
            self.galat(sel, f"Sub kegiatan {kode.kanonik} belum ada dan namanya (kolom uraian) kosong.")
            return None
        s = rencana.buat_subkegiatan(self.pengguna, kegiatan, kode.kanonik, nama)
        self.sub[kode] = s
        self.ubah("subkegiatan", f"Buat sub kegiatan {kode.kanonik} {_potong(nama)}", sel)
        return s

    def _elemen_teks(
        self, b: BarisE81, alamat: str, tujuan_terakhir: Tujuan | None
    ) -> Tujuan | Sasaran | None:
        teks = b.uraian.strip()
        m = _PREFIKS.match(teks)
        jenis = m.group(1).lower() if m else None
        if m:
            teks = teks[m.end() :].strip()
        kunci = _norm(teks)
        if jenis != "tujuan":
            for s in self.sasaran:
                if _norm(s.uraian) == kunci:
                    return s
        if jenis != "sasaran":
            for t in self.tujuan:
                if _norm(t.uraian) == kunci:
                    return t
        if self.renstra is None:
            self.galat(
                alamat,
                f"'{_potong(teks)}' belum ada sebagai tujuan/sasaran, dan perangkat daerah ini belum "
                f"punya periode Renstra yang mencakup tahun {self.tahun}; buat dulu periode Renstranya "
                "di aplikasi.",
            )
            return None
        if jenis is None and kunci == self.tujuan_duga:
            jenis = "tujuan"
        induk = tujuan_terakhir or (self.tujuan[0] if self.tujuan else None)
        if induk is None and jenis != "tujuan" and self.tujuan_duga_teks is not None:
            # The reference report lists its Sasaran before its Tujuan: create that Tujuan first.
            induk = rencana.buat_tujuan(self.pengguna, self.renstra, self.tujuan_duga_teks)
            self.tujuan.append(induk)
            self.ubah("tujuan", f"Buat tujuan '{_potong(self.tujuan_duga_teks)}'", alamat)
        if jenis == "tujuan" or induk is None:
            t = rencana.buat_tujuan(self.pengguna, self.renstra, teks)
            self.tujuan.append(t)
            self.ubah("tujuan", f"Buat tujuan '{_potong(teks)}'", alamat)
            return t
        s = rencana.buat_sasaran(self.pengguna, induk, teks)
        self.sasaran.append(s)
        self.ubah(
            "sasaran", f"Buat sasaran '{_potong(teks)}' di bawah tujuan '{_potong(induk.uraian, 40)}'", alamat
        )
        return s

    def _indikator(
        self, b: BarisE81, elemen: Tujuan | Sasaran | Program | Kegiatan | SubKegiatan, alamat: str
    ) -> Indikator | None:
        tingkat = {
            Tujuan: "tujuan",
            Sasaran: "sasaran",
            Program: "program",
            Kegiatan: "kegiatan",
            SubKegiatan: "subkegiatan",
        }[type(elemen)]
        kunci = _norm(b.indikator)
        milik = [
            i for i in self.indikator if i.tingkat == tingkat and getattr(i, f"{tingkat}_id") == elemen.pk
        ]
        for i in milik:
            if _norm(i.uraian) == kunci:
                if i.pk in self.dipakai:
                    self.galat(
                        alamat, f"Indikator '{_potong(b.indikator)}' muncul dua kali untuk elemen yang sama."
                    )
                    return None
                return i
        satuan = b.satuan.strip()
        if len(satuan) > 60:
            self.galat(alamat, "Satuan terlalu panjang (paling banyak 60 karakter).")
            return None
        if not satuan:
            self.peringatan(alamat, f"Indikator baru '{_potong(b.indikator)}' tanpa satuan.")
        baru = rencana.buat_indikator(self.pengguna, elemen, b.indikator.strip(), satuan)
        self.indikator.append(baru)
        self.baru.add(baru.pk)
        self.ubah(
            "indikator", f"Buat indikator '{_potong(b.indikator)}' ({satuan or 'tanpa satuan'})", alamat
        )
        return baru

    # --- the run ------------------------------------------------------------------------------------------

    def _duga_tujuan(self) -> None:
        """Which unprefixed text row is the Tujuan when the agency has none yet.

        The sheet does not say which uncoded rows are Tujuan and which Sasaran. Above the first program the
        form lists the Renstra's goals; with no Tujuan in the database and none marked "Tujuan: ...", the
        last distinct text of that block is taken as the Tujuan (the reference report's order), the others
        as its Sasaran. The dry run lists each as "Buat tujuan"/"Buat sasaran" for the user to confirm.
        """
        self.tujuan_duga: str | None = None
        self.tujuan_duga_teks: str | None = None
        if self.tujuan:
            return
        teks: list[str] = []
        for b in self.lembar.baris:
            if b.jenis is not JenisBaris.DATA:
                continue
            if b.kode:
                break
            uraian = b.uraian.strip()
            m = _PREFIKS.match(uraian)
            if m and m.group(1).lower() == "tujuan":
                return
            if uraian and not m:
                teks.append(uraian)
        dikenal = {_norm(s.uraian) for s in self.sasaran}
        calon = [t for t in teks if _norm(t) not in dikenal]
        if calon:
            self.tujuan_duga_teks = calon[-1]
            self.tujuan_duga = _norm(calon[-1])

    def jalankan(self) -> None:
        self._duga_tujuan()
        elemen_terakhir: Tujuan | Sasaran | Program | Kegiatan | SubKegiatan | None = None
        tujuan_terakhir: Tujuan | None = None
        for b in self.lembar.baris:
            if b.jenis is not JenisBaris.DATA:
                continue
            alamat = f"'{self.lembar.nama}'!A{b.nomor_baris}"
            sel_indikator = f"'{self.lembar.nama}'!D{b.nomor_baris}"
            elemen: Tujuan | Sasaran | Program | Kegiatan | SubKegiatan | None
            if b.kode:
                try:
                    kode = urai_kode(b.kode)
                except KodeError as e:
                    self.galat(b.sel_kode, e.pesan)
                    elemen_terakhir = None
                    continue
                if kode.tingkat in (Tingkat.URUSAN, Tingkat.BIDANG):
                    if b.indikator or any(s.nilai is not None for s in b.sel.values()):
                        self.peringatan(
                            b.sel_kode,
                            f"Baris urusan/bidang {kode.kanonik} tidak diimpor: indikator hanya untuk "
                            "tujuan, sasaran, program, kegiatan dan sub kegiatan.",
                        )
                    continue
                elemen = self._elemen_kode(b, kode)
            elif elemen_terakhir is not None and (
                not b.uraian.strip() or _norm(b.uraian) == _norm(_nama(elemen_terakhir))
            ):
                # A further indicator of the element above (the reference report's row 55b).
                elemen = elemen_terakhir
            elif b.uraian.strip():
                elemen = self._elemen_teks(b, alamat, tujuan_terakhir)
            else:
                if b.indikator:
                    self.galat(alamat, "Baris tanpa kode dan tanpa uraian tidak dapat dikaitkan ke rencana.")
                continue
            elemen_terakhir = elemen
            if isinstance(elemen, Tujuan):
                tujuan_terakhir = elemen
            if elemen is None:
                continue
            if not b.indikator.strip():
                if any(s.nilai is not None for s in b.sel.values()):
                    self.galat(sel_indikator, "Baris berisi angka tetapi kolom indikatornya kosong.")
                continue
            indikator = self._indikator(b, elemen, sel_indikator)
            if indikator is None:
                continue
            self.dipakai.add(indikator.pk)
            self.urutan_lembar.append(indikator)
            self._nilai(b, indikator)
        self._urutkan()
        if self.lembar_catatan is not None:
            self._catatan(self.lembar_catatan)
        if self.kosong_dibiarkan:
            contoh = ", ".join(self.kosong_dibiarkan[:5])
            lagi = f" dan {len(self.kosong_dibiarkan) - 5} lainnya" if len(self.kosong_dibiarkan) > 5 else ""
            self.peringatan(
                None,
                f"{len(self.kosong_dibiarkan)} sel kosong di lembar tidak mengosongkan nilai yang tersimpan "
                f"({contoh}{lagi}): sel kosong dibiarkan. Untuk mengosongkan nilainya, pilih "
                "'Kosongkan nilai yang selnya kosong' (baris perintah: --kosongkan).",
            )

    # --- the "Catatan" sheet: the quarter's texts --------------------------------------------------------

    def _catatan(self, grid: Grid) -> None:
        """Each scope's texts that differ from what is stored, through the services (audited)."""
        baris, salah = baca_lembar(grid)
        for sel, pesan in salah:
            self.galat(sel, pesan)
        tw = self.triwulan
        cakupan = {c.kunci: c for c in daftar_cakupan(self.pd, self.tahun, tw)}
        agensi = CatatanTriwulan.objects.filter(
            perangkat_daerah=self.pd, tahun=self.tahun, triwulan=tw
        ).first()
        dilihat: set[str] = set()
        for b in baris:
            sel_kode = alamat_sel(grid.nama, b.nomor_baris, 2)
            c: CakupanTeks | None = None
            tersimpan: CatatanTriwulan | CatatanCakupan | None = agensi
            label = "perangkat daerah"
            k = _kunci("catatan", pd=self.pd.pk, tahun=self.tahun, triwulan=tw)
            if b.jenis != "pd":
                # A bidang retyped as a number reads 3.3 for 3.30.
                kode = f"{b.kode}0" if b.jenis == "bidang" and re.fullmatch(r"\d+\.\d", b.kode) else b.kode
                c = cakupan.get(f"{b.jenis}:{kode}")
                if c is None:
                    nama = "Bidang" if b.jenis == "bidang" else "Program"
                    self.galat(sel_kode, f"{nama} {kode or '(kosong)'} tidak ada pada perangkat daerah ini.")
                    continue
                tersimpan, label = c.tersimpan, f"{b.jenis} {c.kode}"
                bagian: dict[str, int | str] = (
                    {"program": c.program.pk} if c.program is not None else {"bidang": c.kode}
                )
                k = _kunci("catatan_cakupan", pd=self.pd.pk, tahun=self.tahun, triwulan=tw, **bagian)
            if k in dilihat:
                self.galat(sel_kode, f"Catatan {label} sudah ada di baris lain lembar ini.")
                continue
            dilihat.add(k)
            ubah: dict[str, str] = {}
            pertama: str | None = None
            for i, nama in enumerate(TEKS_TRIWULAN):
                lama = getattr(tersimpan, nama) if tersimpan is not None else ""
                if nama in b.teks:
                    sel, isi = b.teks[nama]
                else:
                    sel, isi = alamat_sel(grid.nama, b.nomor_baris, KOLOM_TEKS + i), ""
                    if not lama or self._dibiarkan(None, sel):
                        continue
                if lama.strip() == isi.strip():
                    continue
                ubah[nama] = isi
                pertama = pertama or sel
                self.hasil.dasar.catat(k, sel, versi_kini(tersimpan))
                jenis_teks = JUDUL_TEKS[nama].lower()
                self.ubah(
                    "catatan",
                    f"Ubah {jenis_teks} {label} '{_potong(lama, 30)}' -> '{_potong(isi, 30)}' di {sel}",
                    sel,
                )
            if not ubah:
                continue
            try:
                if c is None:
                    monev.simpan_catatan(self.pengguna, self.pd, self.tahun, tw, **ubah)
                else:
                    monev.simpan_catatan_cakupan(
                        self.pengguna,
                        self.pd,
                        self.tahun,
                        tw,
                        teks=ubah,
                        bidang=c.kode if c.program is None else None,
                        program=c.program,
                    )
            except (monev.TriwulanTertutup, monev.TeksTidakSah, akses.AksesDitolak) as e:
                self.galat(pertama, str(e))

    def _baca(self, b: BarisE81, kunci: str) -> tuple[bool, Any]:
        sel = b.sel.get(kunci)
        return self._rp(sel) if kunci.endswith("Rp") else self._k(sel)

    def _beda(
        self,
        b: BarisE81,
        kunci: str,
        lama: Any,
        label: str,
        perubahan: dict[str, Any],
        kolom: str,
        versi: tuple[str, Any, Indikator],
    ) -> None:
        """Record `kolom` as changing when the cell `kunci` is valid and differs from `lama`; `versi` is the
        row's key, the row (None when it does not exist yet) and its indicator, for the dry run's record."""
        sah, nilai = self._baca(b, kunci)
        if not sah or lama == nilai or self._rp_turunan(b, kunci):
            return
        alamat = b.sel[kunci].alamat
        if self._dibiarkan(nilai, alamat):
            return
        fmt = _frp if kunci.endswith("Rp") else _fk
        self.ubah("target", f"Ubah {label} {fmt(lama)} -> {fmt(nilai)} di {alamat}", alamat)
        self._rekam(*versi, alamat)
        perubahan[kolom] = nilai

    def _dibiarkan(self, nilai: Any, alamat: str) -> bool:
        """A blank cell over a stored value: left alone unless the user asked to clear (kosongkan)."""
        if nilai is not None or self.kosongkan:
            return False
        self.kosong_dibiarkan.append(alamat)
        return True

    def _rekam(self, k: str, obj: Any, ind: Indikator, alamat: str) -> None:
        # The rows of an indicator this run creates exist for nobody else: there is nothing to compare.
        if ind.pk not in self.baru:
            self.hasil.dasar.catat(k, alamat, versi_kini(obj))

    def _rp_turunan(self, b: BarisE81, kunci: str) -> bool:
        """A parent's Rupiah cell (but column 6): the sum of its children's, never written."""
        return b.nomor_baris in self._induk and kunci.endswith("Rp") and kunci != "6Rp"

    def _nilai(self, b: BarisE81, ind: Indikator) -> None:
        tahun = self.tahun
        satuan = b.satuan.strip()
        sel_satuan = f"'{self.lembar.nama}'!E{b.nomor_baris}"
        if satuan and satuan != ind.satuan:
            if len(satuan) > 60:
                self.galat(sel_satuan, "Satuan terlalu panjang (paling banyak 60 karakter).")
            else:
                self.ubah("satuan", f"Ubah satuan '{ind.satuan}' -> '{satuan}' di {sel_satuan}", sel_satuan)
                rencana.ubah_indikator(self.pengguna, ind, alasan=ALASAN, satuan=satuan)
        # Column 5: the Renstra target, on the indicator.
        self.boleh_negatif = ind.boleh_negatif
        ubah: dict[str, Any] = {}
        v_ind = (_kunci("indikator", indikator=ind.pk), ind, ind)
        self._beda(b, "5K", ind.target_renstra_k, "target Renstra K", ubah, "target_renstra_k", v_ind)
        self._beda(b, "5Rp", ind.target_renstra_rp, "target Renstra Rp", ubah, "target_renstra_rp", v_ind)
        if ubah:
            rencana.ubah_indikator(self.pengguna, ind, alasan=ALASAN, **ubah)
        # Columns 6 and 7: the year's row.
        t = self.tahunan.get(ind.pk)
        ubah = {}
        for kunci, kolom, label in (
            ("6K", "realisasi_lalu_k", f"realisasi Renstra s.d. {tahun - 1} K"),
            ("6Rp", "realisasi_lalu_rp", f"realisasi Renstra s.d. {tahun - 1} Rp"),
            ("7K", "target_k", f"target {tahun} K"),
            ("7Rp", "target_rp", f"target {tahun} Rp"),
        ):
            if kunci.startswith("6") and ind.pk in self._kolom6_turunan:
                continue
            lama = getattr(t, kolom) if t is not None else None
            v_tahun = (_kunci("tahunan", indikator=ind.pk, tahun=tahun), t, ind)
            self._beda(b, kunci, lama, label, ubah, kolom, v_tahun)
        if ubah:
            self.tahunan[ind.pk] = rencana.simpan_target_tahunan(
                self.pengguna, ind, tahun, alasan=ALASAN, **ubah
            )
        # Quarters: targets and realisations.
        for i, kol in enumerate(KOLOM_TW):
            tw = i + 1
            if tw > self.triwulan:
                for k in (f"T{kol}K", f"T{kol}Rp", f"{kol}K", f"{kol}Rp"):
                    if k in b.sel and b.sel[k].nilai is not None:
                        self.peringatan(
                            b.sel[k].alamat,
                            f"Sel Triwulan {ROMAWI[i]} tidak diimpor: impor ini untuk Triwulan "
                            f"{ROMAWI[self.triwulan - 1]} {tahun}.",
                        )
                continue
            tt = self.target_tw.get((ind.pk, tw))
            ubah = {}
            v_tw = (_kunci("triwulan", indikator=ind.pk, tahun=tahun, triwulan=tw), tt, ind)
            for kunci, kolom in ((f"T{kol}K", "k"), (f"T{kol}Rp", "rp")):
                label = f"target TW {ROMAWI[i]} {tahun} {'K' if kolom == 'k' else 'Rp'}"
                lama = getattr(tt, kolom) if tt is not None else None
                self._beda(b, kunci, lama, label, ubah, kolom, v_tw)
            if ubah:
                self.target_tw[(ind.pk, tw)] = rencana.simpan_target_triwulan(
                    self.pengguna, ind, tahun, tw, alasan=ALASAN, **ubah
                )
            self._realisasi(b, ind, tw, kol)

    def _realisasi(self, b: BarisE81, ind: Indikator, tw: int, kol: str) -> None:
        r = self.realisasi.get((ind.pk, tw))
        ubah: dict[str, Any] = {}
        sah_k, k = self._k(b.sel.get(f"{kol}K"))
        dihitung, k_rumus = self._k_rumus.get((ind.pk, tw), (False, None))
        if sah_k and dihitung:
            # The formula decides this K; the cell only shows it. A blank cell or the shown value is fine.
            sama = k is None or (k_rumus is not None and abs(k - k_rumus) < Decimal("0.005"))
            if not sama:
                self.galat(
                    b.sel[f"{kol}K"].alamat,
                    f"K indikator ini dihitung dari rumus Kertas Kerja ({ind.rumus}); ubah variabelnya di "
                    f"aplikasi, bukan sel ini (tertulis {_fk(k)}, hasil rumus {_fk(k_rumus)}).",
                )
            sah_k = False
        v_r = (_kunci("realisasi", indikator=ind.pk, tahun=self.tahun, triwulan=tw), r, ind)
        if sah_k and (r.k if r else None) != k and not self._dibiarkan(k, b.sel[f"{kol}K"].alamat):
            ubah["k"] = k
            self._rekam(*v_r, b.sel[f"{kol}K"].alamat)
            self.ubah(
                "realisasi",
                f"Ubah realisasi TW {ROMAWI[tw - 1]} {self.tahun} K {_fk(r.k if r else None)} -> {_fk(k)} "
                f"di {b.sel[f'{kol}K'].alamat}",
                b.sel[f"{kol}K"].alamat,
            )
        sah_rp, rp = self._rp(b.sel.get(f"{kol}Rp"))
        if (
            sah_rp
            and not self._rp_turunan(b, f"{kol}Rp")
            and (r.rp if r else None) != rp
            and not self._dibiarkan(rp, b.sel[f"{kol}Rp"].alamat)
        ):
            ubah["rp"] = rp
            self._rekam(*v_r, b.sel[f"{kol}Rp"].alamat)
            self.ubah(
                "realisasi",
                f"Ubah realisasi TW {ROMAWI[tw - 1]} {self.tahun} Rp {_frp(r.rp if r else None)} -> "
                f"{_frp(rp)} di {b.sel[f'{kol}Rp'].alamat}",
                b.sel[f"{kol}Rp"].alamat,
            )
        if not ubah:
            return
        if r is not None and r.belum_ada_data:
            k_jadi, rp_jadi = ubah.get("k", r.k), ubah.get("rp", r.rp)
            if k_jadi is not None and rp_jadi is not None:
                # The sheet now gives both values: the operator's "belum ada data" no longer holds.
                ubah["belum_ada_data"] = ""
                sel = b.sel[f"{kol}{'K' if 'k' in ubah else 'Rp'}"].alamat
                self.ubah(
                    "realisasi",
                    f"Hapus tanda belum ada data TW {ROMAWI[tw - 1]} {self.tahun} "
                    f"('{_potong(r.belum_ada_data)}'): K dan Rp terisi dari {sel}",
                    sel,
                )
        status = self.status.get(tw)
        if status is not None and not status.boleh_diubah:
            self.galat(
                b.sel[f"{kol}{'K' if 'k' in ubah else 'Rp'}"].alamat,
                f"Triwulan {ROMAWI[tw - 1]} {self.tahun} berstatus {status.get_status_display()}; "
                "realisasinya tidak dapat diubah lewat impor.",
            )
            return
        try:
            self.realisasi[(ind.pk, tw)] = monev.simpan_realisasi(
                self.pengguna, ind, self.tahun, tw, alasan=ALASAN, **ubah
            )
        except (monev.TriwulanTertutup, monev.TandaTidakSah, akses.AksesDitolak) as e:
            self.galat(b.sel[f"{kol}{'K' if 'k' in ubah else 'Rp'}"].alamat, str(e))

    def _urutkan(self) -> None:
        """Indicators in sheet order; those not in the sheet keep their place after their predecessor."""
        di_lembar = {i.pk for i in self.urutan_lembar}
        sisa: dict[int | None, list[Indikator]] = {}
        sebelum: int | None = None
        for i in sorted(self.indikator, key=lambda i: i.urutan):
            if i.pk in di_lembar:
                sebelum = i.pk
                continue
            sisa.setdefault(sebelum, []).append(i)
            self.peringatan(
                None,
                f"Indikator '{_potong(i.uraian)}' ({i.kode or i.tingkat}) tidak ada di lembar; "
                "nilainya tidak diubah.",
            )
        akhir = list(sisa.get(None, []))
        for i in self.urutan_lembar:
            akhir.append(i)
            akhir.extend(sisa.get(i.pk, []))
        lama = {i.pk: i.urutan for i in akhir}
        if all(lama[i.pk] == ke for ke, i in enumerate(akhir, start=1)):
            return
        rencana.urutkan_indikator(self.pengguna, self.pd, akhir, alasan=ALASAN)
        # A new indicator's place is part of its creation; only existing ones that move are listed.
        pindah = [i for ke, i in enumerate(akhir, start=1) if lama[i.pk] != ke and i.pk not in self.baru]
        if pindah:
            self.ubah("urutan", f"Ubah urutan {len(pindah)} indikator mengikuti urutan baris di lembar")


def _nama(elemen: Tujuan | Sasaran | Program | Kegiatan | SubKegiatan) -> str:
    return elemen.nama if isinstance(elemen, Program | Kegiatan | SubKegiatan) else elemen.uraian


def _periode(
    kepala: KepalaLembar, lembar: LembarE81, tahun: int | None, triwulan: int | None, hasil: HasilImpor
) -> None:
    if kepala.tahun is not None and tahun is not None and kepala.tahun != tahun:
        hasil.galat.append(
            Catatan(None, f"Judul lembar menyebut tahun {kepala.tahun}, tetapi yang diminta tahun {tahun}.")
        )
    if kepala.triwulan is not None and triwulan is not None and kepala.triwulan != triwulan:
        hasil.galat.append(
            Catatan(
                None,
                f"Judul lembar menyebut Triwulan {ROMAWI[kepala.triwulan - 1]}, tetapi yang diminta "
                f"Triwulan {ROMAWI[triwulan - 1]}.",
            )
        )
    hasil.tahun = tahun or kepala.tahun
    hasil.triwulan = triwulan or kepala.triwulan
    if hasil.tahun is None:
        hasil.galat.append(
            Catatan(
                None, "Tahun tidak tertulis di judul lembar (mis. 'Tahun 2024'); sebutkan tahunnya (--tahun)."
            )
        )
    if hasil.triwulan is None:
        hasil.galat.append(
            Catatan(
                None,
                "Triwulan tidak tertulis di judul lembar (mis. 'Triwulan II'); "
                "sebutkan triwulannya (--triwulan).",
            )
        )
    elif not 1 <= hasil.triwulan <= 4:
        hasil.galat.append(Catatan(None, "Triwulan harus 1 sampai 4."))
    elif lembar.triwulan and hasil.triwulan > lembar.triwulan:
        hasil.peringatan.append(
            Catatan(
                None,
                f"Lembar hanya memuat kolom sampai Triwulan {ROMAWI[lembar.triwulan - 1]}; "
                "triwulan sesudahnya tidak diubah.",
            )
        )


def boleh_impor(pengguna: Pengguna | None, pd: PerangkatDaerah) -> bool:
    """The agency's operator or an admin of its pemda; None is the command line (the system)."""
    return akses.boleh_ubah_rencana(pengguna, pd)


def impor_berkas(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    berkas_path: str | Path,
    coba: bool,
    *,
    tahun: int | None = None,
    triwulan: int | None = None,
    kosongkan: bool = False,
    dasar: DasarUjiCoba | None = None,
) -> HasilImpor:
    """Import the Form E.81 workbook at `berkas_path` into `pd`. All or nothing.

    Raises akses.AksesDitolak when the user may not import for this agency; every other problem is a
    `galat` of the result (and then nothing is saved). With `coba`, nothing is saved either way.
    Realisations go through monev.services.simpan_realisasi, which only lets the agency's own operator
    enter them: an admin can import the plan and targets, not the quarter's values.

    A blank cell leaves the stored value alone unless `kosongkan`. The result's `dasar` records what the run
    saw (capaian.impor.uji_coba); a real run given the dry run's `dasar` refuses, naming the cells, when any
    row it would change changed since, or when its changes are not the ones the dry run showed.
    """
    akses.wajib(boleh_impor(pengguna, pd), "Anda tidak berhak mengimpor data perangkat daerah ini.")
    hasil = HasilImpor(coba=coba)
    hasil.dasar.waktu = timezone.now().isoformat()
    hasil.dasar.kosongkan = kosongkan
    try:
        lembar, kepala = baca_e81_kepala(berkas_path)
    except BacaError as e:
        hasil.galat.append(Catatan(None, e.pesan))
        return hasil
    hasil.lembar = lembar.nama
    _periode(kepala, lembar, tahun, triwulan, hasil)
    # Problems the reader found in cells that are imported block the import; in the derived columns 12-15
    # (never imported) they are only warnings.
    turunan = {s.alamat for b in lembar.baris for k, s in b.sel.items() if k[:2] in ("12", "13", "14", "15")}
    for t in lembar.temuan:
        pesan = _pesan_temuan(t.jenis, t.pesan, t.tertulis, t.kolom)
        if t.tingkat == GALAT and t.sel not in turunan:
            hasil.galat.append(Catatan(t.sel, pesan))
        else:
            hasil.peringatan.append(Catatan(t.sel, pesan + " (kolom hitungan, tidak diimpor)"))
    if hasil.tahun is None or hasil.triwulan is None or not 1 <= hasil.triwulan <= 4:
        return hasil
    # Even with errors already found, the rest of the sheet is matched (and rolled back), so that one run
    # reports every problem and, for a dry run, every change.
    try:
        # Every row's results are computed once, when the whole import is written (capaian.hasil.simpan).
        with transaction.atomic(), lewat("impor"), hasil_tersimpan.sekaligus():
            if dasar is not None and not _sesuai_dasar(dasar, hasil, kosongkan):
                raise _Batal
            try:
                _Impor(pengguna, pd, lembar, hasil, kosongkan, cari_lembar(baca_buku(berkas_path))).jalankan()
            except monev.TriwulanTertutup as e:
                # A change of plan or targets that reaches a verified or locked quarter (capaian.monev.beku).
                hasil.galat.append(Catatan(None, str(e)))
            hasil.dasar.perubahan = [p.pesan for p in hasil.perubahan]
            if dasar is not None and not hasil.galat and hasil.dasar.perubahan != dasar.perubahan:
                hasil.galat.append(
                    Catatan(
                        None,
                        "Perubahan yang akan disimpan tidak sama dengan hasil uji coba: data berubah "
                        "sesudah uji coba. Tidak ada yang disimpan; ulangi uji coba lalu impor lagi.",
                    )
                )
            if hasil.galat or coba:
                raise _Batal
    except _Batal:
        pass
    hasil.disimpan = not hasil.galat and not coba
    return hasil


def _sesuai_dasar(dasar: DasarUjiCoba, hasil: HasilImpor, kosongkan: bool) -> bool:
    """Before the real run changes anything: its options are the dry run's, and no row the dry run would
    change changed since (the rows stay locked until the import ends). Else galat, naming the cells."""
    if dasar.kosongkan != kosongkan:
        hasil.galat.append(
            Catatan(
                None,
                "Uji coba dijalankan "
                + ("dengan" if dasar.kosongkan else "tanpa")
                + " pilihan mengosongkan nilai; jalankan impor dengan pilihan yang sama, atau ulangi "
                "uji coba.",
            )
        )
        return False
    berubah = bentrok(dasar)
    for sel, pesan in berubah:
        hasil.galat.append(Catatan(sel, pesan))
    if berubah:
        hasil.galat.append(
            Catatan(
                None,
                f"Impor dibatalkan: {len(berubah)} sel telah diubah sesudah uji coba; tidak ada yang "
                "disimpan. Ulangi uji coba untuk melihat nilai terkini.",
            )
        )
        return False
    return True


def _pesan_temuan(jenis: str, pesan: str, tertulis: str | None, kolom: str | None) -> str:
    if jenis == "bukan-angka" and tertulis is not None:
        return f"'{tertulis}' bukan angka" + (f" (kolom {kolom})." if kolom else ".")
    return pesan
