"""Workflow buttons, the verifikator's overview, entry periods, evidence files, the admin's formula check."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from capaian.monev.models import PeriodeTriwulan, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import PD, TAHUN

pytestmark = pytest.mark.usefixtures("demo_per_modul")
Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"


def _status() -> str:
    s = StatusTriwulan.objects.filter(perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=2).first()
    return s.status if s else Status.DRAFT


def test_alur_lengkap_lewat_tombol(klien_sebagai: Klien) -> None:
    op, kep, ver = (klien_sebagai(n) for n in ("operator-disperindag", "kepala-disperindag", "verifikator"))
    assert 'data-aksi="ajukan"' in op.get(ISIAN).content.decode()
    assert 'data-aksi="verifikasi"' not in ver.get(ISIAN).content.decode()  # nothing to verify yet
    # The rows the reference report leaves blank are marked "belum ada data" (issue 9), so nothing blocks.
    isi = op.get(ISIAN).content.decode()
    assert isi.count(" checked> Belum ada data</label>") == 2 and 'id="belum-diisi"' not in isi
    assert isi.count('value="tidak dilaporkan dalam laporan rujukan" placeholder="alasan"') == 2
    op.post(ISIAN + "langkah/ajukan/")
    assert _status() == Status.DIAJUKAN
    isi = op.get(ISIAN).content.decode()
    assert "Tampilan baca saja" in isi and "Diajukan" in isi
    assert isi.count("Belum ada data: tidak dilaporkan dalam laporan rujukan") == 2
    assert 'data-aksi="setujui"' in kep.get(ISIAN).content.decode()
    kep.post(ISIAN + "langkah/setujui/")
    # Returning needs a note; without one the status stays and the message says why.
    r = ver.post(ISIAN + "langkah/kembalikan/", {"catatan": " "}, follow=True)
    assert "Catatan pengembalian wajib diisi." in r.content.decode()
    assert _status() == Status.DIAJUKAN
    ver.post(ISIAN + "langkah/kembalikan/", {"catatan": "Lengkapi bukti dukung"})
    assert _status() == Status.DIKEMBALIKAN
    assert "Lengkapi bukti dukung" in op.get(ISIAN).content.decode()
    op.post(ISIAN + "langkah/ajukan/")
    # The pemda requires the head's approval (the default): the verifier waits for it.
    isi = ver.get(ISIAN).content.decode()
    assert 'data-aksi="verifikasi"' not in isi and 'id="menunggu-kepala"' in isi
    r = ver.post(ISIAN + "langkah/verifikasi/", follow=True)
    assert "belum disetujui kepala perangkat daerah" in r.content.decode()
    assert _status() == Status.DIAJUKAN
    kep.post(ISIAN + "langkah/setujui/")
    ver.post(ISIAN + "langkah/verifikasi/")
    assert _status() == Status.DIVERIFIKASI
    # The overview offers the lock button and returns there.
    ikhtisar = ver.get(f"/triwulan/{TAHUN}/2/").content.decode()
    assert "Diverifikasi" in ikhtisar and "Kunci" in ikhtisar
    r = ver.post(ISIAN + "langkah/kunci/", {"kembali": "ikhtisar"})
    assert r["Location"] == f"/triwulan/{TAHUN}/2/"
    assert _status() == Status.TERKUNCI
    # Back on the board of twelve agencies, the message says which one was locked.
    nama = PerangkatDaerah.objects.get(slug=PD).nama
    assert f"{nama}: Triwulan 2 Tahun {TAHUN} telah dikunci." in ver.get(r["Location"]).content.decode()
    # A locked quarter cannot be saved by the operator, even by posting directly.
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan").first()
    assert ind is not None
    r = op.post(ISIAN, {f"k-{ind.pk}": "7", f"asal-k-{ind.pk}": "", f"versi-{ind.pk}": "1"})
    assert r.status_code == 409 and "tidak dapat diubah" in r.content.decode()
    ver.post(ISIAN + "langkah/buka/", {"catatan": "Salah ketik di TW 2"})
    assert _status() == Status.DIKEMBALIKAN
    riwayat = ver.get(f"/pd/{PD}/riwayat/").content.decode()
    assert "Salah ketik di TW 2" in riwayat and "kunci" in riwayat


def test_langkah_tidak_sah_diberi_pesan(klien_sebagai: Klien) -> None:
    r = klien_sebagai("verifikator").post(ISIAN + "langkah/kunci/", follow=True)
    assert r.status_code == 200
    assert "tidak dapat dilakukan" in r.content.decode()
    assert klien_sebagai("verifikator").post(ISIAN + "langkah/hapus/").status_code == 404


def test_masa_pengisian(klien_sebagai: Klien) -> None:
    ver = klien_sebagai("verifikator")
    assert ver.get(f"/periode/{TAHUN}/").status_code == 200
    r = ver.post(f"/periode/{TAHUN}/", {"triwulan": 2, "dibuka": "2024-07-10", "ditutup": "2024-07-01"})
    assert "Tanggal dibuka tidak boleh setelah tanggal ditutup." in r.content.decode()
    r = ver.post(f"/periode/{TAHUN}/", {"triwulan": 2, "dibuka": "2024-07-01", "ditutup": "2024-07-15"})
    assert r.status_code == 302
    p = PeriodeTriwulan.objects.get(tahun=TAHUN, triwulan=2)
    assert (p.dibuka, p.ditutup) == (datetime.date(2024, 7, 1), datetime.date(2024, 7, 15))
    assert "1 Juli 2024 s.d. 15 Juli 2024" in ver.get(f"/periode/{TAHUN}/").content.decode()
    # Outside the window the operator sees why the quarter is closed.
    isi = klien_sebagai("operator-disperindag").get(ISIAN).content.decode()
    assert "di luar masa pengisian" in isi and 'id="simpan"' not in isi
    # The pemda's admin keeps the calendar too (issue 3: "Admin pemda: ... periods").
    adm = klien_sebagai("admin")
    assert adm.get(f"/periode/{TAHUN}/").status_code == 200
    r = adm.post(f"/periode/{TAHUN}/", {"triwulan": 1, "dibuka": "2024-04-01", "ditutup": "2024-04-15"})
    assert r.status_code == 302
    assert "1 April 2024 s.d. 15 April 2024" in adm.get(f"/periode/{TAHUN}/").content.decode()


def test_admin_memeriksa_rumus(klien_sebagai: Klien) -> None:
    adm = klien_sebagai("admin")
    ind = Indikator.objects.filter(perangkat_daerah__slug=PD).exclude(rumus="").first()
    assert ind is not None
    halaman = adm.get(f"/admin/perencanaan/indikator/{ind.pk}/change/")
    assert halaman.status_code == 200
    from capaian.web.admin import FormIndikator

    form = FormIndikator(instance=ind)
    data = {**form.initial, "rumus": "tidak_dikenal * 2", "variabel": '[{"nama": "nilai_a", "label": "A"}]'}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    f = FormIndikator(data=data, instance=ind)
    assert not f.is_valid()
    assert "rumus" in f.errors and "posisi" in f.errors["rumus"][0]
    data["rumus"] = "nilai_a * 2"
    f = FormIndikator(data=data, instance=ind)
    f.is_valid()
    assert "rumus" not in f.errors
