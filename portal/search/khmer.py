"""Khmer words the index may hold in another cut.

khmercut decides word boundaries from the letters around them, so a title can be cut
differently from the same words typed alone in a query ("ជំនួយការគិលានុបដ្ឋាក" stays one word,
"គិលានុបដ្ឋាក" is another). Instead of correcting Khmer letter by letter (one letter apart are
often two different words), a Khmer word also matches the index words that contain it, and a
Khmer word the index does not hold matches the index words it can be cut into.
"""

from __future__ import annotations

from portal.search.catalog import Catalog

MIN_INSIDE = 3  # Khmer words shorter than this (code points) are only matched whole
INSIDE_KEPT = 40  # containing words kept per word, most common first
LONGEST_WORD = 30  # code points, when cutting a word into index words


def widened(catalog: Catalog, term: str) -> frozenset[str]:
    """`term` and the index words containing it (only `term` when it is short)."""
    if len(term) < MIN_INSIDE:
        return frozenset({term})
    return frozenset({term, *words_containing(catalog, term)})


def words_containing(catalog: Catalog, term: str) -> list[str]:
    """The index's Khmer words containing `term`, most common first (kept per generation)."""
    memo = catalog.memo("khmer_inside")
    if term not in memo:
        frequency = catalog.document_frequency
        longer = catalog.khmer_terms_containing(term)
        longer.sort(key=lambda w: -frequency[w])
        memo[term] = longer[:INSIDE_KEPT]
    return memo[term]


def cut_into_known(catalog: Catalog, text: str) -> list[str]:
    """`text` cut into the fewest index words, or [] when it cannot be cut into two or more."""
    memo = catalog.memo("khmer_cut")
    if text not in memo:
        memo[text] = _fewest_words(text, catalog.terms_among(_pieces(text)))
    return memo[text]


def _pieces(text: str) -> set[str]:
    """Every piece of `text` a word of the index could be (what `_fewest_words` looks up)."""
    return {
        text[start:end]
        for end in range(1, len(text) + 1)
        for start in range(max(0, end - LONGEST_WORD), end)
    }


def _fewest_words(text: str, known) -> list[str]:
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            if best[start] is not None and text[start:end] in known:
                candidate = [*best[start], text[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    found = best[len(text)]
    return found if found and len(found) > 1 else []
