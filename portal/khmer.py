"""Khmer text: its digits and its script. One table of Khmer digits for the whole portal, and one
answer to "is this Khmer?". No HTTP, no database.

Khmer digits (០-៩) are one character for one with 0-9, so a text keeps its length and its
positions when its digits change script (masking and screening cut the original text at
positions found in the converted copy)."""

from __future__ import annotations

import re

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
TO_LATIN_DIGITS = str.maketrans(KHMER_DIGITS, "0123456789")
TO_KHMER_DIGITS = str.maketrans("0123456789", KHMER_DIGITS)
# The Khmer block; letters, vowel signs and subscripts run to U+17D3, U+17DD is a sign too.
FIRST, LAST = "\u1780", "\u17ff"
_KHMER_DIGIT = re.compile(f"[{KHMER_DIGITS}]")
_KHMER = re.compile(f"[{FIRST}-{LAST}]")  # a regex: search indexes every field through these


def latin_digits(text: str) -> str:
    """Khmer digits as 0-9, the rest unchanged: "០១២ ៣៤៥" -> "012 345"."""
    return text.translate(TO_LATIN_DIGITS)


def khmer_digits(text: str) -> str:
    """0-9 as Khmer digits, the rest unchanged: "8 ធ្នូ 09:00" -> "៨ ធ្នូ ០៩:០០"."""
    return text.translate(TO_KHMER_DIGITS)


def has_khmer_digit(text: str) -> bool:
    """True when `text` holds at least one Khmer digit."""
    return _KHMER_DIGIT.search(text) is not None


def is_khmer_char(char: str) -> bool:
    """A character of the Khmer block: letter, sign, digit or punctuation."""
    return FIRST <= char <= LAST


def is_khmer_letter(char: str) -> bool:
    """A Khmer letter, vowel sign or subscript (not Khmer punctuation or digits)."""
    return "\u1780" <= char <= "\u17d3" or char == "\u17dd"


def has_khmer(text: str) -> bool:
    """True when any character of `text` is Khmer: the script test for a word, a name or a
    message ("ជួសជុលម៉ូតូ", "Phnom Penh ភ្នំពេញ" yes; "motorbike repair" no)."""
    return _KHMER.search(text) is not None
