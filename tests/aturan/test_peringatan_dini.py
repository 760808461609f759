"""Early warning (issue 11, item 6): pace against the quarterly targets cumulated to date, status by the
pemda's thresholds, projection to the year's end."""

from decimal import Decimal

import pytest

from capaian.aturan.capaian import Agregasi, KRp, MasukanBaris, Polaritas, Sifat, hitung_baris
from capaian.aturan.peringatan_dini import Ambang, StatusPeringatan, peringatan_dini, status_laju

D = Decimal


def _baris(sifat: Sifat, target: KRp, tw: list[KRp], real: list[KRp]) -> MasukanBaris:
    t = (tw + [KRp()] * 4)[:4]
    r = (real + [KRp()] * 4)[:4]
    return MasukanBaris(
        sifat=sifat, target=target, target_tw=(t[0], t[1], t[2], t[3]), realisasi_tw=(r[0], r[1], r[2], r[3])
    )


def test_jumlah_dan_rupiah_laju_dan_proyeksi() -> None:
    m = _baris(
        Sifat(),
        KRp(k=D(100), rp=1_000_000),
        [
            KRp(k=D(20), rp=150_000),
            KRp(k=D(30), rp=250_000),
            KRp(k=D(25), rp=300_000),
            KRp(k=D(25), rp=300_000),
        ],
        [KRp(k=D(20), rp=100_000), KRp(k=D(25), rp=200_000)],
    )
    h = hitung_baris(m, 2)
    p = peringatan_dini(m, h, 2)
    # K: 45 of the 50 expected = 90,00 %; Rp: 300.000 of 400.000 = 75,00 %: the weaker decides.
    assert p.laju.k == D("90.00") and p.laju.rp == D("75.00")
    assert p.status is StatusPeringatan.PERHATIAN
    assert p.proyeksi == KRp(k=D("90.00"), rp=750_000)
    # Thresholds per pemda change the status, not the numbers.
    assert peringatan_dini(m, h, 2, Ambang(sesuai=D(70), perhatian=D(50))).status is StatusPeringatan.SESUAI
    assert (
        peringatan_dini(m, h, 2, Ambang(sesuai=D(95), perhatian=D(80))).status is StatusPeringatan.TERTINGGAL
    )


def test_posisi_diproyeksikan_apa_adanya_dan_polaritas_negatif() -> None:
    sifat = Sifat(polaritas=Polaritas.NEGATIF, agregasi=Agregasi.TERAKHIR)
    m = _baris(sifat, KRp(k=D(10)), [KRp(k=D(10))] * 4, [KRp(k=D(12)), KRp(k=D(11))])
    p = peringatan_dini(m, hitung_baris(m, 2), 2)
    assert p.laju.k == D("90.00")  # (2 x 10 - 11) / 10
    assert p.status is StatusPeringatan.SESUAI and p.proyeksi.k == D("11.00")


def test_tanpa_target_triwulan_tanpa_status() -> None:
    m = _baris(Sifat(), KRp(k=D(10), rp=1000), [], [KRp(k=D(3), rp=100)])
    p = peringatan_dini(m, hitung_baris(m, 1), 1)
    assert p.status is None and p.proyeksi.k is None and p.proyeksi.rp is None


@pytest.mark.parametrize(
    ("persen", "status"),
    [
        (D("90.00"), "sesuai jalur"),
        (D("89.99"), "perlu perhatian"),
        (D("75"), "perlu perhatian"),
        (D("74.99"), "tertinggal"),
    ],
)
def test_batas_ambang(persen: Decimal, status: str) -> None:
    hasil = status_laju(persen)
    assert hasil is not None and hasil.value == status


def test_ambang_harus_urut() -> None:
    with pytest.raises(ValueError, match="tidak boleh di atas"):
        Ambang(sesuai=D(50), perhatian=D(60))
