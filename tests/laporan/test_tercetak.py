"""A verifier with a calculator: every printed number that is computed from other printed numbers recomputes.

For every row of both demo agencies, the rendered documents are read back (Form E.81 as JSON and as XLSX,
the Kertas Kerja and the Kesimpulan as XLSX, the Narasi as DOCX), their printed strings parsed, the formula
applied with plain Decimal arithmetic (not the engine), rounded half-up to the printed precision and compared
with the printed string. That is how a Bappelitbangda verifier checks a quarter: 12,40 / 13,77 x 100 must
print 90,05.

The methods the documents do not print (how an indicator aggregates its quarters and accumulates its Renstra
years) are taken from the indicator's settings; the polarity formula is the one the Kertas Kerja prints.
"""

import ast
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.db import transaction
from docx import Document
from openpyxl import load_workbook

from capaian.demo.muat import muat_demo
from capaian.laporan.data import DataLaporan
from capaian.laporan.paket import Konteks, render
from capaian.laporan.sumber import muat_data
from capaian.laporan.tabel_e81 import TINGGI_KEPALA
from capaian.organisasi.models import PerangkatDaerah

pytestmark = pytest.mark.django_db

SERATUS = Decimal(100)
AGENSI = ("disperindag", "dinas-contoh")
TRIWULAN = (1, 2)


# --- the calculator -----------------------------------------------------------------------------------


def bulat(x: Decimal | None, tempat: int = 2) -> str | None:
    """Half-up to the printed precision, as the machine string the documents print: "90.05", "1500000"."""
    if x is None:
        return None
    return str(x.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP))


def d(teks: str | None) -> Decimal | None:
    return None if teks is None else Decimal(teks)


def rp(teks: str | None) -> int | None:
    return None if teks is None else int(teks)


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
    """A printed calculation ("1 / 6 × 100", "AVG(100,00; 25,00)", "1.151.384.000 / 3.129.274.170 × 100")
    evaluated as a calculator would; "-" (a blank input) gives no value."""
    if _ada_kosong(teks):
        return None
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


# --- the printed documents, read back -----------------------------------------------------------------


@dataclass
class BarisTercetak:
    """One Form E.81 row as printed: column key ("5K", "7Rp", "T8K", "8Rp", "13K", ...) -> machine string."""

    no: int | None
    kode: str | None
    tingkat: str
    uraian: str
    sel: dict[str, str | None]


def _e81_json(isi: bytes, triwulan: int) -> tuple[list[BarisTercetak], dict[str, str | None]]:
    j = json.loads(isi)
    baris = []
    for b in j["baris"]:
        k = b["kolom"]
        sel: dict[str, str | None] = {}
        for kolom in ("5", "6", "7", "12", "13", "14", "15"):
            sel[f"{kolom}K"] = k[kolom]["k"]
            sel[f"{kolom}Rp"] = None if k[kolom]["rp"] is None else str(k[kolom]["rp"])
        for i in range(triwulan):
            n = str(8 + i)
            for jenis, awalan in (("target", "T"), ("realisasi", "")):
                sel[f"{awalan}{n}K"] = k[n][jenis]["k"]
                r = k[n][jenis]["rp"]
                sel[f"{awalan}{n}Rp"] = None if r is None else str(r)
        sel["predikat13K"], sel["predikat13Rp"] = b["predikat"]["k"], b["predikat"]["rp"]
        baris.append(BarisTercetak(b["no"], b["kode"], b["tingkat"], b["uraian"], sel))
    total = {
        "7Rp": _teks_rp(j["jumlah"]["7"]["rp"]),
        "12Rp": _teks_rp(j["jumlah"]["12"]["rp"]),
        "14Rp": _teks_rp(j["jumlah"]["14"]["rp"]),
        "13K": j["rata_rata"]["13"]["k"],
        "13Rp": j["rata_rata"]["13"]["rp"],
        "15K": j["rata_rata"]["15"]["k"],
        "15Rp": j["rata_rata"]["15"]["rp"],
    }
    return baris, total


