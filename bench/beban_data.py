"""The database side of the deadline-rush load test (run by bench/beban.py, not by hand).

    DATABASE_URL=... python bench/beban_data.py siapkan OPERATORS FILE.json
    DATABASE_URL=... python bench/beban_data.py nilai FILE.json            (the contended row's K)
    DATABASE_URL=... python bench/beban_data.py periksa FILE.json HASIL.jsonl K_BEFORE

`siapkan`, on a migrated database with the demo loaded (`capaian demo`):
On a migrated database with the demo loaded (`capaian demo`), this
- opens TW III 2024 for entry through the workflow service (the demo's TW II is mostly submitted or
  locked, and a locked quarter never changes),
- makes OPERATORS extra operator accounts `beban-NNN`, spread round-robin over the demo's agencies, each
  owning one K row of its agency that no other load-test user touches (so a lost update is detectable),
- signs each of them in ahead (a session made here, as `login` makes it: on deadline day operators signed in
  that morning; the run's own sign-ins are a separate, steady trickle), and
- picks one more row that a few "contended" users increment together over the API, and
- writes FILE.json: the accounts, their rows, the contended row and the password, for the Locust file.

`periksa` counts lost updates after a run: an operator's row must hold the last value the server accepted
from that operator, and the contended row its value before the run plus the increments the server accepted.
"""

import datetime
import itertools
import json
import os
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capaian.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402

from capaian.monev import alur  # noqa: E402
from capaian.monev.models import Realisasi, StatusTriwulan  # noqa: E402
from capaian.organisasi.models import Peran, PerangkatDaerah, Profil  # noqa: E402
from capaian.perencanaan.models import Indikator  # noqa: E402

TAHUN, TRIWULAN = 2024, 3
SANDI = "beban-capaian"


def _baris_k(pd: PerangkatDaerah) -> list[int]:
    """Rows whose K is typed (not computed from a formula's variables): what an operator saves."""
    return [
        i.pk
        for i in Indikator.objects.filter(perangkat_daerah=pd).order_by("pk")
        if not (i.rumus or "").strip()
    ]


def _k(indikator: int) -> Decimal | None:
    r = Realisasi.objects.filter(indikator_id=indikator, tahun=TAHUN, triwulan=TRIWULAN).first()
    return None if r is None else r.k


def nilai(data_json: str) -> None:
    with open(data_json) as f:
        data = json.load(f)
    print(_k(data["rebutan"]["indikator"]) or 0)


def periksa(data_json: str, hasil_jsonl: str, k_sebelum: str) -> None:
    with open(data_json) as f:
        data = json.load(f)
    with open(hasil_jsonl) as f:
        hasil = [json.loads(baris) for baris in f if baris.strip()]
    hilang, diperiksa, tambah, terbang = 0, 0, 0, 0
    for h in hasil:
        if h["jenis"] == "operator" and h["k"] is not None:
            diperiksa += 1
            # A save still in flight when the run stopped may have landed after all: not a lost update.
            boleh = {Decimal(h["k"])} | ({Decimal(h["terbang"])} if h["terbang"] is not None else set())
            hilang += _k(h["indikator"]) not in boleh
        elif h["jenis"] == "rebutan":
            tambah += h["berhasil"]
            terbang += h["terbang"]
    akhir = _k(data["rebutan"]["indikator"]) or Decimal(0)
    hilang_rebutan = Decimal(k_sebelum) + tambah - akhir
    if -terbang <= hilang_rebutan < 0:
        hilang_rebutan = Decimal(0)  # increments in flight at the stop that landed unanswered: none lost
    print(
        json.dumps(
            {
                "baris": diperiksa,
                "hilang": hilang,
                "tambah_rebutan": tambah,
                "terbang_rebutan": terbang,
                "hilang_rebutan": str(hilang_rebutan),
            }
        )
    )


def _sesi(pengguna: object) -> str:
    """A signed-in session for this user, stored as django.contrib.auth.login stores one."""
    sesi = SessionStore()
    sesi[SESSION_KEY] = str(pengguna.pk)  # type: ignore[attr-defined]
    # The backend that authenticates (django-axes's backend in front of it only counts failures).
    sesi[BACKEND_SESSION_KEY] = next(b for b in settings.AUTHENTICATION_BACKENDS if "axes" not in b)
    sesi[HASH_SESSION_KEY] = pengguna.get_session_auth_hash()  # type: ignore[attr-defined]
    sesi.create()
    return str(sesi.session_key)


def siapkan(jumlah: int, keluaran: str) -> None:
    Model = get_user_model()
    verifikator = Model.objects.get(username="verifikator")
    # Only agencies whose TW III can still be changed: the demo has some quarters submitted, verified or
    # locked, and an operator of one of those only ever meets a read-only page (never answered, no save).
    status = {s.perangkat_daerah_id: s for s in StatusTriwulan.objects.filter(tahun=TAHUN, triwulan=TRIWULAN)}
    semua = [
        pd
        for pd in PerangkatDaerah.objects.order_by("pk")
        if pd.pk not in status or status[pd.pk].boleh_diubah
    ]
    pemda = semua[0].pemda
    hari_ini = datetime.date.today()
    alur.atur_periode(
        verifikator,
        pemda,
        TAHUN,
        TRIWULAN,
        hari_ini - datetime.timedelta(days=7),
        hari_ini + datetime.timedelta(days=7),
    )
    bebas = {pd.pk: _baris_k(pd) for pd in semua}
    rebutan_pd = semua[0]
    rebutan = bebas[rebutan_pd.pk].pop(0)
    sandi = make_password(SANDI)
    akun = []
    with transaction.atomic():
        urutan = itertools.cycle(semua)
        for n in range(jumlah):
            # Round-robin over the agencies that still have a row nobody owns.
            pd = next(p for p in itertools.islice(urutan, len(semua)) if bebas[p.pk])
            nama = f"beban-{n:03d}"
            pengguna, baru = Model.objects.get_or_create(username=nama, defaults={"password": sandi})
            if baru:
                Profil.objects.create(
                    pengguna=pengguna, pemda=pd.pemda, peran=Peran.OPERATOR, perangkat_daerah=pd
                )
            akun.append(
                {"username": nama, "slug": pd.slug, "indikator": bebas[pd.pk].pop(0), "sesi": _sesi(pengguna)}
            )
        # The contended users are operators of the contended row's agency.
        for n in range(8):
            nama = f"beban-rebut-{n}"
            pengguna, baru = Model.objects.get_or_create(username=nama, defaults={"password": sandi})
            if baru:
                Profil.objects.create(
                    pengguna=pengguna,
                    pemda=rebutan_pd.pemda,
                    peran=Peran.OPERATOR,
                    perangkat_daerah=rebutan_pd,
                )
    with open(keluaran, "w") as f:
        json.dump(
            {
                "tahun": TAHUN,
                "triwulan": TRIWULAN,
                "sandi": SANDI,
                "operator": akun,
                "rebutan": {"slug": rebutan_pd.slug, "indikator": rebutan},
            },
            f,
        )


if __name__ == "__main__":
    perintah, *argumen = sys.argv[1:]
    if perintah == "siapkan":
        siapkan(int(argumen[0]), argumen[1])
    elif perintah == "nilai":
        nilai(argumen[0])
    else:
        periksa(*argumen)
