"""Column 2: the kode rekening of each row (malformed, or in the 2021 lists' 2-digit sub kegiatan form)."""

from capaian.aturan.kodering import KodeError, urai_kode
from capaian.aturan.periksa.bersama import kode_format_lama
from capaian.aturan.periksa.dasar import GALAT, KOLOM_KODE, BarisE81
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
    if (p := kode_format_lama(kode)) is not None:
        k.catat(
            b,
            None,
            p.jenis,
            p.tingkat,
            p.pesan,
            p.seharusnya,
            sel=b.sel_kode,
            kolom=KOLOM_KODE,
            tertulis=b.kode,
        )