def _teks_rp(nilai: int | None) -> str | None:
    return None if nilai is None else str(nilai)


def _kunci_e81(triwulan: int) -> list[str]:
    kunci = ["5K", "5Rp", "6K", "6Rp", "7K", "7Rp"]
    for i in range(triwulan):
        n = str(8 + i)
        kunci += [f"T{n}K", f"T{n}Rp", f"{n}K", f"{n}Rp"]
    return kunci + ["12K", "12Rp", "13K", "13Rp", "14K", "14Rp", "15K", "15Rp"]


def _sel_xlsx(nilai: object, rupiah: bool) -> str | None:
    if nilai is None or nilai in ("-", ""):
        return None
    assert isinstance(nilai, int | float), nilai
    if rupiah:
        assert float(nilai).is_integer(), nilai
        return str(int(nilai))
    # The cell holds the printed 2-decimal value; a float's repr recovers it exactly at these sizes.
    return bulat(Decimal(repr(float(nilai))))


def _e81_xlsx(
    isi: bytes, triwulan: int, jumlah_baris: int
) -> tuple[list[BarisTercetak], dict[str, str | None]]:
    ws = load_workbook(io.BytesIO(isi)).active
    assert ws is not None
    kunci = _kunci_e81(triwulan)
    awal = 6 + TINGGI_KEPALA
    baris = []
    for r in range(awal, awal + jumlah_baris):
        nilai = [ws.cell(row=r, column=c).value for c in range(1, 6 + len(kunci))]
        sel = {
            k: _sel_xlsx(v, k.endswith("Rp") and k[:2] not in ("13", "15"))
            for k, v in zip(kunci, nilai[5:], strict=True)
        }
        no = nilai[0]
        baris.append(
            BarisTercetak(
                int(no) if isinstance(no, int | float) else None,
                nilai[1] or None,
                "",
                str(nilai[2] or ""),
                sel,
            )
        )
    tutup = awal + jumlah_baris
    jumlah_sel = {k: ws.cell(row=tutup, column=6 + i).value for i, k in enumerate(kunci)}
    rata_sel = {k: ws.cell(row=tutup + 1, column=6 + i).value for i, k in enumerate(kunci)}
    assert str(ws.cell(row=tutup, column=1).value).startswith("Jumlah")
    assert str(ws.cell(row=tutup + 1, column=1).value).startswith("Total Rata-Rata")
    total = {k: _sel_xlsx(jumlah_sel[k], True) for k in ("7Rp", "12Rp", "14Rp")}
    total.update({k: _sel_xlsx(rata_sel[k], False) for k in ("13K", "13Rp", "15K", "15Rp")})
    return baris, total


@dataclass
class BarisKK:
    perhitungan: str
    hasil: str | None
    realisasi: str | None
    target: str | None
    capaian: str | None
    rumus_capaian: str


def _kertas_kerja(isi: bytes) -> list[BarisKK]:
    ws = load_workbook(io.BytesIO(isi)).active
    assert ws is not None and ws.cell(row=5, column=9).value == "Perhitungan"
    baris = []
    for r in range(6, ws.max_row + 1):
        if ws.cell(row=r, column=14).value is None:
            break  # the signature block below the table
        v = [ws.cell(row=r, column=c).value for c in range(1, 16)]
        baris.append(
            BarisKK(
                perhitungan=str(v[8] or ""),
                hasil=_sel_xlsx(v[9], False),
                realisasi=_sel_xlsx(v[10], False),
                target=_sel_xlsx(v[11], False),
                capaian=_sel_xlsx(v[12], False),
                rumus_capaian=str(v[13]),
            )
        )
    return baris


