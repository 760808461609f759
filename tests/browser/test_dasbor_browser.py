"""The dashboards in a real chromium: every Chart.js canvas is drawn, the console stays free of errors and
CSP violations, the fallback tables fold away once the charts are up and stay open without JavaScript.
Screenshots go to var/screenshots/dasbor-*.png."""

from typing import Any

import pytest

from tests.browser.conftest import LAYAR, buka_peramban, masuk

pytestmark = pytest.mark.browser

KOTA = "/dasbor/2024/2/"
PD = "/pd/disperindag/2024/2/dasbor/"


def _grafik_tergambar(page: Any, jumlah: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('[data-grafik] canvas').length === n"
        " && [...document.querySelectorAll('[data-grafik] canvas')].every(c => window.Chart.getChart(c))",
        arg=jumlah,
    )
    ukuran = page.eval_on_selector_all(
        "[data-grafik] canvas", "cs => cs.map(c => [c.width, c.height, c.getBoundingClientRect().width])"
    )
    assert len(ukuran) == jumlah
    for lebar, tinggi, lebar_tampil in ukuran:
        assert lebar > 0 and tinggi > 0 and lebar_tampil > 0, ukuran
    # Charts are up: the fallback tables are folded (still in the page, one click away).
    assert page.eval_on_selector_all("details.tabel-grafik", "ds => ds.every(d => !d.open)")
    page.wait_for_timeout(1200)  # let Chart.js's default animation finish before the screenshot


def test_dasbor_menggambar_grafik(transactional_db: None, demo: None, live_server: Any, halaman: Any) -> None:
    page, url = halaman, live_server.url
    LAYAR.mkdir(parents=True, exist_ok=True)
    masuk(page, url, "pimpinan")

    page.goto(url + PD)
    _grafik_tergambar(page, 2)  # K/Rp per program, predicate distribution
    # The tooltip shows the server's number with a decimal comma.
    label = page.evaluate(
        """() => {
          const c = window.Chart.getChart(document.querySelector('[data-grafik=program] canvas'));
          const i = c.data.labels.findIndex(l => l[0].startsWith('3.30.03'));
          const f = c.options.plugins.tooltip.callbacks.label;
          const ds = c.data.datasets;
          return [0, 1].map(d => f.call(c.tooltip, {dataset: ds[d], dataIndex: i, raw: ds[d].data[i]}));
        }"""
    )
    # Beside it, where the program should be by this quarter (capaian.aturan.laju.harapan).
    assert label == [
        "Capaian kinerja (K): 36,79% (harapan 50,00%)",
        "Serapan anggaran (Rp): 43,10% (harapan 62,83%)",
    ]
    page.screenshot(path=str(LAYAR / "dasbor-pd-grafik.png"), full_page=True)

    page.goto(url + KOTA)
    # Agencies by pace, TW I beside TW II, status, predicates (each agency's programs are on its own page).
    _grafik_tergambar(page, 4)
    page.screenshot(path=str(LAYAR / "dasbor-kota-grafik.png"), full_page=True)
    assert page.galat_konsol == []


def test_dasbor_tanpa_javascript_tetap_lengkap(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any
) -> None:
    url = live_server.url
    peramban, page = buka_peramban(playwright_sync, java_script_enabled=False)
    try:
        masuk(page, url, "pimpinan")
        page.goto(url + PD)
        assert page.locator("[data-grafik]").first.is_hidden()
        assert page.locator("details.tabel-grafik").first.get_attribute("open") is not None
        assert page.locator("text=K 36,79%").first.is_visible()
        page.screenshot(path=str(LAYAR / "dasbor-pd-tanpa-js.png"), full_page=False)
    finally:
        peramban.close()
