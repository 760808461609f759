"""Checks of a hand-typed Form E.81 sheet: recompute what is derivable and list every inconsistency.

The checker works from a pure data structure (`LembarE81`: rows of cells, each with its address such as
'E.81'!K17), so it needs neither a database nor a workbook library; `capaian.impor.baca` builds that
structure from .xlsx/.xls files. Every finding is a `Temuan` with a stable `jenis` identifier, a level
("galat": the sheet contradicts itself or the rules; "peringatan": explainable, but by a reading that is
not the default or that counts a blank as zero) and an Indonesian message.

The sheet does not say how each indicator aggregates its quarters, accumulates into the Renstra or which
polarity it has, so the checker tries every reading of `capaian.aturan.capaian` and says which one explains
the written value. Comparisons are made after half-up rounding to 2 decimals with a tolerance of 0,01.
"""

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from capaian.aturan.angka import bulatkan, format_angka, format_persen, format_rupiah
from capaian.aturan.capaian import (
    Agregasi,
    Akumulasi,
    Polaritas,
    RumusNegatif,
    Sifat,
    agregasikan_k,
    akumulasikan_k,
    persen_capaian,
)
from capaian.aturan.kodering import Kode, KodeError, Tingkat, urai_kode
from capaian.aturan.predikat import (
    BAWAAN,
    PERMENDAGRI_86_ATAS,
    PERMENDAGRI_86_BAWAH,
    SetPredikat,
)

Tingkatan = Literal["galat", "peringatan"]
GALAT: Tingkatan = "galat"
PERINGATAN: Tingkatan = "peringatan"

TOLERANSI = Decimal("0.01")
SERATUS = Decimal(100)
NOL = Decimal(0)

# The quarter columns of Form E.81: realisation TW I..IV are columns 8..11. Quarterly targets (which the
# reference report adds beside each realisation) have no number of their own; they are keyed "T8".."T11".
KOLOM_TW = ("8", "9", "10", "11")
NAMA_TW = ("TW I", "TW II", "TW III", "TW IV")

# Words that mark an indicator which is better when lower (price fluctuation, poverty, ...).
KATA_NEGATIF = (
    "fluktuasi",
    "inflasi",
    "kemiskinan",
    "pengangguran",
    "stunting",
    "kematian",
    "angka kesakitan",
    "kesakitan",
    "gizi buruk",
    "kriminalitas",
    "kecelakaan",
    "kebakaran",
    "banjir",
    "kumuh",
    "putus sekolah",
    "disparitas",
    "ketimpangan",
    "gini",
    "tunggakan",
    "sengketa",
    "pelanggaran",
    "prevalensi",
)


@dataclass(frozen=True)
class Temuan:
    no: int | None
    kode: str | None
    kolom: str | None
    sel: str
    jenis: str
    tingkat: Tingkatan
    pesan: str
    tertulis: str | None
    seharusnya: str | None

    def ke_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Sel:
    """One cell: its address ('E.81'!K17), its number (None when blank or unreadable) and its text.

    `teks` is the text as typed for a text cell ("36,79%", "Sedang") and None for a number cell.
    """

    alamat: str
    nilai: Decimal | None = None
    teks: str | None = None


class JenisBaris(StrEnum):
    DATA = "data"
    JUMLAH = "jumlah"
    RATA_RATA = "rata-rata"
    PREDIKAT = "predikat"


@dataclass
class BarisE81:
    """One row of the sheet. `sel` is keyed "5K", "5Rp", ..., "T8K" (target TW I), "8K" (realisation TW I)."""

    nomor_baris: int
    jenis: JenisBaris = JenisBaris.DATA
    no: int | None = None
    kode: str | None = None
    sel_kode: str | None = None
    uraian: str = ""
    indikator: str = ""
    satuan: str = ""
    sel: dict[str, Sel] = field(default_factory=dict)

    def nilai(self, kunci: str) -> Decimal | None:
        s = self.sel.get(kunci)
        return None if s is None else s.nilai


@dataclass
class LembarE81:
    nama: str
    baris: list[BarisE81] = field(default_factory=list)
    triwulan: int = 0  # how many quarter realisation columns the sheet has (0 to 4)
    ada_target_tw: bool = False
    temuan: list[Temuan] = field(default_factory=list)  # findings made while reading


