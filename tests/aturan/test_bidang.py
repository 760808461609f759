"""An agency's bidang: Program Penunjang under the main bidang, the order of the agency's name, then kode."""

from capaian.aturan.bidang import LAIN_LAIN, bidang_per_program, bidang_utama, urutan_bidang


def test_penunjang_di_bidang_utama() -> None:
    assert bidang_per_program(["3.30.01", "3.30.02", "3.31.02"]) == {
        "3.30.01": "3.30",
        "3.30.02": "3.30",
        "3.31.02": "3.31",
    }
    # "X.XX.01" names no bidang: the one with most other programs (the first on a tie).
    assert bidang_per_program(["X.XX.01", "2.17.02", "1.02.02", "1.02.03"])["X.XX.01"] == "1.02"
    assert bidang_utama(["X.XX.01", "2.17.02", "1.02.02"]) == "2.17"
    assert bidang_per_program(["ngawur"]) == {"ngawur": LAIN_LAIN}


def test_urutan_nama_lalu_kode() -> None:
    nama = "Dinas Perindustrian dan Perdagangan Kota Pasuruan"
    assert urutan_bidang(["3.30", "3.31"], nama) == ["3.31", "3.30"]
    assert urutan_bidang(["3.30", "3.31", "3.30"]) == ["3.30", "3.31"]
    assert urutan_bidang([LAIN_LAIN, "1.01"], "Dinas Pendidikan") == ["1.01", LAIN_LAIN]
