"""What a search asks for and what it answers: plain data, no Whoosh, no HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass(frozen=True)
class SearchFilters:
    """Everything but the words. `province` is a code: callers resolve spellings first."""

    kind: str | None = None
    province: str | None = None
    organization_id: int | None = None
    min_salary_usd: int | None = None
    published_since: datetime | None = None  # UTC, naive: published at or after this moment
    include_closed: bool = False  # closed and expired openings are hidden unless asked
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    per_page: int = 20
    today: date | None = None  # "expired" is judged on this day (default: today)


@dataclass(frozen=True)
class Hit:
    opening_id: int
    score: float


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    # {"kind": {"job": 12, ...}, "province": {"12": 40, ...}}
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    did_you_mean: str | None = None  # the corrected query, when words were corrected
    # a province code recognised in the words, removed from them and applied as a filter
    province_from_text: str | None = None
    text_used: str = ""  # the words searched after removing the province

    @property
    def ids(self) -> list[int]:
        return [hit.opening_id for hit in self.hits]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))
