"""The demo holds the reference report's texts where the report puts them: kendala and solusi per bidang
urusan (its Narasi), the factors per program (its Kesimpulan), the agency's own under Form E.81. Where the
Kesimpulan's column contradicts the report's own E.81 footer, the footer's kind is kept (pinned below)."""

import csv
from pathlib import Path

import pytest

from capaian.demo.teks import butir_rujukan
from capaian.laporan.sumber import muat_data
from capaian.laporan.umum import baris_teks
from capaian.organisasi.models import PerangkatDaerah

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SEED = Path(__file__).resolve().parents[2] / "capaian" / "demo" / "seed"
BIDANG = {
    "Urusan Pemerintahan Bidang Perindustrian": "3.31",
    "Urusan Pemerintahan Bidang Perdagangan": "3.30",
}
KOLOM = {"faktor_penghambat": "faktor_penghambat", "faktor_pendukung": "faktor_pendorong"}

# (program, text, the Kesimpulan's column, the kind Capaian keeps: the E.81 footer's)
BEDA = {
    ("3.30.04", "Para pedagang yang tidak kooperatif saat ditanyai harga setiap hari."): (
        "faktor_pendukung",
        "faktor_penghambat",
    ),
    ("3.30.06", "Kurangnya kesadaran pemilik UTTP untuk menerakan alatnya."): (
        "faktor_pendukung",
        "faktor_penghambat",
    ),
    (
        "3.30.06",
        "SDM yang kompeten, standar pengujian yang lengkap, dan sarana prasarana pendukung lainnya.",
    ): (
        "keterangan",
        "faktor_pendorong",
    ),
}


def _csv(nama: str) -> list[dict[str, str]]:
    with (SEED / nama).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _data():  # type: ignore[no-untyped-def]
    return muat_data(PerangkatDaerah.objects.get(slug="disperindag"), 2024, 2)


def test_kendala_dan_solusi_per_bidang_dari_narasi() -> None:
    teks = {t.kode: t for t in _data().teks_bidang}
    ringkasan = [b for b in _csv("narasi-transkripsi.csv") if b["row_type"] == "urusan_summary"]
    assert len(ringkasan) == 2
    for b in ringkasan:
        t = teks[BIDANG[b["urusan"]]]
        assert baris_teks(t.kendala) == butir_rujukan(b["kendala"])
        assert baris_teks(t.solusi) == butir_rujukan(b["solusi"])
    assert baris_teks(teks["3.31"].kendala) == [
        "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II."
    ]


def test_faktor_per_program_dari_kesimpulan() -> None:
    teks = {t.kode: t for t in _data().teks_program}
    dilihat = set()
    for b in _csv("kesimpulan-transkripsi.csv"):
        kode = b["kode_program"]
        for kolom in ("faktor_penghambat", "faktor_pendukung", "keterangan"):
            for butir in butir_rujukan(b[kolom]):
                dilihat.add((kode, butir))
                kolom_rujukan, jenis = BEDA.get((kode, butir), (kolom, KOLOM.get(kolom)))
                assert kolom_rujukan == kolom
                assert butir in baris_teks(getattr(teks[kode], jenis)), (kode, butir)
    # Every text the Kesimpulan has is held, and nothing else per program.
    tersimpan = {
        (t.kode, butir)
        for t in teks.values()
        for nama in (
            "faktor_penghambat",
            "faktor_pendorong",
            "tindak_lanjut",
            "rekomendasi",
            "kendala",
            "solusi",
        )
        for butir in baris_teks(getattr(t, nama))
    }
    assert tersimpan == dilihat
    # The program with no capaian kinerja (3.31.02) has its stated reason.
    assert baris_teks(teks["3.31.02"].faktor_penghambat) == [
        "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II.",
        "Perubahan anggaran yang mengharuskan pengurangan anggaran belanja pada sub kegiatan 02.",
    ]


def test_teks_perangkat_daerah_tetap_dari_kaki_e81() -> None:
    data = _data()
    assert (
        baris_teks(data.faktor_penghambat)[0]
        == "Para pedagang yang tidak kooperatif saat ditanyai harga setiap hari."
    )
    assert len(baris_teks(data.tindak_lanjut)) == 3
    assert data.kendala == "" and data.solusi == ""
