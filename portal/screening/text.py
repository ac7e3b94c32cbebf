"""The text of a posting as the rules read it: folded, with a map back to the words as written.

Every field is folded once (lowercase, Latin accents dropped, Khmer digits as 0-9, zero-width
characters gone, subscript DA as subscript TA) and the spaces between two Khmer letters are
dropped, because Khmer writers put spaces (or not) in different places: "ប្រាក់ កក់" and
"ប្រាក់កក់" read the same. `Folded.index` gives, for each folded character, the offset of the
character it came from, so a match is cited with the exact words and positions of the posting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from portal.khmer import KHMER_DIGITS, is_khmer_letter, latin_digits
from portal.screening.types import Span

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "＠": "@"}
_SUBSCRIPT_DA, _SUBSCRIPT_TA = "\u17d2\u178a", "\u17d2\u178f"


@dataclass(frozen=True)
class Folded:
    """A field's folded text and, for each of its characters, the offset in the original."""

    field: str
    original: str
    text: str
    index: tuple[int, ...]

    def cite(self, start: int, end: int) -> Span:
        """The words as written behind the folded characters start..end."""
        begin, finish = self.span_of(start, end)
        return Span(self.field, begin, finish, self.original[begin:finish])

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """The (start, end) in the original text of the folded characters start..end."""
        if start >= end:
            return self.index[start] if start < len(self.index) else len(self.original), start
        return self.index[start], self.index[end - 1] + 1


def fold_char(char: str) -> str:
    """One character folded (may give none or several)."""
    if char in _INVISIBLE:
        return ""
    if char in KHMER_DIGITS:
        return latin_digits(char)
    if char in _QUOTES:
        return _QUOTES[char]
    if "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff":
        decomposed = unicodedata.normalize("NFD", char)
        char = "".join(c for c in decomposed if not unicodedata.combining(c))
    return char.lower()


def fold_text(field: str, original: str) -> Folded:
    """`original` folded, with the offset map (see the module docstring)."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(original):
        if char == "\n" and _wrapped(original, position):
            char = " "
        for folded in fold_char(char):
            chars.append(folded)
            index.append(position)
    chars, index = _drop_khmer_spaces(chars, index)
    text = "".join(chars)
    if _SUBSCRIPT_DA in text:  # same length: the map stays right
        text = text.replace(_SUBSCRIPT_DA, _SUBSCRIPT_TA)
    return Folded(field, original, text, tuple(index))


def _wrapped(original: str, position: int) -> bool:
    """A line break inside a sentence (the next line goes on in lowercase, or Khmer runs on
    from Khmer): read as a space. Other line breaks end an item, like a full stop."""
    before = original[position - 1] if position else ""
    after = original[position + 1] if position + 1 < len(original) else ""
    if after.islower() and after.isascii():
        return before not in ".!?:"
    return is_khmer_letter(before) and is_khmer_letter(after)


def fold_pattern(pattern: str) -> str:
    """A pattern folded the same way as the texts it is matched against."""
    return fold_text("", pattern).text


def _drop_khmer_spaces(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    kept_chars: list[str] = []
    kept_index: list[int] = []
    for i, char in enumerate(chars):
        if char in " \u00a0" and _khmer_before(kept_chars) and _khmer_after(chars, i):
            continue
        kept_chars.append(char)
        kept_index.append(index[i])
    return kept_chars, kept_index


def _khmer_before(chars: list[str]) -> bool:
    return bool(chars) and is_khmer_letter(chars[-1])


def _khmer_after(chars: list[str], i: int) -> bool:
    for char in chars[i + 1 :]:
        if char not in " \u00a0":
            return is_khmer_letter(char)
    return False


# ---------------------------------------------------------------- amounts, ages, phone numbers

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k?"
_DOLLAR_AFTER = r"\s?(?:\$|usd|us\$|dollars?|ដុល្លារ)"
AMOUNT = re.compile(
    rf"(?:(?:\$|usd|us\$)\s?(?P<before>{_NUMBER})"
    rf"(?:\s?(?:-|~|to|ដល់|ទៅ)\s?\$?\s?(?P<upto>{_NUMBER}))?"
    rf"|(?P<from>{_NUMBER})(?:\s?(?:-|~|to|ដល់|ទៅ)\s?(?P<to>{_NUMBER}))?{_DOLLAR_AFTER})"
    rf"(?:(?P<daily>\s?(?:/|per|a|ក្នុងមួយ|មួយ)?\s?(?:day|daily|ថ្ងៃ))"
    rf"|(?P<weekly>\s?(?:/|per|a|ក្នុងមួយ|មួយ)?\s?(?:week|weekly|wk|សប្តាហ៍)))?"
)
# "age 16-25", "aged 16+", "អាយុ 16", "អាយុចាប់ពី 16", "16 years old", "from 16 years", "girls 16+"
STATED_AGE = re.compile(
    r"(?:\bage[ds]?\b|អាយុ)[^0-9\n]{0,15}?(?P<a>\d{2})(?!\d)"
    r"|(?<!\d)(?P<b>\d{2})\s?\+?\s?(?:-\s?\d{2}\s?)?(?:years? old|yrs? old|y/o)"
    r"|\b(?:from|over|above)\s(?P<c>\d{2})\s?(?:years|yrs|\+)"
    r"|\b(?:girls?|boys?|women|men|ladies|youths?|teens?|students?|staff|workers?|people)"
    r"\s(?:aged\s)?(?P<d>\d{2})\s?\+"
)
# Words before an amount that make it a cost or a loan, not pay ("fee $50", "ថ្លៃ ៥០ដុល្លារ").
NOT_PAY = re.compile(
    r"(?:fee|fees|cost|costs|deposit|charge|package|loan|lend|borrow|advance|value|price"
    r"|ថ្លៃ|តម្លៃ|បង់|កក់|ចំណាយ|ខ្ចី|សង)[^0-9.\n។]{0,15}$"
)
TEENS = re.compile(r"\bteen(?:ager)?s?\b|ក្មេងជំទង់")  # the posting says it takes minors


def amount_value(text: str) -> float:
    """A written amount as a number: "1,500" -> 1500, "1.5k" -> 1500."""
    text = text.replace(",", "")
    if text.endswith("k"):
        return float(text[:-1]) * 1000
    return float(text)
