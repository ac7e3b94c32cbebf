"""Keeping the index in step with the database, which is the source of truth.

- `enqueue(opening_id)` notes the opening in the caller's session. Just before that transaction
  commits, the noted ids become rows of the outbox table, in the same transaction.
- Right after a commit that wrote outbox rows, the process drains the outbox into the current
  index generation under Whoosh's write lock (waiting a bounded time for it). Draining re-reads
  each opening from the database; a deleted one is deleted from the index.
- Each generation keeps the id of the last outbox row it applied (its watermark), so draining is
  idempotent and two processes racing never lose an update. Outbox ids follow commit order:
  SQLite runs one writer at a time, and on PostgreSQL the rows are written under a transaction
  advisory lock at the very end of the transaction.
- Searches drain without waiting (one try of the lock), so another worker's change shows on the
  next request even if that worker's own drain is still waiting.
- `rebuild()` fills a new generation from a database snapshot, drains what came after it and
  switches to it; searches read the old generation meanwhile.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload
from whoosh.searching import Searcher

from portal.extensions import db
from portal.jobs.models import Opening
from portal.search import pg_index
from portal.search.documents import document_for
from portal.search.models import SearchOutbox
from portal.search.pg_index import is_postgres_backend
from portal.search.schema import build_schema
from portal.search.store import Generation, IndexStore
from portal.session_events import listen_once

log = logging.getLogger(__name__)

BATCH = 500  # outbox rows applied per writer commit
PRUNE_EVERY = 1000  # prune once this many applied outbox rows have piled up
REBUILD_WAIT = 300.0  # seconds to wait for another process's rebuild before giving up
OUTBOX_LOCK_KEY = 0x5EA4C4  # PostgreSQL advisory lock serializing outbox writes
_PENDING = "search.pending"  # session.info: opening ids noted in this transaction
_WROTE = "search.wrote"  # session.info: this commit writes outbox rows


class SearchBusy(RuntimeError):
    """Another process kept the index locked for longer than we may wait."""


@dataclass(frozen=True)
class Rebuilt:
    openings: int
    seconds: float
    generation: str


# --- writing side: the outbox -------------------------------------------------------------------


def enqueue(opening_id: int) -> None:
    """Record, in the current transaction, that this opening changed (or is being deleted)."""
    if opening_id is None:
        raise ValueError("The opening has no id yet: flush the session before indexing it.")
    db.session.info.setdefault(_PENDING, set()).add(opening_id)


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT: the outer transaction writes the rows when it commits
    if is_postgres_backend():  # the documents themselves, in this transaction: no outbox
        session.flush()
        pending = session.info.pop(_PENDING, set()) | pg_index.organizations_openings(session)
        pg_index.write(session, pending)
        return
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        # Held until COMMIT: outbox ids are then handed out in commit order (see module doc).
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": OUTBOX_LOCK_KEY})
    session.add_all([SearchOutbox(opening_id=opening_id) for opening_id in sorted(pending)])
    session.info[_WROTE] = True


def _after_flush(session: Session, _flush_context) -> None:
    if is_postgres_backend():
        pg_index.note_flushed(session, session.info.setdefault(_PENDING, set()))


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction() or not session.info.pop(_WROTE, False):
        return
    try:
        drain(block=True)
    except Exception:  # the change is committed; the next drain or search applies it
        log.exception("Search index: draining the outbox after a commit failed")


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:  # the whole transaction ended: forget what it noted
        session.info.pop(_PENDING, None)
        session.info.pop(_WROTE, None)
        session.info.pop(pg_index.PENDING_ORGANIZATIONS, None)


def _listen_once() -> None:
    """The commit hooks, on the session class every app of this process shares."""
    listen_once(
        {
            "before_commit": _before_commit,
            "after_flush": _after_flush,
            "after_commit": _after_commit,
            "after_transaction_end": _after_transaction_end,
        }
    )


# --- applying the outbox to the index -----------------------------------------------------------


def _session() -> Session:
    """A session of its own (the caller's may be mid-commit), not taking SQLite's write lock
    when it begins: draining reads, and its rare prune writes at once."""
    session = Session(db.engine)
    session.connection(execution_options={"read_only": True})
    return session


def _store() -> IndexStore:
    return IndexStore(current_app.config["SEARCH_INDEX_DIR"])


def _lock_wait() -> float:
    return float(current_app.config.get("SEARCH_LOCK_WAIT", 10.0))


def _last_outbox_id(session: Session) -> int:
    return session.scalar(select(func.max(SearchOutbox.id))) or 0


def drain(block: bool = True) -> int:
    """Apply the outbox rows past the current generation's watermark; returns how many openings
    were applied. With `block`, wait (a bounded time) for another writer; without, leave a busy
    index to that writer or the next drain. Builds the index when there is none."""
    generation = _store().current()
    if generation is None:
        return ensure_index()
    applied = _drain_into(generation, wait=_lock_wait() if block else 0)
    if applied and _applied_rows_piled_up(generation):
        prune(wait=0)
    return applied


def _drain_into(generation: Generation, wait: float) -> int:
    """Apply the rows `generation` has not seen yet; the number of openings applied."""
    with _session() as session:
        if _last_outbox_id(session) <= generation.watermark():
            return 0  # the usual case for a search: nothing waits, no lock taken
    applied = 0
    while True:
        with _session() as session, generation.writing(wait) as batch:
            if batch is None:
                if wait:
                    log.warning("Search index busy for %.0f s; the next drain catches up", wait)
                return applied
            rows = session.execute(
                select(SearchOutbox.id, SearchOutbox.opening_id)
                .where(SearchOutbox.id > batch.watermark)
                .order_by(SearchOutbox.id)
                .limit(BATCH)
            ).all()
            opening_ids = {row.opening_id for row in rows}
            if rows:
                _apply(session, batch.writer, opening_ids)
                batch.advance(rows[-1].id)
        applied += len(opening_ids)
        if len(rows) < BATCH:
            return applied


def _applied_rows_piled_up(generation: Generation) -> bool:
    with _session() as session:
        oldest = session.scalar(select(func.min(SearchOutbox.id)))
    return oldest is not None and generation.watermark() - oldest >= PRUNE_EVERY


def _with_document_data(query):
    return query.options(selectinload(Opening.organization))


def _apply(session: Session, writer, opening_ids: set[int]) -> None:
    """Write each opening as the database has it now; drop those no longer there."""
    query = _with_document_data(select(Opening).where(Opening.id.in_(opening_ids)))
    found = {opening.id: opening for opening in session.scalars(query)}
    for opening_id in sorted(opening_ids):
        opening = found.get(opening_id)
        if opening is None:
            writer.delete_by_term("id", str(opening_id))
        else:
            writer.update_document(**document_for(opening))


def searcher() -> Searcher:
    """The current index for reading, caught up with committed changes without waiting for a
    writer (the engine's way in). Kept per thread: do not close it."""
    try:
        drain(block=False)
    except Exception:  # a search still answers, from the index as it is
        log.exception("Search index: could not catch up before a search")
    found = _store().searcher()
    if found is None:  # deleted under our feet after the drain: build it again
        ensure_index()
        found = _store().searcher()
    return found


# --- building a whole generation ----------------------------------------------------------------


def rebuild(wait: float = REBUILD_WAIT, *, log_change: bool = True) -> Rebuilt:
    """Build a new generation from the database and switch searches to it (`flask search
    reindex`). Waits up to `wait` s for a rebuild running elsewhere, then raises SearchBusy.
    On SEARCH_BACKEND=postgres: every document and term written again (pg_index.rebuild; it
    logs the change for the workers' kept counts unless `log_change` is False)."""
    if is_postgres_backend():
        openings, seconds = pg_index.rebuild(log_change=log_change)
        return Rebuilt(openings, seconds, "postgres")
    store = _store()
    with store.rebuild_lock(wait) as locked:
        if not locked:
            raise SearchBusy(f"Another process is rebuilding the search index in {store.root}.")
        return _rebuild_locked(store)


def _rebuild_locked(store: IndexStore) -> Rebuilt:
    started = time.perf_counter()
    previous = store.current()
    generation = store.new_generation(build_schema())
    count = _fill(generation)
    _drain_into(generation, wait=_lock_wait())  # changes committed after the snapshot
    store.switch_to(generation)
    _drain_into(generation, wait=_lock_wait())  # changes others drained into `previous` meanwhile
    store.remove_old(keep={generation, previous})
    _prune_locked(generation)
    return Rebuilt(count, time.perf_counter() - started, generation.name)


def _fill(generation: Generation) -> int:
    """Every opening of one database snapshot, with the outbox id the snapshot is complete to."""
    count = 0
    # A bigger in-memory posting pool than Whoosh's 128 MB: 10,000 openings built ~2x faster.
    with _session() as session, generation.writing(_lock_wait(), limitmb=256) as batch:
        if batch is None:
            raise SearchBusy(f"The new search index {generation.path} is locked.")
        watermark = _last_outbox_id(session)  # read first: any later change has a later row
        query = _with_document_data(select(Opening)).execution_options(yield_per=BATCH)
        for opening in session.scalars(query):
            batch.writer.add_document(**document_for(opening))
            count += 1
        batch.advance(watermark)
    return count


def ensure_index() -> int:
    """Build the index if there is none (another process may be building it: wait for that).
    Returns the number of openings indexed, 0 when it was there already."""
    store = _store()
    with store.rebuild_lock(REBUILD_WAIT) as locked:
        if not locked:
            raise SearchBusy(f"Another process is rebuilding the search index in {store.root}.")
        if store.current() is not None:
            return 0
        return _rebuild_locked(store).openings


def prune(wait: float = 0) -> int:
    """Delete the outbox rows the current generation has applied; the number deleted.

    Under the rebuild lock: a generation being built still needs the rows after its snapshot."""
    store = _store()
    with store.rebuild_lock(wait) as locked:
        generation = store.current()
        if not locked or generation is None:
            return 0
        return _prune_locked(generation)


def _prune_locked(generation: Generation) -> int:
    applied = SearchOutbox.id <= generation.watermark()
    try:
        with _session() as session:
            if session.scalar(select(SearchOutbox.id).where(applied).limit(1)) is None:
                return 0  # nothing to delete: do not queue for the database's write lock
            deleted = session.execute(delete(SearchOutbox).where(applied)).rowcount
            session.commit()
    except SQLAlchemyError:  # busy: the rows wait for the next prune, harmlessly
        log.warning("Search outbox: pruning applied rows failed; trying again later")
        return 0
    return deleted


# --- start-up and status ------------------------------------------------------------------------


def tables_ready() -> bool:
    """False before `flask db upgrade` has created the outbox (nothing to check then)."""
    return inspect(db.engine).has_table(SearchOutbox.__tablename__)


def check_at_start() -> None:
    """Rebuild a missing, corrupt or outdated index (several workers starting at once: one
    rebuilds, the others wait and find it sound). Never stops the portal from starting.
    On SEARCH_BACKEND=postgres: fill the documents when there are none yet."""
    store = _store()
    try:
        if is_postgres_backend():
            if filled := pg_index.check_at_start():
                log.warning("Search documents written in PostgreSQL: %d openings", filled)
            return
        if not tables_ready() or store.problem(build_schema()) is None:
            return
        with store.rebuild_lock(REBUILD_WAIT) as locked:
            problem = store.problem(build_schema())  # another worker may have rebuilt it
            if not locked or problem is None:
                return
            log.warning(
                "Search index in %s is %s: rebuilding it from the database", store.root, problem
            )
            rebuilt = _rebuild_locked(store)
        log.warning(
            "Search index rebuilt: %d openings indexed in %.1f s (%s)",
            rebuilt.openings,
            rebuilt.seconds,
            rebuilt.generation,
        )
    except Exception:  # the portal starts anyway; a search builds a missing index
        log.exception("Search index: the start-up check failed")


def problem() -> str | None:
    """Why searches cannot read the index now (missing, unreadable, another schema), or None."""
    if is_postgres_backend():
        return pg_index.problem()
    return _store().problem(build_schema())


def status() -> dict:
    """What `flask search status` shows."""
    if is_postgres_backend():
        return pg_index.status()
    store = _store()
    generation = store.current()
    watermark = generation.watermark() if generation else 0
    with _session() as session:
        rows = session.scalar(select(func.count()).select_from(SearchOutbox))
        waiting = session.scalar(
            select(func.count()).select_from(SearchOutbox).where(SearchOutbox.id > watermark)
        )
    facts = {"root": str(store.root), "outbox_rows": rows, "waiting": waiting}
    if generation is None:
        return {**facts, "problem": "missing"}
    problem = store.problem(build_schema())
    documents = None
    if problem is None:
        with generation.open().reader() as reader:
            documents = reader.doc_count()
    return {
        **facts,
        "generation": generation.name,
        "problem": problem,
        "documents": documents,
        "watermark": watermark,
    }


def init_app(app: Flask) -> None:
    """`flask search ...`, the commit hooks, and the start-up check of the index."""
    from portal.search.cli import search_cli

    app.config.setdefault("SEARCH_LOCK_WAIT", 10.0)
    pg_index.check_backend(app)
    app.cli.add_command(search_cli)
    _listen_once()
    with app.app_context():
        check_at_start()
