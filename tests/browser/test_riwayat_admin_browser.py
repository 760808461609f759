"""The history page and the admin's indicator form in chromium at 1.366 px (issue 13 items 6, 7): the
filters and table are usable, the variables are rows, numbers show the Indonesian way; screenshots kept."""

from typing import Any

import pytest

from capaian.perencanaan.models import Indikator
from tests.browser.conftest import LAYAR
from tests.browser.conftest import masuk as _masuk

pytestmark = pytest.mark.browser
PD = "disperindag"


def test_riwayat_dan_admin_di_chromium(
    transactional_db: None, demo: None, live_server: Any, halaman: Any
) -> None:
    page, url = halaman, live_server.url
    page.set_viewport_size({"width": 1366, "height": 768})
    LAYAR.mkdir(parents=True, exist_ok=True)
    _masuk(page, url, "verifikator")
    page.goto(f"{url}/pd/{PD}/riwayat/")
    page.select_option("#s-periode", "2024-2")
    page.click("#saringan-riwayat button[type=submit]")
    page.wait_for_url("**periode=2024-2**")
    assert "TW II 2024" in page.inner_text(".tabel-riwayat tbody")
    assert "TW I 2024" not in page.inner_text(".tabel-riwayat tbody")
    page.screenshot(path=str(LAYAR / "riwayat-1366.png"))
    page.context.clear_cookies()

    _masuk(page, url, "admin")
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD).exclude(rumus="").first()
    assert ind is not None
    page.goto(f"{url}/admin/perencanaan/indikator/{ind.pk}/change/")
    assert page.input_value("#id_variabel-nama-0") == ind.variabel[0]["nama"]
    assert "Select an option" not in page.content()
    page.screenshot(path=str(LAYAR / "admin-indikator-1366.png"), full_page=True)
    page.goto(f"{url}/admin/perencanaan/targettahunan/")
    page.screenshot(path=str(LAYAR / "admin-target-1366.png"))
