"""An agency's bidang urusan: which bidang each program belongs to, and their order.

One rule for every place that groups an agency's programs by bidang: the Narasi's sections, the quarter's
texts per bidang (entry screen, entry template, importer), Form E.79's grouping.

* A program belongs to the bidang of its code ("3.31.02" -> "3.31"). Program X.XX.01 (Penunjang Urusan
  Pemerintahan Daerah) belongs to the agency's main bidang: the bidang written in its own code when that is a
  real bidang ("3.30.01" -> "3.30"), else the bidang with the most other programs (the first on a tie).
* The order: the bidang the agency's name names, in the order it names them ("Dinas Perindustrian dan
  Perdagangan": Perindustrian 3.31, then Perdagangan 3.30, as the reference Narasi orders them); every other
  bidang after those, by kode.
"""

from collections import Counter
from collections.abc import Iterable, Sequence

from capaian.aturan.kodering import coba_urai_kode, nama_bidang

LAIN_LAIN = "lain"  # programs without a readable code


def bidang_kode(kode: str | None) -> str:
    """The bidang of a code ("3.30.01" -> "3.30"), LAIN_LAIN for a code without one."""
    k = coba_urai_kode(kode)
    return k.kode_bidang if k is not None and k.kode_bidang is not None else LAIN_LAIN


def penunjang(kode: str | None) -> bool:
    """Program X.XX.01, Penunjang Urusan Pemerintahan Daerah, whatever its first two segments say."""
    return kode is not None and kode.strip().split(".")[2:3] == ["01"]


def bidang_utama(kode_program: Sequence[str | None]) -> str:
    """The agency's main bidang, where its Program Penunjang is filed (see the module's docstring)."""
    for kode in kode_program:
        if penunjang(kode):
            b = bidang_kode(kode)
            if b != LAIN_LAIN and nama_bidang(b):
                return b
    hitung = Counter(bidang_kode(k) for k in kode_program if not penunjang(k))
    hitung.pop(LAIN_LAIN, None)
    return hitung.most_common(1)[0][0] if hitung else LAIN_LAIN


def bidang_per_program(kode_program: Sequence[str | None]) -> dict[str | None, str]:
    """Each program code -> its bidang, Program Penunjang under the agency's main bidang."""
    utama = bidang_utama(kode_program)
    return {k: utama if penunjang(k) else bidang_kode(k) for k in kode_program}


def _kunci_kode(kode: str) -> tuple[int, int]:
    k = coba_urai_kode(kode)
    return (int(k.urusan), int(k.bidang or 0)) if k is not None and k.urusan.isdigit() else (99, 99)


def urutan_bidang(kode_bidang: Iterable[str], nama_pd: str = "") -> list[str]:
    """The bidang in the order the agency's name names them, then the others by kode."""
    nama = " ".join(nama_pd.casefold().split())

    def kunci(kode: str) -> tuple[int, int, int]:
        bidang = nama_bidang(kode) if kode != LAIN_LAIN else None
        letak = nama.find(bidang.casefold()) if bidang else -1
        return (letak if letak >= 0 else len(nama) + 1, *_kunci_kode(kode))

    return sorted(set(kode_bidang), key=kunci)
