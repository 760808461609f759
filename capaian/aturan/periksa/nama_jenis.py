"""Each finding's kind in words, for the people who read the checks page.

A `Temuan.jenis` is a stable identifier ("tw-melebihi-target"): explanations are keyed on it, the JSON and
`capaian periksa` print it, tests pin it. A verifier reads "Target triwulan melebihi target tahunan".
"""

import re

NAMA_JENIS = {
    "baris-tergeser": "Baris total tergeser satu sel",
    "basis-kosong": "Dihitung dari kolom kosong",
    "bukan-angka": "Bukan angka",
    "capaian-tinggi": "Capaian sangat tinggi",
    "formula-tanpa-nilai": "Formula tanpa nilai tersimpan",
    "induk-anak-lalu": "Kolom 6 induk tidak sama dengan jumlah turunannya",
    "induk-anak-pagu": "Pagu induk tidak sama dengan jumlah turunannya",
    "induk-anak-realisasi": "Realisasi induk tidak sama dengan jumlah turunannya",
    "jumlah-program": "Baris Jumlah tidak sama dengan jumlah program",
    "k-sebesar-rupiah": "Rupiah di kolom kinerja",
    "kode-format-lama": "Kode sub kegiatan bentuk lama",
    "kode-tidak-sah": "Kode rekening tidak sah",
    "kolom12-k": "Kolom 12 K tidak sesuai metode",
    "kolom12-rp": "Kolom 12 Rp bukan jumlah triwulan",
    "konsistensi-bidang": "Beda dengan Form E.81 (bidang)",
    "konsistensi-kertas-kerja": "Kertas Kerja beda dengan Form E.81",
    "konsistensi-kesimpulan": "Kesimpulan beda dengan Form E.81",
    "konsistensi-narasi": "Narasi beda dengan Form E.81",
    "konsistensi-program": "Beda dengan Form E.81 (program)",
    "metode-tidak-sah": "Metode baris tidak terbaca",
    "nilai-negatif": "Nilai negatif",
    "polaritas-terbalik": "Polaritas mungkin terbalik",
    "predikat-pita": "Predikat tidak sesuai nilainya",
    "rata-rata-hitung-ulang": "Rata-rata dari angka program yang salah",
    "rata-rata-metode": "Rata-rata dengan metode lain",
    "rata-rata-program": "Rata-rata tidak cocok dengan metode mana pun",
    "realisasi-kosong": "Realisasi belum diisi",
    "renstra-kolom14": "Kolom 14 K tidak sesuai metode",
    "rp-dibatasi-100": "Persentase anggaran dibatasi 100 %",
    "rp-melebihi-pagu": "Realisasi melebihi pagu",
    "rumus-melingkar": "Rumus saling merujuk",
    "rumus-referensi": "Rumus merujuk indikator yang tidak ada",
    "rumus-tidak-sah": "Rumus tidak terbaca",
    "salah-kolom": "Nilai di kolom yang salah",
    "tw-melebihi-target": "Target triwulan melebihi target tahunan",
}

# Columns 13 and 15 against the formula of the row's method ("kolom13-rumus", "kolom15-rumus").
_KOLOM_RUMUS = re.compile(r"kolom(\d+)-rumus")


def nama_jenis(jenis: str) -> str:
    """The kind in words; an unknown identifier as it is (never an empty cell)."""
    if (m := _KOLOM_RUMUS.fullmatch(jenis)) is not None:
        return f"Kolom {m.group(1)} tidak sesuai rumus"
    return NAMA_JENIS.get(jenis, jenis)
