"""Names for the synthetic demo city: city agencies with their bidang urusan, and programs per bidang in the
style of the national nomenclature (Kepmendagri 050-5889/2021). The agencies and all their numbers are made
up (capaian.demo.kota_sintetis); only the naming style is real."""

# (slug, name, short name, bidang urusan it carries out: the first is its main bidang)
PERANGKAT_DAERAH: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("sintetis-dindik", "Dinas Pendidikan dan Kebudayaan", "Dindikbud", ("1.01", "2.22")),
    ("sintetis-dinkes", "Dinas Kesehatan", "Dinkes", ("1.02",)),
    ("sintetis-dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", ("1.03",)),
    ("sintetis-disperkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", ("1.04", "2.10")),
    ("sintetis-satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP", ("1.05",)),
    ("sintetis-dinsos", "Dinas Sosial", "Dinsos", ("1.06",)),
    ("sintetis-dlh", "Dinas Lingkungan Hidup", "DLH", ("2.11",)),
    ("sintetis-dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dispendukcapil", ("2.12",)),
    ("sintetis-dishub", "Dinas Perhubungan", "Dishub", ("2.15",)),
    ("sintetis-diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", ("2.16", "2.20", "2.21")),
    ("sintetis-disnaker", "Dinas Tenaga Kerja", "Disnaker", ("2.07",)),
    (
        "sintetis-dp3ap2kb",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
        "DP3AP2KB",
        ("2.08", "2.14"),
    ),
    ("sintetis-dkpp", "Dinas Ketahanan Pangan dan Pertanian", "DKPP", ("2.09", "3.27")),
    ("sintetis-diskopum", "Dinas Koperasi dan Usaha Mikro", "Diskop UM", ("2.17",)),
    ("sintetis-dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", ("2.18",)),
    ("sintetis-dispora", "Dinas Kepemudaan dan Olahraga", "Dispora", ("2.19",)),
    ("sintetis-dispusip", "Dinas Perpustakaan dan Kearsipan", "Dispusip", ("2.23", "2.24")),
    ("sintetis-diskan", "Dinas Perikanan", "Diskan", ("3.25",)),
    ("sintetis-dpmk", "Dinas Pemberdayaan Masyarakat dan Kelurahan", "DPMK", ("2.13",)),
]

