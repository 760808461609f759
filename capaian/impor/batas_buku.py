"""Limits on what an uploaded .xlsx may cost to read, checked before any library loads it.

An .xlsx is a zip of XML parts: 40 KB can expand to a million cells (a "zip bomb"). Before openpyxl sees
the file, this module looks at the zip's directory (the declared uncompressed size of every part, which
Python's zipfile also holds the reader to: a part that expands beyond what it declares fails its CRC) and
streams each sheet's XML once, counting rows and cells, stopping at the first limit passed or when the
time is up. Memory stays bounded: the XML is parsed in a stream and every element is dropped once counted.

Every refusal is a `BatasTerlampaui` (a `BacaError`) with an Indonesian message naming the sheet.
"""

import posixpath
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from capaian.aturan.angka import format_angka

# A Form E.81 of a large agency is a few hundred rows of some 40 columns (tens of thousands of cells, under
# 2 MB of XML); these limits leave room for ten times that and refuse what only an attack or an accident
# (a formatted million-row column) produces.
BATAS_TERURAI = 80 * 1024 * 1024  # all parts of the zip together, uncompressed
BATAS_XML_LEMBAR = 40 * 1024 * 1024  # one sheet's XML, uncompressed
BATAS_XML_LAIN = 20 * 1024 * 1024  # any other part (shared strings, styles, ...)
BATAS_BAGIAN = 2_000  # parts in the zip
BATAS_SEL = 300_000  # cells of all sheets together
BATAS_WAKTU = 20.0  # seconds for this check

_SARAN = "Hapus baris, kolom atau lembar yang tidak perlu (juga format pada baris kosong), lalu unggah ulang."


class BatasTerlampaui(Exception):
    """The workbook is beyond a reading limit; `pesan` is for the user."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Batas:
    terurai: int = BATAS_TERURAI
    xml_lembar: int = BATAS_XML_LEMBAR
    xml_lain: int = BATAS_XML_LAIN
    bagian: int = BATAS_BAGIAN
    sel: int = BATAS_SEL
    baris: int = 20_000
    waktu: float = BATAS_WAKTU


def _mb(ukuran: int) -> str:
    return f"{ukuran / (1024 * 1024):.0f} MB"


def _pesan_waktu(batas: Batas) -> str:
    return f"Buku kerja terlalu lama dibaca (lebih dari {batas.waktu:.0f} detik). {_SARAN}"


def _nama_lembar(zf: zipfile.ZipFile, batas: Batas) -> dict[str, str]:
    """Sheet part -> sheet name as the user sees it, from workbook.xml and its relationships."""
    try:
        for nama in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if zf.getinfo(nama).file_size > batas.xml_lain:
                return {}
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): posisi for r in rels if (posisi := r.get("Target")) is not None}
        buku = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return {}
    hasil: dict[str, str] = {}
    for el in buku.iter():
        if el.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
        posisi = target.get(rid)
        if posisi is None:
            continue
        jalur = posisi.lstrip("/") if posisi.startswith("/") else posixpath.normpath("xl/" + posisi)
        hasil[jalur] = el.get("name", jalur)
    return hasil


def _lembar(zf: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    for info in zf.infolist():
        n = info.filename
        if n.startswith("xl/worksheets/") and n.endswith(".xml") and "/_rels/" not in n:
            yield info


def periksa_xlsx(path: str | Path, batas: Batas = Batas()) -> int:
    """Refuse (BatasTerlampaui) an .xlsx that would cost more than `batas` to read; else its number of
    cells (0 for a file that is not a readable zip: the reader refuses it in its own words)."""
    mulai = time.monotonic()
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return 0  # not a zip the reader could open either: the reader says so in its own words
    with zf:
        infos = zf.infolist()
        if len(infos) > batas.bagian:
            raise BatasTerlampaui(
                f"Buku kerja berisi terlalu banyak bagian ({format_angka(len(infos), 0)}; batasnya "
                f"{format_angka(batas.bagian, 0)}). Simpan ulang dari Excel/LibreOffice."
            )
        total = sum(i.file_size for i in infos)
        if total > batas.terurai:
            raise BatasTerlampaui(
                f"Buku kerja terlalu besar bila dibuka: {_mb(total)} setelah diurai (batasnya "
                f"{_mb(batas.terurai)}). {_SARAN}"
            )
        nama = _nama_lembar(zf, batas)
        lembar = list(_lembar(zf))
        jalur_lembar = {i.filename for i in lembar}
        for i in infos:
            if i.filename not in jalur_lembar and i.file_size > batas.xml_lain:
                raise BatasTerlampaui(
                    f"Bagian '{i.filename}' buku kerja terlalu besar ({_mb(i.file_size)}; batasnya "
                    f"{_mb(batas.xml_lain)}). {_SARAN}"
                )
        sel = 0
        for ke, info in enumerate(lembar, start=1):
            judul = nama.get(info.filename, f"ke-{ke}")
            if info.file_size > batas.xml_lembar:
                raise BatasTerlampaui(
                    f"Lembar '{judul}' terlalu besar ({_mb(info.file_size)} setelah diurai; batasnya "
                    f"{_mb(batas.xml_lembar)}). {_SARAN}"
                )
            sel = _hitung_lembar(zf, info, judul, sel, mulai, batas)
    return sel


def _hitung_lembar(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, judul: str, sel: int, mulai: float, batas: Batas
) -> int:
    """Stream one sheet's XML, adding its cells to `sel`; refuse at the first limit passed."""
    baris = 0
    data: ElementTree.Element | None = None  # sheetData
    induk: ElementTree.Element | None = None  # where cells are arriving (a row), emptied as it goes
    try:
        with zf.open(info) as f:
            for peristiwa, el in ElementTree.iterparse(f, events=("start", "end")):
                tag = el.tag.rsplit("}", 1)[-1]
                if peristiwa == "start":
                    if tag == "sheetData":
                        data = induk = el
                    elif tag == "row":
                        induk = el
                    continue
                if tag == "c":
                    sel += 1
                    if sel > batas.sel:
                        raise BatasTerlampaui(
                            f"Buku kerja berisi terlalu banyak sel (lebih dari {format_angka(batas.sel, 0)}, "
                            f"terlampaui di lembar '{judul}'). {_SARAN}"
                        )
                    if sel % 1024 == 0:
                        if induk is not None:
                            del induk[:]
                        if time.monotonic() - mulai > batas.waktu:
                            raise BatasTerlampaui(_pesan_waktu(batas))
                elif tag == "row":
                    nomor = el.get("r")
                    baris = max(baris + 1, int(nomor) if nomor and nomor.isdigit() else 0)
                    if baris > batas.baris:
                        raise BatasTerlampaui(
                            f"Lembar '{judul}' terlalu besar (lebih dari {format_angka(batas.baris, 0)} "
                            f"baris). Hapus baris kosong atau pisahkan lembarnya."
                        )
                    el.clear()
                    induk = data
                elif tag == "sheetData":
                    el.clear()
                    data = induk = None
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return sel  # a malformed part: the reader refuses it in its own words
    return sel
