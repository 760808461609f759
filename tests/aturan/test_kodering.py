import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capaian.aturan.kodering import (
    Kode,
    KodeError,
    Tingkat,
    coba_urai_kode,
    nama_bidang,
    nama_urusan_bidang,
    urai_kode,
    urutan,
)


def test_sub_kegiatan_laporan_acuan() -> None:
    kode = urai_kode("3.30.01.2.01.0001")
    assert kode.tingkat is Tingkat.SUBKEGIATAN
    assert (kode.urusan, kode.bidang, kode.program, kode.kegiatan, kode.subkegiatan) == (
        "3",
        "30",
        "01",
        "2.01",
        "0001",
    )
    assert kode.teks == "3.30.01.2.01.0001"
    assert kode.kanonik == "3.30.01.2.01.0001"
    assert kode.kode_bidang == "3.30"
    assert kode.kode_program == "3.30.01"
    assert kode.kode_kegiatan == "3.30.01.2.01"
    assert nama_bidang(kode.kode_bidang) == "Perdagangan"


def test_rantai_induk() -> None:
    kode = urai_kode("3.30.01.2.01.0001")
    rantai = []
    sekarang: Kode | None = kode
    while sekarang is not None:
        rantai.append((sekarang.kanonik, sekarang.tingkat))
        sekarang = sekarang.induk()
    assert rantai == [
        ("3.30.01.2.01.0001", Tingkat.SUBKEGIATAN),
        ("3.30.01.2.01", Tingkat.KEGIATAN),
        ("3.30.01", Tingkat.PROGRAM),
        ("3.30", Tingkat.BIDANG),
        ("3", Tingkat.URUSAN),
    ]


@pytest.mark.parametrize(
    ("teks", "tingkat"),
    [
        ("3", Tingkat.URUSAN),
        ("3.30", Tingkat.BIDANG),
        ("3.30.01", Tingkat.PROGRAM),
        ("3.30.01.2.01", Tingkat.KEGIATAN),
        ("3.30.01.2.01.0001", Tingkat.SUBKEGIATAN),
        ("3.30.01.2.01.05", Tingkat.SUBKEGIATAN),
        ("3.31.02.2.01.03", Tingkat.SUBKEGIATAN),
        (" 3.30.01 ", Tingkat.PROGRAM),
    ],
)
def test_tingkat(teks: str, tingkat: Tingkat) -> None:
    assert urai_kode(teks).tingkat is tingkat


def test_properti_di_atas_tingkat_kode() -> None:
    bidang = urai_kode("3.30")
    assert (bidang.kode_bidang, bidang.kode_program, bidang.kode_kegiatan) == ("3.30", None, None)
    urusan = urai_kode("3")
    assert (urusan.kode_bidang, urusan.kode_program, urusan.kode_kegiatan) == (None, None, None)
    assert urusan.induk() is None
    program = urai_kode("3.30.01")
    assert (program.kegiatan, program.subkegiatan) == (None, None)


def test_nomor_sub_kegiatan_2_digit_sama_dengan_4_digit() -> None:
    lama = urai_kode("3.30.01.2.01.05")
    baru = urai_kode("3.30.01.2.01.0005")
    assert lama.subkegiatan == "0005"
    assert lama.kanonik == "3.30.01.2.01.0005"
    assert lama == baru
    assert hash(lama) == hash(baru)
    assert len({lama, baru}) == 1
    # The text as given is still available.
    assert lama.teks == "3.30.01.2.01.05"
    assert urai_kode("3.31.02.2.01.03").kanonik == "3.31.02.2.01.0003"
    assert urutan(lama) == urutan(baru)


def test_adalah_induk_dari() -> None:
    sub = urai_kode("3.30.01.2.01.0001")
    kegiatan = urai_kode("3.30.01.2.01")
    assert kegiatan.adalah_induk_dari(sub)
    assert urai_kode("3.30.01").adalah_induk_dari(sub)
    assert urai_kode("3.30").adalah_induk_dari(sub)
    assert urai_kode("3").adalah_induk_dari(sub)
    assert sub.induk() == kegiatan
    assert not sub.adalah_induk_dari(kegiatan)
    assert not kegiatan.adalah_induk_dari(kegiatan)
    assert not urai_kode("3.31").adalah_induk_dari(sub)
    assert not urai_kode("3.30.01.2.02").adalah_induk_dari(sub)
    # The old 2-digit serial does not hide the relation.
    assert kegiatan.adalah_induk_dari(urai_kode("3.30.01.2.01.01"))


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("3.3.01", "Kode '3.3.01' tidak sah: bidang urusan harus 2 digit"),
        ("3.300", "Kode '3.300' tidak sah: bidang urusan harus 2 digit"),
        ("30.30", "Kode '30.30' tidak sah: urusan harus 1 digit"),
        ("3.30.1", "Kode '3.30.1' tidak sah: program harus 2 digit"),
        (
            "3.30.01.01",
            "Kode '3.30.01.01' tidak sah: kegiatan harus diawali 1 digit tingkat, misalnya '2.01'",
        ),
        (
            "3.30.01.01.0001",
            "Kode '3.30.01.01.0001' tidak sah: kegiatan harus diawali 1 digit tingkat, misalnya '2.01'",
        ),
        ("3.30.01.2", "Kode '3.30.01.2' tidak sah: nomor kegiatan (2 digit setelah digit tingkat) tidak ada"),
        ("3.30.01.2.1", "Kode '3.30.01.2.1' tidak sah: nomor kegiatan harus 2 digit"),
        (
            "3.30.01.2.01.001",
            "Kode '3.30.01.2.01.001' tidak sah: sub kegiatan harus 4 digit (atau 2 digit pada daftar 2021)",
        ),
        (
            "3.30.01.2.01.00001",
            "Kode '3.30.01.2.01.00001' tidak sah: sub kegiatan harus 4 digit (atau 2 digit pada daftar 2021)",
        ),
        (
            "3.30.01.2.01.0001.1",
            "Kode '3.30.01.2.01.0001.1' tidak sah: "
            "terlalu banyak bagian (paling banyak 6: U.BB.PP.L.KK.SSSS)",
        ),
        ("3.3a", "Kode '3.3a' tidak sah: hanya boleh berisi angka dan titik"),
        ("X.XX.01", "Kode 'X.XX.01' tidak sah: hanya boleh berisi angka dan titik"),
        ("3 .30", "Kode '3 .30' tidak sah: hanya boleh berisi angka dan titik"),
        ("3..01", "Kode '3..01' tidak sah: ada bagian yang kosong"),
        ("3.30.", "Kode '3.30.' tidak sah: ada bagian yang kosong"),
        (".3.30", "Kode '.3.30' tidak sah: ada bagian yang kosong"),
        ("", "Kode tidak boleh kosong"),
        ("   ", "Kode tidak boleh kosong"),
    ],
)
def test_kode_cacat(teks: str, pesan: str) -> None:
    with pytest.raises(KodeError) as info:
        urai_kode(teks)
    assert info.value.pesan == pesan
    assert str(info.value) == pesan
    assert isinstance(info.value, ValueError)


