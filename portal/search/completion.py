"""Completing the word being typed, for the search box's suggestions as you type ("moto" ->
"motorbike"): a word half typed matches nothing yet, a completed one does.

The words come from the search vocabulary (data/vocabulary.csv: English words and Khmer terms),
which both backends plan their queries with, so the answer is the same on Whoosh and on
PostgreSQL. Not from the index's own words: the index also holds drafts and openings of
organizations no counselor has verified, whose words must not show to whoever types."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache


def complete(start: str, limit: int = 3) -> list[str]:
    """Words that begin with `start` (not `start` itself), shortest first, at most `limit`."""
    words, start = _vocabulary_words(), start.casefold()
    if not start:
        return []
    found = []
    for word in words[bisect_left(words, start) :]:
        if not word.startswith(start):
            break
        if word != start:
            found.append(word)
    return sorted(found, key=len)[:limit]


@cache
def _vocabulary_words() -> tuple[str, ...]:
    from portal.search.vocabulary import concepts

    words = set()
    for concept in concepts():
        for term in concept.english:
            words.update(term.casefold().split())
        words.update(term.replace(" ", "") for term in concept.khmer)
    return tuple(sorted(words))
