"""Backup and restore of a whole Capaian installation: the database, the files under DATA_DIR (evidence,
lock archives, letterhead logos, whatever the app keeps there) and the secret key.

A backup is one .tar.gz:
- `manifest.json`: when, which Capaian, which database engine, the row count per model and the SHA-256 of
  every other member, so a restore can tell a damaged or foreign file before it touches anything;
- `data.json`: every model's rows as Django's `dumpdata` writes them (natural keys, so it loads into any
  database: a SQLite office can move to PostgreSQL by restoring its backup there);
- `berkas/...`: DATA_DIR's files, except what the app rebuilds or throws away (the SQLite file itself,
  uploads waiting for import, ready-made city packages, collected static files).

Left out of data.json: sessions (everyone signs in again), the login lockout's counters, Django's content
types and permissions (migrate makes them), the admin's own log (the audit trail is kept)."""

import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

import capaian

FORMAT = 1
TANPA_MODEL = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]
# Folders of DATA_DIR that are temporary or rebuilt; files of SQLite are the database itself.
TANPA_FOLDER = {"unggahan", "paket-kota", "static", "cache"}
AKHIRAN_SQLITE = (".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal")


class CadanganError(Exception):
    """A backup that cannot be made or restored, in Indonesian for the command line."""


@dataclass(frozen=True)
class Ringkasan:
    berkas: Path
    baris: int
    jumlah_berkas: int


def _sha256(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def berkas_data(akar: Path) -> Iterator[Path]:
    """DATA_DIR's files that belong in a backup, in a stable order."""
    if not akar.exists():
        return
    for jalur in sorted(akar.rglob("*")):
        relatif = jalur.relative_to(akar)
        if not jalur.is_file() or relatif.parts[0] in TANPA_FOLDER or jalur.name.endswith(AKHIRAN_SQLITE):
            continue
        yield jalur


def _jumlah_baris() -> dict[str, int]:
    return {
        m._meta.label_lower: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in {"contenttypes", "sessions", "admin", "axes"}
        and m._meta.label_lower != "auth.permission"
    }


def _tambah(tar: tarfile.TarFile, nama: str, isi: bytes) -> None:
    info = tarfile.TarInfo(nama)
    info.size = len(isi)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(isi))


def cadangkan(tujuan: Path) -> Ringkasan:
    """Write the backup to `tujuan` (a new file; an existing one is not overwritten)."""
    if tujuan.exists():
        raise CadanganError(f"Berkas {tujuan} sudah ada; pilih nama lain.")
    akar = Path(settings.DATA_DIR)
    # One consistent view of the database while it is dumped (a repeatable read on PostgreSQL; SQLite's
    # transaction holds its snapshot too).
    with transaction.atomic():
        keluaran = io.StringIO()
        call_command(
            "dumpdata",
            exclude=TANPA_MODEL,
            natural_foreign=True,
            natural_primary=True,
            indent=None,
            stdout=keluaran,
        )
        jumlah = _jumlah_baris()
    data = keluaran.getvalue().encode("utf-8")
    berkas = {f"berkas/{p.relative_to(akar).as_posix()}": p.read_bytes() for p in berkas_data(akar)}
    manifest = {
        "format": FORMAT,
        "aplikasi": "Capaian",
        "versi": getattr(capaian, "__version__", ""),
        "dibuat": timezone.now().isoformat(),
        "mesin_basis_data": connections[DEFAULT_DB_ALIAS].vendor,
        "baris": jumlah,
        "sha256": {"data.json": _sha256(data), **{n: _sha256(isi) for n, isi in berkas.items()}},
    }
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    with tarfile.open(sementara, "w:gz") as tar:
        _tambah(tar, "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"))
        _tambah(tar, "data.json", data)
        for nama, isi in berkas.items():
            _tambah(tar, nama, isi)
    sementara.rename(tujuan)  # a backup interrupted half-way never looks complete
    return Ringkasan(tujuan, sum(jumlah.values()), len(berkas))