def test_coba_urai_kode() -> None:
    assert coba_urai_kode(None) is None
    assert coba_urai_kode("") is None
    assert coba_urai_kode("  ") is None
    assert coba_urai_kode("3.3.01") is None
    assert coba_urai_kode("Program Penunjang") is None
    kode = coba_urai_kode("3.30.01")
    assert kode is not None and kode.tingkat is Tingkat.PROGRAM


def test_nama_bidang() -> None:
    assert nama_bidang("3.30") == "Perdagangan"
    assert nama_bidang("3.31") == "Perindustrian"
    assert nama_bidang("1.01") == "Pendidikan"
    assert nama_bidang("1.02") == "Kesehatan"
    assert nama_bidang("1.03") == "Pekerjaan Umum dan Penataan Ruang"
    assert nama_bidang("2.07") == "Tenaga Kerja"
    assert nama_bidang("3.25") == "Kelautan dan Perikanan"
    assert nama_bidang("3.29") == "Energi dan Sumber Daya Mineral"
    assert nama_bidang("3.32") == "Transmigrasi"
    assert nama_bidang(" 3.30 ") == "Perdagangan"
    assert nama_bidang("3.31.02.2.01.03") == "Perindustrian"  # a longer code is named by its bidang
    assert nama_bidang("3.99") is None
    assert nama_bidang("3") is None
    assert nama_bidang("tidak ada") is None
    assert nama_bidang("") is None


def test_semua_bidang_urusan_wajib_dan_pilihan_bernama() -> None:
    kode = [f"1.{n:02d}" for n in range(1, 7)] + [f"2.{n:02d}" for n in range(7, 25)]
    kode += [f"3.{n:02d}" for n in range(25, 33)]
    for k in kode:
        assert nama_bidang(k), k


def test_nama_urusan_bidang() -> None:
    assert nama_urusan_bidang("3.30") == "Urusan Pemerintahan Bidang Perdagangan"
    assert nama_urusan_bidang("3.31") == "Urusan Pemerintahan Bidang Perindustrian"
    assert nama_urusan_bidang("9.99") is None


def test_urutan_hierarkis_dan_numerik() -> None:
    urut = [
        "1.01",
        "3",
        "3.30",
        "3.30.01",
        "3.30.01.2.01",
        "3.30.01.2.01.0001",
        "3.30.01.2.01.02",
        "3.30.01.2.01.0010",
        "3.30.01.2.02",
        "3.30.02",
        "3.30.02.2.01.0001",
        "3.31",
        "3.31.02.2.01.03",
    ]
    acak = urut[:]
    random.Random(5889).shuffle(acak)
    hasil = sorted((urai_kode(t) for t in acak), key=urutan)
    assert [k.teks for k in hasil] == urut


# A code of any level, built segment by segment, with the serial in either width.
_kode_teks = st.builds(
    lambda u, b, p, lv, k, s, lebar, n: ".".join(
        [str(u), f"{b:02d}", f"{p:02d}", str(lv), f"{k:02d}", f"{s:0{lebar}d}"][:n]
    ),
    st.integers(1, 9),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 9),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from([2, 4]),
    st.sampled_from([1, 2, 3, 5, 6]),
)


@settings(max_examples=200)
@given(_kode_teks)
def test_kanonik_stabil_dan_induk_konsisten(teks: str) -> None:
    kode = urai_kode(teks)
    assert urai_kode(kode.kanonik) == kode
    assert urai_kode(kode.kanonik).kanonik == kode.kanonik
    induk = kode.induk()
    if induk is not None:
        assert induk.adalah_induk_dari(kode)
        assert urutan(induk) < urutan(kode)
        assert kode.kanonik.startswith(induk.kanonik + ".")


@settings(max_examples=200)
@given(st.text(max_size=25))
def test_coba_urai_kode_tidak_pernah_melempar(teks: str) -> None:
    kode = coba_urai_kode(teks)
    if kode is not None:
        assert kode == urai_kode(teks)
