"""National scale on PostgreSQL (issue 14 item 5): a synthetic country in its own database, bulk-loaded
with COPY, and the reads that a national deployment serves from the stored results.

    make bench-nasional                      (scale 0.1: 55 pemda; a few minutes)
    .venv/bin/python bench/nasional.py [--skala 1] [--simpan] [--url postgres://postgres@127.0.0.1:5432]

At scale 1: 546 pemda x 40 agencies x 60 indicator rows x 4 quarters = 5,241,600 stored indicator-quarters
(capaian.hasil.models.HasilIndikator) and 87,360 agency-quarters (HasilPerangkatDaerah), with the plan
they belong to (agencies, programs, kegiatan, sub kegiatan, indicators) and each quarter's status (TW I
locked, TW II verified, TW III half verified, TW IV draft).

The numbers are the rules core's: a pool of VARIAN synthetic agencies (random targets and realisations,
seeded) is computed per quarter by the very function the services store with (capaian.hasil.simpan.hitung:
Form E.81, its totals, the board's summary), and each agency of the country takes one of them. Only the
stored results and the plan are loaded, not the inputs (targets, realisations): this measures the read
path of a national deployment, not `capaian hitung-ulang` over it.

Measured: load time and rate, database and table sizes, one city's Form E.79 built from stored results
(capaian.laporan.sumber_kota.muat_data_kota + capaian.laporan.e79.bangun_e79, and e79.json; goal < 300 ms),
one province's recap and the national recap (capaian.hasil.rekap_wilayah; goal < 60 s), the peak memory of
this process, and the EXPLAIN ANALYZE plans of the queries those reads rely on. The database
`capaian_nasional` is dropped at the end unless --simpan.
"""

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

NAMA_DB = "capaian_nasional"
PEMDA, PD, BARIS, TAHUN = 546, 40, 60, 2024
VARIAN = 24
PROVINSI = 38
BIDANG = [
    "1.01",
    "1.02",
    "1.03",
    "1.04",
    "1.05",
    "1.06",
    "2.07",
    "2.08",
    "2.09",
    "2.10",
    "2.11",
    "2.12",
    "2.13",
    "2.14",
    "2.15",
    "2.16",
    "2.17",
    "2.18",
    "2.19",
    "2.20",
    "3.25",
    "3.26",
    "3.27",
    "3.28",
    "3.29",
    "3.30",
    "3.31",
    "3.32",
    "4.01",
    "5.01",
    "5.02",
    "5.03",
    "5.04",
    "5.05",
    "6.01",
    "7.01",
    "8.01",
    "1.02",
    "1.03",
    "2.07",
]
STATUS = {1: "terkunci", 2: "diverifikasi", 4: "draft"}  # TW III: every other agency verified


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--skala", type=float, default=1.0, help="share of the 546 pemda (0 < skala <= 1)")
    p.add_argument("--url", default=os.environ.get("CAPAIAN_PG", "postgres://postgres@127.0.0.1:5432"))
    p.add_argument("--simpan", action="store_true", help="keep the database capaian_nasional afterwards")
    a = p.parse_args()
    if not 0 < a.skala <= 1:
        p.error("--skala harus di antara 0 dan 1")
    return a


def _psql(url: str, sql: str) -> None:
    subprocess.run(["psql", f"{url}/postgres", "-qXc", sql], check=True, capture_output=True)


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the pool of computed agencies -------------------------------------------------------------------------


def _struktur() -> list[tuple[str, int, int | None, int | None]]:
    """One agency's 60 rows: 4 programs with an indicator, each with 2 kegiatan with theirs, 6 sub kegiatan
    each."""
    baris: list[tuple[str, int, int | None, int | None]] = []
    for p in range(4):
        baris.append(("program", p, None, None))
        for k in range(2):
            baris.append(("kegiatan", p, k, None))
            baris.extend(("subkegiatan", p, k, s) for s in range(6))
    assert len(baris) == BARIS
    return baris


def _kode(bidang: str, p: int, k: int | None, s: int | None) -> str:
    kode = f"{bidang}.{p + 1:02d}"
    if k is not None:
        kode += f".2.{k + 1:02d}"
    if s is not None:
        kode += f".{s + 1:04d}"
    return kode


