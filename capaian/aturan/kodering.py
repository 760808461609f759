"""Kode rekening of the regional work plan (Permendagri 90/2019, Kepmendagri 050-5889/2021).

A code reads `U.BB.PP.L.KK.SSSS`:

    U     urusan                      1 digit      "3"
    BB    bidang urusan               2 digits     "3.30"            Perdagangan
    PP    program                     2 digits     "3.30.01"
    L.KK  kegiatan                    level digit  "3.30.01.2.01"    (the level digit is part of the kegiatan)
                                      + 2 digits
    SSSS  sub kegiatan serial         4 digits     "3.30.01.2.01.0001"

The 2021 lists wrote the sub kegiatan serial with 2 digits ("3.30.01.2.01.05"); later lists use 4
("...0005"). Both denote the same sub kegiatan, so the serial is stored padded to 4 digits and two codes
compare equal whenever their normalised parts do, whatever text they were read from.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


class Tingkat(StrEnum):
    URUSAN = "urusan"
    BIDANG = "bidang"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUBKEGIATAN = "subkegiatan"


class KodeError(ValueError):
    """A malformed code; `pesan` is the Indonesian message shown to the user."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Kode:
    """A parsed code. Each field holds one segment, None below the code's level.

    urusan "3", bidang "30", program "01", kegiatan "2.01" (level digit and number), subkegiatan "0001"
    (always 4 digits). `teks` is the text as given and takes no part in equality or hashing.
    """

    urusan: str
    bidang: str | None
    program: str | None
    kegiatan: str | None
    subkegiatan: str | None
    teks: str = field(compare=False)

    @property
    def tingkat(self) -> Tingkat:
        if self.subkegiatan is not None:
            return Tingkat.SUBKEGIATAN
        if self.kegiatan is not None:
            return Tingkat.KEGIATAN
        if self.program is not None:
            return Tingkat.PROGRAM
        if self.bidang is not None:
            return Tingkat.BIDANG
        return Tingkat.URUSAN

    def _bagian(self) -> list[str]:
        bagian = [self.urusan]
        for segmen in (self.bidang, self.program, self.kegiatan, self.subkegiatan):
            if segmen is None:
                break
            bagian.append(segmen)
        return bagian

    @property
    def kanonik(self) -> str:
        """The normalised text, with a 4-digit serial: "3.30.01.2.01.0005"."""
        return ".".join(self._bagian())

    @property
    def kode_bidang(self) -> str | None:
        """ "3.30", or None for a bare urusan."""
        if self.bidang is None:
            return None
        return f"{self.urusan}.{self.bidang}"

    @property
    def kode_program(self) -> str | None:
        """ "3.30.01", or None above program level."""
        if self.program is None:
            return None
        return f"{self.urusan}.{self.bidang}.{self.program}"

    @property
    def kode_kegiatan(self) -> str | None:
        """ "3.30.01.2.01", or None above kegiatan level."""
        if self.kegiatan is None:
            return None
        return f"{self.urusan}.{self.bidang}.{self.program}.{self.kegiatan}"

    def induk(self) -> "Kode | None":
        """The code one level up ("3.30.01.2.01.0001" -> "3.30.01.2.01"); None for an urusan."""
        bagian = self._bagian()
        if len(bagian) == 1:
            return None
        teks = ".".join(bagian[:-1])
        return urai_kode(teks)

    def adalah_induk_dari(self, lain: "Kode") -> bool:
        """True when `lain` lies anywhere below this code ("3.30" is induk of "3.30.01.2.01.0001").

        An ancestor at any distance, not only the direct parent (use `lain.induk() == self` for that);
        a code is not its own induk.
        """
        saya = self._bagian()
        dia = lain._bagian()
        return len(saya) < len(dia) and dia[: len(saya)] == saya


def _tolak(teks: str, alasan: str) -> KodeError:
    return KodeError(f"Kode '{teks}' tidak sah: {alasan}")


_DIGIT = re.compile(r"[0-9]+")


# Every report parses each row's code and its parents' several times over (about 800 parses for a 57-row
# agency's save); a Kode is immutable, so one parse per text is shared. A malformed code is not cached: its
# KodeError is raised again each time.
@lru_cache(maxsize=8192)
def urai_kode(teks: str) -> Kode:
    """Parse a code of any level; KodeError (Indonesian message) for a malformed one.

    A 2-digit sub kegiatan serial is read as its 4-digit form: "…2.01.05" == "…2.01.0005".
    """
    bersih = teks.strip()
    if bersih == "":
        raise KodeError("Kode tidak boleh kosong")
    bagian = bersih.split(".")
    # Check every segment before the lengths, so that "3.3a" is reported as letters, not as length.
    for segmen in bagian:
        if segmen == "":
            raise _tolak(bersih, "ada bagian yang kosong")
        if _DIGIT.fullmatch(segmen) is None:
            raise _tolak(bersih, "hanya boleh berisi angka dan titik")
    if len(bagian) > 6:
        raise _tolak(bersih, "terlalu banyak bagian (paling banyak 6: U.BB.PP.L.KK.SSSS)")
    if len(bagian[0]) != 1:
        raise _tolak(bersih, "urusan harus 1 digit")
    if len(bagian) >= 2 and len(bagian[1]) != 2:
        raise _tolak(bersih, "bidang urusan harus 2 digit")
    if len(bagian) >= 3 and len(bagian[2]) != 2:
        raise _tolak(bersih, "program harus 2 digit")
    if len(bagian) >= 4:
        if len(bagian[3]) != 1:
            # "3.30.01.01" or "3.30.01.01.0001": the kegiatan number written without its level digit.
            raise _tolak(bersih, "kegiatan harus diawali 1 digit tingkat, misalnya '2.01'")
        if len(bagian) == 4:
            raise _tolak(bersih, "nomor kegiatan (2 digit setelah digit tingkat) tidak ada")
        if len(bagian[4]) != 2:
            raise _tolak(bersih, "nomor kegiatan harus 2 digit")
    sub: str | None = None
    if len(bagian) == 6:
        if len(bagian[5]) not in (2, 4):
            raise _tolak(bersih, "sub kegiatan harus 4 digit (atau 2 digit pada daftar 2021)")
        sub = bagian[5].zfill(4)
    return Kode(
        urusan=bagian[0],
        bidang=bagian[1] if len(bagian) >= 2 else None,
        program=bagian[2] if len(bagian) >= 3 else None,
        kegiatan=f"{bagian[3]}.{bagian[4]}" if len(bagian) >= 5 else None,
        subkegiatan=sub,
        teks=bersih,
    )


