"""A save that cannot get the database answers 503 with Retry-After and an Indonesian message, never a 500
(capaian/web/sibuk.py): on the web an Indonesian page, on /api/ `{"galat": ...}`; nothing is saved.

The first test takes SQLite's real write lock from another connection; the others make the service raise
what each database raises, so they run on PostgreSQL too. Concurrent savers that queue instead are in
tests/monev/test_serentak.py.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.db import OperationalError, connection
from django.test import Client

from capaian.api.models import ApiToken
from capaian.monev import services
from capaian.monev.models import Realisasi
from capaian.perencanaan.models import Indikator
from capaian.web import sesi as sesi_bergeser
from capaian.web import sibuk
from tests.conftest import OPERATOR, PD, TAHUN
from tests.web.test_isian import _form

Klien = Callable[[str | None], Client]
ISIAN = f"/pd/{PD}/{TAHUN}/2/"
SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def _indikator() -> Indikator:
    return Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="").order_by(
        "urutan"
    )[0]


def _api(pengguna: object) -> Client:
    return Client(headers={"Authorization": f"Bearer {ApiToken.terbitkan(pengguna)}"})  # type: ignore[arg-type]


def _baris(ind: Indikator) -> Realisasi:
    return services.pastikan_baris(ind.perangkat_daerah, TAHUN, 2).get(indikator=ind)


def _simpan_web(k: Client, ind: Indikator, rp: str, form: dict[str, str] | None = None) -> object:
    """Post the entry form as the browser would, with one Rp changed (`form`: read earlier)."""
    data = dict(form if form is not None else _form(k))
    data[f"rp-{ind.pk}"] = rp
    return k.post(ISIAN, data)


def _wajib_503_web(r: object) -> None:
    assert r.status_code == 503  # type: ignore[attr-defined]
    assert r["Retry-After"] == "5"  # type: ignore[index]
    isi = r.content.decode()  # type: ignore[attr-defined]
    assert "Server sedang sibuk" in isi and sibuk.PESAN in isi
    assert "isian yang sudah Anda ketik masih ada di formulir" in isi  # a POST: the form is still there
    assert "Traceback" not in isi


def _wajib_503_api(r: object) -> None:
    assert r.status_code == 503  # type: ignore[attr-defined]
    assert r["Retry-After"] == "5"  # type: ignore[index]
    assert r.json() == {"galat": sibuk.PESAN}  # type: ignore[attr-defined]


@pytest.mark.skipif(not SQLITE, reason="SQLite's own write lock; PostgreSQL locks rows (select_for_update)")
@pytest.mark.django_db(transaction=True)
def test_kunci_sqlite_nyata_dijawab_503_lalu_simpan_ulang_berhasil(
    demo: None, klien_sebagai: Klien, pengguna_operator: object
) -> None:
    ind = _indikator()
    sebelum = _baris(ind)
    web, api = klien_sebagai(OPERATOR), _api(pengguna_operator)
    form = _form(web)  # the page as the operator opened it, before the rush
    connection.ensure_connection()
    connection.connection.execute("PRAGMA busy_timeout = 200")  # wait 0.2 s here, not the configured 10 s
    lain = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    lain.execute("BEGIN IMMEDIATE")  # another writer holds the database's write lock
    try:
        _wajib_503_web(_simpan_web(web, ind, "777.000", form))
        _wajib_503_api(
            api.patch(
                f"/api/realisasi/{sebelum.pk}", {"rp": 777000, "versi": sebelum.versi}, "application/json"
            )
        )
    finally:
        lain.execute("ROLLBACK")
        lain.close()
    tetap = Realisasi.objects.get(pk=sebelum.pk)
    assert (tetap.rp, tetap.versi) == (sebelum.rp, sebelum.versi)  # nothing half-written
    # The lock is gone: the same save, sent again, goes through.
    r = api.patch(f"/api/realisasi/{sebelum.pk}", {"rp": 777000, "versi": sebelum.versi}, "application/json")
    assert r.status_code == 200, r.content
    assert Realisasi.objects.get(pk=sebelum.pk).rp == 777000


def _gagal(pesan: str, sqlstate: str | None = None) -> Callable[..., object]:
    class SebabPg(Exception):
        pass

    def simpan(*args: object, **kwargs: object) -> object:
        galat = OperationalError(pesan)
        if sqlstate is not None:
            sebab = SebabPg(pesan)
            sebab.sqlstate = sqlstate  # type: ignore[attr-defined]
            raise galat from sebab
        raise galat

    return simpan


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pesan", "sqlstate"),
    [
        ("database is locked", None),  # SQLite after its busy timeout
        ("could not obtain lock on row", "55P03"),  # PostgreSQL lock_timeout
        ("could not serialize access", "40001"),
        ("deadlock detected", "40P01"),
        ("canceling statement due to statement timeout", "57014"),
        ("sorry, too many clients already", "53300"),
    ],
)
def test_basis_data_sibuk_503_di_web_dan_api(
    demo: None,
    klien_sebagai: Klien,
    pengguna_operator: object,
    monkeypatch: pytest.MonkeyPatch,
    pesan: str,
    sqlstate: str | None,
) -> None:
    ind = _indikator()
    sebelum = _baris(ind)
    # The entry form saves its rows through simpan_realisasi_banyak, the API one row through simpan_realisasi.
    monkeypatch.setattr(services, "simpan_realisasi", _gagal(pesan, sqlstate))
    monkeypatch.setattr(services, "simpan_realisasi_banyak", _gagal(pesan, sqlstate))
    _wajib_503_web(_simpan_web(klien_sebagai(OPERATOR), ind, "777.000"))
    _wajib_503_api(
        _api(pengguna_operator).patch(
            f"/api/realisasi/{sebelum.pk}", {"rp": 777000, "versi": sebelum.versi}, "application/json"
        )
    )
    assert Realisasi.objects.get(pk=sebelum.pk).rp == sebelum.rp


@pytest.mark.django_db
def test_halaman_baca_yang_sibuk_meminta_muat_ulang(
    demo: None, klien_sebagai: Klien, monkeypatch: pytest.MonkeyPatch
) -> None:
    from capaian.kota import papan

    def sibuk_baca(*args: object, **kwargs: object) -> object:
        raise OperationalError("database is locked")

    monkeypatch.setattr(papan, "baris_papan", sibuk_baca)
    r = klien_sebagai(OPERATOR).get(f"/triwulan/{TAHUN}/2/")
    assert r.status_code == 503
    isi = r.content.decode()
    assert "Muat ulang halaman ini dalam 5 detik." in isi and "masih ada di formulir" not in isi


@pytest.mark.django_db
@pytest.mark.parametrize("pesan", ["no such table: monev_realisasi", "disk I/O error"])
def test_galat_lain_tidak_disamarkan_sebagai_sibuk(
    demo: None,
    klien_sebagai: Klien,
    pengguna_operator: object,
    monkeypatch: pytest.MonkeyPatch,
    pesan: str,
) -> None:
    """A broken database is not "busy": retrying would not help, so it stays the server error it is."""
    ind = _indikator()
    monkeypatch.setattr(services, "simpan_realisasi_banyak", _gagal(pesan))
    web = klien_sebagai(OPERATOR)
    web.raise_request_exception = False
    assert _simpan_web(web, ind, "777.000").status_code == 500  # type: ignore[attr-defined]
    assert not sibuk.basisdata_sibuk(OperationalError(pesan))
    assert not sibuk.basisdata_sibuk(ValueError("database is locked"))
    assert sibuk.basisdata_sibuk(OperationalError("database is locked"))


@pytest.mark.django_db
def test_unggahan_saat_sibuk_503_bukan_kesalahan_tak_terduga(
    demo: None, klien_sebagai: Klien, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, settings: Any
) -> None:
    """The importer's page answers its own unexpected errors with a 500 page; a busy database is not one."""
    from capaian.web import unggah
    from tests.web.test_unggah import _templat, _unggah, _unggahan

    settings.DATA_DIR = tmp_path / "data"
    monkeypatch.setattr(unggah, "impor_berkas", _gagal("database is locked"))
    r = _unggah(klien_sebagai(OPERATOR), _templat(tmp_path), tahun=TAHUN, triwulan=2)
    _wajib_503_web(r)
    assert _unggahan(tmp_path / "data") == []  # the upload is not kept half-imported


