"""Folding typed place names to one comparable form, and the error raised when nothing matches."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from portal.khmer import TO_LATIN_DIGITS


class UnknownPlace(ValueError):
    """A typed place name matched nothing; `suggestions` holds the closest names (English) and
    `codes` their codes, so a page can show them in the reader's language.

    `elsewhere` names the provinces where a district of that name does exist."""

    def __init__(
        self,
        text: str,
        suggestions: list[str],
        kind: str = "province",
        *,
        codes: list[str] | None = None,
        elsewhere: list[str] | None = None,
    ):
        self.text = text
        self.suggestions = suggestions
        self.codes = codes or []
        self.kind = kind
        self.elsewhere = elsewhere or []
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        if self.elsewhere:
            hint = f" It is a district of {', '.join(self.elsewhere)}." + hint
        super().__init__(f"Unknown {kind} '{text}'.{hint}")


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Spellings Khmer writers use interchangeably: subscript da for subscript ta, and marks that
# are often left out (toandakhiat, visarga).
_KHMER_FOLDS = (("\u17d2\u178a", "\u17d2\u178f"), ("\u17cd", ""), ("\u17c8", ""))
_KHMER_PREFIXES = ("រាជធានី", "ខេត្ត", "ក្រុង", "ស្រុក", "ខណ្ឌ")
_NOISE = re.compile(
    r"\b(province|provincial|city|capital|municipality|town|khett?|khaet|krong|of|the"
    r"|district|khan|srok|srock)\b"
)
# Older romanizations and abbreviations of "Kampong" (port, landing), always the first word.
_KAMPONG_LONG = re.compile(r"^(?:kompong|kampung|kompung|kumpong|kampong)\s*")
_KAMPONG_SHORT = re.compile(r"^(?:k|kg|kpg)(?:\.\s*|\s+)")
_SEPARATORS = re.compile(r"[\s\-'’‘`.,_/()]+")


def _drop_latin_accents(text: str) -> str:
    """'Kratié' -> 'Kratie'. Only Latin combining accents: Khmer vowel signs are marks too."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", kept)


def normalize(text: str) -> str:
    """Fold a typed place name to the form aliases are compared in: lowercase, no accents,
    no spaces or dots, 'Kg.'/'Kompong' as 'kampong', Khmer digits as 0-9, no 'province'/ខេត្ត."""
    text = _drop_latin_accents(text).translate(_INVISIBLE).translate(TO_LATIN_DIGITS)
    text = text.strip().lower()
    for old, new in _KHMER_FOLDS:
        text = text.replace(old, new)
    text = _NOISE.sub(" ", text).strip()
    for prefix in _KHMER_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
    text = _KAMPONG_SHORT.sub("kampong ", text)
    text = _KAMPONG_LONG.sub("kampong ", text)
    return _SEPARATORS.sub("", text)


def max_typos(length: int) -> int:
    """How many typing mistakes a name of this length may hold and still be recognised."""
    return 0 if length < 5 else 1 if length < 9 else 2


def is_ambiguous_prefix(key: str, names: Mapping[str, str]) -> bool:
    """True when `key` begins the names of two or more different places ('kampong', 'preah')."""
    return len({code for name, code in names.items() if name.startswith(key) and name != key}) > 1


def closest_unique(key: str, names: Mapping[str, str]) -> str | None:
    """The code of the one place whose name is within a few typos of `key`, else None.

    `names` maps normalized names to codes. Short keys, keys that begin several places' names,
    and keys as close to two places as to each other are never guessed."""
    allowed = max_typos(len(key))
    if not allowed or is_ambiguous_prefix(key, names):
        return None
    targets = [name for name in names if len(name) >= 5]  # never fuzz toward 'pp', 'sr'...
    matches = process.extract(
        key, targets, scorer=Levenshtein.distance, score_cutoff=allowed, limit=20
    )
    if not matches:
        return None
    best = min(distance for _name, distance, _ in matches)
    codes = {names[name] for name, distance, _ in matches if distance == best}
    return codes.pop() if len(codes) == 1 else None


def prefix_matches(key: str, names: Mapping[str, str]) -> list[str]:
    """Codes of the places whose names begin with `key`, in code order."""
    if not key:
        return []
    return sorted({code for name, code in names.items() if name.startswith(key)})


def unique(items: Iterable[str]) -> list[str]:
    """The items without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))
