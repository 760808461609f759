"""The only way realisations and quarter texts change. Each function is one transaction that re-reads the
row with a lock, checks permission and state, saves, and writes the audit trail.

`pengguna=None` is the system itself (the demo loader, a migration); every person passes their user. The
system passes the permission checks but obeys the same state rules: the quarter's status and
`capaian.monev.beku` (nothing reaches a verified or locked quarter). Only the entry window binds people
alone: it is a deadline for the agency, and the demo loads quarters whose windows are long closed.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Final, cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from capaian.aturan.bidang import LAIN_LAIN, bidang_per_program
from capaian.aturan.masukan import periksa_tanda
from capaian.aturan.teks import bersihkan_teks
from capaian.audit.catat import catat
from capaian.audit.catat import teks_audit as _teks
from capaian.hasil import simpan as hasil
from capaian.laporan.data import NAMA_TEKS
from capaian.monev import beku, periode
from capaian.monev.beku import TriwulanTertutup as TriwulanTertutup
from capaian.monev.models import (
    Cakupan,
    CatatanCakupan,
    CatatanTriwulan,
    Realisasi,
    StatusTriwulan,
)
from capaian.organisasi import akses
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator, Program


class _TidakDiubah:
    """Marks an argument that was not given, as distinct from None (which clears a value)."""


TETAP: Final = _TidakDiubah()


class TandaTidakSah(ValueError):
    """A "belum ada data" mark that cannot be saved (no reason, or on a row whose K and Rp are entered)."""


PANJANG_ALASAN = 500


def _teks_tanda(nilai: str | None) -> str:
    """The reason of a "belum ada data" mark, checked; "" or None clears the mark."""
    teks = " ".join(bersihkan_teks(nilai or "").split())
    if len(teks) > PANJANG_ALASAN:
        raise TandaTidakSah(f"Alasan 'belum ada data' paling panjang {PANJANG_ALASAN} karakter.")
    if "\x00" in teks:
        raise TandaTidakSah("Alasan tidak boleh berisi karakter NUL.")
    return teks


@dataclass
class KonflikVersi(Exception):
    """Someone else saved the row after the caller read it: the caller sees their value."""

    terkini: Realisasi


@dataclass
class KonflikVersiCatatan(Exception):
    """Someone else saved the quarter's texts after the caller read them: the caller sees theirs."""

    terkini: "CatatanTriwulan | CatatanCakupan"


def periksa_periode(pd: PerangkatDaerah, tahun: int, triwulan: int) -> None:
    """Raise TriwulanTertutup when today is outside the agency's entry window of the quarter, or the quarter
    has none yet (capaian.monev.periode: closed until the verifikator opens it)."""
    periode.wajib_terbuka(pd, tahun, triwulan)


def pastikan_baris(pd: PerangkatDaerah, tahun: int, triwulan: int) -> QuerySet[Realisasi]:
    """The quarter's realisation rows of every indicator of the agency, creating the missing empty ones.

    Creating an empty row changes no value, so nothing is audited; the rows exist so that a client can
    address each one by id and carry its `versi`. ignore_conflicts makes two concurrent readers safe.
    """
    with transaction.atomic():
        ada = set(
            Realisasi.objects.filter(
                indikator__perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
            ).values_list("indikator_id", flat=True)
        )
        baru = [
            Realisasi(indikator_id=indikator_id, tahun=tahun, triwulan=triwulan)
            for indikator_id in Indikator.objects.filter(perangkat_daerah=pd).values_list("pk", flat=True)
            if indikator_id not in ada
        ]
        if baru:
            Realisasi.objects.bulk_create(baru, ignore_conflicts=True)
    return (
        Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        .select_related(
            "indikator__program",
            "indikator__kegiatan",
            "indikator__subkegiatan",
            "indikator__tujuan",
            "indikator__sasaran",
        )
        .order_by("indikator__urutan")
    )


