"""Importing a Renja Perubahan from a Form E.81 workbook (`capaian impor FILE --pd SLUG --perubahan
--berlaku-triwulan 3`): the workbook's targets (columns 5 and 7, the quarterly targets from the effective
quarter on) that differ from the murni targets become the perubahan values. Same rules as the ordinary
import: a dry run (`coba`) saves nothing, and with any galat nothing is saved.

Rows are matched to the agency's existing indicators by code and indicator text, in order; a Perubahan
never creates an element or indicator (a new one is planned in the Renja first). A parent's Rupiah is its
children's sum in the perubahan too, so it is never read. A target of a quarter before the effective
quarter that differs from murni is not imported (a peringatan): those quarters were reported against murni.
"""

import datetime
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from capaian.aturan.angka import format_k, format_rupiah
from capaian.aturan.capaian import KRp
from capaian.aturan.periksa import KOLOM_TW, JenisBaris, Sel
from capaian.aturan.versi_target import VersiTarget
from capaian.audit.catat import lewat
from capaian.hasil import simpan as hasil_tersimpan
from capaian.impor.baca import BacaError, baca_e81_kepala
from capaian.impor.impor import Catatan, HasilImpor, Perubahan, boleh_impor
from capaian.laporan.sumber import muat_data
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan import perubahan as layanan
from capaian.perencanaan.models import DasarPerubahan, Indikator

ROMAWI = ("I", "II", "III", "IV")


class _Batal(Exception):
    pass


def _norm(teks: str) -> str:
    return re.sub(r"\s+", " ", teks or "").strip().casefold()


def _k(sel: Sel | None, hasil: HasilImpor) -> tuple[bool, Decimal | None]:
    if sel is None or sel.kosong:
        return sel is not None, None
    if sel.nilai is None:
        hasil.galat.append(Catatan(sel.alamat, f"'{sel.teks}' bukan angka."))
        return False, None
    return True, sel.nilai.normalize()


def _rp(sel: Sel | None, hasil: HasilImpor) -> tuple[bool, int | None]:
    if sel is None or sel.kosong:
        return sel is not None, None
    if sel.nilai is None or sel.nilai != sel.nilai.to_integral_value() or sel.nilai < 0:
        hasil.galat.append(Catatan(sel.alamat, f"'{sel.teks or sel.nilai}' bukan rupiah bulat yang sah."))
        return False, None
    return True, int(sel.nilai)


