"""What the reference report does not say in a machine-readable way, chosen so that the engine reproduces its
numbers where the report follows its own formulas (see tests/test_referensi.py for where it does not).

Keys are the `row_id` of e81-transkripsi.csv.
"""

from capaian.aturan.capaian import Agregasi, Akumulasi

# Column 12: the report sums counts, takes the last value of positions and averages people per month and
# price fluctuation. Rows not listed are summed.
AGREGASI: dict[str, Agregasi] = {
    **dict.fromkeys(
        ("1", "2", "3", "4", "5", "6", "7", "11", "14", "16", "21", "25", "26", "30", "33", "36", "37", "44")
        + ("45", "52", "53"),
        Agregasi.TERAKHIR,
    ),
    **dict.fromkeys(("12", "40", "41"), Agregasi.RATA_RATA),
}

# Column 14: the report mixes the three readings, even between identical indicators. Rows not listed are
# cumulative (6 + 12), the header's own formula.
AKUMULASI: dict[str, Akumulasi] = {
    **dict.fromkeys(
        ("1", "2", "3", "4", "6", "25", "26", "30", "33", "36", "37", "44", "45"), Akumulasi.POSISI_AKHIR
    ),
    **dict.fromkeys(("5", "7", "11", "12", "14", "16", "21", "40", "41"), Akumulasi.RATA_RATA),
}

# Lower is better: price fluctuation. The narrative scores row 40 with (2T - R) / T; Form E.81 does not.
NEGATIF = {"40", "41"}

