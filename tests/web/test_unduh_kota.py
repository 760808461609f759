"""The city-wide package (capaian/web/unduh_kota.py, capaian/laporan/paket_kota.py and tugas.py): asked for
on a page, made by the task worker (django.tasks with django-tasks-db), its state read from the task result
in the database, downloaded by the user who asked and by nobody else, removed when it expires.

The worker runs in this process (the db_worker's own loop, in batch mode) where the test is about the
pages, and as a real `capaian db_worker` process in the test that proves another process does the work and
this one serves its state.
"""

import io
import json
import time
import urllib.request
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from unittest import mock

import docx
import openpyxl
import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from capaian.laporan import paket, paket_kota
from capaian.laporan.models import PaketKota
from capaian.laporan.tugas import buat_paket_kota
from capaian.organisasi.models import Pemda, PerangkatDaerah
from tests.basisdata import jalankan_serve
from tests.conftest import (
    ADMIN,
    KEPALA,
    OPERATOR,
    OPERATOR_CONTOH,
    PD,
    PD_CONTOH,
    PIMPINAN,
    TAHUN,
    VERIFIKATOR,
)
from tests.web.test_unduh import BERKAS, _terbuka

Klien = Callable[[str | None], Client]

HALAMAN = f"/laporan/{TAHUN}/2/semua-pd/"
LINTAS_PD = [ADMIN, VERIFIKATOR, PIMPINAN]
PERAN_PD = [OPERATOR, KEPALA, OPERATOR_CONTOH]
NAMA_ZIP = "Laporan-Monev-kota-pasuruan-semua-PD-2024-TW2.zip"


