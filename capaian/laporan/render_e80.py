"""Form E.80 in each of its formats: JSON, XLSX, PDF (the table through render_tabel_*)."""

import json

from capaian.laporan.e80 import LaporanE80
from capaian.laporan.render_e80_json import e80_json, tabel_e80
from capaian.laporan.render_tabel_pdf import tabel_pdf
from capaian.laporan.render_tabel_xlsx import tabel_xlsx

FORMAT_E80 = ("json", "xlsx", "pdf")


def render_e80(lap: LaporanE80, format_: str) -> bytes:
    if format_ == "json":
        return json.dumps(e80_json(lap), ensure_ascii=False, indent=1).encode("utf-8")
    if format_ == "xlsx":
        return tabel_xlsx(tabel_e80(lap))
    if format_ == "pdf":
        return tabel_pdf(tabel_e80(lap))
    raise ValueError(f"Form E.80 tidak tersedia dalam format {format_}; pilihan: {', '.join(FORMAT_E80)}.")
