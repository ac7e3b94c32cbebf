"""What changed since a matching index was built: a log of changed openings and profiles,
written in the same transaction as the change, whose largest id is the cheap counter. The
PostgreSQL search backend's kept counts follow the same counter (search/pg_counts.py).

- A transaction that adds, edits or deletes an `Opening` or a `YouthProfile` writes one row per
  object (`kind`, `row_id`); an edited or deleted `Organization` (being verified changes which of
  its openings are public) and any bulk statement on those tables write a row with no `row_id`:
  "reload them all". The rows are written just before the commit, in its transaction.
  Rebuilding the search documents writes a SEARCH row, which matching's readers skip.
- A worker reads `max(id)` (the primary key's index: one step, however big the tables) before
  each use of an index. Unchanged: nothing else is read. Changed: it reads the log rows after the
  id it had seen and reloads only those openings or profiles (services.py).
- The ids never go back (AUTOINCREMENT on SQLite, a sequence on PostgreSQL); rows far behind the
  newest are pruned, and a worker that far behind (or that finds the log emptied) reloads all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, delete, func, insert, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.extensions import db
from portal.jobs.models import Opening
from portal.orgs.models import Organization
from portal.session_events import listen_once
from portal.youth.models import YouthProfile

OPENINGS, YOUTH = "opening", "youth"
SEARCH = "search"  # the search documents were rebuilt: only the search's kept counts care
KEPT = 20_000  # log rows kept behind the newest; a worker further behind reloads everything
PRUNE_EVERY = 1_000
_KIND_OF = {Opening: OPENINGS, YouthProfile: YOUTH}
_TABLES = {"opening": OPENINGS, "organization": OPENINGS, "youth_profile": YOUTH}


class MatchingChange(db.Model):
    """One changed opening or profile (`row_id`), or all of a kind (`row_id` NULL)."""

    __tablename__ = "matching_change"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    row_id: Mapped[int | None]


@dataclass(frozen=True)
class Changes:
    """What happened to one kind of rows after a given log id."""

    latest: int  # the newest log id (0 when the log is empty)
    everything: bool  # reload all: a bulk change, or the log no longer reaches back that far
    row_ids: frozenset[int] = frozenset()


def latest() -> int:
    """The counter: the newest log id, 0 if none."""
    return db.session.scalar(select(func.max(MatchingChange.id))) or 0


def since(kind: str, seen: int, newest: int) -> Changes:
    """The `kind` rows changed after log id `seen` (up to `newest`, read by `latest`)."""
    oldest = db.session.scalar(select(func.min(MatchingChange.id))) or 0
    if newest < seen or (seen and oldest > seen + 1):  # emptied or pruned past what we saw
        return Changes(newest, everything=True)
    rows = db.session.execute(
        select(MatchingChange.row_id)
        .where(MatchingChange.id > seen, MatchingChange.id <= newest)
        .where(MatchingChange.kind == kind)
    ).scalars()
    found = set(rows)
    return Changes(newest, everything=None in found, row_ids=frozenset(found - {None}))


# --- writing the log ----------------------------------------------------------------------------

_NOTED = "matching.changes"  # session.info: (kind, row_id) noted in this transaction
LOCK_KEY = 0x3A7C4E  # PostgreSQL advisory lock: log ids handed out in commit order


def _after_flush(session: Session, _context) -> None:
    noted = session.info.setdefault(_NOTED, set())
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        changed = obj in session.new or obj in session.deleted or session.is_modified(obj)
        kind = _KIND_OF.get(type(obj))
        if kind and changed:
            noted.add((kind, obj.id))
        elif isinstance(obj, Organization) and changed and obj not in session.new:
            noted.add((OPENINGS, None))  # verified or not: which of its openings are public


def _on_statement(state) -> None:
    """An UPDATE, DELETE or INSERT statement on a table matching reads: reload that kind."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    kind = _TABLES.get(getattr(getattr(state.statement, "table", None), "name", None))
    if kind:
        state.session.info.setdefault(_NOTED, set()).add((kind, None))


def _before_commit(session: Session) -> None:
    """Write what this transaction changed, last, so that on PostgreSQL (under a lock held
    until COMMIT) log ids follow commit order: a reader never skips a late commit."""
    if session.in_nested_transaction():
        return
    session.flush()  # what is still pending is part of this commit: note it first
    noted = session.info.pop(_NOTED, None)
    if not noted:
        return
    _write(session.connection(), [(kind, row_id) for kind, row_id in sorted(noted, key=str)])


def log_everything(session: Session, kind: str) -> None:
    """Log "all of `kind` may have changed" in `session`'s transaction (committed by the caller),
    for a change the session hooks do not see (the search documents rebuilt: SEARCH)."""
    _write(session.connection(), [(kind, None)])


def _write(connection, noted: list[tuple[str, int | None]]) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    rows = [{"kind": kind, "row_id": row_id} for kind, row_id in noted]
    last = max(
        connection.execute(insert(MatchingChange).returning(MatchingChange.id), rows).scalars()
    )
    if last % PRUNE_EVERY < len(rows):  # now and then, not on every write
        connection.execute(delete(MatchingChange).where(MatchingChange.id <= last - KEPT))


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:  # committed or rolled back: forget what it noted
        session.info.pop(_NOTED, None)


def listen() -> None:
    """The hooks, on the session class every app of this process shares (once)."""
    listen_once(
        {
            "after_flush": _after_flush,
            "do_orm_execute": _on_statement,
            "before_commit": _before_commit,
            "after_transaction_end": _after_transaction_end,
        }
    )
