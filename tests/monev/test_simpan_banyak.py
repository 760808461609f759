"""services.simpan_realisasi_banyak, the entry form's save: many rows of one agency-quarter with the quarter's
state checked once. It must refuse what simpan_realisasi refuses, answer a row's own refusal in its place,
and write nothing of a refused row."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from capaian.audit.models import AuditEvent
from capaian.monev import services
from capaian.monev.models import Realisasi, Status, StatusTriwulan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator
from tests.conftest import OPERATOR, OPERATOR_CONTOH, PD, PD_CONTOH, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
TW = 3


def _baris(slug: str, n: int) -> list[Indikator]:
    pd = PerangkatDaerah.objects.get(slug=slug)
    daftar = list(Indikator.objects.filter(perangkat_daerah=pd, rumus="").order_by("urutan")[:n])
    for ind in daftar:
        ind.perangkat_daerah = pd
    return daftar


def _k(ind: Indikator) -> Decimal | None:
    r = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=TW).first()
    return r.k if r else None


def test_baris_disimpan_diaudit_dan_konflik_dijawab_di_tempatnya() -> None:
    operator = User.objects.get(username=OPERATOR)
    a, b, c = _baris(PD, 3)
    services.simpan_realisasi(operator, b, TAHUN, TW, k=Decimal(1))
    basi = Realisasi.objects.get(indikator=b, tahun=TAHUN, triwulan=TW).versi - 1  # read before that save
    jawaban = services.simpan_realisasi_banyak(
        operator,
        a.perangkat_daerah,
        TAHUN,
        TW,
        [
            services.UbahBaris(a, None, {"k": Decimal(7)}),
            services.UbahBaris(b, basi, {"k": Decimal(8)}),
            services.UbahBaris(c, None, {"belum_ada_data": ""}),
        ],
    )
    assert jawaban[0] is None and jawaban[2] is None
    assert isinstance(jawaban[1], services.KonflikVersi) and jawaban[1].terkini.k == Decimal(1)
    assert (_k(a), _k(b)) == (Decimal(7), Decimal(1))  # the conflicting row keeps the other's value
    assert AuditEvent.objects.filter(objek="realisasi", baru="7", pengguna=operator).exists()
    assert not AuditEvent.objects.filter(objek="realisasi", baru="8").exists()


def test_menolak_yang_ditolak_simpan_realisasi_tanpa_menulis() -> None:
    a, b = _baris(PD, 2)
    (lain,) = _baris(PD_CONTOH, 1)
    ubah = [services.UbahBaris(a, None, {"k": Decimal(5)}), services.UbahBaris(b, None, {"k": Decimal(6)})]
    pd = a.perangkat_daerah
    # Another agency's operator.
    with pytest.raises(AksesDitolak):
        services.simpan_realisasi_banyak(User.objects.get(username=OPERATOR_CONTOH), pd, TAHUN, TW, ubah)
    # A row of another agency among this agency's rows.
    with pytest.raises(ValueError, match="perangkat daerah yang sama"):
        services.simpan_realisasi_banyak(
            User.objects.get(username=OPERATOR), pd, TAHUN, TW, [*ubah, services.UbahBaris(lain, None, {})]
        )
    # A quarter no longer open.
    StatusTriwulan.objects.update_or_create(
        perangkat_daerah=pd, tahun=TAHUN, triwulan=TW, defaults={"status": Status.DIVERIFIKASI}
    )
    with pytest.raises(services.TriwulanTertutup):
        services.simpan_realisasi_banyak(User.objects.get(username=OPERATOR), pd, TAHUN, TW, ubah)
    assert (_k(a), _k(b)) == (None, None)
