"""How text becomes index terms, the same way for openings and for queries.

Khmer is written without spaces between words, so each run of Khmer letters is cut into words
with khmercut; Latin words are lowercased, stripped of accents and of a plural ending. Zero-width
spaces (which some Khmer keyboards insert) and Khmer digits are folded away first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ACCENTS = re.compile("[\u0300-\u036f]+")
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# Writers use subscript DA and subscript TA interchangeably (កណ្ដាល / កណ្តាល).
_KHMER_FOLDS = (("\u17d2\u178a", "\u17d2\u178f"),)
# A Khmer run (letters, vowel signs, subscripts; not Khmer punctuation or currency), or a word in
# any other script. Apostrophes inside a word are dropped first ("women's" -> "womens").
_WORD = re.compile(r"(?P<kh>[\u1780-\u17d3\u17dd]+)|(?P<w>[^\W_\u1780-\u17ff]+)")
_APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")
# A zero-width space between two Latin words still separates them.
_LATIN_ZWSP = re.compile(r"(?<=[^\u1780-\u17ff\s])\u200b+(?=[^\u1780-\u17ff\s])")
# Plural endings that may be dropped; words ending like these are left alone ("business", "bus").
_KEEP_ENDINGS = ("ss", "us", "is")


def fold(text: str) -> str:
    """Lowercase, no zero-width characters, Latin accents dropped, Khmer digits as 0-9."""
    if not text.isascii():
        text = _LATIN_ZWSP.sub(" ", text).translate(_INVISIBLE).translate(_KHMER_DIGITS)
        # Only Latin combining accents: Khmer vowel signs are combining marks too.
        text = unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))
    text = text.lower()
    for old, new in _KHMER_FOLDS:
        text = text.replace(old, new)
    return _APOSTROPHES.sub("", text)


def is_khmer(term: str) -> bool:
    """True when the term is written in Khmer letters."""
    return bool(term) and "\u1780" <= term[0] <= "\u17ff"


@lru_cache(maxsize=100_000)
def segment_khmer(run: str) -> tuple[str, ...]:
    """The words of a run of Khmer letters (khmercut), cached: titles repeat a lot."""
    from khmercut import tokenize

    return tuple(word for word in tokenize(run) if word.strip())


def stem(word: str) -> str:
    """Light English stemming: drop a plural ending ("mechanics" -> "mechanic")."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_ENDINGS):
        return word[:-1]
    return word


def split_words(text: str) -> list[tuple[str, str, int, int]]:
    """(term, word, start, end) for every word of `text` after folding: `word` as written
    (folded, not stemmed), `start`/`end` its offsets in the folded text. Khmer runs are
    segmented; their words share the run's span."""
    words: list[tuple[str, str, int, int]] = []
    for match in _WORD.finditer(fold(text)):
        start, end = match.span()
        if match.lastgroup == "kh":
            words.extend((w, w, start, end) for w in segment_khmer(match.group()))
        else:
            word = match.group()
            if len(word) > 1 or word.isdigit():
                words.append((stem(word), word, start, end))
    return words


def terms(text: str) -> list[str]:
    """The index terms of `text`, in order, repeats kept."""
    return [term for term, _word, _start, _end in split_words(text)]


class PortalTokenizer(Tokenizer):
    """Whoosh tokenizer doing all of the above in one pass (it is pickled in the index schema,
    so it keeps no state)."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pieces = split_words(value) if tokenize else [(value, value, 0, len(value))]
        for pos, (term, _word, start, end) in enumerate(pieces):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = term
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def text_analyzer() -> PortalTokenizer:
    """The analyzer of every text field (title, skills, organization, description)."""
    return PortalTokenizer()


def warm_up() -> None:
    """Load khmercut's model now rather than in the first request that meets Khmer (~50 ms)."""
    segment_khmer("ការងារ")
