"""The screens fit their users (issue 13, items 4 and 9), in a real chromium at 1,366 x 768 (an office
laptop) and on a 390 px phone: the entry screen keeps its head and first columns in view and shows capaian
and predikat beside the inputs without scrolling sideways; the phone enters one card per row; the
dashboards and the board fit; the charts draw at once with their values and the expected-by-quarter mark;
print shows a quarter not yet verified as DRAF. Screenshots of every screen go to a temporary folder
(printed with -s); look at them when the layout changes."""

from pathlib import Path
from typing import Any

import pytest

from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.browser.conftest import buka_peramban, masuk

pytestmark = pytest.mark.browser
PD = "disperindag"
LAPTOP = {"width": 1366, "height": 768}
PONSEL = {"width": 390, "height": 844}


def _baris() -> Indikator:
    # A sub-activity row with a K and an Rp input and targets for TW II.
    for ind in Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
        "urutan"
    ):
        if ind.target_triwulan.filter(tahun=2024, triwulan=2, k__isnull=False).exists():
            return ind
    raise AssertionError("tidak ada baris bertarget TW II")


def _kotak(page: Any, pemilih: str) -> dict[str, float]:
    kotak = page.locator(pemilih).first.bounding_box()
    assert kotak is not None, pemilih
    return kotak  # type: ignore[no-any-return]


def _di_layar(kotak: dict[str, float], lebar: int, tinggi: int | None = None) -> bool:
    mendatar = kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= lebar
    return mendatar and (tinggi is None or (kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= tinggi))


def _lebar_dokumen(page: Any) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")  # type: ignore[no-any-return]


@pytest.fixture
def folder_layar(tmp_path_factory: Any) -> Path:
    folder = tmp_path_factory.mktemp("layar")
    print(f"\nscreenshots: {folder}")
    return folder  # type: ignore[no-any-return]


