"""The `capaian` command as a user runs it: Form E.81 JSON, clear errors, and the production server."""

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from capaian.demo.muat import muat_demo


def test_laporan_writes_e81_json_with_the_reports_totals(db: None, tmp_path: Path) -> None:
    muat_demo(settings.DEMO_SEED_DIR)
    call_command(
        "laporan", "--pd", "disperindag", "--tahun", "2024", "--triwulan", "2",
        "--jenis", "e81", "--format", "json", "--keluar", str(tmp_path), stdout=io.StringIO(),
    )  # fmt: skip
    data = json.loads((tmp_path / "e81.json").read_text(encoding="utf-8"))
    assert data["perangkat_daerah"] == "Dinas Perindustrian dan Perdagangan Kota Pasuruan"
    assert (data["tahun"], data["triwulan"]) == (2024, 2)
    assert [b["no"] for b in data["baris"]] == [*range(1, 56), None, 56]
    assert data["jumlah"]["7"] == {"rp": 20057264366}
    assert data["jumlah"]["12"] == {"rp": 8290261639}
    assert data["rata_rata"]["13"]["rp"] == "41.33"
    assert data["predikat"]["13"]["rp"] == "Sangat Rendah"
    program = next(b for b in data["baris"] if b["kode"] == "3.30.03")
    assert program["tingkat"] == "program"
    assert program["kolom"]["12"] == {"k": "36.79", "rp": 2679091058}
    assert program["kolom"]["13"] == {"k": "36.79", "rp": "43.10"}
    assert program["kolom"]["9"]["target"] == {"k": "50.00", "rp": 1828463350}
    assert program["kolom"]["10"] == {"target": {"k": None, "rp": None}, "realisasi": {"k": None, "rp": None}}
    kosong = next(b for b in data["baris"] if b["kode"] == "3.30.05")
    assert kosong["kolom"]["13"] == {"k": None, "rp": None}  # nothing entered: no value, not 0 %
    assert kosong["predikat"] == {"k": None, "rp": None}


def test_laporan_unknown_agency_is_a_clear_error(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "laporan", "--pd", "tidak-ada", "--tahun", "2024", "--triwulan", "2", "--keluar", str(tmp_path)
        )


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_runs_a_production_wsgi_server(tmp_path: Path) -> None:
    port = _port_bebas()
    env = {
        **os.environ,
        "CAPAIAN_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    # serve refuses a database that is not migrated (capaian.web.layani.periksa_basis_data).
    subprocess.run([sys.executable, "-m", "capaian.cli", "migrate", "-v", "0"], env=env, check=True)
    proses = subprocess.Popen(
        [sys.executable, "-m", "capaian.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        jawaban = None
        for _ in range(100):
            try:
                jawaban = urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/static/does-not-exist.css", timeout=2
                )
            except urllib.error.HTTPError as galat:
                jawaban = galat
                break
            except OSError:
                time.sleep(0.1)
        assert jawaban is not None, "server did not start"
        # waitress, announcing itself as the app (capaian.web.layani), not Django's development server.
        assert jawaban.headers["Server"] == "Capaian"
    finally:
        proses.terminate()
        proses.wait(timeout=10)