def _kesimpulan(isi: bytes) -> tuple[list[tuple[str, str | None, str | None]], tuple[str | None, str | None]]:
    ws = load_workbook(io.BytesIO(isi)).active
    assert ws is not None
    baris = []
    for r in range(4, ws.max_row + 1):
        nama = ws.cell(row=r, column=3).value
        k, rp_ = (
            _sel_xlsx(ws.cell(row=r, column=4).value, False),
            _sel_xlsx(ws.cell(row=r, column=6).value, False),
        )
        if nama == "Rata-rata seluruh program":
            return baris, (k, rp_)
        baris.append((str(nama), k, rp_))
    raise AssertionError("baris rata-rata Kesimpulan tidak ditemukan")


@dataclass
class BidangTercetak:
    anggaran: str | None
    realisasi: str | None
    capaian: str | None  # None when the sentence says there is no capaian yet
    serapan: str | None
    program: list[tuple[str, str | None, str | None]]


def _narasi(isi: bytes) -> list[BidangTercetak]:
    doc = Document(io.BytesIO(isi))
    paragraf = [p.text for p in doc.paragraphs]
    anggaran = [
        m.groups()
        for p in paragraf
        if (
            m := re.search(
                r"anggaran sebesar (\S+) dan sampai dengan .*, realisasi keuangan telah mencapai (\S+)", p
            )
        )
    ]
    kalimat = [p for p in paragraf if p.startswith("Secara keseluruhan")]
    tabel = [t for t in doc.tables if t.rows[0].cells[0].text == "No"][: len(anggaran)]
    assert len(anggaran) == len(kalimat) == len(tabel) > 0
    bidang = []
    for (a, r), teks, t in zip(anggaran, kalimat, tabel, strict=True):
        c = re.search(r"kinerja outcome sebesar (\S+?%)", teks)
        s = re.search(r"realisasi keuangan sebesar (\S+?%)", teks)
        assert s is not None, teks
        bidang.append(
            BidangTercetak(
                anggaran=indonesia(a),
                realisasi=indonesia(r),
                capaian=indonesia(c.group(1)) if c else None,
                serapan=indonesia(s.group(1)),
                program=[
                    (row.cells[1].text, indonesia(row.cells[2].text), indonesia(row.cells[3].text))
                    for row in t.rows[1:]
                ],
            )
        )
    return bidang


@dataclass
class Dokumen:
    slug: str
    triwulan: int
    data: DataLaporan
    berkas: dict[str, bytes]


@pytest.fixture(scope="module")
def dokumen(django_db_setup: None, django_db_blocker: pytest.FixtureDef) -> Iterator[list[Dokumen]]:
    hasil = []
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        muat_demo(settings.DEMO_SEED_DIR)
        for slug in AGENSI:
            pd = PerangkatDaerah.objects.select_related("pemda").get(slug=slug)
            for tw in TRIWULAN:
                data = muat_data(pd, 2024, tw)
                k = Konteks(data)
                berkas = {
                    nama: render(k, jenis, fmt)
                    for nama, jenis, fmt in (
                        ("e81.json", "e81", "json"),
                        ("e81.xlsx", "e81", "xlsx"),
                        ("kertas-kerja.xlsx", "kertas-kerja", "xlsx"),
                        ("kesimpulan.xlsx", "kesimpulan", "xlsx"),
                        ("narasi.docx", "narasi", "docx"),
                    )
                }
                hasil.append(Dokumen(slug, tw, data, berkas))
        transaction.set_rollback(True)
    yield hasil


# --- the checks ---------------------------------------------------------------------------------------


class Catatan:
    def __init__(self) -> None:
        self.salah: list[str] = []
        self.diperiksa = 0

    def sama(self, tempat: str, tercetak: str | None, dihitung: str | None, cara: str) -> None:
        self.diperiksa += 1
        if tercetak != dihitung:
            self.salah.append(f"{tempat}: printed {tercetak!r}, calculator {dihitung!r} ({cara})")


def _induk(kode: str | None, tingkat: str) -> str | None:
    """The parent code a calculator would read off a code: a sub kegiatan's kegiatan, a kegiatan's program."""
    if not kode:
        return None
    bagian = kode.split(".")
    return {"subkegiatan": ".".join(bagian[:5]), "kegiatan": ".".join(bagian[:3])}.get(tingkat)


