"""The load bench's portal: bench/synthetic's openings written to a database as rows (bulk inserts,
then one reindex through `flask search reindex`, whichever search backend is chosen).

Dates are moved to today, so most published openings are open and public, as on a real portal."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from bench.synthetic import opening_documents
from portal.extensions import db
from portal.jobs.models import Opening
from portal.orgs.models import Organization

ORGANIZATIONS = 4000  # synthetic.opening_document spreads openings over this many
CHUNK = 5000  # rows per INSERT (SQLite and psycopg both take them as executemany)


def fill(n_openings: int, today: date | None = None) -> None:
    """Write `n_openings` synthetic openings (and their verified organizations), then commit."""
    today = today or date.today()
    now = datetime.combine(today, datetime.min.time()) + timedelta(hours=8)
    db.session.execute(insert(Organization), _organizations(min(n_openings, ORGANIZATIONS), now))
    rows, rng = [], random.Random(18)
    for document in opening_documents(n_openings, now=now):
        rows.append(_opening(rng, document, today))
        if len(rows) == CHUNK:
            db.session.execute(insert(Opening), rows)
            rows = []
    if rows:
        db.session.execute(insert(Opening), rows)
    db.session.commit()


def reindex(app) -> str:
    """Build the search index of what `fill` wrote, as an administrator would."""
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    if result.exit_code != 0:
        raise RuntimeError(f"flask search reindex failed: {result.output}")
    return result.output.strip()


def _organizations(count: int, now: datetime) -> list[dict]:
    return [
        {"id": n, "name": f"Bench employer {n}", "province_code": "12", "verified_at": now}
        for n in range(1, count + 1)
    ]


def _opening(rng: random.Random, document: dict, today: date) -> dict:
    """A row of `opening` from a synthetic document; published ones mostly still open."""
    created = document["created_at"]
    closing = today + timedelta(days=rng.randint(-5, 90)) if rng.random() < 0.9 else None
    salary = document["salary_min_usd"] or None
    status = document["status"]
    return {
        "id": int(document["id"]),
        "organization_id": 1 + (int(document["id"]) - 1) % ORGANIZATIONS,
        "ref": document["ref"],
        "kind": document["kind"],
        "title": document["title"],
        "description": document["description"],
        "skills": document["skills"].split(" ; "),
        "province_code": document["province"],
        "salary_min": salary,
        "currency": "USD" if salary else None,
        "closing_date": closing,
        "status": status,
        "created_at": created,
        "updated_at": created,
        "published_at": document["published_at"] if status in ("published", "closed") else None,
    }
