"""API tokens. Failed sign-ins are counted by django-axes (settings.AXES_*), like the web login's."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

# How stale `terakhir_dipakai` may get: stamping it on every request would make every read-only call a
# write (issue 14), so a token in use is stamped at most once per minute.
SELANG_CAP_PAKAI = datetime.timedelta(minutes=1)


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

    def cap_pakai(self) -> None:
        """Record that the token was used, unless that was recorded less than a minute ago."""
        sekarang = timezone.now()
        if self.terakhir_dipakai is None or sekarang - self.terakhir_dipakai >= SELANG_CAP_PAKAI:
            ApiToken.objects.filter(pk=self.pk).update(terakhir_dipakai=sekarang)
            self.terakhir_dipakai = sekarang
