"""The history a verifier can read (issue 13 item 6): every event placed on its row, indicator and quarter,
in Indonesian words, no internal codes; filters by row, user, dates and quarter; the XLSX export as
filtered, texts as text; access per persona."""

import datetime
import io
import re
from collections.abc import Callable
from decimal import Decimal
from html import unescape
from typing import Any

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from capaian.audit.catat import lewat
from capaian.audit.models import AuditEvent
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import services
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import PD, PERSONA, TAHUN, terima_penjelasan_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
Klien = Callable[[str | None], Client]
RIWAYAT = f"/pd/{PD}/riwayat/"
# What must never reach a reader: action and field codes, hashes, raw record ids.
KODE_INTERNAL = re.compile(
    r"ajukan_penjelasan|penjelasan_galat|belum_ada_data|faktor_pendorong|target_k|arsip_paket|sha256"
    r"|\bsidik\b|SHA-256|[0-9a-f]{12,}|objek|#\d+"
)


def _u(nama: str) -> User:
    return User.objects.get(username=nama)


def _ind(n: int = 0) -> Indikator:
    return list(
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
            "urutan"
        )
    )[n]


def _sel(html: str) -> list[list[str]]:
    """The history table's rows as the cells' text."""
    tabel = html.split('class="tabel tabel-riwayat"', 1)[1].split("</table>", 1)[0]
    baris = re.findall(r"<tr>(.*?)</tr>", tabel.split("<tbody>", 1)[1], re.S)
    return [
        [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", b, re.S)]
        for b in baris
    ]


@pytest.fixture
def kejadian() -> dict[str, Any]:
    """A quarter's day: the operator types two rows on the web, the verifier returns with a note, the
    operator corrects one over the API door, submits with an explanation, the verifier verifies and locks."""
    pd = PerangkatDaerah.objects.get(slug=PD)
    a, b = _ind(0), _ind(1)
    op, vf = _u("operator-disperindag"), _u("verifikator")
    terima_penjelasan_demo()
    with lewat("web"):
        services.simpan_realisasi(op, a, TAHUN, 2, k=Decimal("5"), rp=1_000_000, alasan="salah ketik")
        services.simpan_realisasi(op, b, TAHUN, 2, k=Decimal("12.5"))
        services.simpan_catatan(op, pd, TAHUN, 2, faktor_pendorong='=HYPERLINK("http://x")')
    with lewat("api"):
        services.simpan_realisasi(op, a, TAHUN, 2, k=Decimal("7.25"))
    with lewat("web"):
        jalankan_langkah("ajukan", op, pd, TAHUN, 2)
        jalankan_langkah("setujui", _u("kepala-disperindag"), pd, TAHUN, 2)
        jalankan_langkah("verifikasi", vf, pd, TAHUN, 2)
        jalankan_langkah("kunci", vf, pd, TAHUN, 2)
    return {"pd": pd, "a": a, "b": b}


def test_setiap_perubahan_terbaca_baris_indikator_triwulan_kolom_nilai_siapa_pintu(
    klien_verifikator: Client, kejadian: dict[str, Any]
) -> None:
    a = kejadian["a"]
    html = klien_verifikator.get(RIWAYAT).content.decode()
    sel = _sel(html)
    # Columns: Waktu, Pengguna, Pintu, Tindakan, Baris, Indikator, Triwulan, Kolom, lama, ->, baru, Alasan
    k_api = next(s for s in sel if s[2] == "API")
    assert k_api[1] == "operator-disperindag" and k_api[3].startswith("Mengubah")
    assert (k_api[4], k_api[6], k_api[7]) == (a.kode, "TW II 2024", "Realisasi K")
    assert a.uraian.startswith(k_api[5].rstrip("…"))
    assert (k_api[8], k_api[10]) == ("5", "7,25")
    rp = next(s for s in sel if s[7] == "Realisasi Rp" and s[4] == a.kode)
    assert (rp[2], rp[8], rp[10], rp[11]) == ("Layar web", "-", "1.000.000", "salah ketik")
    tindakan = {s[3].split(" (")[0] for s in sel}
    assert {"Mengajukan triwulan", "Memverifikasi triwulan", "Mengunci triwulan"} <= tindakan
    status = next(s for s in sel if s[3].startswith("Memverifikasi"))
    assert (status[6], status[7], status[8], status[10]) == (
        "TW II 2024",
        "Status",
        "Diajukan",
        "Diverifikasi",
    )
    arsip = next(s for s in sel if s[3].startswith("Mengarsipkan"))
    assert arsip[6] == "TW II 2024" and arsip[10] == "tersimpan"
    teks = next(s for s in sel if s[7] == "Faktor pendorong")
    assert teks[6] == "TW II 2024" and teks[10] == '=HYPERLINK("http://x")'
    assert tindakan  # the table is not empty
    for s in sel:
        assert not KODE_INTERNAL.search(" ".join(s[:11])), s


def test_saringan_baris_pengguna_triwulan_tanggal(
    klien_verifikator: Client, kejadian: dict[str, Any]
) -> None:
    a, b = kejadian["a"], kejadian["b"]
    sel = _sel(klien_verifikator.get(RIWAYAT, {"baris": a.pk}).content.decode())
    assert sel and {s[4] for s in sel} == {a.kode}
    # K twice (web, API), Rp once; and the row's targets (loaded by the demo) are in its history too.
    assert len([s for s in sel if s[1] == "operator-disperindag" and s[7].startswith("Realisasi")]) == 3
    assert any(s[7] == "Target K" and s[6] == "TW II 2024" for s in sel)
    sel = _sel(klien_verifikator.get(RIWAYAT, {"baris": b.pk, "periode": "2024-2"}).content.decode())
    assert [(s[7], s[10]) for s in sel if s[1] == "operator-disperindag"] == [("Realisasi K", "12,5")]
    sel = _sel(
        klien_verifikator.get(RIWAYAT, {"pengguna": "verifikator", "periode": "2024-2"}).content.decode()
    )
    assert sel and {s[1] for s in sel} == {"verifikator"}
    assert all(s[6] == "TW II 2024" for s in sel)
    sel = _sel(klien_verifikator.get(RIWAYAT, {"periode": "2024-1"}).content.decode())
    assert all(s[6] == "TW I 2024" for s in sel)
    # Dates: today holds the day's events; tomorrow nothing; a reversed range says so.
    hari_ini = timezone.localdate().isoformat()
    besok = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    sel = _sel(
        klien_verifikator.get(RIWAYAT, {"dari": hari_ini, "sampai": hari_ini, "baris": a.pk}).content.decode()
    )
    assert len(sel) >= 3
    html = klien_verifikator.get(RIWAYAT, {"dari": besok}).content.decode()
    assert "Belum ada perubahan tercatat untuk saringan ini" in html
    html = klien_verifikator.get(RIWAYAT, {"dari": besok, "sampai": hari_ini}).content.decode()
    assert "Tanggal awal sesudah tanggal akhir" in html


@pytest.mark.parametrize(
    "kueri",
    [
        {"baris": "abc"},
        {"baris": "9" * 40},
        {"dari": "kemarin"},
        {"periode": "2024-9"},
        {"pengguna": "x" * 500},
    ],
)
def test_saringan_yang_tidak_sah_tidak_menjadi_500(klien_verifikator: Client, kueri: dict[str, str]) -> None:
    r = klien_verifikator.get(RIWAYAT, kueri)
    assert r.status_code == 200
    assert "pesan-error" in r.content.decode() or "pengguna" in kueri


def test_nilai_tanpa_id_rekaman_dan_sidik() -> None:
    from capaian.web.riwayat_baca import nilai

    assert nilai("penandatangan", "12: Ir. Budi, Kepala Dinas") == "Ir. Budi, Kepala Dinas"
    assert nilai("perangkat_daerah", "3: Dinas A, 4: Dinas B") == "Dinas A, Dinas B"
    assert nilai("sha256", "c419d3e1d793" * 5 + "abcd") == "tersimpan"
    assert nilai("alasan", "Arsip paket SHA-256 " + "c419d3e1d793" * 5 + "abcd") == "Arsip paket"
    assert nilai("target_rp 2024", "1000000") == "1.000.000"
    assert nilai("bukti 2024 TW 2 #5", "a.png (40 bita, SHA-256 " + "ab" * 32 + ")") == "a.png (40 bita)"
    assert nilai("alasan", "kunci (sidik c419d3e1d793)") == "kunci"
    assert nilai("periode", "2024-04-01/2024-04-15") == "1 April 2024 s.d. 15 April 2024"
    assert nilai("tanggal", "2024-07-08") == "8 Juli 2024"


def test_baris_perangkat_daerah_lain_diabaikan(klien_verifikator: Client) -> None:
    lain = Indikator.objects.exclude(perangkat_daerah__slug=PD).first()
    assert lain is not None
    html = klien_verifikator.get(RIWAYAT, {"baris": lain.pk}).content.decode()
    assert "bukan baris perangkat daerah ini" in html


def test_riwayat_baris_dari_layar_isian(klien_operator: Client, kejadian: dict[str, Any]) -> None:
    a = kejadian["a"]
    html = klien_operator.get(f"/pd/{PD}/{TAHUN}/2/baris/{a.pk}/riwayat/").content.decode()
    sel = _sel(html)
    assert sel and {s[4] for s in sel} == {a.kode} and "Kembali ke isian triwulan" in html


def test_unduh_xlsx_sesuai_saringan_teks_sebagai_teks(
    klien_verifikator: Client, kejadian: dict[str, Any]
) -> None:
    halaman = klien_verifikator.get(RIWAYAT, {"periode": "2024-2"}).content.decode()
    tautan = unescape(re.search(r'href="\?([^"]+)" id="unduh-riwayat"', halaman)[1])  # type: ignore[index]
    assert "periode=2024-2" in tautan and "format=xlsx" in tautan
    r = klien_verifikator.get(RIWAYAT + "?" + tautan)
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = wb["Riwayat"]
    kepala = [c.value for c in ws[4]]
    assert kepala[:9] == [
        "Waktu",
        "Pengguna",
        "Pintu",
        "Tindakan",
        "Data",
        "Kode baris",
        "Indikator",
        "Triwulan",
        "Kolom",
    ]
    baris = [[c.value for c in r_] for r_ in ws.iter_rows(min_row=5)]
    assert len(baris) == len(_sel(halaman))
    assert all(b[7] == "TW II 2024" for b in baris)
    rumus = next(c for r_ in ws.iter_rows(min_row=5) for c in r_ if c.value == '=HYPERLINK("http://x")')
    assert rumus.data_type == "s"  # a text, not a live formula
    assert any(b[8] == "Realisasi K" and b[10] == "7,25" and b[2] == "API" for b in baris)


@pytest.mark.parametrize("persona", PERSONA)
def test_akses_per_persona(klien_sebagai: Klien, persona: str | None) -> None:
    ind = _ind(0)
    k = klien_sebagai(persona)
    for url in (RIWAYAT, RIWAYAT + "?format=xlsx", f"/pd/{PD}/{TAHUN}/2/baris/{ind.pk}/riwayat/"):
        r = k.get(url)
        if persona is None:
            assert r.status_code == 302 and "/masuk/" in r["Location"]
        elif persona == "operator-contoh":
            assert r.status_code == 404  # another agency's history does not exist for them
        else:
            assert r.status_code == 200, (persona, url)


def test_jumlah_kueri_tidak_tumbuh_dengan_peristiwa(
    klien_verifikator: Client, kejadian: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    assert AuditEvent.objects.filter(perangkat_daerah__slug=PD).count() > 100
    with django_assert_max_num_queries(30):
        klien_verifikator.get(RIWAYAT)


def test_bukti_dukung_tertelusur_ke_baris_walau_sudah_dihapus(
    klien_verifikator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from capaian.web import layanan_bukti

    pd, a, op = PerangkatDaerah.objects.get(slug=PD), _ind(0), _u("operator-disperindag")
    with lewat("web"), django_capture_on_commit_callbacks(execute=True):
        bukti = layanan_bukti.unggah(op, pd, TAHUN, 2, SimpleUploadedFile("sp2d.pdf", b"%PDF-1.4 x"), "", a)
        layanan_bukti.hapus(op, bukti, "salah berkas")
    sel = _sel(klien_verifikator.get(RIWAYAT, {"baris": a.pk, "periode": "2024-2"}).content.decode())
    berkas = [s for s in sel if s[7] == "Berkas"]
    assert [(s[3], s[4], s[6]) for s in berkas] == [
        ("Menghapus (bukti dukung)", a.kode, "TW II 2024"),
        ("Mengunggah (bukti dukung)", a.kode, "TW II 2024"),
    ]
    assert berkas[0][8] == "sp2d.pdf (10 bita)" and berkas[0][11] == "salah berkas"
    assert berkas[1][10] == "sp2d.pdf (10 bita)"
