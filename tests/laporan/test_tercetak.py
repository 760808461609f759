"""A verifier with a calculator: every printed number that is computed from other printed numbers recomputes.

For every row of both demo agencies, the rendered documents are read back (Form E.81 as JSON and as XLSX,
the Kertas Kerja and the Kesimpulan as XLSX, the Narasi as DOCX), their printed strings parsed, the formula
applied with plain Decimal arithmetic (not the engine), rounded half-up to the printed precision and compared
with the printed string. That is how a Bappelitbangda verifier checks a quarter: 12,40 / 13,77 x 100 must
print 90,05.

The methods the documents do not print (how an indicator aggregates its quarters and accumulates its Renstra
years) are taken from the indicator's settings; the polarity formula is the one the Kertas Kerja prints.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import transaction

from capaian.demo.muat import muat_demo
from capaian.laporan.data import DataLaporan
from capaian.laporan.paket import Konteks, render
from capaian.laporan.sumber import muat_data
from capaian.organisasi.models import PerangkatDaerah
from tests.laporan.kalkulator import (
    agregasi,
    akumulasi,
    bulat,
    capaian,
    d,
    hitung_teks,
    indonesia,
    jumlah,
    persen_rp,
    rata,
    rp,
    teks_rp,
)
from tests.laporan.tercetak import (
    BarisKK,
    BarisTercetak,
    BidangTercetak,
    baca_e81_json,
    baca_e81_xlsx,
    baca_kertas_kerja,
    baca_kesimpulan,
    baca_narasi,
    urutan_e81,
)

pytestmark = pytest.mark.django_db

AGENSI = ("disperindag", "dinas-contoh")
TRIWULAN = (1, 2)


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
        c.sama(f"{t} col 12 Rp", s["12Rp"], teks_rp(jumlah([rp(s[f"{8 + i}Rp"]) for i in range(tw)])), "sum")
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
                c.sama(f"{t} {k}", s[k], teks_rp(jumlah([rp(a.sel[k]) for a in anak])), "sum of the children")
    program = [b for b, ti in zip(baris, tingkat, strict=True) if ti == "program" and b.no is not None]
    t = f"{nama} {dok.slug} TW{tw} totals"
    for k in ("7Rp", "12Rp", "14Rp"):
        c.sama(
            f"{t} Jumlah {k}", total[k], teks_rp(jumlah([rp(b.sel[k]) for b in program])), "sum of programs"
        )
    c.sama(f"{t} 13 K", total["13K"], bulat(rata([d(b.sel["13K"]) for b in program])), "mean of programs")
    c.sama(
        f"{t} 13 Rp", total["13Rp"], bulat(persen_rp(rp(total["12Rp"]), rp(total["7Rp"]))), "Jumlah 12 / 7"
    )
    c.sama(f"{t} 15 K", total["15K"], bulat(rata([d(b.sel["15K"]) for b in program])), "mean of programs")
    jumlah5 = jumlah([rp(b.sel["5Rp"]) for b in program])
    c.sama(f"{t} 15 Rp", total["15Rp"], bulat(persen_rp(rp(total["14Rp"]), jumlah5)), "Jumlah 14 / 5")


def periksabaca_kertas_kerja(c: Catatan, kk: list[BarisKK], e81: list[BarisTercetak], dok: Dokumen) -> None:
    assert len(kk) == len(e81)
    for b, e, r in zip(kk, e81, dok.data.baris, strict=True):
        t = f"Kertas Kerja {dok.slug} TW{dok.triwulan} row {e.no or '-'} {r.kode or r.indikator[:30]}"
        if b.perhitungan:
            kiri, _, kanan = b.perhitungan.rpartition(" = ")
            # A count prints without ",00" ("= 1"): the printed result is read at the 2 places K has.
            dicetak = bulat(d(indonesia(kanan)))
            c.sama(f"{t} calculation", dicetak, bulat(hitung_teks(kiri)), kiri)
            c.sama(f"{t} result", b.hasil, dicetak, "the calculation's result")
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


def periksabaca_kesimpulan(
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


def periksabaca_narasi(
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
            teks_rp(jumlah([rp(e["7Rp"]) for e in anggota])),
            "sum of E.81 col 7",
        )
        c.sama(
            f"{t} realisasi", b.realisasi, teks_rp(jumlah([rp(e["12Rp"]) for e in anggota])), "sum of col 12"
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
        kk = urutan_e81(
            baca_kertas_kerja(dok.berkas["kertas-kerja.xlsx"]), [r.tingkat for r in dok.data.baris]
        )
        rumus_capaian = [b.rumus_capaian for b in kk]
        json_baris, json_total = baca_e81_json(dok.berkas["e81.json"], dok.triwulan)
        xlsx_baris, xlsx_total = baca_e81_xlsx(dok.berkas["e81.xlsx"], dok.triwulan, n)
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
        periksabaca_kertas_kerja(c, kk, json_baris, dok)
        rumus = {
            r.uraian: kk_b.rumus_capaian
            for r, kk_b in zip(dok.data.baris, kk, strict=True)
            if r.tingkat == "program" and not r.lanjutan
        }
        baris_k, rata_k = baca_kesimpulan(dok.berkas["kesimpulan.xlsx"])
        periksabaca_kesimpulan(c, baris_k, rata_k, json_baris, rumus, dok)
        periksabaca_narasi(c, baca_narasi(dok.berkas["narasi.docx"]), json_baris, rumus, dok)
    assert c.diperiksa > 2000
    assert not c.salah, f"{len(c.salah)} of {c.diperiksa} printed numbers do not recompute:\n" + "\n".join(
        c.salah
    )


def test_the_calculator_itself() -> None:
    # The verifier must be able to fail: its arithmetic is checked against hand-computed values.
    assert bulat(hitung_teks("90 / 726 × 100")) == "12.40"
    assert bulat(hitung_teks("12,40 / 13,77 × 100")) == "90.05"
    assert bulat(hitung_teks("AVG(21,91; 23,48; 16,67)")) == "20.69"
    assert bulat(hitung_teks("Rata-rata (21,91; 23,48; 16,67)")) == "20.69"
    assert bulat(hitung_teks("1.151.384.000 / 3.129.274.170 × 100")) == "36.79"
    assert hitung_teks("- / 3.416 × 100") is None and hitung_teks("Rata-rata (100,00; -)") is None
    assert hitung_teks("(120 - 100) / 100 × 100") == 20 and hitung_teks("(-5) - -") is None
    assert hitung_teks("-5 - 5") == -10
    assert bulat(capaian(Decimal("19.88"), Decimal(10), "(2T − R) / T × 100, minimal 0")) == "1.20"
    assert indonesia("Rp.2.585.049.200,-") == "2585049200" and indonesia("36,79%") == "36.79"
    assert bulat(Decimal("0.125")) == "0.13" and bulat(Decimal("-1.005")) == "-1.01"
