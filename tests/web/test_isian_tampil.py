"""What the entry screen shows beside the inputs: the number as the server read it, the rounding offered for
Rupiah with cents, the quarter's targets; and the DRAF mark on pages of quarters not yet verified."""

import html
import json
import re
from collections.abc import Callable

import pytest
from django.test import Client

from capaian.aturan.angka import format_angka, format_rupiah
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from capaian.web import isian
from tests.bantu_isian import form_isian
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")
Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"


def _baris_bertarget() -> Indikator:
    # A sub-activity row with a K and an Rp input and a target for TW II.
    for ind in Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
        "urutan"
    ):
        if ind.target_triwulan.filter(tahun=TAHUN, triwulan=2, k__isnull=False).exists():
            return ind
    raise AssertionError("tidak ada baris bertarget TW II")


def _html_baris(isi: str, ind: Indikator) -> str:
    awal = isi.index(f'id="baris-{ind.pk}"')
    return isi[awal : isi.index("</tr>", awal)]


def test_hitung_menyebut_cara_angka_dibaca(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _baris_bertarget()
    r = k.post(
        ISIAN + "hitung/",
        {"indikator": ind.pk, f"k-{ind.pk}": "1.50", f"asal-k-{ind.pk}": "", f"rp-{ind.pk}": "1500"},
    )
    jawab = json.loads(r.content)
    # "1.50" is not a thousands group: one and a half; "1500" is fifteen hundred.
    assert jawab["dibaca"] == {f"k-{ind.pk}": "1,5", f"rp-{ind.pk}": "1.500"}
    assert "hasil" in jawab and jawab["usul"] == {}
    # An input left as rendered is not told again how it was read.
    r = k.post(ISIAN + "hitung/", {"indikator": ind.pk, f"k-{ind.pk}": "1.500", f"asal-k-{ind.pk}": "1.500"})
    assert json.loads(r.content)["dibaca"] == {}


def test_hitung_menawarkan_pembulatan_rupiah(klien_sebagai: Klien) -> None:
    ind = _baris_bertarget()
    r = klien_sebagai("operator-disperindag").post(
        ISIAN + "hitung/", {"indikator": ind.pk, f"rp-{ind.pk}": "1.250.000,50"}
    )
    jawab = json.loads(r.content)
    assert jawab["galat"][f"rp-{ind.pk}"] == "Rupiah harus bilangan bulat"
    assert jawab["usul"] == {f"rp-{ind.pk}": "1.250.001"}  # half-up, by the rules core
    assert "hasil" not in jawab


def test_simpan_rupiah_bersen_ditolak_dengan_tawaran(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _baris_bertarget()
    sebelum = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2)
    data = form_isian(k, ISIAN)
    data[f"k-{ind.pk}"] = "1.50"
    data[f"rp-{ind.pk}"] = "2.000,49"
    r = k.post(ISIAN, data)
    assert r.status_code == 400
    baris = _html_baris(r.content.decode(), ind)
    assert f'data-usul="rp-{ind.pk}" data-nilai="2.000"' in baris and "Bulatkan menjadi 2.000" in baris
    assert "dibaca: 1,5" in baris  # the valid input beside it, as read
    # The failed save names the row, and links to it.
    isi = r.content.decode()
    no = next(b.no for b in isian.bangun_baris(ind.perangkat_daerah, TAHUN, 2) if b.indikator_id == ind.pk)
    assert f"Ada isian yang tidak sah pada baris No. {no}. Belum ada yang disimpan" in isi
    assert f'<a href="#baris-{ind.pk}">No. {no}</a>' in isi
    setelah = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2)
    assert (setelah.k, setelah.rp, setelah.versi) == (sebelum.k, sebelum.rp, sebelum.versi)
    # Taking the offer (the text the button puts in the field) saves the whole amount.
    data[f"rp-{ind.pk}"] = "2.000"
    assert k.post(ISIAN, data).status_code == 302
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).rp == 2_000


def test_target_triwulan_tampil_di_baris(klien_sebagai: Klien) -> None:
    ind = _baris_bertarget()
    isi = klien_sebagai("operator-disperindag").get(ISIAN).content.decode()
    baris = _html_baris(isi, ind)
    t1 = ind.target_triwulan.get(tahun=TAHUN, triwulan=1)
    t2 = ind.target_triwulan.get(tahun=TAHUN, triwulan=2)
    assert f'data-label="Target TW 2 K">{format_angka(t2.k)}' in baris
    assert f'data-label="Target TW 2 Rp">{format_rupiah(t2.rp)}' in baris
    if ind.agregasi == "jumlah" and None not in (t1.k, t1.rp, t2.k, t2.rp):
        assert f"s.d. {format_angka(t1.k + t2.k)}" in baris
        assert f"s.d. {format_rupiah(t1.rp + t2.rp)}" in baris
    # The rows the blank finder looks at are marked by the server.
    assert 'data-bertarget="1"' in baris
    # The computed columns come right after the inputs (visible without scrolling sideways).
    kolom = re.findall(r'data-label="([^"]+)"', baris)
    assert kolom.index("Capaian K") == kolom.index("Realisasi TW 2 Rp") + 1


