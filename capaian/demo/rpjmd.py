"""The demo's RPJMD of Kota Pasuruan 2021-2026, the links of every demo program to its Sasaran, and the head
of Bappelitbangda who signs the city's documents.

The real RPJMD's wording is not transcribed here: every Tujuan, Sasaran, indicator and target below is example
text, marked "(contoh)". The links follow one rule: a Program Penunjang (X.XX.01) serves good governance
(Sasaran 4.1), every other program the Sasaran of its bidang urusan (from its kode rekening).
"""

from decimal import Decimal

from capaian.aturan.kodering import coba_urai_kode
from capaian.kota.models import PenandatanganKota
from capaian.organisasi.models import Pemda, StatusJabatan
from capaian.perencanaan.models import Program
from capaian.rpjmd import services
from capaian.rpjmd.models import PeriodeRPJMD, SasaranRPJMD, TautanProgram

NAMA = "RPJMD Kota Pasuruan 2021-2026 (contoh)"
TAHUN_AWAL, TAHUN_AKHIR = 2021, 2026

# (kode, uraian) of each Tujuan, then its Sasaran: (kode, uraian, bidang urusan served,
# indicator (uraian, satuan, kondisi awal, target akhir)).
TUJUAN: list[tuple[str, str, list[tuple[str, str, tuple[str, ...], tuple[str, str, str, str]]]]] = [
    (
        "1",
        "Meningkatkan kualitas sumber daya manusia (contoh)",
        [
            (
                "1.1",
                "Meningkatnya kualitas dan pemerataan layanan pendidikan (contoh)",
                ("1.01", "2.19", "2.22", "2.23"),
                ("Indeks Pendidikan (contoh)", "Indeks", "0.70", "0.74"),
            ),
            (
                "1.2",
                "Meningkatnya derajat kesehatan masyarakat (contoh)",
                ("1.02", "2.14"),
                ("Usia Harapan Hidup (contoh)", "Tahun", "73.60", "74.20"),
            ),
            (
                "1.3",
                "Meningkatnya perlindungan sosial dan pemberdayaan masyarakat (contoh)",
                ("1.06", "2.07", "2.08", "2.13"),
                ("Persentase penduduk miskin (contoh)", "%", "6.70", "5.90"),
            ),
        ],
    ),
    (
        "2",
        "Meningkatkan pertumbuhan ekonomi daerah yang inklusif dan berdaya saing (contoh)",
        [
            (
                "2.1",
                "Meningkatnya kinerja sektor perdagangan, perindustrian dan usaha mikro (contoh)",
                ("3.30", "3.31", "2.17", "2.18"),
                ("Laju pertumbuhan PDRB sektor perdagangan (contoh)", "%", "4.10", "5.20"),
            ),
            (
                "2.2",
                "Meningkatnya kunjungan wisata dan ketahanan pangan (contoh)",
                ("3.26", "2.09", "3.25", "3.27"),
                ("Jumlah kunjungan wisatawan (contoh)", "Orang", "310000", "420000"),
            ),
        ],
    ),
    (
        "3",
        "Meningkatkan kualitas infrastruktur dan lingkungan hidup yang berkelanjutan (contoh)",
        [
            (
                "3.1",
                "Meningkatnya kualitas infrastruktur kota (contoh)",
                ("1.03", "1.04", "2.10", "2.15"),
                ("Persentase jalan kota dalam kondisi mantap (contoh)", "%", "82.00", "90.00"),
            ),
            (
                "3.2",
                "Meningkatnya kualitas lingkungan hidup (contoh)",
                ("2.11",),
                ("Indeks Kualitas Lingkungan Hidup (contoh)", "Indeks", "61.50", "65.00"),
            ),
        ],
    ),
    (
        "4",
        "Mewujudkan tata kelola pemerintahan yang baik dan pelayanan publik yang prima (contoh)",
        [
            (
                "4.1",
                "Meningkatnya akuntabilitas kinerja dan keuangan daerah (contoh)",
                (),
                ("Nilai SAKIP (contoh)", "Nilai", "68.50", "75.00"),
            ),
            (
                "4.2",
                "Meningkatnya kualitas pelayanan publik, informasi dan ketenteraman (contoh)",
                ("1.05", "2.12", "2.16", "2.20", "2.21", "2.24"),
                ("Indeks Kepuasan Masyarakat (contoh)", "Indeks", "80.00", "85.00"),
            ),
        ],
    ),
]
SASARAN_PENUNJANG = "4.1"