def nama_kolom(kunci: str) -> str:
    """ "13K" -> "13 K", "T8Rp" -> "target TW I Rp", "9K" -> "9 (realisasi TW II) K"."""
    kr = "Rp" if kunci.endswith("Rp") else "K"
    inti = kunci[: -len(kr)]
    if inti.startswith("T") and inti[1:] in KOLOM_TW:
        return f"target {NAMA_TW[KOLOM_TW.index(inti[1:])]} {kr}"
    if inti in KOLOM_TW:
        return f"{inti} (realisasi {NAMA_TW[KOLOM_TW.index(inti)]}) {kr}"
    return f"{inti} {kr}"


def _sama(tertulis: Decimal, hitung: Decimal) -> bool:
    return abs(tertulis - bulatkan(hitung, 2)) <= TOLERANSI


def _sama_rp(tertulis: Decimal, hitung: Decimal) -> bool:
    return abs(tertulis - hitung) < 1


def _fk(nilai: Decimal | None) -> str:
    return format_angka(nilai, 2)


def _fp(nilai: Decimal | None) -> str:
    return format_persen(nilai, 2)


def _frp(nilai: Decimal | None) -> str:
    if nilai is None:
        return "-"
    if nilai == nilai.to_integral_value():
        return format_rupiah(int(nilai))
    return format_angka(nilai, 2)


def _tertulis(sel: Sel | None, kunci: str) -> str | None:
    """The value as the sheet shows it: the text as typed, or the number in Indonesian format."""
    if sel is None:
        return None
    if sel.teks is not None:
        return sel.teks
    if sel.nilai is None:
        return None
    if kunci.endswith("Rp") and not kunci.startswith(("13", "15")):
        return _frp(sel.nilai)
    tempat = max(2, -int(sel.nilai.normalize().as_tuple().exponent))
    teks = format_angka(sel.nilai, min(tempat, 6))
    return teks + "%" if kunci.startswith(("13", "15")) else teks


def _persen(a: Decimal, b: Decimal) -> Decimal:
    return a / b * SERATUS


_SETENGAH_SEN = Decimal("0.005")


def _dalam_pita_bulat(tertulis: Decimal, r: Decimal, t: Decimal) -> bool:
    """True when R / T × 100 explains `tertulis` for some R and T that display as the written 2 decimals.

    A typed or printed sheet shows 21,83 where its own computation used 21,8333...; the percentage made
    from the hidden digits may differ from one recomputed from the shown ones by more than 0,01.
    """
    if not all(n.as_tuple().exponent >= -2 for n in (r, t)):  # type: ignore[operator]
        return False
    hasil = [
        _persen(r + dr, t + dt)
        for dr in (-_SETENGAH_SEN, _SETENGAH_SEN)
        for dt in (-_SETENGAH_SEN, _SETENGAH_SEN)
        if t + dt > 0
    ]
    return bool(hasil) and min(hasil) - TOLERANSI <= tertulis <= max(hasil) + TOLERANSI


def _polaritas_negatif(indikator: str) -> bool:
    teks = indikator.lower()
    return any(kata in teks for kata in KATA_NEGATIF)


def _unik(nilai: Iterable[Decimal]) -> list[Decimal]:
    hasil: list[Decimal] = []
    for n in nilai:
        if all(n != h for h in hasil):
            hasil.append(n)
    return hasil


