"""Issue 13 items 5 and 8 on the web: the verifier's board shows explanations waiting and quarters waiting for
the head, the head returns with a note, the verifier's comments per row reach the operator at the row, a
quarter without a period is closed on the entry screen, and the periods page extends one agency's window."""

import datetime
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from capaian.aturan.periksa_data import kunci_galat
from capaian.laporan.pemeriksaan import (
    jalankan_langkah,
    jelaskan_galat,
    periksa_triwulan,
    putuskan_penjelasan,
)
from capaian.monev.models import (
    KomentarBaris,
    PenjelasanGalat,
    PeriodeTriwulan,
    PerpanjanganPeriode,
    Realisasi,
    Status,
    StatusTriwulan,
)
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import (
    ADMIN,
    KEPALA,
    OPERATOR,
    OPERATOR_CONTOH,
    PD,
    PD_CONTOH,
    PERSONA,
    PIMPINAN,
    TAHUN,
    VERIFIKATOR,
)

pytestmark = pytest.mark.usefixtures("demo")
Klien = Callable[[str | None], Client]
TW = 2
ISIAN = f"/pd/{PD}/{TAHUN}/{TW}/"
PAPAN = f"/triwulan/{TAHUN}/{TW}/"


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _u(nama: str) -> User:
    return User.objects.get(username=nama)


def _baris_papan(html: str, slug: str) -> str:
    cocok = re.search(rf'<tr data-pd="{slug}".*?</tr>', html, re.S)
    assert cocok, slug
    return cocok.group(0)


def _status() -> str:
    s = StatusTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).first()
    return s.status if s else Status.DRAFT


# --- the verifier's board -----------------------------------------------------------------------------


def test_papan_menampilkan_penjelasan_yang_menunggu(klien_sebagai: Klien) -> None:
    PenjelasanGalat.objects.filter(perangkat_daerah__slug=PD).delete()
    kunci = kunci_galat(periksa_triwulan(_pd(), TAHUN, TW))
    for k in kunci[:2]:
        jelaskan_galat(_u(OPERATOR), _pd(), TAHUN, TW, k, "Sesuai DPA.")
    vf = klien_sebagai(VERIFIKATOR)
    html = vf.get(PAPAN).content.decode()
    baris = _baris_papan(html, PD)
    assert "2 menunggu keputusan" in baris and f'href="{ISIAN}periksa/#penjelasan"' in baris
    assert "penjelasan-menunggu" not in _baris_papan(html, PD_CONTOH)
    assert re.search(r'id="jumlah-penjelasan-menunggu".*?<strong>2</strong>', html, re.S)
    saring = vf.get(PAPAN, {"saring": "penjelasan"}).content.decode()
    assert f'data-pd="{PD}"' in saring and f'data-pd="{PD_CONTOH}"' not in saring
    beranda = vf.get("/").content.decode()
    assert "Triwulan II 2024: 2 penjelasan galat menunggu diterima atau ditolak." in beranda
    # Decided: nothing waits any more.
    putuskan_penjelasan(_u(VERIFIKATOR), _pd(), TAHUN, TW, kunci[0], terima=True)
    putuskan_penjelasan(_u(VERIFIKATOR), _pd(), TAHUN, TW, kunci[1], terima=False, alasan="Kurang bukti.")
    html = vf.get(PAPAN).content.decode()
    assert "menunggu keputusan</a>" not in _baris_papan(html, PD)
    assert "penjelasan galat menunggu" not in vf.get("/").content.decode()


