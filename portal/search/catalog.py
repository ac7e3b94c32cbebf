"""What the engine reads from one index generation, once: each document's columns (opening id,
status, kind, province, ...), the vocabulary of the text fields with document frequencies, and
the postings of the terms queries ask for (kept while the generation lasts).

A catalog is keyed by the index's segments and their deletions, so it is rebuilt only when the
index changed; the columns of a segment are reused across generations (a sync adds a small
segment; the big one stays).
"""

from __future__ import annotations

import bisect
import dataclasses
import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from whoosh.columns import NumericColumn, RefBytesColumn
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from portal.search.analysis import is_khmer
from portal.search.schema import TEXT_FIELDS

COLUMNS = (
    "id", "status", "kind", "province", "organization_id", "salary_min_usd", "closing_date",
    "published_at",
)  # fmt: skip
POSTINGS_CACHED = 4000  # (field, term) posting sets kept per catalog
MEMO_SIZE = 20_000  # entries of each memo (corrections, ...) per catalog
SETS_KEPT = 64  # entries of memos holding document sets (filters)


@dataclass
class Catalog:
    key: tuple
    size: int  # documents, deleted ones included (their status is None)
    columns: dict[str, list]
    document_frequency: dict[str, int]  # term -> documents having it in some text field
    _leaves: list[tuple[IndexReader, int]] = field(repr=False, default_factory=list)
    _postings: OrderedDict = field(repr=False, default_factory=OrderedDict)
    _lock: threading.Lock = field(repr=False, default_factory=threading.Lock)
    _memos: dict[str, dict] = field(repr=False, default_factory=dict)
    _shared: dict[str, object] = field(repr=False, default_factory=dict)

    @property
    def opening_ids(self) -> list[int]:
        return self.columns["id"]

    @property
    def newest_first(self) -> list[int]:
        """Document numbers, the most recently published first."""
        published = self.columns["published_at"]
        return self._derived(
            "newest_first",
            lambda: sorted(range(self.size), key=published.__getitem__, reverse=True),
        )

    @property
    def latin_terms(self) -> dict[int, list[str]]:
        """Terms not in Khmer, by length (typo correction compares words of similar length)."""

        def by_length() -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            for term in self.document_frequency:
                if not is_khmer(term) and term.isalpha():
                    found.setdefault(len(term), []).append(term)
            return found

        return self._derived("latin_terms", by_length)

    @property
    def khmer_terms(self) -> list[str]:
        return self._derived(
            "khmer_terms", lambda: [t for t in self.document_frequency if is_khmer(t)]
        )

    def _derived(self, name: str, compute):
        found = self._shared.get(name)
        if found is None:
            found = self._shared[name] = compute()
        return found

    def docs_where(self, column: str, value) -> frozenset[int]:
        """Documents whose `column` holds `value` (deleted ones have status None)."""
        memo = self.memo(f"where:{column}")
        if not memo:
            groups: dict = {}
            for doc, found in enumerate(self.columns[column]):
                groups.setdefault(found, []).append(doc)
            memo.update({key: frozenset(docs) for key, docs in groups.items()})
            memo.setdefault("_built", frozenset())
        return memo.get(value, frozenset())

    def docs_at_least(self, column: str, minimum: int, none: int | None = None) -> frozenset[int]:
        """Documents whose number in `column` is `minimum` or more (or equals `none`)."""
        memo = self.memo(f"at_least:{column}", size=SETS_KEPT)
        key = (minimum, none)
        if key not in memo:
            ordered = memo.get("_sorted")
            if ordered is None:
                values = self.columns[column]
                ordered = memo["_sorted"] = sorted(range(self.size), key=values.__getitem__)
                memo["_values"] = [values[d] for d in ordered]
            start = bisect.bisect_left(memo["_values"], minimum)
            found = set(ordered[start:])
            if none is not None:
                found |= self.docs_where(column, none)
            memo[key] = frozenset(found)
        return memo[key]

    def memo(self, name: str, size: int = MEMO_SIZE) -> dict:
        """A dict for results worth keeping while this generation lasts (emptied when it holds
        more than `size` entries: keep `size` small for big values)."""
        found = self._memos.setdefault(name, {})
        if len(found) > size:
            found.clear()
        return found

    def reading(self, searcher: Searcher) -> Catalog:
        """This catalog reading postings through `searcher` (each thread has its own searcher;
        the caches are shared)."""
        return dataclasses.replace(self, _leaves=list(searcher.reader().leaf_readers()))

    def docs_with(self, term: str) -> frozenset[int]:
        """Documents having `term` in any text field."""
        if term not in self.document_frequency:
            return frozenset()
        return self._cached((None, term), lambda: self._union_of_fields(term))

    def postings(self, fieldname: str, term: str) -> frozenset[int]:
        """Documents having `term` in `fieldname` (deleted ones included)."""
        leaves = self._leaves
        return self._cached((fieldname, term), lambda: _read_postings(leaves, fieldname, term))

    def _union_of_fields(self, term: str) -> frozenset[int]:
        return frozenset().union(*(self.postings(name, term) for name in TEXT_FIELDS))

    def _cached(self, key: tuple, compute) -> frozenset[int]:
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        found = compute()
        with self._lock:
            self._postings[key] = found
            if len(self._postings) > POSTINGS_CACHED:
                self._postings.popitem(last=False)
        return found


