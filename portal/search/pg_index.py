"""The PostgreSQL backend's writing side (SEARCH_BACKEND=postgres): documents and terms written
in the transaction that changes the openings, so every app server reads one truth at once.

- `write(session, opening_ids)`: the commit hook (sync.py) calls it just before the commit with
  the openings `search.index()` noted, and every opening flushed in the transaction (or whose
  organization was: `note_flushed`), so even a change made past the services is searchable at
  once; each is analysed in Python exactly as for Whoosh
  (documents.py, analysis.py) and upserted into `search_document`; a deleted one is deleted.
  `search_term` counts, for each word, the text fields holding it (old words minus, new plus).
  A rolled-back transaction leaves both as they were.
- `rebuild()`: `flask search reindex`, in batches of one transaction each; then every term is
  counted again from the documents.
- Writers hold a shared advisory lock until they commit; a rebuild batch holds it exclusively, so
  a batch never writes a document older than an edit committed meanwhile.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date

from flask import Flask, current_app
from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, selectinload

from portal.extensions import db
from portal.jobs.models import Opening
from portal.matching import changes
from portal.search.analysis import STOPWORDS, is_khmer, terms
from portal.search.documents import document_for
from portal.search.models import SearchDocument, SearchTerm
from portal.search.schema import FIELD_WEIGHTS, Moment

INDEX_LOCK_KEY = 0x5EA4C5  # advisory lock: shared by writers, exclusive for a rebuild batch
BATCH = 500  # openings per rebuild transaction
# The tsvector weight of each text field, heaviest first (scoring.py's field weights).
_HEAVIEST_FIRST = sorted(FIELD_WEIGHTS, key=FIELD_WEIGHTS.get, reverse=True)
FIELD_LETTERS = dict(zip(_HEAVIEST_FIRST, "ABCD", strict=True))
_NO_CLOSING_DATE = date(9999, 12, 31)


def is_postgres_backend() -> bool:
    return current_app.config.get("SEARCH_BACKEND", "whoosh") == "postgres"


def check_backend(app: Flask) -> None:
    """SEARCH_BACKEND=postgres needs the database to be PostgreSQL: refuse to start otherwise."""
    from portal.config import ConfigError

    uri = str(app.config.get("SQLALCHEMY_DATABASE_URI", ""))
    if app.config.get("SEARCH_BACKEND") == "postgres" and not uri.startswith("postgresql"):
        raise ConfigError(
            "SEARCH_BACKEND=postgres keeps the search in the PostgreSQL database, but "
            f"DATABASE_URL is {uri.split(':', 1)[0]}: set DATABASE_URL=postgresql+psycopg://... "
            "or SEARCH_BACKEND=whoosh."
        )


# --- one opening as a row -----------------------------------------------------------------------


def field_terms(document: dict) -> dict[str, set[str]]:
    """The distinct index terms of each text field (stopwords left out, as the Whoosh
    tokenizer leaves them out at index time)."""
    return {name: set(terms(document[name] or "")) - STOPWORDS for name in FIELD_LETTERS}


def tsvector_literal(by_field: dict[str, set[str]]) -> str:
    """The tsvector of the fields: each term at one position per field holding it, weighted by
    the field ('mechanic':1A,4D). Terms are quoted: the literal is never parsed into words."""
    positions: dict[str, list[str]] = {}
    for number, (name, letter) in enumerate(FIELD_LETTERS.items(), 1):
        for term in by_field[name]:
            positions.setdefault(term, []).append(f"{number}{letter}")
    return " ".join(f"{quote(term)}:{','.join(at)}" for term, at in sorted(positions.items()))


def quote(term: str) -> str:
    """A lexeme as tsvector and tsquery literals write it."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def row_for(opening: Opening) -> tuple[dict, Counter]:
    """The search_document row of `opening`, and how many of its fields hold each term."""
    return row_for_document(document_for(opening))


def row_for_document(document: dict) -> tuple[dict, Counter]:
    """The same from the document Whoosh would index (documents.document_for)."""
    by_field = field_terms(document)
    closing = document["closing_date"]
    row = {
        "opening_id": int(document["id"]),
        "status": document["status"],
        "kind": document["kind"],
        "province": document["province"],
        "organization_id": document["organization_id"] or 0,
        "salary_min_usd": document["salary_min_usd"],
        "closing_date": closing.date() if closing else _NO_CLOSING_DATE,
        "published_at": Moment().to_column_value(document["published_at"]),
        "words": tsvector_literal(by_field),
    }
    return row, Counter(term for found in by_field.values() for term in found)


# --- writing in the caller's transaction --------------------------------------------------------

PENDING_ORGANIZATIONS = "search.pending_organizations"  # session.info: their openings change too


def note_flushed(session: Session, pending: set[int]) -> None:
    """Add to `pending` the openings this flush wrote or deleted (an after_flush hook: the
    session still lists what it flushed), and remember the organizations it changed."""
    from portal.orgs.models import Organization

    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, Opening) and instance.id is not None:
            pending.add(instance.id)
        elif isinstance(instance, Organization) and instance.id is not None:
            session.info.setdefault(PENDING_ORGANIZATIONS, set()).add(instance.id)


def organizations_openings(session: Session) -> set[int]:
    """The openings of the organizations changed in this transaction (their name and whether a
    counselor verified them are in the documents)."""
    organization_ids = session.info.pop(PENDING_ORGANIZATIONS, None)
    if not organization_ids:
        return set()
    query = select(Opening.id).where(Opening.organization_id.in_(organization_ids))
    return set(session.scalars(query))


