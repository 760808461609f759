"""Formulas in the reference's notation (Rumus.notasi), by the variables' labels, for each kind of formula
the Kertas Kerja carries; and the substituted calculation's function names (Rumus.substitusi)."""

from decimal import Decimal

import pytest

from capaian.aturan.rumus import notasi_besaran, urai

PAD = {"realisasi_pad": "Realisasi PAD pelayanan pasar", "target_pad": "Target PAD pelayanan pasar"}


def test_ratio_by_labels_with_percent() -> None:
    # The issue's own example; "x 100%" as a report writes it, or "* 100" as the engine does.
    for sumber in ("realisasi_pad / target_pad * 100", "realisasi_pad : target_pad x 100%"):
        assert (
            urai(sumber).notasi(PAD)
            == "Σ Realisasi PAD pelayanan pasar / Σ Target PAD pelayanan pasar × 100 %"
        )


def test_growth_keeps_its_parentheses_and_a_true_minus() -> None:
    label = {"n": "IKM ekspor Tahun n", "lalu": "IKM ekspor Tahun (n-1)"}
    assert urai("(n - lalu) / lalu * 100").notasi(label) == (
        "(Σ IKM ekspor Tahun n − Σ IKM ekspor Tahun (n-1)) / Σ IKM ekspor Tahun (n-1) × 100 %"
    )


def test_a_ratio_without_percent_has_no_percent_sign() -> None:
    assert urai("a / b").notasi({"a": "Temuan ditindaklanjuti", "b": "Temuan"}) == (
        "Σ Temuan ditindaklanjuti / Σ Temuan"
    )
    # "× 100" inside a larger expression is not the formula's percentage.
    assert urai("a / b * 100 + 1").notasi({}) == "a / b × 100 + 1"


def test_average_of_other_indicators_by_their_names() -> None:
    rumus = urai("AVG([3.30.01.2.01]; [3.30.01.2.02])")
    nama = {
        "3.30.01.2.01": "Persentase dokumen tepat waktu",
        "3.30.01.2.02": "Persentase laporan tepat waktu",
    }
    assert (
        rumus.notasi({}, nama) == "Rata-rata (Persentase dokumen tepat waktu; Persentase laporan tepat waktu)"
    )
    # An indicator not in the report keeps its code, so the reader can still find it.
    assert rumus.notasi({}, {"3.30.01.2.01": "Persentase dokumen tepat waktu"}) == (
        "Rata-rata (Persentase dokumen tepat waktu; [3.30.01.2.02])"
    )


def test_average_of_monthly_ratios_each_a_percentage() -> None:
    # Row 41 of the reference (lower is better: its capaian formula is the Kertas Kerja's Rumus Capaian).
    label = {
        "n1": "Bahan pokok berfluktuasi > 10% April",
        "d1": "Bahan pokok dipantau April",
        "n2": "X",
        "d2": "Y",
    }
    assert urai("RATA(n1 / d1 * 100; n2 / d2 * 100)").notasi(label) == (
        "Rata-rata (Σ Bahan pokok berfluktuasi > 10% April / Σ Bahan pokok dipantau April × 100 %; "
        "Σ X / Σ Y × 100 %)"
    )


def test_a_mean_of_rates_takes_no_sigma() -> None:
    # Row 40: the months' average fluctuation (already percentages) are not counted quantities.
    label = {f"f{i}": f"Rata-rata persentase fluktuasi harga bulan ke-{i}" for i in (1, 2, 3)}
    assert urai("AVG(f1; f2; f3)").notasi(label) == (
        "Rata-rata (Rata-rata persentase fluktuasi harga bulan ke-1; Rata-rata persentase fluktuasi harga "
        "bulan ke-2; Rata-rata persentase fluktuasi harga bulan ke-3)"
    )


@pytest.mark.parametrize(
    ("sumber", "notasi"),
    [
        ("SUM(a; b)", "Jumlah (Σ A; Σ B)"),
        ("MIN(a; b)", "Terendah (Σ A; Σ B)"),
        ("MAX(a; b)", "Tertinggi (Σ A; Σ B)"),
        ("-a + -(b - 2,5)", "−Σ A + (−(Σ B − 2,5))"),
        ("a * 1000000", "Σ A × 1.000.000"),
    ],
)
def test_functions_signs_and_numbers(sumber: str, notasi: str) -> None:
    assert urai(sumber).notasi({"a": "A", "b": "B"}) == notasi


def test_a_variable_without_label_is_shown_as_written() -> None:
    assert urai("pad / 2").notasi({}) == "pad / 2"
    assert urai("pad / 2").notasi({"pad": ""}) == "pad / 2"


@pytest.mark.parametrize(
    ("label", "notasi"),
    [
        ("Jumlah pasar yang dikelola", "Σ pasar yang dikelola"),
        ("Realisasi PAD pelayanan pasar", "Σ Realisasi PAD pelayanan pasar"),
        ("Persentase Temuan yang Ditindaklanjuti", "Persentase Temuan yang Ditindaklanjuti"),
        ("Nilai SAKIP PD", "Nilai SAKIP PD"),
        ("Rata-rata persentase fluktuasi", "Rata-rata persentase fluktuasi"),
        ("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat"),
        ("Σ dokumen", "Σ dokumen"),
        ("  Jumlah   laporan  ", "Σ laporan"),
    ],
)
def test_quantity_notation(label: str, notasi: str) -> None:
    assert notasi_besaran(label) == notasi


def test_the_calculation_names_functions_in_indonesian() -> None:
    rumus = urai("AVG([a]; [b]; [c])")
    nilai = {"a": Decimal(100), "b": Decimal("25.00"), "c": None}
    assert rumus.substitusi({}, nilai) == "Rata-rata (100; 25,00; -)"
    # The canonical text stays parseable engine syntax.
    assert rumus.teks() == "AVG([a]; [b]; [c])"
    assert urai(rumus.teks()).pohon == rumus.pohon
