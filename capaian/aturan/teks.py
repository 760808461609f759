"""Free text as Capaian keeps it (the quarter's texts, notes, reasons), whichever door it came through.

Line ends of every kind become "\\n": Windows' CR LF, an old Mac's CR, the vertical tab Word writes for a
manual line break (Shift+Enter), form feed, and Unicode's line and paragraph separators. Every other control
character (NUL, \\x01, ..., DEL, the C1 range) is removed: it is invisible to the person who typed it, a
database may refuse it (PostgreSQL refuses NUL) and a workbook cannot hold it. Tab stays.
"""

import re

_BARIS = re.compile(r"\r\n|[\r\v\f\u0085\u2028\u2029]")
_KENDALI = {c: None for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)}


def bersihkan_teks(teks: str) -> str:
    return _BARIS.sub("\n", teks).translate(_KENDALI)
