"""Surat Pengantar: the cover letter that sends the package to the planning agency."""

from dataclasses import dataclass

from capaian.laporan.data import DataLaporan
from capaian.laporan.umum import BlokTandaTangan, blok_tanda_tangan, judul_periode, nama_unit

ANGKA_KATA = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}


@dataclass(frozen=True)
class SuratPengantar:
    data: DataLaporan
    kop_pemda: str  # "PEMERINTAH KOTA PASURUAN"
    kop_unit: str  # "DINAS PERINDUSTRIAN DAN PERDAGANGAN"
    alamat: str
    kontak: tuple[str, ...]  # "Telepon ..., Faksimile ...", "Pos-el ..., Laman ..." (the lines that exist)
    logo: str  # the lambang daerah's file, "" without one
    nomor: str
    sifat: str
    lampiran: str
    kepada: str
    di: str  # "P A S U R U A N"
    jenis: str  # the item sent
    isi: tuple[str, ...]  # the enclosed documents
    jumlah: str
    keterangan: str
    ttd: BlokTandaTangan


def daftar_lampiran(data: DataLaporan) -> tuple[str, ...]:
    periode = judul_periode(data)
    return (
        f"Laporan Evaluasi Hasil Pelaksanaan Renja {periode} (Form E.81)",
        f"Narasi Laporan Hasil Pelaksanaan RKPD {periode}",
        "Kertas Kerja Perhitungan Capaian Outcome",
        f"Kesimpulan Evaluasi terhadap Hasil RKPD {periode}",
    )


def kontak_kop(data: DataLaporan) -> tuple[str, ...]:
    """The letterhead's contact lines in the reference's wording, without the parts the agency has not
    entered: "Telepon (0343) 424919, Faksimile (0343) 424919" and "Pos-el ..., Laman ..."."""
    telepon = [f"Telepon {data.telepon}" if data.telepon and "telepon" not in data.alamat.lower() else ""]
    telepon.append(f"Faksimile {data.faksimile}" if data.faksimile else "")
    daring = [f"Pos-el {data.email}" if data.email else "", f"Laman {data.laman}" if data.laman else ""]
    return tuple(t for t in (", ".join(filter(None, telepon)), ", ".join(filter(None, daring))) if t)


def bangun_surat(data: DataLaporan) -> SuratPengantar:
    berkas = 1
    return SuratPengantar(
        data=data,
        kop_pemda=f"PEMERINTAH {data.pemda.upper()}",
        kop_unit=nama_unit(data).upper(),
        alamat=data.alamat,
        kontak=kontak_kop(data),
        logo=data.logo,
        nomor=data.nomor_surat or "......../......../......../" + str(data.tahun),
        sifat="Biasa",
        lampiran=f"{berkas} ({ANGKA_KATA[berkas]}) eksemplar",
        kepada=data.nama_bappeda or "Kepala Bappeda",
        di=" ".join(data.tempat.upper().replace(" ", "")),
        jenis=f"Berkas Monitoring dan Evaluasi RKPD {judul_periode(data)}:",
        isi=daftar_lampiran(data),
        jumlah=f"{berkas} Berkas",
        keterangan="Disampaikan dengan hormat untuk menjadikan periksa.",
        ttd=blok_tanda_tangan(data),
    )