def _wajib_terbuka(
    pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int, cakupan: beku.Cakupan
) -> None:
    """A quarter changes only while it is draft or returned and nothing the change reaches (`cakupan`) is
    verified or locked, by anyone; a person besides only as the agency's operator and inside the entry
    window. Call inside the transaction: the status rows stay locked until the change is saved."""
    if pengguna is not None:
        akses.wajib(akses.boleh_isi_realisasi(pengguna, pd))
    # The status row is made when missing (a quarter's first save), so that there is always one to lock:
    # concurrent changes of one agency-quarter queue on it (on PostgreSQL; SQLite serializes every writer),
    # and each stores the quarter's results (capaian.hasil.simpan) after the other's commit. Without it two
    # operators' first saves in a new quarter both created its stored totals (an HTTP 500 on the unique key)
    # or stored totals computed without the other's row.
    # One read that locks (get_or_create on a select_for_update queryset reads FOR UPDATE, and a row it
    # creates is this transaction's already).
    status, _ = StatusTriwulan.objects.select_for_update().get_or_create(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
    )
    if not status.boleh_diubah:
        raise TriwulanTertutup(
            f"Triwulan {triwulan} {tahun} berstatus {status.get_status_display()} dan tidak dapat diubah."
        )
    beku.wajib_tidak_beku(cakupan)
    if pengguna is not None:
        periksa_periode(pd, tahun, triwulan)


def wajib_triwulan_terbuka(pengguna: Pengguna | None, pd: PerangkatDaerah, tahun: int, triwulan: int) -> None:
    """For a change that belongs to this quarter alone (its evidence): the same rules as its texts. Call
    inside the caller's transaction."""
    _wajib_terbuka(pengguna, pd, tahun, triwulan, beku.triwulan(pd, tahun, triwulan))


def simpan_realisasi(
    pengguna: Pengguna | None,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    *,
    k: Decimal | None | _TidakDiubah = TETAP,
    rp: int | None | _TidakDiubah = TETAP,
    variabel: dict[str, str | None] | _TidakDiubah = TETAP,
    belum_ada_data: str | None | _TidakDiubah = TETAP,
    versi: int | None = None,
    alasan: str | None = None,
) -> Realisasi:
    """Save a quarter's K, Rp, formula variables and the "belum ada data" mark (its reason; "" or None
    clears it) of one indicator. A field not given keeps its value; None clears it."""
    nilai = _nilai_sah(indikator, _NilaiBaris(k=k, rp=rp, variabel=variabel, belum_ada_data=belum_ada_data))
    pd = indikator.perangkat_daerah
    with transaction.atomic():
        _wajib_terbuka(pengguna, pd, tahun, triwulan, beku.realisasi(pd, tahun, triwulan))
        return _simpan_baris(pengguna, indikator, tahun, triwulan, nilai, versi, alasan)


@dataclass(frozen=True)
class _NilaiBaris:
    k: Decimal | None | _TidakDiubah = TETAP
    rp: int | None | _TidakDiubah = TETAP
    variabel: dict[str, str | None] | _TidakDiubah = TETAP
    belum_ada_data: str | None | _TidakDiubah = TETAP


def _nilai_sah(indikator: Indikator, nilai: _NilaiBaris) -> _NilaiBaris:
    """The row's values checked before anything is written, the mark's reason cleaned. Raises
    masukan.NilaiTidakSah (the doors have read the value through the same validator already) or
    TandaTidakSah."""
    periksa_tanda(
        k=None if isinstance(nilai.k, _TidakDiubah) else nilai.k,
        rp=None if isinstance(nilai.rp, _TidakDiubah) else nilai.rp,
        boleh_negatif=indikator.boleh_negatif,
    )
    if isinstance(nilai.belum_ada_data, _TidakDiubah):
        return nilai
    return replace(nilai, belum_ada_data=_teks_tanda(nilai.belum_ada_data))


@dataclass(frozen=True)
class UbahBaris:
    """One row of a many-row save (`simpan_realisasi_banyak`): its indicator, the version the caller read,
    and the fields it changes (a field not named keeps its value; None clears it)."""

    indikator: Indikator
    versi: int | None
    nilai: dict[str, Any]


