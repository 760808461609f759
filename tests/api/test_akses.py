"""Who may do what through every API endpoint: one matrix per endpoint over all demo personas."""

import pytest
from django.contrib.auth.models import User

from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.monev import alur
from capaian.monev.models import CatatanTriwulan, Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.api.bantu import TW, baris, daftar, langkah, patch
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

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


def _harap(kode_per_persona: dict[str | None, int]) -> list[tuple[str | None, int]]:
    assert set(kode_per_persona) == set(PERSONA)
    return list(kode_per_persona.items())


BACA_DISPERINDAG = _harap(
    {ADMIN: 200, VERIFIKATOR: 200, OPERATOR: 200, KEPALA: 200, OPERATOR_CONTOH: 404, PIMPINAN: 200, None: 401}
)
BACA_CONTOH = _harap(
    {ADMIN: 200, VERIFIKATOR: 200, OPERATOR: 404, KEPALA: 404, OPERATOR_CONTOH: 200, PIMPINAN: 200, None: 401}
)
UBAH_DISPERINDAG = _harap(
    {ADMIN: 403, VERIFIKATOR: 403, OPERATOR: 200, KEPALA: 403, OPERATOR_CONTOH: 404, PIMPINAN: 403, None: 401}
)


@pytest.mark.parametrize(("persona", "kode"), BACA_DISPERINDAG)
def test_daftar_realisasi_disperindag(api_sebagai, persona, kode):
    jawab = daftar(api_sebagai(persona))
    assert jawab.status_code == kode, jawab.content
    if kode == 200:
        assert len(jawab.json()) == PerangkatDaerah.objects.get(slug=PD).indikator.count()
    else:
        assert "galat" in jawab.json()


@pytest.mark.parametrize(("persona", "kode"), BACA_CONTOH)
def test_daftar_realisasi_dinas_contoh(api_sebagai, persona, kode):
    assert daftar(api_sebagai(persona), pd=PD_CONTOH).status_code == kode


@pytest.mark.parametrize(("persona", "kode"), UBAH_DISPERINDAG)
def test_patch_realisasi(api_sebagai, persona, kode):
    b = baris()
    sebelum = (b.k, b.rp, b.versi)
    jawab = patch(api_sebagai(persona), b.pk, k="12,5", versi=b.versi)
    assert jawab.status_code == kode, jawab.content
    b.refresh_from_db()
    if kode == 200:
        assert jawab.json() == {
            "id": b.pk,
            "k": "12.5",
            "rp": b.rp,
            "versi": sebelum[2] + 1,
            "belum_ada_data": None,
        }
    else:
        assert (b.k, b.rp, b.versi) == sebelum


@pytest.mark.parametrize(("persona", "kode"), BACA_DISPERINDAG)
def test_audit(api_sebagai, persona, kode):
    b = baris()
    patch(api_sebagai(OPERATOR), b.pk, rp=5000, versi=b.versi)
    jawab = api_sebagai(persona).get("/api/audit", {"realisasi": b.pk})
    assert jawab.status_code == kode
    if kode == 200:
        assert [e["baru"] for e in jawab.json()][-1] == "5000"


@pytest.mark.parametrize(("persona", "kode"), BACA_DISPERINDAG)
def test_keadaan_triwulan(api_sebagai, persona, kode):
    jawab = api_sebagai(persona).get(f"/api/triwulan/{PD}/{TAHUN}/{TW}")
    assert jawab.status_code == kode, jawab.content
    if kode == 200:
        isi = jawab.json()
        assert isi["status"] == "draft"
        # The steps each persona may take on the demo's draft quarter (its galat explained and accepted).
        harap = ["ajukan"] if persona == OPERATOR else []
        assert [lk["aksi"] for lk in isi["langkah"]] == harap


@pytest.mark.parametrize(("persona", "kode"), BACA_DISPERINDAG)
def test_baca_catatan(api_sebagai, persona, kode):
    jawab = api_sebagai(persona).get(f"/api/triwulan/{PD}/{TAHUN}/{TW}/catatan")
    assert jawab.status_code == kode, jawab.content
    if kode == 200:
        assert jawab.json()["faktor_pendorong"]  # the demo's text