def periksa_e81(
    c: Catatan,
    nama: str,
    baris: list[BarisTercetak],
    total: dict[str, str | None],
    dok: Dokumen,
    rumus_capaian: list[str],
) -> None:
    tw = dok.triwulan
    tingkat = [r.tingkat for r in dok.data.baris]
    for b, r, rumus in zip(baris, dok.data.baris, rumus_capaian, strict=True):
        s = b.sel
        t = f"{nama} {dok.slug} TW{tw} row {b.no or '-'} {r.kode or r.indikator[:30]}"
        k12 = bulat(agregasi([d(s[f"{8 + i}K"]) for i in range(tw)], r.sifat.agregasi.value))
        c.sama(f"{t} col 12 K", s["12K"], k12, f"{r.sifat.agregasi.value} of the quarters")
        c.sama(f"{t} col 12 Rp", s["12Rp"], _teks_rp(jumlah([rp(s[f"{8 + i}Rp"]) for i in range(tw)])), "sum")
        c.sama(f"{t} col 13 K", s["13K"], bulat(capaian(d(s["12K"]), d(s["7K"]), rumus)), f"12 vs 7, {rumus}")
        c.sama(f"{t} col 13 Rp", s["13Rp"], bulat(persen_rp(rp(s["12Rp"]), rp(s["7Rp"]))), "12 / 7 x 100")
        k14 = bulat(akumulasi(d(s["6K"]), d(s["12K"]), r.sifat.akumulasi.value))
        c.sama(f"{t} col 14 K", s["14K"], k14, r.sifat.akumulasi.value)
        rp14 = None if s["12Rp"] is None else str(int(s["12Rp"]) + (rp(s["6Rp"]) or 0))
        c.sama(f"{t} col 14 Rp", s["14Rp"], rp14, "6 + 12")
        c.sama(f"{t} col 15 K", s["15K"], bulat(capaian(d(s["14K"]), d(s["5K"]), rumus)), f"14 vs 5, {rumus}")
        c.sama(f"{t} col 15 Rp", s["15Rp"], bulat(persen_rp(rp(s["14Rp"]), rp(s["5Rp"]))), "14 / 5 x 100")
        if "predikat13K" in s:
            for kr in ("K", "Rp"):
                label = dok.data.set_predikat.predikat(d(s[f"13{kr}"]))
                c.sama(f"{t} predikat 13 {kr}", s[f"predikat13{kr}"], label, "band of the printed value")
        # A parent's Rp (except col 6) is the sum of its children's as printed.
        anak = [
            a
            for a, ra in zip(baris, dok.data.baris, strict=True)
            if not ra.lanjutan and _induk(a.kode, ra.tingkat) == b.kode and b.kode
        ]
        if anak and not r.lanjutan and r.tingkat in ("program", "kegiatan"):
            kunci = ["5Rp", "7Rp"] + [f"{a}{8 + i}Rp" for i in range(tw) for a in ("T", "")]
            for k in kunci:
                c.sama(
                    f"{t} {k}", s[k], _teks_rp(jumlah([rp(a.sel[k]) for a in anak])), "sum of the children"
                )
    program = [b for b, ti in zip(baris, tingkat, strict=True) if ti == "program" and b.no is not None]
    t = f"{nama} {dok.slug} TW{tw} totals"
    for k in ("7Rp", "12Rp", "14Rp"):
        c.sama(
            f"{t} Jumlah {k}", total[k], _teks_rp(jumlah([rp(b.sel[k]) for b in program])), "sum of programs"
        )
    c.sama(f"{t} 13 K", total["13K"], bulat(rata([d(b.sel["13K"]) for b in program])), "mean of programs")
    c.sama(
        f"{t} 13 Rp", total["13Rp"], bulat(persen_rp(rp(total["12Rp"]), rp(total["7Rp"]))), "Jumlah 12 / 7"
    )
    c.sama(f"{t} 15 K", total["15K"], bulat(rata([d(b.sel["15K"]) for b in program])), "mean of programs")
    jumlah5 = jumlah([rp(b.sel["5Rp"]) for b in program])
    c.sama(f"{t} 15 Rp", total["15Rp"], bulat(persen_rp(rp(total["14Rp"]), jumlah5)), "Jumlah 14 / 5")


