"""Read a hand-typed Form E.81 workbook (.xlsx or the old .xls) into the pure `LembarE81` structure.

The columns are found from the header text (the wording varies between regions and years) and/or the row
of column numbers ("1 2 3 4 5 ... 12 13 14 = 6 + 12 15 = 14 / 5 x 100 %"), with merged header cells, with
or without quarterly target columns, TW I to IV. Values may be numbers or Indonesian text ("1.151.384.000",
"36,79%", "-" for blank). Every problem is a `BacaError` with an Indonesian message, never a traceback; a
cell that cannot be read becomes a finding, so that one bad cell does not hide the rest of the sheet.

Where the workbook states each row's method (a "Metode" column of the entry template, or the "Metode" sheet
of an exported Form E.81; see capaian.aturan.metode), the rows carry it, so that the checks use it.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from capaian.aturan.angka import AngkaError, parse_angka, parse_rupiah
from capaian.aturan.metode import JUDUL_KOLOM, MetodeError, baca_kode_metode
from capaian.aturan.periksa import (
    GALAT,
    KOLOM_TW,
    PERINGATAN,
    BarisE81,
    JenisBaris,
    LembarE81,
    Sel,
    Temuan,
    nama_kolom,
    nomor_kolom,
)
from capaian.impor.baca_metode import terapkan_lembar_metode
from capaian.impor.buku_kerja import (
    BATAS_BARIS,
    BATAS_KOLOM,
    BacaError,
    Grid,
    alamat_sel,
    baca_buku,
    sel_kosong,
)

__all__ = ["BATAS_BARIS", "BacaError", "KepalaLembar", "baca_e81", "baca_e81_kepala"]

# The header must start within this many rows of the top of the sheet.
BATAS_CARI_JUDUL = 60

# --- the header ------------------------------------------------------------------------------------------


def _norm(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip().lower()


_TW = re.compile(r"\b(?:tw|triwulan|tribulan|trw)\.?\s*-?\s*(iv|iii|ii|i|[1-4])\b")
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NOMOR_KOLOM = re.compile(r"^\(?\s*(\d{1,2})\s*\)?(?:\s*=.*)?$")


@dataclass
class _Kolom:
    grup: str | None = None  # "5", "6", "7", "tw", "12", "13", "14", "15"
    tw: int | None = None  # 1..4 for quarterly columns
    target: bool = False  # a quarterly target column
    kr: str | None = None  # "K" or "Rp"
    identitas: str | None = None  # "no", "kode", "uraian", "indikator", "satuan"


def _grup_dari_teks(teks: str) -> str | None:
    if not teks:
        return None
    if "tingkat capaian" in teks or teks.startswith("capaian"):
        return "15" if "renstra" in teks else "13"
    if "tahun lalu" in teks or "s/d renja" in teks or "sampai dengan renja" in teks:
        return "6"
    if "triwulan" in teks or "tribulan" in teks:
        return "tw"
    if "realisasi" in teks and "renstra" in teks:
        return "14"
    if "realisasi" in teks:
        return "12"
    if "target" in teks and "renstra" in teks:
        return "5"
    if "target" in teks:
        return "7"
    return None


def _identitas(teks: str) -> str | None:
    if teks == JUDUL_KOLOM.lower():
        return "metode"
    if re.fullmatch(r"no\.?|nomor|no urut", teks):
        return "no"
    if "kode" in teks:
        return "kode"
    if "indikator" in teks:
        return "indikator"
    if teks == "satuan":
        return "satuan"
    if "penanggung jawab" in teks or teks.startswith("pd ") or "perangkat daerah penanggung" in teks:
        return "pj"
    if "urusan" in teks or "program" in teks or "sasaran" in teks or "kegiatan" in teks:
        return "uraian"
    return None


def _teks_gabung(grid: Grid) -> dict[tuple[int, int], object]:
    """The value of every merged cell's top-left, for every cell of the merge (header reading only)."""
    isi: dict[tuple[int, int], object] = {}
    for r1, c1, r2, c2 in grid.gabung:
        if r1 > BATAS_CARI_JUDUL + 10:
            continue
        v = grid.isi(r1, c1)
        for r in range(r1, min(r2, BATAS_CARI_JUDUL + 10) + 1):
            for c in range(c1, min(c2, BATAS_KOLOM) + 1):
                isi[(r, c)] = v
    return isi


