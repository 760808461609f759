"""The pace of a quarter (capaian.aturan.laju): the target expected by the quarter follows each indicator's
aggregation rule, capaian against it follows polarity, the agency's pace is averaged as Form E.81's totals,
completeness counts rows with a target and a value."""

from decimal import Decimal

from capaian.aturan.capaian import Agregasi, KRp, MasukanBaris, Persen, Polaritas, Sifat, hitung_baris
from capaian.aturan.laju import (
    ada_isian,
    capaian_laju,
    harapan,
    kelengkapan,
    rasio_rp,
    rata_capaian,
    rekap_laju,
    selisih,
    target_sampai,
    tertinggal,
)

D = Decimal


Pasangan = tuple[str | None, int | None]


def _m(
    agregasi: Agregasi,
    target_tw: list[Pasangan],
    real: list[Pasangan],
    polaritas: Polaritas = Polaritas.POSITIF,
    target: Pasangan = ("100", 1000),
) -> MasukanBaris:
    def krp(k: str | None, rp: int | None) -> KRp:
        return KRp(k=None if k is None else D(k), rp=rp)

    tw = [krp(*t) for t in target_tw] + [KRp()] * (4 - len(target_tw))
    r = [krp(*t) for t in real] + [KRp()] * (4 - len(real))
    return MasukanBaris(
        sifat=Sifat(polaritas=polaritas, agregasi=agregasi),
        target=krp(*target),
        target_tw=(tw[0], tw[1], tw[2], tw[3]),
        realisasi_tw=(r[0], r[1], r[2], r[3]),
    )


def test_target_sampai_triwulan_mengikuti_agregasi_indikator():
    tw = [("10", 100), ("20", 200), ("30", 300), ("40", 400)]
    assert target_sampai(_m(Agregasi.JUMLAH, tw, []), 2) == KRp(k=D(30), rp=300)
    assert target_sampai(_m(Agregasi.TERAKHIR, tw, []), 2) == KRp(k=D(20), rp=300)
    assert target_sampai(_m(Agregasi.RATA_RATA, tw, []), 3) == KRp(k=D(20), rp=600)
    # No quarterly targets: no expected target, never one invented from the year's.
    assert target_sampai(_m(Agregasi.JUMLAH, [], []), 2) == KRp()


def test_capaian_laju_memakai_polaritas():
    m = _m(Agregasi.JUMLAH, [("10", 100), ("10", 100)], [("6", 50), ("9", 100)])
    h = hitung_baris(m, 2)
    laju = capaian_laju(m, h, 2)
    assert laju.k == D(75) and laju.rp == D(75)  # 15 of 20, Rp 150 of 200
    neg = _m(Agregasi.TERAKHIR, [("10", None), ("10", None)], [("12", None), ("12", None)], Polaritas.NEGATIF)
    assert capaian_laju(neg, hitung_baris(neg, 2), 2).k == D(80)  # (2 x 10 - 12) / 10 x 100


def test_rekap_laju_rata_program_dan_rasio_rp():
    a = _m(Agregasi.JUMLAH, [("10", 100), ("10", 100)], [("10", 100), ("10", 100)])  # 100 %, Rp 200/200
    b = _m(Agregasi.JUMLAH, [("10", 100), ("10", 300)], [("5", 50), ("5", 50)])  # 50 %, Rp 100/400
    c = _m(Agregasi.JUMLAH, [], [("5", None)])  # no quarterly target: left out of the K mean
    r = rekap_laju([(m, hitung_baris(m, 2)) for m in (a, b, c)], 2)
    assert r.rata_capaian.k == D(75)
    assert r.rata_capaian.rp == D(300) / D(600) * 100
    assert r.program_tanpa_capaian_k == 1


def test_kelengkapan_dan_ada_isian():
    lengkap = _m(Agregasi.JUMLAH, [("1", 10), ("1", 10)], [("1", 10), ("1", 10)])
    tanpa_rp = _m(Agregasi.JUMLAH, [("1", 10), ("1", 10)], [("1", 10), ("1", None)])
    kosong = _m(Agregasi.JUMLAH, [("1", 10), ("1", 10)], [("1", 10)])
    tanpa_target = _m(Agregasi.JUMLAH, [], [], target=(None, None))
    hasil = kelengkapan([lengkap, tanpa_rp, kosong, tanpa_target], 2)
    assert (hasil.bertarget, hasil.terisi) == (3, 1)
    assert hasil.persen == D(1) / D(3) * 100
    assert kelengkapan([tanpa_target], 2).persen is None
    assert ada_isian([kosong, tanpa_rp], 2) and not ada_isian([kosong], 2)


def test_pembantu_rata_rasio_selisih_tertinggal():
    assert rata_capaian([D(50), None, D(100)]) == D(75) and rata_capaian([None]) is None
    assert rasio_rp([50, None], [100, 100]) == D(25)
    assert selisih(D("80.5"), D(70)) == D("10.5") and selisih(None, D(1)) is None
    # Judged as printed: 99,995 % is printed 100,00 %, so it is not behind.
    assert tertinggal(D("99.99")) and not tertinggal(D("99.995")) and not tertinggal(None)


def test_harapan_target_sd_triwulan_terhadap_target_tahun() -> None:
    """The charts' expected-by-this-quarter mark: where a row on schedule stands against the year's target,
    by the indicator's own aggregation."""
    jumlah = _m(Agregasi.JUMLAH, [("10", 100), ("20", 150)], [])
    assert harapan(jumlah, 1) == Persen(k=D("10"), rp=D("10"))
    assert harapan(jumlah, 2) == Persen(k=D("30"), rp=D("25"))  # 10 + 20 of 100; Rp 100 + 150 of 1.000
    posisi = _m(Agregasi.TERAKHIR, [("25", None), ("50", None)], [])
    assert harapan(posisi, 2).k == D("50")  # a position takes the last quarter's target
    assert harapan(_m(Agregasi.JUMLAH, [], []), 2) == Persen(None, None)  # no quarterly targets: nothing