@pytest.fixture(autouse=True)
def data_dir(settings: object, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


@pytest.fixture
def paket_ringan(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the tests of access and of a package's life, not of its content: one small file per agency
    instead of the ten rendered documents (the content is checked by the tests without this fixture)."""

    def ringan(data: object, slug: str) -> Iterator[tuple[str, bytes]]:
        yield f"{slug}.txt", slug.encode()

    monkeypatch.setattr(paket, "berkas_unduhan", ringan)


def jalankan_pekerja() -> None:
    """The db_worker's loop in this process, until the queue is empty. No signal handlers are installed,
    and the worker's close_old_connections is skipped: it would close the test's open transaction."""
    with mock.patch.object(db_worker, "close_old_connections"):
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="pekerja-uji",
            excluded_queue_names=[],
        ).run()


def minta(k: Client) -> dict[str, object]:
    """Ask for the package through the page; its JSON state."""
    r = k.post(HALAMAN)
    assert r.status_code == 302
    paket_id = r["Location"].split("paket=")[1].split("#")[0]
    return dict(k.get(f"/laporan/semua-pd/{paket_id}/status/").json()) | {"id": paket_id}


def isi_zip(isi: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        return {n: arsip.read(n) for n in arsip.namelist()}


def _teks(nama: str, isi: bytes) -> list[object]:
    """What a reader sees in a file: every cell value of a workbook, the paragraphs of a document, the
    size of a PDF page stream (its text is read back in tests/laporan)."""
    if nama.endswith(".xlsx"):
        wb = openpyxl.load_workbook(io.BytesIO(isi))
        return [[list(baris) for baris in ws.iter_rows(values_only=True)] for ws in wb.worksheets]
    if nama.endswith(".docx"):
        return [p.text for p in docx.Document(io.BytesIO(isi)).paragraphs]
    return [isi.count(b"/Type /Page")]


def harapan_berkas(slug: str) -> list[str]:
    return [f"{slug}/{n.replace(PD, slug)}" for n in BERKAS]


# Named ids: a random uuid in the id would differ between the xdist workers' collections.
@pytest.mark.parametrize(
    "url", [HALAMAN, f"/laporan/semua-pd/{uuid.uuid4()}/status/"], ids=["halaman", "status"]
)
def test_anonim_diarahkan_ke_halaman_masuk(klien_sebagai: Klien, url: str) -> None:
    for r in (klien_sebagai(None).get(url), klien_sebagai(None).post(url)):
        assert r.status_code == 302
        assert r["Location"].startswith("/masuk/?next=")
    assert not PaketKota.objects.exists()


@pytest.mark.parametrize("persona", PERAN_PD)
def test_peran_satu_pd_ditolak(klien_sebagai: Klien, persona: str) -> None:
    k = klien_sebagai(persona)
    assert k.get(HALAMAN).status_code == 403
    r = k.post(HALAMAN)
    assert r.status_code == 403
    assert "hanya untuk admin, verifikator dan pimpinan" in r.content.decode()
    assert not PaketKota.objects.exists() and not DBTaskResult.objects.exists()


@pytest.mark.parametrize("persona", LINTAS_PD)
def test_halaman_bagi_peran_lintas_pd(klien_sebagai: Klien, persona: str) -> None:
    r = klien_sebagai(persona).get(HALAMAN)
    assert r.status_code == 200
    isi = r.content.decode()
    assert "2 perangkat daerah" in isi
    assert f'action="{HALAMAN}"' in isi and 'method="post"' in isi
    assert "Belum ada paket untuk triwulan ini." in isi
    # Nothing to wait for: no script but the session warning every signed-in page carries.
    tanpa_sesi = isi.replace('<script src="/static/web/sesi.js" defer></script>', "")
    assert "<script" not in tanpa_sesi and 'http-equiv="refresh"' not in isi


def test_ikhtisar_menautkan_paket_bagi_lintas_pd_saja(klien_sebagai: Klien) -> None:
    assert HALAMAN in klien_sebagai(VERIFIKATOR).get(f"/triwulan/{TAHUN}/2/").content.decode()
    assert HALAMAN not in klien_sebagai(OPERATOR).get(f"/triwulan/{TAHUN}/2/").content.decode()


def test_paket_dibuat_pekerja_lalu_diunduh(klien_sebagai: Klien, data_dir: Path) -> None:
    k = klien_sebagai(VERIFIKATOR)
    awal = minta(k)
    assert awal["keadaan"] == "menunggu" and awal["siap"] is False and awal["unduh"] is None
    p = PaketKota.objects.get(pk=awal["id"])
    assert DBTaskResult.objects.get(pk=p.tugas_id).status == "READY"  # queued in the database
    halaman = k.get(HALAMAN).content.decode()
    assert "Menunggu giliran" in halaman
    assert '<meta http-equiv="refresh" content="2">' in halaman  # the page watches itself, no script
    belum = k.get(f"/laporan/semua-pd/{p.id}/unduh/")
    assert belum.status_code == 409
    assert belum.json() == {"galat": "Paket belum siap: Menunggu giliran."}

    jalankan_pekerja()

    akhir = k.get(f"/laporan/semua-pd/{p.id}/status/").json()
    unduh = f"/laporan/semua-pd/{p.id}/unduh/"
    assert akhir == {"keadaan": "siap", "label": "Siap diunduh", "siap": True, "jumlah_pd": 2, "unduh": unduh}
    halaman = k.get(HALAMAN).content.decode()
    assert "Siap diunduh (2 PD)" in halaman and f'href="{unduh}"' in halaman
    assert 'http-equiv="refresh"' not in halaman
    r = k.get(unduh)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/zip"
    assert f'filename="{NAMA_ZIP}"' in r["Content-Disposition"]
    berkas = isi_zip(b"".join(r.streaming_content))  # type: ignore[attr-defined]
    # Both agencies, each in its folder with the ten files of its own package, each one opening; the
    # demo agency's files hold what its own package (rendered in the request) holds: the same cells and
    # text (the bytes differ by the files' timestamps).
    assert list(berkas) == harapan_berkas(PD_CONTOH) + harapan_berkas(PD)
    for nama in harapan_berkas(PD_CONTOH):
        _terbuka(nama, berkas[nama])
    sendiri = isi_zip(k.get(f"/pd/{PD}/{TAHUN}/2/laporan/paket.zip").content)
    for nama in BERKAS:
        _terbuka(nama, berkas[f"{PD}/{nama}"])
        assert _teks(nama, berkas[f"{PD}/{nama}"]) == _teks(nama, sendiri[nama]), nama
    assert [f.name for f in data_dir.joinpath("paket-kota").iterdir()] == [f"{p.id}.zip"]


@pytest.mark.usefixtures("paket_ringan")
def test_tugas_dijalankan_sinkron(pengguna_demo: Callable[[str], object]) -> None:
    p = PaketKota.objects.create(
        pengguna=pengguna_demo(PIMPINAN),
        pemda=Pemda.objects.get(),
        tahun=TAHUN,
        triwulan=2,
        kedaluwarsa=timezone.now() + timedelta(hours=1),
    )
    hasil = buat_paket_kota.call(str(p.id))  # the task's function, in this process, at once
    assert hasil == {"jumlah_pd": 2, "ukuran": paket_kota.jalur(p).stat().st_size}
    assert isi_zip(paket_kota.jalur(p).read_bytes()) == {
        f"{PD_CONTOH}/{PD_CONTOH}.txt": PD_CONTOH.encode(),
        f"{PD}/{PD}.txt": PD.encode(),
    }
    assert not list(paket_kota.folder().glob(".sedang-*"))  # the temporary file was renamed into place


@pytest.mark.usefixtures("paket_ringan")
def test_hanya_pd_pemda_sendiri(klien_sebagai: Klien) -> None:
    lain = Pemda.objects.create(nama="Kota Lain", slug="kota-lain", tempat="Lain")
    PerangkatDaerah.objects.create(pemda=lain, nama="Dinas Kota Lain", slug="dinas-kota-lain")
    k = klien_sebagai(ADMIN)
    paket_id = minta(k)["id"]
    jalankan_pekerja()
    r = k.get(f"/laporan/semua-pd/{paket_id}/unduh/")
    berkas = isi_zip(b"".join(r.streaming_content))  # type: ignore[attr-defined]
    assert {n.split("/")[0] for n in berkas} == {PD, PD_CONTOH}


@pytest.mark.usefixtures("paket_ringan")
def test_paket_hanya_milik_peminta(klien_sebagai: Klien) -> None:
    pemilik = klien_sebagai(VERIFIKATOR)
    paket_id = minta(pemilik)["id"]
    jalankan_pekerja()
    status, unduh = f"/laporan/semua-pd/{paket_id}/status/", f"/laporan/semua-pd/{paket_id}/unduh/"
    # Admin and pimpinan see every agency too, but the package is not theirs: it does not exist for them.
    for lain in (ADMIN, PIMPINAN, OPERATOR, OPERATOR_CONTOH):
        k = klien_sebagai(lain)
        assert k.get(status).status_code == 404, lain
        assert k.get(unduh).status_code == 404, lain
        if lain in LINTAS_PD:
            assert paket_id not in k.get(HALAMAN).content.decode()
    assert klien_sebagai(None).get(unduh).status_code == 302
    assert pemilik.get(unduh).status_code == 200


def test_id_tidak_dikenal_404(klien_sebagai: Klien) -> None:
    k = klien_sebagai(VERIFIKATOR)
    assert k.get(f"/laporan/semua-pd/{uuid.uuid4()}/status/").status_code == 404
    assert k.get(f"/laporan/semua-pd/{uuid.uuid4()}/unduh/").status_code == 404
    assert k.get("/laporan/semua-pd/bukan-uuid/unduh/").status_code == 404
    assert k.get(f"/laporan/{TAHUN}/5/semua-pd/").status_code == 404


@pytest.mark.usefixtures("paket_ringan")
def test_tekan_dua_kali_satu_antrean(klien_sebagai: Klien) -> None:
    k = klien_sebagai(VERIFIKATOR)
    pertama, kedua = minta(k), minta(k)
    assert pertama["id"] == kedua["id"]
    assert PaketKota.objects.count() == 1 and DBTaskResult.objects.count() == 1
    jalankan_pekerja()
    assert minta(k)["id"] != pertama["id"]  # a finished one is not reused: the data may have changed


def test_gagal_dikabarkan(klien_sebagai: Klien, monkeypatch: pytest.MonkeyPatch) -> None:
    def rusak(p: PaketKota) -> int:
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(paket_kota, "tulis", rusak)
    k = klien_sebagai(VERIFIKATOR)
    paket_id = minta(k)["id"]
    jalankan_pekerja()
    assert k.get(f"/laporan/semua-pd/{paket_id}/status/").json()["keadaan"] == "gagal"
    assert "Gagal dibuat; silakan buat ulang" in k.get(HALAMAN).content.decode()
    assert k.get(f"/laporan/semua-pd/{paket_id}/unduh/").status_code == 409


@pytest.mark.usefixtures("paket_ringan")
def test_kedaluwarsa_dihapus_beserta_berkasnya(klien_sebagai: Klien, data_dir: Path) -> None:
    k = klien_sebagai(PIMPINAN)
    paket_id = minta(k)["id"]
    jalankan_pekerja()
    berkas = data_dir / "paket-kota" / f"{paket_id}.zip"
    assert berkas.is_file()
    PaketKota.objects.filter(pk=paket_id).update(kedaluwarsa=timezone.now() - timedelta(seconds=1))
    assert k.get(f"/laporan/semua-pd/{paket_id}/unduh/").status_code == 404
    yatim = data_dir / "paket-kota" / "tak-dikenal.zip"
    yatim.write_bytes(b"x")
    assert paket_kota.bersihkan() == 1  # the expired package's file; the unknown file is too young yet
    assert not berkas.exists() and not PaketKota.objects.filter(pk=paket_id).exists()
    assert paket_kota.bersihkan(timezone.now() + paket_kota.TENGGANG + timedelta(seconds=1)) == 1
    assert not yatim.exists()


@pytest.mark.django_db(transaction=True)
def test_serve_menjalankan_pekerja_dan_melayani_keadaannya(
    demo: None, klien_sebagai: Klien, data_dir: Path
) -> None:
    """`capaian serve` (what `make run` runs) starts the task worker. A package asked for in this process is
    made by that worker, another process, and its state and file are served over HTTP by the serve
    process, a third one, from the task result in the database: nothing lives in one process's memory."""
    k = klien_sebagai(VERIFIKATOR)
    paket_id = minta(k)["id"]
    sesi = k.cookies["sessionid"].value
    with jalankan_serve(data_dir) as server:
        url = server.url
        buka = urllib.request.build_opener()
        buka.addheaders = [("Cookie", f"sessionid={sesi}")]
        batas = time.monotonic() + 120
        while True:
            with buka.open(f"{url}/laporan/semua-pd/{paket_id}/status/", timeout=10) as r:
                status = json.load(r)
            if status["keadaan"] not in ("menunggu", "berjalan") or time.monotonic() > batas:
                break
            time.sleep(0.3)
        assert status["keadaan"] == "siap", status
        with buka.open(url + str(status["unduh"]), timeout=30) as r:
            assert r.headers["Content-Disposition"] == f'attachment; filename="{NAMA_ZIP}"'
            assert list(isi_zip(r.read())) == harapan_berkas(PD_CONTOH) + harapan_berkas(PD)
    tugas = DBTaskResult.objects.get(pk=PaketKota.objects.get(pk=paket_id).tugas_id)
    assert tugas.status == "SUCCESSFUL" and len(tugas.worker_ids) == 1
    assert f"Task id={tugas.id}" in server.keluaran and "state=SUCCESSFUL" in server.keluaran  # its log
