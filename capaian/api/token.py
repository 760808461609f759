"""POST /api/auth/token: a username and password for a bearer token, behind the same lockout as the web
login (django-axes, settings.AXES_*)."""

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.http import HttpRequest, HttpResponse, QueryDict
from ninja import Router

from capaian.api import skema
from capaian.api.dasar import Galat
from capaian.api.models import ApiToken
from capaian.web.masuk import PESAN_SALAH, jawaban_terkunci_api, terkunci

router = Router(tags=["token"])


@router.post(
    "/auth/token",
    auth=None,
    response={200: skema.Token, 400: skema.Galat, 401: skema.Galat, 429: skema.Galat},
    summary="Masuk dan mendapatkan token",
    description=(
        "Menukar nama pengguna dan kata sandi dengan token. Token hanya ditampilkan sekali. Setelah "
        f"{settings.AXES_FAILURE_LIMIT} kali gagal untuk nama pengguna (huruf besar/kecil tidak dibedakan) "
        "dan alamat IP yang sama, pasangan itu ditolak dengan 429 selama "
        f"{int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} menit, juga dengan kata sandi yang benar."
    ),
)
def token(request: HttpRequest, badan: skema.MintaToken) -> skema.Token | HttpResponse:
    # django-axes logs the request's form fields of a failed attempt. A JSON body sent with the form content
    # type (curl -d) would parse as a form field named after the whole body, password included.
    request.POST = QueryDict()
    pengguna = authenticate(request, username=badan.username, password=badan.password)
    if terkunci(request):
        return jawaban_terkunci_api()
    if pengguna is None:
        raise Galat(401, PESAN_SALAH)
    # A token is a sign-in: Django stamps last_login and axes clears the pair's failures on this signal.
    user_logged_in.send(sender=type(pengguna), request=request, user=pengguna)
    return skema.Token(token=ApiToken.terbitkan(pengguna))
