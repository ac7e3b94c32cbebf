"""Phone numbers, one way for the whole portal, on Google's libphonenumber (`phonenumbers`).
No HTTP, no database.

The stored form (accounts, young people, centers, organizations, safe-migration contacts, known
bad contacts) of a Cambodian number is its national digits with the leading 0 and nothing else:
"012345678", "0971234567", "023881234". A number abroad, where one is allowed (`abroad=True`: a
hotline in Thailand, a trafficker's Thai number), is stored in E.164: "+66812345678".

Every way people write a Cambodian number is the same number: "+855 (0)12 345 678",
"+85512345678", "00855 12 345 678", "855 12 345 678", "012-345-678", "(012) 345 678",
"០១២ ៣៤៥ ៦៧៨", and "12 345 678" (the 0 left out, as people do after +855). A number is accepted
only when Cambodia's numbering plan, as `phonenumbers` knows it, says it is valid: "call us",
"012 345" or "023 123 456" (no such line) are not numbers. Shown: in the national format
("012 345 678"); dialled: E.164 ("tel:+85512345678"); sent to the SMS gateway: E.164.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

from portal.khmer import latin_digits

REGION = "KH"
COUNTRY_CODE = 855
MIN_DIGITS = 8  # below this a run of digits is not a whole number (screening, bad contacts)
# What a number may be written with: digits and the marks people group them with.
_WRITTEN = re.compile(r"[\d\s\-().+/\u00a0]+")
# "00855 ...": Cambodia's own exit code before its own country code (phonenumbers reads "008"
# as a carrier's exit code and the rest as Brazil).
_DOUBLE_ZERO = re.compile(r"^\(?00\s*(?=855)")
# A hotline's short code: 117 (police), 1288, 1280 (helplines).
_SHORT_CODE = re.compile(r"1\d{2,3}")

# A Cambodian number inside free text (on a copy whose Khmer digits became 0-9): 0 then 8 or 9
# digits, or +855 / 00855 / 855 then 8 or 9 digits (an optional "(0)" after the country code),
# with single spaces, dots or dashes between groups. Dates and amounts are not numbers.
_SEP = r"[ .\-\u00a0]"
IN_TEXT = re.compile(
    rf"(?<![\d/])(?:(?:(?:\+|00)\s?855|855){_SEP}*(?:\(0\){_SEP}*)?\(?0?|\(?0)"
    rf"\d{{1,2}}\)?{_SEP}?\d(?:{_SEP}?\d){{5,7}}(?![\d/])"
)


def parse(text: str | None, *, abroad: bool = False) -> PhoneNumber | None:
    """The number `text` is written as, when it is a valid number: Cambodian, or of any
    country when `abroad` (then it must be written with its "+" country code); else None."""
    written = _written(text)
    if written is None:
        return None
    try:
        number = phonenumbers.parse(written, REGION)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.country_code != COUNTRY_CODE and not abroad:
        return None
    return number


def normalize(text: str | None, *, abroad: bool = False) -> str | None:
    """The stored form: "+855 (0)12 345 678", "012-345-678" and "០១២ ៣៤៥ ៦៧៨" are all
    "012345678"; None when `text` is not a valid number."""
    number = parse(text, abroad=abroad)
    return _stored(number) if number else None


def is_phone(text: str | None, *, abroad: bool = False) -> bool:
    """True when `text` is a valid number, however it is written."""
    return parse(text, abroad=abroad) is not None


def looks_like_phone(text: str | None) -> bool:
    """True when what someone typed in a login or a search box is a phone number, not an
    e-mail address or a name."""
    return bool(text) and "@" not in text and is_phone(text)


def looks_written_as_number(text: str | None) -> bool:
    """True when `text` holds only digits and the marks numbers are grouped with ("+855 12-34",
    "(012) 345"), valid or not: no letters, no "@"."""
    return _written(text) is not None


def e164(text: str | None) -> str | None:
    """The international form an SMS gateway and a `tel:` link want: "+85512345678"."""
    number = parse(text, abroad=True)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if number else None


def display(text: str | None) -> str:
    """How a number is shown: "012 345 678" (a number abroad: "+66 81 234 5678"); a short
    code or anything else as it is written."""
    number = parse(text, abroad=True)
    if number is None:
        return text or ""
    if number.country_code == COUNTRY_CODE:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def tel_href(text: str | None) -> str | None:
    """The `tel:` link that dials the number ("tel:+85512345678", a hotline's "tel:1288"), or
    None when `text` is not a number one can call."""
    number = e164(text)
    if number:
        return "tel:" + number
    short = short_code(text)
    return "tel:" + short if short else None


def short_code(text: str | None) -> str | None:
    """A hotline's short code ("1288", "១២៨៨" -> "1288"), or None."""
    written = latin_digits(text or "").strip()
    return written if _SHORT_CODE.fullmatch(written) else None


def normalize_hotline(text: str | None) -> str | None:
    """A safe-migration contact's stored number: a number (Cambodian or abroad) or a short
    code; None when it is neither."""
    return normalize(text, abroad=True) or short_code(text)


def search_digits(text: str) -> str | None:
    """The digits to look for in stored numbers when a counselor types all or part of one:
    "+855 (0)12 345 678" -> "012345678", "+855 12 345" -> "012345", "៣៤៥ ៦៧៨" -> "345678";
    None when the text is not (part of) a number."""
    full = normalize(text)
    if full:
        return full
    written = _written(text)
    digits = _digits_as_stored(written) if written else ""
    return digits if len(digits) >= 3 else None


def match_key(text: str) -> str:
    """One key for every written form of one number, to compare a number found in a posting
    with the known bad ones: the stored form when it is a valid number, else its digits read
    as stored ("855 99 123 4567" -> "0991234567")."""
    number = parse(text, abroad=True)
    if number:
        return _stored(number)
    return _digits_as_stored(latin_digits(text))


def find_in_text(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Cambodian number written in free text, Khmer digits included."""
    for match in IN_TEXT.finditer(latin_digits(text)):
        yield match.start(), match.end()


def _written(text: str | None) -> str | None:
    """The text with Latin digits and the exit code as "+", when it is written like a number."""
    written = latin_digits(text or "").strip()
    if not written or not _WRITTEN.fullmatch(written) or not any(c.isdigit() for c in written):
        return None
    return _DOUBLE_ZERO.sub("+", written)


def _stored(number: PhoneNumber) -> str:
    if number.country_code == COUNTRY_CODE:
        return "0" + phonenumbers.national_significant_number(number)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _digits_as_stored(written: str) -> str:
    """The digits, with Cambodia's country code (and the "(0)" after it) as the leading 0."""
    digits = re.sub(r"\D", "", written)
    digits = digits.removeprefix("00")
    if digits.startswith("855"):
        digits = "0" + digits[3:].removeprefix("0")
    return digits
