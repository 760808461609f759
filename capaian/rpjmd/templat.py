"""The RPJMD workbook (XlsxWriter) in the layout capaian.rpjmd.impor reads: the pemda's current RPJMD filled
in (or an empty layout with an example row), so an admin edits and imports it back."""

from capaian.laporan.xlsx_buku import Buku, tulis
from capaian.organisasi.models import Pemda
from capaian.perencanaan.models import Program
from capaian.rpjmd.models import PeriodeRPJMD, SasaranRPJMD, TautanProgram


def templat_rpjmd(pemda: Pemda, rpjmd: PeriodeRPJMD | None) -> bytes:
    buku = Buku(f"RPJMD {pemda.nama}", pemda.nama, "Templat impor RPJMD")
    tebal = buku.f("tebal", bold=True, border=1, bg_color="#E0E8F5")
    biasa = buku.f("biasa", border=1)
    angka = buku.format_sel("k")

    ws = buku.wb.add_worksheet("RPJMD")
    ws.set_column(0, 0, 16)
    ws.set_column(1, 1, 60)
    awal = rpjmd.tahun_awal if rpjmd else 2021
    akhir = rpjmd.tahun_akhir if rpjmd else 2026
    for r, (label, nilai) in enumerate(
        (
            ("Nama", rpjmd.nama if rpjmd else f"RPJMD {pemda.nama} {awal}-{akhir}"),
            ("Tahun awal", awal),
            ("Tahun akhir", akhir),
            ("Dasar hukum", rpjmd.dasar_hukum if rpjmd else ""),
        )
    ):
        ws.write_string(r, 0, label, tebal)
        tulis(ws, r, 1, nilai, biasa)

    ws = buku.wb.add_worksheet("Sasaran")
    tahun = list(range(awal + 1, akhir + 1))
    judul = [
        "Tingkat",
        "Kode",
        "Uraian",
        "Satuan",
        "Kondisi awal",
        "Target akhir",
        *[f"Target {t}" for t in tahun],
    ]
    for c, (t, w) in enumerate(zip(judul, [10, 8, 60, 10, 12, 12, *[11] * len(tahun)], strict=True)):
        ws.set_column(c, c, w)
        ws.write_string(0, c, t, tebal)
    r = 1
    if rpjmd is not None:
        daftar = (
            SasaranRPJMD.objects.filter(tujuan__rpjmd=rpjmd)
            .select_related("tujuan")
            .prefetch_related("indikator__target")
            .order_by("tujuan__urutan", "tujuan__pk", "urutan", "pk")
        )
        tujuan_kini = None
        for s in daftar:
            if s.tujuan_id != tujuan_kini:
                tujuan_kini = s.tujuan_id
                for c, v in enumerate(("tujuan", s.tujuan.kode, s.tujuan.uraian)):
                    tulis(ws, r, c, v, biasa)
                r += 1
            for c, v in enumerate(("sasaran", s.kode, s.uraian)):
                tulis(ws, r, c, v, biasa)
            r += 1
            for ind in s.indikator.all():
                target = {t.tahun: t.target_k for t in ind.target.all()}
                isi: list[object] = [
                    "indikator",
                    "",
                    ind.uraian,
                    ind.satuan,
                    ind.kondisi_awal,
                    ind.target_akhir,
                ]
                for c, nilai in enumerate([*isi, *[target.get(t) for t in tahun]]):
                    tulis(ws, r, c, nilai, angka if c >= 4 else biasa)
                r += 1
    else:
        for contoh in (("tujuan", "1", "(uraian tujuan)"), ("sasaran", "1.1", "(uraian sasaran)")):
            for c, teks in enumerate(contoh):
                tulis(ws, r, c, teks, biasa)
            r += 1
    ws.freeze_panes(1, 0)

    ws = buku.wb.add_worksheet("Program")
    for c, (t, w) in enumerate(
        (
            ("Perangkat daerah", 28),
            ("Kode program", 14),
            ("Kode sasaran", 14),
            ("Nama program (keterangan)", 70),
        )
    ):
        ws.set_column(c, c, w)
        ws.write_string(0, c, t, tebal)
    tautan = (
        {
            t.program_id: t.sasaran.kode
            for t in TautanProgram.objects.filter(rpjmd=rpjmd).select_related("sasaran")
        }
        if rpjmd
        else {}
    )
    program = Program.objects.filter(perangkat_daerah__pemda=pemda).select_related("perangkat_daerah")
    for r, p in enumerate(program.order_by("perangkat_daerah__nama", "kode"), start=1):
        for c, v in enumerate((p.perangkat_daerah.slug, p.kode, tautan.get(p.pk, ""), p.nama)):
            tulis(ws, r, c, v, biasa)
    ws.freeze_panes(1, 0)
    return buku.simpan()
