"""What a dry run of an import saw, so that the real import changes exactly that or nothing.

The dry run records the version of every row it would change (`Realisasi.versi`, the targets' and the
indicator's `versi`, capaian.perencanaan.models.Berversi; 0 for a row that does not exist yet) with the
sheet cell that changes it, and the list of changes it showed. The real import, inside its transaction,
locks those rows and refuses (all or nothing) when any of them changed since, naming the cell, who changed
it and when ("'E.81'!J17: diubah oleh budi pukul 14.02 sesudah uji coba"); and it refuses when, for any other
reason, its own list of changes is not the one the dry run showed.

The web upload keeps the record next to the uploaded file (capaian.web.unggah); the command line keeps it
under DATA_DIR/uji-coba/, keyed by agency and the file's SHA-256 (`simpan_cli`, `muat_cli`).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from capaian.aturan.angka import format_tanggal
from capaian.audit.models import AuditEvent
from capaian.monev.models import CatatanCakupan, CatatanTriwulan, Realisasi
from capaian.perencanaan.models import Indikator, TargetTahunan, TargetTriwulan

# The row kinds an import changes: the key's first part -> model and the audit trail's object names (the
# services' names and the admin's model names).
JENIS: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {
    "indikator": (Indikator, ("indikator",)),
    "tahunan": (TargetTahunan, ("target_tahunan", "targettahunan")),
    "triwulan": (TargetTriwulan, ("target_triwulan", "targettriwulan")),
    "realisasi": (Realisasi, ("realisasi",)),
    "catatan": (CatatanTriwulan, ("catatan",)),
    "catatan_cakupan": (CatatanCakupan, ("catatan_cakupan",)),
}


def kunci(jenis: str, **bagian: int | str) -> str:
    """'realisasi:indikator=12:triwulan=2' — the row's natural key, stable between the two runs."""
    assert jenis in JENIS
    return ":".join([jenis, *(f"{k}={v}" for k, v in bagian.items())])


def _urai(k: str) -> tuple[str, dict[str, int | str]]:
    jenis, *bagian = k.split(":")
    return jenis, {a: int(b) if b.isdigit() else b for a, b in (p.split("=") for p in bagian)}


@dataclass
class DasarUjiCoba:
    """The dry run's record: per row key its cell and version, the changes shown, the options used."""

    waktu: str = ""  # ISO time of the dry run
    versi: dict[str, tuple[str, int]] = field(default_factory=dict)
    perubahan: list[str] = field(default_factory=list)
    kosongkan: bool = False

    def catat(self, k: str, sel: str, versi: int) -> None:
        self.versi.setdefault(k, (sel, versi))

    def ke_json(self) -> str:
        return json.dumps(
            {
                "waktu": self.waktu,
                "versi": {k: list(v) for k, v in self.versi.items()},
                "perubahan": self.perubahan,
                "kosongkan": self.kosongkan,
            }
        )

    @classmethod
    def dari_json(cls, teks: str) -> "DasarUjiCoba":
        isi = json.loads(teks)
        return cls(
            waktu=str(isi["waktu"]),
            versi={str(k): (str(v[0]), int(v[1])) for k, v in isi["versi"].items()},
            perubahan=[str(p) for p in isi["perubahan"]],
            kosongkan=bool(isi.get("kosongkan", False)),
        )


def _baris(jenis: str, bagian: dict[str, int | str], kunci_baris: bool) -> models.Model | None:
    model = JENIS[jenis][0]
    filter_: dict[str, object]
    if jenis == "indikator":
        filter_ = {"pk": bagian["indikator"]}
    elif jenis == "catatan":
        filter_ = {"perangkat_daerah_id": bagian["pd"]}
    elif jenis == "catatan_cakupan":
        filter_ = {"perangkat_daerah_id": bagian["pd"]}
        if "program" in bagian:
            filter_.update(cakupan="program", program_id=bagian["program"])
        else:
            filter_.update(cakupan="bidang", kode_bidang=str(bagian["bidang"]))
    else:
        filter_ = {"indikator_id": bagian["indikator"]}
    if "tahun" in bagian:
        filter_["tahun"] = bagian["tahun"]
    if "triwulan" in bagian:
        filter_["triwulan"] = bagian["triwulan"]
    qs = model._default_manager.filter(**filter_)
    if kunci_baris:
        qs = qs.select_for_update()
    return qs.first()


def _jam(w: datetime.datetime) -> str:
    lokal = timezone.localtime(w)
    hari = "" if lokal.date() == timezone.localdate() else f"{format_tanggal(lokal.date())} "
    return f"{hari}pukul {lokal:%H.%M}"


def _siapa_kapan(jenis: str, obj: models.Model | None, sejak: datetime.datetime | None) -> str:
    """'oleh budi pukul 14.02': the last audited change of the row (the row's own stamp for realisations)."""
    if obj is None:
        return "dihapus"
    if isinstance(obj, Realisasi) and obj.diubah_oleh is not None:
        return f"diubah oleh {obj.diubah_oleh.get_username()} {_jam(obj.diubah)}"
    peristiwa = AuditEvent.objects.filter(objek__in=JENIS[jenis][1], objek_id=obj.pk)
    if sejak is not None:
        peristiwa = peristiwa.filter(waktu__gte=sejak)
    terakhir = peristiwa.order_by("-waktu", "-id").first()
    if terakhir is None:
        return "diubah"
    return f"diubah oleh {terakhir.nama_pengguna} {_jam(terakhir.waktu)}"


def versi_kini(obj: models.Model | None) -> int:
    return 0 if obj is None else int(getattr(obj, "versi", 0))


def bentrok(dasar: DasarUjiCoba) -> list[tuple[str, str]]:
    """Lock every row the dry run would change and list (cell, message) for each one changed since.

    Call inside the import's transaction: the locks hold until it ends, so nothing changes in between."""
    sejak = None
    if dasar.waktu:
        try:
            sejak = datetime.datetime.fromisoformat(dasar.waktu)
        except ValueError:
            sejak = None
    hasil = []
    for k, (sel, versi) in sorted(dasar.versi.items(), key=lambda e: e[1][0]):
        jenis, bagian = _urai(k)
        obj = _baris(jenis, bagian, kunci_baris=True)
        if versi_kini(obj) != versi:
            hasil.append((sel, f"{_siapa_kapan(jenis, obj, sejak)} sesudah uji coba"))
    return hasil


# --- the command line's record -------------------------------------------------------------------------


def _folder_cli() -> Path:
    return Path(settings.DATA_DIR) / "uji-coba"


def sidik_berkas(path: str | Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for potong in iter(lambda: f.read(1 << 20), b""):
            h.update(potong)
    return h.hexdigest()


def _path_cli(slug: str, path: str | Path) -> Path:
    return _folder_cli() / f"{slug}-{sidik_berkas(path)}.json"


def simpan_cli(slug: str, path: str | Path, dasar: DasarUjiCoba) -> Path:
    tujuan = _path_cli(slug, path)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    tujuan.write_text(dasar.ke_json(), encoding="utf-8")
    return tujuan


def muat_cli(slug: str, path: str | Path) -> DasarUjiCoba | None:
    try:
        return DasarUjiCoba.dari_json(_path_cli(slug, path).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def hapus_cli(slug: str, path: str | Path) -> None:
    _path_cli(slug, path).unlink(missing_ok=True)
