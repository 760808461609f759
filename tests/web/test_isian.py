"""The quarterly entry screen: Indonesian numbers, saving, invalid input, version conflicts, live preview."""

import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from capaian.monev import services
from capaian.monev.models import CatatanTriwulan, Realisasi
from capaian.perencanaan.models import Indikator
from tests.bantu_isian import form_isian
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")
Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"


def _program_pertama() -> Indikator:
    # A sub-activity row: it has both a K input and an Rp input, and no formula.
    return (
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="")
        .order_by("urutan")
        .first()
    )  # type: ignore[return-value]


def _berumus() -> Indikator:
    return Indikator.objects.filter(perangkat_daerah__slug=PD).exclude(rumus="").order_by("urutan").first()  # type: ignore[return-value]


def _form(klien: Client) -> dict[str, str]:
    """The entry form's fields as the browser would post them unchanged."""
    return form_isian(klien, ISIAN)


def test_angka_indonesia_meski_accept_language_en(klien_sebagai: Klien) -> None:
    k = klien_sebagai("verifikator")
    isi = k.get(ISIAN, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in isi
    # The reference report's figures as the verifier reads them, in Indonesian whatever the browser asks:
    # row 33's Kertas Kerja input (realisasi PAD) and Disperindag's totals, the budget 20.057.264.366, its
    # realisation 8.290.261.639 and the Rp capaian 41,33 %.
    assert '<div class="nilai">1.151.384.000</div>' in isi
    assert "Jumlah / rata-rata capaian program" in isi
    assert '<td class="angka">20.057.264.366</td>' in isi
    assert '<td class="angka">8.290.261.639</td>' in isi
    assert '<td class="angka">41,33%</td>' in isi
    import re

    assert re.search(r"\d{1,3}(\.\d{3})+", isi)  # thousands with dots
    assert re.search(r"\d+,\d{2}%", isi)  # percentages with a decimal comma
    assert not re.search(r"\d{1,3}(,\d{3})+\.\d{2}", isi)  # never the English 1,151,384.00


def test_simpan_nilai_indonesia(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _program_pertama()
    data = _form(k)
    data[f"k-{ind.pk}"] = "36,79"
    data[f"rp-{ind.pk}"] = "1.151.384.000"
    data["alasan"] = "koreksi data"
    r = k.post(ISIAN, data)
    assert r.status_code == 302, r.content.decode()[:2000]
    baris = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2)
    assert baris.k == Decimal("36.79") and baris.rp == 1151384000
    halaman = k.get(ISIAN).content.decode()
    assert "Isian triwulan tersimpan." in halaman
    assert 'value="1.151.384.000"' in halaman and 'value="36,79"' in halaman
    riwayat = k.get(f"/pd/{PD}/{TAHUN}/2/baris/{ind.pk}/riwayat/").content.decode()
    assert "operator-disperindag" in riwayat and "1.151.384.000" in riwayat and "koreksi data" in riwayat


def test_isian_tidak_sah_ditandai_dan_isian_lain_tetap(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _program_pertama()
    sebelum = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2)
    data = _form(k)
    data[f"k-{ind.pk}"] = "12,34"
    data[f"rp-{ind.pk}"] = "satu juta"
    data["faktor_pendorong"] = "Teks yang baru saja diketik"
    r = k.post(ISIAN, data)
    assert r.status_code == 400
    isi = r.content.decode()
    assert (
        "&#x27;satu juta&#x27; bukan jumlah rupiah yang sah" in isi or "bukan jumlah rupiah yang sah" in isi
    )
    assert 'value="12,34"' in isi and 'value="satu juta"' in isi
    assert "Teks yang baru saja diketik" in isi
    assert 'aria-invalid="true"' in isi
    # Nothing was saved.
    setelah = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2)
    assert (setelah.k, setelah.rp, setelah.versi) == (sebelum.k, sebelum.rp, sebelum.versi)


def test_konflik_versi_menampilkan_nilai_orang_lain(klien_sebagai: Klien, pengguna_operator: object) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _program_pertama()
    data = _form(k)  # the page as read before the other person saved
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, rp=999_000, versi=None)  # type: ignore[arg-type]
    data[f"rp-{ind.pk}"] = "123.000"
    r = k.post(ISIAN, data)
    assert r.status_code == 409
    isi = r.content.decode()
    assert "telah diubah oleh operator-disperindag" in isi
    assert "Rp = 999.000" in isi
    assert 'value="123.000"' in isi  # the user's own value is kept
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).rp == 999_000
    # Saving again (the form now carries the newer version) overwrites on purpose.
    data = {
        **data,
        f"versi-{ind.pk}": str(Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).versi),
    }
    assert k.post(ISIAN, data).status_code == 302
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).rp == 123_000


def test_baris_yang_tidak_disentuh_tidak_konflik(klien_sebagai: Klien, pengguna_operator: object) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _program_pertama()
    data = _form(k)
    services.simpan_realisasi(pengguna_operator, ind, TAHUN, 2, rp=5_000, versi=None)  # type: ignore[arg-type]
    data["faktor_penghambat"] = "Hanya teks yang berubah"
    assert k.post(ISIAN, data).status_code == 302
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).rp == 5_000


