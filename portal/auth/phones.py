"""Cambodian phone numbers, stored one way: the national form with its leading 0 (012345678)."""

from __future__ import annotations

import re

_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def normalize_phone(text: str | None) -> str | None:
    """'+855 12 345 678', '(012) 345-678', '០១២៣៤៥៦៧៨' all become '012345678'; None if invalid."""
    if not text:
        return None
    digits = re.sub(r"[\s\-().+]", "", text.translate(_KHMER_DIGITS))
    if not digits.isdigit():
        return None
    if digits.startswith("855"):
        digits = "0" + digits[3:]
    elif not digits.startswith("0"):
        digits = "0" + digits
    # Cambodian numbers: 0 + two-digit prefix + 6 or 7 digits.
    if not 9 <= len(digits) <= 10 or digits[1] == "0":
        return None
    return digits


def looks_like_phone(text: str) -> bool:
    return "@" not in text and normalize_phone(text) is not None


def e164(text: str | None) -> str | None:
    """The international form an SMS gateway wants ('012345678' -> '+85512345678'), checked
    against Cambodia's numbering plan by phonenumbers; None if it is not a valid number."""
    import phonenumbers

    if not text:
        return None
    try:
        number = phonenumbers.parse(text.translate(_KHMER_DIGITS), "KH")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
