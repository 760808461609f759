"""API tokens. Failed sign-ins are counted by django-axes (settings.AXES_*), like the web login's."""

import datetime
import hashlib
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# How stale `terakhir_dipakai` may get: stamping it on every request would make every read-only call a
# write (issue 14), so a token in use is stamped at most once per minute.
SELANG_CAP_PAKAI = datetime.timedelta(minutes=1)
# A user's live tokens beyond this are revoked oldest first when a new one is issued: every sign-in of a
# script makes one, and the table must not grow with every run.
TOKEN_AKTIF_MAKS = 10


def hash_kunci(kunci: str) -> str:
    return hashlib.sha256(kunci.encode("utf-8")).hexdigest()


def umur_token() -> datetime.timedelta:
    return datetime.timedelta(days=settings.CAPAIAN_API_TOKEN_HARI)


class TokenQuerySet(models.QuerySet["ApiToken"]):
    def aktif(self) -> "TokenQuerySet":
        return self.filter(dicabut__isnull=True, kedaluwarsa__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token. Only its sha256 is stored: a leaked database does not leak usable tokens, and a
    256-bit random token needs no slow hash (nothing to brute-force).

    A token is a sign-in and ends like one: at its expiry, when its owner or an admin revokes it, when the
    owner signs out with it (POST /api/auth/keluar), and when the owner's password changes. The last is
    Django's own rule for sessions: the token keeps the user's session hash of the password at issue, and
    a token whose hash no longer matches is refused."""

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token")
    kunci = models.CharField(max_length=64, unique=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)
    kedaluwarsa = models.DateTimeField()
    dicabut = models.DateTimeField(null=True, blank=True)
    sidik_sandi = models.CharField(max_length=128)

    objects = TokenQuerySet.as_manager()

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"

    def __str__(self) -> str:
        return f"Token {self.pengguna} dibuat {timezone.localtime(self.dibuat):%d-%m-%Y %H:%M}"

    @classmethod
    def terbitkan(cls, pengguna: "User") -> str:
        """Create a token for the user and return its plain text, which is shown once and never stored.
        The user's oldest live tokens beyond TOKEN_AKTIF_MAKS - 1 are revoked, expired ones removed."""
        kunci = secrets.token_urlsafe(32)
        sekarang = timezone.now()
        cls.objects.filter(pengguna=pengguna, kedaluwarsa__lte=sekarang).delete()
        lama = list(
            cls.objects.filter(pengguna=pengguna).aktif().order_by("-dibuat").values_list("pk", flat=True)
        )[TOKEN_AKTIF_MAKS - 1 :]
        cls.objects.filter(pk__in=lama).update(dicabut=sekarang)
        cls.objects.create(
            pengguna=pengguna,
            kunci=hash_kunci(kunci),
            kedaluwarsa=sekarang + umur_token(),
            sidik_sandi=pengguna.get_session_auth_hash(),
        )
        return kunci

    @property
    def aktif(self) -> bool:
        return self.dicabut is None and self.kedaluwarsa > timezone.now()

    def cabut(self) -> None:
        if self.dicabut is None:
            self.dicabut = timezone.now()
            ApiToken.objects.filter(pk=self.pk).update(dicabut=self.dicabut)

    def cap_pakai(self) -> None:
        """Record that the token was used, unless that was recorded less than a minute ago."""
        sekarang = timezone.now()
        if self.terakhir_dipakai is None or sekarang - self.terakhir_dipakai >= SELANG_CAP_PAKAI:
            ApiToken.objects.filter(pk=self.pk).update(terakhir_dipakai=sekarang)
            self.terakhir_dipakai = sekarang
