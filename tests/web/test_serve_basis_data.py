"""`capaian serve` refuses to start on a database it cannot use, with a message that says what to do,
instead of serving pages that all fail."""

import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]


def _serve(tmp_path: Path, url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url, "CAPAIAN_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "capaian.cli", "serve", "--port", "1", "--tanpa-pekerja"],
        cwd=AKAR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_basis_data_tidak_terjangkau(tmp_path: Path) -> None:
    r = _serve(tmp_path, "postgres://nobody@127.0.0.1:1/tidak_ada")
    assert r.returncode != 0
    assert "tidak dapat dihubungi" in r.stderr and "DATABASE_URL" in r.stderr
    assert "Traceback" not in r.stderr


def test_basis_data_belum_dimigrasi(tmp_path: Path) -> None:
    r = _serve(tmp_path, f"sqlite:///{tmp_path}/kosong.sqlite3")
    assert r.returncode != 0
    assert "capaian migrate" in r.stderr
    assert "Traceback" not in r.stderr
