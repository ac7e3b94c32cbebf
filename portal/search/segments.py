"""What the engine reads from one Whoosh segment, kept as long as the segment lives.

A segment never changes once written (only which of its documents are deleted), and a sync adds
a small segment next to the big one, so caching by segment keeps the big one's columns, words and
postings across index generations: the first search after a change stays fast.
"""

from __future__ import annotations

import struct
import threading
from collections import OrderedDict

import numpy as np
from whoosh.columns import NumericColumn, RefBytesColumn
from whoosh.reading import IndexReader

from portal.search.analysis import is_khmer
from portal.search.schema import TEXT_FIELDS

COLUMNS = (
    "id", "status", "kind", "province", "organization_id", "salary_min_usd", "closing_date",
    "published_at",
)  # fmt: skip
SEGMENTS_KEPT = 64
POSTINGS_KEPT = 50_000  # (segment, field, term) posting arrays
POSTINGS_BUDGET = 6_000_000  # document numbers in them all (8 bytes each: ~48 MB per process)
# Document numbers are numpy arrays, sorted: 8 bytes a number, where a Python set took ~50, and
# never walked by the garbage collector (a set of ints is, at every collection of its
# generation: at 50,000 openings that was a tenth of a search page's time).
DOC = np.int64


class Lru:
    """A small thread-safe least-recently-used dict, bounded by its number of entries and, when
    `weigh` is given, by the total weight of its values (memory: each worker has its own)."""

    def __init__(self, size: int, weigh=None, budget: int = 0):
        self.size, self.weigh, self.budget = size, weigh, budget
        self.items: OrderedDict = OrderedDict()
        self.weight = 0
        self.lock = threading.Lock()

    def get(self, key, compute):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            if key not in self.items:
                self.items[key] = value
                self.weight += self.weigh(value) if self.weigh else 0
            while len(self.items) > self.size or (self.weigh and self.weight > self.budget):
                _key, dropped = self.items.popitem(last=False)
                self.weight -= self.weigh(dropped) if self.weigh else 0
                if not self.items:
                    break
        return value


_columns = Lru(SEGMENTS_KEPT)
_frequencies = Lru(SEGMENTS_KEPT)
_postings = Lru(POSTINGS_KEPT, weigh=len, budget=POSTINGS_BUDGET)
_derived = Lru(SEGMENTS_KEPT * 8)


def segment_id(reader: IndexReader) -> str:
    return reader.segment().segment_id()


def columns_of(reader: IndexReader) -> dict[str, list]:
    """The segment's columns (deleted documents included): do not modify them."""
    return _columns.get(
        segment_id(reader), lambda: {name: read_column(reader, name) for name in COLUMNS}
    )


def frequencies_of(reader: IndexReader) -> dict[str, int]:
    """term -> how many of the segment's documents have it in a text field (a term in two
    fields of one document counts twice: close enough to rank typo corrections)."""
    return _frequencies.get(segment_id(reader), lambda: _read_frequencies(reader))


def postings_of(reader: IndexReader, fieldname: str, term: str) -> np.ndarray:
    """The segment's document numbers having `term` in `fieldname` (deleted ones included), in
    increasing order."""
    key = (segment_id(reader), fieldname, term)
    return _postings.get(key, lambda: docs_array(_read_postings(reader, fieldname, term)))


def docs_by_value(reader: IndexReader, column: str) -> dict[object, np.ndarray]:
    """value -> the segment's document numbers holding it in `column`, in increasing order."""

    def compute():
        groups: dict = {}
        for doc, value in enumerate(columns_of(reader)[column]):
            groups.setdefault(value, []).append(doc)
        return {value: docs_array(docs) for value, docs in groups.items()}

    return _derived.get((segment_id(reader), "by_value", column), compute)


def sorted_by(reader: IndexReader, column: str) -> tuple[list[int], list]:
    """The segment's document numbers in increasing order of `column`, and those values."""

    def compute():
        values = columns_of(reader)[column]
        ordered = sorted(range(len(values)), key=values.__getitem__)
        return ordered, [values[d] for d in ordered]

    return _derived.get((segment_id(reader), "sorted", column), compute)


def terms_of(reader: IndexReader, khmer: bool) -> list[str]:
    """The segment's Khmer terms, or its other terms made of letters only."""

    def compute():
        found = frequencies_of(reader)
        if khmer:
            return [t for t in found if is_khmer(t)]
        return [t for t in found if t.isalpha() and not is_khmer(t)]

    return _derived.get((segment_id(reader), "terms", khmer), compute)


def _read_frequencies(reader: IndexReader) -> dict[str, int]:
    frequency: dict[str, int] = {}
    indexed = set(reader.indexed_field_names())
    for fieldname in TEXT_FIELDS:
        if fieldname not in indexed:
            continue
        for raw, info in reader.iter_field(fieldname):
            term = raw.decode("utf-8")
            frequency[term] = frequency.get(term, 0) + info.doc_frequency()
    return frequency


def _read_postings(reader: IndexReader, fieldname: str, term: str) -> list[int]:
    if (fieldname, term) not in reader:
        return []
    matcher = reader.postings(fieldname, term)
    matcher = getattr(matcher, "child", matcher)  # deletions are handled by the status column
    if not all(hasattr(matcher, name) for name in ("_read_ids", "_next_block", "_atend")):
        return list(matcher.all_ids())
    ids: list[int] = []  # a block at a time: 10x faster than id by id
    while not matcher._atend:
        matcher._read_ids()
        ids.extend(matcher._ids[matcher._i :])
        if matcher._lastblock:
            break
        matcher._next_block()
    return ids


def docs_array(docs) -> np.ndarray:
    """Document numbers already in increasing order (a posting list) as an array."""
    return np.array(docs, dtype=DOC)


def read_column(reader: IndexReader, name: str) -> list:
    """Every value of a column of one segment, decoded: a single read of the file when the
    column is a plain number or reference column (100x faster than value by value)."""
    column = reader.column_reader(name, translate=False)
    try:
        raw = _raw_column(column, reader.doc_count_all())
    except AttributeError:  # another column type: the slow, general way
        raw = list(column)
    fieldtype = reader.schema[name]
    if isinstance(fieldtype.column_type, NumericColumn):
        return raw
    return [fieldtype.from_column_value(value) for value in raw]


def _raw_column(column, size: int) -> list:
    if isinstance(column, NumericColumn.Reader):
        count = min(column._count, size)
        data = column._dbfile.get(column._basepos, count * column._fixedlen)
        values = list(struct.unpack(f"!{count}{column._typecode}", data))
        return values + [column._default] * (size - count)
    if isinstance(column, RefBytesColumn.Reader):
        data = column._dbfile.get(column._basepos, size * column._itemsize)
        uniques = column._uniques
        return [uniques[ref] for ref in struct.unpack(f"!{size}{column._typecode}", data)]
    raise AttributeError(name="column type")