def simpan_realisasi_banyak(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    daftar: Sequence[UbahBaris],
    alasan: str | None = None,
) -> list[TandaTidakSah | KonflikVersi | None]:
    """Save many rows of one agency-quarter as `simpan_realisasi` saves each, with the quarter's state,
    window and frozen reach checked once (they are the same for every row, and held locked until the end).
    A row refused for its own reason (an invalid mark, a version someone else changed) leaves nothing of
    itself written and is answered in its place; the caller decides whether the whole save stands (the
    entry form rolls it back)."""
    for ubah in daftar:
        if ubah.indikator.perangkat_daerah_id != pd.pk:
            raise ValueError("Semua baris harus milik perangkat daerah yang sama.")
    jawaban: list[TandaTidakSah | KonflikVersi | None] = []
    # The quarter's results are computed once, when the last row is written (hasil.sekaligus).
    with transaction.atomic(), hasil.sekaligus():
        _wajib_terbuka(pengguna, pd, tahun, triwulan, beku.realisasi(pd, tahun, triwulan))
        for ubah in daftar:
            try:
                isi = _nilai_sah(ubah.indikator, _NilaiBaris(**ubah.nilai))
                with transaction.atomic():
                    _simpan_baris(pengguna, ubah.indikator, tahun, triwulan, isi, ubah.versi, alasan)
                jawaban.append(None)
            except (TandaTidakSah, KonflikVersi) as e:
                jawaban.append(e)
    return jawaban


def _simpan_baris(
    pengguna: Pengguna | None,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    nilai: _NilaiBaris,
    versi: int | None,
    alasan: str | None,
) -> Realisasi:
    """One row's save (its values checked by `_nilai_sah`), inside a transaction whose quarter has been
    checked open (`_wajib_terbuka`)."""
    pd = indikator.perangkat_daerah
    baris, _ = Realisasi.objects.select_for_update().get_or_create(
        indikator=indikator, tahun=tahun, triwulan=triwulan
    )
    if versi is not None and versi != baris.versi:
        raise KonflikVersi(baris)
    perubahan: list[tuple[str, object, object]] = []
    for kolom, baru in (
        ("k", nilai.k),
        ("rp", nilai.rp),
        ("variabel", nilai.variabel),
        ("belum_ada_data", nilai.belum_ada_data),
    ):
        if isinstance(baru, _TidakDiubah):
            continue
        lama = getattr(baris, kolom)
        if lama != baru:
            perubahan.append((kolom, lama, baru))
            setattr(baris, kolom, baru)
    if not perubahan:
        return baris
    if baris.belum_ada_data and baris.k is not None and baris.rp is not None:
        raise TandaTidakSah(
            "Baris ini sudah berisi K dan Rp, jadi tidak dapat ditandai 'belum ada data'. "
            "Hapus tandanya, "
            "atau kosongkan nilai yang memang belum ada datanya."
        )
    baris.versi += 1
    baris.diubah_oleh = cast("User", pengguna) if pengguna is not None and pengguna.is_authenticated else None
    baris.save()
    for nama_kolom, sebelum, sesudah in perubahan:
        catat(
            pengguna,
            aksi="ubah",
            objek="realisasi",
            objek_id=baris.pk,
            perangkat_daerah=pd,
            kolom=nama_kolom,
            lama=_teks(sebelum),
            baru=_teks(sesudah),
            alasan=alasan,
        )
    hasil.simpan(beku.realisasi(pd, tahun, triwulan))
    return baris


# The quarter's texts, kept per agency (CatatanTriwulan) and per bidang or program (CatatanCakupan): the
# names of capaian.laporan.data.TeksCakupan's texts, which the report data carries.
TEKS_TRIWULAN = NAMA_TEKS


class TeksTidakSah(ValueError):
    """A text, bidang or program that cannot be saved as the quarter's texts; the message says why."""


def _periksa_teks(nilai: dict[str, object], cakupan: bool) -> None:
    for nama in nilai:
        if cakupan and nama not in TEKS_TRIWULAN:
            raise TeksTidakSah(f"'{nama}' tidak disimpan per bidang atau program.")