def _target_tahun(awal: Decimal, akhir: Decimal, tahun: int) -> Decimal:
    """An example yearly target on a straight line from the baseline (2021) to the end target (2026)."""
    langkah = (akhir - awal) / (TAHUN_AKHIR - TAHUN_AWAL)
    return (awal + langkah * (tahun - TAHUN_AWAL)).quantize(Decimal("0.01"))


def muat_rpjmd(pemda: Pemda) -> PeriodeRPJMD:
    """The example RPJMD, loaded once (a second call finds it and changes nothing)."""
    ada = PeriodeRPJMD.objects.filter(pemda=pemda, tahun_awal=TAHUN_AWAL).first()
    if ada is not None:
        return ada
    rpjmd = services.buat_rpjmd(None, pemda, NAMA, TAHUN_AWAL, TAHUN_AKHIR, "Perda RPJMD (contoh)")
    for kode_tujuan, uraian_tujuan, daftar_sasaran in TUJUAN:
        tujuan = services.buat_tujuan(None, rpjmd, kode_tujuan, uraian_tujuan)
        for kode, uraian, _, (indikator, satuan, awal, akhir) in daftar_sasaran:
            sasaran = services.buat_sasaran(None, tujuan, kode, uraian)
            ind = services.buat_indikator(None, sasaran, indikator, satuan, Decimal(awal), Decimal(akhir))
            for tahun in range(TAHUN_AWAL + 1, TAHUN_AKHIR + 1):
                services.simpan_target(None, ind, tahun, _target_tahun(Decimal(awal), Decimal(akhir), tahun))
    PenandatanganKota.objects.get_or_create(
        pemda=pemda,
        defaults={
            "nama": "Nama Kepala Bappelitbangda (contoh)",
            "nip": "197501012000031001",
            "pangkat": "Pembina Utama Muda IV/c",
            "jabatan": "Kepala Badan Perencanaan, Penelitian dan Pengembangan Daerah Kota Pasuruan",
            "status": StatusJabatan.DEFINITIF,
        },
    )
    return rpjmd


def kode_sasaran(kode_program: str) -> str | None:
    """The demo's rule: Program Penunjang to Sasaran 4.1, any other program to the Sasaran of its bidang."""
    kode = coba_urai_kode(kode_program)
    if kode is None or kode.kode_bidang is None:
        return None
    if kode.program == "01":
        return SASARAN_PENUNJANG
    for _, _, daftar in TUJUAN:
        for kode_s, _, bidang, _ in daftar:
            if kode.kode_bidang in bidang:
                return kode_s
    return None


def tautkan_semua(pemda: Pemda, rpjmd: PeriodeRPJMD) -> int:
    """Link every program of the pemda that has no link yet in this RPJMD; returns how many were linked."""
    sasaran = {s.kode: s for s in SasaranRPJMD.objects.filter(tujuan__rpjmd=rpjmd).select_related("tujuan")}
    bertaut = set(TautanProgram.objects.filter(rpjmd=rpjmd).values_list("program_id", flat=True))
    jumlah = 0
    for program in Program.objects.filter(perangkat_daerah__pemda=pemda).select_related("perangkat_daerah"):
        if program.pk in bertaut:
            continue
        kode = kode_sasaran(program.kode)
        if kode is not None and kode in sasaran:
            services.tautkan_program(None, program, sasaran[kode])
            jumlah += 1
    return jumlah