def periksa_kertas_kerja(c: Catatan, kk: list[BarisKK], e81: list[BarisTercetak], dok: Dokumen) -> None:
    assert len(kk) == len(e81)
    for b, e, r in zip(kk, e81, dok.data.baris, strict=True):
        t = f"Kertas Kerja {dok.slug} TW{dok.triwulan} row {e.no or '-'} {r.kode or r.indikator[:30]}"
        if b.perhitungan:
            kiri, _, kanan = b.perhitungan.rpartition(" = ")
            c.sama(f"{t} calculation", indonesia(kanan), bulat(hitung_teks(kiri)), kiri)
            c.sama(f"{t} result", b.hasil, indonesia(kanan), "the calculation's result")
            c.sama(f"{t} result in Form E.81", b.hasil, e.sel[f"{8 + dok.triwulan - 1}K"], "quarter K")
        c.sama(f"{t} realisasi", b.realisasi, e.sel["12K"], "Form E.81 col 12")
        c.sama(f"{t} target", b.target, e.sel["7K"], "Form E.81 col 7")
        c.sama(
            f"{t} capaian",
            b.capaian,
            bulat(capaian(d(b.realisasi), d(b.target), b.rumus_capaian)),
            b.rumus_capaian,
        )


def _program(e81: list[BarisTercetak], dok: Dokumen) -> dict[str, BarisTercetak]:
    return {
        b.uraian: b
        for b, r in zip(e81, dok.data.baris, strict=True)
        if r.tingkat == "program" and not r.lanjutan
    }


def periksa_kesimpulan(
    c: Catatan,
    baris: list[tuple[str, str | None, str | None]],
    rata_: tuple[str | None, str | None],
    e81: list[BarisTercetak],
    rumus: dict[str, str],
    dok: Dokumen,
) -> None:
    program = _program(e81, dok)
    assert [n for n, _, _ in baris] == list(program)
    t = f"Kesimpulan {dok.slug} TW{dok.triwulan}"
    for nama, k, s in baris:
        e = program[nama].sel
        c.sama(f"{t} {nama} capaian", k, bulat(capaian(d(e["12K"]), d(e["7K"]), rumus[nama])), "E.81 12 vs 7")
        c.sama(f"{t} {nama} serapan", s, bulat(persen_rp(rp(e["12Rp"]), rp(e["7Rp"]))), "E.81 12 / 7")
    c.sama(
        f"{t} rata-rata K", rata_[0], bulat(rata([d(k) for _, k, _ in baris])), "mean of the programs above"
    )
    jumlah12 = jumlah([rp(p.sel["12Rp"]) for p in program.values()])
    jumlah7 = jumlah([rp(p.sel["7Rp"]) for p in program.values()])
    c.sama(f"{t} rata-rata Rp", rata_[1], bulat(persen_rp(jumlah12, jumlah7)), "E.81 Jumlah 12 / 7")


