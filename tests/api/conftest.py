"""Fixtures of these tests."""

from tests.fake_search import fake_search  # noqa: F401  (a stand-in for portal.search.query)
