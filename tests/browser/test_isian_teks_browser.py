"""The texts per bidang and program on the entry screen in a real chromium (issue 12 item 3): a fold per
scope, open where it holds text, typed and saved with the rest of the form."""

from pathlib import Path
from typing import Any

import pytest

from capaian.monev.models import CatatanCakupan
from tests.browser.conftest import masuk

pytestmark = pytest.mark.browser
PD = "disperindag"


def test_teks_cakupan_diketik_dan_disimpan(
    transactional_db: None, demo: None, live_server: Any, halaman: Any, tmp_path: Path, settings: Any
) -> None:
    settings.DATA_DIR = tmp_path
    page, url = halaman, live_server.url
    masuk(page, url, "operator-disperindag")
    page.goto(f"{url}/pd/{PD}/2024/2/")
    industri = page.locator("details", has_text="3.31 Urusan Pemerintahan Bidang Perindustrian")
    ekspor = page.locator("details", has_text="3.30.05 Program Pengembangan Ekspor")
    # A scope with texts is open; one without is folded.
    assert industri.get_attribute("open") is not None
    assert ekspor.get_attribute("open") is None
    assert page.locator("[id='bidang-3.31-kendala']").input_value().startswith("Pelaksanaan DAK non fisik")
    ekspor.locator("summary").click()
    page.locator("[id='program-3.30.05-faktor_penghambat']").fill("Jadwal pameran bergeser.")
    page.locator("[id='program-3.30.05-faktor_penghambat']").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "teks-cakupan.png"))
    page.click("#simpan")
    page.wait_for_selector("text=Isian triwulan tersimpan.")
    tersimpan = CatatanCakupan.objects.get(
        perangkat_daerah__slug=PD, tahun=2024, triwulan=2, program__kode="3.30.05"
    )
    assert tersimpan.faktor_penghambat == "Jadwal pameran bergeser."
    assert page.galat_konsol == []
