"""The shapes of every body and answer of the JSON API. The OpenAPI description is generated from them.

Entered K and Rp go through the one validator of the project, `capaian.aturan.masukan` (the web forms and
the importer read through it too); JSON numbers arrive as Decimal (capaian.api.dasar.ParserDesimal), never
as float. K goes out as the text of `aturan.angka.teks_desimal` ("36.79").
"""

import datetime
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, StrictInt, WithJsonSchema
from pydantic_core import PydanticCustomError

from capaian.aturan import masukan
from capaian.monev import alur
from capaian.monev.models import Status
from capaian.monev.transisi import Catatan
from capaian.organisasi.models import Peran

# --- values ---------------------------------------------------------------------------------------------


def _lewat_masukan(baca: Callable[[object], object]) -> Callable[[object], object]:
    """A pydantic validator that reads the raw JSON value through the project's validator, so the message
    of NilaiTidakSah reaches the client at its field."""

    def validasi(nilai: object) -> object:
        try:
            return baca(nilai)
        except masukan.NilaiTidakSah as e:
            raise PydanticCustomError("nilai_tidak_sah", "{pesan}", {"pesan": str(e)}) from None

    return validasi


def _baca_k(nilai: object) -> Decimal | None:
    # The sign is the indicator's setting (Indikator.boleh_negatif), unknown while the body is read: the
    # service checks it with the same validator (masukan.periksa_tanda) and the endpoint answers 400.
    return masukan.baca_k(nilai, boleh_negatif=True)


def _baca_rp(nilai: object) -> int | None:
    return masukan.baca_rp(nilai, boleh_negatif=True)


def _tanpa_nul(nilai: object) -> object:
    # PostgreSQL cannot store NUL in text: refused here with a message instead of failing at the database.
    if isinstance(nilai, str) and "\x00" in nilai:
        raise PydanticCustomError("nilai_tidak_sah", "Teks tidak boleh berisi karakter NUL.")
    return nilai


NilaiK = Annotated[
    Decimal | None,
    BeforeValidator(_lewat_masukan(_baca_k)),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}],
            "description": 'Nilai kinerja: teks cara Indonesia ("36,79", "1.151.384") atau dengan titik '
            'desimal ("36.79"), atau angka JSON (dibaca persis sebagai desimal, bukan float); paling banyak '
            f"{masukan.K_DESIMAL} angka di belakang koma; negatif hanya bila indikatornya boleh negatif. "
            "null mengosongkan.",
        }
    ),
]
NilaiRp = Annotated[
    int | None,
    BeforeValidator(_lewat_masukan(_baca_rp)),
    WithJsonSchema(
        {
            "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}],
            "description": "Rupiah bulat, negatif hanya bila indikatornya boleh negatif: bilangan bulat atau "
            'teks ("Rp 1.151.384.000", "Rp.2.500,-"). null mengosongkan.',
        }
    ),
]
Teks = Annotated[str, BeforeValidator(_tanpa_nul)]
Versi = Annotated[
    StrictInt,
    Field(
        ge=0,
        description="Versi yang terakhir dibaca (0 bila barisnya belum ada). Bila orang lain sudah menyimpan "
        "sesudahnya, jawabannya 409 dengan nilai terkini dan tidak ada yang ditimpa.",
    ),
]
# The same bounds as capaian.monev.alur.sah_triwulan.
Tahun = Annotated[int, Field(ge=2000, le=2100, description="Tahun anggaran")]
NomorTriwulan = Annotated[int, Field(ge=1, le=4, description="Triwulan 1-4")]


class _Masukan(Schema):
    """A request body: unknown fields are refused, not silently dropped (a misspelt field would be lost)."""

    model_config = ConfigDict(extra="forbid")


# --- errors ---------------------------------------------------------------------------------------------


class RincianGalat(Schema):
    isian: str = Field(description="Isian atau parameter yang salah, misalnya 'k' atau 'tahun'.")
    pesan: str


