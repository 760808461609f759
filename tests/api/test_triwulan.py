"""GET /api/triwulan/<pd>/<tahun>/<tw>, the explanations per galat, the quarter's texts with their version,
and read-only requests that write nothing (issue 14)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capaian.audit.models import AuditEvent
from capaian.monev.models import CatatanTriwulan, PenjelasanGalat, Realisasi, StatusTriwulan
from capaian.perencanaan.models import Indikator
from tests.api.bantu import TW, baris, langkah
from tests.conftest import KEPALA, OPERATOR, PD, PIMPINAN, TAHUN, VERIFIKATOR

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]

URL = f"/api/triwulan/{PD}/{TAHUN}/{TW}"
JSON = "application/json"


def _catatan(klien, triwulan=TW):
    return klien.get(f"/api/triwulan/{PD}/{TAHUN}/{triwulan}/catatan")


def _ubah_catatan(klien, triwulan=TW, **badan):
    return klien.patch(
        f"/api/triwulan/{PD}/{TAHUN}/{triwulan}/catatan", badan, content_type="application/json"
    )


# --- the quarter's state --------------------------------------------------------------------------------


def test_keadaan_galat_dengan_letaknya_dan_penjelasan_diterima(api_sebagai):
    isi = api_sebagai(OPERATOR).get(URL).json()
    # The reference data's 4 real contradictions (tests/aturan/test_periksa_data.py), each explained and
    # accepted by the demo fixture.
    assert len(isi["galat"]) == 4
    ids = {i.pk: i.kode for i in Indikator.objects.filter(perangkat_daerah__slug=PD)}
    for g in isi["galat"]:
        assert g["tingkat"] == "galat" and g["sel"] and g["pesan"] and g["diterima"] is True
        assert g["kunci"] == f"{g['jenis']}|{g['sel']}"
        assert g["nama_jenis"] == "Target triwulan melebihi target tahunan"  # as the checks page says
        assert g["penjelasan"]["keadaan"] == "diterima" and g["penjelasan"]["teks"]
        # The row the galat is about, by its indicator id: the same code the place names.
        assert f"({ids[g['indikator']]})" in g["sel"]
    assert isi["belum_dijelaskan"] == 0
    assert isi["penjelasan"] == {"menunggu": 0, "diterima": 4, "ditolak": 0, "belum": 0}
    assert all(t["tingkat"] != "galat" and t["penjelasan"] is None for t in isi["peringatan"])
    assert [lk["aksi"] for lk in isi["langkah"]] == ["ajukan"]
    assert isi["menunggu_kepala"] is False and isi["komentar"] == []


def test_penjelasan_per_galat_menunggu_lalu_diputus(api_sebagai):
    PenjelasanGalat.objects.filter(perangkat_daerah__slug=PD).delete()
    operator, verifikator = api_sebagai(OPERATOR), api_sebagai(VERIFIKATOR)
    kunci = [g["kunci"] for g in operator.get(URL).json()["galat"]]
    for k in kunci:
        jawab = operator.put(
            URL + "/galat/penjelasan", {"kunci": k, "teks": "Data sesuai DPA."}, content_type=JSON
        )
        assert jawab.status_code == 200, jawab.content
        assert (jawab.json()["keadaan"], jawab.json()["diputus_oleh"]) == ("menunggu", None)
    isi = verifikator.get(URL).json()
    assert isi["penjelasan"] == {"menunggu": 4, "diterima": 0, "ditolak": 0, "belum": 0}
    assert isi["belum_dijelaskan"] == 4 and not any(g["diterima"] for g in isi["galat"])
    assert operator.post(URL + "/ajukan").status_code == 409
    for k in kunci[:3]:
        assert verifikator.post(URL + "/galat/terima", {"kunci": k}, content_type=JSON).status_code == 200
    # Already decided: 409.
    assert verifikator.post(URL + "/galat/terima", {"kunci": kunci[0]}, content_type=JSON).status_code == 409
    tolak = verifikator.post(URL + "/galat/tolak", {"kunci": kunci[3]}, content_type=JSON)
    assert tolak.status_code == 400 and tolak.json()["galat"] == "Alasan penolakan wajib diisi."
    tolak = verifikator.post(
        URL + "/galat/tolak", {"kunci": kunci[3], "alasan": "Kurang bukti."}, content_type=JSON
    )
    assert (tolak.json()["keadaan"], tolak.json()["alasan_tolak"]) == ("ditolak", "Kurang bukti.")
    assert operator.post(URL + "/ajukan").status_code == 409
    operator.put(
        URL + "/galat/penjelasan", {"kunci": kunci[3], "teks": "DPA-P terlampir."}, content_type=JSON
    )
    verifikator.post(URL + "/galat/terima", {"kunci": kunci[3]}, content_type=JSON)
    assert operator.get(URL).json()["penjelasan"] == {"menunggu": 0, "diterima": 4, "ditolak": 0, "belum": 0}
    assert operator.post(URL + "/ajukan").status_code == 200


def test_penjelasan_wajib_diisi_dan_galat_harus_ada(api_sebagai):
    operator = api_sebagai(OPERATOR)
    k = operator.get(URL).json()["galat"][0]["kunci"]
    for badan in ({"kunci": k}, {"kunci": k, "teks": "   "}, {"teks": "x"}):
        jawab = operator.put(URL + "/galat/penjelasan", badan, content_type=JSON)
        assert jawab.status_code == 400, badan
        assert jawab.json()["galat"]
    jawab = operator.put(URL + "/galat/penjelasan", {"kunci": "x|y", "teks": "a"}, content_type=JSON)
    assert jawab.status_code == 409 and "tidak lagi ditemukan" in jawab.json()["galat"]


def test_langkah_tak_dikenal_404(api_sebagai):
    jawab = api_sebagai(OPERATOR).post(URL + "/hapus")
    assert jawab.status_code == 404
    assert "'aksi'" in jawab.json()["galat"] and "ajukan" in jawab.json()["galat"]


def test_triwulan_di_luar_1_sampai_4_404(api_sebagai):
    assert api_sebagai(OPERATOR).get(f"/api/triwulan/{PD}/{TAHUN}/5").status_code == 404


# --- the quarter's texts --------------------------------------------------------------------------------


def test_catatan_dibaca_dan_diubah_dengan_versi(api_sebagai):
    operator = api_sebagai(OPERATOR)
    awal = _catatan(operator).json()
    assert awal["faktor_pendorong"] and awal["versi"] >= 1
    jawab = _ubah_catatan(operator, faktor_penghambat="Hujan deras.", versi=awal["versi"])
    assert jawab.status_code == 200, jawab.content
    baru = jawab.json()
    assert baru == {**awal, "faktor_penghambat": "Hujan deras.", "versi": awal["versi"] + 1}
    # Texts not sent stay as they are; the change is audited.
    simpanan = CatatanTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW)
    assert simpanan.faktor_pendorong == awal["faktor_pendorong"]
    assert AuditEvent.objects.filter(objek="catatan", kolom="faktor_penghambat", baru="Hujan deras.").exists()


def test_catatan_versi_usang_409_tanpa_menimpa(api_sebagai):
    pertama, kedua = api_sebagai(OPERATOR), api_sebagai(OPERATOR)
    dibaca = _catatan(pertama).json()
    assert _ubah_catatan(pertama, rekomendasi="Versi pertama.", versi=dibaca["versi"]).status_code == 200
    kalah = _ubah_catatan(kedua, rekomendasi="Versi kedua.", versi=dibaca["versi"])
    assert kalah.status_code == 409
    assert kalah.json()["terkini"]["rekomendasi"] == "Versi pertama."
    assert kalah.json()["terkini"]["versi"] == dibaca["versi"] + 1
    simpanan = CatatanTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW)
    assert simpanan.rekomendasi == "Versi pertama."


def test_catatan_yang_belum_ada_versi_0(api_sebagai):
    operator = api_sebagai(OPERATOR)
    kosong = _catatan(operator, triwulan=3).json()
    bidang, program = kosong.pop("bidang"), kosong.pop("program")
    assert kosong == {
        "faktor_pendorong": "",
        "faktor_penghambat": "",
        "tindak_lanjut": "",
        "rekomendasi": "",
        "kendala": "",
        "solusi": "",
        "versi": 0,
    }
    # Every bidang and program of the agency is listed, none stored yet: empty texts, version 0.
    assert [b["kode"] for b in bidang] == ["3.31", "3.30"]
    assert len(program) == 7
    assert all(
        c["versi"] == 0 and c["kendala"] == "" and c["faktor_penghambat"] == "" for c in bidang + program
    )
    assert not CatatanTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=3).exists()
    assert _ubah_catatan(operator, triwulan=3, tindak_lanjut="x", versi=1).status_code == 409
    jawab = _ubah_catatan(operator, triwulan=3, tindak_lanjut="Rapat koordinasi.", versi=0)
    assert jawab.status_code == 200
    assert jawab.json()["tindak_lanjut"] == "Rapat koordinasi."
    assert _ubah_catatan(operator, triwulan=3, tindak_lanjut="y", versi=0).status_code == 409


def test_catatan_423_setelah_diajukan_dan_400_untuk_isian_salah(api_sebagai):
    operator = api_sebagai(OPERATOR)
    versi = _catatan(operator).json()["versi"]
    for badan in ({"warna": "x"}, {"rekomendasi": 5}, {"rekomendasi": "a\x00b"}, {}):
        jawab = _ubah_catatan(operator, versi=versi, **badan) if badan else _ubah_catatan(operator)
        assert jawab.status_code == 400, badan
    assert langkah(operator, "ajukan").status_code == 200
    jawab = _ubah_catatan(operator, rekomendasi="Terlambat.", versi=versi)
    assert jawab.status_code == 423
    assert "Diajukan" in jawab.json()["galat"]


# --- reading writes nothing -----------------------------------------------------------------------------

_TULIS = ("INSERT", "UPDATE", "DELETE")


def test_pimpinan_membaca_tanpa_menulis(api_sebagai):
    """Issue 14: 80 GETs of /api/realisasi by the read-only pimpinan created 2,600 empty rows. Now no GET
    writes: not for a quarter with rows, nor one without (TW 3), nor the quarter's state and texts."""
    pimpinan = api_sebagai(PIMPINAN)
    b = baris()
    assert pimpinan.get("/api/realisasi", {"pd": PD, "tahun": TAHUN, "triwulan": 4}).status_code == 200
    jumlah = (Realisasi.objects.count(), StatusTriwulan.objects.count(), CatatanTriwulan.objects.count())
    url = [
        ("/api/realisasi", {"pd": PD, "tahun": TAHUN, "triwulan": TW}),
        ("/api/realisasi", {"pd": PD, "tahun": TAHUN, "triwulan": 3}),
        ("/api/audit", {"realisasi": b.pk}),
        (URL, {}),
        (f"/api/triwulan/{PD}/{TAHUN}/3", {}),
        (URL + "/catatan", {}),
        (f"/api/triwulan/{PD}/{TAHUN}/3/catatan", {}),
    ]
    with CaptureQueriesContext(connection) as kueri:
        for jalur, param in url:
            assert pimpinan.get(jalur, param).status_code == 200, jalur
    tulis = [q["sql"] for q in kueri if q["sql"].lstrip().upper().startswith(_TULIS)]
    assert tulis == []
    assert (
        Realisasi.objects.count(),
        StatusTriwulan.objects.count(),
        CatatanTriwulan.objects.count(),
    ) == jumlah