def _read_postings(leaves, fieldname: str, term: str) -> frozenset[int]:
    ids: list[int] = []
    for reader, offset in leaves:
        if (fieldname, term) not in reader:
            continue
        matcher = reader.postings(fieldname, term)
        matcher = getattr(matcher, "child", matcher)  # deletions are handled by the status column
        found = _all_ids(matcher)
        ids.extend([offset + docnum for docnum in found] if offset else found)
    return frozenset(ids)


def _all_ids(matcher) -> list[int]:
    """The ids of a posting list, a block at a time when the matcher allows it (10x faster)."""
    if not all(hasattr(matcher, name) for name in ("_read_ids", "_next_block", "_atend")):
        return list(matcher.all_ids())
    ids: list[int] = []
    while not matcher._atend:
        matcher._read_ids()
        ids.extend(matcher._ids[matcher._i :])
        if matcher._lastblock:
            break
        matcher._next_block()
    return ids


# --- building catalogs --------------------------------------------------------------------------

_cache_lock = threading.Lock()
_catalogs: OrderedDict = OrderedDict()  # key -> Catalog (a few: one per live generation)
_segment_columns: OrderedDict = OrderedDict()  # segment id -> {column: values}
CATALOGS_KEPT = 4
SEGMENTS_KEPT = 64


def catalog_for(searcher: Searcher) -> Catalog:
    """The catalog of the index this searcher reads, built on first use."""
    leaves = list(searcher.reader().leaf_readers())
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
    segment = reader.segment() if hasattr(reader, "segment") else None
    if segment is None:  # an empty index
        return ("empty",)
    return (segment.segment_id(), segment.deleted_count())


def _build(key: tuple, leaves) -> Catalog:
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    frequency: dict[str, int] = {}
    for reader, _offset in leaves:
        if reader.doc_count_all() == 0:
            continue
        for name, values in _leaf_columns(reader).items():
            columns[name].extend(values)
        for fieldname in TEXT_FIELDS:
            _add_frequencies(reader, fieldname, frequency)
    return Catalog(key, len(columns["id"]), columns, frequency)


def _leaf_columns(reader: IndexReader) -> dict[str, list]:
    """One segment's columns, with the status of deleted documents set to None."""
    segment_id = reader.segment().segment_id()
    with _cache_lock:
        values = _segment_columns.get(segment_id)
    if values is None:
        values = {name: read_column(reader, name) for name in COLUMNS}
        with _cache_lock:
            _segment_columns[segment_id] = values
            while len(_segment_columns) > SEGMENTS_KEPT:
                _segment_columns.popitem(last=False)
    if not reader.has_deletions():
        return values
    status = list(values["status"])
    for docnum in reader.segment().deleted_docs():
        status[docnum] = None
    return {**values, "status": status}


def read_column(reader: IndexReader, name: str) -> list:
    """Every value of a column of one segment, decoded: a single read of the file when the
    column is a plain number or reference column (100x faster than value by value)."""
    column = reader.column_reader(name, translate=False)
    try:
        raw = _raw_column(column, reader.doc_count_all())
    except AttributeError:  # another column type: the slow, general way
        raw = list(column)
    decode = reader.schema[name].from_column_value
    return (
        raw
        if isinstance(reader.schema[name].column_type, NumericColumn)
        else [decode(value) for value in raw]
    )


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


def _add_frequencies(reader: IndexReader, fieldname: str, frequency: dict[str, int]) -> None:
    # A term in two fields of one document counts twice: close enough for ranking corrections.
    if fieldname not in reader.indexed_field_names():
        return
    for raw, info in reader.iter_field(fieldname):
        term = raw.decode("utf-8")
        frequency[term] = frequency.get(term, 0) + info.doc_frequency()