def test_papan_memisahkan_yang_menunggu_kepala(klien_sebagai: Klien) -> None:
    vf = klien_sebagai(VERIFIKATOR)
    jalankan_langkah("ajukan", _u(OPERATOR), _pd(), TAHUN, TW)
    assert "menunggu persetujuan kepala" in _baris_papan(vf.get(PAPAN).content.decode(), PD)
    assert f'data-pd="{PD}"' in vf.get(PAPAN, {"saring": "kepala"}).content.decode()
    assert f'data-pd="{PD}"' not in vf.get(PAPAN, {"saring": "diajukan"}).content.decode()
    assert "menunggu verifikasi" not in vf.get("/").content.decode()
    assert "menunggu persetujuan Anda" in klien_sebagai(KEPALA).get("/").content.decode()
    jalankan_langkah("setujui", _u(KEPALA), _pd(), TAHUN, TW)
    baris = _baris_papan(vf.get(PAPAN).content.decode(), PD)
    assert "disetujui kepala" in baris and 'data-aksi="verifikasi"' in baris
    assert f'data-pd="{PD}"' in vf.get(PAPAN, {"saring": "diajukan"}).content.decode()
    assert "Triwulan II 2024: 1 perangkat daerah menunggu verifikasi." in vf.get("/").content.decode()


# --- the head's return, the verifier's comments per row ---------------------------------------------------


def test_kepala_mengembalikan_lewat_tombol(klien_sebagai: Klien) -> None:
    op, kep = klien_sebagai(OPERATOR), klien_sebagai(KEPALA)
    op.post(ISIAN + "langkah/ajukan/")
    isi = kep.get(ISIAN).content.decode()
    assert 'data-aksi="kembalikan_kepala"' in isi and 'id="catatan-kembalikan_kepala"' in isi
    assert 'data-aksi="kembalikan_kepala"' not in klien_sebagai(VERIFIKATOR).get(ISIAN).content.decode()
    r = kep.post(ISIAN + "langkah/kembalikan_kepala/", {"catatan": ""}, follow=True)
    assert "Catatan untuk operator wajib diisi." in r.content.decode() and _status() == Status.DIAJUKAN
    kep.post(ISIAN + "langkah/kembalikan_kepala/", {"catatan": "Cek lagi realisasi program 3.30.02."})
    assert _status() == Status.DIKEMBALIKAN
    assert "Cek lagi realisasi program 3.30.02." in op.get(ISIAN).content.decode()
    assert "dikembalikan kepala perangkat daerah" in op.get("/").content.decode()
    assert 'id="simpan"' in op.get(ISIAN).content.decode()  # open for entry again


def test_komentar_verifikator_per_baris_tampil_di_barisnya(klien_sebagai: Klien) -> None:
    op, vf = klien_sebagai(OPERATOR), klien_sebagai(VERIFIKATOR)
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan").order_by("urutan")[3]
    op.post(ISIAN + "langkah/ajukan/")
    jalankan_langkah("setujui", _u(KEPALA), _pd(), TAHUN, TW)
    isi = vf.get(ISIAN).content.decode()
    # One comment box per row, belonging to the return's form.
    assert f'<textarea form="form-langkah-kembalikan" name="komentar-{ind.pk}"' in isi
    assert (
        isi.count('form="form-langkah-kembalikan"')
        == Indikator.objects.filter(perangkat_daerah__slug=PD).count()
    )
    for nama in (OPERATOR, KEPALA, PIMPINAN, ADMIN):
        assert 'form="form-langkah-kembalikan"' not in klien_sebagai(nama).get(ISIAN).content.decode(), nama
    r = vf.post(
        ISIAN + "langkah/kembalikan/",
        {
            "catatan": "Perbaiki baris yang dikomentari.",
            f"komentar-{ind.pk}": "Rp melebihi SP2D.\n<b>Lihat</b> SPJ & kuitansi.",
            "komentar-x": "?",
        },
    )
    assert r.status_code == 302 and _status() == Status.DIKEMBALIKAN
    assert list(KomentarBaris.objects.values_list("indikator", "teks")) == [
        (ind.pk, "Rp melebihi SP2D.\n<b>Lihat</b> SPJ & kuitansi.")
    ]
    html = op.get(ISIAN).content.decode()
    # Right after the row itself, so the operator sees it where the value is typed.
    assert re.search(
        rf'id="baris-{ind.pk}".*?</tr>\s*<tr class="komentar-verifikator" id="komentar-baris-{ind.pk}">.*?'
        r"Rp melebihi SP2D\.",
        html,
        re.S,
    )
    # Its line break kept, its markup printed as text (the rows are rendered by Jinja2, capaian.web.jinja).
    assert "Rp melebihi SP2D.<br>&lt;b&gt;Lihat&lt;/b&gt; SPJ &amp; kuitansi." in html
    assert 'id="ada-komentar"' in html
    assert klien_sebagai(OPERATOR_CONTOH).get(ISIAN).status_code == 404


