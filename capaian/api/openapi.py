"""The OpenAPI 3.1 description of the JSON API, written by hand, and its shape for the docs page."""

import json
from typing import Any

_GALAT = {"$ref": "#/components/schemas/Galat"}


def _jawab(deskripsi: str, contoh: Any = None, skema: Any = None) -> dict[str, Any]:
    jawab: dict[str, Any] = {"description": deskripsi}
    if contoh is not None or skema is not None:
        isi: dict[str, Any] = {"schema": skema or _GALAT}
        if contoh is not None:
            isi["example"] = contoh
        jawab["content"] = {"application/json": isi}
    return jawab


def _galat(deskripsi: str, pesan: str) -> dict[str, Any]:
    return _jawab(deskripsi, {"galat": pesan}, _GALAT)


_401 = _galat("Token tidak ada atau tidak sah.", "Token tidak ada atau tidak sah.")
_AMAN: list[dict[str, list[str]]] = [{"bearer": []}]


def _param(nama: str, tempat: str, tipe: str, deskripsi: str, contoh: Any) -> dict[str, Any]:
    return {
        "name": nama,
        "in": tempat,
        "required": True,
        "description": deskripsi,
        "schema": {"type": tipe},
        "example": contoh,
    }


_CONTOH_REALISASI = {"id": 17, "k": "36.79", "rp": 1151384000, "versi": 3}

