"""Locked means frozen (issue 9, item 3): once TW II is locked no door changes its e81.json; the package is
archived at lock and served as locked; unlock keeps the archive as history and a new lock makes another."""

import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from capaian.api.models import ApiToken
from capaian.impor.impor import impor_berkas
from capaian.laporan import paket
from capaian.laporan.models import ArsipPaket
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.laporan.sumber import muat_data
from capaian.monev import beku, services
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, TargetTahunan
from tests.bantu_admin import data_ubah, nama_inline
from tests.bantu_isian import form_isian
from tests.conftest import PD, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TW = 2
PESAN = "Triwulan II 2024 sudah dikunci; minta verifikator membuka kunci dengan alasan"


def _u(nama: str) -> User:
    return User.objects.get(username=nama)


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _kunci(pd: PerangkatDaerah, tw: int = TW) -> None:
    jalankan_langkah("ajukan", _u("operator-disperindag"), pd, TAHUN, tw)
    jalankan_langkah("setujui", _u("kepala-disperindag"), pd, TAHUN, tw)
    jalankan_langkah("verifikasi", _u("verifikator"), pd, TAHUN, tw)
    jalankan_langkah("kunci", _u("verifikator"), pd, TAHUN, tw)


def _e81_json(pd: PerangkatDaerah) -> bytes:
    return paket.render_data(muat_data(pd, TAHUN, TW), "e81", "json")


def _klien(nama: str) -> Client:
    k = Client()
    k.force_login(_u(nama))
    return k


def _target() -> TargetTahunan:
    """An annual K target of a row with a TW II K realisation: changing it changes TW II's capaian."""
    ada = Realisasi.objects.filter(
        indikator__perangkat_daerah__slug=PD, tahun=TAHUN, triwulan=TW, k__isnull=False
    ).values_list("indikator_id", flat=True)
    t = TargetTahunan.objects.filter(
        indikator_id__in=ada, tahun=TAHUN, target_k__gt=0, indikator__rumus=""
    ).order_by("indikator__urutan")
    return t.first()  # type: ignore[return-value]


def _form_isian(klien: Client, tw: int) -> dict[str, str]:
    """The entry form as posted unchanged (inputs and the texts)."""
    return form_isian(klien, f"/pd/{PD}/{TAHUN}/{tw}/")


def _templat(tmp_path: Path, tw: int) -> Path:
    keluar = tmp_path / f"templat-tw{tw}.xlsx"
    call_command("templat", pd=PD, tahun=TAHUN, triwulan=tw, keluar=str(keluar))
    return keluar


def _ubah_sel(path: Path, kode: str, kolom: str, nilai: object) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    for r in range(9, ws.max_row + 1):
        if ws.cell(r, 2).value == kode:
            ws[f"{kolom}{r}"] = nilai
            wb.save(path)
            return
    raise AssertionError(kode)


