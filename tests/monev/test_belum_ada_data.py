"""Issue 9 item 8: submitting needs a complete quarter. A row with a target for the quarter and no value
blocks "ajukan" unless the operator marks it "belum ada data" with a reason (entry screen, API); no
explanation covers it; the documents show the reason and the row stays blank (not zero); the demo marks the
rows the reference report leaves blank."""

import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client

from capaian.api.models import ApiToken
from capaian.audit.models import AuditEvent
from capaian.demo.muat import ALASAN_RUJUKAN
from capaian.laporan.e81 import bangun_e81
from capaian.laporan.kertas_kerja import bangun_kertas_kerja, keterangan
from capaian.laporan.pemeriksaan import jalankan_langkah, periksa_triwulan
from capaian.laporan.render_json import e81_json
from capaian.laporan.render_xlsx import e81_xlsx
from capaian.laporan.sumber import muat_data
from capaian.monev import alur, services
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import OPERATOR, PD, TAHUN
from tests.web.test_isian import _form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
TW = 2
ISIAN = f"/pd/{PD}/{TAHUN}/{TW}/"
# The demo rows the reference report leaves blank in TW II although they have a target (Rp of both).
KOSONG_TW2 = ("3.30.01.2.01.0006", "3.30.01.2.06.0008")


@pytest.fixture
def api_operator(demo: None) -> Client:
    kunci = ApiToken.terbitkan(User.objects.get(username=OPERATOR))
    return Client(headers={"Authorization": f"Bearer {kunci}"})


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _ind(kode: str) -> Indikator:
    return Indikator.objects.get(perangkat_daerah__slug=PD, subkegiatan__kode=kode)


def _r(kode: str, tw: int = TW) -> Realisasi:
    return Realisasi.objects.get(indikator=_ind(kode), tahun=TAHUN, triwulan=tw)


def _hapus_tanda(kode: str) -> None:
    services.simpan_realisasi(None, _ind(kode), TAHUN, TW, belum_ada_data="")


def test_demo_menandai_baris_yang_kosong_di_laporan_rujukan() -> None:
    for kode in KOSONG_TW2:
        r = _r(kode)
        assert r.belum_ada_data == ALASAN_RUJUKAN == "tidak dilaporkan dalam laporan rujukan"
        assert r.rp is None  # blank is not zero
    ditandai = Realisasi.objects.filter(indikator__perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW)
    assert sorted(r.indikator.kode for r in ditandai.exclude(belum_ada_data="")) == sorted(KOSONG_TW2)
    # TW I too: three Rp and two K cells the report leaves blank.
    assert (
        Realisasi.objects.filter(indikator__perangkat_daerah__slug=PD, triwulan=1)
        .exclude(belum_ada_data="")
        .count()
        == 5
    )


def test_ajukan_ditolak_selama_baris_bertarget_kosong_tanpa_tanda(
    klien_sebagai: object, api_operator: Client
) -> None:
    _hapus_tanda(KOSONG_TW2[0])
    pesan_harap = "1 baris mempunyai target Triwulan 2 tetapi belum diisi"
    # Web: the step is refused with the row named.
    web: Client = klien_sebagai(OPERATOR)  # type: ignore[operator]
    assert "1 baris bertarget belum diisi" in web.get(ISIAN).content.decode()
    periksa = web.get(f"{ISIAN}periksa/").content.decode()
    assert 'id="belum-diisi"' in periksa and KOSONG_TW2[0] in periksa
    r = web.post(f"{ISIAN}langkah/ajukan/", follow=True)
    teks = r.content.decode()
    assert pesan_harap in teks and KOSONG_TW2[0] in teks and "belum ada data" in teks
    # API: 409 with the same message.
    api = api_operator
    jawab = api.post(f"/api/triwulan/{PD}/{TAHUN}/{TW}/ajukan", {}, content_type="application/json")
    assert jawab.status_code == 409, jawab.content
    assert pesan_harap in jawab.json()["galat"] and KOSONG_TW2[0] in jawab.json()["galat"]
    keadaan = api.get(f"/api/triwulan/{PD}/{TAHUN}/{TW}").json()
    assert len(keadaan["belum_diisi"]) == 1 and KOSONG_TW2[0] in keadaan["belum_diisi"][0]
    assert StatusTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).status == "draft"


def test_penjelasan_tidak_menutup_baris_kosong(pengguna_demo: object) -> None:
    """An accepted explanation covers galat of the checks, never a missing value."""
    _hapus_tanda(KOSONG_TW2[0])
    operator = User.objects.get(username=OPERATOR)
    # Every galat of the quarter has its explanation accepted (the tests' demo: tests/conftest.py).
    status = StatusTriwulan.objects.get_or_create(perangkat_daerah=_pd(), tahun=TAHUN, triwulan=TW)[0]
    assert (
        periksa_triwulan(_pd(), TAHUN, TW)
        and alur.galat_baru(status, periksa_triwulan(_pd(), TAHUN, TW)) == []
    )
    with pytest.raises(alur.LangkahTidakSah, match="belum diisi"):
        jalankan_langkah("ajukan", operator, _pd(), TAHUN, TW)


