"""Where the index lives: generations under SEARCH_INDEX_DIR and a pointer to the current one.

    SEARCH_INDEX_DIR/
        CURRENT         "gen-0003": the generation searches read (switched with os.replace)
        REBUILD_LOCK    held while a generation is built, old ones removed or the outbox pruned
        gen-0003/       a Whoosh index, plus
            WATERMARK   the id of the last outbox row applied to it
            SCHEMA      a fingerprint of the schema it was built with

Readers never wait: they open the generation CURRENT names. Writers take Whoosh's own write lock
of that generation, waiting a bounded time, so two processes never write at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import Schema
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock, try_for
from whoosh.writing import SegmentWriter

POINTER = "CURRENT"
REBUILD_LOCK = "REBUILD_LOCK"
WATERMARK = "WATERMARK"
FINGERPRINT = "SCHEMA"
LOCK_RETRY_DELAY = 0.02  # seconds between two tries of a busy lock
_GENERATION_NAME = re.compile(r"^gen-(\d{4,})$")


def _write_atomically(path: Path, text: str) -> None:
    """Readers see the old content or the new one, never half of it."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    scratch.write_text(text)
    os.replace(scratch, path)


@contextmanager
def _file_lock(path: Path, wait: float) -> Iterator[bool]:
    """An OS file lock (exclusive between processes and threads), tried for up to `wait` s."""
    lock = FileLock(str(path))
    acquired = try_for(lock.acquire, timeout=wait, delay=LOCK_RETRY_DELAY)
    try:
        yield bool(acquired)
    finally:
        if acquired:
            lock.release()


class Batch:
    """Changes to one generation made under its write lock; see `Generation.writing`."""

    def __init__(self, generation: Generation, writer_options: dict):
        self.generation = generation
        self.writer_options = writer_options
        self.watermark = generation.watermark()  # read under the lock: no one moves it meanwhile
        self._writer: SegmentWriter | None = None
        self._advanced_to: int | None = None

    @property
    def writer(self) -> SegmentWriter:
        """A Whoosh writer, opened on first use (we hold the lock, so it must not take it)."""
        if self._writer is None:
            self._writer = self.generation.open().writer(_lk=False, **self.writer_options)
        return self._writer

    def advance(self, watermark: int) -> None:
        """Record that every outbox row up to `watermark` is in this batch."""
        self._advanced_to = watermark

    def _commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
        # After the documents: a crash in between only makes the next drain apply rows again.
        if self._advanced_to is not None and self._advanced_to != self.watermark:
            self.generation.set_watermark(self._advanced_to)

    def _cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()


class Generation:
    """One complete index in its own directory."""

    def __init__(self, path: Path):
        self.path = path

    @property
    def name(self) -> str:
        return self.path.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Generation) and other.path == self.path

    def __hash__(self) -> int:
        return hash(self.path)

    def __repr__(self) -> str:
        return f"<Generation {self.path}>"

    def open(self) -> whoosh_index.FileIndex:
        return whoosh_index.open_dir(str(self.path))

    def watermark(self) -> int:
        return int((self.path / WATERMARK).read_text())

    def set_watermark(self, watermark: int) -> None:
        _write_atomically(self.path / WATERMARK, str(watermark))

    def fingerprint(self) -> str | None:
        path = self.path / FINGERPRINT
        return path.read_text() if path.exists() else None

    @contextmanager
    def writing(self, wait: float, **writer_options) -> Iterator[Batch | None]:
        """Whoosh's write lock of this generation, tried for up to `wait` seconds (0: once).

        Yields None when another writer kept it that long. On a clean exit the documents are
        committed and then the watermark advanced; on an error nothing is written.
        """
        lock = self.open().lock("WRITELOCK")
        if not try_for(lock.acquire, timeout=wait, delay=LOCK_RETRY_DELAY):
            yield None
            return
        try:
            batch = Batch(self, writer_options)
            try:
                yield batch
            except BaseException:
                batch._cancel()
                raise
            batch._commit()
        finally:
            lock.release()

    def problem(self) -> str | None:
        """Why this generation cannot be searched (unreadable files), or None."""
        try:
            self.watermark()
            with self.open().reader() as reader:  # opens every segment file
                count = reader.doc_count_all()
                if count:
                    reader.stored_fields(count - 1)
        except Exception as error:  # noqa: BLE001 - any failure to read means: rebuild it
            return f"corrupt ({type(error).__name__}: {error})"
        return None


