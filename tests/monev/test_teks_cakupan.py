"""Issue 12 item 3: the quarter's texts kept per agency, per bidang urusan and per program, changed by the one
service with its permission and state checks, refused when the quarter is locked, audited."""

import pytest
from django.contrib.auth.models import User

from capaian.audit.models import AuditEvent
from capaian.laporan.pemeriksaan import jalankan_langkah
from capaian.laporan.sumber import muat_data
from capaian.monev import beku, services
from capaian.monev.models import Cakupan, CatatanCakupan
from capaian.monev.teks import daftar_cakupan
from capaian.organisasi.akses import AksesDitolak
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Program
from tests.conftest import PD, TAHUN, terima_penjelasan_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

TW = 2


def _pd() -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=PD)


def _u(nama: str) -> User:
    return User.objects.get(username=nama)


def test_teks_per_bidang_dan_program_terpisah_dari_teks_perangkat_daerah() -> None:
    pd = _pd()
    op = _u("operator-disperindag")
    ekspor = Program.objects.get(perangkat_daerah=pd, kode="3.30.05")
    services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.31", teks={"kendala": "Hujan.\nBanjir."})
    services.simpan_catatan_cakupan(
        op, pd, TAHUN, TW, program=ekspor, teks={"faktor_penghambat": "Pameran batal."}
    )
    data = muat_data(pd, TAHUN, TW)
    assert {t.kode: t.kendala for t in data.teks_bidang}["3.31"] == "Hujan.\nBanjir."
    assert {t.kode: t.faktor_penghambat for t in data.teks_program}["3.30.05"] == "Pameran batal."
    # The agency's own texts are not touched, and another quarter has none of them.
    assert data.faktor_penghambat.startswith("Para pedagang yang tidak kooperatif")
    assert "Hujan." not in data.kendala
    assert muat_data(pd, TAHUN, 1).teks_bidang == ()
    # Audited with the scope in the field's name.
    jejak = AuditEvent.objects.filter(objek="catatan_cakupan", nama_pengguna="operator-disperindag")
    assert set(jejak.values_list("kolom", flat=True)) == {
        "bidang 3.31: kendala",
        "program 3.30.05: faktor_penghambat",
    }
    e = jejak.get(kolom="bidang 3.31: kendala")
    assert e.baru == "Hujan.\nBanjir." and e.perangkat_daerah == pd


def test_versi_dan_tidak_berubah_tanpa_jejak() -> None:
    pd = _pd()
    op = _u("operator-disperindag")
    c = services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.30", teks={"solusi": "A."})
    versi = c.versi
    sebelum = AuditEvent.objects.count()
    services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.30", teks={"solusi": "A."})
    assert AuditEvent.objects.count() == sebelum
    with pytest.raises(services.KonflikVersiCatatan):
        services.simpan_catatan_cakupan(op, pd, TAHUN, TW, versi - 1, bidang="3.30", teks={"solusi": "B."})
    assert CatatanCakupan.objects.get(pk=c.pk).solusi == "A."


def test_cakupan_yang_bukan_milik_perangkat_daerah_ditolak() -> None:
    pd = _pd()
    op = _u("operator-disperindag")
    lain = Program.objects.filter(perangkat_daerah__slug="dinas-contoh").first()
    assert lain is not None
    with pytest.raises(services.TeksTidakSah, match="bukan milik"):
        services.simpan_catatan_cakupan(op, pd, TAHUN, TW, program=lain, teks={"kendala": "x"})
    with pytest.raises(services.TeksTidakSah, match="Bidang 1.01"):
        services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="1.01", teks={"kendala": "x"})
    with pytest.raises(services.TeksTidakSah):
        services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.31", teks={"penandatangan": "x"})
    # Control characters are cleaned as on the agency's texts (capaian.aturan.teks): NUL goes, a vertical
    # tab (Word's manual line break) becomes a line break.
    c = services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.31", teks={"kendala": "a\x00b\x0bc"})
    assert c.kendala == "ab\nc"
    assert not CatatanCakupan.objects.filter(perangkat_daerah=pd, kode_bidang="1.01").exists()


@pytest.mark.parametrize(
    "nama", ["verifikator", "kepala-disperindag", "pimpinan", "operator-contoh", "admin"]
)
def test_hanya_operator_perangkat_daerah(nama: str) -> None:
    with pytest.raises(AksesDitolak):
        services.simpan_catatan_cakupan(_u(nama), _pd(), TAHUN, TW, bidang="3.31", teks={"kendala": "x"})


def test_beku_setelah_dikunci() -> None:
    pd = _pd()
    op, vf = _u("operator-disperindag"), _u("verifikator")
    terima_penjelasan_demo()
    jalankan_langkah("ajukan", op, pd, TAHUN, TW)
    # Submitted: closed for the operator, and for the system too.
    with pytest.raises(services.TriwulanTertutup):
        services.simpan_catatan_cakupan(op, pd, TAHUN, TW, bidang="3.31", teks={"kendala": "x"})
    jalankan_langkah("setujui", _u("kepala-disperindag"), pd, TAHUN, TW)  # the head approves first
    jalankan_langkah("verifikasi", vf, pd, TAHUN, TW)
    jalankan_langkah("kunci", vf, pd, TAHUN, TW)
    ekspor = Program.objects.get(perangkat_daerah=pd, kode="3.30.05")
    # Locked: refused for everyone, the system (demo loader, a migration) too.
    with pytest.raises(services.TriwulanTertutup, match="Terkunci"):
        services.simpan_catatan_cakupan(None, pd, TAHUN, TW, program=ekspor, teks={"kendala": "x"})
    assert not CatatanCakupan.objects.filter(program=ekspor).exists()
    assert beku.cakupan_objek(CatatanCakupan.objects.filter(perangkat_daerah=pd).first()) == beku.triwulan(
        pd, TAHUN, TW
    )


def test_daftar_cakupan_urut_seperti_narasi() -> None:
    cakupan = daftar_cakupan(_pd(), TAHUN, TW)
    assert [(c.jenis, c.kode) for c in cakupan if c.jenis == Cakupan.BIDANG] == [
        ("bidang", "3.31"),
        ("bidang", "3.30"),
    ]
    assert [c.kode for c in cakupan if c.jenis == Cakupan.PROGRAM] == [
        "3.30.01",
        "3.30.02",
        "3.30.03",
        "3.30.04",
        "3.30.05",
        "3.30.06",
        "3.31.02",
    ]
