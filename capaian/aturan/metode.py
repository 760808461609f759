"""Each row's method written into a workbook, so that `capaian periksa` reads it instead of guessing it.

A Form E.81 sheet shows numbers, not how they were made: whether an indicator is better when lower (and by
which formula), how its quarters make the year's K (column 12) and how the year accumulates into the Renstra
(column 14). Capaian writes these as one short code per row and reads the code back:

    negatif:2t-r; agregasi:rata-rata; akumulasi:posisi-akhir
    positif; agregasi:jumlah; akumulasi:kumulatif

The code is carried in two places, with the names below:

- the Form E.81 export (`capaian.laporan.render_xlsx`): a sheet named "Metode" with one line per E.81 row,
  keyed by the E.81 sheet's name and row, with the row's kode and indikator (so that a reader can tell when
  rows were moved) and the method in words. The official form itself keeps its 16 columns and its print.
- the entry template (`capaian.impor.templat`): a locked column headed "Metode" right of the last E.81
  column, on the row it describes.

`capaian.impor.baca` reads either into the sheet's rows. Both carriers are plain text cells: they survive
Excel and LibreOffice saving the workbook, and a reader who does not know them sees a readable legend.
"""

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, RumusNegatif, Sifat

NAMA_LEMBAR = "Metode"  # the export's sheet
JUDUL_KOLOM = "Metode"  # the template's column header
# The export sheet: a title line, then this header row, then one line per E.81 row.
JUDUL_LEMBAR = (
    "Metode perhitungan tiap baris Form E.81 (polaritas, agregasi triwulan, akumulasi Renstra). "
    "Kolom 'Metode' dibaca oleh 'capaian periksa'; jangan diubah."
)
KEPALA_LEMBAR = ("Lembar", "Baris", "No", "Kode Rekening", "Indikator", "Metode", "Keterangan")

_URAIAN_AGREGASI = {
    Agregasi.JUMLAH: "jumlah triwulan",
    Agregasi.TERAKHIR: "nilai triwulan terakhir",
    Agregasi.RATA_RATA: "rata-rata triwulan",
    Agregasi.MAKSIMUM: "nilai triwulan terbesar",
    Agregasi.MINIMUM: "nilai triwulan terkecil",
}
_URAIAN_AKUMULASI = {
    Akumulasi.KUMULATIF: "kumulatif (6 + 12)",
    Akumulasi.POSISI_AKHIR: "posisi akhir (nilai tahun ini)",
    Akumulasi.RATA_RATA: "rata-rata tahun ((6 + 12) / 2)",
}


class MetodeError(ValueError):
    """A method code that cannot be read; the message is meant for the user."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


def kode_metode(sifat: Sifat) -> str:
    """The code of a row's method: "negatif:2t-r; agregasi:rata-rata; akumulasi:posisi-akhir"."""
    polaritas = (
        f"{Polaritas.NEGATIF.value}:{sifat.rumus_negatif.value}"
        if sifat.polaritas is Polaritas.NEGATIF
        else Polaritas.POSITIF.value
    )
    return f"{polaritas}; agregasi:{sifat.agregasi.value}; akumulasi:{sifat.akumulasi.value}"


def uraian_metode(sifat: Sifat) -> str:
    """The method in words, for the human reader of the "Metode" sheet."""
    arah = "makin kecil makin baik" if sifat.polaritas is Polaritas.NEGATIF else "makin besar makin baik"
    return (
        f"{arah}, capaian {sifat.uraian_capaian()}; realisasi tahun ini: {_URAIAN_AGREGASI[sifat.agregasi]}; "
        f"realisasi Renstra: {_URAIAN_AKUMULASI[sifat.akumulasi]}"
    )


def baris_lembar(
    nama_lembar: str, nomor_baris: int, no: int | None, kode: str | None, indikator: str, sifat: Sifat
) -> tuple[str, int, int | None, str | None, str, str, str]:
    """One line of the "Metode" sheet, in the order of KEPALA_LEMBAR (None: an empty cell)."""
    return (nama_lembar, nomor_baris, no, kode or None, indikator, kode_metode(sifat), uraian_metode(sifat))


def _pilih[E: (Agregasi, Akumulasi, RumusNegatif)](jenis: type[E], nilai: str, apa: str) -> E:
    try:
        return jenis(nilai)
    except ValueError:
        boleh = ", ".join(e.value for e in jenis)
        raise MetodeError(f"{apa} '{nilai}' tidak dikenal (yang dikenal: {boleh}).") from None


def baca_kode_metode(teks: str) -> Sifat:
    """The method of a code written by `kode_metode` (spaces and case do not matter), or MetodeError."""
    bagian = [b.strip().lower() for b in teks.split(";") if b.strip()]
    if not bagian:
        raise MetodeError("Kode metode kosong.")
    kepala, *sisa = bagian
    nama, _, rumus = (s.strip() for s in kepala.partition(":"))
    if nama == Polaritas.POSITIF.value and not rumus:
        polaritas, rumus_negatif = Polaritas.POSITIF, RumusNegatif.DUA_T_KURANG_R
    elif nama == Polaritas.NEGATIF.value:
        polaritas = Polaritas.NEGATIF
        rumus_negatif = (
            _pilih(RumusNegatif, rumus, "Rumus polaritas negatif") if rumus else RumusNegatif.DUA_T_KURANG_R
        )
    else:
        raise MetodeError(f"Kode metode '{teks.strip()}' harus diawali 'positif' atau 'negatif:<rumus>'.")
    isi: dict[str, str] = {}
    for b in sisa:
        kunci, pemisah, nilai = (s.strip() for s in b.partition(":"))
        if not pemisah or kunci not in ("agregasi", "akumulasi") or kunci in isi:
            raise MetodeError(f"Bagian '{b}' dari kode metode tidak dikenal atau berulang.")
        isi[kunci] = nilai
    if set(isi) != {"agregasi", "akumulasi"}:
        raise MetodeError(f"Kode metode '{teks.strip()}' harus menyebut agregasi dan akumulasi.")
    return Sifat(
        polaritas=polaritas,
        rumus_negatif=rumus_negatif,
        agregasi=_pilih(Agregasi, isi["agregasi"], "Agregasi"),
        akumulasi=_pilih(Akumulasi, isi["akumulasi"], "Akumulasi"),
    )