class Galat(Schema):
    """Every error: a message in Bahasa Indonesia; for invalid input also the fields concerned."""

    galat: str
    rincian: list[RincianGalat] | None = None


# --- token ----------------------------------------------------------------------------------------------


class MintaToken(_Masukan):
    username: str = Field(min_length=1)
    password: str = Field(min_length=1)


class Token(Schema):
    token: str = Field(
        description="Kirim sebagai header `Authorization: Bearer <token>`. Hanya tampil sekali."
    )
    kedaluwarsa: datetime.datetime = Field(description="Sesudah waktu ini token ditolak; masuk lagi.")


class Pesan(Schema):
    pesan: str


class InfoToken(Schema):
    id: int
    dibuat: datetime.datetime
    terakhir_dipakai: datetime.datetime | None = Field(description="Dicatat paling sering sekali semenit.")
    kedaluwarsa: datetime.datetime
    dicabut: datetime.datetime | None
    aktif: bool
    token_ini: bool = Field(description="Token yang dipakai untuk permintaan ini.")


# --- realisations ---------------------------------------------------------------------------------------


class ParamTriwulan(Schema):
    pd: str = Field(min_length=1, description="Slug perangkat daerah, misalnya 'disperindag'.")
    tahun: Tahun
    triwulan: NomorTriwulan


class Realisasi(Schema):
    id: int | None = Field(description="id baris realisasi; null bila barisnya belum ada.")
    k: str | None = Field(description='Nilai kinerja dengan titik desimal, tanpa nol di belakang: "36.79".')
    rp: int | None
    versi: int = Field(description="Versi baris; 0 bila barisnya belum ada.")
    belum_ada_data: "BelumAdaData | None" = Field(
        default=None,
        description="Tanda operator bahwa baris bertarget ini belum ada datanya, dengan alasannya; null bila "
        "tidak ditandai.",
    )


class BelumAdaData(_Masukan):
    alasan: Teks = Field(
        min_length=1,
        max_length=500,
        description="Mengapa data triwulan ini belum ada; tampil di Form E.81 dan Kertas Kerja.",
    )


Realisasi.model_rebuild()


class BarisRealisasi(Realisasi):
    indikator_id: int = Field(
        description="id indikator; baris yang belum ada disimpan lewat "
        "PATCH /api/indikator/{indikator_id}/realisasi/{tahun}/{triwulan}."
    )
    kode: str | None = Field(description="Kode rekening program, kegiatan atau sub kegiatan.")
    indikator: str = Field(description="Uraian indikator.")


class UbahRealisasi(_Masukan):
    versi: Versi
    k: NilaiK = None
    rp: NilaiRp = None
    belum_ada_data: BelumAdaData | None = Field(
        default=None,
        description='Tandai baris bertarget yang belum ada datanya, dengan alasan ({"alasan": "..."}); '
        "null menghapus tandanya. Baris bertarget tanpa nilai dan tanpa tanda ini menghalangi pengajuan "
        "triwulan. Nilainya tetap kosong (kosong bukan nol).",
    )
    alasan: Teks | None = Field(default=None, description="Alasan perubahan, disimpan di jejak audit.")


class KonflikRealisasi(Schema):
    galat: str
    terkini: Realisasi


class PeristiwaAudit(Schema):
    waktu: datetime.datetime
    pengguna: str
    pintu: str = Field(description="pintu perubahan: web, api, admin, impor, cli (kosong: sebelum dicatat)")
    kolom: str
    lama: str | None
    baru: str | None
    alasan: str | None


class ParamAudit(Schema):
    realisasi: int = Field(ge=1, description="id baris realisasi")


# --- the quarter ----------------------------------------------------------------------------------------


