"""Cross-document checks: the numbers Form E.81, the Kertas Kerja, the Kesimpulan and the Narasi state for the
same thing must be the same.

All four are built from one DataLaporan through one engine, so any disagreement is a defect (in a builder, or
in a document object altered after it was built) and is reported as a galat `Temuan`:

    konsistensi-kesimpulan    a program's capaian K / serapan Rp in the Kesimpulan differs from E.81 col 13
    konsistensi-narasi        a program's capaian, serapan, budget or realisation in the Narasi differs
    konsistensi-kertas-kerja  a formula indicator's result in the Kertas Kerja differs from its E.81 quarter K
    konsistensi-bidang        a bidang's budget / realisation in the Narasi is not the sum of its programs
    konsistensi-program       a program (or row) of Form E.81 missing from another document, or vice versa
"""

from collections.abc import Callable, Iterable
from decimal import Decimal

from capaian.aturan.angka import format_angka as _fk
from capaian.aturan.angka import format_persen as _fp
from capaian.aturan.kinerja import RumusMelingkar
from capaian.aturan.periksa import GALAT, Temuan
from capaian.aturan.periksa import format_rupiah_sel as _frp
from capaian.aturan.rumus import RumusError
from capaian.laporan.data import DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81, baris_program
from capaian.laporan.kertas_kerja import LaporanKertasKerja, bangun_kertas_kerja
from capaian.laporan.kesimpulan import LaporanKesimpulan, bangun_kesimpulan
from capaian.laporan.narasi import LaporanNarasi, bangun_narasi


def _beda_persen(a: Decimal | None, b: Decimal | None) -> bool:
    # The rules core rounds every value as printed, so two documents agree only when their values are equal:
    # a value carrying more digits than it prints has been altered after it was built.
    return a != b


def _beda_rp(a: int | None, b: int | None) -> bool:
    return a != b


def _temuan(
    jenis: str, b: BarisE81 | None, kode: str | None, dokumen: str, apa: str, tertulis: str, seharusnya: str
) -> Temuan:
    return Temuan(
        no=b.no if b is not None else None,
        kode=kode,
        kolom=None,
        sel=f"{dokumen}, {kode or '-'}: {apa}",
        jenis=jenis,
        tingkat=GALAT,
        pesan=f"{apa.capitalize()} dalam {dokumen} ({tertulis}) berbeda dengan Form E.81 ({seharusnya}).",
        tertulis=tertulis,
        seharusnya=seharusnya,
    )


