"""GET/PATCH /api/realisasi and GET /api/audit: values, parsing, version conflicts, locks and periods."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from capaian.audit.models import AuditEvent
from capaian.monev import alur
from capaian.monev.models import PeriodeTriwulan, Realisasi
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.api.bantu import TW, baris, daftar, langkah, patch
from tests.conftest import KEPALA, OPERATOR, PD, TAHUN, VERIFIKATOR

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


@pytest.fixture
def operator(api_sebagai):
    return api_sebagai(OPERATOR)


@pytest.fixture
def verifikator(api_sebagai):
    return api_sebagai(VERIFIKATOR)


# --- reading -------------------------------------------------------------------------------------------


def test_daftar_satu_baris_per_indikator_urut_e81_tanpa_menulis(operator):
    """Issue 14: reading creates nothing. A row never saved is listed with id null and versi 0, and can be
    saved through its indicator with versi 0."""
    jumlah_baris = Realisasi.objects.count()
    jawab = daftar(operator, triwulan=3)  # no realisation rows exist yet for TW 3
    assert jawab.status_code == 200
    isi = jawab.json()
    indikator = Indikator.objects.filter(perangkat_daerah__slug=PD).order_by("urutan")
    assert [e["indikator"] for e in isi] == [i.uraian for i in indikator]
    assert [e["indikator_id"] for e in isi] == [i.pk for i in indikator]
    assert set(isi[0]) == {"id", "indikator_id", "kode", "indikator", "k", "rp", "versi", "belum_ada_data"}
    assert all(e["id"] is None and e["k"] is None and e["rp"] is None and e["versi"] == 0 for e in isi)
    assert Realisasi.objects.count() == jumlah_baris


def test_daftar_kode_dan_nilai_demo(operator):
    isi = daftar(operator).json()
    assert any(e["kode"] and e["kode"].count(".") >= 2 for e in isi)
    b = baris()
    b.k = Decimal("36.790000")
    b.rp = 1151384000
    b.save()
    e = next(e for e in daftar(operator).json() if e["id"] == b.pk)
    assert (e["k"], e["rp"], e["indikator_id"]) == ("36.79", 1151384000, b.indikator_id)
    b.k = Decimal("100")
    b.save()
    assert next(e for e in daftar(operator).json() if e["id"] == b.pk)["k"] == "100"


# --- saving a row through its indicator (rows that do not exist yet) ----------------------------------


def _simpan_indikator(klien, indikator_id, triwulan=3, **badan):
    return klien.patch(
        f"/api/indikator/{indikator_id}/realisasi/{TAHUN}/{triwulan}", badan, content_type="application/json"
    )


def test_baris_baru_disimpan_lewat_indikator_dengan_versi_0(operator):
    e = daftar(operator, triwulan=3).json()[4]
    jawab = _simpan_indikator(operator, e["indikator_id"], k="12,5", rp=1000, versi=0)
    assert jawab.status_code == 200, jawab.content
    baru = jawab.json()
    b = Realisasi.objects.get(indikator_id=e["indikator_id"], tahun=TAHUN, triwulan=3)
    assert baru == {"id": b.pk, "k": "12.5", "rp": 1000, "versi": b.versi, "belum_ada_data": None}
    assert (b.k, b.rp) == (Decimal("12.5"), 1000)
    assert AuditEvent.objects.filter(objek="realisasi", objek_id=b.pk, kolom="k", baru="12.5").exists()
    # The list now carries the row's id and version; both addresses save it.
    dibaca = next(x for x in daftar(operator, triwulan=3).json() if x["indikator_id"] == e["indikator_id"])
    assert (dibaca["id"], dibaca["versi"]) == (b.pk, b.versi)
    lagi = _simpan_indikator(operator, e["indikator_id"], k="13", versi=dibaca["versi"])
    assert lagi.status_code == 200
    assert patch(operator, b.pk, k="14", versi=lagi.json()["versi"]).status_code == 200


def test_dua_klien_membuat_baris_yang_sama_409(api_sebagai):
    pertama, kedua = api_sebagai(OPERATOR), api_sebagai(OPERATOR)
    e = daftar(pertama, triwulan=3).json()[5]
    assert _simpan_indikator(pertama, e["indikator_id"], k="1", versi=0).status_code == 200
    kalah = _simpan_indikator(kedua, e["indikator_id"], k="2", versi=0)
    assert kalah.status_code == 409
    terkini = kalah.json()["terkini"]
    assert terkini["k"] == "1" and terkini["id"] is not None
    assert Realisasi.objects.get(pk=terkini["id"]).k == Decimal(1)


def test_versi_selain_0_untuk_baris_yang_belum_ada_409(operator):
    e = daftar(operator, triwulan=3).json()[6]
    jawab = _simpan_indikator(operator, e["indikator_id"], k="1", versi=3)
    assert jawab.status_code == 409
    assert jawab.json()["terkini"] == {"id": None, "k": None, "rp": None, "versi": 0, "belum_ada_data": None}
    assert not Realisasi.objects.filter(indikator_id=e["indikator_id"], tahun=TAHUN, triwulan=3).exists()


def test_simpan_indikator_yang_ditolak_tidak_membuat_baris(api_sebagai):
    e = daftar(api_sebagai(OPERATOR), triwulan=3).json()[7]
    assert _simpan_indikator(api_sebagai(OPERATOR), e["indikator_id"], k="x", versi=0).status_code == 400
    assert _simpan_indikator(api_sebagai(VERIFIKATOR), e["indikator_id"], k="1", versi=0).status_code == 403
    assert _simpan_indikator(api_sebagai(OPERATOR), 10**9, k="1", versi=0).status_code == 404
    assert (
        _simpan_indikator(api_sebagai(OPERATOR), e["indikator_id"], triwulan=5, k="1", versi=0).status_code
        == 404
    )
    assert not Realisasi.objects.filter(indikator_id=e["indikator_id"], tahun=TAHUN, triwulan=3).exists()


@pytest.mark.parametrize(
    "param",
    [
        {"tahun": TAHUN, "triwulan": TW},
        {"pd": PD, "triwulan": TW},
        {"pd": PD, "tahun": "dua ribu", "triwulan": TW},
        {"pd": PD, "tahun": TAHUN, "triwulan": 5},
        {"pd": PD, "tahun": TAHUN, "triwulan": 0},
        {"pd": PD, "tahun": TAHUN},
    ],
)
def test_parameter_salah_400(operator, param):
    jawab = operator.get("/api/realisasi", param)
    assert jawab.status_code == 400
    assert jawab.json()["galat"]


def test_pd_tidak_dikenal_404(verifikator):
    assert daftar(verifikator, pd="tidak-ada").status_code == 404


# --- changing ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "harap"),
    [
        ("36,79", "36.79"),
        ("36.79", "36.79"),
        ("1.151.384", "1151384"),
        ("0,5", "0.5"),
        (12.25, "12.25"),
        (7, "7"),
    ],
)
def test_patch_k_dibaca_cara_indonesia(operator, k, harap):
    b = baris()
    jawab = patch(operator, b.pk, k=k, versi=b.versi)
    assert jawab.status_code == 200, jawab.content
    assert jawab.json()["k"] == harap
    b.refresh_from_db()
    assert b.k == Decimal(harap)


@pytest.mark.parametrize(
    ("rp", "harap"),
    [(1151384000, 1151384000), ("Rp 1.151.384.000", 1151384000), ("Rp.2.500,-", 2500), ("0", 0)],
)
def test_patch_rp(operator, rp, harap):
    b = baris()
    jawab = patch(operator, b.pk, rp=rp, versi=b.versi)
    assert jawab.status_code == 200, jawab.content
    assert jawab.json()["rp"] == harap


@pytest.mark.parametrize(
    "badan",
    [
        {"k": "tiga puluh"},
        {"k": "1,2345678"},
        {"k": True},
        {"k": ["1"]},
        {"k": "1" * 30},
        {"rp": -1},
        {"rp": "-Rp 1.000"},
        {"rp": "1.000,50"},
        {"rp": 1.5},
        {"rp": "seribu"},
        {"rp": True},
        {"rp": 2**63},
        {"warna": "merah"},
        {"alasan": 5},
    ],
)
def test_patch_nilai_salah_400(operator, badan):
    b = baris()
    jawab = patch(operator, b.pk, versi=b.versi, **badan)
    assert jawab.status_code == 400, jawab.content
    assert jawab.json()["galat"]
    assert Realisasi.objects.get(pk=b.pk).versi == b.versi


def test_angka_json_dibaca_persis_sebagai_desimal(operator):
    """A JSON number is read as Decimal, never as float: 36.79 as a float is 36.78999999999999914735...,
    which the validator would refuse (more than 6 decimals) or, rounded, store as something else.
    (Values stay within 15 significant digits: SQLite stores decimals as REAL.)"""
    b = baris()
    for badan, harap in (
        ('{"k": 36.79, "versi": %d}', Decimal("36.79")),
        ('{"k": 1234567.123456, "versi": %d}', Decimal("1234567.123456")),
        ('{"k": 0.1, "versi": %d}', Decimal("0.1")),
    ):
        versi = Realisasi.objects.get(pk=b.pk).versi
        jawab = operator.patch(f"/api/realisasi/{b.pk}", badan % versi, content_type="application/json")
        assert jawab.status_code == 200, jawab.content
        assert jawab.json()["k"] == str(harap)
        assert Realisasi.objects.get(pk=b.pk).k == harap


def test_negatif_ditolak_kecuali_indikator_membolehkan(operator):
    """Issue 9: a negative K or Rp is refused by the one validator unless the indicator allows it; the
    message says how to allow it, and nothing is saved."""
    b = baris()
    for isian, nilai in (("k", "-2,5"), ("rp", -1)):
        tolak = patch(operator, b.pk, **{isian: nilai}, versi=b.versi)
        assert tolak.status_code == 400, tolak.content
        pesan = tolak.json()["rincian"][0]["pesan"]
        assert tolak.json()["rincian"][0]["isian"] == isian
        assert f"Nilai {isian.upper() if isian == 'k' else 'Rp'} tidak boleh negatif" in pesan
        assert "boleh negatif" in pesan.split("tidak boleh negatif")[1]
        assert tolak.json()["galat"].startswith(f"Isian '{isian}': ")
    assert Realisasi.objects.get(pk=b.pk).versi == b.versi
    Indikator.objects.filter(pk=b.indikator_id).update(boleh_negatif=True)
    jawab = patch(operator, b.pk, k="-2,5", rp=-1, versi=b.versi)
    assert jawab.status_code == 200, jawab.content
    assert (jawab.json()["k"], jawab.json()["rp"]) == ("-2.5", -1)


@pytest.mark.parametrize(
    ("badan", "isian", "pesan"),
    [
        ({"k": "1,2345678"}, "k", "Paling banyak 6 angka di belakang koma."),
        ({"k": "9" * 41}, "k", "Angka terlalu panjang (lebih dari 40 karakter)."),
        ({"k": True}, "k", "Nilai K harus berupa angka."),
        ({"rp": "1.000,50"}, "rp", None),
        ({"warna": "merah"}, "warna", "tidak dikenal"),
        ({"alasan": "a\x00b"}, "alasan", "Teks tidak boleh berisi karakter NUL."),
    ],
)
def test_galat_isian_berbahasa_indonesia_menyebut_isiannya(operator, badan, isian, pesan):
    b = baris()
    badan = {k: (v.replace("\\x00", "\x00") if isinstance(v, str) else v) for k, v in badan.items()}
    jawab = patch(operator, b.pk, versi=b.versi, **badan)
    assert jawab.status_code == 400
    isi = jawab.json()
    assert f"'{isian}'" in isi["galat"]
    assert [r["isian"] for r in isi["rincian"]] == [isian]
    if pesan is not None:
        assert pesan in isi["rincian"][0]["pesan"]


def test_versi_wajib_disebut_dalam_pesan(operator):
    b = baris()
    jawab = patch(operator, b.pk, k="1")
    assert jawab.json()["galat"] == "Isian 'versi' wajib diisi."


@pytest.mark.parametrize(
    "badan", ['{"k": NaN, "versi": 1}', '{"k": Infinity, "versi": 1}', "[" * 100_000, '["k", 1]', "{"]
)
def test_badan_aneh_400_json(operator, badan):
    b = baris()
    jawab = operator.patch(f"/api/realisasi/{b.pk}", badan, content_type="application/json")
    assert jawab.status_code == 400
    assert jawab.json()["galat"]
    assert Realisasi.objects.get(pk=b.pk).versi == b.versi


@pytest.mark.parametrize("versi", [None, "1", True])
def test_patch_tanpa_versi_400(operator, versi):
    b = baris()
    badan = {"k": "1"} if versi is None else {"k": "1", "versi": versi}
    assert patch(operator, b.pk, **badan).status_code == 400


def test_patch_bukan_json_400(operator):
    b = baris()
    jawab = operator.patch(f"/api/realisasi/{b.pk}", "k=1", content_type="application/json")
    assert jawab.status_code == 400


def test_patch_baris_tidak_ada_404(operator):
    assert patch(operator, 10**9, k="1", versi=1).status_code == 404


def test_patch_null_mengosongkan_dan_yang_tidak_dikirim_tetap(operator):
    b = baris()
    b1 = patch(operator, b.pk, k="5", rp=100, versi=b.versi).json()
    b2 = patch(operator, b.pk, k=None, versi=b1["versi"]).json()
    assert (b2["k"], b2["rp"]) == (None, 100)
    # Sending the same values again changes nothing and keeps the version.
    assert patch(operator, b.pk, rp="100", versi=b2["versi"]).json()["versi"] == b2["versi"]


def test_konflik_versi(api_sebagai):
    b = baris()
    pertama, kedua = api_sebagai(OPERATOR), api_sebagai(OPERATOR)
    dibaca1 = next(e for e in daftar(pertama).json() if e["id"] == b.pk)
    dibaca2 = next(e for e in daftar(kedua).json() if e["id"] == b.pk)
    assert dibaca1["versi"] == dibaca2["versi"]
    menang = patch(pertama, b.pk, k="10", rp=1000, versi=dibaca1["versi"])
    assert menang.status_code == 200
    kalah = patch(kedua, b.pk, k="20", rp=2000, versi=dibaca2["versi"])
    assert kalah.status_code == 409
    isi = kalah.json()
    assert isi["galat"]
    assert isi["terkini"] == {
        "id": b.pk,
        "k": "10",
        "rp": 1000,
        "versi": dibaca1["versi"] + 1,
        "belum_ada_data": None,
    }
    b.refresh_from_db()
    assert (b.k, b.rp, b.versi) == (Decimal(10), 1000, dibaca1["versi"] + 1)
    assert not AuditEvent.objects.filter(objek="realisasi", objek_id=b.pk, baru__in=["20", "2000"]).exists()


# --- lock, unlock and the entry window -----------------------------------------------------------------


def test_kunci_423_lalu_buka_dengan_alasan(api_sebagai, pengguna_api):
    operator, verifikator = api_sebagai(OPERATOR), api_sebagai(VERIFIKATOR)
    b = baris()
    kepala = api_sebagai(KEPALA)
    for aksi, oleh in (
        ("ajukan", operator),
        ("setujui", kepala),
        ("verifikasi", verifikator),
        ("kunci", verifikator),
    ):
        assert langkah(oleh, aksi).status_code == 200
    jawab = patch(operator, b.pk, k="1", versi=b.versi)
    assert jawab.status_code == 423
    assert "Terkunci" in jawab.json()["galat"]
    assert langkah(verifikator, "buka").status_code == 400
    assert langkah(verifikator, "buka", catatan="   ").status_code == 400
    buka = langkah(verifikator, "buka", catatan="Salah ketik realisasi sub kegiatan")
    assert buka.json() == {"status": "dikembalikan", "disetujui_kepala_pada": None}
    assert patch(operator, b.pk, k="1", versi=b.versi).status_code == 200
    peristiwa = AuditEvent.objects.filter(objek="triwulan", aksi="buka").get()
    assert (peristiwa.lama, peristiwa.baru) == ("terkunci", "dikembalikan")
    assert peristiwa.alasan == "Salah ketik realisasi sub kegiatan"
    assert peristiwa.nama_pengguna == VERIFIKATOR


@pytest.mark.parametrize(
    ("aksi_terakhir", "status"), [("ajukan", "diajukan"), ("verifikasi", "diverifikasi")]
)
def test_patch_423_selama_diajukan_atau_diverifikasi(api_sebagai, aksi_terakhir, status):
    operator, verifikator = api_sebagai(OPERATOR), api_sebagai(VERIFIKATOR)
    b = baris()
    langkah(operator, "ajukan")
    if aksi_terakhir == "verifikasi":
        langkah(verifikator, "verifikasi")
    assert patch(operator, b.pk, k="1", versi=b.versi).status_code == 423


def test_masa_pengisian(api_sebagai, pengguna_api):
    operator = api_sebagai(OPERATOR)
    b = baris()
    hari_ini = timezone.localdate()
    pemda = Pemda.objects.get(perangkat_daerah__slug=PD)
    verifikator = pengguna_api(VERIFIKATOR)
    alur.atur_periode(
        verifikator,
        pemda,
        TAHUN,
        TW,
        hari_ini - datetime.timedelta(days=30),
        hari_ini - datetime.timedelta(days=1),
    )
    jawab = patch(operator, b.pk, k="1", versi=b.versi)
    assert jawab.status_code == 423
    assert "di luar masa pengisian" in jawab.json()["galat"]
    alur.atur_periode(verifikator, pemda, TAHUN, TW, hari_ini, hari_ini)
    assert patch(operator, b.pk, k="1", versi=b.versi).status_code == 200
    # Another quarter in its own window (the tests' demo opens TW I) is open; without a window it is closed
    # until the verifikator opens it (issue 13).
    lain = baris(triwulan=1)
    assert patch(operator, lain.pk, k="2", versi=lain.versi).status_code == 200
    PeriodeTriwulan.objects.filter(pemda=pemda, tahun=TAHUN, triwulan=1).delete()
    lain.refresh_from_db()
    jawab = patch(operator, lain.pk, k="3", versi=lain.versi)
    assert jawab.status_code == 423 and "belum dibuka verifikator" in jawab.json()["galat"]
    lain.refresh_from_db()
    assert lain.k == Decimal(2)


# --- the audit trail -----------------------------------------------------------------------------------


def test_jejak_audit_per_kolom(api_sebagai):
    operator = api_sebagai(OPERATOR)
    b = baris(urutan=5)
    lama_k = None if b.k is None else format(b.k.normalize(), "f")
    lama_rp = None if b.rp is None else str(b.rp)
    v = patch(operator, b.pk, k="36,79", rp=2000, versi=b.versi, alasan="Data BPS terbaru").json()["versi"]
    patch(operator, b.pk, rp=None, versi=v)
    jawab = operator.get("/api/audit", {"realisasi": b.pk})
    assert jawab.status_code == 200
    baru = jawab.json()[-3:]
    assert [(e["kolom"], e["lama"], e["baru"], e["alasan"]) for e in baru] == [
        ("k", lama_k, "36.79", "Data BPS terbaru"),
        ("rp", lama_rp, "2000", "Data BPS terbaru"),
        ("rp", "2000", None, None),
    ]
    assert {e["pengguna"] for e in baru} == {OPERATOR}
    assert all(datetime.datetime.fromisoformat(e["waktu"]).tzinfo is not None for e in baru)


@pytest.mark.parametrize("param", [{}, {"realisasi": "abc"}, {"realisasi": 0}])
def test_audit_parameter_salah_400(api_sebagai, param):
    assert api_sebagai(OPERATOR).get("/api/audit", param).status_code == 400


def test_audit_baris_tidak_ada_404(api_sebagai):
    assert api_sebagai(OPERATOR).get("/api/audit", {"realisasi": 10**9}).status_code == 404


def test_pd_lain_tidak_bocor_lewat_id(api_sebagai):
    """operator-contoh addresses disperindag's rows directly by id: same 404 as a missing row."""
    klien = api_sebagai("operator-contoh")
    for b in Realisasi.objects.filter(indikator__perangkat_daerah=PerangkatDaerah.objects.get(slug=PD))[:5]:
        assert patch(klien, b.pk, k="0", versi=b.versi).status_code == 404
        assert klien.get("/api/audit", {"realisasi": b.pk}).status_code == 404
