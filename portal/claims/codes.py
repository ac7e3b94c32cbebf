"""The codes themselves: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S,
2/Z, 8/B), easy to read off a slip and type on a phone: 24^8, about 1.1 × 10^11 codes."""

from __future__ import annotations

import re
import secrets

from portal.khmer import latin_digits

ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467"  # 24 symbols: every one unlike the others
LENGTH = 8
_SPACING = re.compile(r"[\s\-_.]")


def new_code() -> str:
    """A fresh random code, as stored and compared: 'K7QM3XPA'."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """As printed and said aloud, in two halves: 'K7QM-3XPA'."""
    return f"{code[:4]}-{code[4:]}"


def typed(text: str | None) -> str:
    """What a person typed, as a code: capitals, no spaces or dashes, Khmer digits as 0-9."""
    return _SPACING.sub("", latin_digits(text or "")).upper()


def looks_like_a_code(text: str | None) -> bool:
    code = typed(text)
    return len(code) == LENGTH and all(symbol in ALPHABET for symbol in code)