def _baca(sumber: Path) -> tuple[dict[str, object], bytes, dict[str, bytes]]:
    try:
        with tarfile.open(sumber, "r:gz") as tar:
            isi = {
                m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
                for m in tar.getmembers()
                if m.isfile()
            }
    except (OSError, tarfile.TarError) as e:
        raise CadanganError(f"{sumber} bukan berkas cadangan Capaian yang dapat dibaca ({e}).") from None
    if "manifest.json" not in isi or "data.json" not in isi:
        raise CadanganError(
            f"{sumber} bukan berkas cadangan Capaian (manifest.json atau data.json tidak ada)."
        )
    manifest = json.loads(isi.pop("manifest.json"))
    if manifest.get("aplikasi") != "Capaian" or manifest.get("format") != FORMAT:
        raise CadanganError(f"{sumber} dibuat oleh aplikasi atau format lain; tidak dipulihkan.")
    sha = dict(manifest["sha256"])
    if set(sha) != set(isi):
        raise CadanganError(f"Isi {sumber} tidak sesuai manifestnya; berkas mungkin tidak lengkap.")
    rusak = sorted(n for n, b in isi.items() if _sha256(b) != sha[n])
    if rusak:
        raise CadanganError(f"Berkas cadangan rusak: {', '.join(rusak[:5])} tidak sesuai SHA-256-nya.")
    data = isi.pop("data.json")
    return manifest, data, {n.removeprefix("berkas/"): b for n, b in isi.items()}


def ada_data() -> bool:
    from capaian.organisasi.models import Pemda

    return Pemda.objects.exists()


def pulihkan(sumber: Path, *, timpa: bool = False) -> Ringkasan:
    """Restore `sumber` into this (migrated) installation. Refused when it already holds data, unless
    `timpa`; then everything is replaced. All or nothing: the database in one transaction, the files
    written only once the database is in."""
    manifest, data, berkas = _baca(sumber)
    if ada_data() and not timpa:
        raise CadanganError(
            "Basis data ini sudah berisi data. Pulihkan ke basis data baru yang sudah dimigrasi, atau "
            "tambahkan --timpa untuk menggantinya seluruhnya."
        )
    with tempfile.TemporaryDirectory() as folder:
        jalur_data = Path(folder) / "data.json"
        jalur_data.write_bytes(data)
        with transaction.atomic():
            if timpa:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(jalur_data), verbosity=0)
            jumlah = _jumlah_baris()
            harapan = {k: int(v) for k, v in dict(manifest["baris"]).items()}  # type: ignore[call-overload]
            beda = sorted(k for k, v in harapan.items() if jumlah.get(k, 0) != v)
            if beda:
                raise CadanganError(f"Jumlah baris tidak sama sesudah pemulihan: {', '.join(beda[:5])}.")
            _catat(sumber, manifest)
    akar = Path(settings.DATA_DIR)
    for nama, isi in berkas.items():
        jalur = (akar / nama).resolve()
        if not jalur.is_relative_to(akar.resolve()):
            continue  # a member that climbs out of DATA_DIR is never written
        jalur.parent.mkdir(parents=True, exist_ok=True)
        jalur.write_bytes(isi)
    return Ringkasan(sumber, sum(jumlah.values()), len(berkas))


def _catat(sumber: Path, manifest: dict[str, object]) -> None:
    from capaian.audit.catat import catat

    catat(
        None,
        aksi="pulihkan cadangan",
        objek="cadangan",
        objek_id=None,
        perangkat_daerah=None,
        baru=f"{sumber.name} ({manifest['dibuat']})",
    )


def nama_bawaan() -> Path:
    waktu = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR).parent / "cadangan" / f"capaian-{waktu}.tar.gz"


__all__ = ["CadanganError", "Ringkasan", "cadangkan", "nama_bawaan", "pulihkan"]
