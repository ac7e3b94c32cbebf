"""The Whoosh schema of the openings index. Text fields share one analyzer (analysis.py)."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema

from portal.search.analysis import text_analyzer


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        ref=ID(stored=True),
        kind=ID(stored=True),
        status=ID(stored=True),
        province=ID(stored=True),
        organization_id=NUMERIC(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=3.0),
        skills=TEXT(analyzer=analyzer, field_boost=2.0),
        organization=TEXT(analyzer=analyzer, stored=True),
        description=TEXT(analyzer=analyzer),
        salary_min_usd=NUMERIC(stored=True),
        closing_date=DATETIME(stored=True),
        created_at=DATETIME(stored=True, sortable=True),
        published_at=DATETIME(stored=True, sortable=True),
    )
