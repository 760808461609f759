"""Every change audited, by one mechanism (issue 9, item 4).

The test walks every model of the apps that hold plan, realisation or their master data (django.apps), so a
new model fails here until each way of changing it is listed in CARA (or in TANPA_JEJAK with the reason it
holds no such data). Each way is then run through its door and must write an audit event naming who, the
door, the object with its agency, and for a change the field with old and new value."""

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse

from capaian.api.models import ApiToken
from capaian.aturan.periksa_data import kunci_galat
from capaian.audit.models import AuditEvent
from capaian.impor.impor import impor_berkas
from capaian.kota import services as kota
from capaian.kota.pengingat import kirim_pengingat
from capaian.laporan.pemeriksaan import (
    jalankan_langkah,
    jelaskan_galat,
    periksa_triwulan,
    putuskan_penjelasan,
)
from capaian.monev import alur, periode, services
from capaian.monev.models import Realisasi
from capaian.organisasi.models import Pemda, PerangkatDaerah
from capaian.perencanaan import perubahan, tahun_baru
from capaian.perencanaan import services as rencana
from capaian.perencanaan.models import Indikator, PeriodeRenstra
from capaian.rpjmd import services as rpjmd
from capaian.rpjmd.models import IndikatorSasaranRPJMD
from capaian.web import layanan_bukti
from capaian.web.admin import situs_admin
from capaian.web.models import BuktiDukung
from tests.bantu_admin import data_ubah, nama_inline
from tests.conftest import PD, TAHUN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

APLIKASI = ("organisasi", "perencanaan", "monev", "rpjmd", "kota", "web", "laporan")

# Models of those apps that hold no plan, realisation or master data, and why.
TANPA_JEJAK = {
    "laporan.paketkota": "a request for a download (who asked, until when), not data of the plan",
}


@dataclass
class Konteks:
    tmp: Path

    def u(self, nama: str) -> User:
        return User.objects.get(username=nama)

    def klien(self, nama: str) -> Client:
        k = Client()
        k.force_login(self.u(nama))
        return k

    @property
    def pd(self) -> PerangkatDaerah:
        return PerangkatDaerah.objects.get(slug=PD)

    def indikator(self) -> Indikator:
        return (
            Indikator.objects.filter(perangkat_daerah__slug=PD, tingkat="subkegiatan", rumus="")
            .order_by("urutan")
            .first()
        )  # type: ignore[return-value]


@dataclass(frozen=True)
class Harapan:
    objek: str
    pintu: str
    pengguna: str  # who, or several separated by commas (a workflow takes operator and verifikator)


Cara = Callable[[Konteks], Harapan]


# --- the admin door, for every model it edits -------------------------------------------------------------

PILIHAN_TEKS = ("uraian", "nama", "jabatan", "satuan", "dasar_hukum", "keterangan", "faktor_pendorong")


