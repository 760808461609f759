"""The verifier's board in a real chromium: it sorts, filters, sends the reminders and locks, the console
stays free of errors and CSP violations. Screenshots go to var/screenshots/papan-*.png."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail

from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev.models import StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from tests.browser.conftest import LAYAR, masuk

pytestmark = pytest.mark.browser


def _urutan(page: Any) -> list[str]:
    return page.eval_on_selector_all("#papan tbody tr[data-pd]", "rs => rs.map(r => r.dataset.pd)")


def test_papan_verifikator_di_peramban(
    transactional_db: None, demo: None, live_server: Any, halaman: Any
) -> None:
    page, url = halaman, live_server.url
    LAYAR.mkdir(parents=True, exist_ok=True)
    for u in User.objects.filter(
        username__in=["operator-disperindag", "kepala-disperindag", "operator-contoh"]
    ):
        u.email = f"{u.username}@contoh.invalid"
        u.save()
    # Dinas Contoh submits and is verified, so that the board has one quarter to lock.
    contoh = PerangkatDaerah.objects.get(slug="dinas-contoh")
    jalankan_langkah("ajukan", User.objects.get(username="operator-contoh"), contoh, 2024, 2)
    jalankan_langkah("setujui", User.objects.get(username="kepala-contoh"), contoh, 2024, 2)
    jalankan_langkah("verifikasi", User.objects.get(username="verifikator"), contoh, 2024, 2)

    masuk(page, url, "verifikator")
    page.goto(url + "/triwulan/2024/2/")
    assert sorted(_urutan(page)) == ["dinas-contoh", "disperindag"]
    page.click("#papan thead >> text=Galat")  # ascending
    page.click("#papan thead >> text=Galat")  # descending: the reference's 4 galat first
    assert _urutan(page)[0] == "disperindag"
    page.select_option("#saring", "galat")
    page.click("text=Terapkan")
    assert _urutan(page) == ["disperindag"]
    page.screenshot(path=str(LAYAR / "papan-saring-galat.png"), full_page=True)

    page.goto(url + "/triwulan/2024/2/")
    page.click("text=Kirim pengingat ke 1 perangkat daerah yang belum mengajukan")
    assert page.locator(".pesan-success").inner_text().startswith("Pengingat terkirim ke 1 perangkat daerah")
    assert len(mail.outbox) == 1 and "Dinas Perindustrian dan Perdagangan" in mail.outbox[0].subject
    assert "diingatkan" in page.locator('tr[data-pd="disperindag"]').inner_text()

    page.check('input[name=pd][value="dinas-contoh"]')
    page.click("text=Kunci yang dipilih")
    assert "1 triwulan dikunci" in page.locator(".pesan-success").inner_text()
    assert StatusTriwulan.objects.get(perangkat_daerah=contoh, tahun=2024, triwulan=2).status == "terkunci"
    page.screenshot(path=str(LAYAR / "papan-verifikator.png"), full_page=True)
    assert page.galat_konsol == []
