"""What the engine knows of one index generation: each document's columns (opening id, status,
kind, province, ...), the vocabulary of the text fields with document frequencies, the postings
of the terms queries ask for, and results worth keeping (filters, corrections).

A catalog is keyed by the index's segments and their deletions, so it is rebuilt only when the
index changed, and mostly from what segments.py kept of the unchanged segments.
"""

from __future__ import annotations

import bisect
import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from portal.search.schema import TEXT_FIELDS
from portal.search.segments import (
    COLUMNS,
    DOC,
    Lru,
    columns_of,
    docs_by_value,
    frequencies_of,
    postings_of,
    sorted_by,
    terms_of,
)

POSTINGS_CACHED = 20_000  # (field, term) postings and the sets derived from them, per catalog
SETS_BUDGET = 6_000_000  # document numbers in them (8 bytes each: ~48 MB per process)
MEMO_SIZE = 20_000  # entries of each memo (corrections, ...) per catalog
SETS_KEPT = 64  # entries of memos holding document sets (filters)
CATALOGS_KEPT = 4
NO_DOCS = np.zeros(0, DOC)


@dataclass
class Catalog:
    key: tuple
    size: int  # documents, deleted ones included (their status is None)
    columns: dict[str, list]
    document_frequency: dict[str, int]  # term -> documents having it in some text field
    deleted: np.ndarray = field(default_factory=lambda: NO_DOCS)  # sorted
    _leaves: list[tuple[IndexReader, int]] = field(repr=False, default_factory=list)
    _postings: Lru = field(
        repr=False, default_factory=lambda: Lru(POSTINGS_CACHED, weigh=len, budget=SETS_BUDGET)
    )
    _memos: dict[str, dict] = field(repr=False, default_factory=dict)
    _shared: dict[str, object] = field(repr=False, default_factory=dict)

    def reading(self, searcher: Searcher) -> Catalog:
        """This catalog reading postings through `searcher` (each thread has its own searcher;
        the caches are shared)."""
        return dataclasses.replace(self, _leaves=_leaves(searcher))

    @property
    def opening_ids(self) -> list[int]:
        return self.columns["id"]

    @property
    def newest_first(self) -> np.ndarray:
        """Document numbers, the most recently published first (in the same second, the
        later opening id first, as the PostgreSQL backend orders them)."""

        def compute() -> np.ndarray:
            published, ids = self.array("published_at"), self.array("id")
            return np.lexsort((ids, published))[::-1].astype(DOC)

        return self._derived("newest_first", compute)

    def array(self, column: str) -> np.ndarray:
        """A number column (published_at, ...) as a numpy array, by document number."""
        return self._derived(f"array:{column}", lambda: np.array(self.columns[column], np.int64))

    def counts(self, column: str, docs: np.ndarray) -> dict:
        """How many of `docs` (an array) hold each value of `column`, most first."""
        values, codes = self._derived(f"codes:{column}", lambda: _coded(self.columns[column]))
        counted = np.bincount(codes[docs], minlength=len(values)).tolist()
        pairs = sorted(((n, i) for i, n in enumerate(counted) if n), key=lambda p: -p[0])
        return {values[i]: n for n, i in pairs}

    @property
    def latin_terms(self) -> dict[int, list[str]]:
        """Terms not in Khmer, by length (typo correction compares words of similar length)."""

        def by_length() -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            for term in self._terms(khmer=False):
                found.setdefault(len(term), []).append(term)
            return found

        return self._derived("latin_terms", by_length)

    @property
    def khmer_terms(self) -> list[str]:
        return self._derived("khmer_terms", lambda: self._terms(khmer=True))

    # What planning a query asks of the words (corrections.py, khmer.py, khmer_spelling.py); the
    # PostgreSQL backend's lexicon (pg_lexicon.py) answers the same from its terms table.
    lists_every_term = True  # spelling_candidates ignores the word: cache by length

    def spelling_candidates(self, word: str, lengths: range) -> list[str]:
        """Words that may be `word` mistyped: here every Latin word of those lengths."""
        by_length = self.latin_terms
        return [w for n in lengths for w in by_length.get(n, ())]

    def khmer_terms_containing(self, term: str) -> list[str]:
        """The index's Khmer words containing `term` (not `term` itself)."""
        return [w for w in self.khmer_terms if term in w and w != term]

    def terms_among(self, pieces) -> set[str]:
        """Those of `pieces` the index holds."""
        return {piece for piece in pieces if piece in self.document_frequency}

    def khmer_terms_read_as(self, expression: str, minimum: int) -> tuple[str, ...]:
        """The Khmer words in at least `minimum` openings that read as `expression`."""
        from portal.search.khmer_spelling import MIN_COMMON, index_words_read_as

        assert minimum == MIN_COMMON  # the table is kept for that one threshold
        return index_words_read_as(self, expression)

    def _terms(self, khmer: bool) -> list[str]:
        if len(self._leaves) == 1:
            return terms_of(self._leaves[0][0], khmer)
        return list(dict.fromkeys(t for reader, _ in self._leaves for t in terms_of(reader, khmer)))

    def docs_with(self, term: str) -> np.ndarray:
        """Documents having `term` in any text field (deleted ones included), sorted."""
        if term not in self.document_frequency:
            return NO_DOCS
        return self._cached(
            (None, term), lambda: union_of([self.postings(name, term) for name in TEXT_FIELDS])
        )

    def postings(self, fieldname: str, term: str) -> np.ndarray:
        """Documents having `term` in `fieldname` (deleted ones included), sorted."""
        leaves = self._leaves
        return self._cached((fieldname, term), lambda: _postings(leaves, fieldname, term))

    def kept(self, key: tuple, compute):
        """A set (or array) of documents derived from this generation's postings, kept while
        there is room (the postings' budget)."""
        return self._cached(key, compute)

    def docs_where(self, column: str, value) -> np.ndarray:
        """Documents whose `column` holds `value` (not deleted ones), sorted."""
        memo = self.memo(f"where:{column}", size=SETS_KEPT)
        if value not in memo:
            parts = [
                _shifted(docs_by_value(reader, column).get(value, NO_DOCS), offset)
                for reader, offset in self._leaves
            ]
            found = np.concatenate(parts) if parts else NO_DOCS  # segments follow each other
            memo[value] = np.setdiff1d(found, self.deleted, assume_unique=True)
        return memo[value]

    def docs_at_least(self, column: str, minimum: int, none: int | None = None) -> np.ndarray:
        """Documents whose number in `column` is `minimum` or more, or equals `none` (deleted
        ones included), sorted."""
        memo = self.memo(f"at_least:{column}", size=SETS_KEPT)
        key = (minimum, none)
        if key not in memo:
            parts = []
            for reader, offset in self._leaves:
                ordered, values = sorted_by(reader, column)
                at_least = np.array(ordered[bisect.bisect_left(values, minimum) :], DOC)
                parts.append(_shifted(at_least, offset))
                if none is not None:
                    parts.append(_shifted(docs_by_value(reader, column).get(none, NO_DOCS), offset))
            memo[key] = np.unique(np.concatenate(parts)) if parts else NO_DOCS
        return memo[key]

    def memo(self, name: str, size: int = MEMO_SIZE) -> dict:
        """A dict for results worth keeping while this generation lasts (emptied when it holds
        more than `size` entries: keep `size` small for big values)."""
        found = self._memos.setdefault(name, {})
        if len(found) > size:
            found.clear()
        return found

    def _derived(self, name: str, compute):
        found = self._shared.get(name)
        if found is None:
            found = self._shared[name] = compute()
        return found

    def _cached(self, key: tuple, compute) -> np.ndarray:
        return self._postings.get(key, compute)