def test_tak_satu_pintu_pun_mengubah_e81_json_triwulan_terkunci(tmp_path: Path) -> None:
    pd = _pd()
    _kunci(pd)
    sebelum = _e81_json(pd)
    target = _target()
    ind = target.indikator
    operator, admin = _klien("operator-disperindag"), _klien("admin")

    # Web, the entry screen: TW II itself, and TW I (which TW II's columns 8 and 12 show).
    for tw in (2, 1):
        data = _form_isian(operator, tw)
        # TW II's screen shows no inputs any more; the post is what a tab opened before the lock sends.
        assert tw == TW or f"k-{ind.pk}" in data
        data[f"k-{ind.pk}"] = "99"
        data.setdefault(f"versi-{ind.pk}", "0")
        if tw == TW:
            data["faktor_pendorong"] = "diubah setelah dikunci"
        r = operator.post(f"/pd/{PD}/{TAHUN}/{tw}/", data)
        assert r.status_code == 409, (tw, r.status_code)
        teks = r.content.decode()
        assert ("berstatus Terkunci dan tidak dapat diubah" if tw == TW else PESAN) in teks
    # TW I's screen says why before anyone types.
    assert (
        "Realisasi triwulan ini tidak dapat diubah" in operator.get(f"/pd/{PD}/{TAHUN}/1/").content.decode()
    )
    # Web, evidence of the locked quarter.
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    r = operator.post(f"/pd/{PD}/{TAHUN}/{TW}/bukti/", {"berkas": pdf, "indikator": ind.pk}, follow=True)
    assert "tidak diunggah" in r.content.decode()

    # Admin: the annual target (4 -> 8 in the issue) in the indicator's inline form, the target's own page,
    # an indicator setting, and the agency's pemda predicate set.
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(admin, url)
    awalan = next(p for p, obj in nama_inline(admin, url, "targettahunan") if obj.pk == target.pk)
    data[f"{awalan}-target_k"] = str(target.target_k * 2)
    r = admin.post(url, data, follow=True)
    assert PESAN in r.content.decode()
    url_t = f"/admin/perencanaan/targettahunan/{target.pk}/change/"
    data = data_ubah(admin, url_t)
    data["target_k"] = str(target.target_k * 2)
    assert PESAN in admin.post(url_t, data, follow=True).content.decode()
    data = data_ubah(admin, url)
    data["polaritas"] = "negatif"
    assert PESAN in admin.post(url, data, follow=True).content.decode()
    url_p = f"/admin/organisasi/pemda/{pd.pemda_id}/change/"
    data = data_ubah(admin, url_p)
    data["set_predikat"] = "permendagri86-bawah-inklusif"
    r = admin.post(url_p, data, follow=True)
    assert "Triwulan II 2024 Dinas Perindustrian dan Perdagangan Kota Pasuruan sudah dikunci" in (
        r.content.decode()
    )
    # Admin: deleting the indicator.
    r = admin.post(f"/admin/perencanaan/indikator/{ind.pk}/delete/", {"post": "yes"}, follow=True)
    assert PESAN in r.content.decode()

    # API: the locked quarter's realisation, and TW I's.
    api = Client(headers={"Authorization": f"Bearer {ApiToken.terbitkan(_u('operator-disperindag'))}"})
    for tw in (2, 1):
        baris = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=tw).first()
        r = api.patch(
            f"/api/indikator/{ind.pk}/realisasi/{TAHUN}/{tw}",
            {"k": "97", "versi": baris.versi if baris else 0},
            content_type="application/json",
        )
        assert r.status_code == 423, (tw, r.status_code, r.content)
    assert PESAN in r.json()["galat"]
    r = api.patch(
        f"/api/triwulan/{PD}/{TAHUN}/{TW}/catatan",
        {"faktor_pendorong": "x", "versi": 1},
        content_type="application/json",
    )
    assert r.status_code == 423, r.status_code

    # Import: the operator's TW I realisation and the admin's annual target, as a workbook.
    kode = ind.kode
    assert kode
    path = _templat(tmp_path, 1)
    _ubah_sel(path, kode, "N", 96)  # realisasi TW I K
    hasil = impor_berkas(_u("operator-disperindag"), pd, path, coba=False)
    assert not hasil.disimpan and any(PESAN in str(g) for g in hasil.galat), hasil.galat
    path = _templat(tmp_path, 2)
    _ubah_sel(path, kode, "J", float(target.target_k * 2))  # target K of the year (column 7)
    hasil = impor_berkas(_u("admin"), pd, path, coba=False)
    assert not hasil.disimpan and any(PESAN in str(g) for g in hasil.galat), hasil.galat

    # CLI: capaian impor --oleh, as the operator and as the admin.
    for oleh in ("admin", "operator-disperindag"):
        with pytest.raises(CommandError, match="galat"):
            call_command("impor", str(path), pd=PD, oleh=oleh, stdout=io.StringIO(), stderr=io.StringIO())
    # The system actor (demo loader, a migration) obeys the same rule.
    with pytest.raises(beku.TriwulanBeku, match=PESAN):
        rencana.simpan_target_tahunan(None, ind, TAHUN, target_k=target.target_k * 2)
    with pytest.raises(beku.TriwulanBeku, match=PESAN):
        services.simpan_realisasi(None, ind, TAHUN, 1, k=Decimal(95))

    assert _e81_json(pd) == sebelum
    assert TargetTahunan.objects.get(pk=target.pk).target_k == target.target_k