# Programs of each bidang besides Program Penunjang (X.XX.01): (program number, name).
PROGRAM: dict[str, list[tuple[str, str]]] = {
    "1.01": [
        ("02", "Program Pengelolaan Pendidikan"),
        ("03", "Program Pengembangan Kurikulum"),
        ("04", "Program Pendidik dan Tenaga Kependidikan"),
    ],
    "1.02": [
        ("02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
        ("03", "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan"),
        ("04", "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman"),
        ("05", "Program Pemberdayaan Masyarakat Bidang Kesehatan"),
    ],
    "1.03": [
        ("02", "Program Pengelolaan Sumber Daya Air"),
        ("03", "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum"),
        ("05", "Program Pengelolaan dan Pengembangan Sistem Air Limbah"),
        ("10", "Program Penyelenggaraan Jalan"),
    ],
    "1.04": [
        ("02", "Program Pengembangan Perumahan"),
        ("03", "Program Kawasan Permukiman"),
        ("07", "Program Peningkatan Prasarana, Sarana dan Utilitas Umum"),
    ],
    "1.05": [
        ("02", "Program Peningkatan Ketenteraman dan Ketertiban Umum"),
        ("04", "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran"),
    ],
    "1.06": [
        ("02", "Program Pemberdayaan Sosial"),
        ("04", "Program Rehabilitasi Sosial"),
        ("05", "Program Perlindungan dan Jaminan Sosial"),
    ],
    "2.07": [
        ("03", "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja"),
        ("04", "Program Penempatan Tenaga Kerja"),
        ("05", "Program Hubungan Industrial"),
    ],
    "2.08": [
        ("02", "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"),
        ("07", "Program Perlindungan Khusus Anak"),
    ],
    "2.09": [
        ("03", "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat"),
        ("05", "Program Pengawasan Keamanan Pangan"),
    ],
    "2.10": [("07", "Program Penatagunaan Tanah")],
    "2.11": [
        ("02", "Program Perencanaan Lingkungan Hidup"),
        ("03", "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup"),
        ("13", "Program Pengelolaan Persampahan"),
    ],
    "2.12": [
        ("02", "Program Pendaftaran Penduduk"),
        ("03", "Program Pencatatan Sipil"),
        ("04", "Program Pengelolaan Informasi Administrasi Kependudukan"),
    ],
    "2.13": [("05", "Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat")],
    "2.14": [
        ("02", "Program Pengendalian Penduduk"),
        ("03", "Program Pembinaan Keluarga Berencana"),
    ],
    "2.15": [("02", "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan")],
    "2.16": [
        ("02", "Program Informasi dan Komunikasi Publik"),
        ("03", "Program Aplikasi Informatika"),
    ],
    "2.17": [
        ("05", "Program Pendidikan dan Latihan Perkoperasian"),
        ("07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro"),
    ],
    "2.18": [
        ("02", "Program Pengembangan Iklim Penanaman Modal"),
        ("03", "Program Promosi Penanaman Modal"),
        ("04", "Program Pelayanan Penanaman Modal"),
    ],
    "2.19": [
        ("02", "Program Pengembangan Kapasitas Daya Saing Kepemudaan"),
        ("03", "Program Pengembangan Kapasitas Daya Saing Keolahragaan"),
    ],
    "2.20": [("02", "Program Penyelenggaraan Statistik Sektoral")],
    "2.21": [("02", "Program Penyelenggaraan Persandian untuk Pengamanan Informasi")],
    "2.22": [
        ("02", "Program Pengembangan Kebudayaan"),
        ("05", "Program Pelestarian dan Pengelolaan Cagar Budaya"),
    ],
    "2.23": [("02", "Program Pembinaan Perpustakaan")],
    "2.24": [("02", "Program Pengelolaan Arsip")],
    "3.25": [
        ("03", "Program Pengelolaan Perikanan Tangkap"),
        ("04", "Program Pengelolaan Perikanan Budidaya"),
        ("06", "Program Pengolahan dan Pemasaran Hasil Perikanan"),
    ],
    "3.27": [
        ("02", "Program Penyediaan dan Pengembangan Sarana Pertanian"),
        ("07", "Program Penyuluhan Pertanian"),
    ],
}

PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
# Kegiatan of Program Penunjang with their sub kegiatan, as the nomenclature names them.
KEGIATAN_PENUNJANG: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "2.01",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        [
            ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
            ("0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"),
            ("0007", "Evaluasi Kinerja Perangkat Daerah"),
        ],
    ),
    ("2.02", "Administrasi Keuangan Perangkat Daerah", [("0001", "Penyediaan Gaji dan Tunjangan ASN")]),
    (
        "2.06",
        "Administrasi Umum Perangkat Daerah",
        [
            ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor"),
            ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        ],
    ),
    (
        "2.08",
        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        [
            ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
            ("0004", "Penyediaan Jasa Pelayanan Umum Kantor"),
        ],
    ),
    (
        "2.09",
        "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        [
            (
                "0002",
                "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
                "Operasional atau Lapangan",
            ),
            ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya"),
        ],
    ),
]

# How the kegiatan and sub kegiatan of a bidang's program are named: prefix + the program's subject.
AWALAN_KEGIATAN = (
    "Perencanaan dan Pengendalian",
    "Penyelenggaraan",
    "Pembinaan dan Pengawasan",
    "Fasilitasi dan Koordinasi",
)
AWALAN_SUB = (
    ("Penyusunan Dokumen", "Dokumen"),
    ("Sosialisasi dan Pendampingan", "Kegiatan"),
    ("Penyediaan Sarana dan Prasarana", "Unit"),
    ("Peningkatan Kapasitas Sumber Daya Manusia", "Orang"),
    ("Monitoring, Evaluasi dan Pelaporan", "Laporan"),
    ("Pengumpulan dan Pengolahan Data", "Dokumen"),
    ("Pengadaan Peralatan Pendukung", "Paket"),
)


def pokok(nama_program: str) -> str:
    """The subject of a program's name: "Program Pengelolaan Pendidikan" -> "Pengelolaan Pendidikan"."""
    return nama_program.removeprefix("Program ").strip()