def _daftar_langkah() -> str:
    baris = []
    for lk in alur.LANGKAH:
        dari = ", ".join(Status(s).label for s in lk.dari)
        ke = Status(lk.ke).label if lk.ke is not None else "status tetap"
        catatan = f"; {lk.label_catatan.lower()}" if lk.catatan is not Catatan.TIDAK else ""
        baris.append(f"- `{lk.aksi}` ({Peran(lk.peran).label}; {dari} → {ke}{catatan}): {lk.uraian}")
    return "\n".join(baris)


# The step names and what they do, from the one table of steps (capaian.monev.alur.LANGKAH).
DAFTAR_LANGKAH = _daftar_langkah()
AksiLangkah = enum.StrEnum(  # type: ignore[misc]
    "AksiLangkah", {lk.aksi: lk.aksi for lk in alur.LANGKAH}
)
AksiLangkah.__doc__ = "Langkah alur triwulan:\n" + DAFTAR_LANGKAH


class KomentarBaris(_Masukan):
    indikator: int = Field(ge=1, description="id indikator baris (seperti pada GET realisasi)")
    teks: Teks = Field(max_length=2000)


class BadanLangkah(_Masukan):
    catatan: Teks | None = Field(
        default=None,
        description="Catatan langkah: catatan pengembalian atau alasan membuka kunci.",
    )
    alasan: Teks | None = Field(default=None, description="Sama dengan 'catatan'.")
    komentar: list[KomentarBaris] = Field(
        default_factory=list,
        max_length=2000,
        description="Hanya untuk 'kembalikan' oleh verifikator: komentar per baris, ditampilkan kepada "
        "operator pada baris itu di layar isian.",
    )

    def teks(self) -> str:
        return self.catatan or self.alasan or ""

    def komentar_per_baris(self) -> dict[int, str]:
        return {k.indikator: k.teks for k in self.komentar}


class HasilLangkah(Schema):
    status: Status
    disetujui_kepala_pada: datetime.datetime | None


class KeadaanPenjelasan(enum.StrEnum):
    MENUNGGU = "menunggu"
    DITERIMA = "diterima"
    DITOLAK = "ditolak"


class PenjelasanGalat(Schema):
    teks: str
    keadaan: KeadaanPenjelasan = Field(
        description="menunggu: menunggu keputusan verifikator; diterima; ditolak (lihat alasan_tolak)."
    )
    alasan_tolak: str
    ditulis_oleh: str | None
    ditulis_pada: datetime.datetime
    diputus_oleh: str | None
    diputus_pada: datetime.datetime | None


class Temuan(Schema):
    """A finding of the quarter's checks (capaian.aturan.periksa.Temuan)."""

    kunci: str = Field(description="Kunci galat 'jenis|sel': yang dijelaskan dan diputus per galat.")
    indikator: int | None = Field(description="id indikator baris yang dimaksud temuan, bila satu baris.")
    jenis: str = Field(description="Pengenal jenis temuan yang tetap, mis. tw-melebihi-target.")
    nama_jenis: str = Field(description="Jenis temuan dalam kata, seperti di halaman pemeriksaan.")
    tingkat: str
    sel: str = Field(description="Letak temuan, misalnya sel Form E.81.")
    kolom: str | None
    kode: str | None
    no: int | None
    pesan: str
    tertulis: str | None
    seharusnya: str | None
    diterima: bool = Field(
        description="Untuk galat: penjelasannya diterima verifikator (tidak menghalangi pengajuan)."
    )
    penjelasan: PenjelasanGalat | None = Field(description="Untuk galat: penjelasan operator, bila ada.")


class Penjelasan(Schema):
    """The explanations of the quarter's current galat, counted."""

    menunggu: int = Field(description="Penjelasan yang menunggu keputusan verifikator.")
    diterima: int
    ditolak: int
    belum: int = Field(description="Galat yang belum dijelaskan.")


class JelaskanGalat(_Masukan):
    kunci: Teks = Field(max_length=500, description="Kunci galat (Temuan.kunci).")
    teks: Teks = Field(max_length=2000, description="Penjelasan operator atas galat ini.")