# The Kertas Kerja's formulas in the engine's syntax: (formula, [(variable, label)], TW II values).
Variabel = list[tuple[str, str]]
RUMUS: dict[str, tuple[str, Variabel, dict[str, str | None]]] = {
    "1": (
        "(produksi_n - produksi_lalu) / produksi_lalu * 100",
        [
            ("produksi_n", "Nilai Produksi Sektor Unggulan Tahun 2024 (juta rupiah)"),
            ("produksi_lalu", "Nilai Produksi Sektor Unggulan Tahun 2023 (juta rupiah)"),
        ],
        {},
    ),
    "2": (
        "temuan_ditindaklanjuti / temuan * 100",
        [("temuan_ditindaklanjuti", "Jumlah temuan yang ditindaklanjuti"), ("temuan", "Jumlah temuan")],
        {},
    ),
    "4": (
        "(omset_n - omset_lalu) / omset_lalu * 100",
        [
            ("omset_n", "Omset Penjualan Produk Unggulan Tahun 2024"),
            ("omset_lalu", "Omset Penjualan Produk Unggulan Tahun 2023"),
        ],
        {},
    ),
    # The mean of the program's kegiatan indicators: (100+100+100+100+100+50)/6 in the report.
    "6": (
        "AVG([3.30.01.2.01]; [3.30.01.2.02]; [3.30.01.2.03]; [3.30.01.2.06]; [3.30.01.2.08]; [3.30.01.2.09])",
        [],
        {},
    ),
    "7": (
        "dokumen_tepat_waktu / dokumen * 100",
        [
            (
                "dokumen_tepat_waktu",
                "Dokumen perencanaan dan laporan evaluasi kinerja yang tersusun tepat waktu",
            ),
            ("dokumen", "Dokumen perencanaan dan laporan evaluasi kinerja sampai dengan triwulan ini"),
        ],
        {"dokumen_tepat_waktu": "3", "dokumen": "3"},
    ),
    "11": (
        "laporan_tepat_waktu / laporan * 100",
        [
            ("laporan_tepat_waktu", "Laporan keuangan yang tersusun tepat waktu"),
            ("laporan", "Laporan keuangan"),
        ],
        {"laporan_tepat_waktu": "2", "laporan": "2"},
    ),
    "14": (
        "laporan_tepat_waktu / laporan * 100",
        [
            ("laporan_tepat_waktu", "Laporan barang milik daerah yang tersusun tepat waktu"),
            ("laporan", "Laporan barang milik daerah"),
        ],
        {"laporan_tepat_waktu": "1", "laporan": "1"},
    ),
    "16": (
        "layanan_terpenuhi / layanan * 100",
        [
            ("layanan_terpenuhi", "Layanan administrasi perkantoran yang terpenuhi"),
            ("layanan", "Layanan administrasi perkantoran"),
        ],
        {"layanan_terpenuhi": "4", "layanan": "4"},
    ),
    "21": (
        "jasa_terpenuhi / jasa * 100",
        [
            ("jasa_terpenuhi", "Jasa penunjang urusan pemerintahan daerah yang terpenuhi"),
            ("jasa", "Jasa penunjang urusan pemerintahan daerah"),
        ],
        {"jasa_terpenuhi": "3", "jasa": "3"},
    ),
    # The report states an input of 1 and divides 2 / 4: the stated input is what we load.
    "25": (
        "bmd_terpelihara / bmd * 100",
        [("bmd_terpelihara", "Barang milik daerah yang terpelihara"), ("bmd", "Barang milik daerah")],
        {"bmd_terpelihara": "1", "bmd": "4"},
    ),
    "30": (
        "pedagang_patuh / ikm_sosialisasi * 100",
        [
            ("pedagang_patuh", "Pedagang/produsen yang memenuhi asas perlindungan konsumen"),
            ("ikm_sosialisasi", "IKM yang mengikuti kegiatan sosialisasi PK"),
        ],
        {"pedagang_patuh": "86", "ikm_sosialisasi": "100"},
    ),
    # The report states 1.151.384.000 and divides 1.151.221.600: the stated input is what we load.
    "33": (
        "realisasi_pad / target_pad * 100",
        [
            ("realisasi_pad", "Realisasi PAD pelayanan pasar s.d. akhir triwulan"),
            ("target_pad", "Target PAD pelayanan pasar tahun berjalan"),
        ],
        {"realisasi_pad": "1151384000", "target_pad": "3129274170"},
    ),
    "34": (
        "pasar_direvitalisasi / pasar_dikelola * 100",
        [
            ("pasar_direvitalisasi", "Jumlah pasar yang direvitalisasi"),
            ("pasar_dikelola", "Jumlah pasar yang dikelola"),
        ],
        {"pasar_direvitalisasi": "1", "pasar_dikelola": "6"},
    ),
    "37": (
        "pkl_dibina / pkl_lokus * 100",
        [("pkl_dibina", "PKL yang sudah dibina"), ("pkl_lokus", "PKL sesuai lokus Perwali")],
        {"pkl_dibina": "90", "pkl_lokus": "726"},
    ),
    "40": (
        "AVG(fluktuasi_bulan_1; fluktuasi_bulan_2; fluktuasi_bulan_3)",
        [
            ("fluktuasi_bulan_1", "Rata-rata persentase fluktuasi harga bahan pokok bulan ke-1 triwulan"),
            ("fluktuasi_bulan_2", "Rata-rata persentase fluktuasi harga bahan pokok bulan ke-2 triwulan"),
            ("fluktuasi_bulan_3", "Rata-rata persentase fluktuasi harga bahan pokok bulan ke-3 triwulan"),
        ],
        {"fluktuasi_bulan_1": "21.91", "fluktuasi_bulan_2": "23.48", "fluktuasi_bulan_3": "16.67"},
    ),
    "41": (
        "AVG(naik_bulan_1 / dipantau_bulan_1 * 100; naik_bulan_2 / dipantau_bulan_2 * 100; "
        "naik_bulan_3 / dipantau_bulan_3 * 100)",
        [
            ("naik_bulan_1", "Bahan pokok berfluktuasi > 10% bulan ke-1"),
            ("dipantau_bulan_1", "Bahan pokok yang dipantau bulan ke-1"),
            ("naik_bulan_2", "Bahan pokok berfluktuasi > 10% bulan ke-2"),
            ("dipantau_bulan_2", "Bahan pokok yang dipantau bulan ke-2"),
            ("naik_bulan_3", "Bahan pokok berfluktuasi > 10% bulan ke-3"),
            ("dipantau_bulan_3", "Bahan pokok yang dipantau bulan ke-3"),
        ],
        {
            "naik_bulan_1": "15",
            "dipantau_bulan_1": "69",
            "naik_bulan_2": "16",
            "dipantau_bulan_2": "69",
            "naik_bulan_3": "14",
            "dipantau_bulan_3": "69",
        },
    ),
    "44": (
        "(ikm_ekspor_n - ikm_ekspor_lalu) / ikm_ekspor_lalu * 100",
        [
            ("ikm_ekspor_n", "Pelaku usaha yang melakukan ekspor tahun 2024"),
            ("ikm_ekspor_lalu", "Pelaku usaha yang melakukan ekspor tahun 2023"),
        ],
        {},
    ),
    "45": (
        "ikm_ekspor / ikm * 100",
        [("ikm_ekspor", "Pelaku usaha yang melakukan ekspor tahun 2024"), ("ikm", "Jumlah IKM")],
        {"ikm_ekspor": None, "ikm": "3416"},
    ),
    "48": (
        "uttp_ditera / potensi_uttp * 100",
        [
            ("uttp_ditera", "Alat UTTP yang telah ditera/tera ulang"),
            ("potensi_uttp", "Potensi alat UTTP di Kota Pasuruan"),
        ],
        {"uttp_ditera": "103", "potensi_uttp": "12870"},
    ),
    "52": (
        "(ikm_berkembang_n - ikm_berkembang_lalu) / ikm_berkembang_lalu * 100",
        [
            ("ikm_berkembang_n", "IKM berkembang tahun 2024"),
            ("ikm_berkembang_lalu", "IKM berkembang tahun 2023"),
        ],
        {},
    ),
    "53": (
        "ikm_berkembang / ikm_dilatih * 100",
        [("ikm_berkembang", "IKM berkembang"), ("ikm_dilatih", "IKM yang dilatih")],
        {},
    ),
}