@dataclass
class _Judul:
    kolom: dict[str, int]  # key "5K", ... -> column
    identitas: dict[str, int]
    baris_data: int  # first row after the header
    triwulan: int
    ada_target_tw: bool
    mulai: int = 1  # first header row: the title lines sit above it


def _baris_nomor(grid: Grid, gabung: dict[tuple[int, int], object], r: int) -> dict[int, int] | None:
    """The column number of each cell when row r is the numbered column row ("1 2 3 4 5 ...")."""
    nomor: dict[int, int] = {}
    for c in range(1, grid.nkolom + 1):
        teks = _norm(gabung.get((r, c), grid.isi(r, c)))
        m = _NOMOR_KOLOM.match(teks)
        if m:
            nomor[c] = int(m.group(1))
    urut = [nomor[c] for c in sorted(nomor)]
    if len(urut) >= 6 and urut[:4] == [1, 2, 3, 4]:
        return nomor
    return None


def _cari_judul(grid: Grid) -> _Judul | None:
    gabung = _teks_gabung(grid)

    def teks(r: int, c: int) -> str:
        return _norm(gabung.get((r, c), grid.isi(r, c)))

    ncol = grid.nkolom
    mulai = None
    for r in range(1, min(grid.nbaris, BATAS_CARI_JUDUL) + 1):
        isi = [teks(r, c) for c in range(1, ncol + 1)]
        ada_no = any(re.fullmatch(r"no\.?|nomor", t) for t in isi)
        ada_indikator = any("indikator" in t for t in isi)
        ada_target = any("target" in t for t in isi)
        if (ada_no or ada_indikator) and ada_target:
            mulai = r
            break
    if mulai is None:
        return None
    # The header ends at the column-number row, or at the last row of header words (K, Rp, Target TW I).
    nomor: dict[int, int] | None = None
    akhir = mulai
    for r in range(mulai + 1, min(mulai + 8, grid.nbaris) + 1):
        nomor = _baris_nomor(grid, gabung, r)
        if nomor is not None:
            akhir = r
            break
    if nomor is None:
        akhir = mulai
        for r in range(mulai + 1, min(mulai + 6, grid.nbaris) + 1):
            isi = [teks(r, c) for c in range(1, ncol + 1) if teks(r, c)]
            if (
                isi
                and any(t in ("k", "rp") or _TW.search(t) for t in isi)
                and not any(isinstance(grid.isi(r, c), (int, float)) for c in range(5, ncol + 1))
            ):
                akhir = r
            else:
                break
    baris_judul = range(mulai, (akhir if nomor is not None else akhir + 1))

    kolom: list[_Kolom] = [_Kolom() for _ in range(ncol + 1)]
    for c in range(1, ncol + 1):
        jalur = [t for r in baris_judul if (t := teks(r, c))]
        # Consecutive duplicates come from vertical merges.
        jalur = [t for i, t in enumerate(jalur) if i == 0 or t != jalur[i - 1]]
        k = kolom[c]
        if jalur:
            k.identitas = _identitas(jalur[0]) if _grup_dari_teks(jalur[0]) is None else None
            k.grup = None if k.identitas else _grup_dari_teks(jalur[0])
            for t in jalur[1:]:
                if t in ("k", "rp"):
                    k.kr = "K" if t == "k" else "Rp"
                m = _TW.search(t)
                if m:
                    k.tw = _ROMAWI[m.group(1)]
                    k.target = "target" in t
                elif k.grup == "tw" and re.fullmatch(r"(iv|iii|ii|i)\.?", t):
                    # The official form heads the quarters with bare roman numerals: I, II, III, IV.
                    k.tw = _ROMAWI[t.rstrip(".")]
            if k.grup == "tw" and k.tw is None:
                m = _TW.search(jalur[0])
                k.tw = _ROMAWI[m.group(1)] if m else None
        if nomor is not None and c in nomor and k.identitas is None:
            n = nomor[c]
            if k.grup is None and n in (5, 6, 7, 12, 13, 14, 15):
                k.grup = str(n)
            elif k.grup is None and 8 <= n <= 11:
                k.grup = "tw"
            if k.grup == "tw" and k.tw is None and 8 <= n <= 11:
                k.tw = n - 7
    # A column without its own header words continues the pair/group on its left (unmerged headers).
    for c in range(2, ncol + 1):
        k, kiri = kolom[c], kolom[c - 1]
        lanjut = kiri.kr == "K" or (kiri.kr is None and k.kr is None)
        if (
            k.grup is None
            and k.identitas is None
            and kiri.grup is not None
            and k.kr in (None, "Rp")
            and lanjut
        ):
            k.grup, k.tw, k.target = kiri.grup, kiri.tw, kiri.target
            k.kr = k.kr or "Rp"
            kiri.kr = kiri.kr or "K"
        if k.grup == "tw" and k.tw is None and kiri.grup == "tw" and kiri.tw is not None and k.kr == "Rp":
            k.tw, k.target = kiri.tw, kiri.target
    # Pairs without K/Rp words: the first column of a group is K, the second Rp.
    for c in range(1, ncol + 1):
        k = kolom[c]
        if k.grup is not None and k.kr is None:
            kiri = kolom[c - 1] if c > 1 else _Kolom()
            sama = kiri.grup == k.grup and kiri.tw == k.tw and kiri.target == k.target
            k.kr = "Rp" if sama and kiri.kr == "K" else "K"

    peta: dict[str, int] = {}
    identitas: dict[str, int] = {}
    for c in range(1, ncol + 1):
        k = kolom[c]
        if k.identitas is not None:
            identitas.setdefault(k.identitas, c)
            continue
        if k.grup is None or k.kr is None:
            continue
        if k.grup == "tw":
            if k.tw is None:
                continue
            kunci = ("T" if k.target else "") + KOLOM_TW[k.tw - 1] + k.kr
        else:
            kunci = k.grup + k.kr
        peta.setdefault(kunci, c)
    if not ("7K" in peta and ("13K" in peta or "12K" in peta)):
        return None
    triwulan = max(
        (i + 1 for i, kol in enumerate(KOLOM_TW) if f"{kol}K" in peta or f"{kol}Rp" in peta), default=0
    )
    ada_target = any(k.startswith("T") for k in peta)
    return _Judul(peta, identitas, akhir + 1, triwulan, ada_target, mulai)


