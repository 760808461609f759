"""capaian cadangkan / pulihkan: a restored system prints identical reports, keeps its files, and a damaged
or foreign backup is refused before anything is touched."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from capaian.monev.models import Realisasi
from tests.basisdata import AKAR, url_uji
from tests.conftest import PD, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_per_modul")]


@pytest.fixture(autouse=True)
def data_dir(settings: object, tmp_path: Path) -> Path:
    folder = tmp_path / "var"
    (folder / "bukti" / "2024" / "07").mkdir(parents=True)
    (folder / "bukti" / "2024" / "07" / "foto-pasar.jpg").write_bytes(b"\xff\xd8\xff bukti")
    (folder / "unggahan").mkdir()
    (folder / "unggahan" / "sementara.xlsx").write_bytes(b"akan dibuang")
    settings.DATA_DIR = folder  # type: ignore[attr-defined]
    return folder


def _laporan(keluar: Path) -> dict[str, bytes]:
    call_command(
        "laporan",
        pd=PD,
        tahun=TAHUN,
        triwulan=2,
        keluar=str(keluar),
        jenis="semua",
        format="json",
        verbosity=0,
    )
    return {p.name: p.read_bytes() for p in sorted(keluar.iterdir())}


def test_pulih_mencetak_laporan_yang_sama(tmp_path: Path, data_dir: Path) -> None:
    sebelum = _laporan(tmp_path / "sebelum")
    assert "e81.json" in sebelum
    jumlah_realisasi = Realisasi.objects.count()
    cadangan = tmp_path / "cadangan.tar.gz"
    call_command("cadangkan", ke=str(cadangan))

    (data_dir / "bukti" / "2024" / "07" / "foto-pasar.jpg").unlink()
    Realisasi.objects.filter(indikator__perangkat_daerah__slug=PD).update(k=None)
    assert _laporan(tmp_path / "rusak") != sebelum

    call_command("pulihkan", str(cadangan), timpa=True)
    assert _laporan(tmp_path / "sesudah") == sebelum
    assert Realisasi.objects.count() == jumlah_realisasi
    assert (data_dir / "bukti" / "2024" / "07" / "foto-pasar.jpg").read_bytes() == b"\xff\xd8\xff bukti"
    with tarfile.open(cadangan) as tar:
        nama = tar.getnames()
    assert "berkas/unggahan/sementara.xlsx" not in nama  # uploads waiting for import are not kept


def test_basis_data_berisi_tanpa_timpa_ditolak(tmp_path: Path) -> None:
    cadangan = tmp_path / "c.tar.gz"
    call_command("cadangkan", ke=str(cadangan))
    with pytest.raises(CommandError, match="sudah berisi data"):
        call_command("pulihkan", str(cadangan))


def test_cadangan_rusak_ditolak_tanpa_mengubah_apa_pun(tmp_path: Path) -> None:
    cadangan = tmp_path / "c.tar.gz"
    call_command("cadangkan", ke=str(cadangan))
    with tarfile.open(cadangan) as tar:
        isi = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]
    isi["data.json"] = isi["data.json"].replace(b'"k": "', b'"k": "9', 1)
    rusak = tmp_path / "rusak.tar.gz"
    with tarfile.open(rusak, "w:gz") as tar:
        for n, b in isi.items():
            info = tarfile.TarInfo(n)
            info.size = len(b)
            tar.addfile(info, io.BytesIO(b))
    k_sebelum = list(Realisasi.objects.order_by("pk").values_list("k", flat=True))
    with pytest.raises(CommandError, match="rusak: data.json"):
        call_command("pulihkan", str(rusak), timpa=True)
    assert list(Realisasi.objects.order_by("pk").values_list("k", flat=True)) == k_sebelum
    bukan = tmp_path / "bukan.tar.gz"
    bukan.write_bytes(b"bukan arsip")
    with pytest.raises(CommandError, match="bukan berkas cadangan"):
        call_command("pulihkan", str(bukan))


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), reason="one engine is enough for this"
)
@pytest.mark.django_db(transaction=True)  # the other processes open this database: no transaction held here
def test_pulih_ke_instalasi_baru(demo: None, tmp_path: Path) -> None:
    """The backup of the running database (the committed demo), restored into a fresh SQLite in another
    process, gives the same e81.json there as here."""
    cadangan = tmp_path / "c.tar.gz"
    baru = tmp_path / "baru"

    def capaian(url: str, folder: Path, *argumen: str) -> None:
        env = {**os.environ, "DATABASE_URL": url, "CAPAIAN_DATA_DIR": str(folder)}
        r = subprocess.run(
            [sys.executable, "-m", "capaian.cli", *argumen], cwd=AKAR, env=env, capture_output=True
        )
        assert r.returncode == 0, r.stderr.decode()

    capaian(url_uji(), tmp_path / "lama", "cadangkan", "--ke", str(cadangan))
    url_baru = f"sqlite:///{tmp_path}/baru.sqlite3"
    capaian(url_baru, baru, "migrate", "--no-input")
    capaian(url_baru, baru, "pulihkan", str(cadangan))
    keluar = {}
    for nama, url, folder in (("lama", url_uji(), tmp_path / "lama"), ("baru", url_baru, baru)):
        d = tmp_path / f"lap-{nama}"
        capaian(
            url, folder, "laporan", "--pd", PD, "--tahun", str(TAHUN), "--triwulan", "2", "--keluar", str(d)
        )
        keluar[nama] = json.loads((d / "e81.json").read_text())
    assert keluar["baru"] == keluar["lama"]