DOKUMEN: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "API Capaian",
        "version": "1",
        "description": (
            "API JSON untuk membaca dan mengisi realisasi triwulan, menjalankan alur verifikasi, dan "
            "membaca jejak audit. Masuk dengan POST /api/auth/token, lalu kirim header "
            "'Authorization: Bearer <token>' pada setiap permintaan. Galat selalu berbentuk "
            '{"galat": "pesan"}.'
        ),
    },
    "servers": [{"url": "/api"}],
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Galat": {
                "type": "object",
                "properties": {"galat": {"type": "string"}},
                "required": ["galat"],
            },
            "Realisasi": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "k": {"type": ["string", "null"], "description": "Nilai kinerja, desimal dengan titik"},
                    "rp": {"type": ["integer", "null"], "description": "Rupiah bulat"},
                    "versi": {"type": "integer"},
                },
                "required": ["id", "k", "rp", "versi"],
            },
        },
    },
    "paths": {
        "/auth/token": {
            "post": {
                "summary": "Masuk dan mendapatkan token",
                "description": (
                    "Menukar nama pengguna dan kata sandi dengan token. Token hanya ditampilkan sekali. "
                    "Setelah 5 kali gagal dalam 15 menit untuk nama pengguna dan alamat IP yang sama, "
                    "permintaan ditolak dengan 429."
                ),
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "username": {"type": "string"},
                                    "password": {"type": "string"},
                                },
                                "required": ["username", "password"],
                            },
                            "example": {"username": "operator-disperindag", "password": "kata-sandi"},
                        }
                    },
                },
                "responses": {
                    "200": _jawab(
                        "Token untuk header Authorization.",
                        {"token": "mQ0v...Zk"},
                        {"type": "object", "properties": {"token": {"type": "string"}}},
                    ),
                    "400": _galat(
                        "Isian tidak lengkap.", "Isian 'username' dan 'password' wajib berupa teks."
                    ),
                    "401": _galat(
                        "Nama pengguna atau kata sandi salah.", "Nama pengguna atau kata sandi salah."
                    ),
                    "429": _galat(
                        "Terlalu banyak percobaan gagal.",
                        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.",
                    ),
                },
            }
        },
        "/realisasi": {
            "get": {
                "summary": "Daftar realisasi satu triwulan",
                "description": (
                    "Satu baris per indikator perangkat daerah, urut seperti Form E.81. Baris yang belum "
                    "ada dibuat kosong saat dibaca (tanpa jejak audit, karena tidak ada nilai yang berubah) "
                    "agar setiap baris punya id dan versi. Nilai k ditulis tanpa nol di belakang: "
                    '"36.79", "100".'
                ),
                "security": _AMAN,
                "parameters": [
                    _param("pd", "query", "string", "Slug perangkat daerah", "disperindag"),
                    _param("tahun", "query", "integer", "Tahun anggaran", 2024),
                    _param("triwulan", "query", "integer", "Triwulan 1-4", 2),
                ],
                "responses": {
                    "200": _jawab(
                        "Daftar baris realisasi.",
                        [
                            {
                                "id": 17,
                                "kode": "3.30.01",
                                "indikator": "Persentase capaian kinerja",
                                "k": "36.79",
                                "rp": 1151384000,
                                "versi": 3,
                            }
                        ],
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "kode": {"type": ["string", "null"]},
                                    "indikator": {"type": "string"},
                                    "k": {"type": ["string", "null"]},
                                    "rp": {"type": ["integer", "null"]},
                                    "versi": {"type": "integer"},
                                },
                            },
                        },
                    ),
                    "400": _galat("Parameter tidak sah.", "Parameter 'triwulan' harus antara 1 dan 4."),
                    "401": _401,
                    "404": _galat(
                        "Perangkat daerah tidak ada atau tidak terlihat.", "Perangkat daerah tidak ditemukan."
                    ),
                },
            }
        },
        "/realisasi/{id}": {
            "patch": {
                "summary": "Mengubah satu baris realisasi",
                "description": (
                    "Hanya operator perangkat daerah pemilik baris, selama triwulan berstatus draf atau "
                    "dikembalikan dan dalam masa pengisian. Kirim versi yang terakhir dibaca; bila orang "
                    "lain sudah menyimpan, jawabannya 409 dengan nilai terkini dan tidak ada yang ditimpa. "
                    'k boleh "36,79" atau "36.79"; rp bilangan bulat atau teks rupiah ("Rp 1.151.384.000"). '
                    "k dan rp boleh dihilangkan (tidak diubah) atau null (dikosongkan). 'alasan' opsional, "
                    "disimpan di jejak audit."
                ),
                "security": _AMAN,
                "parameters": [_param("id", "path", "integer", "id baris realisasi", 17)],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "k": {"type": ["string", "number", "null"]},
                                    "rp": {"type": ["integer", "string", "null"]},
                                    "versi": {"type": "integer"},
                                    "alasan": {"type": "string"},
                                },
                                "required": ["versi"],
                            },
                            "example": {"k": "36,79", "rp": 1151384000, "versi": 3, "alasan": "Koreksi data"},
                        }
                    },
                },
                "responses": {
                    "200": _jawab(
                        "Tersimpan; versi baru.",
                        {**_CONTOH_REALISASI, "versi": 4},
                        {"$ref": "#/components/schemas/Realisasi"},
                    ),
                    "400": _galat("Nilai tidak sah.", "Nilai rp tidak boleh negatif."),
                    "401": _401,
                    "403": _galat(
                        "Baris terlihat tetapi peran Anda tidak boleh mengubahnya.",
                        "Peran Anda tidak berhak mengubah realisasi perangkat daerah ini.",
                    ),
                    "404": _galat("Baris tidak ada atau tidak terlihat.", "Baris realisasi tidak ditemukan."),
                    "409": _jawab(
                        "Versi sudah usang.",
                        {
                            "galat": "Baris ini sudah diubah orang lain setelah Anda membacanya.",
                            "terkini": _CONTOH_REALISASI,
                        },
                        {
                            "type": "object",
                            "properties": {
                                "galat": {"type": "string"},
                                "terkini": {"$ref": "#/components/schemas/Realisasi"},
                            },
                        },
                    ),
                    "423": _galat(
                        "Triwulan tidak terbuka untuk pengisian.",
                        "Triwulan 2 2024 berstatus Terkunci dan tidak dapat diubah.",
                    ),
                },
            }
        },
        "/triwulan/{pd}/{tahun}/{triwulan}/{aksi}": {
            "post": {
                "summary": "Langkah alur triwulan",
                "description": (
                    "ajukan (operator; draf/dikembalikan -> diajukan), setujui (kepala perangkat daerah; "
                    "persetujuan tanda tangan saat diajukan), kembalikan (verifikator; diajukan -> "
                    "dikembalikan, catatan wajib), verifikasi (verifikator; diajukan -> diverifikasi), "
                    "kunci (verifikator; diverifikasi -> terkunci), buka (verifikator; terkunci -> "
                    "dikembalikan, alasan wajib di 'catatan')."
                ),
                "security": _AMAN,
                "parameters": [
                    _param("pd", "path", "string", "Slug perangkat daerah", "disperindag"),
                    _param("tahun", "path", "integer", "Tahun anggaran", 2024),
                    _param("triwulan", "path", "integer", "Triwulan 1-4", 2),
                    {
                        **_param("aksi", "path", "string", "Langkah", "ajukan"),
                        "schema": {
                            "type": "string",
                            "enum": ["ajukan", "setujui", "kembalikan", "verifikasi", "kunci", "buka"],
                        },
                    },
                ],
                "requestBody": {
                    "required": False,
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"catatan": {"type": "string"}}},
                            "example": {"catatan": "Lengkapi data realisasi sub kegiatan 2.01."},
                        }
                    },
                },
                "responses": {
                    "200": _jawab(
                        "Status baru.",
                        {"status": "diajukan", "disetujui_kepala_pada": None},
                        {
                            "type": "object",
                            "properties": {
                                "status": {
                                    "type": "string",
                                    "enum": ["draft", "diajukan", "dikembalikan", "diverifikasi", "terkunci"],
                                },
                                "disetujui_kepala_pada": {"type": ["string", "null"], "format": "date-time"},
                            },
                        },
                    ),
                    "400": _galat("Catatan wajib tidak diisi.", "Catatan pengembalian wajib diisi."),
                    "401": _401,
                    "403": _galat("Peran tidak berhak.", "Peran Anda tidak berhak melakukan langkah ini."),
                    "404": _galat(
                        "Perangkat daerah atau langkah tidak dikenal.", "Perangkat daerah tidak ditemukan."
                    ),
                    "409": _galat(
                        "Langkah tidak berlaku untuk status sekarang.",
                        "Langkah 'kunci' tidak dapat dilakukan: Triwulan 2 2024 berstatus Draf.",
                    ),
                },
            }
        },
        "/audit": {
            "get": {
                "summary": "Jejak audit satu baris realisasi",
                "description": "Setiap perubahan per kolom: waktu, pengguna, nilai lama dan baru, alasan.",
                "security": _AMAN,
                "parameters": [_param("realisasi", "query", "integer", "id baris realisasi", 17)],
                "responses": {
                    "200": _jawab(
                        "Peristiwa audit, terlama lebih dulu.",
                        [
                            {
                                "waktu": "2024-07-08T09:15:00+07:00",
                                "pengguna": "operator-disperindag",
                                "kolom": "k",
                                "lama": "30",
                                "baru": "36.79",
                                "alasan": "Koreksi data",
                            }
                        ],
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "waktu": {"type": "string", "format": "date-time"},
                                    "pengguna": {"type": "string"},
                                    "kolom": {"type": "string"},
                                    "lama": {"type": ["string", "null"]},
                                    "baru": {"type": ["string", "null"]},
                                    "alasan": {"type": ["string", "null"]},
                                },
                            },
                        },
                    ),
                    "400": _galat("Parameter tidak sah.", "Parameter 'realisasi' wajib diisi."),
                    "401": _401,
                    "404": _galat("Baris tidak ada atau tidak terlihat.", "Baris realisasi tidak ditemukan."),
                },
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "Dokumen OpenAPI ini",
                "security": [],
                "responses": {"200": {"description": "Dokumen OpenAPI 3.1."}},
            }
        },
        "/docs": {
            "get": {
                "summary": "Halaman dokumentasi API",
                "security": [],
                "responses": {"200": {"description": "Halaman HTML."}},
            }
        },
    },
}


