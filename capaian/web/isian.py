"""The quarterly entry screen's rows: Form E.81 numbers from the report builder, formatted for display,
plus the inputs of the quarter being entered. No number is computed here; everything comes from
capaian.laporan.e81 (and through it the rules core)."""

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import QueryDict

from capaian.aturan import masukan
from capaian.aturan.angka import AngkaError, format_angka, format_k, format_persen, format_rupiah, parse_angka
from capaian.aturan.capaian import KRp
from capaian.aturan.laju import target_sampai
from capaian.aturan.penomoran import nomori
from capaian.aturan.rumus import RumusError
from capaian.laporan.data import BarisRencana, DataLaporan
from capaian.laporan.e81 import BarisE81, LaporanE81, bangun_e81
from capaian.laporan.kertas_kerja import rumus_notasi
from capaian.laporan.sumber import muat_data
from capaian.monev.models import Realisasi
from capaian.organisasi.models import PerangkatDaerah
from capaian.perencanaan.models import Indikator

TINGKAT_ANGGARAN = ("program", "kegiatan", "subkegiatan")


def teks_k(nilai: Decimal | None) -> str:
    """An input's initial text: Indonesian, with only the decimals the value has ("36,79", "100")."""
    return format_k(nilai, kosong="")


def teks_rp(nilai: int | None) -> str:
    return "" if nilai is None else format_rupiah(nilai)


def baca_k(teks: str, boleh_negatif: bool = False) -> Decimal | None:
    """A typed K; negative only where the indicator allows it (Indikator.boleh_negatif)."""
    return masukan.baca_k(teks, boleh_negatif=boleh_negatif)


def baca_rp(teks: str, boleh_negatif: bool = False) -> int | None:
    return masukan.baca_rp(teks, boleh_negatif=boleh_negatif)


def baca_variabel_desimal(teks: str) -> Decimal | None:
    # A formula's variable is not itself a K or Rp (a difference may be negative); its result is.
    return masukan.baca_k(teks, boleh_negatif=True)


def _teks_variabel(nilai: Decimal | None) -> str | None:
    # Stored in the JSON of variables as plain decimal text.
    return None if nilai is None else format(nilai, "f")


def keluaran(b: BarisE81, triwulan: int) -> dict[str, str]:
    """The row's computed columns as display strings (used by the page and the live JSON endpoint)."""
    h = b.hasil
    return {
        "k_triwulan": format_angka(b.masukan.realisasi_tw[triwulan - 1].k),
        "realisasi_k": format_angka(h.realisasi.k),
        "realisasi_rp": format_rupiah(h.realisasi.rp),
        "capaian_k": format_persen(h.capaian.k),
        "capaian_rp": format_persen(h.capaian.rp),
        "predikat_k": h.predikat[0] or "-",
        "predikat_rp": h.predikat[1] or "-",
        **peringatan(b),
    }


def peringatan(b: BarisE81) -> dict[str, str]:
    """The row's early warning as display strings: its status and the year-end projection."""
    p = b.peringatan
    if p is None or (p.status is None and p.proyeksi.k is None and p.proyeksi.rp is None):
        return {"peringatan": "-", "proyeksi": ""}
    bagian = []
    if p.proyeksi.k is not None:
        bagian.append(f"K {format_angka(p.proyeksi.k)}")
    if p.proyeksi.rp is not None:
        bagian.append(f"Rp {format_rupiah(p.proyeksi.rp)}")
    return {
        "peringatan": p.status.value if p.status else "-",
        "proyeksi": ("Proyeksi akhir tahun: " + " · ".join(bagian)) if bagian else "",
    }


@dataclass
class Masukan:
    nama: str  # the HTML name
    label: str
    teks: str
    asal: str  # the text as rendered from the database, to tell touched inputs from untouched ones
    galat: str = ""
    dibaca: str = ""  # how a touched input was read ("1.50" -> "1,5"), shown beside it
    usul: str = ""  # the whole Rupiah offered for an amount typed with cents


@dataclass
class BarisIsian:
    """One row of the entry screen: its inputs (from the plan and the stored realisation, enough to read and
    save a POST) and, once `tampilkan` has run, its Form E.81 numbers for display."""

    indikator_id: int
    no: int | None
    kode: str
    uraian: str
    indikator: str
    satuan: str
    tingkat: str
    lanjutan: bool
    rumus: str
    target_k: str
    target_rp: str
    k: Masukan | None
    rp: Masukan | None
    variabel: list[Masukan]
    versi: int
    e81: BarisE81 | None = None
    lalu: list[tuple[str, str]] = field(default_factory=list)
    hasil: dict[str, str] = field(default_factory=dict)
    boleh_negatif: bool = False
    # The quarter's own target and the target expected by its end (capaian.aturan.laju), as display text.
    target_tw_k: str = ""
    target_tw_rp: str = ""
    target_sampai_k: str = ""
    target_sampai_rp: str = ""
    # "Belum ada data": offered on rows with a target for the quarter (and on rows already marked).
    bertarget: bool = False
    tanda: str = ""  # the reason as shown / typed
    tanda_asal: str = ""  # the reason as rendered from the database
    tanda_centang: bool = False
    tanda_galat: str = ""
    konflik: str = ""
    komentar: str = ""  # the verifikator's comment on this row at the quarter's latest return
    berubah: bool = False
    nilai: dict[str, Any] = field(default_factory=dict)  # parsed values of a POST

    def masukan(self) -> list[Masukan]:
        return [m for m in (self.k, self.rp) if m is not None] + self.variabel

    @property
    def ada_galat(self) -> bool:
        return any(m.galat for m in self.masukan()) or bool(self.tanda_galat)


