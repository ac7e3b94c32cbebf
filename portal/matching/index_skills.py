"""Skill likeness of one text against every distinct text of a pool at once, equal to
skills.similarity pair by pair.

Scoring 50,000 openings for one person pair by pair calls similarity millions of times; but
openings share their skills and titles, so the pool keeps each distinct text once (by form,
words and concepts: all similarity reads) and answers "how like `text` is every pool text"
with a few numpy operations: EXACT by form or word set (dicts), CONCEPT through an inverted
index concept -> texts, the fuzzy part with rapidfuzz's cdist (the same ratio and
token_sort_ratio with the same cutoff), SUBSET by counting shared words (word -> texts). The
answer is sparse (only texts alike at all) and cached per distinct text: people share skills
too. similarity is symmetric, so a pool of the youth's texts serves the other direction.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from rapidfuzz import fuzz, process

from portal.matching.skills import CONCEPT, EXACT, FUZZY_THRESHOLD, SUBSET, SkillText

Sparse = tuple[np.ndarray, np.ndarray]  # (pool text numbers, ascending; their likeness > 0)
_EMPTY: Sparse = (np.zeros(0, dtype=np.int64), np.zeros(0))
_CUTOFF = FUZZY_THRESHOLD * 100
_SUBSET_CLOSE = SUBSET * 100


def text_key(text: SkillText) -> tuple:
    """What similarity reads of a text: two texts with the same key are alike to everything."""
    return (text.form, text.words, text.concepts)


class TextPool:
    """The distinct skill texts of many people or openings, numbered 0..n-1, with what it takes
    to compare one more text to all of them quickly."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self.numbers: dict[tuple, int] = {}
        self.texts: list[SkillText] = []
        self._cache: OrderedDict[tuple, Sparse] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def add(self, text: SkillText) -> int:
        """The number of `text` in the pool (added when new). Call freeze() after the last."""
        key = text_key(text)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.texts)
            self.texts.append(text)
        return number

    def freeze(self) -> None:
        """Build the lookup tables once every text is in."""
        lengths = np.array([len(t.form) for t in self.texts], dtype=np.int64)
        self.by_length = np.argsort(lengths, kind="stable")
        self.sorted_lengths = lengths[self.by_length]
        self.sorted_forms = [self.texts[i].form for i in self.by_length]
        self.empty = np.array([not t.form for t in self.texts], dtype=bool)
        self.word_counts = np.array([len(t.words) for t in self.texts], dtype=np.int64)
        self.by_form = _postings((t.form,) for t in self.texts)
        self.by_words = _postings((t.words,) for t in self.texts)
        self.by_concept = _postings(t.concepts for t in self.texts)
        self.by_word = _postings(t.words for t in self.texts)

    def likeness(self, text: SkillText) -> Sparse:
        """similarity(text, t) for every pool text t, sparse; cached (least recently used out)."""
        key = text_key(text)
        with self._lock:  # a worker's threads share the pool
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        found = self._compute(text)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return found

    def _compute(self, text: SkillText) -> Sparse:
        if not text.form or not self.texts:
            return _EMPTY
        close = self._fuzzy(text.form)
        subsets = self._subsets(text.words)
        close[subsets] = np.maximum(close[subsets], _SUBSET_CLOSE)
        value = np.minimum(close / 100, CONCEPT)
        concept = _union(self.by_concept, text.concepts)
        value[concept] = np.maximum(value[concept], CONCEPT)
        exact = np.union1d(
            self.by_form.get(text.form, _EMPTY[0]), self.by_words.get(text.words, _EMPTY[0])
        )
        value[exact] = EXACT
        value[self.empty] = 0.0
        found = np.flatnonzero(value > 0)
        return found, value[found]

    def _fuzzy(self, form: str) -> np.ndarray:
        """max(ratio, token_sort_ratio) against every pool form, 0 below the cutoff.

        Both are 100 * (1 - distance / (len1 + len2)) with distance >= |len1 - len2| (sorting
        the words keeps the length), so forms of too different a length cannot reach the
        cutoff: only the forms of lengths in [2/3, 3/2] of this one (and one more letter each
        side, for safety) are compared."""
        size = len(form)
        low = np.searchsorted(self.sorted_lengths, (2 * size) // 3 - 1, side="left")
        high = np.searchsorted(self.sorted_lengths, (3 * size) // 2 + 1, side="right")
        close = np.zeros(len(self.texts))
        if high > low:
            kwargs = {"score_cutoff": _CUTOFF, "dtype": np.float64}
            window = self.sorted_forms[low:high]
            ratio = process.cdist([form], window, scorer=fuzz.ratio, **kwargs)[0]
            sort = process.cdist([form], window, scorer=fuzz.token_sort_ratio, **kwargs)[0]
            close[self.by_length[low:high]] = np.maximum(ratio, sort)
        return close

    def _subsets(self, words: frozenset[str]) -> np.ndarray:
        """Pool texts whose words hold all of `words`, or lie all inside `words`."""
        shared = np.bincount(_concat(self.by_word, words), minlength=len(self.texts))
        inside = (shared == self.word_counts) & (self.word_counts > 0)
        return np.flatnonzero((shared == len(words)) | inside)


def _postings(keys_per_text) -> dict:
    """key -> ascending numbers of the texts that have it."""
    lists: dict = {}
    for number, keys in enumerate(keys_per_text):
        for key in keys:
            lists.setdefault(key, []).append(number)
    return {key: np.array(numbers, dtype=np.int64) for key, numbers in lists.items()}


def _concat(postings: dict, keys) -> np.ndarray:
    arrays = [postings[k] for k in keys if k in postings]
    return np.concatenate(arrays) if arrays else _EMPTY[0]


def _union(postings: dict, keys) -> np.ndarray:
    return np.unique(_concat(postings, keys))
