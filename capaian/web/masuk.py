"""Logging in and out, with a lockout after repeated failures for one username from one address."""

from datetime import timedelta

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from capaian.web.models import PercobaanMasuk

BATAS_GAGAL = 5
JENDELA = timedelta(minutes=15)

PESAN_SALAH = "Nama pengguna atau kata sandi salah."
PESAN_TERKUNCI = (
    "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari komputer ini. "
    "Silakan coba lagi setelah 15 menit atau hubungi admin."
)


def alamat_klien(request: HttpRequest) -> str:
    # REMOTE_ADDR only: the app is served directly by waitress, and a client-supplied X-Forwarded-For
    # would let anyone pick a fresh "address" per attempt and defeat the lockout.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def _kunci(nama: str) -> str:
    return nama.strip().lower()


def terkunci(nama: str, ip: str) -> bool:
    batas = timezone.now() - JENDELA
    return (
        PercobaanMasuk.objects.filter(nama_pengguna=_kunci(nama), ip=ip, waktu__gte=batas).count()
        >= BATAS_GAGAL
    )


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def masuk(request: HttpRequest) -> HttpResponse:
    lanjut = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(lanjut, allowed_hosts={request.get_host()}):
        lanjut = ""
    if request.method == "GET" and request.user.is_authenticated:
        return redirect(lanjut or "beranda")
    galat = ""
    nama = ""
    status = 200
    if request.method == "POST":
        nama = request.POST.get("username", "").strip()
        sandi = request.POST.get("password", "")
        ip = alamat_klien(request)
        if not nama or not sandi:
            galat, status = "Nama pengguna dan kata sandi wajib diisi.", 400
        elif terkunci(nama, ip):
            # The password is not even checked while locked, so guessing on cannot succeed.
            galat, status = PESAN_TERKUNCI, 429
        else:
            pengguna = authenticate(request, username=nama, password=sandi)
            if pengguna is None:
                PercobaanMasuk.objects.filter(waktu__lt=timezone.now() - JENDELA).delete()
                PercobaanMasuk.objects.create(nama_pengguna=_kunci(nama), ip=ip)
                galat, status = PESAN_SALAH, 401
                if terkunci(nama, ip):
                    galat, status = PESAN_TERKUNCI, 429
            else:
                PercobaanMasuk.objects.filter(nama_pengguna=_kunci(nama), ip=ip).delete()
                login(request, pengguna)  # rotates the session key
                return redirect(lanjut or "beranda")
    return render(request, "web/masuk.html", {"galat": galat, "nama": nama, "lanjut": lanjut}, status=status)


@require_POST
def keluar(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("masuk")
