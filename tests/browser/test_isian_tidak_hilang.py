"""Nobody loses typed work on the entry screen (issue 13, item 1), in a real chromium: an evidence upload
gives the typed values back, a save posted after the session ended is offered again after signing in, the
page asks before leaving with unsaved changes, and the session warns before it ends and can be extended."""

import re
from pathlib import Path
from typing import Any

import pytest

from capaian.monev.models import Realisasi
from capaian.perencanaan.models import Indikator
from tests.browser.conftest import KATA_SANDI, LAYAR
from tests.browser.conftest import masuk as _masuk

pytestmark = pytest.mark.browser
PD = "disperindag"


def _baris() -> Indikator:
    ind = (
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="")
        .order_by("urutan")
        .first()
    )
    assert ind is not None
    return ind


def test_isian_kembali_sesudah_unggah_dan_sesi_berakhir(
    transactional_db: None, demo: None, live_server: Any, halaman: Any, tmp_path: Path, settings: Any
) -> None:
    settings.DATA_DIR = tmp_path
    page, url = halaman, live_server.url
    isian = f"{url}/pd/{PD}/2024/2/"
    ind = _baris()
    _masuk(page, url, "operator-disperindag")
    page.goto(isian)

    # 1. An evidence upload leaves the page; the typed K comes back with a banner, not yet saved.
    page.fill(f"#k-{ind.pk}", "7,25")
    page.fill("#faktor_pendorong", "Diketik sebelum mengunggah")
    bukti = tmp_path / "bukti.pdf"
    bukti.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.set_input_files("#berkas", str(bukti))
    page.select_option("#bukti-indikator", str(ind.pk))
    page.click("form.baris-form button[type=submit]")
    page.wait_for_selector(".spanduk-draf:has-text('dikembalikan')")
    assert page.input_value(f"#k-{ind.pk}") == "7,25"
    assert page.input_value("#faktor_pendorong") == "Diketik sebelum mengunggah"
    LAYAR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(LAYAR / "isian-kembali-sesudah-unggah.png"))

    # 2. The session ends (its cookie is gone); "Simpan" lands on the sign-in page. After signing in the
    #    entry screen offers the typed values again, and saving them stores them.
    page.context.clear_cookies(name="sessionid")
    page.click("#simpan")
    page.wait_for_url(re.compile(r".*/masuk/\?next=.*"))
    page.fill("#id_username", "operator-disperindag")
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(isian)
    page.wait_for_selector(".spanduk-draf:has-text('belum disimpan')")
    page.click(".spanduk-draf button:has-text('Pulihkan')")
    assert page.input_value(f"#k-{ind.pk}") == "7,25"
    page.click("#simpan")
    page.wait_for_selector("text=Isian triwulan tersimpan.")
    r = Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2)
    assert str(r.k) in ("7.25", "7.250000")
    assert page.locator(".spanduk-draf").count() == 0  # saved: the draft is gone
    assert page.galat_konsol == []


def test_bertanya_sebelum_meninggalkan_isian_yang_belum_disimpan(
    transactional_db: None, demo: None, live_server: Any, halaman: Any
) -> None:
    page, url = halaman, live_server.url
    ind = _baris()
    _masuk(page, url, "operator-disperindag")
    page.goto(f"{url}/pd/{PD}/2024/2/")
    page.click(f"#k-{ind.pk}")
    page.keyboard.type("3")
    dialog: list[str] = []

    def tolak(d: Any) -> None:
        dialog.append(d.type)
        d.dismiss()

    page.on("dialog", tolak)
    page.click("nav a:has-text('Beranda')", no_wait_after=True)
    page.wait_for_timeout(500)
    assert dialog == ["beforeunload"]
    assert page.url.endswith(f"/pd/{PD}/2024/2/")


def test_sesi_memperingatkan_lalu_diperpanjang(
    transactional_db: None, demo: None, live_server: Any, halaman: Any, settings: Any
) -> None:
    # A session of 5 minutes and 3 seconds: the warning (5 minutes before the end) shows at once.
    settings.SESSION_COOKIE_AGE = 303
    page, url = halaman, live_server.url
    _masuk(page, url, "operator-disperindag")
    page.goto(f"{url}/pd/{PD}/2024/2/")
    spanduk = page.wait_for_selector(".spanduk-sesi:has-text('akan berakhir pukul')")
    assert spanduk is not None
    lama = int(page.get_attribute("body", "data-sesi-berakhir") or 0)
    page.click(".spanduk-sesi button:has-text('Tetap masuk')")
    page.wait_for_selector(".spanduk-sesi", state="detached")
    # Still signed in, and the next page carries the later end.
    page.goto(f"{url}/pd/{PD}/2024/2/")
    assert int(page.get_attribute("body", "data-sesi-berakhir") or 0) >= lama
    assert page.galat_konsol == []
