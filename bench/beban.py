"""The deadline rush, measured: Locust against `capaian serve` on SQLite and on PostgreSQL (make bench-beban).

    make bench-beban
    .venv/bin/python bench/beban.py [--db sqlite|postgres|keduanya] [--pengguna 50,200] [--durasi 40]
                                    [--workers 1] [--threads 4] [--simpan FOLDER]

For each database: a fresh database (SQLite in a temporary folder; PostgreSQL database `capaian_beban` on
127.0.0.1:5432, dropped and made again), migrated, `capaian demo` loaded, and prepared by bench/beban_data.py
(TW III 2024 opened, one load-test operator per row). Then `capaian serve` (loopback only) and, for each user
count, one bounded headless Locust run (bench/locustfile_beban.py: operators, contended API writers, the
verifier's board and a trivial page). Statistics are reset once every user has started, so the figures are
the steady rush, not the sign-ins; each run is limited in users and time, and the server only listens on
127.0.0.1.

Printed per run: p50/p95/p99 and errors of each request kind, throughput, the save's p95 against the trivial
page's, operators never answered, and lost updates counted in the database afterwards.
"""

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = "postgres://postgres@127.0.0.1:5432"
NAMA_PG = "capaian_beban"
OPERATOR = 200  # accounts made; a run of fewer users uses the first ones


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", choices=["sqlite", "postgres", "keduanya"], default="keduanya")
    p.add_argument("--pengguna", default="50,200", help="user counts, one run each (at most 300)")
    p.add_argument("--durasi", type=int, default=40, help="seconds per run after all users started (<= 120)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--simpan", help="keep the databases and Locust's CSV files in this folder")
    a = p.parse_args()
    a.pengguna = [int(x) for x in a.pengguna.split(",")]
    if max(a.pengguna) > 300 or a.durasi > 120:
        p.error("bounded: at most 300 users and 120 s per run")
    return a


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _jalankan(perintah: list[str], env: dict[str, str]) -> str:
    r = subprocess.run(perintah, env=env, cwd=AKAR, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"{' '.join(perintah)} failed:\n{r.stdout}\n{r.stderr}")
    return r.stdout


def _siapkan_db(jenis: str, folder: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "CAPAIAN_DATA_DIR": str(folder / "data"),
        "CAPAIAN_SECRET_KEY": "beban-" + "x" * 50,
        "DJANGO_SETTINGS_MODULE": "capaian.settings",
    }
    if jenis == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder}/beban.sqlite3"
    else:
        for sql in (f"DROP DATABASE IF EXISTS {NAMA_PG} WITH (FORCE)", f"CREATE DATABASE {NAMA_PG}"):
            _jalankan(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], env)
        env["DATABASE_URL"] = f"{PG}/{NAMA_PG}"
    mulai = time.perf_counter()
    _jalankan([str(BIN / "capaian"), "migrate", "--no-input"], env)
    _jalankan([str(BIN / "capaian"), "demo"], env)
    _jalankan(
        [sys.executable, "bench/beban_data.py", "siapkan", str(OPERATOR), str(folder / "data.json")], env
    )
    print(f"  database ready in {time.perf_counter() - mulai:.0f} s")
    return env


