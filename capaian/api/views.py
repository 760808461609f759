"""The JSON API: plain function views, bearer-token authentication, answers and errors in JSON.

Every view is csrf_exempt because it never looks at the session cookie: only `Authorization: Bearer`
identifies the caller, so a browser cannot be tricked into sending an authenticated request.
Errors are {"galat": "<pesan dalam Bahasa Indonesia>"}.
"""

import base64
import datetime
import hashlib
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csp import csp_override
from django.views.decorators.csrf import csrf_exempt

from capaian.api import openapi
from capaian.api.models import ApiToken, PercobaanMasuk, hash_kunci
from capaian.aturan import angka
from capaian.audit.models import AuditEvent
from capaian.laporan import pemeriksaan
from capaian.monev import alur, services
from capaian.monev.models import Realisasi
from capaian.organisasi import akses
from capaian.perencanaan.models import nilai_k

BATAS_GAGAL = 5
JENDELA_GAGAL = datetime.timedelta(minutes=15)
_K_DESIMAL = nilai_k().decimal_places
_K_DIGIT = nilai_k().max_digits
_INT64_MAX = 2**63 - 1

View = Callable[..., HttpResponse]


def galat(status: int, pesan: str, **lain: Any) -> JsonResponse:
    return JsonResponse({"galat": pesan, **lain}, status=status)


class _Galat(Exception):
    """Raised inside a view to answer with an error; caught by the decorators."""

    def __init__(self, status: int, pesan: str) -> None:
        super().__init__(pesan)
        self.status = status
        self.pesan = pesan