def periksa_narasi(
    c: Catatan, bidang: list[BidangTercetak], e81: list[BarisTercetak], rumus: dict[str, str], dok: Dokumen
) -> None:
    program = _program(e81, dok)
    assert sorted(n for b in bidang for n, _, _ in b.program) == sorted(program)
    for i, b in enumerate(bidang, start=1):
        t = f"Narasi {dok.slug} TW{dok.triwulan} bidang {i}"
        anggota = [program[n].sel for n, _, _ in b.program]
        for nama, k, s in b.program:
            e = program[nama].sel
            c.sama(
                f"{t} {nama} capaian", k, bulat(capaian(d(e["12K"]), d(e["7K"]), rumus[nama])), "E.81 12 vs 7"
            )
            c.sama(f"{t} {nama} serapan", s, bulat(persen_rp(rp(e["12Rp"]), rp(e["7Rp"]))), "E.81 12 / 7")
        c.sama(
            f"{t} anggaran",
            b.anggaran,
            _teks_rp(jumlah([rp(e["7Rp"]) for e in anggota])),
            "sum of E.81 col 7",
        )
        c.sama(
            f"{t} realisasi", b.realisasi, _teks_rp(jumlah([rp(e["12Rp"]) for e in anggota])), "sum of col 12"
        )
        c.sama(f"{t} capaian", b.capaian, bulat(rata([d(k) for _, k, _ in b.program])), "mean of the table")
        c.sama(
            f"{t} serapan",
            b.serapan,
            bulat(persen_rp(rp(b.realisasi), rp(b.anggaran))),
            "realisasi / anggaran",
        )


def test_every_printed_number_recomputes_from_the_printed_inputs(dokumen: list[Dokumen]) -> None:
    c = Catatan()
    for dok in dokumen:
        n = len(dok.data.baris)
        kk = _kertas_kerja(dok.berkas["kertas-kerja.xlsx"])
        rumus_capaian = [b.rumus_capaian for b in kk]
        json_baris, json_total = _e81_json(dok.berkas["e81.json"], dok.triwulan)
        xlsx_baris, xlsx_total = _e81_xlsx(dok.berkas["e81.xlsx"], dok.triwulan, n)
        for b, x in zip(json_baris, xlsx_baris, strict=True):
            x.tingkat = b.tingkat
        periksa_e81(c, "Form E.81 JSON", json_baris, json_total, dok, rumus_capaian)
        periksa_e81(c, "Form E.81 XLSX", xlsx_baris, xlsx_total, dok, rumus_capaian)
        for j, x in zip(json_baris, xlsx_baris, strict=True):
            for k, v in j.sel.items():
                if not k.startswith("predikat"):
                    c.sama(
                        f"Form E.81 {dok.slug} TW{dok.triwulan} row {j.no} {k}", x.sel[k], v, "XLSX = JSON"
                    )
        periksa_kertas_kerja(c, kk, json_baris, dok)
        rumus = {
            r.uraian: kk_b.rumus_capaian
            for r, kk_b in zip(dok.data.baris, kk, strict=True)
            if r.tingkat == "program" and not r.lanjutan
        }
        baris_k, rata_k = _kesimpulan(dok.berkas["kesimpulan.xlsx"])
        periksa_kesimpulan(c, baris_k, rata_k, json_baris, rumus, dok)
        periksa_narasi(c, _narasi(dok.berkas["narasi.docx"]), json_baris, rumus, dok)
    assert c.diperiksa > 2000
    assert not c.salah, f"{len(c.salah)} of {c.diperiksa} printed numbers do not recompute:\n" + "\n".join(
        c.salah
    )


def test_the_calculator_itself() -> None:
    # The verifier must be able to fail: its arithmetic is checked against hand-computed values.
    assert bulat(hitung_teks("90 / 726 × 100")) == "12.40"
    assert bulat(hitung_teks("12,40 / 13,77 × 100")) == "90.05"
    assert bulat(hitung_teks("AVG(21,91; 23,48; 16,67)")) == "20.69"
    assert bulat(hitung_teks("1.151.384.000 / 3.129.274.170 × 100")) == "36.79"
    assert hitung_teks("- / 3.416 × 100") is None and hitung_teks("AVG(100,00; -)") is None
    assert hitung_teks("(120 - 100) / 100 × 100") == 20 and hitung_teks("(-5) - -") is None
    assert hitung_teks("-5 - 5") == -10
    assert bulat(capaian(Decimal("19.88"), Decimal(10), "(2T − R) / T × 100, minimal 0")) == "1.20"
    assert indonesia("Rp.2.585.049.200,-") == "2585049200" and indonesia("36,79%") == "36.79"
    assert bulat(Decimal("0.125")) == "0.13" and bulat(Decimal("-1.005")) == "-1.01"
