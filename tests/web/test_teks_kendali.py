"""Control characters at entry (issue 13 item 2): a vertical tab in a quarter's text is saved as a line
break, NUL and the like are removed, on every door (web form, workflow note, 'belum ada data' reason, the
trail), and the documents that used to answer 500 are served."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.audit.models import AuditEvent
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import services
from capaian.monev.models import CatatanTriwulan, Realisasi, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.bantu_isian import form_isian
from tests.conftest import PD, TAHUN, terima_penjelasan_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"
KOTOR = "Pasar ramai\x0bpedagang bertambah\x00\x01 (=1+1)"
BERSIH = "Pasar ramai\npedagang bertambah (=1+1)"


def test_teks_triwulan_dari_layar_isian(klien_operator: Client) -> None:
    data = form_isian(klien_operator, ISIAN)
    data["faktor_pendorong"] = KOTOR
    r = klien_operator.post(ISIAN, data)
    assert r.status_code == 302
    c = CatatanTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2)
    assert c.faktor_pendorong == BERSIH
    e = AuditEvent.objects.filter(objek="catatan", kolom="faktor_pendorong").latest("id")
    assert e.baru == BERSIH
    # Shown back on the entry screen with its line break.
    assert "Pasar ramai\npedagang bertambah (=1+1)</textarea>" in klien_operator.get(ISIAN).content.decode()


def test_catatan_langkah_dan_alasan_belum_ada_data() -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    op, vf = User.objects.get(username="operator-disperindag"), User.objects.get(username="verifikator")
    ind = Indikator.objects.filter(perangkat_daerah=pd, tingkat="subkegiatan").order_by("urutan").first()
    assert ind is not None
    services.simpan_realisasi(op, ind, TAHUN, 2, k=None, rp=None, belum_ada_data="SP2D\x00 belum\x0bterbit")
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).belum_ada_data == "SP2D belum terbit"
    terima_penjelasan_demo()
    jalankan_langkah("ajukan", op, pd, TAHUN, 2)
    jalankan_langkah("setujui", User.objects.get(username="kepala-disperindag"), pd, TAHUN, 2)
    jalankan_langkah("kembalikan", vf, pd, TAHUN, 2, "Lengkapi\x0bbukti\x00 SP2D")
    assert StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=2).catatan == (
        "Lengkapi\nbukti SP2D"
    )


def test_dokumen_dengan_teks_kotor_tetap_terunduh(klien_operator: Client) -> None:
    pd = PerangkatDaerah.objects.get(slug=PD)
    services.simpan_catatan(
        User.objects.get(username="operator-disperindag"), pd, TAHUN, 2, faktor_pendorong=KOTOR
    )
    halaman = klien_operator.get(f"{ISIAN}laporan/").content.decode()
    tautan = next(
        h for h in (p.split('"', 1)[0] for p in halaman.split('href="')[1:]) if h.endswith("e81.xlsx")
    )
    r = klien_operator.get(tautan)
    assert r.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(b"".join(r.streaming_content) if r.streaming else r.content))
    teks = [
        c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    ]
    # Written as text, never a formula; its two lines are two numbered items under Form E.81, as the
    # reference lists several factors.
    assert any("1. Pasar ramai\n2. pedagang bertambah (=1+1)" in t for t in teks)
