"""The one validator of entered K and Rp values: the web forms, the API and the importer all read through it,
so that they accept and refuse exactly the same input with the same Indonesian message.

A value arrives as text typed the Indonesian way ("1.151.384.000", "36,79"), as an int, or as a Decimal (the
API reads JSON numbers as Decimal, never as float). "" , "-" and None are "not entered" (None), never zero.
"""

from decimal import Decimal

from capaian.aturan.angka import AngkaError, parse_angka, parse_rupiah

# The K column holds 24 digits, 6 of them decimals.
K_DESIMAL = 6
K_DIGIT = 24
K_MAKS = Decimal(10) ** (K_DIGIT - K_DESIMAL)
RP_MAKS = 2**63 - 1  # a signed 64-bit integer, the BigIntegerField
# No real value is longer than this; a longer text is refused before it is parsed (a million-digit number
# would otherwise cost seconds of CPU).
PANJANG_MAKS = 40


class NilaiTidakSah(AngkaError):
    """An input that is not a valid K or Rp; the message is meant for the user, at the field."""


def _teks_pendek(teks: str) -> str:
    polos = teks.strip()
    if len(polos) > PANJANG_MAKS:
        raise NilaiTidakSah(f"Angka terlalu panjang (lebih dari {PANJANG_MAKS} karakter).")
    return polos


def baca_k(nilai: object, *, boleh_negatif: bool = False) -> Decimal | None:
    """A K value (Decimal) or None; at most 6 decimals and 18 integer digits."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise NilaiTidakSah("Nilai K harus berupa angka.")
    if isinstance(nilai, str):
        try:
            k = parse_angka(_teks_pendek(nilai))
        except NilaiTidakSah:
            raise
        except AngkaError as e:
            raise NilaiTidakSah(str(e)) from None
        if k is None:
            return None
    elif isinstance(nilai, int):
        if abs(nilai) >= K_MAKS:
            raise NilaiTidakSah("Angka terlalu besar.")
        k = Decimal(nilai)
    elif isinstance(nilai, Decimal):
        if not nilai.is_finite():
            raise NilaiTidakSah("Nilai K harus berupa angka.")
        k = nilai
    else:
        raise NilaiTidakSah("Nilai K harus berupa angka.")
    if abs(k) >= K_MAKS:
        raise NilaiTidakSah("Angka terlalu besar.")
    eksponen = k.as_tuple().exponent
    if isinstance(eksponen, int) and eksponen < -K_DESIMAL and k != k.quantize(Decimal(1).scaleb(-K_DESIMAL)):
        raise NilaiTidakSah(f"Paling banyak {K_DESIMAL} angka di belakang koma.")
    if k < 0 and not boleh_negatif:
        raise NilaiTidakSah("Nilai K tidak boleh negatif untuk indikator ini.")
    return k


def baca_rp(nilai: object, *, boleh_negatif: bool = False) -> int | None:
    """A whole Rupiah amount or None."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise NilaiTidakSah("Nilai Rp harus bilangan bulat rupiah.")
    if isinstance(nilai, str):
        try:
            rp = parse_rupiah(_teks_pendek(nilai))
        except NilaiTidakSah:
            raise
        except AngkaError as e:
            raise NilaiTidakSah(str(e)) from None
        if rp is None:
            return None
    elif isinstance(nilai, int):
        rp = nilai
    elif isinstance(nilai, Decimal):
        if not nilai.is_finite() or nilai != nilai.to_integral_value():
            raise NilaiTidakSah("Rupiah harus bilangan bulat")
        rp = int(nilai)
    else:
        raise NilaiTidakSah("Nilai Rp harus bilangan bulat rupiah.")
    if abs(rp) > RP_MAKS:
        raise NilaiTidakSah("Angka terlalu besar untuk jumlah rupiah.")
    if rp < 0 and not boleh_negatif:
        raise NilaiTidakSah("Nilai Rp tidak boleh negatif.")
    return rp