def coba_urai_kode(teks: str | None) -> Kode | None:
    """urai_kode, but None for a blank or malformed code instead of an exception."""
    if teks is None or teks.strip() == "":
        return None
    try:
        return urai_kode(teks)
    except KodeError:
        return None


def catatan_kode(teks: str | None) -> str:
    """Why a code as recorded is not in its standard form ("" when it is, or when there is none): unreadable
    (the reason), or written in another form than the canonical one (the 2021 lists' 2-digit sub kegiatan)."""
    if teks is None or teks.strip() == "":
        return ""
    try:
        kode = urai_kode(teks)
    except KodeError as e:
        return f"kode {teks.strip()} tidak dapat dibaca: {e.pesan}"
    if kode.kanonik != teks.strip():
        return f"kode {teks.strip()} tidak dalam bentuk baku; bentuk baku {kode.kanonik}"
    return ""


# Bidang urusan of Permendagri 90/2019 (urusan wajib 1.01-1.06 and 2.07-2.24, urusan pilihan 3.25-3.32).
_NAMA_BIDANG: dict[str, str] = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Perumahan dan Kawasan Permukiman",
    "1.05": "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
    "1.06": "Sosial",
    "2.07": "Tenaga Kerja",
    "2.08": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "2.09": "Pangan",
    "2.10": "Pertanahan",
    "2.11": "Lingkungan Hidup",
    "2.12": "Administrasi Kependudukan dan Pencatatan Sipil",
    "2.13": "Pemberdayaan Masyarakat dan Desa",
    "2.14": "Pengendalian Penduduk dan Keluarga Berencana",
    "2.15": "Perhubungan",
    "2.16": "Komunikasi dan Informatika",
    "2.17": "Koperasi, Usaha Kecil, dan Menengah",
    "2.18": "Penanaman Modal",
    "2.19": "Kepemudaan dan Olahraga",
    "2.20": "Statistik",
    "2.21": "Persandian",
    "2.22": "Kebudayaan",
    "2.23": "Perpustakaan",
    "2.24": "Kearsipan",
    "3.25": "Kelautan dan Perikanan",
    "3.26": "Pariwisata",
    "3.27": "Pertanian",
    "3.28": "Kehutanan",
    "3.29": "Energi dan Sumber Daya Mineral",
    "3.30": "Perdagangan",
    "3.31": "Perindustrian",
    "3.32": "Transmigrasi",
}


def nama_bidang(kode_bidang: str) -> str | None:
    """ "3.30" -> "Perdagangan"; None for an unknown bidang.

    Any longer code is accepted too and named by its bidang ("3.30.01.2.01.0001" -> "Perdagangan").
    """
    kode = coba_urai_kode(kode_bidang)
    if kode is None or kode.kode_bidang is None:
        return None
    return _NAMA_BIDANG.get(kode.kode_bidang)


def nama_urusan_bidang(kode_bidang: str) -> str | None:
    """ "3.30" -> "Urusan Pemerintahan Bidang Perdagangan"; None for an unknown bidang."""
    nama = nama_bidang(kode_bidang)
    if nama is None:
        return None
    return f"Urusan Pemerintahan Bidang {nama}"


def urutan(kode: Kode) -> tuple[int, ...]:
    """Sort key: hierarchical and numeric, a parent before its children ("3.30" < "3.30.01" < "3.31").

    Segments compare as numbers, so a 2-digit and a 4-digit serial of the same sub kegiatan sort together.
    Missing levels count as -1 so that a code sorts before everything below it.
    """
    kegiatan_tingkat = kegiatan_nomor = -1
    if kode.kegiatan is not None:
        tingkat, nomor = kode.kegiatan.split(".")
        kegiatan_tingkat, kegiatan_nomor = int(tingkat), int(nomor)
    return (
        int(kode.urusan),
        int(kode.bidang) if kode.bidang is not None else -1,
        int(kode.program) if kode.program is not None else -1,
        kegiatan_tingkat,
        kegiatan_nomor,
        int(kode.subkegiatan) if kode.subkegiatan is not None else -1,
    )