def _leaves(searcher: Searcher) -> list[tuple[IndexReader, int]]:
    """The segments' readers and where their document numbers start (empty ones left out)."""
    return [
        (reader, offset)
        for reader, offset in searcher.reader().leaf_readers()
        if reader.doc_count_all() and hasattr(reader, "segment")
    ]


def _postings(leaves, fieldname: str, term: str) -> np.ndarray:
    parts = [_shifted(postings_of(reader, fieldname, term), offset) for reader, offset in leaves]
    parts = [part for part in parts if len(part)]
    if len(parts) < 2:
        return parts[0] if parts else NO_DOCS
    return np.concatenate(parts)  # the segments' numbers follow each other: still sorted


def union_of(arrays) -> np.ndarray:
    """The documents in any of `arrays` (each sorted, without repeats), sorted."""
    arrays = [found for found in arrays if len(found)]
    if len(arrays) < 2:
        return arrays[0] if arrays else NO_DOCS
    return np.unique(np.concatenate(arrays))


def common(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The documents in both (each sorted, without repeats), sorted."""
    return np.intersect1d(first, second, assume_unique=True)


def common_to(arrays) -> np.ndarray:
    """The documents in every one of `arrays` (each sorted, without repeats; an iterable, read
    no further once nothing is left), sorted. None at all: nothing."""
    found = None
    for docs in arrays:
        found = docs if found is None else common(found, docs)
        if not len(found):
            return NO_DOCS
    return NO_DOCS if found is None else found


def _coded(column: list) -> tuple[list, np.ndarray]:
    """A column's distinct values, and each document's value as its position among them."""
    positions: dict = {}
    codes = np.fromiter((positions.setdefault(v, len(positions)) for v in column), np.int32)
    return list(positions), codes


def _shifted(docs: np.ndarray, offset: int) -> np.ndarray:
    """A segment's document numbers as the whole index numbers them."""
    return docs if not offset else docs + offset


# --- building catalogs --------------------------------------------------------------------------

_cache_lock = threading.Lock()
_catalogs: OrderedDict = OrderedDict()  # key -> Catalog (a few: one per live generation)


def catalog_for(searcher: Searcher) -> Catalog:
    """The catalog of the index this searcher reads, built on first use."""
    leaves = _leaves(searcher)
    key = tuple(_leaf_key(reader) for reader, _offset in leaves)
    with _cache_lock:
        found = _catalogs.get(key)
        if found is not None:
            _catalogs.move_to_end(key)
            return found.reading(searcher)
    catalog = _build(key, leaves)
    with _cache_lock:
        _catalogs[key] = catalog
        while len(_catalogs) > CATALOGS_KEPT:
            _catalogs.popitem(last=False)
    return catalog.reading(searcher)


def _leaf_key(reader: IndexReader) -> tuple:
    segment = reader.segment()
    return (segment.segment_id(), segment.deleted_count())


def _build(key: tuple, leaves) -> Catalog:
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    deleted: list[int] = []
    for reader, offset in leaves:
        values = columns_of(reader)
        for name in COLUMNS:
            columns[name].extend(values[name])
        if reader.has_deletions():
            deleted.extend(offset + docnum for docnum in reader.segment().deleted_docs())
    for docnum in deleted:
        columns["status"][docnum] = None
    size = len(columns["id"])
    return Catalog(
        key, size, columns, _merged_frequencies(leaves), np.unique(np.array(deleted, DOC))
    )


def _merged_frequencies(leaves) -> dict[str, int]:
    tables = sorted((frequencies_of(reader) for reader, _offset in leaves), key=len)
    if not tables:
        return {}
    merged = dict(tables.pop())  # the big segment's, copied once
    for table in tables:
        for term, count in table.items():
            merged[term] = merged.get(term, 0) + count
    return merged