class IndexStore:
    """The generations under one SEARCH_INDEX_DIR."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def current(self) -> Generation | None:
        """The generation searches read, or None when there is none (never built, or deleted).

        The pointer is read again when the generation it named is gone: two rebuilds may have
        switched and removed it between reading the pointer and looking at the directory."""
        for _attempt in range(5):
            try:
                name = (self.root / POINTER).read_text().strip()
            except FileNotFoundError:
                return None
            generation = Generation(self.root / name)
            if not _GENERATION_NAME.match(name):
                return None
            if generation.path.is_dir():
                return generation
        return None

    def generations(self) -> list[Generation]:
        if not self.root.is_dir():
            return []
        paths = [p for p in self.root.iterdir() if _GENERATION_NAME.match(p.name) and p.is_dir()]
        return [Generation(path) for path in sorted(paths)]

    def new_generation(self, schema: Schema) -> Generation:
        """An empty index in a new directory, not current yet (hold the rebuild lock)."""
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [int(_GENERATION_NAME.match(g.name).group(1)) for g in self.generations()]
        path = self.root / f"gen-{max(numbers, default=0) + 1:04d}"
        path.mkdir()
        whoosh_index.create_in(str(path), schema)
        (path / FINGERPRINT).write_text(schema_fingerprint(schema))
        generation = Generation(path)
        generation.set_watermark(0)
        return generation

    def switch_to(self, generation: Generation) -> None:
        """Make `generation` the one searches read, atomically."""
        _write_atomically(self.root / POINTER, generation.name)

    def remove_old(self, keep: set[Generation | None]) -> None:
        """Delete the generations not in `keep` (hold the rebuild lock).

        A process still reading a deleted one keeps its open files (POSIX) until it notices
        CURRENT changed."""
        for generation in self.generations():
            if generation not in keep:
                shutil.rmtree(generation.path, ignore_errors=True)

    def rebuild_lock(self, wait: float):
        """The lock held while building, switching and removing generations (context manager)."""
        self.root.mkdir(parents=True, exist_ok=True)
        return _file_lock(self.root / REBUILD_LOCK, wait)

    def problem(self, schema: Schema) -> str | None:
        """Why the current index must be rebuilt: missing, corrupt, other schema; None if sound."""
        generation = self.current()
        if generation is None:
            return "missing"
        if problem := generation.problem():
            return problem
        if generation.fingerprint() != schema_fingerprint(schema):
            return "built with another schema or analyzers"
        return None

    def searcher(self) -> Searcher | None:
        """A searcher on the current generation, kept per thread and refreshed when the index
        or the generation changed. None when there is no index. Do not close it."""
        for _attempt in range(3):
            try:
                return self._searcher()
            # Two rebuilds went by since we read the pointer: its folder (or its table of
            # contents, whoosh's EmptyIndexError) is gone.
            except (FileNotFoundError, whoosh_index.EmptyIndexError):
                continue
        return self._searcher()

    def _searcher(self) -> Searcher | None:
        generation = self.current()
        cache = _searchers()
        cached = cache.get(self.root)
        if generation is None:
            return None
        key = _identity(generation)
        if cached is not None and cached[0] == key and cached[1].reader().segments():
            searcher = cached[1].refresh()  # the same object when nothing was committed since
        else:
            if cached is not None:  # (Whoosh cannot refresh a searcher of an empty index)
                _close_quietly(cached[1])
            searcher = generation.open().searcher()
        cache[self.root] = (key, searcher)
        return searcher

    def forget(self) -> None:
        """Close this thread's cached searcher (tests, or before deleting the whole directory)."""
        cached = _searchers().pop(self.root, None)
        if cached is not None:
            _close_quietly(cached[1])


_local = threading.local()


def _searchers() -> dict:
    if not hasattr(_local, "searchers"):
        _local.searchers = {}
    return _local.searchers


def _close_quietly(searcher: Searcher) -> None:
    """Refreshed searchers share segment readers, some of which Whoosh may have closed already."""
    with suppress(Exception):  # what is left open goes with the garbage collector
        searcher.close()


def _identity(generation: Generation) -> tuple:
    """Tells a generation from an older one with the same name (a directory deleted and redone)."""
    stat = generation.path.stat()
    return generation.path, stat.st_ino, stat.st_ctime_ns


# The code that turns an opening into index terms: when it changes, the index must be rebuilt.
_INDEXING_SOURCES = ("analysis.py", "schema.py", "documents.py")


def schema_fingerprint(schema: Schema) -> str:
    """A digest of the fields, their analyzers and the code behind them."""
    digest = hashlib.sha256()
    digest.update(repr([(name, _stable(schema[name])) for name in sorted(schema.names())]).encode())
    for name in _INDEXING_SOURCES:
        source = Path(__file__).with_name(name)
        digest.update(source.read_bytes() if source.exists() else b"")
    return digest.hexdigest()


def _stable(value, depth: int = 0):
    """A description of `value` that is the same in every process (no addresses, set order)."""
    if depth > 12:
        return "..."
    if isinstance(value, set | frozenset):
        return sorted(repr(_stable(item, depth + 1)) for item in value)
    if isinstance(value, list | tuple):
        return [_stable(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return sorted((repr(k), repr(_stable(v, depth + 1))) for k, v in value.items())
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if isinstance(value, str | int | float | bool | bytes | type(None)):
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return [getattr(value, "__module__", ""), value.__qualname__]
    if hasattr(value, "__dict__"):
        return [type(value).__qualname__, _stable(vars(value), depth + 1)]
    text = repr(value)
    return type(value).__qualname__ if " at 0x" in text else text
