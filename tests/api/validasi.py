"""Every API response a test receives is checked against the generated OpenAPI description
(tests/api/conftest.py wires this into django.test.Client): its status must be declared for the operation
and its JSON body must match the declared schema, with objects closed (a field the description does not
name is an error)."""

import copy
import functools
import json
import re
from typing import Any

import jsonschema
from django.http import HttpResponse

AWALAN = "/api/"
TANPA_SKEMA = {"/api/openapi.json", "/api/docs"}  # the description itself and the HTML docs page


@functools.cache
def dokumen() -> dict[str, Any]:
    from django.test import Client

    jawab = Client().get("/api/openapi.json")
    assert jawab.status_code == 200
    return dict(jawab.json())


def _tutup(skema: Any) -> Any:
    """Objects with listed properties accept no others: the description must name every field sent."""
    if isinstance(skema, dict):
        hasil = {k: _tutup(v) for k, v in skema.items()}
        if hasil.get("type") == "object" and "properties" in hasil:
            hasil.setdefault("additionalProperties", False)
        return hasil
    if isinstance(skema, list):
        return [_tutup(v) for v in skema]
    return skema


@functools.cache
def _komponen() -> dict[str, Any]:
    return dict(_tutup(copy.deepcopy(dokumen().get("components", {}))))


@functools.cache
def _pola() -> list[tuple[re.Pattern[str], str]]:
    """(regex, OpenAPI path) with the most literal paths first: /catatan before /{aksi}. An integer path
    parameter matches digits only, as Django's int converter does."""
    hasil = []
    for jalur, operasi_semua in dokumen()["paths"].items():
        bulat = {
            p["name"]
            for op in operasi_semua.values()
            for p in op.get("parameters", [])
            if p["in"] == "path" and p["schema"].get("type") == "integer"
        }
        regex = re.sub(
            r"\\\{([^}]+)\\\}",
            lambda m, b=frozenset(bulat): "[0-9]+" if m[1] in b else "[^/]+",
            re.escape(jalur),
        )
        hasil.append((re.compile(f"^{regex}$"), jalur))
    return sorted(hasil, key=lambda p: p[1].count("{"))


def _skema_galat() -> dict[str, Any]:
    return {"$ref": "#/components/schemas/Galat"}


def _validasi(skema: dict[str, Any], isi: Any, konteks: str) -> None:
    akar = {**_tutup(copy.deepcopy(skema)), "components": _komponen()}
    try:
        jsonschema.Draft202012Validator(akar).validate(isi)
    except jsonschema.ValidationError as e:
        pesan = f"{konteks}: jawaban tidak sesuai OpenAPI: {e.message} di {list(e.absolute_path)}"
        raise AssertionError(pesan) from None


def periksa(metode: str, jalur: str, jawab: HttpResponse) -> None:
    if not jalur.startswith(AWALAN) or jalur in TANPA_SKEMA:
        return
    konteks = f"{metode} {jalur} -> {jawab.status_code}"
    assert jawab["Content-Type"].startswith("application/json"), f"{konteks}: bukan JSON"
    isi = json.loads(jawab.content)
    operasi_jalur = next((dokumen()["paths"][j] for p, j in _pola() if p.match(jalur)), None)
    if operasi_jalur is None:
        assert jawab.status_code == 404, f"{konteks}: jalur tidak ada di OpenAPI"
        return _validasi(_skema_galat(), isi, konteks)
    operasi = operasi_jalur.get(metode.lower())
    if operasi is None:
        assert jawab.status_code == 405, f"{konteks}: metode tidak ada di OpenAPI"
        return _validasi(_skema_galat(), isi, konteks)
    jawaban = operasi["responses"]
    assert str(jawab.status_code) in jawaban, (
        f"{konteks}: status tidak dinyatakan di OpenAPI ({sorted(jawaban)})"
    )
    skema = jawaban[str(jawab.status_code)]["content"]["application/json"]["schema"]
    _validasi(skema, isi, konteks)
