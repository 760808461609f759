"""Free text as kept (capaian.aturan.teks): every kind of line end is a line break, other control
characters are removed, tab and ordinary text untouched."""

import pytest

from capaian.aturan.teks import bersihkan_teks


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("baris satu\x0bbaris dua", "baris satu\nbaris dua"),  # Word's manual line break (Shift+Enter)
        ("a\r\nb\rc\x0cd\u2028e\u2029f\x85g", "a\nb\nc\nd\ne\nf\ng"),
        ("nol\x00 satu\x01 bel\x07 del\x7f c1\x9b.", "nol satu bel del c1."),
        ("kolom\tkedua", "kolom\tkedua"),
        ("Rp 1.000.000 — “kutip” é 中文", "Rp 1.000.000 — “kutip” é 中文"),
        (
            '=HYPERLINK("x")',
            '=HYPERLINK("x")',
        ),  # a formula-looking text stays text (exports write it as text)
    ],
)
def test_bersihkan_teks(masuk: str, keluar: str) -> None:
    assert bersihkan_teks(masuk) == keluar
    assert bersihkan_teks(keluar) == keluar