def _metode(*metode: str) -> Callable[[View], View]:
    def hias(view: View) -> View:
        @wraps(view)
        def bungkus(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in metode:
                jawab = galat(405, f"Metode {request.method} tidak didukung.")
                jawab["Allow"] = ", ".join(metode)
                return jawab
            try:
                return view(request, *args, **kwargs)
            except _Galat as g:
                return galat(g.status, g.pesan)

        return bungkus

    return hias


def _pengguna_token(request: HttpRequest) -> AbstractBaseUser | None:
    kepala = request.headers.get("Authorization", "")
    jenis, _, kunci = kepala.partition(" ")
    if jenis.lower() != "bearer" or not kunci.strip():
        return None
    token = (
        ApiToken.objects.select_related("pengguna")
        .filter(kunci=hash_kunci(kunci.strip()), pengguna__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(terakhir_dipakai=timezone.now())
    return token.pengguna


def _butuh_token(view: View) -> View:
    @wraps(view)
    def bungkus(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        pengguna = _pengguna_token(request)
        if pengguna is None:
            jawab = galat(401, "Token tidak ada atau tidak sah.")
            jawab["WWW-Authenticate"] = 'Bearer realm="capaian"'
            return jawab
        request.user = pengguna  # type: ignore[assignment]
        return view(request, *args, **kwargs)

    return bungkus


def _badan(request: HttpRequest) -> dict[str, Any]:
    """The JSON object in the body; floats are read as Decimal so "36.79" stays exact."""
    if not request.body.strip():
        return {}
    try:
        isi = json.loads(request.body, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError):
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            # A plain HTML form: Django has parsed it already.
            return dict(request.POST.items())
        raise _Galat(400, "Badan permintaan bukan JSON yang sah.") from None
    if not isinstance(isi, dict):
        raise _Galat(400, "Badan permintaan harus berupa objek JSON.")
    return isi


def _bilangan_param(request: HttpRequest, nama: str, bawah: int, atas: int) -> int:
    teks = request.GET.get(nama, "").strip()
    if not teks:
        raise _Galat(400, f"Parameter '{nama}' wajib diisi.")
    try:
        nilai = int(teks)
    except ValueError:
        raise _Galat(400, f"Parameter '{nama}' harus bilangan bulat.") from None
    if not bawah <= nilai <= atas:
        raise _Galat(400, f"Parameter '{nama}' harus antara {bawah} dan {atas}.")
    return nilai


def teks_k(k: Decimal | None) -> str | None:
    """The stored value (6 places) without trailing zeros or exponent: 36.790000 -> "36.79", 100 -> "100"."""
    return None if k is None else format(k.normalize(), "f")


def _json_realisasi(baris: Realisasi) -> dict[str, Any]:
    return {"id": baris.pk, "k": teks_k(baris.k), "rp": baris.rp, "versi": baris.versi}


def _baca_k(nilai: object) -> Decimal | None:
    if nilai is None:
        return None
    if isinstance(nilai, str):
        try:
            k = angka.parse_angka(nilai)
        except angka.AngkaError as e:
            raise _Galat(400, f"Nilai k tidak sah: {e}") from None
        if k is None:
            return None
    elif isinstance(nilai, Decimal | int) and not isinstance(nilai, bool):
        k = Decimal(nilai)
    else:
        raise _Galat(400, "Nilai k harus berupa teks angka, angka, atau null.")
    try:
        dibulatkan = k.quantize(Decimal(1).scaleb(-_K_DESIMAL))
    except InvalidOperation:
        raise _Galat(400, "Nilai k terlalu besar.") from None
    if dibulatkan != k:
        raise _Galat(400, f"Nilai k paling banyak {_K_DESIMAL} angka di belakang koma.")
    if len(dibulatkan.as_tuple().digits) > _K_DIGIT:
        raise _Galat(400, "Nilai k terlalu besar.")
    return k


def _baca_rp(nilai: object) -> int | None:
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise _Galat(400, "Nilai rp harus bilangan bulat rupiah atau null.")
    if isinstance(nilai, str):
        try:
            rp = angka.parse_rupiah(nilai)
        except angka.AngkaError as e:
            raise _Galat(400, f"Nilai rp tidak sah: {e}") from None
        if rp is None:
            return None
    elif isinstance(nilai, int):
        rp = nilai
    elif isinstance(nilai, Decimal) and nilai.is_finite() and nilai == nilai.to_integral_value():
        rp = int(nilai)
    else:
        raise _Galat(400, "Nilai rp harus bilangan bulat rupiah atau null.")
    if rp < 0:
        raise _Galat(400, "Nilai rp tidak boleh negatif.")
    if rp > _INT64_MAX:
        raise _Galat(400, "Nilai rp terlalu besar.")
    return rp


# --- POST /api/auth/token ------------------------------------------------------------------------------


@csrf_exempt
@_metode("POST")
def token(request: HttpRequest) -> HttpResponse:
    badan = _badan(request)
    username, password = badan.get("username"), badan.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or not username:
        return galat(400, "Isian 'username' dan 'password' wajib berupa teks.")
    # REMOTE_ADDR, not X-Forwarded-For: a client could forge the header to dodge the lockout. Behind a
    # proxy every client shares the proxy's address, which makes the lockout per username only.
    ip = request.META.get("REMOTE_ADDR", "")[:45]
    sejak = timezone.now() - JENDELA_GAGAL
    gagal = PercobaanMasuk.objects.filter(username=username, ip=ip, waktu__gte=sejak)
    if gagal.count() >= BATAS_GAGAL:
        jawab = galat(429, "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.")
        jawab["Retry-After"] = str(int(JENDELA_GAGAL.total_seconds()))
        return jawab
    pengguna = authenticate(request, username=username, password=password)
    if pengguna is None:
        PercobaanMasuk.objects.create(username=username, ip=ip)
        return galat(401, "Nama pengguna atau kata sandi salah.")
    gagal.delete()
    return JsonResponse({"token": ApiToken.terbitkan(pengguna)})


# --- /api/realisasi ------------------------------------------------------------------------------------


@csrf_exempt
@_metode("GET")
@_butuh_token
def daftar_realisasi(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("pd", "").strip()
    if not slug:
        return galat(400, "Parameter 'pd' wajib diisi.")
    tahun = _bilangan_param(request, "tahun", 2000, 2100)
    triwulan = _bilangan_param(request, "triwulan", 1, 4)
    pd = akses.pd_terlihat(request.user).filter(slug=slug).first()
    if pd is None:
        return galat(404, "Perangkat daerah tidak ditemukan.")
    hasil = [
        {
            "id": baris.pk,
            "kode": baris.indikator.kode,
            "indikator": baris.indikator.uraian,
            "k": teks_k(baris.k),
            "rp": baris.rp,
            "versi": baris.versi,
        }
        for baris in services.pastikan_baris(pd, tahun, triwulan)
    ]
    return JsonResponse(hasil, safe=False)


def _realisasi_terlihat(request: HttpRequest, id_: int) -> Realisasi:
    baris = (
        Realisasi.objects.select_related("indikator__perangkat_daerah")
        .filter(pk=id_, indikator__perangkat_daerah__in=akses.pd_terlihat(request.user))
        .first()
    )
    if baris is None:
        raise _Galat(404, "Baris realisasi tidak ditemukan.")
    return baris


@csrf_exempt
@_metode("PATCH")
@_butuh_token
def ubah_realisasi(request: HttpRequest, id_: int) -> HttpResponse:
    baris = _realisasi_terlihat(request, id_)
    indikator = baris.indikator
    if not akses.boleh_isi_realisasi(request.user, indikator.perangkat_daerah):
        return galat(403, "Peran Anda tidak berhak mengubah realisasi perangkat daerah ini.")
    badan = _badan(request)
    dikenal = {"k", "rp", "versi", "alasan"}
    asing = sorted(set(badan) - dikenal)
    if asing:
        return galat(400, f"Isian tidak dikenal: {', '.join(asing)}.")
    versi = badan.get("versi")
    if not isinstance(versi, int) or isinstance(versi, bool):
        return galat(400, "Isian 'versi' wajib berupa bilangan bulat (versi yang terakhir dibaca).")
    alasan = badan.get("alasan")
    if alasan is not None and not isinstance(alasan, str):
        return galat(400, "Isian 'alasan' harus berupa teks.")
    ubahan: dict[str, Any] = {}
    if "k" in badan:
        ubahan["k"] = _baca_k(badan["k"])
    if "rp" in badan:
        ubahan["rp"] = _baca_rp(badan["rp"])
    try:
        baru = services.simpan_realisasi(
            request.user,
            indikator,
            baris.tahun,
            baris.triwulan,
            versi=versi,
            alasan=(alasan or "").strip() or None,
            **ubahan,
        )
    except akses.AksesDitolak as e:
        return galat(403, str(e))
    except services.TriwulanTertutup as e:
        return galat(423, str(e))
    except services.KonflikVersi as e:
        return galat(
            409,
            "Baris ini sudah diubah orang lain setelah Anda membacanya. "
            "Periksa nilai terkini lalu simpan lagi.",
            terkini=_json_realisasi(e.terkini),
        )
    return JsonResponse(_json_realisasi(baru))


# --- POST /api/triwulan/<pd>/<tahun>/<triwulan>/<aksi> -------------------------------------------------


@csrf_exempt
@_metode("POST")
@_butuh_token
def langkah_triwulan(request: HttpRequest, pd: str, tahun: int, triwulan: int, aksi: str) -> HttpResponse:
    perangkat = akses.pd_terlihat(request.user).filter(slug=pd).first()
    if perangkat is None:
        return galat(404, "Perangkat daerah tidak ditemukan.")
    if aksi not in alur.MENURUT_AKSI:
        return galat(404, f"Langkah '{aksi}' tidak dikenal.")
    badan = _badan(request)
    catatan = badan.get("catatan", badan.get("alasan", badan.get("penjelasan", "")))
    if catatan is None:
        catatan = ""
    if not isinstance(catatan, str):
        return galat(400, "Isian 'catatan' harus berupa teks.")
    try:
        status = pemeriksaan.jalankan_langkah(aksi, request.user, perangkat, tahun, triwulan, catatan)
    except akses.AksesDitolak as e:
        return galat(403, str(e))
    except alur.LangkahTidakSah as e:
        return galat(409, str(e))
    except alur.IsianTidakSah as e:
        return galat(400, str(e))
    return JsonResponse(
        {
            "status": status.status,
            "disetujui_kepala_pada": (
                timezone.localtime(status.disetujui_kepala_pada).isoformat()
                if status.disetujui_kepala_pada
                else None
            ),
        }
    )


# --- GET /api/audit ------------------------------------------------------------------------------------


@csrf_exempt
@_metode("GET")
@_butuh_token
def audit(request: HttpRequest) -> HttpResponse:
    id_ = _bilangan_param(request, "realisasi", 1, _INT64_MAX)
    baris = _realisasi_terlihat(request, id_)
    peristiwa = AuditEvent.objects.filter(objek="realisasi", objek_id=baris.pk).order_by("waktu", "id")
    return JsonResponse(
        [
            {
                "waktu": timezone.localtime(e.waktu).isoformat(),
                "pengguna": e.nama_pengguna,
                "kolom": e.kolom,
                "lama": e.lama,
                "baru": e.baru,
                "alasan": e.alasan,
            }
            for e in peristiwa
        ],
        safe=False,
    )


# --- documentation -------------------------------------------------------------------------------------


@_metode("GET")
def openapi_json(request: HttpRequest) -> HttpResponse:
    return JsonResponse(openapi.DOKUMEN, json_dumps_params={"ensure_ascii": False, "indent": 2})


def _hash_gaya() -> str:
    """The CSP hash of the docs page's one inline <style>, so that the page keeps the site's strict
    same-origin policy (no 'unsafe-inline') while staying a single self-contained file."""
    berkas = Path(__file__).parent / "templates" / "api" / "docs.html"
    cocok = re.search(r"<style>(.*?)</style>", berkas.read_text(encoding="utf-8"), re.DOTALL)
    assert cocok is not None
    intisari = base64.b64encode(hashlib.sha256(cocok[1].encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{intisari}'"


_CSP_DOKUMENTASI = {
    **getattr(settings, "SECURE_CSP", {"default-src": ["'self'"]}),
    "style-src": ["'self'", _hash_gaya()],
}


@_metode("GET")
@csp_override(_CSP_DOKUMENTASI)
def dokumentasi(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", openapi.untuk_halaman())