def test_tanda_draf_hanya_pada_triwulan_belum_diverifikasi(klien_sebagai: Klien) -> None:
    k = klien_sebagai("verifikator")
    pd = PerangkatDaerah.objects.get(slug=PD)
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=TAHUN, triwulan=1, defaults={"status": Status.TERKUNCI}
    )
    for tw in (1, 2):
        status = StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=tw).first()
        final = status is not None and status.status in (Status.DIVERIFIKASI, Status.TERKUNCI)
        # The same rule as the documents' DRAF (DataLaporan.draf).
        assert final is not isian.laporan(pd, TAHUN, tw).data.draf
        for url in (
            f"/pd/{PD}/{TAHUN}/{tw}/",
            f"/pd/{PD}/{TAHUN}/{tw}/dasbor/",
            f"/pd/{PD}/{TAHUN}/{tw}/periksa/",
        ):
            isi = k.get(url).content.decode()
            assert ('id="tanda-draf"' in isi) is not final, url
            assert ('class="cetak-draf"' in isi) is not final, url


def test_tanda_draf_kota_menyebut_jumlah_belum_diverifikasi(klien_sebagai: Klien) -> None:
    semua = list(PerangkatDaerah.objects.all())
    assert len(semua) > 1
    # One agency's TW II verified, the others not: the city's pages say how many are not yet.
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=semua[0], tahun=TAHUN, triwulan=2, defaults={"status": Status.DIVERIFIKASI}
    )
    final = StatusTriwulan.objects.filter(
        tahun=TAHUN, triwulan=2, status__in=(Status.DIVERIFIKASI, Status.TERKUNCI)
    ).count()
    assert 0 < final < len(semua)
    for url in (f"/dasbor/{TAHUN}/2/", f"/triwulan/{TAHUN}/2/"):
        isi = klien_sebagai("verifikator").get(url).content.decode()
        assert f"{len(semua) - final} dari {len(semua)} perangkat daerah belum diverifikasi" in isi, url
    # Every agency verified: no DRAF.
    for pd in semua:
        StatusTriwulan.objects.update_or_create(
            perangkat_daerah=pd, tahun=TAHUN, triwulan=2, defaults={"status": Status.TERKUNCI}
        )
    for url in (f"/dasbor/{TAHUN}/2/", f"/triwulan/{TAHUN}/2/"):
        assert 'id="tanda-draf"' not in klien_sebagai("verifikator").get(url).content.decode(), url


def test_teks_rencana_di_baris_dicetak_sebagai_teks(klien_sebagai: Klien) -> None:
    """The rows are rendered by Jinja2 (capaian.web.jinja): the plan's texts are escaped as in the rest of
    the page, an indicator named with markup shows that markup as text and breaks nothing."""
    teks = 'Pasar <b>"Baru"</b> & <script>x()</script>'
    ind = _baris_bertarget()
    Indikator.objects.filter(pk=ind.pk).update(uraian=teks)
    isi = klien_sebagai("operator-disperindag").get(ISIAN).content.decode()
    baris = _html_baris(isi, ind)
    assert "<script>x()" not in isi and "<b>" not in baris
    tampil = re.search(r'<div class="indikator">(.*?)</div>', baris)
    assert tampil and html.unescape(tampil.group(1)) == teks
    # Its input's label carries the same text, escaped inside the attribute.
    label = re.search(r'aria-label="Realisasi K triwulan 2: ([^"]*)"', baris)
    assert label and html.unescape(label.group(1)) == teks


def test_rumus_di_layar_isian_sama_dengan_kertas_kerja(klien_sebagai: Klien) -> None:
    """The entry screen writes each formula as the Kertas Kerja does (the variables' labels, Σ, × 100 %),
    not by the code names the admin stores ("temuan_ditindaklanjuti / temuan * 100")."""
    from capaian.laporan.kertas_kerja import bangun_kertas_kerja
    from capaian.laporan.sumber import muat_data

    isi = klien_sebagai("operator-disperindag").get(ISIAN).content.decode()
    tampil = [html.unescape(t) for t in re.findall(r'<div class="rumus"[^>]*>Rumus: (.*?)</div>', isi)]
    pd = PerangkatDaerah.objects.get(slug=PD)
    kk = [b.rumus for b in bangun_kertas_kerja(muat_data(pd, TAHUN, 2)).baris if b.rumus]
    berumus = Indikator.objects.filter(perangkat_daerah=pd).exclude(rumus="").count()
    assert len(tampil) == berumus > 0
    assert set(tampil) <= set(kk)
    assert "Σ temuan yang ditindaklanjuti / Σ temuan × 100 %" in tampil
    assert not any("_" in t or "*" in t for t in tampil)