def _admin_ubah(model: type[models.Model]) -> Cara:
    def cara(k: Konteks) -> Harapan:
        admin = k.klien("admin")
        if not model._default_manager.exists() and model._meta.label_lower == "organisasi.setpredikatpemda":
            # The demo uses the built-in bands; a pemda's own set to edit.
            model._default_manager.create(
                pemda=Pemda.objects.get(),
                kode="tiga",
                nama="Tiga tingkat",
                aturan="atas-inklusif",
                ambang="60; 80",
                label="Rendah\nSedang\nTinggi",
            )
        if model._meta.label_lower == "organisasi.ambangperingatandini":
            # The demo keeps the default thresholds: the pemda's own row to edit.
            model._default_manager.get_or_create(pemda=Pemda.objects.get())
        if model._meta.label_lower == "organisasi.profil":
            obj: models.Model = model._default_manager.get(pengguna__username="pimpinan")
        else:
            obj = model._default_manager.order_by("-pk").first()  # type: ignore[assignment]
        assert obj is not None, f"{model._meta.label}: tidak ada contoh di demo"
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        data = data_ubah(admin, url)
        form = admin.get(url).context["adminform"].form
        teks = [
            n
            for n, f in form.fields.items()
            if type(f) is forms.CharField and not f.disabled and n in PILIHAN_TEKS
        ]
        desimal = [n for n, f in form.fields.items() if isinstance(f, forms.DecimalField)]
        pilihan = [n for n, f in form.fields.items() if isinstance(f, forms.TypedChoiceField)]
        rujukan = [n for n, f in form.fields.items() if isinstance(f, forms.ModelChoiceField)]
        if teks:
            data[teks[0]] = f"{data[teks[0]]} (diubah)"
        elif desimal:
            # The lower bound of the early warning ("perhatian") may fall; it never passes the upper one.
            data[desimal[-1 if model._meta.label_lower == "organisasi.ambangperingatandini" else 0]] = "7.5"
        elif pilihan:
            n = pilihan[0]
            data[n] = next(v for v, _ in form.fields[n].choices if v and str(v) != str(data[n]))
        elif "tahun_akhir" in form.fields:
            data["tahun_akhir"] = int(data["tahun_akhir"]) + 1
        else:
            n = rujukan[-1]
            data[n] = form.fields[n].queryset.exclude(pk=data[n]).first().pk
        r = admin.post(url, data)
        salah = r.context["adminform"].form.errors if r.context else r
        assert r.status_code == 302, (model._meta.label, salah)
        return Harapan(model._meta.model_name or "", "admin", "admin")

    return cara


def _admin_inline(k: Konteks) -> Harapan:
    admin = k.klien("admin")
    ind = k.indikator()
    url = f"/admin/perencanaan/indikator/{ind.pk}/change/"
    data = data_ubah(admin, url)
    awalan, _ = nama_inline(admin, url, "targettriwulan")[0]
    data[f"{awalan}-k"] = "123.5"
    assert admin.post(url, data).status_code == 302
    return Harapan("targettriwulan", "admin", "admin")


