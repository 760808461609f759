"""The deadline rush as Locust users (run through bench/beban.py, which prepares the database and the server).

- Operator: signs in on the web, opens the agency's TW III entry screen, changes the K of the one row it
  owns and saves the whole form as a browser does (the save is timed without its redirect; the page shown
  after it is timed as the entry screen). Think time 2-6 s, as a person typing.
- Perebut (contended): a few operators of one agency increment one shared row over the API with its
  version, retrying on 409: at the end the row must equal its start plus the successful increments.
- Verifikator: opens the board of TW III.
- Sepele (trivial): the health page, the yardstick of what one request costs under the same load.

Each user writes what it saved last to LOCUST_BEBAN_HASIL (one JSON line per user) at stop, so bench/beban.py
can count lost updates against the database.
"""

import html.parser
import itertools
import json
import os
import threading
from decimal import Decimal
from typing import Any

from locust import HttpUser, between, constant, task

with open(os.environ["LOCUST_BEBAN_DATA"]) as _f:
    DATA: dict[str, Any] = json.load(_f)
TAHUN, TW = DATA["tahun"], DATA["triwulan"]
_urut_operator = itertools.count()
_urut_rebut = itertools.count()
_kunci_hasil = threading.Lock()


def _tulis_hasil(baris: dict[str, Any]) -> None:
    with _kunci_hasil, open(os.environ["LOCUST_BEBAN_HASIL"], "a") as f:
        f.write(json.dumps(baris) + "\n")


class _Formulir(html.parser.HTMLParser):
    """The entry form's fields as a browser would post them (inputs, hidden inputs and textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.isian: dict[str, str] = {}
        self.dalam_form = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.dalam_form = a.get("id") == "form-isian"
        if not self.dalam_form or not a.get("name"):
            return
        if tag == "input" and a.get("type") not in ("file", "submit", "checkbox"):
            self.isian.setdefault(a["name"] or "", a.get("value") or "")
        if tag == "textarea":
            self._textarea = a["name"]
            self.isian.setdefault(self._textarea or "", "")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.isian[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        if tag == "form":
            self.dalam_form = False


def _masuk(user: HttpUser, nama: str, sandi: str = DATA["sandi"]) -> None:
    user.client.get("/masuk/", name="masuk (halaman)")
    token = user.client.cookies.get("csrftoken", "")
    user.client.post(
        "/masuk/",
        {"username": nama, "password": sandi, "csrfmiddlewaretoken": token},
        name="masuk",
        allow_redirects=False,
    )


class Operator(HttpUser):
    weight = 40
    wait_time = between(2, 6)

    def on_start(self) -> None:
        self.akun = DATA["operator"][next(_urut_operator) % len(DATA["operator"])]
        self.url = f"/pd/{self.akun['slug']}/{TAHUN}/{TW}/"
        self.nilai = 1000 + next(_urut_operator) * 1000  # the K this user writes, increasing
        self.terakhir: int | None = None
        self.dikirim = self.dijawab = 0
        _masuk(self, self.akun["username"])

    @task
    def simpan(self) -> None:
        halaman = self.client.get(self.url, name="isian (halaman)")
        form = _Formulir()
        form.feed(halaman.text)
        nama = f"k-{self.akun['indikator']}"
        if nama not in form.isian:
            raise RuntimeError(
                f"{self.akun['username']}: no field {nama} on {self.url} (HTTP {halaman.status_code})"
            )
        self.nilai += 1
        form.isian[nama] = str(self.nilai)
        self.dikirim += 1
        with self.client.post(
            self.url, form.isian, name="isian (simpan)", allow_redirects=False, catch_response=True
        ) as r:
            self.dijawab += r.status_code != 0
            if r.status_code == 302:
                self.terakhir = self.nilai
                r.success()
            else:
                r.failure(f"HTTP {r.status_code}")

    def on_stop(self) -> None:
        _tulis_hasil(
            {
                "jenis": "operator",
                "indikator": self.akun["indikator"],
                "k": self.terakhir,
                "dikirim": self.dikirim,
                "dijawab": self.dijawab,
            }
        )


class Perebut(HttpUser):
    weight = 2
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        nama = f"beban-rebut-{next(_urut_rebut) % 8}"
        r = self.client.post(
            "/api/auth/token", json={"username": nama, "password": DATA["sandi"]}, name="api token"
        )
        self.client.headers["Authorization"] = f"Bearer {r.json()['token']}"
        self.berhasil = 0
        self.url = f"/api/indikator/{DATA['rebutan']['indikator']}/realisasi/{TAHUN}/{TW}"

    @task
    def tambah(self) -> None:
        for _ in range(20):  # retry on a version conflict, as a client that merges would
            baris = self.client.get(
                f"/api/realisasi?pd={DATA['rebutan']['slug']}&tahun={TAHUN}&triwulan={TW}",
                name="api realisasi",
            ).json()
            ini = next(b for b in baris if b["indikator_id"] == DATA["rebutan"]["indikator"])
            k = Decimal(ini["k"] or "0") + 1
            with self.client.patch(
                self.url,
                json={"k": str(k), "versi": ini["versi"]},
                name="api simpan (rebutan)",
                catch_response=True,
            ) as r:
                if r.status_code == 200:
                    self.berhasil += 1
                    return
                if r.status_code == 409:
                    r.success()  # a conflict is the expected answer to a stale version
                    continue
                r.failure(f"HTTP {r.status_code}")
                return

    def on_stop(self) -> None:
        _tulis_hasil({"jenis": "rebutan", "berhasil": self.berhasil})


class Verifikator(HttpUser):
    weight = 1
    wait_time = between(3, 8)

    def on_start(self) -> None:
        _masuk(self, "verifikator", "capaian-demo")

    @task
    def papan(self) -> None:
        self.client.get(f"/triwulan/{TAHUN}/{TW}/", name="papan verifikator")


class Sepele(HttpUser):
    weight = 2
    wait_time = constant(0.5)

    @task
    def sehat(self) -> None:
        self.client.get("/sehat/", name="sepele (/sehat/)")