def test_hitung_langsung(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    ind = _program_pertama()
    r = k.post(ISIAN + "hitung/", {"indikator": ind.pk, f"k-{ind.pk}": "", f"rp-{ind.pk}": "1.000"})
    assert r.status_code == 200
    hasil = json.loads(r.content)["hasil"]
    assert set(hasil) >= {"capaian_k", "capaian_rp", "predikat_k", "realisasi_rp"}
    assert "," in hasil["capaian_rp"] or hasil["capaian_rp"] == "-"
    r = k.post(ISIAN + "hitung/", {"indikator": ind.pk, f"rp-{ind.pk}": "1,5"})
    assert r.status_code == 200 and "hasil" not in json.loads(r.content)
    assert json.loads(r.content)["galat"][f"rp-{ind.pk}"] == "Rupiah harus bilangan bulat"


def test_hitung_berumus(klien_sebagai: Klien) -> None:
    ind = _berumus()
    nama = [v["nama"] for v in ind.variabel]
    data = {"indikator": ind.pk, **{f"v-{ind.pk}-{n}": "200" for n in nama}}
    data[f"v-{ind.pk}-{nama[0]}"] = "300"
    r = klien_sebagai("operator-disperindag").post(ISIAN + "hitung/", data)
    assert r.status_code == 200
    assert json.loads(r.content)["hasil"]["k_triwulan"] != "-"
    isi = klien_sebagai("operator-disperindag").get(ISIAN).content.decode()
    assert f'name="v-{ind.pk}-{nama[0]}"' in isi and f'name="k-{ind.pk}"' not in isi


def test_triwulan_lalu_baca_saja_dan_triwulan_salah_404(klien_sebagai: Klien) -> None:
    k = klien_sebagai("operator-disperindag")
    isi = k.get(ISIAN).content.decode()
    assert "Realisasi TW 1" in isi
    ind = _program_pertama()
    assert f'name="k-{ind.pk}"' in isi
    assert k.get(f"/pd/{PD}/{TAHUN}/5/").status_code == 404
    assert k.get(f"/pd/tidak-ada/{TAHUN}/2/").status_code == 404


def _sub_berurutan(n: int) -> list[Indikator]:
    """The first `n` sub kegiatan rows whose K is typed (no formula)."""
    return list(
        Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
            "urutan"
        )[:n]
    )


def test_simpan_semua_atau_tidak_sama_sekali(klien_sebagai: Klien, pengguna_operator: object) -> None:
    """One row changed by someone else since the page was read: none of the typed rows is saved, the
    conflicting row is named, and every typed value is still on the page (issue 13: no half-written save)."""
    k = klien_sebagai("operator-disperindag")
    a, b = _sub_berurutan(2)
    sebelum_a = (
        Realisasi.objects.filter(indikator=a, tahun=TAHUN, triwulan=2).values_list("k", flat=True).first()
    )
    data = _form(k)
    services.simpan_realisasi(pengguna_operator, b, TAHUN, 2, k=Decimal(77), versi=None)  # type: ignore[arg-type]
    data[f"k-{a.pk}"] = "11"
    data[f"k-{b.pk}"] = "12"
    data["faktor_pendorong"] = "Teks yang ikut tidak tersimpan"
    r = k.post(ISIAN, data)
    assert r.status_code == 409
    isi = r.content.decode()
    assert "Belum ada yang disimpan" in isi and "telah diubah orang lain" in isi
    assert 'value="11"' in isi and 'value="12"' in isi and "Teks yang ikut tidak tersimpan" in isi
    assert Realisasi.objects.filter(indikator=a, tahun=TAHUN, triwulan=2).values_list(
        "k", flat=True
    ).first() == (sebelum_a)
    assert Realisasi.objects.get(indikator=b, tahun=TAHUN, triwulan=2).k == Decimal(77)
    catatan = CatatanTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2).first()
    assert catatan is None or catatan.faktor_pendorong != "Teks yang ikut tidak tersimpan"


def test_isian_yang_tidak_dikirim_tidak_dikosongkan(klien_sebagai: Klien) -> None:
    """A POST that carries only one text (a script, a form with fields missing) changes that text and
    nothing else: the K values it did not send stay."""
    k = klien_sebagai("operator-disperindag")
    sebelum = dict(
        Realisasi.objects.filter(indikator__perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2).values_list(
            "indikator_id", "k"
        )
    )
    assert any(v is not None for v in sebelum.values())
    token = _form(k)["csrfmiddlewaretoken"]
    r = k.post(ISIAN, {"csrfmiddlewaretoken": token, "faktor_pendorong": "Hanya teks ini"})
    assert r.status_code == 302
    sesudah = dict(
        Realisasi.objects.filter(indikator__perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2).values_list(
            "indikator_id", "k"
        )
    )
    assert sesudah == sebelum
    assert CatatanTriwulan.objects.get(
        perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2
    ).faktor_pendorong == ("Hanya teks ini")
