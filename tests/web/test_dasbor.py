"""The dashboards: the chart data embedded with json_script carries the E.81 builder's numbers (rounded as the
report shows them), the fallback tables show the same numbers, Chart.js is served from the app itself and
no template points outside it."""

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from capaian.aturan.angka import bulatkan, format_persen
from capaian.aturan.laju import harapan, rekap_laju
from capaian.laporan.e81 import baris_program
from capaian.organisasi.models import PerangkatDaerah
from capaian.web import isian
from tests.conftest import PD, PERSONA, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")

Klien = Callable[[str | None], Client]
TEMPLAT = Path(__file__).resolve().parents[2] / "capaian" / "web" / "templates"
CHARTJS = "/static/vendor/chartjs/chart.umd.min.js"


def _json(html: str, id_: str) -> Any:
    cocok = re.search(rf'<script id="{re.escape(id_)}" type="application/json">(.*?)</script>', html, re.S)
    assert cocok, f"tidak ada json_script #{id_}"
    return json.loads(cocok.group(1))


def _program(data: dict[str, list[Any]], kode: str) -> tuple[Any, Any]:
    i = data["kode"].index(kode)
    return data["k"][i], data["rp"][i]


def _angka(n: Decimal | None) -> float | None:
    return None if n is None else float(bulatkan(n))


def _program_e81(slug: str) -> dict[str, list[Any]]:
    lap = isian.laporan(PerangkatDaerah.objects.get(slug=slug), TAHUN, 2)
    program = [b for b in lap.baris if b.rencana.tingkat == "program" and not b.rencana.lanjutan]
    return {
        "kode": [b.rencana.kode or "" for b in program],
        "nama": [b.rencana.uraian for b in program],
        "k": [_angka(b.hasil.capaian.k) for b in program],
        "rp": [_angka(b.hasil.capaian.rp) for b in program],
        # The text the chart shows is the server's Indonesian format, never the browser's.
        "teks_k": [format_persen(b.hasil.capaian.k) for b in program],
        "teks_rp": [format_persen(b.hasil.capaian.rp) for b in program],
        # Where each program should be by the quarter: its target s.d. TW II against the year's target.
        "harapan_k": [_angka(harapan(b.masukan, 2).k) for b in program],
        "harapan_rp": [_angka(harapan(b.masukan, 2).rp) for b in program],
        "teks_harapan_k": [format_persen(harapan(b.masukan, 2).k) for b in program],
        "teks_harapan_rp": [format_persen(harapan(b.masukan, 2).rp) for b in program],
        "label_harapan": "Harapan s.d. TW II",
    }


def test_dasbor_pd_menyematkan_angka_e81(klien_sebagai: Klien) -> None:
    r = klien_sebagai("operator-disperindag").get(f"/pd/{PD}/{TAHUN}/2/dasbor/")
    assert r.status_code == 200
    html = r.content.decode()
    data = _json(html, "data-program")
    assert _program(data, "3.30.03") == (36.79, 43.10)
    assert _program(data, "3.30.04")[0] == 1.20  # (2 x 10 - 19,88) / 10, from the printed 19,88
    assert _program(data, "3.30.05") == (None, None)  # nothing entered: null, not 0
    assert data == _program_e81(PD)
    # 3.30.03: K targets 25 and 50 of the year's 100 (a position: the last), Rp 2.076.412.938 + 1.828.463.350
    # of 6.215.464.138 = 62,83 %.
    i = data["kode"].index("3.30.03")
    assert (data["harapan_k"][i], data["harapan_rp"][i]) == (50.0, 62.83)
    assert data["teks_harapan_rp"][i] == "62,83%"
    # The fallback table under the chart shows the same numbers.
    assert "K 36,79%" in html and "Rp 43,10%" in html and "K 1,20%" in html
    sebaran = _json(html, "data-sebaran")
    assert sebaran["label"][0] == "Sangat Tinggi" and sebaran["label"][-1] == "Belum ada nilai"
    lap = isian.laporan(PerangkatDaerah.objects.get(slug=PD), TAHUN, 2)
    assert sum(sebaran["jumlah"]) == len(lap.baris)
    assert f'src="{CHARTJS}"' in html and 'src="/static/web/dasbor.js"' in html


def test_dasbor_kota_menyematkan_angka_per_pd(klien_sebagai: Klien) -> None:
    # The city's chart ranks agencies by capaian against the target expected by the quarter (the rules core's
    # capaian.aturan.laju over each agency's Form E.81 programs); each agency's programs are on its own page.
    html = klien_sebagai("pimpinan").get(f"/dasbor/{TAHUN}/2/").content.decode()
    semua = list(PerangkatDaerah.objects.all())
    pd = _json(html, "data-pd")
    assert len(pd["nama"]) == len(semua)
    for p in semua:
        lap = isian.laporan(p, TAHUN, 2)
        laju = rekap_laju([(b.masukan, b.hasil) for b in baris_program(lap)], 2, lap.data.set_predikat)
        i = pd["nama"].index(p.nama)
        assert (pd["k"][i], pd["rp"][i]) == (_angka(laju.rata_capaian.k), _angka(laju.rata_capaian.rp))
        assert f'href="/pd/{p.slug}/{TAHUN}/2/dasbor/"' in html
    status = _json(html, "data-status")
    assert status["kelas"] == ["draft", "diajukan", "dikembalikan", "diverifikasi", "terkunci"]
    assert sum(status["jumlah"]) == len(semua)
    sebaran = _json(html, "data-sebaran")
    assert sum(sebaran["jumlah"]) == sum(len(isian.laporan(p, TAHUN, 2).baris) for p in semua)
    assert f'src="{CHARTJS}"' in html


def test_dasbor_kota_hanya_data_pd_terlihat(klien_sebagai: Klien) -> None:
    html = klien_sebagai("operator-contoh").get(f"/dasbor/{TAHUN}/2/").content.decode()
    assert f"/pd/{PD}/" not in html
    assert all("Perindustrian" not in n for n in _json(html, "data-pd")["nama"])


@pytest.mark.parametrize("persona", [p for p in PERSONA if p])
def test_dasbor_memuat_grafik_bagi_semua_persona(klien_sebagai: Klien, persona: str) -> None:
    html = klien_sebagai(persona).get(f"/dasbor/{TAHUN}/2/").content.decode()
    assert 'data-grafik="pd"' in html and 'data-grafik="sebaran"' in html and 'data-grafik="status"' in html


def test_templat_tanpa_url_luar() -> None:
    luar = []
    for berkas in TEMPLAT.rglob("*.html"):
        for no, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1):
            tanpa_xmlns = re.sub(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"', "", baris)
            if re.search(r"https?://", tanpa_xmlns):
                luar.append(f"{berkas.relative_to(TEMPLAT)}:{no}: {baris.strip()}")
    assert luar == []