def _contoh(nilai: Any) -> str:
    return json.dumps(nilai, ensure_ascii=False, indent=2)


def untuk_halaman() -> dict[str, Any]:
    """The document flattened for the template: one entry per operation with examples as JSON text."""
    operasi = []
    for jalur, metode_semua in DOKUMEN["paths"].items():
        for metode, op in metode_semua.items():
            badan = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            jawaban = []
            for kode, jawab in op["responses"].items():
                isi = jawab.get("content", {}).get("application/json", {})
                jawaban.append(
                    {
                        "kode": kode,
                        "deskripsi": jawab["description"],
                        "contoh": _contoh(isi["example"]) if "example" in isi else "",
                    }
                )
            operasi.append(
                {
                    "id": f"{metode}-{jalur}".replace("/", "-").replace("{", "").replace("}", ""),
                    "metode": metode.upper(),
                    "jalur": DOKUMEN["servers"][0]["url"] + jalur,
                    "ringkasan": op["summary"],
                    "deskripsi": op.get("description", ""),
                    "perlu_token": op.get("security", _AMAN) != [],
                    "parameter": op.get("parameters", []),
                    "contoh_badan": _contoh(badan["example"]) if "example" in badan else "",
                    "jawaban": jawaban,
                }
            )
    return {"info": DOKUMEN["info"], "operasi": operasi}
