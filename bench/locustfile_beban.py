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

import html
import itertools
import json
import os
import random
import re
import threading
from decimal import Decimal
from typing import Any

from locust import HttpUser, between, constant, task

with open(os.environ["LOCUST_BEBAN_DATA"]) as _f:
    DATA: dict[str, Any] = json.load(_f)
TAHUN, TW = DATA["tahun"], DATA["triwulan"]
_urut_operator = itertools.count()
_urut_rebut = itertools.count()
# Operator accounts are handed out in order, so a run of N users uses accounts 0..N-1, each once.
_kunci_hasil = threading.Lock()


def _tulis_hasil(baris: dict[str, Any]) -> None:
    with _kunci_hasil, open(os.environ["LOCUST_BEBAN_HASIL"], "a") as f:
        f.write(json.dumps(baris) + "\n")


_INPUT = re.compile(r"<input\b[^>]*>")
_TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S)
_ATRIBUT = re.compile(r'(\w[\w-]*)="([^"]*)"')


def formulir_isian(halaman: str) -> dict[str, str]:
    """The entry form's fields as a browser posts them (inputs, hidden inputs, textareas), read with regular
    expressions: the Locust process must stay cheap next to the server on a 2-core machine."""
    awal = halaman.find('id="form-isian"')
    bagian = halaman[awal : halaman.find("</form>", awal)]
    isian: dict[str, str] = {}
    for tag in _INPUT.findall(bagian):
        a = dict(_ATRIBUT.findall(tag))
        if "name" in a and a.get("type") not in ("file", "submit", "checkbox"):
            isian.setdefault(html.unescape(a["name"]), html.unescape(a.get("value", "")))
    for atribut, isi in _TEXTAREA.findall(bagian):
        a = dict(_ATRIBUT.findall(atribut))
        if "name" in a:
            isian[a["name"]] = html.unescape(isi)
    return isian


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
        urut = next(_urut_operator)
        self.akun = DATA["operator"][urut % len(DATA["operator"])]
        self.url = f"/pd/{self.akun['slug']}/{TAHUN}/{TW}/"
        self.nilai = random.randrange(1000, 900000)  # the K this user writes, increasing
        self.terakhir: int | None = None
        self.dikirim = self.dijawab = 0
        self.terbang: int | None = None  # the value of a save sent and not yet answered
        # Signed in before the rush (bench/beban_data.py made the session); sign-ins are the Masuk user's.
        self.client.cookies.set("sessionid", self.akun["sesi"])

    @task
    def simpan(self) -> None:
        halaman = self.client.get(self.url, name="isian (halaman)")
        isian = formulir_isian(halaman.text)
        nama = f"k-{self.akun['indikator']}"
        if nama not in isian:
            judul = re.search(r"<title>(.*?)</title>", halaman.text, re.S)
            raise RuntimeError(
                f"{self.akun['username']}: no field {nama} on {self.url} (HTTP {halaman.status_code}, "
                f"page {judul.group(1).strip() if judul else halaman.text[:200]!r})"
            )
        self.nilai += 1
        isian[nama] = str(self.nilai)
        self.dikirim += 1
        self.terbang = self.nilai
        with self.client.post(
            self.url, isian, name="isian (simpan)", allow_redirects=False, catch_response=True
        ) as r:
            self.terbang = None
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
                "terbang": self.terbang,
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
        self.terbang = 0  # increments sent and not answered (at most one)
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
            self.terbang = 1  # until its answer arrives: at the run's stop it may have landed unanswered
            with self.client.patch(
                self.url,
                json={"k": str(k), "versi": ini["versi"]},
                name="api simpan (rebutan)",
                catch_response=True,
            ) as r:
                self.terbang = 0
                if r.status_code == 200:
                    self.berhasil += 1
                    return
                if r.status_code == 409:
                    r.success()  # a conflict is the expected answer to a stale version
                    continue
                r.failure(f"HTTP {r.status_code}")
                return

    def on_stop(self) -> None:
        _tulis_hasil({"jenis": "rebutan", "berhasil": self.berhasil, "terbang": self.terbang})


class Masuk(HttpUser):
    """The steady trickle of sign-ins during the rush (Argon2 costs each about a tenth of a second of CPU)."""

    weight = 2
    wait_time = between(4, 8)

    @task
    def masuk(self) -> None:
        self.client.cookies.clear()
        _masuk(self, random.choice(DATA["operator"])["username"])


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
