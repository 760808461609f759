"""Column 2: the kode rekening of each row (malformed, or in the 2021 lists' 2-digit sub kegiatan form)."""

from capaian.aturan.kodering import KodeError, urai_kode
from capaian.aturan.periksa.dasar import GALAT, KOLOM_KODE, PERINGATAN, BarisE81
from capaian.aturan.periksa.konteks import Konteks


def periksa_kode(k: Konteks, b: BarisE81) -> None:
    if b.kode is None or b.kode.strip() == "":
        return
    try:
        kode = urai_kode(b.kode)
    except KodeError as e:
        k.catat(b, None, "kode-tidak-sah", GALAT, e.pesan, sel=b.sel_kode, kolom=KOLOM_KODE, tertulis=b.kode)
        return
    k.kode[b.nomor_baris] = kode
    if kode.subkegiatan is not None and kode.teks.rsplit(".", 1)[-1] != kode.subkegiatan:
        k.catat(
            b,
            None,
            "kode-format-lama",
            PERINGATAN,
            f"Nomor sub kegiatan ditulis 2 digit (daftar 2021); bentuk sekarang {kode.kanonik}.",
            kode.kanonik,
            sel=b.sel_kode,
            kolom=KOLOM_KODE,
            tertulis=b.kode,
        )
