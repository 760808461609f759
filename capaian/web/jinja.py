"""The Jinja2 environment of the one template Django's template language is too slow for: the entry screen's
rows (web/isian_baris.html, put into web/isian.html as one block).

Measured on the demo (57 rows, ~4,500 printed values): the rows cost ~45 ms of CPU per page in Django's
template language, half of the whole page, and every save is followed by that page. Jinja2 compiles a
template to Python and prints the same rows in a few milliseconds.

It escapes as Django does (autoescape on; Django's safe strings keep their `__html__`), and its filters are
Django's own functions, so the markup is the same as the Django template printed before."""

from typing import Any

from django.template import defaultfilters
from django.urls import reverse
from jinja2 import Environment


def _url(nama: str, *args: Any) -> str:
    return reverse(nama, args=args)


def lingkungan(**opsi: Any) -> Environment:
    env = Environment(**opsi)
    env.globals["url"] = _url
    env.filters["truncatechars"] = defaultfilters.truncatechars
    env.filters["linebreaksbr"] = lambda teks: defaultfilters.linebreaksbr(teks, autoescape=True)
    return env
