"""The Form E.81 checks on hand-built sheets: pure data, no workbook and no database."""

from decimal import Decimal
from typing import Any

from capaian.aturan.periksa import (
    BarisE81,
    JenisBaris,
    LembarE81,
    Sel,
    Temuan,
    hitung_per_jenis,
    periksa,
)
from capaian.aturan.predikat import PERMENDAGRI_86_BAWAH

KOL = {
    "5K": "F", "5Rp": "G", "6K": "H", "6Rp": "I", "7K": "J", "7Rp": "K", "T8K": "L", "T8Rp": "M",
    "8K": "N", "8Rp": "O", "T9K": "P", "T9Rp": "Q", "9K": "R", "9Rp": "S", "12K": "T", "12Rp": "U",
    "13K": "V", "13Rp": "W", "14K": "X", "14Rp": "Y", "15K": "Z", "15Rp": "AA",
}  # fmt: skip


def baris(
    r: int, no: int | None, kode: str | None, indikator: str = "Jumlah dokumen", **nilai: object
) -> BarisE81:
    sel: dict[str, Sel] = {}
    for kunci, v in nilai.items():
        kunci = kunci.replace("_", "")
        teks = v if isinstance(v, str) and not v.replace(".", "").isdigit() else None
        angka = None
        if v is not None:
            angka = (
                Decimal(str(v).replace("%", "").replace(",", "."))
                if teks is None or teks[0].isdigit()
                else None
            )
        sel[kunci] = Sel(f"'E.81'!{KOL[kunci]}{r}", angka, teks)
    return BarisE81(nomor_baris=r, no=no, kode=kode, sel_kode=f"'E.81'!B{r}", indikator=indikator, sel=sel)


def lembar(*semua: BarisE81) -> LembarE81:
    return LembarE81(nama="E.81", baris=list(semua), triwulan=2, ada_target_tw=True)


def dari(temuan: list[Temuan], jenis: str) -> list[Temuan]:
    return [t for t in temuan if t.jenis == jenis]


BENAR = dict(
    _5K=10,
    _5Rp=1000,
    _6K=2,
    _6Rp=100,
    _7K=4,
    _7Rp=400,
    T8K=2,
    T8Rp=200,
    _8K=1,
    _8Rp=100,
    T9K=2,
    T9Rp=200,
    _9K=2,
    _9Rp=150,
    _12K=3,
    _12Rp=250,
    _13K="75,00%",
    _13Rp="62,50%",
    _14K=5,
    _14Rp=350,
    _15K="50,00%",
    _15Rp="35,00%",
)


def _b(r: int = 9, no: int = 1, kode: str = "3.30.01.2.01.0001", **ubah: object) -> BarisE81:
    nilai: dict[str, Any] = {k.lstrip("_"): v for k, v in BENAR.items()}
    nilai.update({k.lstrip("_"): v for k, v in ubah.items()})
    return baris(r, no, kode, **nilai)


def test_baris_yang_benar_tanpa_temuan() -> None:
    assert periksa(lembar(_b())) == []


def test_kolom13_rumus_salah_dengan_alamat_sel() -> None:
    [t] = periksa(lembar(_b(_13K="80,00%")))
    assert (t.jenis, t.tingkat, t.sel, t.kolom) == ("kolom13-rumus", "galat", "'E.81'!V9", "13 K")
    assert t.tertulis == "80,00%" and t.seharusnya == "75,00%"


def test_toleransi_satu_sen() -> None:
    assert periksa(lembar(_b(_13K="75,01%"))) == []


def test_kolom12_rp_bukan_jumlah_triwulan() -> None:
    temuan = periksa(lembar(_b(_12Rp=260, _13Rp="65,00%", _14Rp=360, _15Rp="36,00%")))
    [t] = dari(temuan, "kolom12-rp")
    assert t.seharusnya == "250" and t.sel == "'E.81'!U9"


def test_kolom12_k_menyebut_agregasi_yang_cocok() -> None:
    # 2 is the last quarter and the maximum: no finding; 7 fits nothing.
    assert not dari(periksa(lembar(_b(_12K=2, _13K="50,00%", _14K=4, _15K="40,00%"))), "kolom12-k")
    [t] = dari(periksa(lembar(_b(_12K=7, _13K="175,00%", _14K=9, _15K="90,00%"))), "kolom12-k")
    assert t.tingkat == "galat" and "jumlah 3,00" in t.pesan and "rata-rata 1,50" in t.pesan


def test_kolom14_k_bacaan_lain_peringatan() -> None:
    [t] = periksa(lembar(_b(_14K=3, _15K="30,00%")))
    assert (t.jenis, t.tingkat) == ("renstra-kolom14", "peringatan") and "posisi-akhir" in t.pesan
    [t] = dari(periksa(lembar(_b(_14K=8, _15K="80,00%"))), "renstra-kolom14")
    assert t.tingkat == "galat"


def test_rp_dibatasi_100() -> None:
    temuan = periksa(lembar(_b(_5Rp=300, _15Rp="100,00%")))
    [t] = dari(temuan, "rp-dibatasi-100")
    assert t.seharusnya == "116,67%" and t.sel == "'E.81'!AA9"
    # 350 above the Renstra budget of 300 is a warning of its own.
    assert [t.tingkat for t in dari(temuan, "rp-melebihi-pagu")] == ["peringatan"]


