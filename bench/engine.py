"""Benchmark of the rules core: Form E.81 columns 12-15 for 10,000 synthetic indicators x 4 quarters,
plus the totals. A script, not a test: it prints rows per second and peak memory.

    make bench            (or: .venv/bin/python bench/engine.py [--baris N])
"""

import argparse
import random
import time
import tracemalloc
from decimal import Decimal

from capaian.aturan.capaian import Agregasi, Akumulasi, KRp, MasukanBaris, Polaritas, Sifat, hitung_baris
from capaian.aturan.rekap import Rekap, rekap_program


def buat_baris(jumlah: int, acak: random.Random) -> list[MasukanBaris]:
    baris = []
    for _ in range(jumlah):
        target_rp = acak.randrange(10_000_000, 5_000_000_000)

        def tw(pagu: int = target_rp) -> KRp:
            # About one quarter in ten is not entered, so blanks are exercised too.
            if acak.random() < 0.1:
                return KRp()
            return KRp(k=Decimal(acak.randrange(0, 10_000)) / 100, rp=acak.randrange(0, pagu // 3))

        baris.append(
            MasukanBaris(
                sifat=Sifat(
                    polaritas=Polaritas.NEGATIF if acak.random() < 0.05 else Polaritas.POSITIF,
                    agregasi=acak.choice(list(Agregasi)),
                    akumulasi=acak.choice(list(Akumulasi)),
                ),
                renstra=KRp(k=Decimal(acak.randrange(1, 100_000)) / 100, rp=target_rp * 5),
                realisasi_lalu=KRp(k=Decimal(acak.randrange(0, 10_000)) / 100, rp=target_rp * 2),
                target=KRp(k=Decimal(acak.randrange(1, 10_000)) / 100, rp=target_rp),
                realisasi_tw=(tw(), tw(), tw(), tw()),
            )
        )
    return baris


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baris", type=int, default=10_000)
    opsi = parser.parse_args()
    baris = buat_baris(opsi.baris, random.Random(86))

    def satu_putaran() -> Rekap:
        for triwulan in (1, 2, 3, 4):
            hasil = [(m, hitung_baris(m, triwulan)) for m in baris]
            rekap = rekap_program(hasil, triwulan)
        return rekap

    # Timing and memory are measured in separate runs: tracemalloc slows allocation several times over.
    mulai = time.perf_counter()
    rekap = satu_putaran()
    detik = time.perf_counter() - mulai
    tracemalloc.start()
    satu_putaran()
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    dihitung = opsi.baris * 4
    print(f"indikator x triwulan : {opsi.baris:,} x 4 = {dihitung:,} baris")
    print(f"waktu                : {detik:.2f} s")
    print(f"baris per detik      : {dihitung / detik:,.0f}")
    print(f"memori puncak        : {puncak / 1024 / 1024:.1f} MiB (tracemalloc)")
    print(f"rata-rata capaian TW4: K {rekap.rata_capaian.k:.2f} %, Rp {rekap.rata_capaian.rp:.2f} %")


if __name__ == "__main__":
    main()