def test_isian_di_laptop_1366(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any, folder_layar: Path
) -> None:
    peramban, page = buka_peramban(playwright_sync, viewport=LAPTOP)
    url = live_server.url
    ind = _baris()
    masuk(page, url, "operator-disperindag")
    page.goto(f"{url}/pd/{PD}/2024/2/")
    page.wait_for_selector("#alat-isian:not([hidden])")
    gulir = page.locator(".gulir-isian")
    assert gulir.evaluate("el => el.scrollLeft") == 0
    # The inputs and what they drive, side by side inside the 1,366 px window, without scrolling sideways.
    baris = f"#baris-{ind.pk}"
    page.locator(baris).scroll_into_view_if_needed()
    for sel in (
        f"#k-{ind.pk}",
        f"#rp-{ind.pk}",
        f"{baris} [data-keluaran=capaian_k]",
        f"{baris} [data-keluaran=capaian_rp]",
        f"{baris} td.predikat",
        f"{baris} td.target-tw",
    ):
        assert _di_layar(_kotak(page, sel), LAPTOP["width"]), sel
    assert gulir.evaluate("el => el.scrollLeft") == 0
    page.screenshot(path=str(folder_layar / "isian-1366.png"))

    # Scrolled down through the rows, the head stays at the top of the frame, in the window.
    page.evaluate("document.getElementById('alat-isian').scrollIntoView({block: 'start'})")
    gulir.evaluate("el => { el.scrollTop = el.scrollHeight / 2; }")
    kepala = _kotak(page, ".e81-isian thead")
    bingkai = _kotak(page, ".gulir-isian")
    assert gulir.evaluate("el => el.scrollTop") > 1000
    assert abs(kepala["y"] - bingkai["y"]) <= 2 and 0 <= kepala["y"] < LAPTOP["height"] - kepala["height"]
    for th in ("th.lekat-no", "th:has-text('Capaian')", "th:has-text('Predikat')"):
        assert _di_layar(_kotak(page, f".e81-isian thead {th}"), LAPTOP["width"], LAPTOP["height"]), th
    assert bingkai["y"] + bingkai["height"] <= LAPTOP["height"]  # the whole frame fits the window
    # Scrolled sideways to the last columns, No and the row's name stay at the left edge.
    gulir.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert gulir.evaluate("el => el.scrollLeft") > 0
    nama = page.locator("tbody tr[data-indikator] td.lekat-uraian").nth(20).bounding_box()
    no = page.locator("tbody tr[data-indikator] td.lekat-no").nth(20).bounding_box()
    assert abs(no["x"] - bingkai["x"]) <= 2 and abs(nama["x"] - (no["x"] + no["width"])) <= 2
    page.screenshot(path=str(folder_layar / "isian-1366-digulir.png"))
    gulir.evaluate("el => { el.scrollLeft = 0; el.scrollTop = el.scrollHeight; }")
    # Entering by keyboard, up the rows: each field reached stays clear of the sticky head and columns.
    page.locator("tbody input[name^='k-']").last.focus()
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        atas, bawah_kepala, kiri, kanan_nama = page.evaluate(
            """() => { const a = document.activeElement.getBoundingClientRect();
                       const kotak = s => document.querySelector(s).getBoundingClientRect();
                       return [a.top, kotak('.e81-isian thead').bottom,
                               a.left, kotak('tbody td.lekat-uraian').right]; }"""
        )
        assert atas >= bawah_kepala - 1 and kiri >= kanan_nama - 1

    # The number as read, from the server's rules: "1.50" is one and a half, "1.500" fifteen hundred.
    k = page.locator(f"#k-{ind.pk}")
    dibaca = page.locator(f"[data-dibaca='k-{ind.pk}']")
    k.fill("1.50")
    page.wait_for_function("el => el.textContent === 'dibaca: 1,5'", arg=dibaca.element_handle())
    k.fill("1.500")
    page.wait_for_function("el => el.textContent === 'dibaca: 1.500'", arg=dibaca.element_handle())
    # Rupiah with cents: refused at the field with the rounding offered; taking it puts the whole amount in.
    rp = page.locator(f"#rp-{ind.pk}")
    rp.fill("1.250.000,50")
    usul = page.locator(f"button[data-usul='rp-{ind.pk}']")
    usul.wait_for(state="visible")
    assert usul.inner_text() == "Bulatkan menjadi 1.250.001"
    assert page.locator(f"[data-galat='rp-{ind.pk}']").inner_text() == "Rupiah harus bilangan bulat"
    page.locator(baris).evaluate("el => el.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(folder_layar / "isian-1366-pembulatan.png"))
    usul.click()
    assert rp.input_value() == "1.250.001"
    page.wait_for_function(
        "sel => !document.querySelector(sel).textContent", arg=f"[data-galat='rp-{ind.pk}']"
    )
    assert usul.is_hidden()

    # Jump to the error: make one, then the button brings its row into view and marks it.
    page.locator(f"{baris} ~ tr[data-indikator] input[name^='k-']").first.fill("abc")
    salah = page.locator(f"{baris} ~ tr[data-indikator]:has(input[name^='k-'][aria-invalid=true])")
    salah.wait_for()
    page.evaluate("document.querySelector('.gulir-isian').scrollTop = 0")
    page.click("#ke-galat")
    assert "ditunjuk" in (salah.get_attribute("class") or "")
    kotak = salah.bounding_box()
    assert kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= LAPTOP["height"]
    page.locator(f"{baris} ~ tr[data-indikator] input[aria-invalid=true]").first.fill("")
    # Jump to a blank row: a row with a target for the quarter whose input is empty, focused.
    kosong = page.evaluate(
        "() => [...document.querySelectorAll('tr[data-bertarget]')].filter(tr => !tr.querySelector("
        "'input[name^=bad-]:checked') && [...tr.querySelectorAll('input[name^=k-], input[name^=rp-], "
        "input[name^=v-]')].some(i => !i.value.trim())).map(tr => tr.id)"
    )
    assert kosong
    page.click("#ke-kosong")
    fokus = page.evaluate("document.activeElement.closest('tr').id")
    assert fokus in kosong and page.evaluate("document.activeElement.value") == ""
    # Show only the blank rows; then search by the row's text.
    page.select_option("#saring-baris", "kosong")
    tampil = page.eval_on_selector_all("tr[data-indikator]:not(.disembunyikan)", "trs => trs.map(t => t.id)")
    assert sorted(tampil) == sorted(kosong)
    page.select_option("#saring-baris", "")
    page.fill("#cari-baris", page.locator(f"{baris} .indikator").inner_text()[:25])
    tampil = page.eval_on_selector_all("tr[data-indikator]:not(.disembunyikan)", "trs => trs.map(t => t.id)")
    assert (
        f"baris-{ind.pk}" in tampil
        and len(tampil) < Indikator.objects.filter(perangkat_daerah__slug=PD).count()
    )
    page.fill("#cari-baris", "")
    assert page.galat_konsol == []
    peramban.close()


def test_isian_di_ponsel_390(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any, folder_layar: Path
) -> None:
    peramban, page = buka_peramban(playwright_sync, viewport=PONSEL, is_mobile=True, has_touch=True)
    url = live_server.url
    ind = _baris()
    masuk(page, url, "operator-disperindag")
    page.goto(f"{url}/pd/{PD}/2024/2/")
    assert _lebar_dokumen(page) <= PONSEL["width"]
    page.screenshot(path=str(folder_layar / "isian-390.png"))
    # One card per row: every row is within the screen, its inputs full-width enough for a thumb.
    kartu = page.eval_on_selector_all(
        "tr[data-indikator]",
        "trs => trs.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })",
    )
    assert kartu and all(kiri >= 0 and kanan <= PONSEL["width"] for kiri, kanan in kartu)
    k = page.locator(f"#k-{ind.pk}")
    k.scroll_into_view_if_needed()
    kotak_k = k.bounding_box()
    assert _di_layar(kotak_k, PONSEL["width"]) and kotak_k["width"] >= 140 and kotak_k["height"] >= 36
    # Capaian and predikat are in the same card, right under the inputs.
    capaian = _kotak(page, f"#baris-{ind.pk} [data-keluaran=capaian_k]")
    assert _di_layar(capaian, PONSEL["width"]) and 0 < capaian["y"] - kotak_k["y"] < 300
    # Entering works: the preview updates, the save keeps the value.
    sebelum = page.locator(f"#baris-{ind.pk} [data-keluaran=capaian_k]").inner_text()
    k.fill("")
    k.type("0,5")
    page.wait_for_function(
        "([sel, lama]) => document.querySelector(sel).textContent !== lama",
        arg=[f"#baris-{ind.pk} [data-keluaran=capaian_k]", sebelum],
    )
    page.locator(f"#baris-{ind.pk}").screenshot(path=str(folder_layar / "isian-390-kartu.png"))
    page.click("#simpan")
    page.wait_for_selector("text=Isian triwulan tersimpan.")
    assert Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=2).k == 0.5
    assert _lebar_dokumen(page) <= PONSEL["width"]
    assert page.galat_konsol == []
    peramban.close()