def impor_perubahan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    berkas_path: str | Path,
    coba: bool,
    *,
    berlaku_triwulan: int,
    tahun: int | None = None,
    dasar_hukum: str | None = None,
    nomor: str = "",
    tanggal: datetime.date | None = None,
) -> HasilImpor:
    akses.wajib(boleh_impor(pengguna, pd), "Anda tidak berhak mengimpor data perangkat daerah ini.")
    hasil = HasilImpor(coba=coba)
    try:
        lembar, kepala = baca_e81_kepala(berkas_path)
    except BacaError as e:
        hasil.galat.append(Catatan(None, e.pesan))
        return hasil
    hasil.lembar = lembar.nama
    hasil.tahun = tahun or kepala.tahun
    hasil.triwulan = berlaku_triwulan
    if hasil.tahun is None:
        hasil.galat.append(
            Catatan(None, "Tahun tidak tertulis di judul lembar; sebutkan tahunnya (--tahun).")
        )
        return hasil
    if berlaku_triwulan not in (2, 3, 4):
        hasil.galat.append(
            Catatan(None, "Perubahan berlaku mulai Triwulan II, III atau IV (--berlaku-triwulan).")
        )
        return hasil
    th = hasil.tahun
    ada = DasarPerubahan.objects.filter(perangkat_daerah=pd, tahun=th).first()
    dasar_hukum = dasar_hukum or (ada.dasar_hukum if ada else "")
    if not dasar_hukum.strip():
        hasil.galat.append(
            Catatan(None, 'Dasar hukum Perubahan belum ada: sebutkan --dasar "Perda ... Perubahan APBD ...".')
        )
    murni = muat_data(pd, th, 4, VersiTarget.MURNI)
    indikator = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
    calon: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, r in enumerate(murni.baris):
        calon[(r.kode or "", _norm(r.indikator))].append(n)
    nilai: layanan.Nilai = {}
    for b in lembar.baris:
        if b.jenis is not JenisBaris.DATA or not b.indikator.strip():
            continue
        daftar = calon.get((b.kode or "", _norm(b.indikator)))
        if not daftar:
            hasil.galat.append(
                Catatan(
                    b.sel_kode or f"'{lembar.nama}'!{b.nomor_baris}",
                    f"Baris {b.nomor_baris} ({b.kode or '-'} '{b.indikator[:50]}') tidak cocok dengan "
                    "indikator yang ada; impor Perubahan tidak membuat indikator baru.",
                )
            )
            continue
        n = daftar.pop(0)
        r, ind = murni.baris[n], indikator[n]
        bagian = [("renstra", "5", r.renstra), ("tahunan", "7", r.target)]
        bagian += [(str(i + 1), f"T{kol}", r.target_tw[i]) for i, kol in enumerate(KOLOM_TW)]
        for nama, kunci, lama in bagian:
            sah_k, k = _k(b.sel.get(f"{kunci}K"), hasil)
            sah_rp, rp = _rp(b.sel.get(f"{kunci}Rp"), hasil)
            baru = KRp(k=k if sah_k and k != lama.k else None, rp=rp if sah_rp and rp != lama.rp else None)
            if r.rp_turunan:
                baru = KRp(k=baru.k)  # the parent's Rupiah is its children's sum
            if baru.k is None and baru.rp is None:
                continue
            label = (
                "target Renstra"
                if nama == "renstra"
                else ("target tahun" if nama == "tahunan" else f"target TW {ROMAWI[int(nama) - 1]}")
            )
            if nama.isdigit() and int(nama) < berlaku_triwulan:
                hasil.peringatan.append(
                    Catatan(
                        b.sel.get(f"{kunci}K", b.sel.get(f"{kunci}Rp", Sel(""))).alamat,
                        f"{label} berbeda dari murni tetapi tidak diimpor: Perubahan berlaku mulai "
                        f"Triwulan {ROMAWI[berlaku_triwulan - 1]}.",
                    )
                )
                continue
            nilai[(ind.pk, nama)] = (baru.k, baru.rp)
            teks = []
            if baru.k is not None:
                teks.append(f"K {format_k(lama.k)} -> {format_k(baru.k)}")
            if baru.rp is not None:
                teks.append(f"Rp {format_rupiah(lama.rp)} -> {format_rupiah(baru.rp)}")
            hasil.perubahan.append(
                Perubahan(
                    "target",
                    f"Perubahan {label} {th} {r.kode or ''} {'; '.join(teks)} (baris {b.nomor_baris})",
                )
            )
    try:
        with transaction.atomic(), lewat("impor"), hasil_tersimpan.sekaligus():
            if dasar_hukum.strip():
                layanan.simpan_perubahan(
                    pengguna,
                    pd,
                    th,
                    berlaku_triwulan=berlaku_triwulan,
                    dasar_hukum=dasar_hukum,
                    nomor=nomor or (ada.nomor if ada else ""),
                    tanggal=tanggal or (ada.tanggal if ada else None),
                    nilai=nilai,
                    ganti_semua=True,
                    alasan=f"Impor Perubahan dari {Path(berkas_path).name}",
                )
            if hasil.galat or coba:
                raise _Batal
    except layanan.PerubahanTidakSah as e:
        hasil.galat.append(Catatan(None, str(e)))
    except _Batal:
        pass
    else:
        hasil.disimpan = True
    return hasil
