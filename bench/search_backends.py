"""Both search backends at one size, with the same queries, in one run: Whoosh (an index in a
temporary folder) and PostgreSQL (SEARCH_BACKEND=postgres, on a scratch database).

    .venv/bin/python bench/search_backends.py --n 50000 \
        --database-url postgresql+psycopg://phlov:phlov@localhost/phlov_scratch

The same N synthetic openings (bench/synthetic.py) go into both; the queries mix English trades
with typos, Khmer titles as usually spelt and as people misspell them, and provinces among the
words (bench/search.py). Each backend answers through the function `portal.search.query` runs
(engine.search on a reused searcher; pg_engine.run_query in an app context). Prints the build
time and p50/p95 of each. Target (issue 18): PostgreSQL's p95 <= 30 ms at 50,000 openings.
The scratch database is emptied first (its schema rebuilt by the migrations).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.dialects.postgresql import insert  # noqa: E402
from whoosh import index as whoosh_index  # noqa: E402

from bench.scratch import scratch_app, settle  # noqa: E402
from bench.search import TODAY, build, khmer_queries, percentiles, timed, typo_queries  # noqa: E402
from bench.synthetic import opening_documents  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.search import pg_engine, pg_index  # noqa: E402
from portal.search.engine import search, warm_up  # noqa: E402
from portal.search.models import SearchDocument  # noqa: E402
from portal.search.types import SearchFilters  # noqa: E402

BATCH = 2000


def mixed_queries(count: int, seed: int = 17) -> list[str]:
    """English with typos and provinces, Khmer as usual and misspelt, shuffled together."""
    usual, misspelt = khmer_queries(count // 5)
    queries = typo_queries(count - 2 * len(usual)) + usual + misspelt
    random.Random(seed).shuffle(queries)
    return queries


def fill_postgres(n: int) -> float:
    """The same synthetic openings as search_document rows and their terms; seconds taken."""
    started = time.perf_counter()
    rows = []
    for document in opening_documents(n):
        rows.append(pg_index.row_for_document(document)[0])
        if len(rows) == BATCH:
            db.session.execute(insert(SearchDocument).values(rows))
            rows = []
    if rows:
        db.session.execute(insert(SearchDocument).values(rows))
    db.session.commit()
    pg_index.recount_terms()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="openings in each backend")
    parser.add_argument("--queries", type=int, default=400, help="queries timed on each")
    parser.add_argument("--database-url", required=True, help="a scratch PostgreSQL database")
    args = parser.parse_args(argv)
    queries = mixed_queries(args.queries)
    filters = SearchFilters(today=TODAY)
    rows = []
    with tempfile.TemporaryDirectory(prefix="phlov-bench-") as tmp:
        _making, indexing, _cpu = build(Path(tmp), args.n)
        with whoosh_index.open_dir(tmp).searcher() as searcher:
            warm_up(searcher)
            times = timed(lambda text: search(searcher, text, filters).ids, queries)
        rows.append(("whoosh", indexing, times))
    with scratch_app("phlov-bench-", args.database_url, "postgres"):
        filling = fill_postgres(args.n)
        settle()
        warm_up()
        pg_engine.run_query("", filters)
        times = timed(lambda text: _pg_query(text, filters), queries)
        rows.append(("postgres", filling, times))
    print(f"{args.n} openings, {len(queries)} mixed queries (English typos, Khmer, provinces)")
    print(f"{'backend':10} {'built s':>8} {'answered':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, seconds, (times_ms, answered) in rows:
        p50, p95 = percentiles(times_ms)
        print(f"{name:10} {seconds:>8.1f} {answered:>8} {p50:>8.1f} {p95:>8.1f}")
    return 0


def _pg_query(text: str, filters: SearchFilters) -> list[int]:
    """One search as a request runs it: its own transaction, ended afterwards."""
    try:
        return pg_engine.run_query(text, filters).ids
    finally:
        db.session.rollback()


if __name__ == "__main__":
    sys.exit(main())
