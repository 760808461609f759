"""The rules of Form E.81 (capaian.aturan.capaian, .rekap, .predikat) as spreadsheet formulas, so that an
exported workbook keeps working: an office worker who edits a realisation sees the row and the totals follow.

Each function takes cell references ("M10", "$M$10") and returns the formula text (with its leading "=") of
the same rule, rounded as printed exactly where the rules core rounds (ROUND(x; 2) is written ROUND(x,2), the
file's notation; Excel and LibreOffice show it in the reader's own). A value the rules call "no value"
(None) is the text KOSONG here, as the documents print it; references to it are tested with ISNUMBER, so a
blank input and "-" both count as no value, and zero stays zero.

The cached values written with these formulas come from the rules core itself, never from evaluating the
text here; tests/laporan recalculate the workbook in LibreOffice and compare.
"""

from collections.abc import Sequence

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, RumusNegatif, Sifat
from capaian.aturan.predikat import AturanBatas, SetPredikat

KOSONG = "-"
_K = f'"{KOSONG}"'


def _daftar(sel: Sequence[str]) -> str:
    return ",".join(sel)


def _ada(*sel: str) -> str:
    syarat = [f"ISNUMBER({s})" for s in sel]
    return syarat[0] if len(syarat) == 1 else f"AND({','.join(syarat)})"


def agregasi_k(sel: Sequence[str], cara: Agregasi) -> str:
    """Column 12 K from the quarters' realisation K cells (each rounded as printed first)."""
    if not sel:
        return f"={_K}"
    ada = f"COUNT({_daftar(sel)})=0"
    if cara is Agregasi.TERAKHIR:
        isi = _K
        for s in sel:
            isi = f"IF(ISNUMBER({s}),ROUND({s},2),{isi})"
        return f"={isi}"
    bulat = [f"ROUND(N({s}),2)" for s in sel]
    match cara:
        case Agregasi.JUMLAH:
            nilai = f"ROUND({'+'.join(bulat)},2)"
        case Agregasi.RATA_RATA:
            nilai = f"ROUND(({'+'.join(bulat)})/COUNT({_daftar(sel)}),2)"
        case Agregasi.MAKSIMUM:
            nilai = f"ROUND(MAX({_daftar(sel)}),2)"
        case _:
            nilai = f"ROUND(MIN({_daftar(sel)}),2)"
    return f"=IF({ada},{_K},{nilai})"


def jumlah_rp(sel: Sequence[str], kosong: str = _K) -> str:
    """Rupiah: the sum of the cells that have a value; no value when none has (`kosong`: what is shown)."""
    if not sel:
        return f"={kosong}"
    return f"=IF(COUNT({_daftar(sel)})=0,{kosong},SUM({_daftar(sel)}))"


def capaian_k(realisasi: str, target: str, sifat: Sifat) -> str:
    """Columns 13 and 15 K: tingkat capaian by the indicator's polarity, rounded as printed."""
    syarat = f"AND({_ada(realisasi, target)},{target}<>0)"
    if sifat.polaritas is Polaritas.POSITIF:
        return f"=IF({syarat},ROUND({realisasi}/{target}*100,2),{_K})"
    if sifat.rumus_negatif is RumusNegatif.T_BAGI_R:
        return f"=IF(AND({syarat},{realisasi}<>0),ROUND({target}/{realisasi}*100,2),{_K})"
    return f"=IF({syarat},ROUND(MAX((2*{target}-{realisasi})/{target}*100,0),2),{_K})"


def persen_rp(realisasi: str, anggaran: str) -> str:
    """Columns 13 and 15 Rp (and the ratio of the totals): realisation over budget, never capped."""
    return f"=IF(AND({_ada(realisasi, anggaran)},{anggaran}<>0),ROUND({realisasi}/{anggaran}*100,2),{_K})"


def akumulasi_k(lalu: str, tahun_ini: str, cara: Akumulasi) -> str:
    """Column 14 K from column 6 and column 12."""
    match cara:
        case Akumulasi.POSISI_AKHIR:
            return f"=IF({_ada(tahun_ini)},{tahun_ini},{_K})"
        case Akumulasi.KUMULATIF:
            return f"=IF({_ada(lalu, tahun_ini)},ROUND({lalu}+{tahun_ini},2),{_K})"
        case _:
            return f"=IF({_ada(tahun_ini)},IF({_ada(lalu)},ROUND(({lalu}+{tahun_ini})/2,2),{tahun_ini}),{_K})"


def akumulasi_rp(lalu: str, tahun_ini: str) -> str:
    """Column 14 Rp: this year's realisation plus column 6 (a blank column 6 counts as none spent)."""
    return f"=IF({_ada(tahun_ini)},{tahun_ini}+N({lalu}),{_K})"


def rata(sel: Sequence[str]) -> str:
    """The mean of the printed percentages that have a value, rounded as printed (Total Rata-Rata, K)."""
    if not sel:
        return f"={_K}"
    return f"=IF(COUNT({_daftar(sel)})=0,{_K},ROUND(AVERAGE({_daftar(sel)}),2))"


def predikat(sel: str, set_predikat: SetPredikat) -> str:
    """The band label of a percentage cell, by the band set's boundary rule; KOSONG without a value."""
    banding = "<=" if set_predikat.aturan is AturanBatas.ATAS_INKLUSIF else "<"
    isi = f'"{set_predikat.label[-1]}"'
    for batas, label in reversed(list(zip(set_predikat.ambang, set_predikat.label, strict=False))):
        isi = f'IF({sel}{banding}{format(batas.normalize(), "f")},"{label}",{isi})'
    return f"=IF(ISNUMBER({sel}),{isi},{_K})"
