"""capaian.aturan.induk: a parent's Rupiah is the sum of its children's, blank kept apart from zero."""

from dataclasses import dataclass

import pytest

from capaian.aturan.induk import Anggaran, anak_per_induk, jumlahkan_anggaran, turunkan_anggaran


@dataclass(frozen=True)
class B:
    kode: str | None
    tingkat: str
    lanjutan: bool = False


BARIS = [
    B(None, "sasaran"),
    B("3.30.01", "program"),
    B("3.30.01.2.01", "kegiatan"),
    B("3.30.01.2.01.0001", "subkegiatan"),
    B("3.30.01.2.01.05", "subkegiatan"),  # the 2021 two-digit serial: still a child of 3.30.01.2.01
    B("3.30.01.2.01.05", "subkegiatan", lanjutan=True),  # a further indicator: neither parent nor child
    B("3.30.01.2.02", "kegiatan"),  # no sub kegiatan: its own Rupiah is an input
    B("3.30.02", "program"),  # no kegiatan in the rows: an input too
]


def test_children_by_code() -> None:
    assert anak_per_induk(BARIS) == {1: [2, 6], 2: [3, 4]}


def test_parents_sum_their_children_bottom_up_and_blank_is_not_zero() -> None:
    a = [
        Anggaran(renstra=999),  # a Sasaran: untouched
        Anggaran(renstra=1, target=1, target_tw=(1, 1, 1, 1), realisasi_tw=(1, 1, 1, 1)),  # typed: ignored
        Anggaran(renstra=5, target=5),  # typed: ignored
        Anggaran(renstra=100, target=10, target_tw=(5, None, None, None), realisasi_tw=(4, None, None, None)),
        Anggaran(
            renstra=200, target=20, target_tw=(None, None, None, None), realisasi_tw=(0, None, None, None)
        ),
        Anggaran(renstra=7777, target=7777),  # a further indicator: not counted
        Anggaran(renstra=30, target=3, realisasi_tw=(None, 2, None, None)),
        Anggaran(renstra=50, target=50),
    ]
    hasil = turunkan_anggaran(BARIS, a)
    assert hasil[2] == Anggaran(
        renstra=300, target=30, target_tw=(5, None, None, None), realisasi_tw=(4, None, None, None)
    )
    # The program sums the kegiatan's derived values and the typed ones of a kegiatan without children.
    assert hasil[1] == Anggaran(
        renstra=330, target=33, target_tw=(5, None, None, None), realisasi_tw=(4, 2, None, None)
    )
    assert hasil[0] == a[0] and hasil[3:] == a[3:]
    # A real 0 is kept (TW I realisation of 0 + 4 = 4); a quarter no child has is blank, not 0.
    assert hasil[2].realisasi_tw[1] is None


def test_sum_of_nothing_is_blank() -> None:
    assert jumlahkan_anggaran([Anggaran(), Anggaran()]) == Anggaran()
    assert jumlahkan_anggaran([Anggaran(target=0), Anggaran()]).target == 0
    with pytest.raises(ValueError):
        turunkan_anggaran(BARIS, [])
