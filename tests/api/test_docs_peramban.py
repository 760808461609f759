"""The Swagger UI page in a real chromium: it renders every operation and sends a request, under the site's
strict CSP, with no console error (a CSP violation is one) and no request to another host.

Its own module: live_server makes a transactional test, which cannot share the module-wide demo transaction
of the other API tests (demo_per_modul)."""

from typing import Any

import pytest

from tests.browser import conftest as peramban

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
playwright_sync = peramban.playwright_sync  # the browser tests' fixture (tests/browser/conftest.py)


def _jumlah_operasi() -> int:
    from capaian.api.urls import api

    return sum(len(ops) for ops in api.get_openapi_schema()["paths"].values())


def test_swagger_ui_berjalan_di_bawah_csp(live_server: Any, playwright_sync: Any) -> None:
    browser, page = peramban.buka_peramban(playwright_sync)
    luar: list[str] = []
    page.on("request", lambda r: luar.append(r.url) if not r.url.startswith(live_server.url) else None)
    try:
        page.goto(live_server.url + "/api/docs")
        page.wait_for_selector(".opblock")
        # One block per operation of the OpenAPI document the page reads.
        assert page.locator(".opblock").count() == _jumlah_operasi()
        assert "API Capaian" in page.locator(".info .title").inner_text()
        # Try it out: a sign-in with a wrong password answers 401 in JSON, shown by Swagger UI.
        page.click("#operations-token-token .opblock-summary")
        page.click("#operations-token-token .try-out__btn")
        page.fill("#operations-token-token textarea.body-param__text", '{"username": "x", "password": "y"}')
        page.click("#operations-token-token .execute")
        jawab = page.locator("#operations-token-token .live-responses-table tbody .response-col_status").first
        jawab.wait_for()
        assert jawab.inner_text().strip().startswith("401")
        assert "Nama pengguna atau kata sandi salah." in page.locator("#operations-token-token").inner_text()
    finally:
        browser.close()
    # The browser logs the expected 401 as a failed load; anything else (a CSP violation, a script error)
    # fails.
    lain = [g for g in page.galat_konsol if "status of 401" not in g]
    assert lain == [], lain
    assert luar == []