class PutuskanPenjelasan(_Masukan):
    kunci: Teks = Field(max_length=500, description="Kunci galat (Temuan.kunci).")
    alasan: Teks | None = Field(default=None, max_length=2000, description="Wajib untuk menolak.")


class LangkahTersedia(Schema):
    aksi: AksiLangkah
    label: str
    uraian: str
    catatan: Catatan = Field(description="Apakah langkah ini memerlukan catatan: tidak, opsional, wajib.")
    label_catatan: str


class KomentarTampil(Schema):
    indikator: int
    teks: str
    oleh: str | None
    pada: datetime.datetime


class Triwulan(Schema):
    perangkat_daerah: str
    tahun: int
    triwulan: int
    status: Status
    catatan: str = Field(description="Catatan langkah terakhir (misalnya catatan pengembalian).")
    disetujui_kepala_pada: datetime.datetime | None
    galat: list[Temuan]
    peringatan: list[Temuan]
    belum_dijelaskan: int = Field(description="Banyaknya galat yang belum tercakup penjelasan yang diterima.")
    belum_diisi: list[str] = Field(
        description="Baris bertarget triwulan ini tanpa nilai dan tanpa tanda 'belum ada data': selama ada, "
        "pengajuan ditolak. Isi nilainya atau tandai lewat belum_ada_data pada PATCH realisasi."
    )
    penjelasan: Penjelasan
    menunggu_kepala: bool = Field(
        description="Diajukan, dan menunggu persetujuan kepala perangkat daerah yang diwajibkan pemda "
        "sebelum verifikasi."
    )
    komentar: list[KomentarTampil] = Field(
        description="Komentar verifikator per baris pada pengembalian terakhir (selama dikembalikan atau "
        "diajukan kembali)."
    )
    langkah: list[LangkahTersedia] = Field(description="Langkah yang boleh Anda ambil sekarang.")


# --- the quarter's texts (capaian.monev.services.TEKS_TRIWULAN) -----------------------------------------


class TeksCakupan(Schema):
    jenis: str = Field(description="bidang atau program.")
    kode: str = Field(description="Kode bidang (3.31) atau kode program (3.31.02).")
    nama: str
    faktor_pendorong: str
    faktor_penghambat: str
    tindak_lanjut: str
    rekomendasi: str
    kendala: str
    solusi: str
    versi: int = Field(description="Versi catatan ini; 0 bila belum pernah disimpan.")


class CatatanTriwulan(Schema):
    faktor_pendorong: str
    faktor_penghambat: str
    tindak_lanjut: str
    rekomendasi: str
    kendala: str
    solusi: str
    versi: int = Field(description="Versi catatan; 0 bila belum pernah disimpan.")
    bidang: list[TeksCakupan] = Field(
        default_factory=list,
        description="Catatan per urusan/bidang (kendala dan solusi Narasi), urut seperti Narasi.",
    )
    program: list[TeksCakupan] = Field(
        default_factory=list, description="Catatan per program (faktor pada Kesimpulan), urut kode."
    )


class UbahCatatan(_Masukan):
    """The texts to change; an absent one stays as it is, null or "" empties it."""

    versi: Versi
    faktor_pendorong: Teks | None = None
    faktor_penghambat: Teks | None = None
    tindak_lanjut: Teks | None = None
    rekomendasi: Teks | None = None
    kendala: Teks | None = None
    solusi: Teks | None = None


class KonflikCatatan(Schema):
    galat: str
    terkini: CatatanTriwulan


class KonflikTeksCakupan(Schema):
    galat: str
    terkini: TeksCakupan


def dikirim(badan: Schema, *nama: str) -> dict[str, Any]:
    """The fields the client sent (absent means "leave as it is", null means "clear")."""
    return {n: getattr(badan, n) for n in nama if n in badan.model_fields_set}
