"""A stand-in for `portal.search.query`, for tests of what pages and the API do with an answer
(the engine itself is tested in tests/search). The conftest.py of tests/api and tests/jobs
offer the fixture."""

from __future__ import annotations

import pytest

from portal.search import Hit, SearchFilters, SearchResult


class FakeSearch:
    """Answers every query with the openings given to `answer`, and remembers what it was asked."""

    def __init__(self):
        self.calls: list[tuple[str, SearchFilters]] = []
        self.result = SearchResult(hits=[], total=0, page=1, per_page=20)

    def answer(self, openings=(), total=None, **fields) -> None:
        hits = [Hit(opening.id, 10.0 - n) for n, opening in enumerate(openings)]
        total = len(hits) if total is None else total
        self.result = SearchResult(hits=hits, total=total, page=1, per_page=20, **fields)

    def __call__(self, text: str, filters: SearchFilters | None = None) -> SearchResult:
        filters = filters or SearchFilters()
        self.calls.append((text, filters))
        self.result.page, self.result.per_page = filters.page, filters.per_page
        return self.result

    @property
    def last(self) -> tuple[str, SearchFilters]:
        return self.calls[-1]


@pytest.fixture
def fake_search(monkeypatch) -> FakeSearch:
    fake = FakeSearch()
    monkeypatch.setattr("portal.search.query", fake)
    return fake