def _tunggu(url: str, proses: subprocess.Popen[bytes]) -> None:
    for _ in range(120):
        if proses.poll() is not None:
            raise SystemExit("capaian serve stopped before it answered")
        try:
            urllib.request.urlopen(url + "/sehat/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("capaian serve did not answer within 60 s")


def _locust(
    url: str, pengguna: int, durasi: int, folder: Path, env: dict[str, str], server: int
) -> tuple[Path, Path, float]:
    awalan = folder / f"locust-{pengguna}"
    hasil = folder / f"hasil-{pengguna}.jsonl"
    hasil.unlink(missing_ok=True)
    # Operators start signed in (bench/beban_data.py); ramp at 20 users/s, then measure.
    naik = pengguna / 20
    perintah = [
        str(BIN / "locust"),
        "-f",
        "bench/locustfile_beban.py",
        "--headless",
        "--host",
        url,
        "-u",
        str(pengguna),
        "-r",
        "20",
        "-t",
        f"{int(naik + durasi)}s",
        "--reset-stats",
        "--only-summary",
        "--csv",
        str(awalan),
        "--stop-timeout",
        "15",
        "--loglevel",
        "WARNING",
    ]
    env = {**env, "LOCUST_BEBAN_DATA": str(folder / "data.json"), "LOCUST_BEBAN_HASIL": str(hasil)}
    proses = subprocess.Popen(
        perintah, env=env, cwd=AKAR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # The server's CPU over the measured part only (after the ramp, when Locust resets its stats).
    time.sleep(naik)
    cpu_awal = _cpu_server(server)
    time.sleep(durasi)
    cpu = _cpu_server(server) - cpu_awal
    proses.wait()
    return awalan.with_name(awalan.name + "_stats.csv"), hasil, cpu


def _cpu_server(pid: int) -> float:
    """CPU seconds used so far by the server and its worker processes (Linux /proc), so that the run can
    say what one request costs the server itself, apart from Locust on the same cores."""
    detik = 0.0
    tik = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            bagian = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(stat.parent.name) == pid or int(bagian[1]) == pid:
            detik += (int(bagian[11]) + int(bagian[12])) / tik
    return detik


def _baca_stats(berkas: Path) -> dict[str, dict[str, str]]:
    with open(berkas) as f:
        return {r["Name"]: r for r in csv.DictReader(f)}


def _laporkan(jenis: str, pengguna: int, stats: dict[str, dict[str, str]], cek: dict, hasil: Path) -> None:
    print(f"\n== {jenis}, {pengguna} concurrent users")
    print(f"  {'request':<28}{'count':>7}{'fail':>6}{'p50':>7}{'p95':>7}{'p99':>7}{'req/s':>8}  (ms)")
    for nama, r in stats.items():
        print(
            f"  {nama:<28}{r['Request Count']:>7}{r['Failure Count']:>6}{r['50%']:>7}{r['95%']:>7}"
            f"{r['99%']:>7}{float(r['Requests/s']):>8.1f}"
        )
    simpan, sepele = stats.get("isian (simpan)"), stats.get("sepele (/sehat/)")
    if simpan and sepele and float(sepele["95%"]):
        print(f"  save p95 / trivial p95 = {float(simpan['95%']) / float(sepele['95%']):.1f}x")
    baris = hasil.read_text().splitlines() if hasil.exists() else []
    operator = [json.loads(b) for b in baris if '"operator"' in b]
    tanpa_jawab = sum(1 for o in operator if o["dijawab"] == 0)
    print(f"  operators never answered: {tanpa_jawab} of {len(operator)}")
    print(
        f"  lost updates: {cek['hilang']} of {cek['baris']} operator rows; contended row: "
        f"{cek['hilang_rebutan']} lost of {cek['tambah_rebutan']} accepted increments "
        f"({cek['terbang_rebutan']} in flight at the stop)"
    )
    # What each failed request answered (Locust's failures file), so that an error can be told apart: a
    # designed 503 "basis data sedang sibuk", a 500, or a connection the server never answered.
    gagal = hasil.with_name(f"locust-{pengguna}_failures.csv")
    if gagal.exists():
        with open(gagal) as f:
            for r in csv.DictReader(f):
                print(f"  failed: {r['Occurrences']} x {r['Method']} {r['Name']}: {r['Error'][:160]}")


def _laporkan_log(log: Path) -> None:
    """The server's logged errors during the runs: each exception's last line, counted."""
    baris = log.read_text(errors="replace").splitlines()
    galat: dict[str, int] = {}
    for i, b in enumerate(baris):
        if b.startswith("Traceback"):
            akhir = next((x for x in baris[i + 1 :] if x and not x.startswith((" ", "Traceback"))), "?")
            galat[akhir] = galat.get(akhir, 0) + 1
    for teks, n in sorted(galat.items(), key=lambda x: -x[1]):
        print(f"  server logged {n} x {teks[:200]}")
    if not galat:
        print("  server logged no exception")


def main() -> None:
    a = _args()
    akar_sementara = Path(a.simpan or tempfile.mkdtemp(prefix="capaian-beban-"))
    for jenis in ["sqlite", "postgres"] if a.db == "keduanya" else [a.db]:
        folder = akar_sementara / jenis
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        print(f"== preparing {jenis}")
        env = _siapkan_db(jenis, folder)
        port = _port()
        url = f"http://127.0.0.1:{port}"
        perintah = [
            str(BIN / "capaian"),
            "serve",
            "--port",
            str(port),
            "--tanpa-pekerja",
            "--workers",
            str(a.workers),
        ]
        if a.threads:
            perintah += ["--threads", str(a.threads)]
        # The server's log to a file (a pipe nobody reads would stall the server once full), read back for
        # the errors it logged.
        log_server = open(folder / "server.log", "w")  # noqa: SIM115 - closed after the server stops
        server = subprocess.Popen(perintah, env=env, cwd=AKAR, stdout=subprocess.DEVNULL, stderr=log_server)
        try:
            _tunggu(url, server)
            for pengguna in a.pengguna:
                sebelum = _jalankan(
                    [sys.executable, "bench/beban_data.py", "nilai", str(folder / "data.json")], env
                )
                stats_csv, hasil, cpu = _locust(url, pengguna, a.durasi, folder, env, server.pid)
                cek = json.loads(
                    _jalankan(
                        [
                            sys.executable,
                            "bench/beban_data.py",
                            "periksa",
                            str(folder / "data.json"),
                            str(hasil),
                            sebelum.strip(),
                        ],
                        env,
                    )
                )
                stats = _baca_stats(stats_csv)
                _laporkan(jenis, pengguna, stats, cek, hasil)
                semua = sum(int(r["Request Count"]) for n, r in stats.items() if n != "Aggregated")
                print(
                    f"  server CPU: {cpu:.1f} s in {a.durasi} s measured ({cpu / a.durasi:.2f} cores), "
                    f"{cpu * 1000 / max(semua, 1):.0f} ms per request ({a.workers} worker process(es))"
                )
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                print("  capaian serve did not stop within 30 s of SIGTERM; killed")
                server.kill()
                server.wait()
            log_server.close()
            _laporkan_log(folder / "server.log")
    if not a.simpan:
        shutil.rmtree(akar_sementara, ignore_errors=True)


if __name__ == "__main__":
    main()