def _admin_hapus(k: Konteks) -> Harapan:
    admin = k.klien("admin")
    tujuan = PeriodeRenstra.objects.get(perangkat_daerah__slug="dinas-contoh").tujuan.order_by("-pk").first()
    assert tujuan is not None
    r = admin.post(f"/admin/perencanaan/tujuan/{tujuan.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    return Harapan("tujuan", "admin", "admin")


# --- the other doors ------------------------------------------------------------------------------------


def _web_realisasi(k: Konteks) -> Harapan:
    from tests.monev.test_beku import _form_isian

    op = k.klien("operator-disperindag")
    data = _form_isian(op, 2)
    data[f"k-{k.indikator().pk}"] = "41,5"
    assert op.post(f"/pd/{PD}/{TAHUN}/2/", data).status_code == 302
    return Harapan("realisasi", "web", "operator-disperindag")


def _api_realisasi(k: Konteks) -> Harapan:
    ind = k.indikator()
    api = Client(headers={"Authorization": f"Bearer {ApiToken.terbitkan(k.u('operator-disperindag'))}"})
    baris = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=2).first()
    r = api.patch(
        f"/api/indikator/{ind.pk}/realisasi/{TAHUN}/2",
        {"k": "42", "versi": baris.versi if baris else 0},
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    return Harapan("realisasi", "api", "operator-disperindag")


def _templat(k: Konteks, kolom: str, nilai: object) -> Path:
    path = k.tmp / f"t-{kolom}.xlsx"
    call_command("templat", pd=PD, tahun=TAHUN, triwulan=2, keluar=str(path), stdout=io.StringIO())
    wb = openpyxl.load_workbook(path)
    ws = wb["E.81"]
    kode = k.indikator().kode
    baris = next(r for r in range(9, ws.max_row + 1) if ws.cell(r, 2).value == kode)
    ws[f"{kolom}{baris}"] = nilai
    wb.save(path)
    return path


def _impor_realisasi(k: Konteks) -> Harapan:
    hasil = impor_berkas(k.u("operator-disperindag"), k.pd, _templat(k, "R", 43), coba=False)
    assert hasil.disimpan and hasil.perubahan, hasil.galat
    return Harapan("realisasi", "impor", "operator-disperindag")


def _cli_target(k: Konteks) -> Harapan:
    path = _templat(k, "J", 77)
    call_command("impor", str(path), pd=PD, oleh="admin", stdout=io.StringIO(), stderr=io.StringIO())
    return Harapan("target_tahunan", "impor", "admin")


def _layanan(objek: str, fungsi: Callable[[Konteks], object], oleh: str = "sistem") -> Cara:
    def cara(k: Konteks) -> Harapan:
        fungsi(k)
        return Harapan(objek, "cli", oleh)

    return cara


def _pengingat(k: Konteks) -> None:
    User.objects.filter(username="operator-disperindag").update(email="op@capaian-demo.invalid")
    hasil = kirim_pengingat(k.u("verifikator"), Pemda.objects.get(), TAHUN, 2, "http://tes")
    assert hasil.terkirim, hasil


def _kunci_galat(k: Konteks) -> str:
    return kunci_galat(periksa_triwulan(k.pd, TAHUN, 2))[0]


def _jelaskan(k: Konteks) -> None:
    jelaskan_galat(k.u("operator-disperindag"), k.pd, TAHUN, 2, _kunci_galat(k), "Sesuai DPA perubahan.")


def _tolak(k: Konteks) -> None:
    _jelaskan(k)
    putuskan_penjelasan(k.u("verifikator"), k.pd, TAHUN, 2, _kunci_galat(k), terima=False, alasan="Bukti?")


def _komentar(k: Konteks) -> None:
    jalankan_langkah("ajukan", k.u("operator-disperindag"), k.pd, TAHUN, 2)
    komentar = {k.indikator().pk: "Lampirkan SP2D."}
    jalankan_langkah("kembalikan", k.u("verifikator"), k.pd, TAHUN, 2, "Perbaiki", komentar=komentar)


def _renstra(k: Konteks) -> PeriodeRenstra:
    return PeriodeRenstra.objects.get(perangkat_daerah=k.pd)


def _kunci(k: Konteks) -> None:
    op, vf = k.u("operator-disperindag"), k.u("verifikator")
    jalankan_langkah("ajukan", op, k.pd, TAHUN, 2)
    jalankan_langkah("setujui", k.u("kepala-disperindag"), k.pd, TAHUN, 2)
    jalankan_langkah("verifikasi", vf, k.pd, TAHUN, 2)
    jalankan_langkah("kunci", vf, k.pd, TAHUN, 2)


def _bukti(k: Konteks) -> None:
    pdf = SimpleUploadedFile("b.pdf", b"%PDF-1.4 b", content_type="application/pdf")
    ind = Indikator.objects.filter(perangkat_daerah=k.pd).first()
    bukti = layanan_bukti.unggah(k.u("operator-disperindag"), k.pd, TAHUN, 2, pdf, "bukti", ind)
    layanan_bukti.hapus(k.u("operator-disperindag"), bukti, "salah berkas")


def _web_bukti(k: Konteks) -> Harapan:
    op = k.klien("operator-disperindag")
    pdf = SimpleUploadedFile("w.pdf", b"%PDF-1.4 w", content_type="application/pdf")
    ind = Indikator.objects.filter(perangkat_daerah=k.pd).first()
    assert ind is not None
    op.post(f"/pd/{PD}/{TAHUN}/2/bukti/", {"berkas": pdf, "indikator": ind.pk})
    bukti = BuktiDukung.objects.get(nama_asli="w.pdf")
    op.post(f"/pd/{PD}/{TAHUN}/2/bukti/{bukti.pk}/hapus/", {"alasan": "salah"})
    assert not BuktiDukung.objects.filter(pk=bukti.pk).exists()
    return Harapan("bukti", "web", "operator-disperindag")


def _perubahan(k: Konteks) -> None:
    ind = k.indikator()
    perubahan.simpan_perubahan(
        None,
        k.pd,
        TAHUN,
        berlaku_triwulan=3,
        dasar_hukum="Perda APBD Perubahan 2024",
        nilai={(ind.pk, "3"): (None, 1_000_000)},
    )


def _koreksi_kolom_6(k: Konteks) -> None:
    # Column 6 of a year after a stored one is derived; the next year's is then corrected.
    tahun_baru.mulai_tahun(None, k.pd, TAHUN + 1)
    tahun_baru.koreksi_kolom_6(None, k.indikator(), TAHUN + 1, Decimal(3), None, "nomenklatur berubah")


def _target_renstra_tahunan(k: Konteks) -> None:
    tahun_baru.simpan_target_renstra_tahunan(None, k.indikator(), {2025: (Decimal(11), None)})


# Each model's ways of changing it, besides the admin (added below for every model the admin edits).
CARA: dict[str, list[Cara]] = {
    "perencanaan.dasarperubahan": [_layanan("dasar_perubahan", _perubahan)],
    "perencanaan.perubahantarget": [_layanan("perubahan_target", _perubahan)],
    "perencanaan.koreksikolom6": [_layanan("koreksi_kolom_6", _koreksi_kolom_6)],
    "perencanaan.targetrenstratahunan": [_layanan("target_renstra_tahunan", _target_renstra_tahunan)],
    "perencanaan.tahunrenja": [
        _layanan("tahun_renja", lambda k: tahun_baru.mulai_tahun(None, k.pd, TAHUN + 1))
    ],
    "perencanaan.tujuan": [
        _layanan("tujuan", lambda k: rencana.buat_tujuan(None, _renstra(k), "T")),
        _admin_hapus,
    ],
    "perencanaan.sasaran": [
        _layanan("sasaran", lambda k: rencana.buat_sasaran(None, _renstra(k).tujuan.first(), "S"))
    ],
    "perencanaan.program": [_layanan("program", lambda k: rencana.buat_program(None, k.pd, "9.99.01", "P"))],
    "perencanaan.kegiatan": [
        _layanan(
            "kegiatan",
            lambda k: rencana.buat_kegiatan(None, k.pd.program.first(), "9.99.01.2.01", "K"),  # type: ignore[arg-type]
        )
    ],
    "perencanaan.subkegiatan": [
        _layanan(
            "subkegiatan",
            lambda k: rencana.buat_subkegiatan(
                None,
                k.indikator().subkegiatan.kegiatan,
                "9.99.01.2.01.0001",
                "S",  # type: ignore[union-attr]
            ),
        )
    ],
    "perencanaan.indikator": [
        _layanan("indikator", lambda k: rencana.ubah_indikator(None, k.indikator(), satuan="unit")),
        _layanan(
            "indikator",
            lambda k: rencana.urutkan_indikator(
                None, k.pd, list(reversed(Indikator.objects.filter(perangkat_daerah=k.pd)))
            ),
        ),
    ],
    "perencanaan.targettahunan": [
        _layanan(
            "target_tahunan",
            lambda k: rencana.simpan_target_tahunan(None, k.indikator(), TAHUN, target_k=Decimal(9)),
        ),
        _cli_target,
    ],
    "perencanaan.targettriwulan": [
        _layanan(
            "target_triwulan",
            lambda k: rencana.simpan_target_triwulan(None, k.indikator(), TAHUN, 3, k=Decimal(9)),
        ),
        _admin_inline,
    ],
    "monev.realisasi": [
        _layanan(
            "realisasi", lambda k: services.simpan_realisasi(None, k.indikator(), TAHUN, 2, k=Decimal(5))
        ),
        _web_realisasi,
        _api_realisasi,
        _impor_realisasi,
    ],
    "monev.catatantriwulan": [
        _layanan("catatan", lambda k: services.simpan_catatan(None, k.pd, TAHUN, 2, rekomendasi="r"))
    ],
    "monev.catatancakupan": [
        _layanan(
            "catatan_cakupan",
            lambda k: services.simpan_catatan_cakupan(
                None, k.pd, TAHUN, 2, bidang="3.31", teks={"kendala": "Hujan."}
            ),
        ),
        _layanan(
            "catatan_cakupan",
            lambda k: services.simpan_catatan_cakupan(
                None, k.pd, TAHUN, 2, program=k.pd.program.get(kode="3.30.05"), teks={"solusi": "Pameran."}
            ),
        ),
    ],
    "monev.statustriwulan": [
        _layanan("triwulan", _kunci, "verifikator,operator-disperindag,kepala-disperindag")
    ],
    "monev.penjelasangalat": [
        _layanan("penjelasan_galat", _jelaskan, "operator-disperindag"),
        _layanan("penjelasan_galat", _tolak, "operator-disperindag,verifikator"),
    ],
    "monev.komentarbaris": [_layanan("komentar_baris", _komentar, "verifikator")],
    "monev.perpanjanganperiode": [
        _layanan(
            "perpanjangan",
            lambda k: periode.perpanjang(
                k.u("verifikator"), k.pd, TAHUN, 3, datetime.date(2099, 1, 1), "Banjir di kantor dinas"
            ),
            "verifikator",
        )
    ],
    "monev.periodetriwulan": [
        _layanan(
            "periode",
            lambda k: alur.atur_periode(
                k.u("verifikator"),
                Pemda.objects.get(),
                TAHUN,
                3,
                datetime.date(2024, 10, 1),
                datetime.date(2024, 10, 15),
            ),
            "verifikator",
        )
    ],
    "laporan.arsippaket": [_layanan("arsip_paket", _kunci, "verifikator")],
    "web.buktidukung": [_layanan("bukti", _bukti, "operator-disperindag"), _web_bukti],
    "kota.catatankota": [
        _layanan(
            "catatan_kota",
            lambda k: kota.simpan_catatan_kota(
                k.u("verifikator"), Pemda.objects.get(), TAHUN, 2, faktor_pendorong="kota"
            ),
            "verifikator",
        )
    ],
    "kota.pengingat": [_layanan("pengingat", lambda k: _pengingat(k), "verifikator")],
    "rpjmd.targetsasaranrpjmd": [
        _layanan(
            "target_sasaran_rpjmd",
            lambda k: rpjmd.simpan_target(
                None, IndikatorSasaranRPJMD.objects.order_by("pk").first(), 2025, Decimal("12.5")
            ),
        )
    ],
}


def _model_tercakup() -> list[str]:
    return sorted(
        m._meta.label_lower
        for nama in APLIKASI
        for m in apps.get_app_config(nama).get_models()
        if m._meta.label_lower not in TANPA_JEJAK
    )


def _diubah_admin(model: type[models.Model]) -> bool:
    """Registered, and not made read-only by its own admin class (the reminders' record)."""
    admin = situs_admin._registry.get(model)
    return admin is not None and "has_change_permission" not in type(admin).__dict__


def semua_cara() -> list[tuple[str, Cara]]:
    hasil = []
    for label in _model_tercakup():
        model = apps.get_model(label)
        for cara in CARA.get(label, []):
            hasil.append((label, cara))
        if _diubah_admin(model):
            hasil.append((label, _admin_ubah(model)))
    return hasil


def test_setiap_model_punya_cara_yang_diuji() -> None:
    """A model that holds data and has no audited way of changing it listed here fails."""
    dengan_cara = {label for label, _ in semua_cara()}
    assert [m for m in _model_tercakup() if m not in dengan_cara] == []
    assert set(CARA) <= set(_model_tercakup())


@pytest.mark.parametrize(
    ("label", "cara"), semua_cara(), ids=lambda x: x if isinstance(x, str) else getattr(x, "__name__", "")
)
def test_setiap_cara_menulis_jejak(label: str, cara: Cara, tmp_path: Path, settings: object) -> None:
    setattr(settings, "DATA_DIR", tmp_path)  # noqa: B010
    awal = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    harapan = cara(Konteks(tmp_path))
    jejak = list(AuditEvent.objects.filter(id__gt=awal, objek=harapan.objek))
    assert jejak, f"{label}: tidak ada jejak {harapan.objek}"
    for e in jejak:
        assert e.nama_pengguna in harapan.pengguna.split(","), (label, e.__dict__)
        assert e.pintu == harapan.pintu, (label, e.__dict__)
        if e.aksi == "ubah":
            assert e.kolom and e.lama != e.baru, (label, e.__dict__)
        if harapan.objek in ("realisasi", "target_tahunan", "target_triwulan", "indikator", "bukti"):
            assert e.perangkat_daerah is not None, (label, e.__dict__)