def test_tandai_di_layar_isian_lalu_ajukan(klien_sebagai: object) -> None:
    _hapus_tanda(KOSONG_TW2[0])
    k: Client = klien_sebagai(OPERATOR)  # type: ignore[operator]
    ind = _ind(KOSONG_TW2[0])
    halaman = k.get(ISIAN).content.decode()
    assert f'name="bad-{ind.pk}"' in halaman and f'name="alasan-bad-{ind.pk}"' in halaman
    # Ticked without a reason: refused at the row, nothing saved.
    data = _form(k)
    data[f"bad-{ind.pk}"] = "1"
    r = k.post(ISIAN, data)
    assert r.status_code == 400 and "Tulis alasan" in r.content.decode()
    assert _r(KOSONG_TW2[0]).belum_ada_data == ""
    # With a reason: saved, audited, and the quarter can be submitted.
    data[f"alasan-bad-{ind.pk}"] = "  SPJ   belum diterima dari bendahara "
    r = k.post(ISIAN, data)
    assert r.status_code == 302, r.content.decode()[:3000]
    assert _r(KOSONG_TW2[0]).belum_ada_data == "SPJ belum diterima dari bendahara"
    e = AuditEvent.objects.filter(objek="realisasi", kolom="belum_ada_data").latest("id")
    assert (e.nama_pengguna, e.baru) == (OPERATOR, "SPJ belum diterima dari bendahara")
    halaman = k.get(ISIAN).content.decode()
    assert 'value="SPJ belum diterima dari bendahara"' in halaman
    r = k.post(f"{ISIAN}langkah/ajukan/", follow=True)
    assert "Triwulan 2 Tahun 2024 telah diajukan" in r.content.decode()
    assert StatusTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).status == (
        Status.DIAJUKAN
    )
    # Unticking clears the mark (after the quarter is returned to the agency).
    StatusTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).update(status="draft")
    data = _form(k)
    data.pop(f"bad-{ind.pk}")
    assert k.post(ISIAN, data).status_code == 302
    assert _r(KOSONG_TW2[0]).belum_ada_data == ""


def test_tandai_lewat_api(api_operator: Client) -> None:
    _hapus_tanda(KOSONG_TW2[0])
    api = api_operator
    r = _r(KOSONG_TW2[0])
    url = f"/api/indikator/{r.indikator_id}/realisasi/{TAHUN}/{TW}"
    kosong = api.patch(
        url, {"versi": r.versi, "belum_ada_data": {"alasan": ""}}, content_type="application/json"
    )
    assert kosong.status_code == 400
    jawab = api.patch(
        url, {"versi": r.versi, "belum_ada_data": {"alasan": "SPJ menyusul"}}, content_type="application/json"
    )
    assert jawab.status_code == 200, jawab.content
    assert jawab.json()["belum_ada_data"] == {"alasan": "SPJ menyusul"} and jawab.json()["rp"] is None
    baris = next(
        b
        for b in api.get("/api/realisasi", {"pd": PD, "tahun": TAHUN, "triwulan": TW}).json()
        if b["id"] == r.pk
    )
    assert baris["belum_ada_data"] == {"alasan": "SPJ menyusul"}
    langkah = api.post(f"/api/triwulan/{PD}/{TAHUN}/{TW}/ajukan", {}, content_type="application/json")
    assert langkah.status_code == 200, langkah.content
    # A row whose K and Rp are both entered cannot carry the mark.
    StatusTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW).update(status="draft")
    versi = jawab.json()["versi"]
    penuh = api.patch(url, {"versi": versi, "k": 1, "rp": 1000}, content_type="application/json")
    assert penuh.status_code == 400 and "belum ada data" in penuh.json()["galat"]
    lepas = api.patch(url, {"versi": versi, "belum_ada_data": None}, content_type="application/json")
    assert lepas.status_code == 200 and lepas.json()["belum_ada_data"] is None


def test_dokumen_menampilkan_alasan_dan_sel_tetap_kosong() -> None:
    data = muat_data(_pd(), TAHUN, TW)
    laporan = bangun_e81(data)
    isi = e81_json(laporan)
    ditandai = [b for b in isi["baris"] if b["belum_ada_data"] is not None]
    assert [b["kode"] for b in ditandai] == list(KOSONG_TW2)
    assert all(b["belum_ada_data"] == {"alasan": ALASAN_RUJUKAN} for b in ditandai)
    assert all(b["kolom"]["9"]["realisasi"]["rp"] is None for b in ditandai)  # blank, not 0
    assert all(b["belum_ada_data"] is None for b in isi["baris"] if b["kode"] not in KOSONG_TW2)
    json.dumps(isi)
    # Form E.81 workbook: the footnote names the rows and the reason.
    ws = openpyxl.load_workbook(io.BytesIO(e81_xlsx(laporan))).worksheets[0]
    teks = [str(c.value) for baris in ws.iter_rows() for c in baris if isinstance(c.value, str)]
    catatan = [t for t in teks if t.startswith("Belum ada data Triwulan II")]
    assert len(catatan) == 1
    assert all(kode in catatan[0] for kode in KOSONG_TW2)
    assert f"belum ada data: {ALASAN_RUJUKAN}" in catatan[0] and "bukan nol" in catatan[0]
    # Kertas Kerja: the row's Keterangan.
    kk = bangun_kertas_kerja(data, laporan)
    ket = {b.kode: keterangan(b) for b in kk.baris}
    assert all(ket[kode].endswith(f"belum ada data: {ALASAN_RUJUKAN}") for kode in KOSONG_TW2)


def test_layanan_menolak_tanda_pada_baris_lengkap(pengguna_demo: object) -> None:
    operator = User.objects.get(username=OPERATOR)
    ind = _ind(KOSONG_TW2[0])
    with pytest.raises(services.TandaTidakSah):
        services.simpan_realisasi(operator, ind, TAHUN, TW, rp=1000, k=1)
    assert _r(KOSONG_TW2[0]).rp is None
