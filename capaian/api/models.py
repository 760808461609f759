"""API tokens and failed sign-in attempts."""

import hashlib
import secrets

from django.conf import settings
from django.db import models


def hash_kunci(kunci: str) -> str:
    return hashlib.sha256(kunci.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A bearer token. Only its sha256 is stored: a leaked database does not leak usable tokens, and a
    256-bit random token needs no slow hash (nothing to brute-force)."""

    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token")
    kunci = models.CharField(max_length=64, unique=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"

    @classmethod
    def terbitkan(cls, pengguna: models.Model) -> str:
        """Create a token for the user and return its plain text, which is shown once and never stored."""
        kunci = secrets.token_urlsafe(32)
        cls.objects.create(pengguna=pengguna, kunci=hash_kunci(kunci))
        return kunci


class PercobaanMasuk(models.Model):
    """A failed POST /api/auth/token, counted per username and IP for the lockout."""

    username = models.CharField(max_length=150)
    ip = models.CharField(max_length=45)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["username", "ip", "waktu"])]
