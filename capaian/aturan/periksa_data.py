"""Checks over an agency's own plan and realisation data for a year and quarter, before it is submitted.

Where `capaian.aturan.periksa` checks a hand-typed Form E.81 sheet (whose derived columns may be wrong), this
module checks the inputs the engine computes from: targets, budgets, quarterly targets, realisations and
Kertas Kerja formulas. It is pure (no Django): it reads any rows shaped like
`capaian.laporan.data.BarisRencana` (the `BarisData` protocol below) and returns the same `Temuan` as the
sheet checker. There is no sheet cell, so `sel` describes the place ("baris 35 (3.30.03.2.01.0001), target
TW II Rp") and `kolom` names the Form E.81 column ("7 Rp", "target TW II K", "12 Rp").

Checks and their `jenis`:

galat
    rp-melebihi-pagu       realisation Rp to date (col 12) above the year's budget (col 7)
    tw-melebihi-target     a quarterly K target above the year's target for a jumlah-aggregated indicator
                           (not summed: quarterly K targets are written per quarter or cumulatively), a
                           quarterly Rp target above the budget, or the sum of quarterly Rp targets above it
    induk-anak-pagu        a program's or kegiatan's budget (col 7 Rp, col 5 Rp) not the sum of its children's
                           (rows read from the database have them derived, capaian.aturan.induk; this guards
                           rows given any other way)
    rumus-tidak-sah        a formula that does not parse, or uses a variable it does not declare
    rumus-referensi        a formula that refers to an indicator that does not exist
    rumus-melingkar        formulas that refer to each other in a circle
    k-sebesar-rupiah       a Rupiah-sized whole number (>= 1.000.000) in a K column whose unit is not Rupiah
    nilai-negatif          a negative Rp, or a negative K (except the realisation of a rate of change)
peringatan
    realisasi-kosong       a quarter up to this one has a target but no realisation (K or Rp)
    rp-melebihi-pagu       the Renstra's realisation Rp to date (col 14) above its budget (col 5)
    kode-format-lama       a sub kegiatan code in the 2021 lists' 2-digit form
    capaian-tinggi         capaian K (col 13) above 300 %: possibly a typing error
    polaritas-terbalik     the indicator text reads lower-is-better, but it is set up as higher-is-better
    induk-anak-lalu        a parent's col 6 Rp (Renstra realisation up to last year: an input, even for a
                           parent) not the sum of its children's: right when the nomenclature changed
"""

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from capaian.aturan.angka import bulatkan, satuan_rupiah
from capaian.aturan.angka import format_angka as _fk
from capaian.aturan.angka import format_persen as _fp
from capaian.aturan.capaian import (
    Agregasi,
    KRp,
    MasukanBaris,
    Polaritas,
    Sifat,
    akumulasikan_rp,
    hitung_baris,
    jumlahkan_rp,
    masukan_tercetak,
)
from capaian.aturan.induk import anak_per_induk
from capaian.aturan.kinerja import DataTriwulan, RumusMelingkar, nilai_k_triwulan
from capaian.aturan.kodering import coba_urai_kode
from capaian.aturan.penomoran import nomori
from capaian.aturan.periksa import (
    GALAT,
    NAMA_TW,
    PERINGATAN,
    Temuan,
    Tingkatan,
    nama_kolom,
)
from capaian.aturan.periksa import format_rupiah_sel as _frp
from capaian.aturan.periksa import tampak_negatif as _polaritas_negatif
from capaian.aturan.periksa.bersama import kode_format_lama, pagu_terlampaui
from capaian.aturan.predikat import BAWAAN, SetPredikat
from capaian.aturan.rumus import Rumus, RumusError, urai

BATAS_CAPAIAN = Decimal(300)  # above this a capaian is more likely a typing error than an achievement
BATAS_RUPIAH_DI_K = Decimal(1_000_000)
# A budget percentage (col 13 or 15 Rp) above this is more likely a wrong or partial budget column (col 7 or
# col 5 Rp) than spending; the documents print it, with a flag.
BATAS_PERSEN_RP = Decimal(1000)


def persen_rp_janggal(persen: Decimal | None) -> bool:
    """Whether a budget percentage is above BATAS_PERSEN_RP (as printed, 2 places)."""
    return persen is not None and bulatkan(persen, 2) > BATAS_PERSEN_RP


