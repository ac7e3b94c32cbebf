"""The Whoosh schema of the openings index.

Text fields (title, skills, organization, description) share one analyzer (analysis.py) and keep
no positions: the engine never runs phrase queries. Everything else is a column (one value per
document), read once per index generation into plain lists by the engine (catalog.py), so filters,
facets and sorting cost no Whoosh query; columns are not indexed as terms, which keeps building
50,000 openings within a minute. Only `id` is indexed, for updates and deletes.
"""

from __future__ import annotations

from datetime import date, datetime

from whoosh import columns
from whoosh.fields import ID, STORED, TEXT, FieldType, Schema

from portal.search.analysis import text_analyzer

# How much a word found in each field counts (title first).
FIELD_WEIGHTS = {"title": 3.0, "skills": 2.0, "organization": 1.2, "description": 0.6}
TEXT_FIELDS = tuple(FIELD_WEIGHTS)
_EPOCH = datetime(1970, 1, 1)


class DocumentId(ID):
    """The opening id: indexed (updates and deletes find the document by it) and a number
    column (the engine maps document numbers to openings with it)."""

    def __init__(self) -> None:
        super().__init__(stored=True, unique=True, sortable=columns.NumericColumn("q", default=0))

    def to_column_value(self, value) -> int:
        return int(value)

    def from_column_value(self, value: int) -> int:
        return value


class Label(FieldType):
    """A short text (kind, status, province code): stored, and a column for filters and facets."""

    indexed = False
    scorable = False

    def __init__(self) -> None:
        self.stored = True
        self.column_type = columns.RefBytesColumn()

    def to_column_value(self, value: str) -> bytes:
        return str(value).encode("utf-8")

    def from_column_value(self, value: bytes) -> str:
        return value.decode("utf-8")


class Number(FieldType):
    """A whole number (organization id, salary in USD): stored, and a column."""

    indexed = False
    scorable = False

    def __init__(self) -> None:
        self.stored = True
        self.column_type = columns.NumericColumn("q", default=0)

    def to_column_value(self, value) -> int:
        return int(value or 0)

    def from_column_value(self, value: int) -> int:
        return value


class Day(Number):
    """A date or datetime, kept in the column as a day number (date.toordinal())."""

    def to_column_value(self, value: date | datetime | None) -> int:
        return value.toordinal() if value else 0


class Moment(Number):
    """A datetime (UTC), kept in the column as whole seconds since 1970."""

    def to_column_value(self, value: datetime | None) -> int:
        return int((value.replace(tzinfo=None) - _EPOCH).total_seconds()) if value else 0


def build_schema() -> Schema:
    """The schema of a new index (an existing index keeps the schema it was built with)."""
    analyzer = text_analyzer()
    return Schema(
        id=DocumentId(),
        ref=STORED(),
        kind=Label(),
        status=Label(),
        province=Label(),
        organization_id=Number(),
        title=TEXT(analyzer=analyzer, stored=True, phrase=False),
        skills=TEXT(analyzer=analyzer, phrase=False),
        organization=TEXT(analyzer=analyzer, phrase=False),
        description=TEXT(analyzer=analyzer, phrase=False),
        salary_min_usd=Number(),
        closing_date=Day(),
        created_at=Moment(),
        published_at=Moment(),
    )