# --- periods -----------------------------------------------------------------------------------------


def test_layar_isian_tanpa_periode_tertutup(klien_sebagai: Klien) -> None:
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=TW).delete()
    op = klien_sebagai(OPERATOR)
    isi = op.get(ISIAN).content.decode()
    assert "belum dibuka verifikator" in isi and 'id="simpan"' not in isi
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").first()
    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW)
    jawab = op.post(ISIAN, {f"k-{ind.pk}": "77", f"asal-k-{ind.pk}": "", f"versi-{ind.pk}": str(r.versi)})
    assert jawab.status_code == 409 and "belum dibuka verifikator" in jawab.content.decode()
    assert Realisasi.objects.get(pk=r.pk).versi == r.versi
    assert (
        "Belum diatur (tertutup untuk pengisian)"
        in klien_sebagai(VERIFIKATOR).get(f"/periode/{TAHUN}/").content.decode()
    )


def _perpanjang(klien: Client, **isi: str) -> object:
    besok = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = {
        "jenis": "perpanjangan",
        "pd": PD_CONTOH,
        "triwulan": "3",
        "ditutup": besok,
        "alasan": "Server down",
    }
    return klien.post(f"/periode/{TAHUN}/", {**data, **isi})


def _periode_tw3_berakhir_hari_ini() -> None:
    hari_ini = timezone.localdate()
    PeriodeTriwulan.objects.filter(tahun=TAHUN, triwulan=3).update(
        dibuka=hari_ini - datetime.timedelta(days=10), ditutup=hari_ini
    )


def test_perpanjangan_lewat_halaman_periode(klien_sebagai: Klien) -> None:
    _periode_tw3_berakhir_hari_ini()
    vf = klien_sebagai(VERIFIKATOR)
    assert 'id="form-perpanjangan"' in vf.get(f"/periode/{TAHUN}/").content.decode()
    # A missing reason: the message at the form, what was typed kept.
    r = _perpanjang(vf, alasan="")
    assert r.status_code == 200 and "Alasan perpanjangan wajib diisi." in r.content.decode()
    assert f'<option value="{PD_CONTOH}" selected>' in r.content.decode()
    assert _perpanjang(vf).status_code == 302
    p = PerpanjanganPeriode.objects.get()
    assert (p.perangkat_daerah.slug, p.triwulan, p.alasan) == (PD_CONTOH, 3, "Server down")
    html = vf.get(f"/periode/{TAHUN}/").content.decode()
    assert f'<tr data-pd="{PD_CONTOH}">' in html and "Server down" in html
    # The admin reads the list, and has no form to extend.
    adm = klien_sebagai(ADMIN).get(f"/periode/{TAHUN}/").content.decode()
    assert "Server down" in adm and 'id="form-perpanjangan"' not in adm
    # Withdrawn with a reason.
    r = vf.post(
        f"/periode/{TAHUN}/",
        {"jenis": "perpanjangan", "cabut": "1", "pd": PD_CONTOH, "triwulan": "3", "alasan": "Keliru"},
    )
    assert r.status_code == 302 and not PerpanjanganPeriode.objects.exists()


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_perpanjangan(klien_sebagai: Klien, persona: str | None) -> None:
    _periode_tw3_berakhir_hari_ini()
    r = _perpanjang(klien_sebagai(persona))
    harapan = {VERIFIKATOR: 302, None: 302}.get(persona, 403)
    assert r.status_code == harapan  # type: ignore[attr-defined]
    if persona is None:
        assert "/masuk/" in r["Location"]  # type: ignore[index]
    assert PerpanjanganPeriode.objects.exists() == (persona == VERIFIKATOR)
    assert OPERATOR_CONTOH in PERSONA and KEPALA in PERSONA