@pytest.mark.parametrize(("persona", "kode"), UBAH_DISPERINDAG)
def test_ubah_catatan(api_sebagai, persona, kode):
    sebelum = CatatanTriwulan.objects.get(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW)
    jawab = api_sebagai(persona).patch(
        f"/api/triwulan/{PD}/{TAHUN}/{TW}/catatan",
        {"rekomendasi": "Uji akses", "versi": sebelum.versi},
        content_type="application/json",
    )
    assert jawab.status_code == kode, jawab.content
    sesudah = CatatanTriwulan.objects.get(pk=sebelum.pk)
    if kode == 200:
        assert (sesudah.rekomendasi, sesudah.versi) == ("Uji akses", sebelum.versi + 1)
    else:
        assert (sesudah.rekomendasi, sesudah.versi) == (sebelum.rekomendasi, sebelum.versi)


@pytest.mark.parametrize(("persona", "kode"), UBAH_DISPERINDAG)
def test_simpan_realisasi_lewat_indikator(api_sebagai, persona, kode):
    indikator = Indikator.objects.get(perangkat_daerah__slug=PD, urutan=3)
    jawab = api_sebagai(persona).patch(
        f"/api/indikator/{indikator.pk}/realisasi/{TAHUN}/3",
        {"k": "4", "versi": 0},
        content_type="application/json",
    )
    assert jawab.status_code == kode, jawab.content
    ada = Realisasi.objects.filter(indikator=indikator, tahun=TAHUN, triwulan=3)
    assert ada.exists() == (kode == 200)


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _siapkan(aksi: str, pengguna_api) -> None:
    """Bring quarter TW of disperindag to the status in which `aksi` applies (the head approves before the
    verifier's steps, as the pemda requires by default)."""
    operator, kepala, verifikator = pengguna_api(OPERATOR), pengguna_api(KEPALA), pengguna_api(VERIFIKATOR)
    if aksi == "ajukan":
        return
    jalankan_langkah("ajukan", operator, _pd(), TAHUN, TW)
    if aksi in ("setujui", "kembalikan_kepala"):
        return
    jalankan_langkah("setujui", kepala, _pd(), TAHUN, TW)
    if aksi in ("kembalikan", "verifikasi"):
        return
    jalankan_langkah("verifikasi", verifikator, _pd(), TAHUN, TW)
    if aksi == "kunci":
        return
    jalankan_langkah("kunci", verifikator, _pd(), TAHUN, TW)


PELAKU = {
    "ajukan": OPERATOR,
    "setujui": KEPALA,
    "kembalikan_kepala": KEPALA,
    "kembalikan": VERIFIKATOR,
    "verifikasi": VERIFIKATOR,
    "kunci": VERIFIKATOR,
    "buka": VERIFIKATOR,
}
HASIL = {
    "ajukan": "diajukan",
    "setujui": "diajukan",
    "kembalikan_kepala": "dikembalikan",
    "kembalikan": "dikembalikan",
    "verifikasi": "diverifikasi",
    "kunci": "terkunci",
    "buka": "dikembalikan",
}
assert set(PELAKU) == {lk.aksi for lk in alur.LANGKAH}  # every step of the table is in the matrix


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("aksi", list(PELAKU))
def test_langkah_triwulan(api_sebagai, pengguna_api, aksi, persona):
    _siapkan(aksi, pengguna_api)
    jawab = langkah(api_sebagai(persona), aksi, catatan="Catatan uji")
    if persona is None:
        harap = 401
    elif persona == OPERATOR_CONTOH:
        harap = 404
    elif persona == PELAKU[aksi]:
        harap = 200
    else:
        harap = 403
    assert jawab.status_code == harap, jawab.content
    if harap == 200:
        assert jawab.json()["status"] == HASIL[aksi]


