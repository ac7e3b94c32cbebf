"""Search over openings: typo-tolerant, Khmer-aware, province-aware, on one of two backends
(SEARCH_BACKEND): Whoosh, an index directory on this host (sync.py, the outbox), or PostgreSQL,
documents in the database written in the opening's own transaction (pg_index.py, pg_engine.py).

The verbs views, services and commands use; nothing outside this package touches Whoosh:

- `index(opening)` / `remove(opening)`: record that the opening changed (an outbox row written in
  the caller's database transaction); the index catches up right after the commit.
- `query(text, filters) -> SearchResult`: ids, scores, facets, "did you mean".
- `complete(start) -> words`: the word being typed, completed (suggestions as you type).
- `problem() -> str | None`: why the index cannot be read now (the health check asks).
- `init_app(app)`: CLI (`flask search reindex`), start-up check of the index, commit hook.
"""

from portal.search.types import Hit, SearchFilters, SearchResult, Sort

__all__ = [
    "Hit",
    "SearchFilters",
    "SearchResult",
    "Sort",
    "complete",
    "index",
    "init_app",
    "problem",
    "query",
    "remove",
    "warm_up_in_background",
]


def index(opening) -> None:
    """The opening was created, edited, published or closed: bring the index up to date."""
    from portal.search.sync import enqueue

    enqueue(opening.id)


def remove(opening) -> None:
    """The opening is being deleted: drop it from the index."""
    from portal.search.sync import enqueue

    enqueue(opening.id)


def query(text: str, filters: SearchFilters | None = None) -> SearchResult:
    """Openings matching `text` (any spelling, Khmer or English) and `filters`, best first."""
    from portal.search.engine import run_query

    return run_query(text, filters or SearchFilters())


def complete(start: str, limit: int = 3) -> list[str]:
    """Words of the search vocabulary that begin with `start` ("moto" -> "motorbike"), shortest
    first: what a half-typed word may become. The same on every backend."""
    from portal.search.completion import complete as completions

    return completions(start, limit)


def problem() -> str | None:
    """Why searches cannot read the index now ("missing", "corrupt (...)"), or None if sound."""
    from portal.search.sync import problem as index_problem

    return index_problem()


def init_app(app) -> None:
    from portal.search.sync import init_app as init_sync

    init_sync(app)


def warm_up_in_background(app) -> None:
    """Load khmercut, the vocabulary and the index's columns in a thread, so that the first
    young person to search on a fresh worker does not wait the ~1 s it takes."""
    import logging
    import threading

    def warm() -> None:
        from portal.search.engine import warm_up
        from portal.search.pg_index import is_postgres_backend
        from portal.search.sync import searcher, tables_ready

        try:
            with app.app_context():
                if is_postgres_backend():
                    _warm_up_postgres()
                else:
                    warm_up(searcher() if tables_ready() else None)
        except Exception:  # a cold cache is slower, never broken
            logging.getLogger(__name__).exception("Search warm-up failed")

    threading.Thread(target=warm, name="search-warm-up", daemon=True).start()


def _warm_up_postgres() -> None:
    """khmercut and the vocabulary, then one search (the database's own caches warm up too)."""
    from portal.extensions import db
    from portal.search.engine import warm_up
    from portal.search.pg_index import tables_ready

    warm_up()
    if tables_ready():
        try:
            query("")
        finally:
            db.session.remove()