def write(session: Session, opening_ids) -> int:
    """Bring the documents of `opening_ids` in line with the openings as this transaction sees
    them (a missing opening: its document goes). Returns how many were written or deleted."""
    ids = sorted(set(opening_ids))
    if not ids:
        return 0
    session.flush()
    session.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": INDEX_LOCK_KEY})
    query = select(Opening).where(Opening.id.in_(ids)).options(selectinload(Opening.organization))
    openings = {opening.id: opening for opening in session.scalars(query)}
    change = _old_counts(session, ids)
    change = Counter({term: -count for term, count in change.items()})
    rows = []
    for opening in openings.values():
        row, counts = row_for(opening)
        rows.append(row)
        change.update(counts)
    gone = [opening_id for opening_id in ids if opening_id not in openings]
    if gone:
        session.execute(delete(SearchDocument).where(SearchDocument.opening_id.in_(gone)))
    if rows:
        statement = insert(SearchDocument).values(rows)
        columns = {name: statement.excluded[name] for name in rows[0] if name != "opening_id"}
        statement = statement.on_conflict_do_update(index_elements=["opening_id"], set_=columns)
        session.execute(statement)
    _count_terms(session, change)
    return len(ids)


def _old_counts(session: Session, ids: list[int]) -> Counter:
    """How many fields of the documents now stored for `ids` hold each term."""
    found = session.execute(
        text(
            "SELECT u.lexeme, sum(cardinality(u.positions)) FROM search_document d, "
            "unnest(d.words) u WHERE d.opening_id = ANY(:ids) GROUP BY u.lexeme"
        ),
        {"ids": ids},
    )
    return Counter({lexeme: int(count) for lexeme, count in found})


def _count_terms(session: Session, change: Counter) -> None:
    """Add `change` to the terms' counts, in the terms' order (two writers never deadlock)."""
    rows = [
        {"term": term, "frequency": count, "khmer_expression": _expression(term)}
        for term, count in sorted(change.items())
        if count
    ]
    if not rows:
        return
    statement = insert(SearchTerm).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["term"],
        set_={"frequency": SearchTerm.frequency + statement.excluded.frequency},
    )
    session.execute(statement)


def _expression(term: str) -> str | None:
    if not is_khmer(term):
        return None
    from portal.search.khmer_spelling import expressions

    return expressions().of(term)


# --- rebuilding ---------------------------------------------------------------------------------


def rebuild(*, log_change: bool = True) -> tuple[int, float]:
    """Write every opening's document again, drop documents of openings that are gone, and
    count every term again. Returns (openings, seconds). Searches keep answering meanwhile.
    Then, unless `log_change` is False, log the change: the counts workers keep may be wrong."""
    started = time.perf_counter()
    with Session(db.engine) as session:
        opening_ids = list(session.scalars(select(Opening.id).order_by(Opening.id)))
        indexed = set(session.scalars(select(SearchDocument.opening_id)))
    gone = sorted(indexed - set(opening_ids))
    for start in range(0, len(opening_ids), BATCH):
        _in_own_transaction(opening_ids[start : start + BATCH])
    for start in range(0, len(gone), BATCH):
        _in_own_transaction(gone[start : start + BATCH])
    recount_terms()
    if log_change:
        with Session(db.engine) as session:
            changes.log_everything(session, changes.SEARCH)
            session.commit()
    return len(opening_ids), time.perf_counter() - started


def _in_own_transaction(opening_ids: list[int]) -> None:
    with Session(db.engine) as session:
        _exclusive(session)
        write(session, opening_ids)
        session.commit()


def _exclusive(session: Session) -> None:
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INDEX_LOCK_KEY})


def recount_terms() -> None:
    """Every term's count from the documents, and every Khmer term's expression read again
    (khmer_spelling.toml may have changed since they were written)."""
    with Session(db.engine) as session:
        _exclusive(session)
        session.execute(delete(SearchTerm))
        counted = session.execute(
            text(
                "SELECT u.lexeme, sum(cardinality(u.positions)) "
                "FROM search_document d, unnest(d.words) u GROUP BY u.lexeme"
            )
        ).all()
        rows = [
            {"term": term, "frequency": int(count), "khmer_expression": _expression(term)}
            for term, count in counted
        ]
        for start in range(0, len(rows), 5000):
            session.execute(insert(SearchTerm).values(rows[start : start + 5000]))
        session.commit()


# --- start-up and status ------------------------------------------------------------------------


def tables_ready() -> bool:
    return inspect(db.engine).has_table(SearchDocument.__tablename__)


def problem() -> str | None:
    """Why searches cannot read the documents now, or None."""
    if not tables_ready():
        return "missing (run `flask db upgrade`)"
    with Session(db.engine) as session:
        if session.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) == 0:
            return "missing pg_trgm (run `flask db upgrade`)"
    return None


def _empty_but_openings(session: Session) -> bool:
    has_documents = session.scalar(select(SearchDocument.opening_id).limit(1)) is not None
    return not has_documents and session.scalar(select(Opening.id).limit(1)) is not None


def check_at_start() -> int:
    """Fill the documents when there are none but there are openings (the first start on
    SEARCH_BACKEND=postgres); returns how many were written."""
    if not tables_ready():
        return 0
    with Session(db.engine) as session:
        if not _empty_but_openings(session):
            return 0
    return rebuild()[0]


def status() -> dict:
    """What `flask search status` shows for this backend."""
    facts: dict = {"backend": "postgres", "problem": problem()}
    if tables_ready():
        with Session(db.engine) as session:
            facts["documents"] = session.scalar(select(func.count()).select_from(SearchDocument))
            facts["terms"] = session.scalar(
                select(func.count()).select_from(SearchTerm).where(SearchTerm.frequency > 0)
            )
    return facts