# --- the rows --------------------------------------------------------------------------------------------

_PENUTUP = ("faktor pendorong", "faktor penghambat", "tindak lanjut", "rekomendasi", "mengetahui")


def _ke_decimal(v: float) -> Decimal:
    d = Decimal(repr(v))
    # Binary noise of a float (102.04000000000001): 9 decimals are more than any sheet means.
    if d.as_tuple().exponent < -9:  # type: ignore[operator]
        d = d.quantize(Decimal("1e-9")).normalize()
    return d


def _sel(grid: Grid, r: int, c: int, kunci: str, temuan: list[Temuan], baris: BarisE81) -> Sel:
    alamat = alamat_sel(grid.nama, r, c)
    v = grid.isi(r, c)
    persen = kunci.startswith(("13", "15"))

    def bukan_angka(teks: str, alasan: str) -> Sel:
        temuan.append(
            Temuan(
                no=baris.no,
                kode=baris.kode,
                kolom=nomor_kolom(kunci),
                sel=alamat,
                jenis="bukan-angka",
                tingkat=GALAT,
                pesan=alasan,
                tertulis=teks,
                seharusnya=None,
            )
        )
        return Sel(alamat, None, teks)

    if (r, c) in grid.formula:
        temuan.append(
            Temuan(
                no=baris.no,
                kode=baris.kode,
                kolom=nomor_kolom(kunci),
                sel=alamat,
                jenis="formula-tanpa-nilai",
                tingkat=GALAT,
                pesan="Formula tanpa nilai tersimpan: berkas disimpan oleh program yang tidak menghitung "
                "formula. Buka dan simpan ulang di Excel/LibreOffice agar nilainya tersimpan.",
                tertulis=None,
                seharusnya=None,
            )
        )
        return Sel(alamat, None, None)
    if v is None:
        return Sel(alamat, None, None)
    if isinstance(v, bool):
        return bukan_angka(str(v), "Sel berisi nilai benar/salah, bukan angka.")
    if isinstance(v, (datetime, date, time)):
        return bukan_angka(str(v), "Sel berisi tanggal/waktu, bukan angka (format sel salah?).")
    if isinstance(v, (int, float)):
        d = Decimal(v) if isinstance(v, int) else _ke_decimal(v)
        if not d.is_finite():
            return bukan_angka(str(v), "Sel berisi nilai yang bukan angka.")
        if persen and "%" in grid.fmt(r, c):
            # A cell formatted as a percentage stores 0,3679 for 36,79 %.
            d = (d * 100).normalize()
        return Sel(alamat, d, None)
    teks = str(v).strip()
    if teks in ("", "-", "–", "—"):
        return Sel(alamat, None, teks or None)
    try:
        return Sel(alamat, parse_angka(teks), teks)
    except (AngkaError, InvalidOperation):
        pass
    if kunci.endswith("Rp") and not persen:
        try:
            rp = parse_rupiah(teks)
            return Sel(alamat, None if rp is None else Decimal(rp), teks)
        except AngkaError:
            pass
    return bukan_angka(teks, f"Sel kolom {nama_kolom(kunci)} berisi teks yang bukan angka: '{teks}'.")