def _ubah_cakupan(klien, jalur, triwulan=TW, **badan):
    return klien.patch(
        f"/api/triwulan/{PD}/{TAHUN}/{triwulan}/catatan/{jalur}", badan, content_type="application/json"
    )


def test_catatan_per_bidang_dan_program(api_sebagai):
    """Issue 12 item 3: the texts per bidang and program are read with the agency's and changed one scope at
    a time, with their own version, audited through the API door."""
    operator = api_sebagai(OPERATOR)
    dibaca = _catatan(operator).json()
    bidang = {b["kode"]: b for b in dibaca["bidang"]}
    assert list(bidang) == ["3.31", "3.30"]
    assert (
        bidang["3.31"]["kendala"]
        == "Pelaksanaan DAK non fisik 2024 baru mulai dilaksanakan pada Tribulan II."
    )
    program = {p["kode"]: p for p in dibaca["program"]}
    assert program["3.30.05"]["versi"] == 0
    jawab = _ubah_cakupan(operator, "bidang/3.31", solusi="Percepat jadwal.", versi=bidang["3.31"]["versi"])
    assert jawab.status_code == 200, jawab.content
    assert jawab.json()["solusi"] == "Percepat jadwal."
    assert jawab.json()["kendala"] == bidang["3.31"]["kendala"]  # not sent, not changed
    assert jawab.json()["versi"] == bidang["3.31"]["versi"] + 1
    baru = _ubah_cakupan(operator, "program/3.30.05", faktor_penghambat="Pameran batal.", versi=0)
    assert baru.status_code == 200, baru.content
    assert _ubah_cakupan(operator, "program/3.30.05", faktor_penghambat="Lain.", versi=0).status_code == 409
    assert AuditEvent.objects.filter(
        objek="catatan_cakupan", pintu="api", kolom="program 3.30.05: faktor_penghambat"
    ).exists()
    # The agency's own texts are untouched by the scoped PATCH.
    assert _catatan(operator).json()["faktor_penghambat"] == dibaca["faktor_penghambat"]
    assert _ubah_cakupan(operator, "bidang/1.01", kendala="x", versi=0).status_code == 404
    assert _ubah_cakupan(operator, "kegiatan/3.30.05", kendala="x", versi=0).status_code == 404
    verifikator = api_sebagai(VERIFIKATOR)
    assert _ubah_cakupan(verifikator, "bidang/3.31", kendala="x", versi=2).status_code == 403