def _pool() -> dict[tuple[int, int], Any]:
    """VARIAN synthetic agencies computed by capaian.hasil.simpan.hitung for each quarter."""
    import dataclasses

    from capaian.aturan.capaian import KRp
    from capaian.hasil.simpan import hitung
    from capaian.laporan.data import BarisRencana, DataLaporan, dengan_induk_turunan

    acak = random.Random(14)
    hasil = {}
    for v in range(VARIAN):
        baris = []
        for tingkat, p, k, s in _struktur():
            target_k = Decimal(acak.randint(10, 200))
            rp = acak.randint(5, 500) * 1_000_000 if tingkat == "subkegiatan" else None
            target_tw = [KRp(k=Decimal(acak.randint(1, 60)), rp=rp // 4 if rp else None) for _ in range(4)]
            realisasi_tw = []
            for t in target_tw:
                laju = Decimal(acak.randint(40, 120)) / 100
                realisasi_tw.append(
                    KRp(k=(t.k or Decimal(0)) * laju, rp=int(t.rp * laju) if t.rp is not None else None)
                )
            kode = _kode("1.01", p, k, s)
            baris.append(
                BarisRencana(
                    kunci=kode,
                    kode=kode,
                    tingkat=tingkat,
                    uraian=f"{tingkat} {kode}",
                    indikator="Persentase capaian",
                    satuan="%",
                    renstra=KRp(k=target_k * 5, rp=rp * 5 if rp else None),
                    realisasi_lalu=KRp(k=target_k * 2, rp=rp * 2 if rp else None),
                    target=KRp(k=target_k, rp=rp),
                    target_tw=(target_tw[0], target_tw[1], target_tw[2], target_tw[3]),
                    realisasi_tw=(realisasi_tw[0], realisasi_tw[1], realisasi_tw[2], realisasi_tw[3]),
                )
            )
        semua = dengan_induk_turunan(baris)
        for tw in range(1, 5):
            # As the reader gives a quarter: the realisations up to it.
            sampai = tuple(
                dataclasses.replace(
                    r,
                    realisasi_tw=tuple(x if i < tw else KRp() for i, x in enumerate(r.realisasi_tw)),  # type: ignore[arg-type]
                )
                for r in semua
            )
            data = DataLaporan(
                pemda="Sintetis",
                tempat="Sintetis",
                perangkat_daerah=f"Varian {v}",
                tahun=TAHUN,
                triwulan=tw,
                baris=sampai,
                sintetis=True,
            )
            hasil[(v, tw)] = hitung(data, list(range(BARIS)))
    return hasil


# --- COPY ------------------------------------------------------------------------------------------------


def _teks(nilai: object) -> str:
    if nilai is None:
        return "\\N"
    if isinstance(nilai, bool):
        return "t" if nilai else "f"
    if isinstance(nilai, dict | list):
        return json.dumps(nilai, separators=(",", ":")).replace("\\", "\\\\")
    return str(nilai)


def _kolom(model: Any) -> list[str]:
    return [f.column for f in model._meta.concrete_fields]


class Salin:
    """Rows for one table, written with psycopg's COPY in chunks, on a connection of its own (one COPY at a
    time per connection; the tables are filled side by side in one pass over the country)."""

    def __init__(self, url: str, model: Any, kolom: list[str]) -> None:
        import psycopg

        self.conn = psycopg.connect(url)
        self.cur = self.conn.cursor()
        self.cur.execute("SET session_replication_role = replica")  # no FK triggers during the load
        self.buf = io.StringIO()
        self.n = 0
        self._cm = self.cur.copy(f"COPY {model._meta.db_table} ({', '.join(kolom)}) FROM STDIN")
        self.copy = self._cm.__enter__()

    def tulis(self, baris: str) -> None:
        self.buf.write(baris)
        self.n += 1
        if self.n % 20_000 == 0:
            self.copy.write(self.buf.getvalue())
            self.buf = io.StringIO()

    def tutup(self) -> None:
        self.copy.write(self.buf.getvalue())
        self._cm.__exit__(None, None, None)
        self.conn.commit()
        self.conn.close()


def _muat(url: str, skala: float, pool: dict[tuple[int, int], Any]) -> dict[str, Any]:
    from django.db import connection

    from capaian.hasil.kode import KOLOM_HASIL
    from capaian.hasil.models import HasilIndikator, HasilPerangkatDaerah
    from capaian.monev.models import StatusTriwulan
    from capaian.organisasi.models import Pemda, PerangkatDaerah
    from capaian.perencanaan.models import Indikator, Kegiatan, Program, SubKegiatan

    n_pemda = max(1, round(PEMDA * skala))
    struktur = _struktur()
    kol_total = [
        "baris",
        "target_rp",
        "realisasi_rp",
        "capaian_k",
        "capaian_rp",
        "predikat_k",
        "predikat_rp",
        "galat",
        "ada_isian",
        "ringkasan",
    ]
    ekor_baris = {
        (v, tw, i): "\t".join(_teks(d.baris[i][k]) for k in KOLOM_HASIL)
        for (v, tw), d in pool.items()
        for i in range(BARIS)
    }
    ekor_total = {(v, tw): "\t".join(_teks(d.total[k]) for k in kol_total) for (v, tw), d in pool.items()}
    acak = random.Random(546)
    t0 = time.perf_counter()
    s_pemda = Salin(
        url,
        Pemda,
        ["id", "nama", "slug", "provinsi", "tempat", "nama_bappeda", "set_predikat", "persetujuan_kepala"],
    )
    s_pd = Salin(
        url,
        PerangkatDaerah,
        [
            "id",
            "pemda_id",
            "nama",
            "slug",
            "singkatan",
            "alamat",
            "telepon",
            "faksimile",
            "email",
            "laman",
            "logo",
            "sintetis",
        ],
    )
    s_prog = Salin(url, Program, ["id", "perangkat_daerah_id", "kode", "nama"])
    s_keg = Salin(url, Kegiatan, ["id", "program_id", "kode", "nama"])
    s_sub = Salin(url, SubKegiatan, ["id", "kegiatan_id", "kode", "nama"])
    s_ind = Salin(
        url,
        Indikator,
        [
            "id",
            "versi",
            "perangkat_daerah_id",
            "tingkat",
            "program_id",
            "kegiatan_id",
            "subkegiatan_id",
            "uraian",
            "satuan",
            "urutan",
            "polaritas",
            "rumus_negatif",
            "agregasi",
            "akumulasi",
            "rumus",
            "variabel",
            "boleh_negatif",
            "catatan_nilai",
        ],
    )
    s_status = Salin(
        url,
        StatusTriwulan,
        [
            "id",
            "perangkat_daerah_id",
            "tahun",
            "triwulan",
            "status",
            "catatan",
            "diubah",
            "penjelasan_galat",
            "penjelasan_galat_diterima",
            "penjelasan_sidik",
        ],
    )
    s_hasil = Salin(
        url, HasilIndikator, ["id", "indikator_id", "perangkat_daerah_id", "tahun", "triwulan", *KOLOM_HASIL]
    )
    s_total = Salin(
        url, HasilPerangkatDaerah, ["id", "perangkat_daerah_id", "pemda_id", "tahun", "triwulan", *kol_total]
    )
    pd_id = prog_id = keg_id = sub_id = ind_id = status_id = hasil_id = total_id = 0
    for pe in range(1, n_pemda + 1):
        prov = f"Provinsi {(pe - 1) % PROVINSI + 1:02d}"
        s_pemda.tulis(
            f"{pe}\tKota Sintetis {pe}\tkota-sintetis-{pe}\t{prov}\tSintetis {pe}\tBappeda\t"
            "permendagri86-atas-inklusif\tt\n"
        )
        for j in range(PD):
            pd_id += 1
            s_pd.tulis(
                f"{pd_id}\t{pe}\tDinas {j + 1} Kota Sintetis {pe}\tpd-{pd_id}\tD{j + 1}\t\t\t\t\t\t\tt\n"
            )
            bidang = BIDANG[j]
            varian = acak.randrange(VARIAN)
            prog: dict[int, int] = {}
            keg: dict[tuple[int, int], int] = {}
            ids = []
            for urutan, (tingkat, p, k, s) in enumerate(struktur, start=1):
                kode = _kode(bidang, p, k, s)
                ind_id += 1
                ids.append(ind_id)
                fk = {"program": "\\N", "kegiatan": "\\N", "subkegiatan": "\\N"}
                if tingkat == "program":
                    prog_id += 1
                    prog[p] = prog_id
                    s_prog.tulis(f"{prog_id}\t{pd_id}\t{kode}\tProgram {kode}\n")
                    fk["program"] = str(prog_id)
                elif tingkat == "kegiatan":
                    keg_id += 1
                    keg[(p, k or 0)] = keg_id
                    s_keg.tulis(f"{keg_id}\t{prog[p]}\t{kode}\tKegiatan {kode}\n")
                    fk["kegiatan"] = str(keg_id)
                else:
                    sub_id += 1
                    s_sub.tulis(f"{sub_id}\t{keg[(p, k or 0)]}\t{kode}\tSub kegiatan {kode}\n")
                    fk["subkegiatan"] = str(sub_id)
                s_ind.tulis(
                    f"{ind_id}\t1\t{pd_id}\t{tingkat}\t{fk['program']}\t{fk['kegiatan']}\t"
                    f"{fk['subkegiatan']}\tPersentase capaian {kode}\t%\t{urutan}\tpositif\t2t-r\t"
                    "jumlah\tkumulatif\t\t[]\tf\t\n"
                )
            for tw in range(1, 5):
                status_id += 1
                st = STATUS.get(tw) or ("diverifikasi" if pd_id % 2 else "draft")
                s_status.tulis(
                    f"{status_id}\t{pd_id}\t{TAHUN}\t{tw}\t{st}\t\t2024-10-01 00:00:00+00\t\t[]\t\n"
                )
                total_id += 1
                s_total.tulis(f"{total_id}\t{pd_id}\t{pe}\t{TAHUN}\t{tw}\t{ekor_total[(varian, tw)]}\n")
                for i, indikator in enumerate(ids):
                    hasil_id += 1
                    s_hasil.tulis(
                        f"{hasil_id}\t{indikator}\t{pd_id}\t{TAHUN}\t{tw}\t{ekor_baris[(varian, tw, i)]}\n"
                    )
    for s in (s_pemda, s_pd, s_prog, s_keg, s_sub, s_ind, s_status, s_total, s_hasil):
        s.tutup()
    t_muat = time.perf_counter() - t0
    t1 = time.perf_counter()
    with connection.cursor() as c:
        for model in (
            Pemda,
            PerangkatDaerah,
            Program,
            Kegiatan,
            SubKegiatan,
            Indikator,
            StatusTriwulan,
            HasilIndikator,
            HasilPerangkatDaerah,
        ):
            t = model._meta.db_table
            c.execute(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))")
            c.execute(f"VACUUM ANALYZE {t}")
    return {
        "pemda": n_pemda,
        "pd": pd_id,
        "indikator": ind_id,
        "hasil": hasil_id,
        "total": total_id,
        "detik_copy": t_muat,
        "detik_analyze": time.perf_counter() - t1,
    }


# --- measuring -------------------------------------------------------------------------------------------


def _ukur(nama: str, f: Callable[[], object], kali: int = 3) -> float:
    """Median wall time of `kali` runs after a warm one; the CPU time of this process beside it (the
    machine is shared: wall time includes waiting for a core)."""
    f()  # warm: the first run pays for the connection's caches
    waktu, cpu = [], []
    for _ in range(kali):
        t, c = time.perf_counter(), time.process_time()
        f()
        waktu.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    m = statistics.median(waktu)
    print(
        f"  {nama:58s} median {m * 1000:9.1f} ms, CPU {statistics.median(cpu) * 1000:8.1f} ms "
        f"(of {kali}; slowest {max(waktu) * 1000:.1f} ms)"
    )
    return m


def _rencana(judul: str, qs: Any) -> None:
    print(f"\n  EXPLAIN ANALYZE — {judul}:")
    for baris in qs.explain(analyze=True, buffers=True).splitlines():
        print(f"    {baris}")


def _ukuran() -> Iterator[tuple[str, str]]:
    from django.db import connection

    with connection.cursor() as c:
        c.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        yield "database", c.fetchone()[0]
        c.execute(
            "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)), "
            "pg_size_pretty(pg_indexes_size(oid)) FROM pg_class WHERE relname IN "
            "('hasil_hasilindikator', 'hasil_hasilperangkatdaerah', 'perencanaan_indikator') ORDER BY 1"
        )
        for nama, total, indeks in c.fetchall():
            yield nama, f"{total} (indeks {indeks})"


def main() -> None:
    a = _args()
    _psql(a.url, f"DROP DATABASE IF EXISTS {NAMA_DB} WITH (FORCE)")
    _psql(a.url, f"CREATE DATABASE {NAMA_DB}")
    os.environ["DATABASE_URL"] = f"{a.url}/{NAMA_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capaian.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"Skala {a.skala}: migrate {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        pool = _pool()
        print(
            f"Pool {VARIAN} agencies x 4 quarters computed by capaian.hasil.simpan.hitung: "
            f"{time.perf_counter() - t:.1f} s"
        )
        n = _muat(os.environ["DATABASE_URL"], a.skala, pool)
        print(
            f"Loaded {n['pemda']} pemda, {n['pd']:,} agencies, {n['indikator']:,} indicators, "
            f"{n['hasil']:,} indicator-quarters, {n['total']:,} agency-quarters: "
            f"COPY {n['detik_copy']:.1f} s ({n['hasil'] / n['detik_copy']:,.0f} indicator-quarters/s), "
            f"VACUUM ANALYZE {n['detik_analyze']:.1f} s"
        )
        for nama, ukuran in _ukuran():
            print(f"  size {nama}: {ukuran}")
        print(f"  peak memory of this process after the load: {_mb():.0f} MB")
        _baca(a.skala)
        print(f"\nPeak memory of this process: {_mb():.0f} MB")
    finally:
        connection.close()
        if not a.simpan:
            _psql(a.url, f"DROP DATABASE IF EXISTS {NAMA_DB} WITH (FORCE)")
            print(f"Database {NAMA_DB} dropped (--simpan keeps it).")


def _baca(skala: float) -> None:
    from capaian.hasil.models import HasilIndikator, HasilPerangkatDaerah
    from capaian.hasil.rekap_wilayah import rekap_wilayah
    from capaian.laporan.e79 import bangun_e79
    from capaian.laporan.render_json_kota import e79_json
    from capaian.laporan.sumber_kota import muat_data_kota
    from capaian.monev.models import StatusTriwulan
    from capaian.organisasi.models import Pemda, PerangkatDaerah

    pemda = Pemda.objects.order_by("pk")[max(0, round(PEMDA * skala) // 2)]
    print(f"\nReads (TW II {TAHUN}; {pemda.nama}, {pemda.provinsi}):")
    lap = bangun_e79(muat_data_kota(pemda, TAHUN, 2))
    assert len(lap.termasuk) == PD and lap.rekap.rata_capaian.k is not None, "E.79 from stored results"
    t_e79 = _ukur(
        "one city's Form E.79 (40 agencies) from stored results",
        lambda: bangun_e79(muat_data_kota(pemda, TAHUN, 2)),
    )
    _ukur(
        "  the same as e79.json",
        lambda: json.dumps(e79_json(bangun_e79(muat_data_kota(pemda, TAHUN, 2))), default=str),
    )
    prov = rekap_wilayah(TAHUN, 2, pemda.provinsi)
    t_prov = _ukur(
        f"one province's recap ({len(prov.baris)} pemda)", lambda: rekap_wilayah(TAHUN, 2, pemda.provinsi)
    )
    nas = rekap_wilayah(TAHUN, 2)
    t_nas = _ukur(
        f"the national recap ({len(nas.baris)} provinces, {nas.total.termasuk:,} agencies)",
        lambda: rekap_wilayah(TAHUN, 2),
        kali=2,
    )
    print(
        f"  national TW II: capaian K {nas.total.capaian_k} %, Rp {nas.total.capaian_rp} %, "
        f"{nas.total.program:,} programs"
    )
    print(
        f"  goals: E.79 < 300 ms: {'met' if t_e79 < 0.3 else 'MISSED'} ({t_e79 * 1000:.0f} ms); "
        f"national recap < 60 s: {'met' if t_nas < 60 else 'MISSED'} ({t_nas:.2f} s); "
        f"province {t_prov * 1000:.0f} ms"
    )

    daftar = list(PerangkatDaerah.objects.filter(pemda=pemda))
    _rencana(
        "a city's stored rows (E.79, index hasil_pd_tw)",
        HasilIndikator.objects.filter(perangkat_daerah__in=daftar, tahun=TAHUN, triwulan=2),
    )
    _rencana(
        "a city's agency totals",
        HasilPerangkatDaerah.objects.filter(perangkat_daerah__in=daftar, tahun=TAHUN, triwulan=2),
    )
    termasuk = StatusTriwulan.objects.filter(
        tahun=TAHUN, triwulan=2, status__in=("diverifikasi", "terkunci")
    ).values("perangkat_daerah_id")
    _rencana(
        "the national recap's one query",
        HasilPerangkatDaerah.objects.filter(
            tahun=TAHUN, triwulan=2, perangkat_daerah_id__in=termasuk
        ).values_list("pemda_id", "target_rp", "realisasi_rp", "ringkasan__program"),
    )
    _rencana(
        "a province's recap",
        HasilPerangkatDaerah.objects.filter(
            tahun=TAHUN, triwulan=2, perangkat_daerah_id__in=termasuk, pemda__provinsi=pemda.provinsi
        ).values_list("pemda_id", "target_rp", "realisasi_rp", "ringkasan__program"),
    )


if __name__ == "__main__":
    main()
