"""The one validator of entered K and Rp values: the web forms, the API and the importer all read through it,
so that they accept and refuse exactly the same input with the same Indonesian message.

A value arrives as text typed the Indonesian way ("1.151.384.000", "36,79"), as an int, or as a Decimal (the
API reads JSON numbers as Decimal, never as float). "" , "-" and None are "not entered" (None), never zero.
"""

from decimal import Decimal

from capaian.aturan.angka import (
    AngkaError,
    format_k,
    format_rupiah,
    parse_angka,
    parse_rupiah,
    rupiah_dibulatkan,
)

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


def pesan_negatif(jenis: str, nilai: object) -> str:
    """The one message for a negative value of an indicator that does not allow it ("K" or "Rp")."""
    return (
        f"Nilai {jenis} tidak boleh negatif ({nilai}) untuk indikator ini. Bila indikator ini memang dapat "
        "bernilai negatif (mis. laju pertumbuhan), minta admin mencentang 'boleh negatif' pada indikatornya."
    )


def periksa_tanda(*, k: object = None, rp: object = None, boleh_negatif: bool, label: str = "") -> None:
    """Refuse a negative K or Rp unless the indicator allows it (`Indikator.boleh_negatif`). The services
    call it on every save, so no door (web, API, importer, admin, command line) can store one."""
    if boleh_negatif:
        return
    for jenis, nilai in (("K", k), ("Rp", rp)):
        if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool) and nilai < 0:
            awal = f"{label}: " if label else ""
            teks = _teks_angka(Decimal(nilai)) if jenis == "K" else _teks_angka(int(nilai))
            raise NilaiTidakSah(awal + pesan_negatif(jenis, teks))


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
        raise NilaiTidakSah(pesan_negatif("K", _teks_angka(k)))
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
        raise NilaiTidakSah(pesan_negatif("Rp", _teks_angka(rp)))
    return rp


def usul_rp(teks: str, *, boleh_negatif: bool = False) -> str:
    """The whole amount offered for a Rupiah typed with cents, as the text for the field ("1.000,50" ->
    "1.001", half-up), or "" when there is nothing to offer: no cents, not an amount, too long, or the
    rounded amount itself not valid. The typed amount stays refused until the user takes the offer."""
    if len(teks.strip()) > PANJANG_MAKS:
        return ""
    bulat = rupiah_dibulatkan(teks)
    if bulat is None:
        return ""
    try:
        baca_rp(bulat, boleh_negatif=boleh_negatif)
    except NilaiTidakSah:
        return ""
    return format_rupiah(bulat)


def teks_dibaca(nilai: Decimal | int | None) -> str:
    """How an input was read, written back the Indonesian way beside the field ("1.50" -> "1,5", "1.500" ->
    "1.500", "1500" -> "1.500"), so that the user sees which number the system took; "" for none."""
    if nilai is None:
        return ""
    return _teks_angka(nilai)


def _teks_angka(nilai: Decimal | int) -> str:
    return format_k(Decimal(nilai), kosong="") if isinstance(nilai, Decimal) else format_rupiah(nilai)
