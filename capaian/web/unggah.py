"""Upload of a Form E.81 workbook on the web: a dry run first, then the real import of the same file.

The work is done by `capaian.impor.impor.impor_berkas` (all or nothing, audited through the services) and
`capaian.aturan.periksa` (the checker); this module only keeps the uploaded file between the two steps and
shows the results. An upload lives in DATA_DIR/unggahan/<random id>/ with a small JSON record of who uploaded
it for which agency; it is deleted after the real import, right away when the dry run shows nothing to import,
and in any case after UMUR_MAKS. Only the uploader can import it, and only into the same agency.

A large workbook (more than BATAS_LANGSUNG_SEL cells, or an .xls over BATAS_LANGSUNG_XLS bytes) is not read in
the request: its dry run or check goes to the task worker (capaian.web.tugas_unggah) and the browser is sent
to a page that shows the state and refreshes itself until the result is there (the same result page); its
real import ("Impor sekarang") is done by the worker too, after the upload is claimed.
Reading limits (capaian.impor.batas_buku) apply on both paths.
"""

import json
import logging
import pickle
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capaian.aturan.periksa import GALAT, Temuan, periksa
from capaian.impor.baca import BacaError, baca_e81
from capaian.impor.batas_buku import BatasTerlampaui, periksa_xlsx
from capaian.impor.impor import HasilImpor, boleh_impor, impor_berkas
from capaian.impor.templat import buat_templat
from capaian.impor.uji_coba import DasarUjiCoba
from capaian.monev.models import StatusTriwulan
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.web import sibuk
from capaian.web.views.umum import konteks, pd_atau_404, tahun_aktif

log = logging.getLogger(__name__)

UKURAN_MAKS = 20 * 1024 * 1024
# Above these a workbook is read by the task worker, not in the request (a dry run of 30.000 cells takes a
# few seconds; the reading limits allow ten times that).
BATAS_LANGSUNG_SEL = 30_000
BATAS_LANGSUNG_XLS = 2 * 1024 * 1024
SEGARKAN_DETIK = 3
UMUR_MAKS = 6 * 60 * 60  # seconds an upload is kept when it is not imported
AKHIRAN = (".xlsx", ".xls")
_KEPALA = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # zip (.xlsx) and OLE2 (.xls)
_ID = re.compile(r"^[0-9a-f]{32}$")
_SEDANG_IMPOR = ".impor"

LABEL_JENIS = {
    "tujuan": "Tujuan baru",
    "sasaran": "Sasaran baru",
    "program": "Program baru",
    "kegiatan": "Kegiatan baru",
    "subkegiatan": "Sub kegiatan baru",
    "indikator": "Indikator baru",
    "satuan": "Satuan",
    "target": "Target",
    "realisasi": "Realisasi",
    "urutan": "Urutan",
}
PESAN_TAK_TERDUGA = (
    "Terjadi kesalahan tak terduga di server; tidak ada yang disimpan. Coba lagi, dan bila berulang "
    "hubungi admin (kejadian ini telah dicatat)."
)
PESAN_HILANG = (
    "Berkas unggahan tidak ditemukan: mungkin sudah diimpor, atau sudah kedaluwarsa (disimpan paling lama "
    "6 jam). Unggah ulang buku kerjanya."
)
HAK = "Hanya operator perangkat daerah ini atau admin yang dapat mengimpor buku kerja."


class TolakBerkas(Exception):
    """The upload is refused before anything is read; the message is for the user."""


# --- keeping the uploaded file -----------------------------------------------------------------------------


def folder_unggahan() -> Path:
    return Path(settings.DATA_DIR) / "unggahan"


