"""`capaian serve --workers 2`: two gunicorn processes on one port, with nothing one of them needs kept in
the other's memory. A session made by a sign-in on whichever process answered is valid on every later
request, whichever process answers it; SIGTERM stops the workers with the server."""

import http.cookiejar
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.basisdata import jalankan_serve
from tests.conftest import OPERATOR, PD, TAHUN


def _anak(pid: int) -> list[int]:
    anak = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            bagian = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(bagian[1]) == pid:
            anak.append(int(stat.parent.name))
    return anak


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads the process table from /proc (Linux)")
@pytest.mark.django_db(transaction=True)  # the server's processes write sessions: no open transaction here
def test_dua_proses_berbagi_sesi(demo: None, tmp_path: Path) -> None:
    with jalankan_serve(tmp_path, "--workers", "2", "--threads", "4", "--tanpa-pekerja") as server:
        # gunicorn starts its workers one after the other: the first may answer before the second is up.
        batas = time.monotonic() + 60
        while len(pekerja := _anak(server.pid)) < 2 and time.monotonic() < batas:
            time.sleep(0.2)
        assert len(pekerja) == 2, pekerja
        toples = http.cookiejar.CookieJar()
        buka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(toples))
        halaman = buka.open(server.url + "/masuk/", timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman)
        assert token is not None
        badan = urllib.parse.urlencode(
            {"username": OPERATOR, "password": "capaian-demo", "csrfmiddlewaretoken": token.group(1)}
        ).encode()
        buka.open(server.url + "/masuk/", badan, timeout=30).read()
        for _ in range(12):
            with buka.open(f"{server.url}/pd/{PD}/{TAHUN}/2/", timeout=30) as r:
                # Redirected to the sign-in page if the answering process did not know the session.
                assert r.geturl().endswith(f"/pd/{PD}/{TAHUN}/2/"), r.geturl()
                assert r.status == 200
    batas = time.monotonic() + 30  # the workers end gracefully after serve's SIGTERM
    while (sisa := [p for p in pekerja if Path(f"/proc/{p}").exists()]) and time.monotonic() < batas:
        time.sleep(0.2)
    assert sisa == [], "gunicorn workers outlived capaian serve"
