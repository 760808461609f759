"""A calculator for the verifier (tests/laporan/test_tercetak.py): plain Decimal arithmetic on printed
numbers, independent of the rules core, rounding half-up to the printed precision."""

import ast
import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

SERATUS = Decimal(100)


def bulat(x: Decimal | None, tempat: int = 2) -> str | None:
    """Half-up to the printed precision, as the machine string the documents print: "90.05", "1500000"."""
    if x is None:
        return None
    return str(x.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP))


def d(teks: str | None) -> Decimal | None:
    return None if teks is None else Decimal(teks)


def rp(teks: str | None) -> int | None:
    return None if teks is None else int(teks)


def teks_rp(nilai: int | None) -> str | None:
    """A Rupiah amount as the machine string the JSON prints."""
    return None if nilai is None else str(nilai)


def indonesia(teks: str) -> str | None:
    """A printed Indonesian number ("1.151.384.000", "36,79%", "Rp.2.585.049.200,-", "-") in machine form."""
    t = teks.strip().removesuffix("%").removeprefix("Rp.").removesuffix(",-").strip()
    if t in ("", "-"):
        return None
    return str(Decimal(t.replace(".", "").replace(",", ".")))


def capaian(realisasi: Decimal | None, target: Decimal | None, rumus: str) -> Decimal | None:
    """The Kertas Kerja's printed "Rumus Capaian" applied to R and T."""
    if realisasi is None or target is None or target == 0:
        return None
    if rumus == "R / T × 100":
        return realisasi / target * SERATUS
    if rumus == "T / R × 100":
        return None if realisasi == 0 else target / realisasi * SERATUS
    assert rumus == "(2T − R) / T × 100, minimal 0", rumus
    return max((2 * target - realisasi) / target * SERATUS, Decimal(0))


def persen_rp(realisasi: int | None, anggaran: int | None) -> Decimal | None:
    if realisasi is None or anggaran is None or anggaran == 0:
        return None
    return Decimal(realisasi) / Decimal(anggaran) * SERATUS


def jumlah(nilai: Sequence[int | None]) -> int | None:
    ada = [n for n in nilai if n is not None]
    return sum(ada) if ada else None


def rata(nilai: Sequence[Decimal | None]) -> Decimal | None:
    ada = [n for n in nilai if n is not None]
    return sum(ada, Decimal(0)) / len(ada) if ada else None


def agregasi(nilai: Sequence[Decimal | None], cara: str) -> Decimal | None:
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    return {
        "jumlah": lambda: sum(ada, Decimal(0)),
        "terakhir": lambda: ada[-1],
        "rata-rata": lambda: sum(ada, Decimal(0)) / len(ada),
        "maksimum": lambda: max(ada),
        "minimum": lambda: min(ada),
    }[cara]()


def akumulasi(lalu: Decimal | None, tahun_ini: Decimal | None, cara: str) -> Decimal | None:
    if tahun_ini is None:
        return None
    if cara == "posisi-akhir":
        return tahun_ini
    if cara == "kumulatif":
        return None if lalu is None else lalu + tahun_ini
    assert cara == "rata-rata", cara
    return tahun_ini if lalu is None else (lalu + tahun_ini) / 2


def _ada_kosong(teks: str) -> bool:
    """Whether an operand is printed "-" (blank): a lone "-" where an operand is expected. A binary minus
    stands where an operator is expected; a sign is written against its operand ("-5", "(-5)")."""
    operan = True
    for m in re.finditer(r"\d[\d.,]*|[A-Za-z_]\w*|\S", teks):
        token, sesudah = m.group(), teks[m.end() : m.end() + 1]
        if token == "-" and operan and sesudah in ("", " ", ")", ";"):
            return True
        if token in ("(", ";", "+", "-", "×", "*", "/"):
            operan = True
        elif token == ")" or token[0].isdigit():
            operan = False
        # function names keep expecting their "("
    return False


def hitung_teks(teks: str) -> Decimal | None:
    """A printed calculation ("1 / 6 × 100", "Rata-rata (100,00; 25,00)", "1.151.384.000 / 3.129.274.170 ×
    100") evaluated as a calculator would; "-" (a blank input) gives no value."""
    if _ada_kosong(teks):
        return None
    # The functions as the Kertas Kerja prints them ("Rata-rata (100,00; 25,00)") in a calculator's names.
    for nama, fungsi in (("Rata-rata", "AVG"), ("Jumlah", "SUM"), ("Terendah", "MIN"), ("Tertinggi", "MAX")):
        teks = teks.replace(f"{nama} (", f"{fungsi}(")
    sumber = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", teks)  # thousands grouping
    sumber = re.sub(r"(?<=\d),(?=\d)", ".", sumber).replace(";", ",").replace("×", "*").replace("−", "-")

    def nilai(n: ast.expr) -> Decimal:
        if isinstance(n, ast.Constant):
            segmen = ast.get_source_segment(sumber, n)
            assert segmen is not None
            return Decimal(segmen)
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return -nilai(n.operand)
        if isinstance(n, ast.BinOp):
            a, b = nilai(n.left), nilai(n.right)
            operasi: dict[type, Callable[[], Decimal]] = {
                ast.Add: lambda: a + b,
                ast.Sub: lambda: a - b,
                ast.Mult: lambda: a * b,
                ast.Div: lambda: a / b,
            }
            return operasi[type(n.op)]()
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            arg = [nilai(x) for x in n.args]
            nama = n.func.id.upper()
            if nama in ("AVG", "RATA"):
                return sum(arg, Decimal(0)) / len(arg)
            return {"SUM": lambda: sum(arg, Decimal(0)), "MIN": lambda: min(arg), "MAX": lambda: max(arg)}[
                nama
            ]()
        raise AssertionError(f"tidak dapat dihitung: {teks!r}")

    return nilai(ast.parse(sumber, mode="eval").body)