def _sesi_perlu_disegarkan(klien: Client) -> str:
    sesi = klien.session
    sesi[sesi_bergeser.KUNCI] = 0  # last refreshed long ago: this request refreshes it
    sesi.save()
    return sesi.session_key or ""


@pytest.mark.django_db
def test_penyegaran_sesi_saat_basis_data_sibuk_tidak_menggagalkan_halaman(
    demo: None, klien_sebagai: Klien, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sliding session's refresh is a write; when SQLite's writers are queued past the busy timeout it
    is left for a later request. Django's session middleware answered such a page "Bad Request (400)"
    (make bench-beban, 2 processes, 200 operators: 11 entry pages in one run)."""
    web = klien_sebagai(OPERATOR)
    kunci = _sesi_perlu_disegarkan(web)

    def simpan_sibuk(self: object, must_create: bool = False) -> None:
        try:
            raise OperationalError("database is locked")
        except OperationalError:
            raise UpdateError from None  # as Django's db session store raises it, the lock as its context

    monkeypatch.setattr(DbSessionStore, "save", simpan_sibuk)
    r = web.get(ISIAN)
    assert r.status_code == 200 and 'id="form-isian"' in r.content.decode()
    monkeypatch.undo()
    # Not refreshed: the stored session keeps its old mark, and no cookie with a new expiry was sent.
    assert DbSessionStore(kunci).load()[sesi_bergeser.KUNCI] == 0
    assert settings.SESSION_COOKIE_NAME not in r.cookies
    # The next request, with the database free, refreshes it and sends the cookie with the new expiry.
    r = web.get(ISIAN)
    assert r.status_code == 200
    assert DbSessionStore(kunci).load()[sesi_bergeser.KUNCI] > 0
    assert r.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


@pytest.mark.django_db
@pytest.mark.parametrize("jalur", ["/api/auth/token", "/masuk/"])
def test_kunci_di_middleware_juga_503(demo: None, monkeypatch: pytest.MonkeyPatch, jalur: str) -> None:
    """A lock met outside the view (in a middleware) was Django's HTML 500. Under 200 operators on SQLite one
    POST /api/auth/token answered 500 with 'database is locked' logged, while the same request with the
    lock held answers 503 from the view: the lock was met elsewhere. Django's handler500
    (capaian.web.galat_server) now gives the views' busy answer; anything else stays a 500, JSON on /api/."""
    from capaian.web.pintu import PintuMiddleware

    galat: list[Exception] = [OperationalError("database is locked")]

    def gagal(self: PintuMiddleware, request: object) -> object:
        raise galat[0]

    monkeypatch.setattr(PintuMiddleware, "__call__", gagal)
    k = Client(raise_request_exception=False)
    r = k.post(jalur, {"username": "x", "password": "y"}, "application/json")
    assert r.status_code == 503 and r["Retry-After"] == "5"
    if jalur.startswith("/api/"):
        _wajib_503_api(r)
    else:
        assert sibuk.PESAN in r.content.decode()
    galat[0] = ValueError("lain")
    r = k.post(jalur, {"username": "x", "password": "y"}, "application/json")
    assert r.status_code == 500 and "Traceback" not in r.content.decode()
    if jalur.startswith("/api/"):
        assert r.json() == {"galat": "Terjadi kesalahan pada server. Kesalahan ini sudah dicatat."}
    else:
        assert "Terjadi kesalahan pada server" in r.content.decode()