@pytest.mark.parametrize("aksi", list(PELAKU))
def test_operator_contoh_tidak_bisa_apa_pun_di_disperindag(api_sebagai, aksi):
    klien = api_sebagai(OPERATOR_CONTOH)
    b = baris()
    assert daftar(klien).status_code == 404
    assert patch(klien, b.pk, k="1", versi=b.versi).status_code == 404
    assert klien.get("/api/audit", {"realisasi": b.pk}).status_code == 404
    assert langkah(klien, aksi, catatan="x").status_code == 404
    assert klien.get(f"/api/triwulan/{PD}/{TAHUN}/{TW}").status_code == 404
    assert klien.get(f"/api/triwulan/{PD}/{TAHUN}/{TW}/catatan").status_code == 404
    ubah = klien.patch(
        f"/api/triwulan/{PD}/{TAHUN}/{TW}/catatan",
        {"versi": 1, "rekomendasi": "x"},
        content_type="application/json",
    )
    assert ubah.status_code == 404
    ke_indikator = klien.patch(
        f"/api/indikator/{b.indikator_id}/realisasi/{TAHUN}/{TW}",
        {"k": "1", "versi": b.versi},
        content_type="application/json",
    )
    assert ke_indikator.status_code == 404
    assert Realisasi.objects.get(pk=b.pk).versi == b.versi


@pytest.mark.parametrize("persona", PERSONA)
def test_dokumentasi_terbuka_untuk_semua(api_sebagai, persona):
    klien = api_sebagai(persona)
    assert klien.get("/api/openapi.json").status_code == 200
    assert klien.get("/api/docs").status_code == 200


@pytest.mark.parametrize("persona", [p for p in PERSONA if p is not None])
def test_token_untuk_setiap_persona(client, persona):
    from capaian.demo.muat import KATA_SANDI

    jawab = client.post(
        "/api/auth/token", {"username": persona, "password": KATA_SANDI}, content_type="application/json"
    )
    assert jawab.status_code == 200
    kunci = jawab.json()["token"]
    assert daftar(client, pd=PD).status_code == 401  # the session is never used
    berhak = client.get(
        "/api/realisasi",
        {"pd": PD, "tahun": TAHUN, "triwulan": TW},
        headers={"Authorization": f"Bearer {kunci}"},
    )
    assert berhak.status_code == (404 if persona == OPERATOR_CONTOH else 200)
    assert User.objects.get(username=persona).api_token.count() >= 1


# --- explanations per galat ----------------------------------------------------------------------------

PENJELASAN = f"/api/triwulan/{PD}/{TAHUN}/{TW}/galat/"


def _kunci() -> str:
    from capaian.aturan.periksa_data import kunci_galat
    from capaian.laporan.pemeriksaan import periksa_triwulan

    return kunci_galat(periksa_triwulan(_pd(), TAHUN, TW))[0]


@pytest.mark.parametrize(("persona", "kode"), UBAH_DISPERINDAG)
def test_jelaskan_galat(api_sebagai, persona, kode):
    from capaian.monev.models import PenjelasanGalat

    PenjelasanGalat.objects.filter(perangkat_daerah=_pd()).delete()
    k = _kunci()
    jawab = api_sebagai(persona).put(
        PENJELASAN + "penjelasan", {"kunci": k, "teks": "Sesuai DPA."}, content_type="application/json"
    )
    assert jawab.status_code == kode, jawab.content
    assert PenjelasanGalat.objects.filter(kunci=k).exists() == (kode == 200)
    if kode == 200:
        assert jawab.json()["keadaan"] == "menunggu" and jawab.json()["ditulis_oleh"] == OPERATOR


PUTUSKAN = _harap(
    {ADMIN: 403, VERIFIKATOR: 200, OPERATOR: 403, KEPALA: 403, OPERATOR_CONTOH: 404, PIMPINAN: 403, None: 401}
)


@pytest.mark.parametrize("keputusan", ["terima", "tolak"])
@pytest.mark.parametrize(("persona", "kode"), PUTUSKAN)
def test_putuskan_penjelasan(api_sebagai, pengguna_api, persona, kode, keputusan):
    from capaian.laporan.pemeriksaan import jelaskan_galat
    from capaian.monev.models import PenjelasanGalat

    k = _kunci()
    jelaskan_galat(pengguna_api(OPERATOR), _pd(), TAHUN, TW, k, "Penjelasan baru")
    jawab = api_sebagai(persona).post(
        PENJELASAN + keputusan, {"kunci": k, "alasan": "Kurang bukti."}, content_type="application/json"
    )
    assert jawab.status_code == kode, jawab.content
    keadaan = PenjelasanGalat.objects.get(perangkat_daerah=_pd(), tahun=TAHUN, triwulan=TW, kunci=k).keadaan
    harap = {"terima": "diterima", "tolak": "ditolak"}[keputusan] if kode == 200 else "menunggu"
    assert keadaan == harap