def test_cakupan_perubahan() -> None:
    """What a change reaches, with TW II 2024 locked: the year's targets, realisations of TW I and II, the
    plan; not TW III's realisations, TW I's texts, or another year's targets."""
    pd = _pd()
    _kunci(pd)
    ind = _target().indikator
    rencana.simpan_target_tahunan(None, ind, TAHUN + 1, target_k=Decimal(5))
    services.simpan_realisasi(None, ind, TAHUN, 3, k=Decimal(1))
    services.simpan_catatan(None, pd, TAHUN, 1, faktor_pendorong="TW I saja")
    for ubah in (
        lambda: rencana.simpan_target_triwulan(None, ind, TAHUN, 4, k=Decimal(1)),
        lambda: rencana.ubah_indikator(None, ind, uraian="lain"),
        lambda: rencana.buat_program(None, pd, "9.99.01", "Program baru"),
        lambda: services.simpan_realisasi(None, ind, TAHUN, 1, k=Decimal(1)),
    ):
        with pytest.raises(beku.TriwulanBeku, match=PESAN):
            ubah()
    # Another agency is not reached.
    contoh = PerangkatDaerah.objects.get(slug="dinas-contoh")
    rencana.buat_program(None, contoh, "9.99.01", "Program baru")


def test_triwulan_terverifikasi_juga_beku() -> None:
    pd = _pd()
    jalankan_langkah("ajukan", _u("operator-disperindag"), pd, TAHUN, TW)
    jalankan_langkah("setujui", _u("kepala-disperindag"), pd, TAHUN, TW)
    jalankan_langkah("verifikasi", _u("verifikator"), pd, TAHUN, TW)
    with pytest.raises(beku.TriwulanBeku, match="Triwulan II 2024 sudah diverifikasi"):
        rencana.simpan_target_tahunan(_u("admin"), _target().indikator, TAHUN, target_k=Decimal(8))


def _sha(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def test_arsip_diunduh_dengan_sha256_yang_sama_setelah_upaya_perubahan(tmp_path: Path) -> None:
    pd = _pd()
    _kunci(pd)
    arsip = ArsipPaket.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)
    assert arsip.sha256 == _sha(bytes(arsip.isi)) and arsip.nama_pengguna == "verifikator"
    with zipfile.ZipFile(io.BytesIO(bytes(arsip.isi))) as z:
        nama = sorted(z.namelist())
        json_arsip = z.read(f"E81-{PD}-{TAHUN}-TW{TW}.json")
    assert len(nama) == len(paket.PAKET) + 1 and json_arsip == _e81_json(pd)
    assert set(arsip.berkas) == set(nama)
    verifikator = _klien("verifikator")
    halaman = verifikator.get(f"/pd/{PD}/{TAHUN}/{TW}/laporan/").content.decode()
    assert arsip.sha256 in halaman

    # A change attempt is refused; a change behind the services' back (a direct database write) does not
    # reach the archive either: the locked quarter's downloads are the archive's bytes.
    target = _target()
    with pytest.raises(beku.TriwulanBeku):
        rencana.simpan_target_tahunan(_u("admin"), target.indikator, TAHUN, target_k=target.target_k * 2)
    TargetTahunan.objects.filter(pk=target.pk).update(target_k=target.target_k * 2)
    assert _e81_json(pd) != json_arsip
    r = verifikator.get(f"/pd/{PD}/{TAHUN}/{TW}/laporan/paket.zip")
    isi = b"".join(r.streaming_content) if r.streaming else r.content
    assert _sha(isi) == arsip.sha256 and r["X-Capaian-SHA256"] == arsip.sha256
    r = verifikator.get(f"/pd/{PD}/{TAHUN}/{TW}/laporan/e81.xlsx")
    assert _sha(r.content) == arsip.berkas[f"E81-{PD}-{TAHUN}-TW{TW}.xlsx"]
    # The command line writes the archived files too.
    call_command(
        "laporan",
        pd=PD,
        tahun=TAHUN,
        triwulan=TW,
        jenis="e81",
        format="json,pdf",
        keluar=str(tmp_path),
        stdout=io.StringIO(),
    )
    assert (tmp_path / "e81.json").read_bytes() == json_arsip
    assert _sha((tmp_path / "e81.pdf").read_bytes()) == arsip.berkas[f"E81-{PD}-{TAHUN}-TW{TW}.pdf"]