def indikator_urut(pd: PerangkatDaerah) -> list[Indikator]:
    # The same order as muat_data, so that the two lists pair up row by row.
    daftar = list(Indikator.objects.filter(perangkat_daerah=pd).order_by("urutan"))
    for ind in daftar:
        ind.perangkat_daerah = pd  # already read: a save of each row does not read its agency again
    return daftar


def laporan(pd: PerangkatDaerah, tahun: int, triwulan: int) -> LaporanE81:
    return bangun_e81(muat_data(pd, tahun, triwulan))


def _rumus_tampil(rencana: BarisRencana, nama_indikator: dict[str, str]) -> str:
    """The formula as the Kertas Kerja writes it (labels, Σ, × 100 %), not its code names; as typed when it
    does not parse (the admin refuses such a formula, an older row may still hold one)."""
    try:
        return rumus_notasi(rencana, nama_indikator)
    except RumusError:
        return rencana.rumus


def baris_masukan(pd: PerangkatDaerah, data: DataLaporan) -> list[BarisIsian]:
    """The rows' inputs from the quarter's data, without building Form E.81: a save reads and stores the
    POST from these alone (building the report costs more than the save), and only a page that is shown
    gets its numbers (`tampilkan`)."""
    tahun, triwulan = data.tahun, data.triwulan
    indikator = indikator_urut(pd)
    nama_indikator = {r.kunci: r.indikator for r in data.baris}
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(indikator__perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
    }
    hasil: list[BarisIsian] = []
    for ind, no, rencana in zip(
        indikator, nomori((b.tingkat, b.lanjutan) for b in data.baris), data.baris, strict=True
    ):
        r = realisasi.get(ind.pk)
        # A parent's Rp is its children's sum (shown in the computed columns), never an input.
        tampil_rp = not rencana.rp_turunan and (
            (rencana.tingkat in TINGKAT_ANGGARAN and not rencana.lanjutan)
            or rencana.target.rp is not None
            or any(tw.rp is not None for tw in rencana.realisasi_tw)
        )
        k_teks = teks_k(r.k if r else None)
        rp_teks = teks_rp(r.rp if r else None)
        variabel: list[Masukan] = []
        for nama, label in rencana.variabel:
            isi = (r.variabel or {}).get(nama) if r else None
            teks = teks_k(Decimal(str(isi))) if isi not in (None, "") else ""
            variabel.append(Masukan(f"v-{ind.pk}-{nama}", label, teks, teks))
        hasil.append(
            BarisIsian(
                indikator_id=ind.pk,
                no=no,
                kode=rencana.kode or "",
                uraian=rencana.uraian,
                indikator=rencana.indikator,
                satuan=rencana.satuan,
                tingkat=rencana.tingkat,
                lanjutan=rencana.lanjutan,
                rumus=_rumus_tampil(rencana, nama_indikator),
                target_k=format_angka(rencana.target.k),
                target_rp=format_rupiah(rencana.target.rp),
                # A formula row takes its K from its variables; typing K directly there would be ignored.
                k=None if rencana.rumus.strip() else Masukan(f"k-{ind.pk}", "Realisasi K", k_teks, k_teks),
                rp=Masukan(f"rp-{ind.pk}", "Realisasi Rp", rp_teks, rp_teks) if tampil_rp else None,
                variabel=variabel,
                versi=r.versi if r else 1,
                boleh_negatif=ind.boleh_negatif,
                bertarget=_bertarget(rencana, triwulan),
                tanda=r.belum_ada_data if r else "",
                tanda_asal=r.belum_ada_data if r else "",
                tanda_centang=bool(r and r.belum_ada_data),
            )
        )
    return hasil


def tampilkan(baris: list[BarisIsian], lap: LaporanE81) -> None:
    """Give each row its Form E.81 numbers for display: earlier quarters and the computed columns."""
    triwulan = lap.data.triwulan
    for b, e in zip(baris, lap.baris, strict=True):
        b.e81 = e
        b.lalu = [
            (format_angka(e.masukan.realisasi_tw[i].k), format_rupiah(e.masukan.realisasi_tw[i].rp))
            for i in range(triwulan - 1)
        ]
        b.hasil = keluaran(e, triwulan)
        tw = e.masukan.target_tw[triwulan - 1]
        b.target_tw_k, b.target_tw_rp = format_angka(tw.k), format_rupiah(tw.rp)
        sampai = target_sampai(e.masukan, triwulan)
        b.target_sampai_k, b.target_sampai_rp = format_angka(sampai.k), format_rupiah(sampai.rp)


