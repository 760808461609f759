"""Small pieces every document of the package shares: titles, the signature block, NIP and text lines.

They only arrange text; every number still comes from the rules core through the builders.
"""

import re
from dataclasses import dataclass

from capaian.aturan.angka import format_tanggal
from capaian.laporan.data import DataLaporan

ROMAWI = ("I", "II", "III", "IV")


def romawi(triwulan: int) -> str:
    return ROMAWI[triwulan - 1]


def format_nip(nip: str) -> str:
    """The 18-digit NIP grouped as printed on letters: "197012231990031001" -> "19701223 199003 1 001".

    (birth date, appointment month, sex, serial). Anything that is not 18 digits is returned as typed.
    """
    digit = re.sub(r"\s+", "", nip)
    if len(digit) != 18 or not digit.isdigit():
        return nip.strip()
    return f"{digit[:8]} {digit[8:14]} {digit[14]} {digit[15:]}"


def baris_teks(teks: str) -> list[str]:
    """A free text typed as lines or as "1. ... 2. ..." into its items, without their numbers."""
    bagian: list[str] = []
    # Lines end at a line break only (str.splitlines also breaks at control characters such as \x0b).
    for baris in re.split(r"\r\n|\r|\n", teks):
        baris = baris.strip()
        if not baris:
            continue
        # "1. a. 2. b." typed on one line: split before each number that starts an item.
        for potong in re.split(r"(?:^|\s)(?=\d{1,2}[.)]\s)", baris):
            potong = re.sub(r"^\d{1,2}[.)]\s+", "", potong.strip()).lstrip("-•").strip()
            if potong:
                bagian.append(potong)
    return bagian


def teks_bernomor(teks: str) -> str:
    """A text of several items as the reference lists them, "1. ...", "2. ...", one a line; one item as
    typed (without a number); "" for none."""
    butir = baris_teks(teks)
    if len(butir) <= 1:
        return butir[0] if butir else ""
    return "\n".join(f"{i}. {b}" for i, b in enumerate(butir, start=1))


def nama_unit(data: DataLaporan) -> str:
    """The agency's name without the region's ("Dinas ... Kota Pasuruan" -> "Dinas ...") for letterheads."""
    nama = data.perangkat_daerah.strip()
    if data.pemda and nama.lower().endswith(" " + data.pemda.lower()):
        return nama[: -len(data.pemda) - 1].strip()
    return nama


@dataclass(frozen=True)
class BlokTandaTangan:
    tempat_tanggal: str
    jabatan: str  # with its Plt./Pj. prefix
    nama: str
    pangkat: str
    nip: str  # formatted, with its "NIP. " label; "" when unknown


def blok_tanda_tangan(data: DataLaporan) -> BlokTandaTangan:
    tanggal = format_tanggal(data.tanggal) if data.tanggal else "...................."
    ttd = data.penandatangan
    if ttd is None:
        return BlokTandaTangan(f"{data.tempat}, {tanggal}", "Kepala Perangkat Daerah", "", "", "")
    return BlokTandaTangan(
        tempat_tanggal=f"{data.tempat}, {tanggal}",
        jabatan=ttd.jabatan,
        nama=ttd.nama,
        pangkat=ttd.pangkat,
        nip=f"NIP. {format_nip(ttd.nip)}" if ttd.nip else "",
    )


def judul_periode(data: DataLaporan) -> str:
    return f"Triwulan {romawi(data.triwulan)} Tahun {data.tahun}"


CATATAN_SINTETIS = "DATA CONTOH (SINTETIS) — BUKAN LAPORAN RESMI"


def judul_kesimpulan(data: DataLaporan) -> str:
    """The province's title of the Kesimpulan (the East Java format): "KESIMPULAN EVALUASI TERHADAP HASIL RKPD
    KABUPATEN / KOTA DI JAWA TIMUR TRIWULAN II TAHUN 2024"; without a province, no "DI ..."."""
    di = f" DI {data.provinsi.upper()}" if data.provinsi else ""
    return f"KESIMPULAN EVALUASI TERHADAP HASIL RKPD KABUPATEN / KOTA{di} {judul_periode(data).upper()}"