# Words that mark a rate of change, whose realisation may rightly be negative (omset fell).
KATA_PERUBAHAN = ("peningkatan", "pertumbuhan", "kenaikan", "perubahan", "laju", "penurunan", "selisih")


class BarisData(Protocol):
    """The fields of one indicator row that the checks read (capaian.laporan.data.BarisRencana has them)."""

    @property
    def kunci(self) -> str: ...
    @property
    def kode(self) -> str | None: ...
    @property
    def tingkat(self) -> str: ...
    @property
    def uraian(self) -> str: ...
    @property
    def indikator(self) -> str: ...
    @property
    def satuan(self) -> str: ...
    @property
    def sifat(self) -> Sifat: ...
    @property
    def rumus(self) -> str: ...
    @property
    def variabel(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def lanjutan(self) -> bool: ...
    @property
    def renstra(self) -> KRp: ...
    @property
    def realisasi_lalu(self) -> KRp: ...
    @property
    def target(self) -> KRp: ...
    @property
    def target_tw(self) -> tuple[KRp, KRp, KRp, KRp]: ...
    @property
    def realisasi_tw(self) -> tuple[KRp, KRp, KRp, KRp]: ...
    @property
    def variabel_tw(self) -> tuple[Mapping[str, Decimal | None], ...]: ...
    @property
    def belum_ada_data(self) -> tuple[str, str, str, str]: ...


@dataclass(frozen=True)
class Terhitung:
    """What Form E.81 has computed already for these rows (capaian.laporan.pemeriksaan.terhitung), so that
    the checks neither compute it again nor compute it another way: each quarter's K by row key, formulas
    resolved, and each row's col 12 K and col 13 K as printed."""

    k_tw: Sequence[Mapping[str, Decimal | None]]
    realisasi_k: Sequence[Decimal | None]
    capaian_k: Sequence[Decimal | None]


@dataclass(frozen=True)
class _Tempat:
    indeks: int  # 0-based position in the rows
    no: int | None  # the Form E.81 row number
    baris: BarisData

    @property
    def label(self) -> str:
        nama = self.baris.kode or self.baris.kunci
        return f"baris {self.indeks + 1} ({nama})"


def _uraian_kolom(kunci: str) -> str:
    """ "7Rp" -> "Target tahun ini Rp", "T9K" -> "Target TW II K", "9K" -> "Realisasi TW II K"."""
    kr = "Rp" if kunci.endswith("Rp") else "K"
    inti = kunci[: -len(kr)]
    nama = {
        "5": "Target Renstra",
        "6": "Realisasi Renstra s.d. tahun lalu",
        "7": "Target tahun ini",
        "12": "Realisasi s.d. triwulan ini",
        "13": "Capaian",
        "14": "Realisasi Renstra s.d. triwulan ini",
    }
    if inti.startswith("T") and inti[1:] in ("8", "9", "10", "11"):
        return f"Target {NAMA_TW[int(inti[1:]) - 8]} {kr}"
    if inti in ("8", "9", "10", "11"):
        return f"Realisasi {NAMA_TW[int(inti) - 8]} {kr}"
    return f"{nama.get(inti, 'Kolom ' + inti)} {kr}"


def _perubahan(indikator: str) -> bool:
    teks = indikator.lower()
    return any(kata in teks for kata in KATA_PERUBAHAN)


def _pagu(b: BarisData, kolom: str) -> int | None:
    return b.renstra.rp if kolom == "5Rp" else b.target.rp


class _Pemeriksa:
    def __init__(
        self,
        baris: Sequence[BarisData],
        triwulan: int,
        set_predikat: SetPredikat,
        terhitung: Terhitung | None = None,
    ) -> None:
        if triwulan not in (1, 2, 3, 4):
            raise ValueError(f"Triwulan harus 1 sampai 4, bukan {triwulan}.")
        self.triwulan = triwulan
        self.terhitung = terhitung
        self.set_predikat = set_predikat
        self.tempat = [
            _Tempat(i, no, b)
            for i, (no, b) in enumerate(
                zip(nomori((b.tingkat, b.lanjutan) for b in baris), baris, strict=True)
            )
        ]
        self.temuan: list[Temuan] = []
        self.rumus: dict[str, Rumus | None] = {}
        self.rumus_rusak: set[str] = set()
        # Parents' rows -> their children's (capaian.aturan.induk): their Rp is derived, not entered.
        self.anak = anak_per_induk(baris)

    def catat(
        self,
        t: _Tempat,
        kunci: str | None,
        jenis: str,
        tingkat: Tingkatan,
        pesan: str,
        tertulis: str | None = None,
        seharusnya: str | None = None,
    ) -> None:
        sel = t.label + (f", {_uraian_kolom(kunci)}" if kunci is not None else "")
        self.temuan.append(
            Temuan(
                no=t.no,
                kode=t.baris.kode,
                kolom=nama_kolom(kunci) if kunci is not None else None,
                sel=sel,
                jenis=jenis,
                tingkat=tingkat,
                pesan=pesan,
                tertulis=tertulis,
                seharusnya=seharusnya,
                indeks=t.indeks,
            )
        )

    # --- formulas ----------------------------------------------------------------------------------

    def periksa_rumus(self) -> None:
        kunci_ada = {t.baris.kunci for t in self.tempat}
        for t in self.tempat:
            b = t.baris
            if not b.rumus.strip():
                self.rumus[b.kunci] = None
                continue
            try:
                r = urai(b.rumus, [nama for nama, _ in b.variabel])
            except RumusError as e:
                self.rumus_rusak.add(b.kunci)
                self.rumus[b.kunci] = None
                self.catat(
                    t,
                    None,
                    "rumus-tidak-sah",
                    GALAT,
                    f"Rumus Kertas Kerja '{b.rumus}' tidak dapat dibaca: {e}",
                    b.rumus,
                )
                continue
            self.rumus[b.kunci] = r
            asing = sorted(r.referensi() - kunci_ada)
            if asing:
                self.catat(
                    t,
                    None,
                    "rumus-referensi",
                    GALAT,
                    f"Rumus '{b.rumus}' merujuk indikator yang tidak ada: "
                    + ", ".join(f"[{k}]" for k in asing)
                    + ".",
                    b.rumus,
                )

    def k_per_triwulan(self) -> list[dict[str, Decimal | None]] | None:
        """The quarters' K (formulas resolved) as the engine computes them; None when formulas loop."""
        if self.terhitung is not None:
            return [dict(k) for k in self.terhitung.k_tw]
        hasil: list[dict[str, Decimal | None]] = []
        for indeks in range(self.triwulan):
            masukan = {
                t.baris.kunci: DataTriwulan(
                    langsung=t.baris.realisasi_tw[indeks].k,
                    variabel=t.baris.variabel_tw[indeks] if indeks < len(t.baris.variabel_tw) else {},
                )
                for t in self.tempat
            }
            try:
                hasil.append(nilai_k_triwulan(self.rumus, masukan))
            except RumusMelingkar as e:
                awal = next((t for t in self.tempat if t.baris.kunci == e.jalur[0]), self.tempat[0])
                self.catat(awal, None, "rumus-melingkar", GALAT, str(e), awal.baris.rumus)
                return None
        return hasil

    # --- per row -------------------------------------------------------------------------------------

    def periksa_nilai(self, t: _Tempat) -> None:
        b = t.baris
        nilai: list[tuple[str, KRp]] = [("5", b.renstra), ("6", b.realisasi_lalu), ("7", b.target)]
        nilai += [(f"T{8 + i}", b.target_tw[i]) for i in range(4)]
        nilai += [(str(8 + i), b.realisasi_tw[i]) for i in range(self.triwulan)]
        rupiah = satuan_rupiah(b.satuan)
        for kolom, krp in nilai:
            if krp.rp is not None and krp.rp < 0:
                self.catat(
                    t,
                    f"{kolom}Rp",
                    "nilai-negatif",
                    GALAT,
                    f"{_uraian_kolom(kolom + 'Rp')} bernilai negatif: anggaran tidak mungkin negatif.",
                    _frp(Decimal(krp.rp)),
                    "0 atau lebih",
                )
            k = krp.k
            if k is None:
                continue
            realisasi = not kolom.startswith(("5", "7", "T"))
            if k < 0 and not (realisasi and _perubahan(b.indikator)):
                self.catat(
                    t,
                    f"{kolom}K",
                    "nilai-negatif",
                    GALAT,
                    f"{_uraian_kolom(kolom + 'K')} bernilai negatif, padahal indikator '{b.indikator}' "
                    "bukan laju perubahan.",
                    _fk(k),
                    "0 atau lebih",
                )
            if not rupiah and abs(k) >= BATAS_RUPIAH_DI_K and k == k.to_integral_value():
                self.catat(
                    t,
                    f"{kolom}K",
                    "k-sebesar-rupiah",
                    GALAT,
                    f"{_uraian_kolom(kolom + 'K')} berisi bilangan sebesar rupiah ({_frp(k)}), padahal "
                    f"satuannya '{b.satuan}': nilai ini tampaknya milik kolom Rp.",
                    _fk(k),
                )

    def periksa_pagu(self, t: _Tempat) -> None:
        """The budget rules a sheet is checked by too (capaian.aturan.periksa.bersama), on the columns the
        engine derives: col 12 Rp the quarters' sum, col 14 Rp col 6 plus col 12."""
        b = t.baris
        rp12 = jumlahkan_rp([tw.rp for tw in b.realisasi_tw[: self.triwulan]])
        kolom = {
            "12Rp": rp12,
            "7Rp": b.target.rp,
            "14Rp": akumulasikan_rp(b.realisasi_lalu.rp, rp12),
            "5Rp": b.renstra.rp,
        }

        def nilai(kunci: str) -> Decimal | None:
            n = kolom[kunci]
            return None if n is None else Decimal(n)

        for p in pagu_terlampaui(nilai):
            self.catat(t, p.kunci, p.jenis, p.tingkat, p.pesan, p.tertulis, p.seharusnya)

    def periksa_kode(self, t: _Tempat) -> None:
        kode = coba_urai_kode(t.baris.kode)
        if kode is not None and (p := kode_format_lama(kode)) is not None:
            self.catat(t, p.kunci, p.jenis, p.tingkat, p.pesan, p.tertulis, p.seharusnya)

    def periksa_target_tw(self, t: _Tempat) -> None:
        b = t.baris
        pagu = b.target.rp
        if pagu is not None:
            for i, tw in enumerate(b.target_tw):
                if tw.rp is not None and tw.rp > pagu:
                    self.catat(
                        t,
                        f"T{8 + i}Rp",
                        "tw-melebihi-target",
                        GALAT,
                        f"Target anggaran {NAMA_TW[i]} {_frp(Decimal(tw.rp))} melebihi pagu tahunan "
                        f"{_frp(Decimal(pagu))}.",
                        _frp(Decimal(tw.rp)),
                        f"paling banyak {_frp(Decimal(pagu))}",
                    )
            ada = [tw.rp for tw in b.target_tw if tw.rp is not None]
            if len(ada) > 1 and sum(ada) > pagu:
                self.catat(
                    t,
                    "T8Rp",
                    "tw-melebihi-target",
                    GALAT,
                    f"Jumlah target anggaran triwulan {_frp(Decimal(sum(ada)))} melebihi pagu tahunan "
                    f"{_frp(Decimal(pagu))}.",
                    _frp(Decimal(sum(ada))),
                    f"paling banyak {_frp(Decimal(pagu))}",
                )
        target = b.target.k
        # Only for counts (jumlah): a position or an average may rightly be above the year's value mid-year.
        if target is None or b.sifat.agregasi is not Agregasi.JUMLAH:
            return
        for i, tw in enumerate(b.target_tw):
            if tw.k is not None and tw.k > target:
                self.catat(
                    t,
                    f"T{8 + i}K",
                    "tw-melebihi-target",
                    GALAT,
                    f"Target kinerja {NAMA_TW[i]} {_fk(tw.k)} melebihi target tahunan {_fk(target)}, padahal "
                    "indikator ini dijumlahkan per triwulan.",
                    _fk(tw.k),
                    f"paling banyak {_fk(target)}",
                )

    def kosong(self, t: _Tempat, i: int, k_tw: list[dict[str, Decimal | None]] | None) -> list[str]:
        """ "K", "Rp": the values of quarter i+1 with a target but no realisation (formulas resolved)."""
        b = t.baris
        target = b.target_tw[i]
        k = k_tw[i].get(b.kunci) if k_tw is not None else b.realisasi_tw[i].k
        kosong = []
        if target.k is not None and k is None:
            kosong.append("K")
        # A parent's Rp is its children's sum: the children that lack it are the ones reported.
        if target.rp is not None and b.realisasi_tw[i].rp is None and t.indeks not in self.anak:
            kosong.append("Rp")
        return kosong

    def periksa_realisasi_kosong(self, t: _Tempat, k_tw: list[dict[str, Decimal | None]] | None) -> None:
        b = t.baris
        for i in range(self.triwulan):
            alasan = b.belum_ada_data[i] if i < len(b.belum_ada_data) else ""
            for kr in self.kosong(t, i, k_tw):
                pesan = f"Realisasi {kr} {NAMA_TW[i]} belum diisi, padahal target {NAMA_TW[i]} ada. "
                pesan += (
                    f"Ditandai belum ada data: {alasan}."
                    if alasan
                    else "Isi nilainya, 0 bila memang tidak ada realisasi (kosong bukan nol), atau tandai "
                    "'belum ada data' dengan alasannya."
                )
                self.catat(t, f"{8 + i}{kr}", "realisasi-kosong", PERINGATAN, pesan)

    def belum_diisi(self) -> list[tuple[int, str]]:
        """The rows that block submission: a target for this quarter, no value, and no "belum ada data"
        (their position and a description)."""
        self.periksa_rumus()  # parses the formulas that k_per_triwulan resolves
        k_tw = self.k_per_triwulan()
        i = self.triwulan - 1
        hasil = []
        for t in self.tempat:
            kosong = self.kosong(t, i, k_tw)
            if kosong and not t.baris.belum_ada_data[i]:
                no = f"no. {t.no} " if t.no is not None else ""
                hasil.append((t.indeks, f"{no}{t.label} ({' dan '.join(kosong)}): {t.baris.indikator}"))
        return hasil

    def _capaian(
        self, t: _Tempat, k_tw: list[dict[str, Decimal | None]]
    ) -> tuple[Decimal | None, Decimal | None]:
        """Col 12 K and col 13 K of a row as Form E.81 prints them: its inputs rounded as printed first."""
        if self.terhitung is not None:
            return self.terhitung.realisasi_k[t.indeks], self.terhitung.capaian_k[t.indeks]
        b = t.baris
        realisasi = list(b.realisasi_tw)
        for i, nilai in enumerate(k_tw):
            realisasi[i] = KRp(k=nilai.get(b.kunci), rp=realisasi[i].rp)
        masukan = masukan_tercetak(
            MasukanBaris(
                sifat=b.sifat,
                renstra=b.renstra,
                realisasi_lalu=b.realisasi_lalu,
                target=b.target,
                target_tw=b.target_tw,
                realisasi_tw=(realisasi[0], realisasi[1], realisasi[2], realisasi[3]),
            )
        )
        hasil = hitung_baris(masukan, self.triwulan, self.set_predikat)
        return hasil.realisasi.k, hasil.capaian.k

    def periksa_capaian(self, t: _Tempat, k_tw: list[dict[str, Decimal | None]] | None) -> None:
        if k_tw is None:
            return
        realisasi, c = self._capaian(t, k_tw)
        if c is not None and c > BATAS_CAPAIAN:
            self.catat(
                t,
                "13K",
                "capaian-tinggi",
                PERINGATAN,
                f"Capaian kinerja {_fp(c)} (realisasi {_fk(realisasi)} dari target {_fk(t.baris.target.k)}) "
                f"di atas {_fp(BATAS_CAPAIAN)}: mungkin salah ketik atau salah satuan.",
                _fp(c),
            )

    def periksa_polaritas(self, t: _Tempat) -> None:
        b = t.baris
        if b.sifat.polaritas is Polaritas.POSITIF and _polaritas_negatif(b.indikator):
            self.catat(
                t,
                None,
                "polaritas-terbalik",
                PERINGATAN,
                f"Indikator '{b.indikator}' tampaknya makin kecil makin baik, tetapi diatur sebagai "
                "makin besar makin baik (polaritas positif). Periksa pengaturan polaritasnya.",
                "positif",
                "negatif",
            )

    # --- across rows ---------------------------------------------------------------------------------

    def periksa_lalu(self, induk: _Tempat, anak: list[_Tempat], tingkat: str, daftar: str) -> None:
        """Column 6 Rp of a parent against its children's sum; blank against a value is a difference too."""
        nilai_induk = induk.baris.realisasi_lalu.rp
        nilai_anak = [t.baris.realisasi_lalu.rp for t in anak]
        jumlah = (
            sum(n for n in nilai_anak if n is not None) if any(n is not None for n in nilai_anak) else None
        )
        if nilai_induk == jumlah:
            return

        def teks(n: int | None) -> str:
            return "kosong" if n is None else _frp(Decimal(n))

        self.catat(
            induk,
            "6Rp",
            "induk-anak-lalu",
            PERINGATAN,
            f"Realisasi Renstra s.d. tahun lalu (kolom 6) {tingkat} {teks(nilai_induk)} tidak sama dengan "
            f"jumlah turunannya ({daftar}) {teks(jumlah)}. Wajar bila nomenklatur atau kode tahun lalu "
            "berbeda; bila tidak, periksa angkanya.",
            teks(nilai_induk),
            teks(jumlah),
        )

    def periksa_induk_anak(self) -> None:
        for i, indeks_anak in sorted(self.anak.items()):
            induk = self.tempat[i]
            anak = [self.tempat[j] for j in indeks_anak]
            kode_induk = coba_urai_kode(induk.baris.kode)
            assert kode_induk is not None  # anak_per_induk only pairs rows with readable codes
            daftar = ", ".join(t.baris.kode or "?" for t in anak)
            self.periksa_lalu(induk, anak, kode_induk.tingkat.value, daftar)
            for kolom in ("7Rp", "5Rp"):
                nilai_induk = _pagu(induk.baris, kolom)
                nilai_anak = [_pagu(t.baris, kolom) for t in anak]
                if nilai_induk is None or all(n is None for n in nilai_anak):
                    continue
                jumlah = sum(n for n in nilai_anak if n is not None)
                if nilai_induk == jumlah:
                    continue
                uraian = "pagu Renstra (kolom 5)" if kolom == "5Rp" else "pagu tahun ini (kolom 7)"
                self.catat(
                    induk,
                    kolom,
                    "induk-anak-pagu",
                    GALAT,
                    f"{uraian.capitalize()} {kode_induk.tingkat.value} {_frp(Decimal(nilai_induk))} "
                    f"tidak sama dengan jumlah {uraian} turunannya ({daftar}) {_frp(Decimal(jumlah))}.",
                    _frp(Decimal(nilai_induk)),
                    _frp(Decimal(jumlah)),
                )

    def jalankan(self) -> list[Temuan]:
        self.periksa_rumus()
        k_tw = self.k_per_triwulan()
        for t in self.tempat:
            self.periksa_nilai(t)
            self.periksa_kode(t)
            self.periksa_pagu(t)
            self.periksa_target_tw(t)
            self.periksa_realisasi_kosong(t, k_tw)
            self.periksa_capaian(t, k_tw)
            self.periksa_polaritas(t)
        self.periksa_induk_anak()
        return self.temuan


def periksa_data(
    baris: Sequence[BarisData],
    triwulan: int,
    set_predikat: SetPredikat = BAWAAN,
    terhitung: Terhitung | None = None,
) -> list[Temuan]:
    """Every finding over one agency's rows (in Form E.81 order) as of the end of quarter `triwulan`
    (`terhitung`: the rows' Form E.81 values when the caller has them; the findings are the same)."""
    return _Pemeriksa(baris, triwulan, set_predikat, terhitung).jalankan()


def belum_diisi(baris: Sequence[BarisData], triwulan: int, terhitung: Terhitung | None = None) -> list[str]:
    """The rows with a target for quarter `triwulan` (K or, but for a parent, Rp) and no value entered, that
    are not marked "belum ada data": each one blocks the quarter's submission (capaian.monev.alur)."""
    return [teks for _, teks in _Pemeriksa(baris, triwulan, BAWAAN, terhitung).belum_diisi()]


def indeks_belum_diisi(baris: Sequence[BarisData], triwulan: int) -> list[int]:
    """The positions (0-based) of the rows `belum_diisi` lists."""
    return [i for i, _ in _Pemeriksa(baris, triwulan, BAWAAN).belum_diisi()]


def galat(temuan: Iterable[Temuan]) -> list[Temuan]:
    return [t for t in temuan if t.tingkat == GALAT]


def kunci_galat(temuan: Iterable[Temuan]) -> list[str]:
    """The galat as sorted, de-duplicated 'jenis|sel' keys: what an accepted explanation covers."""
    return sorted({f"{t.jenis}|{t.sel}" for t in galat(temuan)})


def sidik_galat(temuan: Iterable[Temuan]) -> str:
    """A short fingerprint of the set of galat (sha256 of the sorted keys)."""
    return hashlib.sha256("\n".join(kunci_galat(temuan)).encode()).hexdigest()