def _teks_sel(grid: Grid, r: int, c: int | None) -> str:
    if c is None:
        return ""
    v = grid.isi(r, c)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def _baca_baris(grid: Grid, judul: _Judul) -> LembarE81:
    lembar = LembarE81(
        nama=grid.nama,
        triwulan=judul.triwulan,
        ada_target_tw=judul.ada_target_tw,
        urutan=tuple(sorted(judul.kolom, key=judul.kolom.__getitem__)),
    )
    idn = judul.identitas
    kolom_angka = min(judul.kolom.values())
    batas_label = min(idn.get("indikator", kolom_angka), kolom_angka)
    for r in range(judul.baris_data, grid.nbaris + 1):
        isi = [grid.isi(r, c) for c in range(1, grid.nkolom + 1)]
        if all(sel_kosong(v) for v in isi):
            continue
        # The label of a total row sits left of the indicator column; an indicator itself may well start
        # with "Jumlah" ("Jumlah dokumen ...").
        label = " ".join(
            _norm(grid.isi(r, c)) for c in range(1, batas_label) if not sel_kosong(grid.isi(r, c))
        )
        if label.startswith(_PENUTUP):
            break
        no_teks = _teks_sel(grid, r, idn.get("no"))
        # A header repeated on a later page, or the numbered column row.
        if no_teks.lower() in ("no", "no.") or (
            no_teks == "1" and _teks_sel(grid, r, idn.get("kode")) == "2"
        ):
            continue
        if all(_norm(v) in ("", "k", "rp") for v in isi) or any(
            _TW.search(_norm(v)) and "target" in _norm(v) for v in isi
        ):
            continue
        no: int | None = None
        m = re.fullmatch(r"(\d+)\.?", no_teks)
        if m:
            no = int(m.group(1))
        jenis = JenisBaris.DATA
        rata = "rata-rata" in label.replace(" - ", "-") and ("total" in label or "capaian" in label)
        if no is None and label.startswith("jumlah"):
            jenis = JenisBaris.JUMLAH
        elif no is None and rata:
            jenis = JenisBaris.RATA_RATA
        elif no is None and label.startswith("predikat"):
            jenis = JenisBaris.PREDIKAT
        kode = _teks_sel(grid, r, idn.get("kode")) or None
        baris = BarisE81(
            nomor_baris=r,
            jenis=jenis,
            no=no,
            kode=kode,
            sel_kode=alamat_sel(grid.nama, r, idn["kode"]) if "kode" in idn else None,
            uraian=_teks_sel(grid, r, idn.get("uraian")),
            indikator=_teks_sel(grid, r, idn.get("indikator")),
            satuan=_teks_sel(grid, r, idn.get("satuan")),
        )
        for kunci, c in judul.kolom.items():
            if jenis is JenisBaris.PREDIKAT:
                baris.sel[kunci] = Sel(alamat_sel(grid.nama, r, c), None, _teks_sel(grid, r, c) or None)
                continue
            baris.sel[kunci] = _sel(grid, r, c, kunci, lembar.temuan, baris)
        # A row with neither number, code, indicator nor value is a note, not a plan row.
        tanpa_identitas = not baris.indikator and not baris.kode and no is None
        if jenis is JenisBaris.DATA and tanpa_identitas and all(s.nilai is None for s in baris.sel.values()):
            continue
        if jenis is JenisBaris.DATA and "metode" in idn:
            _metode(grid, r, idn["metode"], baris, lembar.temuan)
        lembar.baris.append(baris)
    return lembar