class _Pemeriksa:
    def __init__(self, lembar: LembarE81, set_predikat: SetPredikat) -> None:
        self.lembar = lembar
        self.set_predikat = set_predikat
        self.temuan: list[Temuan] = list(lembar.temuan)
        self.data = [b for b in lembar.baris if b.jenis is JenisBaris.DATA]
        self.kode: dict[int, Kode] = {}
        # Per row: the program's corrected capaian K for the recomputed average (None: no value).
        self.capaian_koreksi: dict[int, Decimal | None] = {}

    def catat(
        self,
        baris: BarisE81,
        kunci: str | None,
        jenis: str,
        tingkat: Tingkatan,
        pesan: str,
        seharusnya: str | None = None,
        sel: str | None = None,
    ) -> None:
        s = baris.sel.get(kunci) if kunci is not None else None
        alamat = (
            sel or (s.alamat if s is not None else None) or baris.sel_kode or f"baris {baris.nomor_baris}"
        )
        self.temuan.append(
            Temuan(
                no=baris.no,
                kode=baris.kode,
                kolom=nama_kolom(kunci) if kunci is not None else None,
                sel=alamat,
                jenis=jenis,
                tingkat=tingkat,
                pesan=pesan,
                tertulis=_tertulis(s, kunci) if kunci is not None else None,
                seharusnya=seharusnya,
            )
        )

    # --- per row -------------------------------------------------------------------------------------

    def periksa_baris(self, b: BarisE81) -> None:
        self.periksa_kode(b)
        self.periksa_salah_kolom(b)
        tw = KOLOM_TW[: self.lembar.triwulan]
        ada_tw = self.lembar.triwulan > 0

        # Column 12 Rp: always the sum of the quarters.
        rp_tw = [b.nilai(f"{k}Rp") for k in tw]
        rp_ada = [n for n in rp_tw if n is not None]
        r12rp = b.nilai("12Rp")
        rp12_kosong = r12rp is None  # blank, or (below) counted from blank quarters
        if ada_tw:
            if rp_ada:
                jumlah = sum(rp_ada, NOL)
                if r12rp is None:
                    if jumlah != 0:
                        self.catat(
                            b,
                            "12Rp",
                            "kolom12-rp",
                            GALAT,
                            f"Kolom 12 Rp kosong, padahal jumlah realisasi triwulan {_frp(jumlah)}.",
                            _frp(jumlah),
                        )
                elif not _sama_rp(r12rp, jumlah):
                    self.catat(
                        b,
                        "12Rp",
                        "kolom12-rp",
                        GALAT,
                        "Realisasi anggaran kolom 12 tidak sama dengan jumlah realisasi triwulan "
                        f"({' + '.join(_frp(n) for n in rp_ada)} = {_frp(jumlah)}).",
                        _frp(jumlah),
                    )
            elif r12rp is not None:
                rp12_kosong = True
                tingkat = PERINGATAN if r12rp == 0 else GALAT
                self.catat(
                    b,
                    "12Rp",
                    "basis-kosong" if r12rp == 0 else "kolom12-rp",
                    tingkat,
                    "Realisasi anggaran triwulan kosong, tetapi kolom 12 Rp diisi"
                    + (": blank dihitung sebagai nol." if r12rp == 0 else " tanpa dasar dari triwulan."),
                    "-",
                )

        # Column 12 K: by one of the aggregations; keep every full-precision value that explains it.
        k_tw = [b.nilai(f"{k}K") for k in tw]
        k_ada = [n for n in k_tw if n is not None]
        r12k = b.nilai("12K")
        kandidat12: list[Decimal] = [] if r12k is None else [r12k]
        k12_kosong = r12k is None
        if ada_tw:
            if k_ada:
                hasil = {cara: agregasikan_k(k_tw, cara) for cara in Agregasi}
                if r12k is None:
                    self.catat(
                        b,
                        "12K",
                        "kolom12-k",
                        GALAT,
                        "Kolom 12 K kosong, padahal realisasi kinerja triwulan terisi.",
                        _fk(hasil[Agregasi.TERAKHIR]),
                    )
                else:
                    cocok = [c for c, v in hasil.items() if v is not None and _sama(r12k, v)]
                    if cocok:
                        kandidat12 = _unik([r12k, *(v for c, v in hasil.items() if c in cocok and v)])
                    else:
                        uraian = ", ".join(f"{c.value} {_fk(v)}" for c, v in hasil.items())
                        self.catat(
                            b,
                            "12K",
                            "kolom12-k",
                            GALAT,
                            "Realisasi kinerja kolom 12 tidak cocok dengan cara agregasi triwulan mana pun "
                            f"({uraian}).",
                            f"salah satu dari: {uraian}",
                        )
            elif r12k is not None:
                k12_kosong = True
                if r12k == 0:
                    self.catat(
                        b,
                        "12K",
                        "basis-kosong",
                        PERINGATAN,
                        "Realisasi kinerja triwulan kosong, tetapi kolom 12 K diisi 0: blank dihitung "
                        "sebagai nol (belum diisi bukan nol).",
                        "-",
                    )
                else:
                    self.catat(
                        b,
                        "12K",
                        "kolom12-k",
                        GALAT,
                        "Realisasi kinerja triwulan kosong, tetapi kolom 12 K berisi nilai tanpa dasar.",
                        "-",
                    )
        negatif = _polaritas_negatif(b.indikator)

        # Column 13.
        c13 = self.periksa_persen_k(b, "13K", "7K", kandidat12, k12_kosong, negatif, "12", "7")
        self.periksa_persen_rp(b, "13Rp", "12Rp", "7Rp", rp12_kosong)

        # Column 14.
        kandidat14, k14_kosong = self.periksa_kolom14_k(b, kandidat12, k12_kosong)
        rp14_kosong = self.periksa_kolom14_rp(b, rp12_kosong)

        # Column 15.
        self.periksa_persen_k(b, "15K", "5K", kandidat14, k14_kosong, negatif, "14", "5")
        self.periksa_persen_rp(b, "15Rp", "14Rp", "5Rp", rp14_kosong)

        self.periksa_pagu(b)
        self.periksa_target_tw(b)
        self.capaian_koreksi[b.nomor_baris] = c13

    def periksa_kode(self, b: BarisE81) -> None:
        if b.kode is None or b.kode.strip() == "":
            return
        try:
            kode = urai_kode(b.kode)
        except KodeError as e:
            self.catat(b, None, "kode-tidak-sah", GALAT, e.pesan, sel=b.sel_kode)
            return
        self.kode[b.nomor_baris] = kode
        if kode.subkegiatan is not None and kode.teks.rsplit(".", 1)[-1] != kode.subkegiatan:
            self.catat(
                b,
                None,
                "kode-format-lama",
                PERINGATAN,
                f"Nomor sub kegiatan ditulis 2 digit (daftar 2021); bentuk sekarang {kode.kanonik}.",
                kode.kanonik,
                sel=b.sel_kode,
            )

    def periksa_salah_kolom(self, b: BarisE81) -> None:
        for kunci, s in b.sel.items():
            if s.nilai is None:
                continue
            if kunci.endswith("Rp") and not kunci.startswith(("13", "15")):
                if s.nilai != s.nilai.to_integral_value():
                    self.catat(
                        b,
                        kunci,
                        "salah-kolom",
                        PERINGATAN,
                        f"Kolom {nama_kolom(kunci)} berisi pecahan desimal, bukan rupiah bulat: "
                        "nilai ini tampaknya milik kolom K atau persentase.",
                    )
            elif (
                kunci.endswith("K")
                and not kunci.startswith(("13", "15"))
                and abs(s.nilai) >= 1_000_000
                and s.nilai == s.nilai.to_integral_value()
            ):
                self.catat(
                    b,
                    kunci,
                    "salah-kolom",
                    PERINGATAN,
                    f"Kolom {nama_kolom(kunci)} berisi bilangan sebesar rupiah: nilai ini tampaknya milik "
                    "kolom Rp.",
                )

    def periksa_persen_k(
        self,
        b: BarisE81,
        kunci: str,
        kunci_target: str,
        kandidat: Sequence[Decimal],
        basis_kosong: bool,
        negatif: bool,
        no_r: str,
        no_t: str,
    ) -> Decimal | None:
        """Column 13 K (= 12/7) or 15 K (= 14/5). Returns the program's corrected value, if any."""
        tertulis = b.nilai(kunci)
        t = b.nilai(kunci_target)
        if tertulis is None:
            return None
        if basis_kosong or not kandidat:
            self.catat(
                b,
                kunci,
                "basis-kosong",
                PERINGATAN,
                f"Persentase ditulis atas realisasi kolom {no_r} yang kosong: blank dihitung sebagai nol. "
                "Realisasi yang belum diisi tidak bernilai 0 %.",
                "-",
            )
            return None
        if t is None or t == 0:
            self.catat(
                b,
                kunci,
                "basis-kosong",
                PERINGATAN,
                f"Persentase ditulis atas target kolom {no_t} yang kosong atau nol: tidak ada nilai.",
                "-",
            )
            return None
        positif = [_persen(r, t) for r in kandidat]
        if any(_sama(tertulis, p) for p in positif) or _dalam_pita_bulat(tertulis, kandidat[0], t):
            r = kandidat[-1]
            if negatif and r > t and tertulis > SERATUS:
                koreksi = persen_capaian(r, t, Sifat(polaritas=Polaritas.NEGATIF))
                assert koreksi is not None
                self.catat(
                    b,
                    kunci,
                    "polaritas-terbalik",
                    PERINGATAN,
                    f"Indikator '{b.indikator}' tampaknya makin kecil makin baik, tetapi dinilai makin besar "
                    f"makin baik (R {_fk(r)} > T {_fk(t)} memberi {_fp(tertulis)}). Dengan rumus "
                    f"(2T − R) / T × 100: {_fp(koreksi)}.",
                    _fp(bulatkan(koreksi)),
                )
                return koreksi
            return tertulis
        # Does a lower-is-better formula explain it?
        for rumus in RumusNegatif:
            sifat = Sifat(polaritas=Polaritas.NEGATIF, rumus_negatif=rumus)
            hitung = [persen_capaian(r, t, sifat) for r in kandidat]
            if any(h is not None and _sama(tertulis, h) for h in hitung):
                if not negatif:
                    self.catat(
                        b,
                        kunci,
                        "polaritas-terbalik",
                        PERINGATAN,
                        f"Capaian dihitung dengan rumus makin kecil makin baik ({sifat.uraian_capaian()}), "
                        "padahal teks indikator tidak menunjukkan polaritas negatif.",
                        _fp(bulatkan(positif[0])),
                    )
                return tertulis
        self.catat(
            b,
            kunci,
            f"kolom{kunci[:2]}-rumus",
            GALAT,
            f"Kolom {kunci[:2]} K harus {no_r} / {no_t} × 100 = {_fk(kandidat[0])} / {_fk(t)} × 100 = "
            f"{_fp(positif[0])}.",
            _fp(bulatkan(positif[0])),
        )
        return bulatkan(positif[0])

    def periksa_persen_rp(
        self, b: BarisE81, kunci: str, kunci_r: str, kunci_t: str, basis_kosong: bool
    ) -> None:
        tertulis = b.nilai(kunci)
        r = b.nilai(kunci_r)
        t = b.nilai(kunci_t)
        no_r, no_t = kunci_r[:-2], kunci_t[:-2]
        if tertulis is None:
            return
        if basis_kosong or r is None:
            if r is not None and t and tertulis == SERATUS and _persen(r, t) > SERATUS:
                self.catat(
                    b,
                    kunci,
                    "rp-dibatasi-100",
                    PERINGATAN,
                    f"Persentase anggaran dibatasi 100 %, padahal {no_r} / {no_t} × 100 = {_frp(r)} / "
                    f"{_frp(t)} × 100 = {_fp(_persen(r, t))}. Aturan tidak membatasi persentase.",
                    _fp(bulatkan(_persen(r, t))),
                )
            self.catat(
                b,
                kunci,
                "basis-kosong",
                PERINGATAN,
                f"Persentase anggaran ditulis atas realisasi kolom {no_r} yang kosong: "
                "blank dihitung sebagai nol.",
                "-",
            )
            return
        if t is None or t == 0:
            self.catat(
                b,
                kunci,
                "basis-kosong",
                PERINGATAN,
                f"Persentase anggaran ditulis atas pagu kolom {no_t} yang kosong atau nol: tidak ada nilai.",
                "-",
            )
            return
        hitung = _persen(r, t)
        if _sama(tertulis, hitung):
            return
        if tertulis == SERATUS and hitung > SERATUS:
            self.catat(
                b,
                kunci,
                "rp-dibatasi-100",
                PERINGATAN,
                f"Persentase anggaran dibatasi 100 %, padahal {no_r} / {no_t} × 100 = {_frp(r)} / {_frp(t)} "
                f"× 100 = {_fp(hitung)}. Aturan tidak membatasi persentase.",
                _fp(bulatkan(hitung)),
            )
            return
        self.catat(
            b,
            kunci,
            f"kolom{kunci[:2]}-rumus",
            GALAT,
            f"Kolom {kunci[:2]} Rp harus {no_r} / {no_t} × 100 = {_frp(r)} / {_frp(t)} × 100 = "
            f"{_fp(hitung)}.",
            _fp(bulatkan(hitung)),
        )

    def periksa_kolom14_k(
        self, b: BarisE81, kandidat12: Sequence[Decimal], k12_kosong: bool
    ) -> tuple[list[Decimal], bool]:
        tertulis = b.nilai("14K")
        lalu = b.nilai("6K")
        if tertulis is None:
            return [], True
        if k12_kosong or not kandidat12:
            # Which reading did the sheet use, counting the blank as zero?
            bacaan = self._bacaan14(tertulis, lalu, [NOL])
            nama = ", ".join(dict.fromkeys(c.value for c, _ in bacaan)) or "tidak ada yang cocok"
            self.catat(
                b,
                "14K",
                "basis-kosong",
                PERINGATAN,
                f"Kolom 14 K dihitung dari kolom 12 yang kosong, dihitung sebagai nol (bacaan: {nama}). "
                "Realisasi tahun ini belum ada, jadi realisasi Renstra s/d tahun ini tidak bernilai.",
                "-",
            )
            return [tertulis], True
        bacaan = self._bacaan14(tertulis, lalu, kandidat12)
        if not bacaan:
            uraian = ", ".join(
                f"{cara.value} {_fk(v)}"
                for cara in Akumulasi
                if (v := akumulasikan_k(lalu, kandidat12[0], cara)) is not None
            )
            self.catat(
                b,
                "14K",
                "renstra-kolom14",
                GALAT,
                f"Kolom 14 K tidak cocok dengan bacaan akumulasi mana pun ({uraian}).",
                f"salah satu dari: {uraian}",
            )
            return [tertulis], False
        cara_cocok = list(dict.fromkeys(c for c, _ in bacaan))
        if Akumulasi.KUMULATIF not in cara_cocok:
            self.catat(
                b,
                "14K",
                "renstra-kolom14",
                PERINGATAN,
                "Kolom 14 K tidak mengikuti rumus judul 6 + 12 "
                f"({_fk(lalu)} + {_fk(kandidat12[0])}); yang cocok: "
                + ", ".join(c.value for c in cara_cocok)
                + ". Pastikan cara akumulasi indikator ini memang demikian.",
                None,
            )
        return _unik([tertulis, *(v for _, v in bacaan)]), False

    @staticmethod
    def _bacaan14(
        tertulis: Decimal, lalu: Decimal | None, kandidat12: Sequence[Decimal]
    ) -> list[tuple[Akumulasi, Decimal]]:
        hasil: list[tuple[Akumulasi, Decimal]] = []
        for cara in Akumulasi:
            for r in kandidat12:
                # A blank col 6 reads as 0 for the cumulative sum: nothing realised before this year.
                v = akumulasikan_k(lalu if lalu is not None else NOL, r, cara)
                if v is not None and _sama(tertulis, v):
                    hasil.append((cara, v))
        return hasil

    def periksa_kolom14_rp(self, b: BarisE81, rp12_kosong: bool) -> bool:
        tertulis = b.nilai("14Rp")
        lalu = b.nilai("6Rp")
        r = b.nilai("12Rp")
        if tertulis is None:
            return True
        if rp12_kosong or r is None:
            self.catat(
                b,
                "14Rp",
                "basis-kosong",
                PERINGATAN,
                "Kolom 14 Rp diisi padahal realisasi anggaran tahun ini (kolom 12) kosong: blank dihitung "
                "sebagai nol.",
                "-",
            )
            return True
        hitung = (lalu or NOL) + r
        if not _sama_rp(tertulis, hitung):
            self.catat(
                b,
                "14Rp",
                "renstra-kolom14",
                GALAT,
                f"Kolom 14 Rp harus 6 + 12 = {_frp(lalu)} + {_frp(r)} = {_frp(hitung)}.",
                _frp(hitung),
            )
        return False

    def periksa_pagu(self, b: BarisE81) -> None:
        for kunci_r, kunci_t, tingkat, uraian in (
            ("12Rp", "7Rp", GALAT, "pagu anggaran Renja tahun ini (kolom 7)"),
            ("14Rp", "5Rp", PERINGATAN, "pagu Renstra akhir periode (kolom 5)"),
        ):
            r, t = b.nilai(kunci_r), b.nilai(kunci_t)
            if r is not None and t is not None and r > t:
                self.catat(
                    b,
                    kunci_r,
                    "rp-melebihi-pagu",
                    tingkat,
                    f"Realisasi anggaran {_frp(r)} melebihi {uraian} {_frp(t)}.",
                    f"paling banyak {_frp(t)}",
                )

    def periksa_target_tw(self, b: BarisE81) -> None:
        if not self.lembar.ada_target_tw:
            return
        for kr, fmt in (("K", _fk), ("Rp", _frp)):
            tahunan = b.nilai(f"7{kr}")
            if tahunan is None:
                continue
            for k in KOLOM_TW[: self.lembar.triwulan]:
                t = b.nilai(f"T{k}{kr}")
                if t is not None and t > tahunan:
                    self.catat(
                        b,
                        f"T{k}{kr}",
                        "tw-melebihi-target",
                        GALAT if kr == "Rp" else PERINGATAN,
                        f"Target {NAMA_TW[KOLOM_TW.index(k)]} {fmt(t)} melebihi target tahunan (kolom 7) "
                        f"{fmt(tahunan)}.",
                        f"paling banyak {fmt(tahunan)}",
                    )
            target_rp = [b.nilai(f"T{k}Rp") for k in KOLOM_TW[: self.lembar.triwulan]]
            ada = [n for n in target_rp if n is not None]
            if kr == "Rp" and len(ada) > 1 and sum(ada, NOL) > tahunan:
                self.catat(
                    b,
                    f"T{KOLOM_TW[0]}Rp",
                    "tw-melebihi-target",
                    GALAT,
                    f"Jumlah target anggaran triwulan {_frp(sum(ada, NOL))} melebihi pagu tahunan "
                    f"{_frp(tahunan)}.",
                    f"paling banyak {_frp(tahunan)}",
                )

    # --- across rows ----------------------------------------------------------------------------------

    def periksa_induk_anak(self) -> None:
        baris_kode = [(b, self.kode[b.nomor_baris]) for b in self.data if b.nomor_baris in self.kode]
        for induk, kode_induk in baris_kode:
            if kode_induk.tingkat not in (Tingkat.PROGRAM, Tingkat.KEGIATAN):
                continue
            anak = [b for b, k in baris_kode if k.induk() == kode_induk]
            if not anak:
                continue
            for kunci, uraian in (("5Rp", "pagu Renstra"), ("7Rp", "pagu"), ("12Rp", "realisasi anggaran")):
                nilai_induk = induk.nilai(kunci)
                nilai_anak = [b.nilai(kunci) for b in anak]
                if nilai_induk is None or all(n is None for n in nilai_anak):
                    continue
                jumlah = sum((n for n in nilai_anak if n is not None), NOL)
                if not _sama_rp(nilai_induk, jumlah):
                    daftar = ", ".join(b.kode or "?" for b in anak)
                    self.catat(
                        induk,
                        kunci,
                        "induk-anak-pagu",
                        GALAT,
                        f"{uraian.capitalize()} {kode_induk.tingkat.value} {_frp(nilai_induk)} tidak sama "
                        f"dengan jumlah {uraian} turunannya ({daftar}) {_frp(jumlah)}.",
                        _frp(jumlah),
                    )

    def program(self) -> list[BarisE81]:
        return [
            b
            for b in self.data
            if b.nomor_baris in self.kode and self.kode[b.nomor_baris].tingkat is Tingkat.PROGRAM
        ]

    def periksa_jumlah(self, baris: BarisE81, program: list[BarisE81]) -> None:
        for kunci, s in baris.sel.items():
            if s.nilai is None or not kunci.endswith("Rp") or kunci.startswith(("13", "15")):
                continue
            jumlah = sum((n for p in program if (n := p.nilai(kunci)) is not None), NOL)
            if not _sama_rp(s.nilai, jumlah):
                self.catat(
                    baris,
                    kunci,
                    "jumlah-program",
                    GALAT,
                    f"Baris Jumlah kolom {nama_kolom(kunci)} harus jumlah seluruh program ({len(program)} "
                    f"program) = {_frp(jumlah)}.",
                    _frp(jumlah),
                )

    def periksa_rata_rata(self, baris: BarisE81, program: list[BarisE81]) -> None:
        for kunci, kunci_r, kunci_t in (
            ("13K", "", ""),
            ("15K", "", ""),
            ("13Rp", "12Rp", "7Rp"),
            ("15Rp", "14Rp", "5Rp"),
        ):
            tertulis = baris.nilai(kunci)
            if tertulis is None:
                continue
            persen = [n for p in program if (n := p.nilai(kunci)) is not None]
            metode: dict[str, Decimal] = {}
            if persen:
                metode["rata-rata persentase program"] = sum(persen, NOL) / len(persen)
            if kunci_r:
                jr = [n for p in program if (n := p.nilai(kunci_r)) is not None]
                jt = [n for p in program if (n := p.nilai(kunci_t)) is not None]
                if jr and jt and sum(jt, NOL) != 0:
                    metode["jumlah realisasi / jumlah pagu seluruh program"] = _persen(
                        sum(jr, NOL), sum(jt, NOL)
                    )
            bawaan = (
                "jumlah realisasi / jumlah pagu seluruh program"
                if kunci.endswith("Rp")
                else "rata-rata persentase program"
            )
            cocok = [nama for nama, v in metode.items() if _sama(tertulis, v)]
            uraian = "; ".join(f"{nama}: {_fp(v)}" for nama, v in metode.items())
            if not cocok:
                self.catat(
                    baris,
                    kunci,
                    "rata-rata-program",
                    GALAT,
                    f"Total rata-rata kolom {nama_kolom(kunci)} tidak cocok dengan metode mana pun "
                    f"({uraian}).",
                    _fp(bulatkan(metode[bawaan])) if bawaan in metode else None,
                )
            elif bawaan not in cocok:
                self.catat(
                    baris,
                    kunci,
                    "rata-rata-metode",
                    PERINGATAN,
                    f"Total rata-rata kolom {nama_kolom(kunci)} dihitung dengan metode '{cocok[0]}', bukan "
                    f"metode bawaan '{bawaan}' ({uraian}).",
                    _fp(bulatkan(metode[bawaan])) if bawaan in metode else None,
                )
            if kunci == "13K" and cocok:
                # The mean as written takes over the programs' own errors (blank counted as 0 %, a
                # lower-is-better indicator scored as higher-is-better). Recompute without them.
                koreksi = [v for p in program if (v := self.capaian_koreksi.get(p.nomor_baris)) is not None]
                if koreksi:
                    nilai = sum(koreksi, NOL) / len(koreksi)
                    if not _sama(tertulis, nilai):
                        self.catat(
                            baris,
                            kunci,
                            "rata-rata-hitung-ulang",
                            PERINGATAN,
                            f"Rata-rata capaian kinerja program cocok dengan angka program sebagaimana "
                            f"tertulis, tetapi setelah persentase atas realisasi kosong dikeluarkan dan "
                            f"polaritas dibetulkan, rata-rata {len(koreksi)} program adalah {_fp(nilai)}.",
                            _fp(bulatkan(nilai)),
                        )

    def periksa_predikat(self, baris: BarisE81, rata: BarisE81 | None) -> None:
        lain = PERMENDAGRI_86_BAWAH if self.set_predikat is PERMENDAGRI_86_ATAS else PERMENDAGRI_86_ATAS
        for kunci, s in baris.sel.items():
            label = (s.teks or "").strip()
            if not label:
                continue
            nilai = rata.nilai(kunci) if rata is not None else None
            if nilai is None:
                self.catat(
                    baris,
                    kunci,
                    "predikat-pita",
                    PERINGATAN,
                    f"Predikat '{label}' ditulis tanpa nilai rata-rata yang dinilai.",
                )
                continue
            harus = self.set_predikat.predikat(nilai)
            if harus is not None and harus.lower() == label.lower():
                continue
            lain_harus = lain.predikat(nilai)
            if lain_harus is not None and lain_harus.lower() == label.lower():
                penjelasan = f"Predikat tertulis sesuai bacaan '{lain.nama}'."
            else:
                penjelasan = "Tidak ada bacaan batas (atas maupun bawah inklusif) yang menjelaskannya."
            self.catat(
                baris,
                kunci,
                "predikat-pita",
                GALAT,
                f"Nilai {_fp(nilai)} menurut '{self.set_predikat.nama}' berpredikat {harus}, bukan "
                f"{label}. {penjelasan}",
                harus,
            )

    def jalankan(self) -> list[Temuan]:
        for b in self.data:
            self.periksa_baris(b)
        self.periksa_induk_anak()
        program = self.program()
        rata = next((b for b in self.lembar.baris if b.jenis is JenisBaris.RATA_RATA), None)
        for b in self.lembar.baris:
            if b.jenis is JenisBaris.JUMLAH:
                self.periksa_jumlah(b, program)
            elif b.jenis is JenisBaris.RATA_RATA:
                self.periksa_rata_rata(b, program)
            elif b.jenis is JenisBaris.PREDIKAT:
                self.periksa_predikat(b, rata)
        return self.temuan


def periksa(lembar: LembarE81, set_predikat: SetPredikat = BAWAAN) -> list[Temuan]:
    """All findings of a sheet: those made while reading it, then the row, total and predicate checks."""
    return _Pemeriksa(lembar, set_predikat).jalankan()


def hitung_per_jenis(temuan: Iterable[Temuan]) -> dict[str, int]:
    hasil: dict[str, int] = {}
    for t in temuan:
        hasil[t.jenis] = hasil.get(t.jenis, 0) + 1
    return dict(sorted(hasil.items()))
