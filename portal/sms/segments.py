"""How many SMS parts a text costs (3GPP TS 23.038 and 23.040).

A text whose every character is in the GSM 7-bit alphabet travels as GSM-7: 160 characters in one
part, 153 a part when split (7 go to the header that joins them); a character of the extension
table (`{ } [ ] ~ \\ | ^ €` and form feed) takes two, and is never split across parts. Any other
character (Khmer, curly quotes, emoji) makes the whole text UCS-2: 70 UTF-16 units in one part,
67 a part when split, a character outside the BMP taking two units that stay together."""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7 = "gsm7"
UCS2 = "ucs2"
# Units in one part alone, and in each part of a split message.
LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}

# Typography that would make an English text UCS-2 (and cost twice the parts) for no gain.
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


@dataclass(frozen=True)
class Parts:
    encoding: str  # GSM7 or UCS2
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def encoding_of(text: str) -> str:
    return GSM7 if is_gsm7(text) else UCS2


def _units(ch: str, encoding: str) -> int:
    if encoding == GSM7:
        return 2 if ch in GSM7_EXTENSION else 1
    return 2 if ord(ch) > 0xFFFF else 1


def count(text: str) -> Parts:
    """The encoding, length in units and number of parts of `text` (an empty text is one part)."""
    encoding = encoding_of(text)
    single, multi = LIMITS[encoding]
    sizes = [_units(ch, encoding) for ch in text]
    total = sum(sizes)
    if total <= single:
        return Parts(encoding, total, 1)
    segments, used = 1, 0
    for size in sizes:  # a character never straddles two parts
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return Parts(encoding, total, segments)


def plain(text: str) -> str:
    """`text` with curly quotes, dashes and the ellipsis made plain when that keeps it GSM-7."""
    simpler = text.translate(_PLAIN)
    return simpler if is_gsm7(simpler) else text
