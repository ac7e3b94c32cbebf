"""The search box completes the word being typed through `portal.search.complete` (issue 19):
the same words on both backends (TEST_SEARCH_BACKEND=postgres runs this on PostgreSQL's)."""

from __future__ import annotations

from portal import search


def test_a_half_typed_word_is_completed_shortest_first(ctx):
    found = search.complete("moto")
    assert "motorbike" in found
    assert found == sorted(found, key=len)
    assert all(word.startswith("moto") and word != "moto" for word in found)


def test_capitals_do_not_matter_and_the_limit_holds(ctx):
    assert search.complete("RECEP") == search.complete("recep")
    assert "receptionist" in search.complete("recep")
    assert len(search.complete("c", limit=2)) == 2


def test_khmer_terms_are_completed(ctx):
    found = search.complete("កាត់")
    assert found and all(word.startswith("កាត់") for word in found)


def test_nothing_to_complete(ctx):
    assert search.complete("") == []
    assert search.complete("zzzqx") == []
