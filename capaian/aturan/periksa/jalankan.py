"""The order of the checks: each row by column group, then parents against children, then the totals rows."""

from collections.abc import Iterable

from capaian.aturan.periksa.dasar import BarisE81, LembarE81, Temuan
from capaian.aturan.periksa.induk_anak import periksa_induk_anak
from capaian.aturan.periksa.kode import periksa_kode
from capaian.aturan.periksa.kolom12 import periksa_kolom12_k, periksa_kolom12_rp
from capaian.aturan.periksa.kolom14 import periksa_kolom14_k, periksa_kolom14_rp
from capaian.aturan.periksa.konteks import Konteks
from capaian.aturan.periksa.pagu import periksa_pagu, periksa_target_tw
from capaian.aturan.periksa.penutup import periksa_penutup
from capaian.aturan.periksa.persen_k import periksa_persen_k
from capaian.aturan.periksa.persen_rp import periksa_persen_rp
from capaian.aturan.periksa.salah_kolom import periksa_salah_kolom
from capaian.aturan.predikat import BAWAAN, SetPredikat


def periksa_baris(k: Konteks, b: BarisE81) -> None:
    periksa_kode(k, b)
    periksa_salah_kolom(k, b)
    rp12_kosong = periksa_kolom12_rp(k, b)
    kandidat12, k12_kosong = periksa_kolom12_k(k, b)
    c13 = periksa_persen_k(k, b, "13K", "7K", kandidat12, k12_kosong)
    periksa_persen_rp(k, b, "13Rp", "12Rp", "7Rp", rp12_kosong)
    kandidat14, k14_kosong = periksa_kolom14_k(k, b, kandidat12, k12_kosong)
    rp14_kosong = periksa_kolom14_rp(k, b, rp12_kosong)
    periksa_persen_k(k, b, "15K", "5K", kandidat14, k14_kosong)
    periksa_persen_rp(k, b, "15Rp", "14Rp", "5Rp", rp14_kosong)
    periksa_pagu(k, b)
    periksa_target_tw(k, b)
    k.capaian_koreksi[b.nomor_baris] = c13


def periksa(lembar: LembarE81, set_predikat: SetPredikat = BAWAAN) -> list[Temuan]:
    """All findings of a sheet: those made while reading it, then the row, parent and totals checks."""
    k = Konteks(lembar, set_predikat, temuan=list(lembar.temuan))
    for b in k.data():
        periksa_baris(k, b)
    periksa_induk_anak(k)
    periksa_penutup(k)
    return k.temuan


def hitung_per_jenis(temuan: Iterable[Temuan]) -> dict[str, int]:
    hasil: dict[str, int] = {}
    for t in temuan:
        hasil[t.jenis] = hasil.get(t.jenis, 0) + 1
    return dict(sorted(hasil.items()))
