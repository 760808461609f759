"""The "Metode" sheet of an exported Form E.81 workbook: each row's method, read into the sheet's rows.

The sheet (written by capaian.laporan.render_xlsx with the names of capaian.aturan.metode) has one line per
E.81 row: the E.81 sheet's name and row, its kode and indikator, and the method code. A line applies to the
row it names when that row still has the same kode and indikator; otherwise to the one row that has them
(rows were inserted or sorted); otherwise it is a warning and that row's method is guessed.
"""

import re

from capaian.aturan.metode import KEPALA_LEMBAR, NAMA_LEMBAR, MetodeError, baca_kode_metode
from capaian.aturan.periksa import PERINGATAN, BarisE81, JenisBaris, LembarE81, Temuan
from capaian.impor.buku_kerja import Grid, alamat_sel

_LEMBAR, _BARIS, _NO, _KODE, _INDIKATOR, _METODE, _KETERANGAN = (k.lower() for k in KEPALA_LEMBAR)
_CARI_KEPALA = 10  # the header row is within the first rows of the sheet


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def _identitas(kode: str | None, indikator: str) -> tuple[str, str]:
    return _teks(kode).lower(), _teks(indikator).lower()


def _kepala(grid: Grid) -> tuple[int, dict[str, int]] | None:
    perlu = {_LEMBAR, _BARIS, _KODE, _INDIKATOR, _METODE}
    for r in range(1, min(grid.nbaris, _CARI_KEPALA) + 1):
        kolom = {_teks(grid.isi(r, c)).lower(): c for c in range(grid.nkolom, 0, -1)}
        if perlu <= set(kolom):
            return r, kolom
    return None


def _peringatan(lembar: LembarE81, alamat: str, pesan: str, tertulis: str | None) -> None:
    lembar.temuan.append(
        Temuan(
            no=None,
            kode=None,
            kolom=None,
            sel=alamat,
            jenis="metode-tidak-sah",
            tingkat=PERINGATAN,
            pesan=pesan,
            tertulis=tertulis,
            seharusnya=None,
        )
    )


def terapkan_lembar_metode(lembar: LembarE81, grids: list[Grid]) -> None:
    """Give the rows of `lembar` the methods its workbook's "Metode" sheet states, if it has one."""
    grid = next((g for g in grids if g.nama.strip().lower() == NAMA_LEMBAR.lower()), None)
    kepala = None if grid is None else _kepala(grid)
    if grid is None or kepala is None:
        return
    baris_kepala, kolom = kepala
    data = [b for b in lembar.baris if b.jenis is JenisBaris.DATA]
    per_nomor = {b.nomor_baris: b for b in data}
    per_identitas: dict[tuple[str, str], list[BarisE81]] = {}
    for b in data:
        per_identitas.setdefault(_identitas(b.kode, b.indikator), []).append(b)
    nama_lembar = {g.nama for g in grids}
    baris_metode = [r for r in range(baris_kepala + 1, grid.nbaris + 1) if _teks(grid.isi(r, kolom[_METODE]))]
    # Lines naming this sheet; when none does, lines naming no sheet of the workbook (the sheet was renamed).
    milik = [r for r in baris_metode if _teks(grid.isi(r, kolom[_LEMBAR])) == lembar.nama]
    if not milik:
        milik = [r for r in baris_metode if _teks(grid.isi(r, kolom[_LEMBAR])) not in nama_lembar]
    for r in milik:
        alamat = alamat_sel(grid.nama, r, kolom[_METODE])
        teks = _teks(grid.isi(r, kolom[_METODE]))
        identitas = _identitas(_teks(grid.isi(r, kolom[_KODE])), _teks(grid.isi(r, kolom[_INDIKATOR])))
        nomor = grid.isi(r, kolom[_BARIS])
        tujuan = per_nomor.get(int(nomor)) if isinstance(nomor, (int, float)) else None
        if tujuan is None or _identitas(tujuan.kode, tujuan.indikator) != identitas:
            sama = per_identitas.get(identitas, [])
            tujuan = sama[0] if len(sama) == 1 else None
        if tujuan is None:
            _peringatan(
                lembar,
                alamat,
                f"Metode untuk '{identitas[1]}' ({identitas[0] or 'tanpa kode'}) tidak menemukan barisnya di "
                f"lembar '{lembar.nama}': metode baris itu ditebak dari angkanya.",
                teks,
            )
            continue
        try:
            tujuan.sifat = baca_kode_metode(teks)
        except MetodeError as e:
            _peringatan(lembar, alamat, f"{e.pesan} Metode baris ini ditebak dari angkanya.", teks)