def _metode(grid: Grid, r: int, c: int, baris: BarisE81, temuan: list[Temuan]) -> None:
    """The row's method from the template's "Metode" column; a code that cannot be read is a warning and the
    checks then try every reading, as for a sheet that states none."""
    teks = _teks_sel(grid, r, c)
    if not teks:
        return
    try:
        baris.sifat = baca_kode_metode(teks)
    except MetodeError as e:
        temuan.append(
            Temuan(
                no=baris.no,
                kode=baris.kode,
                kolom=None,
                sel=alamat_sel(grid.nama, r, c),
                jenis="metode-tidak-sah",
                tingkat=PERINGATAN,
                pesan=f"{e.pesan} Metode baris ini ditebak dari angkanya.",
                tertulis=teks,
                seharusnya=None,
            )
        )


_NAMA_E81 = re.compile(r"e\s*[.\-_ ]?\s*81", re.IGNORECASE)


@dataclass(frozen=True)
class KepalaLembar:
    """The period the title lines above the table name ("TRIWULAN II TAHUN 2024"); None where silent."""

    tahun: int | None = None
    triwulan: int | None = None
    teks: tuple[str, ...] = ()


_TAHUN = re.compile(r"\btahun\s+(?:anggaran\s+)?(\d{4})\b")


def _kepala(grid: Grid, judul: _Judul) -> KepalaLembar:
    # Only the lines above the header: the header's own words name other years ("s/d Tahun 2026").
    teks = tuple(
        t for r in range(1, judul.mulai) for c in range(1, grid.nkolom + 1) if (t := _norm(grid.isi(r, c)))
    )
    tahun = next((int(m.group(1)) for t in teks if (m := _TAHUN.search(t))), None)
    triwulan = next((_ROMAWI[m.group(1)] for t in teks if (m := _TW.search(t))), None)
    return KepalaLembar(tahun, triwulan, teks)


def baca_e81(path: str | Path) -> LembarE81:
    """The Form E.81 sheet of the workbook at `path`, or BacaError with an Indonesian message."""
    return baca_e81_kepala(path)[0]


def baca_e81_kepala(path: str | Path) -> tuple[LembarE81, KepalaLembar]:
    """As `baca_e81`, with the period its title lines name (for the importer)."""
    grids = baca_buku(path)
    berisi = [g for g in grids if not g.kosong()]
    if not berisi:
        raise BacaError("Buku kerja kosong: tidak ada lembar yang berisi data.")
    urutan = sorted(berisi, key=lambda g: 0 if _NAMA_E81.search(g.nama) else 1)
    for grid in urutan:
        judul = _cari_judul(grid)
        if judul is not None:
            lembar = _baca_baris(grid, judul)
            terapkan_lembar_metode(lembar, grids)
            return lembar, _kepala(grid, judul)
    nama = ", ".join(f"'{g.nama}'" for g in grids)
    raise BacaError(
        f"Tidak ada lembar Form E.81 di buku kerja ini (lembar: {nama}). Lembar E.81 harus punya judul kolom "
        "seperti 'Target Kinerja dan Anggaran Renja', 'Tingkat Capaian' dengan pasangan K/Rp, atau baris "
        "nomor kolom 1 sampai 15."
    )
