"""Form fields of the admin that read what an Indonesian office types: numbers the Indonesian way
("1.000.000", "12,5") through the one validator (capaian.aturan.masukan), and a formula's variables as rows
of name and label instead of JSON.

The sign of a K or Rp is not checked here: whether a negative value is allowed is the indicator's setting,
which the model's clean (Indikator.boleh_negatif, capaian.perencanaan.models.tanda_sah) applies, with the
same message as every other door.
"""

import json
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from capaian.aturan.angka import format_tepat
from capaian.aturan.masukan import NilaiTidakSah, baca_k, baca_rp

# --- numbers ----------------------------------------------------------------------------------------------


class InputAngka(forms.TextInput):
    """A text box (a browser's number box refuses "1.000.000") that shows the value the Indonesian way."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        dasar = {"inputmode": "decimal", "autocomplete": "off", "class": "angka-id", "size": 18}
        super().__init__({**dasar, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, bool) or value is None or value == "":
            return None
        if isinstance(value, int):
            return format_tepat(Decimal(value))  # 1000000 -> "1.000.000"
        if isinstance(value, Decimal) and value.is_finite():
            return format_tepat(value.normalize())  # Decimal("12.500000") -> "12,5"
        return str(value)  # a bound form shows back what was typed


class BidangK(forms.DecimalField):
    """A K value (or any decimal of the plan: thresholds, targets) typed as "12,5" or "1.234,56"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("widget", None)
        super().__init__(widget=InputAngka(), **kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        try:
            return baca_k(value if not isinstance(value, str) else value.strip(), boleh_negatif=True)
        except NilaiTidakSah as e:
            raise ValidationError(str(e), code="invalid") from None

    def validate(self, value: Any) -> None:
        forms.Field.validate(self, value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no step/min/max: the box is text


class BidangRp(forms.IntegerField):
    """A whole Rupiah amount typed as "1.000.000" (or "Rp 1.000.000")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("widget", None)
        super().__init__(widget=InputAngka(), **kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        try:
            return baca_rp(value if not isinstance(value, str) else value.strip(), boleh_negatif=True)
        except NilaiTidakSah as e:
            raise ValidationError(str(e), code="invalid") from None

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}


# --- formula variables ------------------------------------------------------------------------------------

BARIS_KOSONG = 3  # empty rows offered after the variables held (save to get more)
_NAMA = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _baris_variabel(v: Any) -> tuple[str, str, str] | None:
    """One variable as (nama, label, catatan): a stored dict or a posted row of two or three boxes."""
    if isinstance(v, dict):
        return (str(v.get("nama", "")), str(v.get("label", "")), str(v.get("catatan", "")))
    if isinstance(v, list | tuple) and len(v) in (2, 3):
        return (str(v[0]), str(v[1]), str(v[2]) if len(v) == 3 else "")
    return None


class InputVariabel(forms.Widget):
    """A table of rows (name, label, evidence note): the variables held plus a few empty rows."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if f"{name}-jumlah" not in data:
            # Not the rows of this page: a client posting the model's JSON list (as the admin's JSON field
            # took before), or nothing (None: the variables are left as they are).
            mentah = data.get(name)
            if isinstance(mentah, str):
                try:
                    return json.loads(mentah)
                except ValueError:
                    return mentah
            return mentah
        jumlah = data.get(f"{name}-jumlah", "")
        n = min(int(jumlah), 200) if str(jumlah).isdigit() else 0
        return [
            tuple(str(data.get(f"{name}-{kolom}-{i}", "")).strip() for kolom in ("nama", "label", "catatan"))
            for i in range(n)
        ]

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return f"{name}-jumlah" not in data

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        dibaca = [_baris_variabel(v) for v in value or []]
        baris = [b for b in dibaca if b is not None] + [("", "", "")] * BARIS_KOSONG
        isi = format_html_join(
            "",
            '<tr><td><input type="text" name="{0}-nama-{1}" id="id_{0}-nama-{1}" value="{2}" maxlength="60" '
            'aria-label="Nama variabel {3}" class="vTextField" size="20"></td>'
            '<td><input type="text" name="{0}-label-{1}" id="id_{0}-label-{1}" value="{4}" maxlength="200" '
            'aria-label="Label variabel {3}" class="vTextField" size="40"></td>'
            '<td><input type="text" name="{0}-catatan-{1}" id="id_{0}-catatan-{1}" value="{5}" '
            'maxlength="300" '
            'aria-label="Catatan variabel {3}" class="vTextField" size="30"></td></tr>',
            ((name, i, n, i + 1, lb, ct) for i, (n, lb, ct) in enumerate(baris)),
        )
        return format_html(
            '<table class="variabel-rumus" id="id_{}"><thead><tr><th>Nama (dipakai dalam rumus)</th>'
            "<th>Label (tercetak di Kertas Kerja)</th>"
            "<th>Catatan bukti (boleh kosong, dicetak setelah nilai)</th>"
            "</tr></thead><tbody>{}</tbody></table>"
            '<input type="hidden" name="{}-jumlah" value="{}">',
            name,
            isi,
            name,
            len(baris),
        )


class BidangVariabel(forms.Field):
    """The variables as the model keeps them ([{"nama", "label", "catatan"?}, ...]), typed as rows; a row
    with every box empty is skipped."""

    widget = InputVariabel

    def __init__(self, **kwargs: Any) -> None:
        for k in ("encoder", "decoder", "max_length"):
            kwargs.pop(k, None)
        kwargs.pop("widget", None)
        kwargs["required"] = False
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[dict[str, str]]:
        if not value:
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError("Variabel rumus tidak terbaca; isi satu baris nama dan label per variabel.")
        baris = []
        for v in value:
            terbaca = _baris_variabel(v)
            if terbaca is None:
                raise ValidationError(
                    "Variabel rumus tidak terbaca; isi satu baris nama dan label per variabel."
                )
            baris.append((terbaca[0].strip(), terbaca[1].strip(), terbaca[2].strip()))
        hasil: list[dict[str, str]] = []
        galat: list[str] = []
        dilihat: set[str] = set()
        for i, (nama, label, catatan) in enumerate(baris, start=1):
            if not nama and not label and not catatan:
                continue
            if not nama:
                galat.append(f"Baris {i}: isi nama variabel untuk \u201c{label or catatan}\u201d.")
                continue
            if not _NAMA.match(nama) or nama in ("x", "X"):
                galat.append(
                    f"Baris {i}: nama \u201c{nama}\u201d tidak sah. Gunakan huruf, angka dan garis bawah, "
                    "diawali huruf (mis. realisasi_pad); \u201cx\u201d berarti kali."
                )
                continue
            if nama in dilihat:
                galat.append(f"Baris {i}: nama \u201c{nama}\u201d sudah dipakai di baris lain.")
                continue
            dilihat.add(nama)
            satu = {"nama": nama, "label": label or nama}
            if catatan:
                satu["catatan"] = catatan  # the Kertas Kerja prints it after the value (Indikator.variabel)
            hasil.append(satu)
        if galat:
            raise ValidationError(galat)
        return hasil

    def prepare_value(self, value: Any) -> Any:
        return value

    def has_changed(self, initial: Any, data: Any) -> bool:
        if data is None:
            return False  # not posted: left as it is (the model form keeps the stored value)
        try:
            return self.to_python(initial or []) != self.to_python(data)
        except ValidationError:
            return True