def _grafik_siap(page: Any) -> list[dict[str, Any]]:
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-grafik]')]"
        ".every(w => w.hidden || window.Chart.getChart(w.querySelector('canvas')))"
    )
    return page.evaluate(  # type: ignore[no-any-return]
        """() => [...document.querySelectorAll('[data-grafik]:not([hidden]) canvas')].map(c => {
          const g = window.Chart.getChart(c);
          const b = c.getBoundingClientRect();
          return {jenis: c.parentElement.dataset.grafik, animasi: g.options.animation,
                  plugin: g.config.plugins.map(p => p.id), kiri: b.left, kanan: b.right,
                  teks: g.data.datasets.map(d => d.teks || null),
                  harapan: g.data.datasets.map(d => d.harapan || null)};
        })"""
    )


@pytest.mark.parametrize("layar", [LAPTOP, PONSEL], ids=["1366", "390"])
def test_dasbor_dan_papan_muat_di_layar(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any, folder_layar: Path, layar: Any
) -> None:
    ponsel = layar["width"] < 500
    peramban, page = buka_peramban(playwright_sync, viewport=layar, is_mobile=ponsel, has_touch=ponsel)
    url = live_server.url
    masuk(page, url, "verifikator")
    for nama, jalan in (
        ("dasbor-pd", f"/pd/{PD}/2024/2/dasbor/"),
        ("dasbor-kota", "/dasbor/2024/2/"),
        ("papan", "/triwulan/2024/2/"),
        ("periksa", f"/pd/{PD}/2024/2/periksa/"),
    ):
        page.goto(url + jalan)
        grafik = _grafik_siap(page) if nama.startswith("dasbor") else []
        assert _lebar_dokumen(page) <= layar["width"], nama
        for g in grafik:
            # Drawn at once (no animation), inside the screen, each bar with its value's text.
            assert g["animasi"] is False, g["jenis"]
            assert g["kiri"] >= 0 and g["kanan"] <= layar["width"], g["jenis"]
            assert "labelNilai" in g["plugin"] and any(g["teks"]), g["jenis"]
        if nama == "dasbor-pd":
            program = next(g for g in grafik if g["jenis"] == "program")
            # The expected-by-this-quarter mark, the server's numbers: 3.30.03 at 50 % (K) and 62,83 % (Rp).
            assert "tandaHarapan" in program["plugin"]
            assert 50.0 in program["harapan"][0] and 62.83 in program["harapan"][1]
        if nama == "papan":
            # The verifier's whole row, the actions included, without scrolling sideways; on the phone a card.
            papan = _kotak(page, "#papan")
            assert papan["x"] >= 0 and papan["x"] + papan["width"] <= layar["width"]
            if ponsel:
                assert page.locator("#papan.berlabel td[data-label]").count() > 0
        if nama == "periksa":
            # Each finding's message readable without scrolling sideways; on the phone a card per finding.
            pesan = _kotak(page, "#tabel-temuan tbody tr:first-child td:nth-child(5)")
            assert pesan["x"] >= 0 and pesan["x"] + pesan["width"] <= layar["width"]
            if ponsel:
                assert page.locator("#tabel-temuan.berlabel td[data-label='Pesan']").count() > 40
        page.screenshot(path=str(folder_layar / f"{nama}-{layar['width']}.png"), full_page=True)
    assert page.galat_konsol == []
    peramban.close()


