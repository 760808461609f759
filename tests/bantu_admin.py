"""The admin's change form as a browser would post it unchanged: the main form and every inline formset,
built from the page's own bound forms, so a test changes only the fields it names."""

from typing import Any

from django import forms
from django.test import Client

from capaian.web.admin_masukan import BARIS_KOSONG, InputVariabel


def _nilai(bf: Any) -> Any:
    nilai = bf.value()  # already prepared for the widget
    return "" if nilai is None else nilai


def _form(data: dict[str, Any], form: Any) -> None:
    for nama in form.fields:
        bf = form[nama]
        if bf.field.disabled or isinstance(bf.field, forms.FileField):
            continue  # a browser sends no file unless one is chosen: the stored one stays
        nilai = _nilai(bf)
        if isinstance(bf.field.widget, InputVariabel):
            # The rows the page renders: name, label and note per variable (plus the empty rows offered).
            kolom = ("nama", "label", "catatan")
            baris = [tuple(v.get(k, "") for k in kolom) for v in nilai or []]
            baris += [("", "", "")] * BARIS_KOSONG
            data[f"{bf.html_name}-jumlah"] = str(len(baris))
            for i, isi in enumerate(baris):
                for k, x in zip(kolom, isi, strict=True):
                    data[f"{bf.html_name}-{k}-{i}"] = x
            continue
        if isinstance(nilai, bool):
            if nilai:
                data[bf.html_name] = "on"
            continue
        data[bf.html_name] = nilai


def data_ubah(klien: Client, url: str) -> dict[str, Any]:
    r = klien.get(url)
    assert r.status_code == 200, r.status_code
    data: dict[str, Any] = {}
    _form(data, r.context["adminform"].form)
    for inline in r.context["inline_admin_formsets"]:
        fs = inline.formset
        _form(data, fs.management_form)
        for f in fs.forms:
            _form(data, f)
    return data


def nama_inline(klien: Client, url: str, model: str) -> list[tuple[str, Any]]:
    """(prefix, instance) of every existing inline form of `model` on the page ("targettahunan")."""
    r = klien.get(url)
    hasil = []
    for inline in r.context["inline_admin_formsets"]:
        fs = inline.formset
        if fs.model._meta.model_name == model:
            hasil += [(f.prefix, f.instance) for f in fs.forms if f.instance.pk]
    return hasil