def bandingkan(
    e81: LaporanE81,
    kertas_kerja: LaporanKertasKerja,
    kesimpulan: LaporanKesimpulan,
    narasi: LaporanNarasi,
) -> list[Temuan]:
    """Every disagreement between the documents, Form E.81 taken as the reference."""
    temuan: list[Temuan] = []
    program = baris_program(e81)
    per_kode = {b.rencana.kode: b for b in program}

    # Kesimpulan: one row per program, in E.81 order.
    if len(kesimpulan.baris) != len(program):
        temuan.append(
            _temuan(
                "konsistensi-program",
                None,
                None,
                "Kesimpulan",
                "jumlah program",
                str(len(kesimpulan.baris)),
                str(len(program)),
            )
        )
    for bk, be in zip(kesimpulan.baris, program, strict=False):
        for apa, nilai, acuan, fmt in (
            ("capaian kinerja", bk.capaian, be.hasil.capaian.k, _fp),
            ("serapan anggaran", bk.serapan, be.hasil.capaian.rp, _fp),
        ):
            if bk.kode != be.rencana.kode or _beda_persen(nilai, acuan):
                temuan.append(
                    _temuan(
                        "konsistensi-kesimpulan",
                        be,
                        be.rencana.kode,
                        "Kesimpulan",
                        apa,
                        fmt(nilai),
                        fmt(acuan),
                    )
                )

    # Narasi: its programs (grouped by bidang) against E.81; each bidang's sums against its programs in E.81.
    dilihat: set[str | None] = set()
    for bidang in narasi.bidang:
        anggota: list[BarisE81] = []
        for pn in bidang.program:
            dilihat.add(pn.kode)
            be_ = per_kode.get(pn.kode)
            if be_ is None:
                temuan.append(
                    _temuan("konsistensi-program", None, pn.kode, "Narasi", "program", pn.nama, "tidak ada")
                )
                continue
            anggota.append(be_)
            perbandingan: tuple[tuple[str, object, object, Callable[..., str], bool], ...] = (
                (
                    "capaian kinerja",
                    pn.capaian,
                    be_.hasil.capaian.k,
                    _fp,
                    _beda_persen(pn.capaian, be_.hasil.capaian.k),
                ),
                (
                    "serapan anggaran",
                    pn.serapan,
                    be_.hasil.capaian.rp,
                    _fp,
                    _beda_persen(pn.serapan, be_.hasil.capaian.rp),
                ),
                (
                    "anggaran",
                    pn.anggaran,
                    be_.masukan.target.rp,
                    _rp,
                    _beda_rp(pn.anggaran, be_.masukan.target.rp),
                ),
                (
                    "realisasi anggaran",
                    pn.realisasi,
                    be_.hasil.realisasi.rp,
                    _rp,
                    _beda_rp(pn.realisasi, be_.hasil.realisasi.rp),
                ),
            )
            for apa, nilai_n, acuan_n, fmt_n, beda in perbandingan:
                if beda:
                    temuan.append(
                        _temuan(
                            "konsistensi-narasi", be_, pn.kode, "Narasi", apa, fmt_n(nilai_n), fmt_n(acuan_n)
                        )
                    )
        for apa, nilai_bidang, acuan_bidang in (
            ("jumlah anggaran", bidang.rekap.jumlah_target_rp, _jumlah(b.masukan.target.rp for b in anggota)),
            (
                "jumlah realisasi anggaran",
                bidang.rekap.jumlah_realisasi_rp,
                _jumlah(b.hasil.realisasi.rp for b in anggota),
            ),
        ):
            if (nilai_bidang or 0) != (acuan_bidang or 0):
                temuan.append(
                    _temuan(
                        "konsistensi-bidang",
                        None,
                        bidang.kode,
                        "Narasi",
                        f"{apa} bidang {bidang.nama}",
                        _rp(nilai_bidang),
                        _rp(acuan_bidang),
                    )
                )
    for be in program:
        if be.rencana.kode not in dilihat:
            temuan.append(
                _temuan(
                    "konsistensi-program",
                    be,
                    be.rencana.kode,
                    "Narasi",
                    "program",
                    "tidak ada",
                    be.rencana.uraian,
                )
            )

    # Kertas Kerja: each formula indicator's result is its quarter K in E.81. The Kertas Kerja has its own
    # row order (the Tujuan first), so rows are matched by the indicator's key.
    indeks = e81.data.triwulan - 1
    per_kunci = {b.kunci: b for b in kertas_kerja.baris}
    for bx in e81.baris:
        if not bx.rencana.rumus.strip():
            continue
        acuan_k = bx.masukan.realisasi_tw[indeks].k
        bkk = per_kunci.get(bx.rencana.kunci)
        if bkk is None or bkk.kode != bx.rencana.kode or _beda_persen(bkk.hasil, acuan_k):
            temuan.append(
                _temuan(
                    "konsistensi-kertas-kerja",
                    bx,
                    bx.rencana.kode or bx.rencana.kunci,
                    "Kertas Kerja",
                    f"hasil rumus '{bx.rencana.indikator}'",
                    "-" if bkk is None else _fk(bkk.hasil),
                    _fk(acuan_k),
                )
            )
    if len(kertas_kerja.baris) != len(e81.baris):
        temuan.append(
            _temuan(
                "konsistensi-program",
                None,
                None,
                "Kertas Kerja",
                "jumlah baris",
                str(len(kertas_kerja.baris)),
                str(len(e81.baris)),
            )
        )
    return temuan


def _jumlah(nilai: Iterable[int | None]) -> int | None:
    ada = [n for n in nilai if n is not None]
    return sum(ada) if ada else None


def _rp(nilai: object) -> str:
    return _frp(Decimal(nilai)) if isinstance(nilai, int) else "-"


def periksa_konsistensi(data: DataLaporan, e81: LaporanE81 | None = None) -> list[Temuan]:
    """Build the four documents from `data` and compare them (`e81`: the data's Form E.81 when built already).

    Data whose formulas cannot be built (a formula that does not parse, formulas in a circle) builds no
    document; those are galat of capaian.aturan.periksa_data already, so nothing is added here.
    """
    if e81 is None:
        try:
            e81 = bangun_e81(data)
        except (RumusError, RumusMelingkar):
            return []
    return bandingkan(
        e81, bangun_kertas_kerja(data, e81), bangun_kesimpulan(data, e81), bangun_narasi(data, e81)
    )