def test_basis_kosong() -> None:
    b = _b(_8K=None, _9K=None, _8Rp=None, _9Rp=None, _12K=0, _12Rp=None, _13K="0,00%", _13Rp="0,00%")
    temuan = periksa(lembar(b))
    kosong = {t.sel for t in dari(temuan, "basis-kosong")}
    assert {"'E.81'!T9", "'E.81'!V9", "'E.81'!W9"} <= kosong
    assert all(t.tingkat == "peringatan" for t in dari(temuan, "basis-kosong"))


def test_polaritas_terbalik() -> None:
    # Row 40 of the reference: the mean of 19,06 and 20,69 is 19,875; 19,875 / 10 scored as 198,75 %.
    b = baris(
        9, 40, "3.30.04", "Rata - rata Persentase Fluktuasi Harga Bahan Pangan Pokok", _7K=10,
        _8K=Decimal("19.06"), _9K=Decimal("20.69"), _12K=Decimal("19.88"), _13K="198,75%",
    )  # fmt: skip
    [t] = periksa(lembar(b))
    assert (t.jenis, t.tingkat, t.sel) == ("polaritas-terbalik", "peringatan", "'E.81'!V9")
    assert t.seharusnya == "1,25%" and "(2T − R) / T" in t.pesan
    # The same numbers for an indicator without a lower-is-better word: nothing to say.
    b.indikator = "Persentase pasar yang direvitalisasi"
    assert periksa(lembar(b)) == []


def test_kode_tidak_sah_dan_format_lama() -> None:
    temuan = periksa(lembar(_b(kode="3.30.1.2.01"), _b(r=10, no=2, kode="3.30.01.2.01.05")))
    [t] = dari(temuan, "kode-tidak-sah")
    assert t.sel == "'E.81'!B9" and "program harus 2 digit" in t.pesan
    [t] = dari(temuan, "kode-format-lama")
    assert t.seharusnya == "3.30.01.2.01.0005"


def test_salah_kolom() -> None:
    temuan = periksa(lembar(_b(_6K=150000000, _6Rp=Decimal("36.79"))))
    assert {t.kolom for t in dari(temuan, "salah-kolom")} == {"6 K", "6 Rp"}


def test_melebihi_pagu_dan_target_tw() -> None:
    temuan = periksa(lembar(_b(T9K=5, T9Rp=500, _7Rp=240, _13Rp="104,17%")))
    jenis = hitung_per_jenis(temuan)
    assert jenis["tw-melebihi-target"] >= 2 and jenis["rp-melebihi-pagu"] == 1


def test_induk_anak_jumlah_rata_predikat() -> None:
    program = _b(r=9, no=1, kode="3.30.01", _7Rp=400)
    anak1 = _b(r=10, no=2, kode="3.30.01.2.01", _7Rp=300, _13Rp="83,33%")
    jumlah = BarisE81(nomor_baris=11, jenis=JenisBaris.JUMLAH, sel={"7Rp": Sel("'E.81'!K11", Decimal(999))})
    rata = BarisE81(
        nomor_baris=12,
        jenis=JenisBaris.RATA_RATA,
        sel={"13K": Sel("'E.81'!V12", Decimal(75), "75,00%"), "13Rp": Sel("'E.81'!W12", Decimal("62.50"))},
    )
    predikat = BarisE81(
        nomor_baris=13, jenis=JenisBaris.PREDIKAT, sel={"13K": Sel("'E.81'!V13", None, "Sedang")}
    )
    temuan = periksa(lembar(program, anak1, jumlah, rata, predikat))
    [t] = dari(temuan, "induk-anak-pagu")
    assert t.sel == "'E.81'!K9" and t.seharusnya == "300"
    [t] = dari(temuan, "jumlah-program")
    assert t.sel == "'E.81'!K11" and t.seharusnya == "400"
    assert not dari(temuan, "rata-rata-program") and not dari(temuan, "predikat-pita")
    # 65,08 is Sedang only when a cut point belongs to the band below it (the reference report's reading).
    rata.sel["13K"] = Sel("'E.81'!V12", Decimal("65.08"), "65,08%")
    assert not dari(periksa(lembar(program, rata, predikat)), "predikat-pita")
    [t] = dari(periksa(lembar(program, rata, predikat), PERMENDAGRI_86_BAWAH), "predikat-pita")
    assert t.seharusnya == "Rendah" and t.sel == "'E.81'!V13" and "batas atas inklusif" in t.pesan


def test_rata_rata_metode_lain() -> None:
    program = _b(r=9, no=1, kode="3.30.01")
    rata = BarisE81(
        nomor_baris=12, jenis=JenisBaris.RATA_RATA, sel={"13K": Sel("'E.81'!V12", Decimal(80), "80,00%")}
    )
    [t] = dari(periksa(lembar(program, rata)), "rata-rata-program")
    assert t.tingkat == "galat" and t.seharusnya == "75,00%"
