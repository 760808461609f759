"""A real chromium: the operator enters a value and sees the capaian update live, then the quarter goes
through submit -> return with a comment on the row -> resubmit -> the head approves -> verify -> lock.
Screenshots go to var/screenshots/."""

import re
from typing import Any

import pytest

from capaian.perencanaan.models import Indikator
from tests.browser.conftest import LAYAR
from tests.browser.conftest import keluar as _keluar
from tests.browser.conftest import masuk as _masuk

pytestmark = pytest.mark.browser


def test_alur_triwulan_di_peramban(
    transactional_db: None, demo: None, live_server: Any, halaman: Any
) -> None:
    page, url = halaman, live_server.url
    isian = f"{url}/pd/disperindag/2024/2/"
    LAYAR.mkdir(parents=True, exist_ok=True)
    ind = (
        Indikator.objects.filter(perangkat_daerah__slug="disperindag", tingkat="subkegiatan", rumus="")
        .order_by("urutan")
        .first()
    )
    assert ind is not None

    _masuk(page, url, "operator-disperindag")
    page.goto(isian)
    baris = page.locator(f"#baris-{ind.pk}")
    capaian = baris.locator("[data-keluaran=capaian_k]")
    sebelum = capaian.inner_text()
    masukan = page.locator(f"#k-{ind.pk}")
    masukan.fill("")
    masukan.type("0,5")
    page.wait_for_function("([el, lama]) => el.textContent !== lama", arg=[capaian.element_handle(), sebelum])
    assert re.fullmatch(r"[\d.]+,\d{2}%", capaian.inner_text())
    # Invalid input: an Indonesian message at the field from the live preview.
    rp = baris.locator(f"#rp-{ind.pk}")
    rp.fill("12,5")
    page.wait_for_selector(f"[data-galat='rp-{ind.pk}']:has-text('Rupiah harus bilangan bulat')")
    rp.fill("2.500.000")
    page.wait_for_function(
        "(sel) => !document.querySelector(sel).textContent", arg=f"[data-galat='rp-{ind.pk}']"
    )
    page.click("#simpan")
    page.wait_for_selector("text=Isian triwulan tersimpan.")
    assert page.locator(f"#k-{ind.pk}").input_value() == "0,5"
    assert page.locator(f"#rp-{ind.pk}").input_value() == "2.500.000"
    page.screenshot(path=str(LAYAR / "isian-tw2.png"), full_page=False)
    # The edited row with its computed columns (the table scrolls sideways inside its frame).
    baris.scroll_into_view_if_needed()
    page.locator(".gulir").evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.screenshot(path=str(LAYAR / "isian-tw2-baris.png"), full_page=False)

    page.click("button[data-aksi=ajukan]")
    page.wait_for_selector("#status-triwulan:has-text('Diajukan')")
    _keluar(page)

    _masuk(page, url, "verifikator")
    page.goto(isian)
    page.fill("#catatan-kembalikan", "Mohon lengkapi bukti dukung TW 2.")
    # A comment on the edited row, sent with the return (the textarea belongs to the return's form).
    page.fill(f"#komentar-{ind.pk}", "Realisasi Rp ini perlu SP2D.")
    page.click("button[data-aksi=kembalikan]")
    page.wait_for_selector("#status-triwulan:has-text('Dikembalikan')")
    _keluar(page)

    _masuk(page, url, "operator-disperindag")
    page.goto(isian)
    assert "Mohon lengkapi bukti dukung TW 2." in page.content()
    # The verifier's comment is shown at its row, right below it.
    komentar = page.locator(f"#baris-{ind.pk} + tr.komentar-verifikator")
    assert "Realisasi Rp ini perlu SP2D." in komentar.inner_text()
    page.click("button[data-aksi=ajukan]")
    page.wait_for_selector("#status-triwulan:has-text('Diajukan')")
    _keluar(page)

    # The pemda requires the head's approval before the verifier's steps (issue 13).
    _masuk(page, url, "verifikator")
    page.goto(isian)
    assert page.locator("button[data-aksi=verifikasi]").count() == 0
    assert page.locator("#menunggu-kepala").is_visible()
    _keluar(page)
    _masuk(page, url, "kepala-disperindag")
    page.goto(isian)
    page.click("button[data-aksi=setujui]")
    page.wait_for_selector("text=Disetujui kepala")
    _keluar(page)

    _masuk(page, url, "verifikator")
    page.goto(isian)
    page.click("button[data-aksi=verifikasi]")
    page.wait_for_selector("#status-triwulan:has-text('Diverifikasi')")
    page.click("button[data-aksi=kunci]")
    page.wait_for_selector("#status-triwulan:has-text('Terkunci')")
    page.screenshot(path=str(LAYAR / "isian-terkunci.png"), full_page=False)

    page.goto(f"{url}/dasbor/2024/2/")
    page.wait_for_selector("text=Sudah diverifikasi")
    page.screenshot(path=str(LAYAR / "dasbor-kota.png"), full_page=True)
    page.goto(f"{url}/pd/disperindag/2024/2/dasbor/")
    page.screenshot(path=str(LAYAR / "dasbor-pd.png"), full_page=True)
    # No CSP violation or script error on any page.
    assert page.galat_konsol == []
