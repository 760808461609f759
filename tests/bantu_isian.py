"""The entry screen's form as a browser would post it unchanged: every named input of `form-isian` (a
checkbox only when ticked) and every textarea, so a test changes only the fields it names."""

from html.parser import HTMLParser

from django.test import Client


def form_isian(klien: Client, url: str) -> dict[str, str]:
    isi = klien.get(url).content.decode()
    awal = isi.index('id="form-isian"')
    hasil: dict[str, str] = {}

    class P(HTMLParser):
        teks: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
                if a.get("type") == "checkbox" and "checked" not in a:
                    return  # a browser posts only ticked boxes
                hasil[a["name"] or ""] = a.get("value") or ""
            if tag == "textarea" and a.get("name"):
                self.teks = a["name"]
                hasil[self.teks or ""] = ""

        def handle_data(self, data: str) -> None:
            if self.teks:
                hasil[self.teks] += data

        def handle_endtag(self, tag: str) -> None:
            if tag == "textarea":
                self.teks = None

    P().feed(isi[awal : isi.index("</form>", awal)])
    return hasil