def bangun_baris(
    pd: PerangkatDaerah, tahun: int, triwulan: int, lap: LaporanE81 | None = None
) -> list[BarisIsian]:
    lap = lap or laporan(pd, tahun, triwulan)
    baris = baris_masukan(pd, lap.data)
    tampilkan(baris, lap)
    return baris


def _bertarget(rencana: BarisRencana, triwulan: int) -> bool:
    target = rencana.target_tw[triwulan - 1]
    return target.k is not None or target.rp is not None


def _tanda_dari_post(b: BarisIsian, data: QueryDict) -> None:
    """The row's "belum ada data" checkbox and reason: ticked needs a reason; unticked clears it."""
    if not (b.bertarget or b.tanda_centang):
        return
    b.tanda_asal = data.get(f"asal-alasan-bad-{b.indikator_id}", b.tanda_asal)
    b.tanda_centang = data.get(f"bad-{b.indikator_id}", "") == "1"
    b.tanda = " ".join(data.get(f"alasan-bad-{b.indikator_id}", "").split())
    if b.tanda_centang and not b.tanda:
        b.tanda_galat = "Tulis alasan mengapa data baris ini belum ada."
    elif b.tanda_centang and b.nilai.get("k") is not None and b.nilai.get("rp") is not None:
        b.tanda_galat = "K dan Rp baris ini sudah diisi: hapus centang 'belum ada data'."
    baru = b.tanda if b.tanda_centang else ""
    if baru != b.tanda_asal:
        b.nilai["belum_ada_data"] = baru


def baca_masukan(m: Masukan, pembaca: Any, rupiah: bool = False, boleh_negatif: bool = False) -> Any:
    """Parse the input's text with `pembaca`; set its error, and what a touched input was read as
    (`dibaca`) or, for a Rupiah typed with cents, the rounded amount to offer (`usul`)."""
    try:
        nilai = pembaca(m.teks)
    except AngkaError as e:
        m.galat = str(e)
        m.usul = masukan.usul_rp(m.teks, boleh_negatif=boleh_negatif) if rupiah else ""
        return None
    if m.teks.strip() != m.asal.strip():
        m.dibaca = masukan.teks_dibaca(nilai)
    return nilai


def _baca(
    m: Masukan, data: QueryDict, pembaca: Any, rupiah: bool = False, boleh_negatif: bool = False
) -> Any:
    # A field the POST does not carry is left as it was rendered: a partial POST (a script, a form with
    # fields missing) never clears what it did not send.
    m.teks = data.get(m.nama, m.asal)
    return baca_masukan(m, pembaca, rupiah, boleh_negatif)


def isi_dari_post(baris: list[BarisIsian], data: QueryDict) -> None:
    """Put the posted texts into the rows, parse them, and mark errors at the field and touched rows."""
    for b in baris:
        asal_versi = data.get(f"versi-{b.indikator_id}", "")
        b.versi = int(asal_versi) if asal_versi.isdigit() else b.versi
        for m in b.masukan():
            m.asal = data.get(f"asal-{m.nama}", m.asal)
        if b.k is not None:
            b.nilai["k"] = _baca(b.k, data, lambda t, n=b.boleh_negatif: baca_k(t, n))
        if b.rp is not None:
            b.nilai["rp"] = _baca(
                b.rp, data, lambda t, n=b.boleh_negatif: baca_rp(t, n), True, b.boleh_negatif
            )
        if b.variabel:
            b.nilai["variabel"] = {
                m.nama.split("-", 2)[2]: _teks_variabel(_baca(m, data, baca_variabel_desimal))
                for m in b.variabel
            }
        _tanda_dari_post(b, data)
        # Touched means the value differs from the one the page was rendered with (not the text: "36.79"
        # and "36,79" are the same value), so that an untouched row never reports a false conflict.
        b.berubah = any(_beda(m) for m in b.masukan()) or "belum_ada_data" in b.nilai


def _beda(m: Masukan) -> bool:
    if m.galat:
        return True
    try:
        return parse_angka(m.teks) != parse_angka(m.asal)
    except AngkaError:
        return m.teks.strip() != m.asal.strip()


def hitung_ulang(
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    indikator_id: int,
    k: Decimal | None,
    rp: int | None,
    variabel: dict[str, Decimal | None] | None,
) -> BarisE81:
    """The row as it would be with the typed values, computed by the E.81 builder (nothing is saved)."""
    data = muat_data(pd, tahun, triwulan)
    ids = [i.pk for i in indikator_urut(pd)]
    indeks = ids.index(indikator_id)
    lama = data.baris[indeks]
    realisasi = list(lama.realisasi_tw)
    realisasi[triwulan - 1] = KRp(k=k, rp=rp)
    variabel_tw = list(lama.variabel_tw)
    if variabel is not None:
        variabel_tw[triwulan - 1] = variabel
    baru = dataclasses.replace(
        lama,
        realisasi_tw=(realisasi[0], realisasi[1], realisasi[2], realisasi[3]),
        variabel_tw=tuple(variabel_tw),
    )
    semua = list(data.baris)
    semua[indeks] = baru
    return bangun_e81(dataclasses.replace(data, baris=tuple(semua))).baris[indeks]