FAKTOR_PENDORONG = (
    "SDM yang kompeten, standar pengujian yang lengkap, dan sarana prasarana pendukung lainnya.\n"
    "Kondisi sarana perdagangan yang rusak terkena bencana sehingga mengharuskan segera dilakukan "
    "rehabilitasi terhadap pasar tersebut untuk dapat dimanfaatkan kembali."
)
FAKTOR_PENGHAMBAT = (
    "Para pedagang yang tidak kooperatif saat ditanyai harga setiap hari.\n"
    "Kurangnya kesadaran pemilik UTTP untuk menerakan alatnya.\n"
    "Kurangnya partisipasi pedagang dalam proses revitalisasi pasar."
)
TINDAK_LANJUT = (
    "Melakukan pendekatan lebih terhadap para pedagang.\n"
    "Sosialisasi ke pemilik UTTP.\n"
    "Sosialisasi personal terhadap pedagang."
)

# The Kertas Kerja's evidence notes, as the reference writes them after a value ("= 1 dokumen (Renja 2025)"),
# kept on the indicator's definition (Indikator.catatan_nilai for a value entered directly, a variable's
# "catatan" for a formula's input). They are the TW II notes of the reference: the definition holds one note.
CATATAN_NILAI: dict[str, str] = {
    "3": "(Nilai SAKIP Disperindag Tahun 2023)",
    "8": "dokumen (Renja 2025)",
    "9": "Laporan (Laporan Money Tb. I Tahun 2024)",
    "10": "Laporan (Laporan SAKIP 2023)",
    "12": "orang/bulan",
    "13": "laporan",
    "15": "Laporan (Laporan Rekonsiliasi Tribulan I Tahun 2024)",
    "17": "paket (lampu LED dan kabel roll)",
    "18": "dokumen",
    "19": "laporan",
    "20": "laporan",
    "22": "laporan",
    "23": "laporan",
    "24": "laporan",
    "26": (
        "unit (BBM kendaraan dinas roda dua dan roda empat, service kendaraan roda dua sejumlah 4 unit dan "
        "service kendaraan roda empat sejumlah 2 unit)"
    ),
    "28": "(service AC sebanyak 5 unit)",
    "36": "pasar (Pasar Besar, Kebonagung, Karangketug, Poncol, Gadingrejo, Bukir Randusari)",
    "38": "dokumen",
    "39": "dokumen",
    "42": "dokumen (Laporan bulan April, Mei, Juni)",
    "43": "dokumen",
    "49": "dokumen",
    "54": "(Rapat Koordinasi dalam Provinsi)",
    "55": "dokumen",
    # The reference states the year's 9 documents of 2 trainings; the value here is TW II's (4).
    "56": (
        "dokumen (Tribulan II: Dokumen Laporan Kegiatan Pelatihan Digitalisasi IKM, 20 IKM; Tribulan I: 5 "
        "dokumen, Pelatihan Makanan Olahan, 20 IKM)"
    ),
}
_DOKUMEN_7 = "(dokumen perencanaan, laporan capaian kinerja, laporan evaluasi kinerja)"
_LAPORAN_11 = "(laporan pembayaran gaji dan tunjangan, laporan keuangan)"
_LAYANAN_16 = (
    "(layanan penyediaan komponen instalasi listrik, penyediaan bahan bacaan, fasilitasi kunjungan tamu, "
    "penyelenggaraan rapat koordinasi konsultasi SKPD)"
)
_JASA_21 = "(jasa surat menyurat, jasa komunikasi, sumber daya air dan listrik, jasa pelayanan umum kantor)"
CATATAN_VARIABEL: dict[str, dict[str, str]] = {
    "7": {"dokumen_tepat_waktu": _DOKUMEN_7, "dokumen": _DOKUMEN_7},
    "11": {"laporan_tepat_waktu": _LAPORAN_11, "laporan": _LAPORAN_11},
    "16": {"layanan_terpenuhi": _LAYANAN_16, "layanan": _LAYANAN_16},
    "21": {"jasa_terpenuhi": _JASA_21, "jasa": _JASA_21},
    "33": {"realisasi_pad": "(s.d. Juni 2024)", "target_pad": "(Tahun 2024)"},
    "37": {"pkl_dibina": "(sampai tribulan 2)"},
    "40": {
        "fluktuasi_bulan_1": "(April)",
        "fluktuasi_bulan_2": "(Mei)",
        "fluktuasi_bulan_3": "(Juni)",
    },
    "41": {
        "naik_bulan_1": "(April)",
        "dipantau_bulan_1": "(April)",
        "naik_bulan_2": "(Mei)",
        "dipantau_bulan_2": "(Mei)",
        "naik_bulan_3": "(Juni)",
        "dipantau_bulan_3": "(Juni)",
    },
    "48": {"uttp_ditera": "(tribulan II)"},
}
# The Kesimpulan's texts per program (kesimpulan-transkripsi.csv) sit, for three of its four texts, in a
# column that contradicts the same report's Form E.81 footer and Narasi: "Para pedagang yang tidak
# kooperatif ..." and "Kurangnya kesadaran pemilik UTTP ..." are printed as Faktor Pendukung (the footer and
# the Narasi: penghambat, kendala), "SDM yang kompeten ..." as Keterangan (the footer: pendorong). Capaian's
# documents print one text as one kind everywhere, so the demo keeps each text with the program the
# Kesimpulan puts it under and gives it the kind the footer gives it; a text the footer does not have keeps
# its Kesimpulan column (3.31.02's two penghambat). tests/referensi/test_teks_referensi.py pins this.
KOLOM_KESIMPULAN = {
    "faktor_penghambat": "faktor_penghambat",
    "faktor_pendukung": "faktor_pendorong",
    "keterangan": "faktor_pendorong",
}
JENIS_MENURUT_E81 = {
    **dict.fromkeys(FAKTOR_PENDORONG.splitlines(), "faktor_pendorong"),
    **dict.fromkeys(FAKTOR_PENGHAMBAT.splitlines(), "faktor_penghambat"),
}
