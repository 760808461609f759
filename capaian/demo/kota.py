"""The demo's city-wide part, called at the end of capaian.demo.muat.muat_demo: the example RPJMD with every
program linked to its Sasaran, and (when asked) the synthetic agencies of the demo city."""

from capaian.demo import kota_sintetis
from capaian.demo.rpjmd import muat_rpjmd, tautkan_semua
from capaian.organisasi.models import Pemda


def muat(pemda: Pemda, jumlah: int, kata_sandi: str, baris: int | None = None) -> tuple[list[str], list[str]]:
    """RPJMD and links always (cheap, idempotent); `jumlah` synthetic agencies on top. (loaded, present)."""
    rpjmd = muat_rpjmd(pemda)
    hasil = kota_sintetis.muat_kota(pemda, jumlah, kata_sandi, baris) if jumlah else ([], [])
    tautkan_semua(pemda, rpjmd)
    return hasil
