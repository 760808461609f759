"""Shared by the browser tests: a headless chromium page (fixture `halaman`) whose console errors (script
errors, CSP violations) are collected in page.galat_konsol, and the sign-in/out helpers."""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from capaian.demo.muat import KATA_SANDI  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LAYAR = Path(__file__).resolve().parents[2] / "var" / "screenshots"
ARGUMEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def buka_peramban(p: Any, **konteks: Any) -> tuple[Any, Any]:
    """(browser, page) with the console errors and uncaught exceptions collected in page.galat_konsol."""
    peramban = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGUMEN)
    konteks.setdefault("viewport", {"width": 1500, "height": 1000})
    konteks.setdefault("locale", "en-US")
    page = peramban.new_context(**konteks).new_page()
    page.set_default_timeout(15_000)
    galat: list[str] = []
    page.on("console", lambda m: galat.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: galat.append(f"pageerror: {e}"))
    page.galat_konsol = galat
    return peramban, page


@pytest.fixture
def playwright_sync() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium tidak terpasang di /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture
def halaman(playwright_sync: Any) -> Iterator[Any]:
    peramban, page = buka_peramban(playwright_sync)
    yield page
    peramban.close()


def masuk(page: Any, url: str, nama: str) -> None:
    page.goto(url + "/masuk/")
    page.fill("#id_username", nama)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")


def keluar(page: Any) -> None:
    page.click("text=Keluar")
    page.wait_for_url(re.compile(r".*/masuk/"))
