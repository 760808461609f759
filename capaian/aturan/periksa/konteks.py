"""What the checks share while they run over one sheet: the sheet, the predicate bands, the findings."""

from dataclasses import dataclass, field
from decimal import Decimal

from capaian.aturan.kodering import Kode, Tingkat
from capaian.aturan.periksa.dasar import (
    BarisE81,
    JenisBaris,
    LembarE81,
    Temuan,
    Tingkatan,
    nomor_kolom,
    teks_tertulis,
)
from capaian.aturan.predikat import SetPredikat


@dataclass
class Konteks:
    lembar: LembarE81
    set_predikat: SetPredikat
    temuan: list[Temuan] = field(default_factory=list)
    kode: dict[int, Kode] = field(default_factory=dict)  # sheet row -> its parsed kode rekening
    # Per sheet row: the program's corrected capaian K for the recomputed average (None: no value).
    capaian_koreksi: dict[int, Decimal | None] = field(default_factory=dict)

    def data(self) -> list[BarisE81]:
        return [b for b in self.lembar.baris if b.jenis is JenisBaris.DATA]

    def catat(
        self,
        baris: BarisE81,
        kunci: str | None,
        jenis: str,
        tingkat: Tingkatan,
        pesan: str,
        seharusnya: str | None = None,
        sel: str | None = None,
        kolom: str | None = None,
        tertulis: str | None = None,
    ) -> None:
        """One finding at the cell of `kunci` (or `sel`); `kolom` defaults to the column number of `kunci`."""
        s = baris.sel.get(kunci) if kunci is not None else None
        alamat = (
            sel or (s.alamat if s is not None else None) or baris.sel_kode or f"baris {baris.nomor_baris}"
        )
        self.temuan.append(
            Temuan(
                no=baris.no,
                kode=baris.kode,
                kolom=kolom or (nomor_kolom(kunci) if kunci is not None else None),
                sel=alamat,
                jenis=jenis,
                tingkat=tingkat,
                pesan=pesan,
                tertulis=tertulis or (teks_tertulis(s, kunci) if kunci is not None else None),
                seharusnya=seharusnya,
            )
        )

    def elemen(self, tingkat: Tingkat) -> list[BarisE81]:
        """The first row of each program (kegiatan, ...) with a valid code: the row that carries its budget.

        A further indicator of the same element repeats the code (or leaves it blank) and its Rp, if any,
        would count the element twice."""
        hasil: list[BarisE81] = []
        dilihat: set[str] = set()
        for b in self.data():
            kode = self.kode.get(b.nomor_baris)
            if kode is None or kode.tingkat is not tingkat or kode.kanonik in dilihat:
                continue
            dilihat.add(kode.kanonik)
            hasil.append(b)
        return hasil
