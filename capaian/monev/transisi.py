"""The shape of one step of the quarter workflow. The table of steps itself is `capaian.monev.alur.LANGKAH`:
the services, the buttons of the web pages, the API's "steps you may take" and its documentation all read it,
so a new step is one entry there and its effect function."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from capaian.aturan.periksa import Temuan
from capaian.monev.models import Status, StatusTriwulan
from capaian.organisasi.akses import Pengguna
from capaian.organisasi.models import Peran

Pemeriksa = Callable[[], Sequence[Temuan]]
# The package archive's part of a step: (step, note) -> the audit's reason text or None
# (capaian.laporan.arsip.langkah makes one).
Pengarsip = Callable[[str, str], str | None]
# The rows with a target for the quarter, no value and no "belum ada data" mark (one text per row).
PemeriksaIsian = Callable[[], Sequence[str]]


class Catatan(StrEnum):
    """Whether the step takes a note (a return's reason, an unlock's reason)."""

    TIDAK = "tidak"
    OPSIONAL = "opsional"
    WAJIB = "wajib"


@dataclass(frozen=True)
class KonteksLangkah:
    """What a step's effect may read: who takes it, the note, and the quarter's checks (for gated steps)."""

    pengguna: Pengguna | None
    catatan: str
    periksa: Pemeriksa | None
    arsip: Pengarsip | None = None
    periksa_isian: PemeriksaIsian | None = None
    # The verifikator's comments per row (indicator id -> text) when returning the quarter.
    komentar: Mapping[int, str] = field(default_factory=dict)

    def temuan(self) -> Sequence[Temuan]:
        if self.periksa is None:
            raise TypeError("Langkah ini memerlukan fungsi pemeriksaan (periksa=...).")
        return self.periksa()

    def arsipkan(self, aksi: str) -> str | None:
        if self.arsip is None:
            raise TypeError("Langkah ini memerlukan fungsi arsip paket (arsip=...).")
        return self.arsip(aksi, self.catatan)

    def belum_diisi(self) -> Sequence[str]:
        if self.periksa_isian is None:
            raise TypeError("Langkah ini memerlukan pemeriksaan kelengkapan (periksa_isian=...).")
        return self.periksa_isian()


@dataclass(frozen=True)
class Langkah:
    aksi: str  # the step's name in URLs and the API: "ajukan"
    label: str  # the button: "Ajukan ke verifikator"
    berhasil: str  # the message after it succeeded; {pd}, {triwulan} and {tahun} name the quarter
    uraian: str  # what it does, for the API documentation
    peran: Peran  # who takes it: in the agency for operator and kepala, in the pemda for the verifikator
    dari: tuple[Status, ...]  # the statuses it starts from
    ke: Status | None  # the status it leads to; None keeps the status (the head's approval)
    catatan: Catatan = Catatan.TIDAK
    label_catatan: str = ""  # the note field's label
    catatan_wajib: str = ""  # the message when a required note is missing
    # The quarter's checks must find no unexplained galat (the caller passes the checks to run).
    gerbang: bool = False
    # Further condition on the status row, beyond `dari` (e.g. "not yet approved"); with its refusal.
    syarat: Callable[[StatusTriwulan], str | None] | None = None
    # What the step changes besides the status (the audit event names the status and the note).
    ubah: Callable[[StatusTriwulan, KonteksLangkah], str | None] | None = None
