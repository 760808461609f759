"""Names of the urusan, the first segment of a kode rekening (Kepmendagri 050-5889/2021), for documents that
group programs by urusan and then bidang urusan (Form E.79). The bidang names are in capaian.aturan.kodering.
"""

from capaian.aturan.kodering import coba_urai_kode, nama_urusan_bidang

_NAMA_URUSAN: dict[str, str] = {
    "1": "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar",
    "2": "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar",
    "3": "Urusan Pemerintahan Pilihan",
    "4": "Unsur Pendukung Urusan Pemerintahan",
    "5": "Unsur Penunjang Urusan Pemerintahan",
    "6": "Unsur Pengawasan Urusan Pemerintahan",
    "7": "Unsur Kewilayahan",
    "8": "Unsur Pemerintahan Umum",
    "9": "Unsur Kekhususan",
}
LAINNYA = "Urusan Pemerintahan Lainnya"


def nama_urusan(kode: str | None) -> str:
    """ "3" or "3.30.01" -> "Urusan Pemerintahan Pilihan"; an unreadable or unknown code -> LAINNYA."""
    urai = coba_urai_kode(kode)
    if urai is None:
        return LAINNYA
    return _NAMA_URUSAN.get(urai.urusan, LAINNYA)


def nama_bidang_lengkap(kode_bidang: str | None) -> str:
    """ "3.30" -> "Urusan Pemerintahan Bidang Perdagangan"; unknown -> LAINNYA."""
    if kode_bidang is None:
        return LAINNYA
    return nama_urusan_bidang(kode_bidang) or LAINNYA