# --- the head's approval and the verifier's comments per row (issue 13) ---------------------------------


def test_kembalikan_dengan_komentar_per_baris_dan_menunggu_kepala(api_sebagai):
    operator, kepala, verifikator = api_sebagai(OPERATOR), api_sebagai(KEPALA), api_sebagai(VERIFIKATOR)
    assert langkah(operator, "ajukan").status_code == 200
    isi = verifikator.get(URL).json()
    assert isi["menunggu_kepala"] is True and [lk["aksi"] for lk in isi["langkah"]] == ["kembalikan"]
    jawab = verifikator.post(URL + "/verifikasi")
    assert jawab.status_code == 409 and "belum disetujui kepala" in jawab.json()["galat"]
    assert langkah(kepala, "setujui").status_code == 200
    assert verifikator.get(URL).json()["menunggu_kepala"] is False
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan").order_by("urutan")
    lain = Indikator.objects.exclude(perangkat_daerah__slug=PD).first()
    # Another agency's row: refused whole, nothing returned.
    salah = {"catatan": "Perbaiki", "komentar": [{"indikator": lain.pk, "teks": "x"}]}
    jawab = verifikator.post(URL + "/kembalikan", salah, content_type=JSON)
    assert jawab.status_code == 400 and "bukan milik" in jawab.json()["galat"]
    # Comments only with a return.
    jawab = operator.post(
        URL + "/ajukan", {"komentar": [{"indikator": ind[0].pk, "teks": "x"}]}, content_type=JSON
    )
    assert jawab.status_code == 400
    badan = {
        "catatan": "Perbaiki dua baris.",
        "komentar": [
            {"indikator": ind[0].pk, "teks": "Lampirkan SP2D."},
            {"indikator": ind[1].pk, "teks": "Satuan?"},
        ],
    }
    jawab = verifikator.post(URL + "/kembalikan", badan, content_type=JSON)
    assert jawab.status_code == 200, jawab.content
    assert jawab.json() == {"status": "dikembalikan", "disetujui_kepala_pada": None}
    isi = operator.get(URL).json()
    assert [(k["indikator"], k["teks"], k["oleh"]) for k in isi["komentar"]] == [
        (ind[0].pk, "Lampirkan SP2D.", VERIFIKATOR),
        (ind[1].pk, "Satuan?", VERIFIKATOR),
    ]
    assert isi["catatan"] == "Perbaiki dua baris."


def test_kepala_mengembalikan_lewat_api(api_sebagai):
    operator, kepala = api_sebagai(OPERATOR), api_sebagai(KEPALA)
    langkah(operator, "ajukan")
    assert "kembalikan_kepala" in [lk["aksi"] for lk in kepala.get(URL).json()["langkah"]]
    assert langkah(kepala, "kembalikan_kepala").status_code == 400  # the note is required
    jawab = langkah(kepala, "kembalikan_kepala", catatan="Belum sesuai SPJ.")
    assert jawab.status_code == 200 and jawab.json()["status"] == "dikembalikan"
    assert operator.get(URL).json()["catatan"] == "Belum sesuai SPJ."
