"""Is the portal whole? The database's own checks, and the search index in step with it (every
opening indexed as the database has it now, nothing more), for the tests that kill processes
and the tests of imports that commit in batches."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.jobs.models import Opening
from portal.search.documents import document_for
from portal.search.models import SearchDocument
from portal.search.store import IndexStore
from portal.search.sync import drain

COMPARED = ("ref", "kind", "status", "province", "title", "salary_min_usd")  # stored fields


def database_problems() -> list[str]:
    """What the database itself finds wrong: a damaged file, broken foreign keys."""
    db.session.commit()
    if db.engine.dialect.name != "sqlite":
        return []  # PostgreSQL checks every constraint at each commit, crash or not
    problems = [row[0] for row in db.session.execute(text("PRAGMA integrity_check"))]
    problems = [problem for problem in problems if problem != "ok"]
    broken = db.session.execute(text("PRAGMA foreign_key_check")).all()
    return problems + [f"foreign key broken: {tuple(row)}" for row in broken]


def index_differences(app) -> list[str]:
    """How the current index generation differs from the database, opening by opening."""
    db.session.commit()
    query = select(Opening).options(selectinload(Opening.organization))
    wanted = {str(o.id): document_for(o) for o in db.session.scalars(query)}
    if app.config["SEARCH_BACKEND"] == "postgres":
        return _document_differences(wanted)
    generation = IndexStore(app.config["SEARCH_INDEX_DIR"]).current()
    if generation is None:
        return ["no search index"]
    with generation.open().searcher() as searcher:
        indexed = {fields["id"]: fields for fields in searcher.all_stored_fields()}
    problems = [f"opening {i} is not in the index" for i in wanted.keys() - indexed.keys()]
    problems += [f"opening {i} is indexed but gone" for i in indexed.keys() - wanted.keys()]
    for opening_id in wanted.keys() & indexed.keys():
        for name in COMPARED:
            if wanted[opening_id][name] != indexed[opening_id].get(name):
                problems.append(
                    f"opening {opening_id}: {name} is {wanted[opening_id][name]!r} in the "
                    f"database, {indexed[opening_id].get(name)!r} in the index"
                )
    return problems


def _document_differences(wanted: dict[str, dict]) -> list[str]:
    """The same for the PostgreSQL backend: a search_document row per opening, as it is now."""
    columns = ("status", "kind", "province")
    rows = db.session.execute(
        select(SearchDocument.opening_id, *(getattr(SearchDocument, c) for c in columns))
    )
    indexed = {str(row[0]): dict(zip(columns, row[1:], strict=True)) for row in rows}
    problems = [f"opening {i} is not in the index" for i in wanted.keys() - indexed.keys()]
    problems += [f"opening {i} is indexed but gone" for i in indexed.keys() - wanted.keys()]
    for opening_id in wanted.keys() & indexed.keys():
        for name in columns:
            if wanted[opening_id][name] != indexed[opening_id][name]:
                problems.append(f"opening {opening_id}: {name} differs in the index")
    return problems


def index_after_restart(app) -> list[str]:
    """What a restarted portal does first (apply what the outbox holds), then the differences."""
    drain(block=True)
    return index_differences(app)