def test_cetak_menyembunyikan_navigasi_dan_menandai_draf(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any, folder_layar: Path
) -> None:
    peramban, page = buka_peramban(playwright_sync, viewport=LAPTOP)
    url = live_server.url
    masuk(page, url, "verifikator")
    page.goto(f"{url}/pd/{PD}/2024/2/")  # TW II of the reference agency: not yet verified
    page.emulate_media(media="print")
    tampak = page.evaluate(
        """() => Object.fromEntries(['.atas nav', '.sub-nav', '.alat-isian', '.cetak-draf', '#tanda-draf']
             .map(s => [s, !!document.querySelector(s)
                        && getComputedStyle(document.querySelector(s)).display !== 'none']))"""
    )
    assert tampak == {
        ".atas nav": False,
        ".sub-nav": False,
        ".alat-isian": False,
        ".cetak-draf": True,
        "#tanda-draf": True,
    }
    # The whole table on paper: no frame that scrolls or cuts it.
    assert page.evaluate("getComputedStyle(document.querySelector('.gulir-isian')).overflowX") == "visible"
    page.screenshot(path=str(folder_layar / "cetak-isian-draf.png"), full_page=True)
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF")
    (folder_layar / "cetak-isian-draf.pdf").write_bytes(pdf)
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=PerangkatDaerah.objects.get(slug=PD),
        tahun=2024,
        triwulan=1,
        defaults={"status": Status.TERKUNCI},
    )
    page.goto(f"{url}/pd/{PD}/2024/1/dasbor/")  # TW I locked: final, no DRAF
    assert page.locator(".cetak-draf").count() == 0
    page.emulate_media(media="screen")
    assert page.galat_konsol == []
    peramban.close()


def test_renja_perubahan_muat_di_ponsel(
    transactional_db: None, demo: None, live_server: Any, playwright_sync: Any, folder_layar: Path
) -> None:
    # The legal-basis fieldset's long input used to widen the page past the phone (fieldsets are as wide as
    # their widest input by default); the table scrolls inside its own frame.
    peramban, page = buka_peramban(playwright_sync, viewport=PONSEL, is_mobile=True, has_touch=True)
    masuk(page, live_server.url, "operator-disperindag")
    page.goto(f"{live_server.url}/pd/{PD}/2024/perubahan/")
    assert page.locator("#simpan-perubahan").count() == 1
    assert _lebar_dokumen(page) <= PONSEL["width"]
    page.screenshot(path=str(folder_layar / "perubahan-390.png"), full_page=True)
    assert page.galat_konsol == []
    peramban.close()
