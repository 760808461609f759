"""Totals below Form E.81 over the programs, with the method recorded."""

from decimal import Decimal as D

from capaian.aturan.angka import bulatkan
from capaian.aturan.capaian import HasilBaris, KRp, MasukanBaris, Persen, hitung_baris
from capaian.aturan.rekap import MetodeRata, rekap_program


def _program(
    target_rp: int, real_rp: int | None, target_k: str, real_k: str | None
) -> tuple[MasukanBaris, HasilBaris]:
    masukan = MasukanBaris(
        target=KRp(k=D(target_k), rp=target_rp),
        realisasi_tw=(KRp(k=None if real_k is None else D(real_k), rp=real_rp), KRp(), KRp(), KRp()),
    )
    return masukan, hitung_baris(masukan, 1)


def test_rp_is_ratio_of_sums_and_k_is_mean_of_programs_with_a_value() -> None:
    program = [
        _program(1000, 500, "10", "10"),
        _program(3000, 300, "10", "5"),
        _program(1000, None, "10", None),
    ]
    rekap = rekap_program(program, 1)
    assert rekap.jumlah_target_rp == 5000
    assert rekap.jumlah_realisasi_rp == 800
    assert rekap.rata_capaian.rp == 16  # 800 / 5000, not the mean of 50 %, 10 % and nothing
    assert rekap.rata_capaian.k == 75  # (100 + 50) / 2: the blank program is left out, not counted as 0
    assert rekap.program_tanpa_capaian_k == 1
    assert "1 dari 3 program" in rekap.uraian_metode()
    assert rekap.predikat == ("Sedang", "Sangat Rendah")  # 75 is the top of Sedang (65 < x <= 75)


def test_mean_of_the_reports_own_program_percentages_is_its_65_08() -> None:
    # The report's col 13 K per program, blanks printed as 0 and row 40 scored higher-is-better:
    # its 65,08 % is exactly this mean, so the method is the report's own.
    tertulis = ["93.88", "107.50", "36.79", "198.75", "0", "18.64", "0"]
    program = []
    for nilai in tertulis:
        masukan = MasukanBaris(
            target=KRp(k=D(100), rp=1), realisasi_tw=(KRp(k=D(nilai), rp=1), KRp(), KRp(), KRp())
        )
        program.append((masukan, hitung_baris(masukan, 1)))
    rekap = rekap_program(program, 1)
    assert bulatkan(rekap.rata_capaian.k or D(0)) == D("65.08")
    assert rekap.predikat[0] == "Sedang"


def test_mean_method_for_rp_is_available_and_recorded() -> None:
    program = [_program(1000, 500, "10", "10"), _program(3000, 300, "10", "5")]
    rekap = rekap_program(program, 1, metode_rp=MetodeRata.RATA_RATA_PROGRAM)
    assert rekap.rata_capaian == Persen(k=D(75), rp=D(30))
    assert "rata-rata persentase" in rekap.uraian_metode().split("Rp:")[1]


def test_means_are_over_the_printed_percentages_and_printed_themselves() -> None:
    # 1 / 3 and 2 / 3 print 33,33 and 66,67; their mean is (33,33 + 66,67) / 2 = 50,00 as printed, and a mean
    # of 33,33 and 33,34 (33,335) prints half-up 33,34.
    program = [_program(3, 1, "3", "1"), _program(3, 2, "3", "2")]
    rekap = rekap_program(program, 1, metode_rp=MetodeRata.RATA_RATA_PROGRAM)
    assert [h.capaian.k for _, h in program] == [D("33.33"), D("66.67")]
    assert rekap.rata_capaian == Persen(k=D("50.00"), rp=D("50.00"))
    ganjil = [_program(3, 1, "3", "1"), _program(10000, 3334, "10000", "3334")]
    assert rekap_program(ganjil, 1).rata_capaian.k == D("33.34")
    assert rekap_program(ganjil, 1).rata_capaian.rp == D("33.34")  # 3335 / 10003 = 33,3400 as printed
