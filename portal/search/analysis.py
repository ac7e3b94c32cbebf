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

from portal.khmer import TO_LATIN_DIGITS, has_khmer_digit

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_ACCENTS = re.compile("[\u0300-\u036f]+")
_MAYBE_ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")
# Writers use subscript DA and subscript TA interchangeably (កណ្ដាល / កណ្តាល).
_KHMER_FOLDS = (("\u17d2\u178a", "\u17d2\u178f"),)
# The same Khmer word typed in another order or with look-alike pieces, which shows the same on
# screen, made one (sources: SIL's Khmer character specification, "Encoding order", by Makara
# Sok; Trey Jones, "Khmer syllable reordering for search", Wikimedia 2021; The Unicode Standard,
# ch. 16, Khmer). Each is (pattern, replacement), applied in order to Khmer text only:
_KHMER_ORDER = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # A split vowel typed as its two halves: េ + ី is ើ, េ + ា is ោ (ជាងភ្លេីង).
        ("\u17c1\u17b8", "\u17be"),
        ("\u17c1\u17b6", "\u17c4"),
        # A vowel or sign typed before the subscript of its syllable (គ្រូបងៀ្រន for គ្រូបង្រៀន).
        ("([\u17b6-\u17d1\u17dd]+)(\u17d2[\u1780-\u17b3])", r"\2\1"),
        # Subscript RO typed before another subscript (ស្រ្តី for ស្ត្រី): RO comes last.
        ("(\u17d2\u179a)(\u17d2[\u1780-\u17b3])", r"\2\1"),
        # A register sign (៉ ៊) typed after the vowel (មូ៉ for ម៉ូ), nikahit before AA (ំា).
        ("([\u17b6-\u17c5])([\u17c9\u17ca])", r"\2\1"),
        ("\u17c6\u17b6", "\u17b6\u17c6"),
        # Under an upper vowel TRIISAP and MUUSIKATOAN are drawn like the vowel U below the
        # letter, so writers type ុ: after an a-series letter it was ៊ (សុី for ស៊ី), after an
        # o-series one ៉ (មុី for ម៉ី).
        ("([\u179f\u17a0\u17a2])\u17bb(?=[\u17b7-\u17ba\u17be])", "\\1\u17ca"),
        ("([\u1784\u1789\u1793\u1798-\u179b\u179c])\u17bb(?=[\u17b7-\u17ba\u17be])", "\\1\u17c9"),
        # The same mark typed twice.
        ("([\u17b6-\u17d1\u17dd])\\1+", "\\1"),
    )
)
_KHMER_LETTER = re.compile("[\u1780-\u17ff]")
# A Khmer run (letters, vowel signs, subscripts; not Khmer punctuation or currency), or a word in
# any other script. Apostrophes inside a word are dropped first ("women's" -> "womens").
_WORD = re.compile(r"(?P<kh>[\u1780-\u17d3\u17dd]+)|(?P<w>[^\W_\u1780-\u17ff]+)")
_APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")
# A zero-width space between two Latin words still separates them.
_LATIN_ZWSP = re.compile(r"(?<=[^\u1780-\u17ff\s])\u200b+(?=[^\u1780-\u17ff\s])")
# Words that say nothing about an opening: not indexed, and dropped from queries (unless part
# of a vocabulary term, "food and beverage"). Not "it": IT support is a trade.
_ENGLISH_STOPWORDS = (
    "a an the and or of in on at for to with near from by as be is are was were been this that "
    "these those we our us you your they their he she his her my me i if not no can may will "
    "shall should must do does have has had per via also than then there here which who whom "
    "job work vacancy position hiring wanted need needed looking want find opening career"
)
_KHMER_STOPWORDS = "ការងារ ត្រូវការ នៅ ក្នុង និង សម្រាប់ ខេត្ត រាជធានី"  # job, need, at, in, ...
STOPWORDS = frozenset(_ENGLISH_STOPWORDS.split() + _KHMER_STOPWORDS.split())
# Plural endings that may be dropped; words ending like these are left alone ("business", "bus").
_KEEP_ENDINGS = ("ss", "us", "is")


def fold(text: str) -> str:
    """Lowercase, no zero-width characters, Latin accents dropped, Khmer digits as 0-9."""
    if not text.isascii():  # each step only when needed: indexing folds every field
        if "\u200b" in text:
            text = _LATIN_ZWSP.sub(" ", text)
        text = _INVISIBLE.sub("", text)
        if has_khmer_digit(text):
            text = text.translate(TO_LATIN_DIGITS)
        if _MAYBE_ACCENTED.search(text):
            # Only Latin combining accents: Khmer vowel signs are combining marks too.
            decomposed = _ACCENTS.sub("", unicodedata.normalize("NFD", text))
            text = unicodedata.normalize("NFC", decomposed)
        for old, new in _KHMER_FOLDS:
            text = text.replace(old, new)
        if _KHMER_LETTER.search(text):
            text = khmer_order(text)
    text = text.lower()
    return _APOSTROPHES.sub("", text) if "'" in text or "’" in text else text


def khmer_order(text: str) -> str:
    """Khmer typed in another order, or with look-alike pieces, as it is usually encoded."""
    for pattern, replacement in _KHMER_ORDER:
        text = pattern.sub(replacement, text)
    return text


def is_khmer(term: str) -> bool:
    """True when the term is written in Khmer letters."""
    return bool(term) and "\u1780" <= term[0] <= "\u17ff"


@lru_cache(maxsize=100_000)
def segment_khmer(run: str) -> tuple[str, ...]:
    """The words of a run of Khmer letters (khmercut), cached: titles repeat a lot."""
    from khmercut import tokenize

    return tuple(word for word in tokenize(run) if word.strip())


@lru_cache(maxsize=100_000)
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


def split_words(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(term, word, start, end) for every word of `text` after folding: `word` as written
    (folded, not stemmed), `start`/`end` its offsets in the folded text. Khmer runs are
    segmented; their words share the run's span."""
    if len(text) <= SHORT_TEXT:
        return _split_short(text)
    return _split(text)


SHORT_TEXT = 120  # titles, skills, organizations and queries: they repeat, so are cached


@lru_cache(maxsize=100_000)
def _split_short(text: str) -> tuple[tuple[str, str, int, int], ...]:
    return _split(text)


def _split(text: str) -> tuple[tuple[str, str, int, int], ...]:
    words: list[tuple[str, str, int, int]] = []
    for match in _WORD.finditer(fold(text)):
        start, end = match.span()
        if match.lastgroup == "kh":
            words.extend((w, w, start, end) for w in segment_khmer(match.group()))
        else:
            word = match.group()
            if len(word) > 1 or word.isdigit():
                words.append((stem(word), word, start, end))
    return tuple(words)


def terms(text: str) -> list[str]:
    """The index terms of `text`, in order, repeats kept (split_words without the offsets,
    faster: this is what indexing runs on every field of every opening)."""
    found: list[str] = []
    for khmer, word in _WORD.findall(fold(text)):
        if khmer:
            found.extend(segment_khmer(khmer))
        elif len(word) > 1 or word.isdigit():
            found.append(stem(word))
    return found


class PortalTokenizer(Tokenizer):
    """Whoosh tokenizer doing all of the above in one pass, stopwords left out (it is pickled
    in the index schema, so it keeps no state)."""

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
        if not tokenize:
            pieces = [(value, value, 0, len(value))]
        elif chars:
            pieces = split_words(value)
        else:  # offsets not needed
            pieces = [(term, term, 0, 0) for term in terms(value)]
        if removestops:
            pieces = [piece for piece in pieces if piece[0] not in STOPWORDS]
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