@dataclass(frozen=True)
class Unggahan:
    id: str
    folder: Path
    nama: str
    ukuran: int
    pengguna_id: int
    pd_id: int
    tahun: int | None
    triwulan: int | None
    waktu: float
    kosongkan: bool = False  # blank cells clear stored values (chosen at the dry run, kept for the import)

    @property
    def dasar_path(self) -> Path:
        """What the dry run saw (capaian.impor.uji_coba), for the real import to compare."""
        return self.folder / "uji-coba.json"

    def simpan_dasar(self, dasar: DasarUjiCoba) -> None:
        self.dasar_path.write_text(dasar.ke_json(), encoding="utf-8")

    def muat_dasar(self) -> DasarUjiCoba | None:
        try:
            return DasarUjiCoba.dari_json(self.dasar_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    @property
    def hasil_path(self) -> Path:
        """The result of a dry run or check done by the task worker, for the result page."""
        return self.folder / "hasil.pickle"

    @property
    def tugas_path(self) -> Path:
        return self.folder / "tugas.json"

    @property
    def berkas(self) -> Path:
        # The original name (made safe), so that the reader's messages name the file the user chose.
        aman = re.sub(r"[^\w.\- ]", "_", Path(self.nama).name).lstrip(".")[-100:]
        return self.folder / (aman if _akhiran(aman) else "berkas" + _akhiran(self.nama))

    def hapus(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _akhiran(nama: str) -> str:
    nama = nama.lower()
    return next((a for a in AKHIRAN if nama.endswith(a)), "")


def _mb(ukuran: int) -> str:
    return f"{ukuran / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def bersihkan(sekarang: float | None = None) -> int:
    """Delete uploads older than UMUR_MAKS (also ones left half-imported by a crash); returns how many."""
    batas = (sekarang if sekarang is not None else time.time()) - UMUR_MAKS
    folder = folder_unggahan()
    if not folder.is_dir():
        return 0
    jumlah = 0
    for f in folder.iterdir():
        try:
            tua = f.stat().st_mtime < batas
        except OSError:
            continue
        if tua:
            if f.is_dir():
                shutil.rmtree(f, ignore_errors=True)
            else:
                f.unlink(missing_ok=True)
            jumlah += 1
    return jumlah


def periksa_berkas(berkas: "UploadedFile[Any] | None") -> None:
    """Refuse what is not an .xlsx/.xls workbook or is too large, before it is stored."""
    if berkas is None:
        raise TolakBerkas("Pilih berkas buku kerja (.xlsx atau .xls) yang akan diunggah.")
    nama = berkas.name or "berkas"
    ukuran = berkas.size or 0
    if ukuran > UKURAN_MAKS:
        raise TolakBerkas(
            f"Berkas '{nama}' terlalu besar ({_mb(ukuran)}); batasnya {UKURAN_MAKS // (1024 * 1024)} MB. "
            "Hapus lembar atau baris yang tidak perlu, lalu unggah ulang."
        )
    if ukuran == 0:
        raise TolakBerkas(f"Berkas '{nama}' kosong (0 bait).")
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(0)
    if not _akhiran(nama) or not kepala.startswith(_KEPALA):
        raise TolakBerkas(
            f"Berkas '{nama}' bukan buku kerja Excel. Unggah berkas .xlsx atau .xls (simpan ulang dari "
            "Excel/LibreOffice bila perlu); CSV, PDF dan dokumen lain tidak dapat diimpor."
        )


def simpan_unggahan(
    berkas: "UploadedFile[Any]",
    pengguna: Pengguna,
    pd: PerangkatDaerah,
    tahun: int | None,
    triwulan: int | None,
    kosongkan: bool = False,
) -> Unggahan:
    folder_unggahan().mkdir(parents=True, exist_ok=True)
    id_ = secrets.token_hex(16)
    u = Unggahan(
        id=id_,
        folder=folder_unggahan() / id_,
        nama=(berkas.name or "berkas.xlsx")[-200:],
        ukuran=berkas.size or 0,
        pengguna_id=int(pengguna.pk or 0),
        pd_id=pd.pk,
        tahun=tahun,
        triwulan=triwulan,
        waktu=time.time(),
        kosongkan=kosongkan,
    )
    u.folder.mkdir(mode=0o700)
    with u.berkas.open("wb") as keluar:
        for potong in berkas.chunks():
            keluar.write(potong)
    catatan = {
        k: getattr(u, k)
        for k in ("nama", "ukuran", "pengguna_id", "pd_id", "tahun", "triwulan", "waktu", "kosongkan")
    }
    (u.folder / "unggahan.json").write_text(json.dumps(catatan), encoding="utf-8")
    return u


def muat_id(id_: str, diklaim: bool = False) -> Unggahan | None:
    """The upload `id_` if it exists and is fresh (whoever it belongs to: the task worker's reading);
    `diklaim`: the one taken for its real import (klaim), which no one can import again."""
    if not _ID.match(id_):
        return None
    folder = folder_unggahan() / (id_ + _SEDANG_IMPOR if diklaim else id_)
    try:
        c = json.loads((folder / "unggahan.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    u = Unggahan(id=id_, folder=folder, **c)
    return u if u.waktu >= time.time() - UMUR_MAKS else None


def muat_unggahan(
    id_: str, pengguna: Pengguna, pd: PerangkatDaerah, diklaim: bool = False
) -> Unggahan | None:
    """The upload `id_` if it exists, is fresh, and belongs to this user and agency; else None."""
    u = muat_id(id_, diklaim)
    if u is None or u.pengguna_id != pengguna.pk or u.pd_id != pd.pk:
        return None
    return u


def klaim(u: Unggahan) -> Unggahan | None:
    """Take the upload for a real import (an atomic rename), so that a double click imports it only once."""
    tujuan = u.folder.with_name(u.id + _SEDANG_IMPOR)
    try:
        u.folder.rename(tujuan)
    except OSError:
        return None
    return Unggahan(**{**u.__dict__, "folder": tujuan})


# --- the form -------------------------------------------------------------------------------------------


def _angka(teks: str, bawah: int, atas: int, label: str) -> int | None:
    teks = teks.strip()
    if not teks:
        return None
    if not teks.isdigit() or not bawah <= int(teks) <= atas:
        raise TolakBerkas(f"{label} harus angka {bawah} sampai {atas}, atau dikosongkan.")
    return int(teks)


def _pd_impor(request: HttpRequest, slug: str) -> PerangkatDaerah:
    pd = pd_atau_404(request, slug)  # invisible agency: 404
    akses.wajib(boleh_impor(request.user, pd), HAK)  # visible but not allowed: 403
    return pd


def _periode_bawaan(request: HttpRequest, pd: PerangkatDaerah) -> tuple[int, int]:
    """The year and quarter the page is about: from the query string, else the first quarter still open."""
    tahun = tahun_aktif(request, PerangkatDaerah.objects.filter(pk=pd.pk))
    tw = request.GET.get("triwulan", "")
    if tw in ("1", "2", "3", "4"):
        return tahun, int(tw)
    tertutup = {
        s.triwulan
        for s in StatusTriwulan.objects.filter(perangkat_daerah=pd, tahun=tahun)
        if not s.boleh_diubah
    }
    return tahun, next((t for t in range(1, 5) if t not in tertutup), 4)


def _halaman(request: HttpRequest, pd: PerangkatDaerah, status: int = 200, **isi: Any) -> HttpResponse:
    tahun, triwulan = _periode_bawaan(request, pd)
    hasil = isi.get("hasil")
    if isinstance(hasil, HasilImpor) and hasil.tahun and hasil.triwulan in (1, 2, 3, 4):
        tahun, triwulan = hasil.tahun, hasil.triwulan  # the period of the sheet just read
    isi.setdefault("isian_tahun", "")
    isi.setdefault("isian_triwulan", "")
    isi_halaman = konteks(
        request,
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        pilihan_triwulan=[1, 2, 3, 4],
        ukuran_maks=UKURAN_MAKS,
        ukuran_maks_mb=UKURAN_MAKS // (1024 * 1024),
        jam_simpan=UMUR_MAKS // 3600,
        nama_templat=nama_templat(pd, tahun, triwulan),
        periode_qs=urlencode({"tahun": tahun, "triwulan": triwulan}),
        **isi,
    )
    return render(request, "web/unggah.html", isi_halaman, status=status)


def _hasil_impor(hasil: HasilImpor) -> dict[str, Any]:
    return {
        "hasil": hasil,
        "perubahan": [(LABEL_JENIS.get(p.jenis, p.jenis), p) for p in hasil.perubahan],
        "ringkasan": [(LABEL_JENIS.get(j, j), n) for j, n in hasil.ringkasan().items()],
    }


@login_required
@require_http_methods(["GET", "POST"])
def unggah(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the upload form. POST: store the file and run the dry run ("coba") or the checker ("periksa")."""
    pd = _pd_impor(request, slug)
    try:
        bersihkan()
    except OSError:
        log.exception("Gagal membersihkan unggahan lama")
    if request.method == "GET":
        return _halaman(request, pd)

    mode = "periksa" if request.POST.get("mode") == "periksa" else "coba"
    kosongkan = request.POST.get("kosongkan", "") in ("1", "on")
    isian: dict[str, Any] = {
        "isian_tahun": request.POST.get("tahun", ""),
        "isian_triwulan": request.POST.get("triwulan", ""),
        "isian_kosongkan": kosongkan,
    }
    try:
        tahun = _angka(isian["isian_tahun"], 2000, 2100, "Tahun")
        triwulan = _angka(isian["isian_triwulan"], 1, 4, "Triwulan")
        berkas = request.FILES.get("berkas")
        periksa_berkas(berkas)
        assert berkas is not None
    except TolakBerkas as e:
        return _halaman(request, pd, status=400, mode=mode, tolak=str(e), **isian)

    nama = berkas.name or "berkas"
    u: Unggahan | None = None
    try:
        u = simpan_unggahan(berkas, request.user, pd, tahun, triwulan, kosongkan)
        if perlu_latar(u):
            antrekan(u, mode)
            return redirect("unggah_hasil", slug=pd.slug, id=u.id)
        if mode == "periksa":
            temuan = _periksa(pd, u)
            u.hapus()
            return _halaman(request, pd, mode=mode, nama_berkas=nama, **isian, **temuan)
        hasil = impor_berkas(
            request.user, pd, u.berkas, True, tahun=tahun, triwulan=triwulan, kosongkan=kosongkan
        )
        u.simpan_dasar(hasil.dasar)
    except Exception as e:
        if u is not None:
            u.hapus()
        if isinstance(e, akses.AksesDitolak) or sibuk.basisdata_sibuk(e):
            raise  # 403, or the busy database's 503 (capaian.web.sibuk): not an unexpected error
        log.exception("Unggahan %s ke %s gagal (mode %s)", nama, pd.slug, mode)
        return _halaman(
            request, pd, status=500, mode=mode, nama_berkas=nama, tak_terduga=PESAN_TAK_TERDUGA, **isian
        )
    # Only a clean dry run with something to import keeps the file for "Impor sekarang".
    if _tak_perlu_disimpan(hasil):
        u.hapus()
        u = None
    return _halaman(request, pd, mode=mode, nama_berkas=nama, unggahan=u, **isian, **_hasil_impor(hasil))


def perlu_latar(u: Unggahan) -> bool:
    """Whether the workbook is large enough to be read by the task worker. A workbook beyond the reading
    limits is not: the request refuses it in about a second (capaian.impor.batas_buku)."""
    if u.berkas.suffix.lower() == ".xls":
        return u.ukuran > BATAS_LANGSUNG_XLS
    try:
        return periksa_xlsx(u.berkas) > BATAS_LANGSUNG_SEL
    except BatasTerlampaui:
        return False


def antrekan(u: Unggahan, mode: str) -> None:
    from capaian.web.tugas_unggah import impor_unggahan, uji_unggahan

    with transaction.atomic():
        tugas = impor_unggahan.enqueue(u.id) if mode == "impor" else uji_unggahan.enqueue(u.id, mode)
    u.tugas_path.write_text(json.dumps({"id": str(tugas.id), "mode": mode}), encoding="utf-8")


def uji_di_latar(u: Unggahan, pengguna: Pengguna, pd: PerangkatDaerah, mode: str) -> None:
    """The task worker's part: the dry run or the check, its result written for the result page. The
    workbook is kept only where "Impor sekarang" needs it (a clean dry run with something to import)."""
    isi: dict[str, Any]
    if mode == "periksa":
        isi = _periksa(pd, u)
        simpan = False
    else:
        hasil = impor_berkas(
            pengguna, pd, u.berkas, True, tahun=u.tahun, triwulan=u.triwulan, kosongkan=u.kosongkan
        )
        simpan = not _tak_perlu_disimpan(hasil)
        if simpan:
            u.simpan_dasar(hasil.dasar)
        isi = _hasil_impor(hasil)
    # Written by this server for this server, never from what a user sent (the workbook is not pickled).
    u.hasil_path.write_bytes(pickle.dumps(isi))
    if not simpan:
        u.berkas.unlink(missing_ok=True)


def impor_di_latar(u: Unggahan, pengguna: Pengguna, pd: PerangkatDaerah) -> None:
    """The task worker's real import of a claimed upload: all or nothing against its dry run, as in the
    request; the result written for the result page, the workbook removed (it cannot be imported twice)."""
    try:
        hasil = impor_berkas(
            pengguna,
            pd,
            u.berkas,
            False,
            tahun=u.tahun,
            triwulan=u.triwulan,
            kosongkan=u.kosongkan,
            dasar=u.muat_dasar(),
        )
        u.hasil_path.write_bytes(pickle.dumps(_hasil_impor(hasil)))
    finally:
        u.berkas.unlink(missing_ok=True)
        u.dasar_path.unlink(missing_ok=True)


_LABEL_TUGAS = {
    TaskResultStatus.READY: "Menunggu giliran dibaca",
    TaskResultStatus.RUNNING: "Sedang dibaca",
}
_LABEL_IMPOR = {
    TaskResultStatus.READY: "Menunggu giliran diimpor",
    TaskResultStatus.RUNNING: "Sedang diimpor",
}


@login_required
@require_GET
def hasil_uji(request: HttpRequest, slug: str, id: str) -> HttpResponse:
    """The state, then the result, of a dry run or check done by the task worker."""
    pd = _pd_impor(request, slug)
    u = muat_unggahan(id, request.user, pd) or muat_unggahan(id, request.user, pd, diklaim=True)
    tugas: dict[str, str] = {}
    if u is not None:
        try:
            tugas = json.loads(u.tugas_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            u = None
    if u is None:
        return _halaman(request, pd, status=404, mode="coba", tolak=PESAN_HILANG)
    from capaian.web.tugas_unggah import impor_unggahan, uji_unggahan

    mode = tugas.get("mode") if tugas.get("mode") in ("periksa", "impor") else "coba"
    isian: dict[str, Any] = {
        "isian_tahun": u.tahun or "",
        "isian_triwulan": u.triwulan or "",
        "isian_kosongkan": u.kosongkan,
        "mode": mode,
        "nama_berkas": u.nama,
    }
    try:
        fungsi = impor_unggahan if mode == "impor" else uji_unggahan
        keadaan = fungsi.get_result(tugas.get("id", "")).status
    except (TaskResultDoesNotExist, ValueError):
        keadaan = TaskResultStatus.FAILED
    if keadaan in _LABEL_TUGAS:
        label = _LABEL_TUGAS[keadaan] if mode != "impor" else _LABEL_IMPOR[keadaan]
        return _halaman(request, pd, sedang=label, segarkan=SEGARKAN_DETIK, ukuran=_mb(u.ukuran), **isian)
    if keadaan == TaskResultStatus.SUCCESSFUL and u.hasil_path.is_file():
        isi = pickle.loads(u.hasil_path.read_bytes())  # noqa: S301 (written by capaian itself)
        dapat_diimpor = mode != "impor" and u.dasar_path.is_file() and u.berkas.is_file()
        return _halaman(request, pd, unggahan=u if dapat_diimpor else None, **isian, **isi)
    return _halaman(request, pd, status=500, tak_terduga=PESAN_TAK_TERDUGA, **isian)


def _tak_perlu_disimpan(hasil: HasilImpor) -> bool:
    return bool(hasil.galat) or not hasil.perubahan


def _periksa(pd: PerangkatDaerah, u: Unggahan) -> dict[str, Any]:
    try:
        lembar = baca_e81(u.berkas)
    except BacaError as e:
        return {"tolak": e.pesan}
    temuan: list[Temuan] = periksa(lembar, pd.pemda.band_predikat())
    galat = sum(1 for t in temuan if t.tingkat == GALAT)
    return {
        "temuan": temuan,
        "lembar": lembar.nama,
        "jumlah_galat": galat,
        "jumlah_peringatan": len(temuan) - galat,
    }


@login_required
@require_POST
def impor(request: HttpRequest, slug: str, id: str) -> HttpResponse:
    """The real import of a file uploaded (and dry-run) before by the same user for the same agency."""
    pd = _pd_impor(request, slug)
    u = muat_unggahan(id, request.user, pd)
    u = klaim(u) if u is not None else None
    if u is None:
        return _halaman(request, pd, status=404, mode="impor", tolak=PESAN_HILANG)
    isian: dict[str, Any] = {
        "isian_tahun": u.tahun or "",
        "isian_triwulan": u.triwulan or "",
        "isian_kosongkan": u.kosongkan,
    }
    dasar = u.muat_dasar()
    if dasar is None:
        u.hapus()
        return _halaman(request, pd, status=404, mode="impor", tolak=PESAN_HILANG, **isian)
    if perlu_latar(u):
        antrekan(u, "impor")
        return redirect("unggah_hasil", slug=pd.slug, id=u.id)
    try:
        hasil = impor_berkas(
            request.user,
            pd,
            u.berkas,
            False,
            tahun=u.tahun,
            triwulan=u.triwulan,
            kosongkan=u.kosongkan,
            dasar=dasar,
        )
    except akses.AksesDitolak:
        raise
    except Exception as e:
        if sibuk.basisdata_sibuk(e):
            raise  # the busy database's 503 (capaian.web.sibuk)
        log.exception("Impor %s ke %s gagal", u.nama, pd.slug)
        return _halaman(
            request, pd, status=500, mode="impor", nama_berkas=u.nama, tak_terduga=PESAN_TAK_TERDUGA, **isian
        )
    finally:
        u.hapus()
    return _halaman(request, pd, mode="impor", nama_berkas=u.nama, **isian, **_hasil_impor(hasil))


# --- the entry template --------------------------------------------------------------------------------


def nama_templat(pd: PerangkatDaerah, tahun: int, triwulan: int) -> str:
    return f"Templat-E81-{pd.slug}-{tahun}-TW{triwulan}.xlsx"


@login_required
@require_GET
def templat(request: HttpRequest, slug: str) -> HttpResponse:
    pd = _pd_impor(request, slug)
    tahun, triwulan = _periode_bawaan(request, pd)
    with tempfile.TemporaryDirectory() as sementara:
        path = Path(sementara) / "templat.xlsx"
        buat_templat(pd, tahun, triwulan, path)
        isi = path.read_bytes()
    jawab = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    jawab["Content-Disposition"] = f'attachment; filename="{nama_templat(pd, tahun, triwulan)}"'
    return jawab
