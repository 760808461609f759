"""The Form E.81 checks on hand-built sheets: pure data, no workbook and no database."""

from decimal import Decimal
from typing import Any

import pytest

from capaian.aturan.capaian import Agregasi, Akumulasi, Polaritas, Sifat
from capaian.aturan.periksa import (
    KOLOM_TW,
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
    assert (t.jenis, t.tingkat, t.sel, t.kolom) == ("kolom13-rumus", "galat", "'E.81'!V9", "13")
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
    assert {(t.kolom, t.sel) for t in dari(temuan, "salah-kolom")} == {("6", "'E.81'!H9"), ("6", "'E.81'!I9")}


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


# --- kolom: the Form E.81 column number -------------------------------------------------------------


def test_kolom_nomor_e81_untuk_target_dan_realisasi_tw() -> None:
    # Quarterly targets and realisations share the quarter's column number; the cell and message tell
    # target from realisation and K from Rp.
    temuan = periksa(lembar(_b(T9K=5, T9Rp=500, _7Rp=480, _13Rp="52,08%", _9Rp=Decimal("150.5"))))
    [tk] = [t for t in dari(temuan, "tw-melebihi-target") if t.sel == "'E.81'!P9"]
    [trp] = [t for t in dari(temuan, "tw-melebihi-target") if t.sel == "'E.81'!Q9"]
    [real] = [t for t in dari(temuan, "salah-kolom") if t.sel == "'E.81'!S9"]
    assert (tk.kolom, trp.kolom, real.kolom) == ("9", "9", "9")
    assert "Target TW II K 5,00" in tk.pesan and "Target TW II Rp 500" in trp.pesan
    assert "realisasi TW II) Rp" in real.pesan
    assert all(t.kolom is not None and t.kolom.isdigit() for t in temuan)


# --- totals rows one cell to the left ---------------------------------------------------------------


def _dua_program() -> list[BarisE81]:
    return [_b(r=9, no=1, kode="3.30.01"), _b(r=10, no=2, kode="3.30.02")]


def _total(r: int, jenis: JenisBaris, **isi: object) -> BarisE81:
    sel: dict[str, Sel] = {}
    for kunci, v in isi.items():
        kunci = kunci.lstrip("_")
        angka = v if isinstance(v, Decimal) else (Decimal(v) if isinstance(v, int) else None)
        sel[kunci] = Sel(f"'E.81'!{KOL[kunci]}{r}", angka, v if isinstance(v, str) else None)
    return BarisE81(nomor_baris=r, jenis=jenis, sel=sel)


def test_baris_jumlah_tergeser_satu_galat() -> None:
    # As the reference's text has it: 7 Rp in place, the totals of 9, 12 and 14 Rp in the K cells.
    jumlah = _total(11, JenisBaris.JUMLAH, _7Rp=800, _9K=300, _9Rp=None, _12K=500, _12Rp=None, _14K=700)
    temuan = periksa(lembar(*_dua_program(), jumlah))
    pada_jumlah = [t for t in temuan if t.sel.endswith("11")]
    [t] = pada_jumlah
    assert (t.jenis, t.tingkat, t.sel, t.kolom) == ("baris-tergeser", "galat", "'E.81'!R11", "9")
    assert t.tertulis == "300; 500; 700" and t.seharusnya == "S11, U11, 14 Rp"
    assert "T11 (12 K), tempatnya U11 (12 Rp)" in t.pesan and "X11 (14 K)" in t.pesan


def test_nilai_k_di_baris_jumlah_yang_tidak_cocok() -> None:
    # 301 is no program total: not a shift, but a number where the Jumlah row has nothing to say.
    jumlah = _total(11, JenisBaris.JUMLAH, _7Rp=800, _9K=301, _12Rp=500)
    temuan = [t for t in periksa(lembar(*_dua_program(), jumlah)) if t.sel.endswith("11")]
    assert [(t.jenis, t.tingkat, t.sel) for t in temuan] == [("salah-kolom", "peringatan", "'E.81'!R11")]
    # A Rupiah total that is wrong where it stands stays a wrong total.
    jumlah = _total(11, JenisBaris.JUMLAH, _7Rp=801)
    [t] = [t for t in periksa(lembar(*_dua_program(), jumlah)) if t.sel.endswith("11")]
    assert (t.jenis, t.seharusnya) == ("jumlah-program", "800")


def test_baris_rata_rata_seluruhnya_tergeser() -> None:
    program = _b(r=9, no=1, kode="3.30.01")
    # 75,00 / 62,50 / 50,00 / 35,00 belong to 13 K, 13 Rp, 15 K, 15 Rp; each sits one cell to the left.
    rata = _total(
        12, JenisBaris.RATA_RATA, _12Rp=Decimal(75), _13K=Decimal("62.5"), _14Rp=Decimal(50), _15K=Decimal(35)
    )
    predikat = _total(13, JenisBaris.PREDIKAT, _13K="Sedang", _13Rp="Rendah", _15K="Sangat Rendah")
    temuan = periksa(lembar(program, rata, predikat))
    [t] = temuan
    assert (t.jenis, t.sel, t.kolom) == ("baris-tergeser", "'E.81'!U12", "12")
    assert t.seharusnya == "V12, 13 Rp, Z12, 15 Rp" and "Total Rata-Rata" in t.pesan


# --- parents and children ---------------------------------------------------------------------------


def test_induk_anak_setiap_kolom_rp() -> None:
    ganda = {k: 2 * v for k, v in BENAR.items() if k.endswith("Rp") and isinstance(v, int)}
    sub1 = _b(r=11, no=3, kode="3.30.01.2.01.0001")
    sub2 = _b(r=12, no=4, kode="3.30.01.2.01.0002")
    # A further indicator of sub kegiatan 0002 repeats its code: its Rp is not counted a second time.
    lanjutan = _b(r=13, no=None, kode="3.30.01.2.01.0002")  # type: ignore[arg-type]
    kegiatan = _b(r=10, no=2, kode="3.30.01.2.01", **{**ganda, "_6Rp": 150, "_14Rp": 650, "T9Rp": 390})
    program = _b(r=9, no=1, kode="3.30.01", **{**ganda, "_6Rp": 150, "_14Rp": 650, "T9Rp": 390, "_5Rp": None})
    temuan = [
        t for t in periksa(lembar(program, kegiatan, sub1, sub2, lanjutan)) if t.jenis.startswith("induk")
    ]
    assert {(t.kode, t.kolom, t.sel, t.jenis, t.tingkat, t.seharusnya) for t in temuan} == {
        ("3.30.01.2.01", "6", "'E.81'!I10", "induk-anak-lalu", "peringatan", "200"),
        ("3.30.01.2.01", "9", "'E.81'!Q10", "induk-anak-pagu", "galat", "400"),
        ("3.30.01", "5", "'E.81'!G9", "induk-anak-pagu", "galat", "2.000"),
    }
    [kosong] = [t for t in temuan if t.kode == "3.30.01"]
    assert "kosong tidak sama dengan jumlah turunannya (3.30.01.2.01): 2.000" in kosong.pesan
    # Realisations too: TW II and column 12 of the kegiatan are not its sub kegiatan's sum.
    kegiatan.sel["9Rp"] = Sel("'E.81'!S10", Decimal(301))
    kegiatan.sel["12Rp"] = Sel("'E.81'!U10", Decimal(501))
    realisasi = dari(periksa(lembar(program, kegiatan, sub1, sub2, lanjutan)), "induk-anak-realisasi")
    assert {(t.sel, t.tingkat, t.seharusnya) for t in realisasi} == {
        ("'E.81'!S10", "galat", "300"),
        ("'E.81'!U10", "galat", "500"),
        ("'E.81'!S9", "galat", "301"),
        ("'E.81'!U9", "galat", "501"),
    }


# --- a stated method ----------------------------------------------------------------------------------

FLUKTUASI = "Rata - rata Persentase Fluktuasi Harga Bahan Pangan Pokok"
NEGATIF_RATA = Sifat(polaritas=Polaritas.NEGATIF, agregasi=Agregasi.RATA_RATA, akumulasi=Akumulasi.RATA_RATA)


def _baris40(k12: str, k13: str, sifat: Sifat | None) -> BarisE81:
    b = baris(9, 40, "3.30.04", FLUKTUASI, _7K=10, _8K=Decimal("19.06"), _9K=Decimal("20.69"),
              _12K=Decimal(k12), _13K=k13)  # fmt: skip
    b.sifat = sifat
    return b


@pytest.mark.parametrize(
    ("k12", "k13"),
    [
        ("19.87", "1,27%"),  # the engine today: (2T − R) / T of R at full precision (19,873...)
        ("19.87", "1,30%"),  # the same from the printed 19,87
        ("19.88", "1,20%"),  # rounded as printed: the mean 19,875 printed 19,88, then (20 − 19,88) × 10
        ("19.88", "1,25%"),  # the mean at full precision, 19,875
    ],
)
def test_baris_40_dengan_metode_tanpa_galat(k12: str, k13: str) -> None:
    assert periksa(lembar(_baris40(k12, k13, NEGATIF_RATA))) == []
    # Guessing the method, the lower-is-better formula explains the same numbers: no galat either.
    assert [t for t in periksa(lembar(_baris40(k12, k13, None))) if t.tingkat == "galat"] == []


def test_metode_dinyatakan_yang_dilanggar_galat() -> None:
    # Scored higher-is-better (19,87 / 10) although the row states lower-is-better.
    [t] = periksa(lembar(_baris40("19.87", "198,70%", NEGATIF_RATA)))
    assert (t.jenis, t.tingkat, t.seharusnya) == ("kolom13-rumus", "galat", "1,30%")
    assert "(2T − R) / T × 100, minimal 0" in t.pesan
    # The quarters' mean is 19,875: 19,06 is the first quarter, not the stated aggregation.
    [t] = dari(periksa(lembar(_baris40("19.06", "109,40%", NEGATIF_RATA))), "kolom12-k")
    assert (t.tingkat, t.seharusnya) == ("galat", "19,88") and "cocok dengan minimum" in t.pesan


def test_akumulasi_dan_agregasi_dinyatakan() -> None:
    # 14 K = 3 is this year's value: a warning when guessed (test above), nothing when it is the method.
    posisi = _b(_14K=3, _15K="30,00%")
    posisi.sifat = Sifat(akumulasi=Akumulasi.POSISI_AKHIR)
    assert periksa(lembar(posisi)) == []
    posisi.sifat = Sifat(akumulasi=Akumulasi.KUMULATIF)
    [t] = periksa(lembar(posisi))
    assert (t.jenis, t.tingkat, t.seharusnya) == ("renstra-kolom14", "galat", "5,00")
    # Column 12 K is 3, the sum; a row that states "terakhir" must show 2.
    terakhir = _b()
    terakhir.sifat = Sifat(agregasi=Agregasi.TERAKHIR)
    [t] = dari(periksa(lembar(terakhir)), "kolom12-k")
    assert (t.tingkat, t.seharusnya) == ("galat", "2,00") and "cocok dengan jumlah" in t.pesan


def test_target_tw_k_menurut_agregasi() -> None:
    # A quarter's K target above the year's: a warning for counts (and when unknown), nothing for a position.
    b = _b(T9K=5, _12K=2, _13K="50,00%", _14K=4, _15K="40,00%")
    assert [t.tingkat for t in dari(periksa(lembar(b)), "tw-melebihi-target")] == ["peringatan"]
    b.sifat = Sifat(agregasi=Agregasi.TERAKHIR, akumulasi=Akumulasi.KUMULATIF)
    assert periksa(lembar(b)) == []


def test_polaritas_positif_dinyatakan_untuk_teks_negatif() -> None:
    b = _b(indikator="Persentase fluktuasi harga")
    b.sifat = Sifat()
    [t] = periksa(lembar(b))
    assert (t.jenis, t.tingkat, t.kolom) == ("polaritas-terbalik", "peringatan", "13")


@pytest.mark.parametrize(("k12", "galat"), [("4.00", False), ("4.02", False), ("4.03", True)])
def test_kolom12_jumlah_empat_triwulan_tercetak(k12: str, galat: bool) -> None:
    # Four quarters printed 1,00 may be 1,004 each at full precision: their sum 4,016 prints 4,02. The sum of
    # the printed quarters (4,00) and the sum at full precision both pass; 4,03 is no sum of such quarters.
    sel = {f"{k}K": Sel(f"'E.81'!{c}9", Decimal("1.00")) for k, c in zip(KOLOM_TW, "NRVZ", strict=True)}
    sel["12K"] = Sel("'E.81'!AD9", Decimal(k12))
    b = BarisE81(nomor_baris=9, no=1, kode="3.30.01.2.01.0001", indikator="Jumlah dokumen", sel=sel)
    b.sifat = Sifat(agregasi=Agregasi.JUMLAH)
    temuan = periksa(LembarE81(nama="E.81", baris=[b], triwulan=4))
    assert [(t.jenis, t.sel) for t in temuan if t.tingkat == "galat"] == (
        [("kolom12-k", "'E.81'!AD9")] if galat else []
    )