def test_buka_lalu_kunci_lagi_membuat_arsip_kedua() -> None:
    pd = _pd()
    _kunci(pd)
    pertama = ArsipPaket.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)
    vf, op = _u("verifikator"), _u("operator-disperindag")
    jalankan_langkah("buka", vf, pd, TAHUN, TW, "Target tahunan salah ketik")
    ind = _target().indikator
    # Unlocked, the quarter is back with the agency: the change now passes, and the download is live.
    services.simpan_realisasi(op, ind, TAHUN, TW, k=Decimal(77))
    pertama.refresh_from_db()
    assert pertama.dibuka is not None and pertama.alasan_buka == "Target tahunan salah ketik"
    _kunci(pd)
    daftar = list(ArsipPaket.objects.filter(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW))
    assert len(daftar) == 2
    kedua = daftar[0]
    assert kedua.pk != pertama.pk and kedua.dibuka is None and kedua.sha256 != pertama.sha256
    halaman = _klien("verifikator").get(f"/pd/{PD}/{TAHUN}/{TW}/laporan/").content.decode()
    assert pertama.sha256 in halaman and kedua.sha256 in halaman
    r = _klien("verifikator").get(f"/pd/{PD}/{TAHUN}/{TW}/laporan/paket.zip")
    assert _sha(r.content) == kedua.sha256
    assert StatusTriwulan.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW).status == Status.TERKUNCI
    assert Indikator.objects.filter(pk=ind.pk).exists()


def test_paket_seluruh_pd_memuat_arsip_pd_yang_terkunci(tmp_path: Path, settings: object) -> None:
    import datetime

    from django.utils import timezone

    from capaian.laporan import paket_kota
    from capaian.laporan.models import PaketKota

    setattr(settings, "DATA_DIR", tmp_path)  # noqa: B010
    pd = _pd()
    _kunci(pd)
    arsip = ArsipPaket.objects.get(perangkat_daerah=pd, tahun=TAHUN, triwulan=TW)
    target = _target()
    TargetTahunan.objects.filter(pk=target.pk).update(target_k=target.target_k * 2)  # behind the services
    p = PaketKota.objects.create(
        pengguna=_u("verifikator"),
        pemda_id=pd.pemda_id,
        tahun=TAHUN,
        triwulan=TW,
        kedaluwarsa=timezone.now() + datetime.timedelta(days=1),
    )
    assert paket_kota.tulis(p) >= 2
    with zipfile.ZipFile(paket_kota.jalur(p)) as z:
        nama = f"E81-{PD}-{TAHUN}-TW{TW}.xlsx"
        assert _sha(z.read(f"{PD}/{nama}")) == arsip.berkas[nama]
        assert len([n for n in z.namelist() if n.startswith(f"{PD}/")]) == len(paket.PAKET)