def _cakupan_catatan(
    pd: PerangkatDaerah, tahun: int, triwulan: int, bidang: str | None, program: Program | None
) -> tuple[CatatanCakupan, str]:
    """The scoped texts' row (created empty if missing, then locked) and how the trail names the scope."""
    if program is not None:
        if program.perangkat_daerah_id != pd.pk:
            raise TeksTidakSah("Program ini bukan milik perangkat daerah ini.")
        kunci: dict[str, Any] = {"cakupan": Cakupan.PROGRAM, "program": program, "kode_bidang": ""}
        nama = f"program {program.kode}"
    else:
        assert bidang is not None
        kode = bidang.strip()
        milik = set(bidang_per_program(list(pd.program.values_list("kode", flat=True))).values())
        if kode not in milik or kode == LAIN_LAIN:
            raise TeksTidakSah(f"Bidang {kode} tidak diselenggarakan program perangkat daerah ini.")
        kunci = {"cakupan": Cakupan.BIDANG, "kode_bidang": kode, "program": None}
        nama = f"bidang {kode}"
    baris, _ = CatatanCakupan.objects.get_or_create(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan, **kunci
    )
    return CatatanCakupan.objects.select_for_update().get(pk=baris.pk), nama


def simpan_catatan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    versi: int | None = None,
    /,
    **nilai: object,
) -> CatatanTriwulan:
    """Save the agency's texts of the quarter, signatory, date and letter number; with `versi`, only if
    nobody saved them since the caller read that version (else KonflikVersiCatatan)."""
    _periksa_teks(nilai, cakupan=False)
    with transaction.atomic():
        _wajib_terbuka(pengguna, pd, tahun, triwulan, beku.triwulan(pd, tahun, triwulan))
        catatan, _ = CatatanTriwulan.objects.get_or_create(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        )
        catatan = CatatanTriwulan.objects.select_for_update().get(pk=catatan.pk)
        _simpan_teks(pengguna, pd, catatan, versi, "catatan", "", nilai)
        return catatan


def simpan_catatan_cakupan(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    versi: int | None = None,
    /,
    *,
    teks: Mapping[str, str],
    bidang: str | None = None,
    program: Program | None = None,
) -> CatatanCakupan:
    """Save `teks` (names of TEKS_TRIWULAN -> text) of one bidang of the agency (`bidang`, "3.31": a bidang
    its programs belong to, capaian.aturan.bidang) or of one of its programs, with the same rules as the
    agency's own (simpan_catatan): permission, the quarter's state and window, frozen when verified or
    locked, audited."""
    if (bidang is None) == (program is None):
        raise TeksTidakSah("Pilih satu bidang atau satu program.")
    nilai: dict[str, object] = dict(teks)
    _periksa_teks(nilai, cakupan=True)
    with transaction.atomic():
        _wajib_terbuka(pengguna, pd, tahun, triwulan, beku.triwulan(pd, tahun, triwulan))
        catatan, nama_cakupan = _cakupan_catatan(pd, tahun, triwulan, bidang, program)
        _simpan_teks(pengguna, pd, catatan, versi, "catatan_cakupan", nama_cakupan, nilai)
        return catatan


def _simpan_teks(
    pengguna: Pengguna | None,
    pd: PerangkatDaerah,
    catatan: CatatanTriwulan | CatatanCakupan,
    versi: int | None,
    objek: str,
    nama_cakupan: str,
    nilai: dict[str, object],
) -> None:
    """Inside the caller's transaction, on the locked row: compare, set, audit field by field."""
    if versi is not None and versi != catatan.versi:
        raise KonflikVersiCatatan(catatan)
    berubah = False
    for nama_kolom, isi in nilai.items():
        if isinstance(isi, str):
            isi = bersihkan_teks(isi)  # a vertical tab is a line break; NUL and the like go
        sebelum = getattr(catatan, nama_kolom)
        if sebelum == isi:
            continue
        setattr(catatan, nama_kolom, isi)
        berubah = True
        catat(
            pengguna,
            aksi="ubah",
            objek=objek,
            objek_id=catatan.pk,
            perangkat_daerah=pd,
            kolom=f"{nama_cakupan}: {nama_kolom}" if nama_cakupan else nama_kolom,
            lama=_teks(sebelum),
            baru=_teks(isi),
        )
    if berubah:
        catatan.versi += 1
        catatan.save()
