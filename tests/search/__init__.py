"""Tests of the search engine (portal/search)."""

import os

import pytest

ON_POSTGRES_SEARCH = os.environ.get("TEST_SEARCH_BACKEND") == "postgres"
whoosh_only = pytest.mark.skipif(
    ON_POSTGRES_SEARCH,
    reason="Whoosh's outbox and index directory (the suite runs on SEARCH_BACKEND=postgres); "
    "tests/search/test_pg_backend.py tells the same stories of the PostgreSQL backend",
)
