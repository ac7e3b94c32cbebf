"""Which documents match the groups of a query, and how well.

Matching is set algebra over cached posting arrays (catalog.py: sorted document numbers): an
alternative needs every slot, a group any alternative, the query every group. Documents are
ranked, in this order, by
1. how many groups they match (all of them, unless none matches all),
2. how many groups they match without a typo correction (as Meilisearch ranks typos first),
3. where the words were found (title 3, skills 2, organization 1.2, description 0.6), times the
   weight of the alternative (synonyms below the words typed) and how rare the group is (idf).
The three make one number, the score: 1000 per group, 10 per exact group, and the last in [0, 1).
"""

from __future__ import annotations

import math

import numpy as np

from portal.search.catalog import NO_DOCS, Catalog, common, common_to, union_of
from portal.search.expansion import Alternative, Group
from portal.search.schema import FIELD_WEIGHTS

_FIELDS_BY_WEIGHT = sorted(FIELD_WEIGHTS.items(), key=lambda item: item[1])


def slot_docs(catalog: Catalog, slot: frozenset[str]) -> np.ndarray:
    if len(slot) == 1:
        return catalog.docs_with(next(iter(slot)))
    return catalog.kept(
        ("slot", slot), lambda: union_of([catalog.docs_with(term) for term in slot])
    )


def alternative_docs(catalog: Catalog, alternative: Alternative) -> np.ndarray:
    """Documents having every slot of the alternative (kept: queries share alternatives)."""
    key = ("alternative", alternative.slots)
    return catalog.kept(key, lambda: _all_slots(catalog, alternative))


def _all_slots(catalog: Catalog, alternative: Alternative) -> np.ndarray:
    slots = sorted(alternative.slots, key=len)
    return common_to(slot_docs(catalog, slot) for slot in slots)


def group_docs(catalog: Catalog, group: Group) -> np.ndarray:
    def union() -> np.ndarray:
        return union_of([alternative_docs(catalog, alt) for alt in group.alternatives])

    return catalog.kept(("group", tuple(alt.slots for alt in group.alternatives)), union)


def matching(catalog: Catalog, groups: list[Group]) -> tuple[np.ndarray, list[Group]]:
    """Documents matching every group that matches something (a word found nowhere is left
    out rather than emptying the answer), and those groups. Nothing when no group matches."""
    found = None
    used = []
    for group in groups:
        docs = group_docs(catalog, group)
        if not len(docs):
            continue
        used.append(group)
        found = docs if found is None else common(found, docs)
    return NO_DOCS if found is None else found, used


def any_group(catalog: Catalog, groups: list[Group]) -> np.ndarray:
    """Documents matching at least one group (when no document matches them all)."""
    return union_of([group_docs(catalog, group) for group in groups])


def scores(catalog: Catalog, groups: list[Group], docs: np.ndarray):
    """`docs` (sorted document numbers) and the score of each (see the module docstring).
    Vectorised over `docs` alone: a common word matches thousands of openings at national
    scale, and neither the work nor the arrays grow with the whole index."""
    position = np.full(max(1, catalog.size), -1, np.int32)  # document number -> index in docs
    position[docs] = np.arange(len(docs), dtype=np.int32)
    size, count = max(1, catalog.size), len(docs)
    matched = np.zeros(count, np.int64)
    exact = np.zeros(count, np.int64)
    found = np.zeros(count)
    where_found = _WhereFound(catalog, position, count)
    for group in groups:
        rarity = math.log(1 + size / (1 + len(group_docs(catalog, group))))
        best_exact, best_where = np.zeros(count, bool), np.zeros(count)
        has_best = np.zeros(count, bool)
        for alternative in group.alternatives:
            hit, where = _alternative_scores(catalog, alternative, position, where_found)
            value = where * alternative.weight
            if alternative.exact:  # (exact, where) compared as a tuple, as people rank typos
                better = ~best_exact[hit] | (value > best_where[hit])
            else:
                better = ~best_exact[hit] & (value > best_where[hit])
            chosen = hit[better]
            best_exact[chosen] = alternative.exact
            best_where[chosen] = value[better]
            has_best[chosen] = True
        matched += has_best
        exact += best_exact & has_best
        found[has_best] += best_where[has_best] * rarity
    return docs, 1000 * matched + 10 * exact + found / (1 + found)


def best_tier(catalog: Catalog, groups: list[Group], found: np.ndarray) -> tuple[np.ndarray, float]:
    """Those of `found` (a sorted array of document numbers) scoring the most any document can,
    and that score: every group matched through its best alternatives (exact before corrected,
    then the heaviest) that some document holds, with all their words in the title. When they
    fill the page, nothing else needs scoring: a common word matches thousands of openings at
    national scale, and the newest of those holding it in their title are the page."""
    size = max(1, catalog.size)
    tier, tops = found, []
    for group in groups:
        held = [a for a in group.alternatives if len(alternative_docs(catalog, a))]
        if not held:
            return found[:0], 0.0
        top, best = top_alternatives(held)
        tier = common(tier, union_of([_title_array(catalog, a) for a in best]))
        tops.append((top, math.log(1 + size / (1 + len(group_docs(catalog, group))))))
    return tier, best_score(tops)


def top_alternatives(alternatives: list[Alternative]) -> tuple[tuple[bool, float], list]:
    """The best of a group's alternatives, those a document scores the most through: exact
    before corrected, then the heaviest (ties all kept); and that (exact, weight)."""
    top = max((a.exact, a.weight) for a in alternatives)
    return top, [a for a in alternatives if (a.exact, a.weight) == top]


def best_score(tops: list[tuple[tuple[bool, float], float]]) -> float:
    """The score of a document matching every group through its top alternative ((exact,
    weight), rarity) with every word in its title: the most any document can score (both
    backends' best page). The title's weight times the alternative's, then the rarity, as
    scores() multiplies them: the same float."""
    exact, weighed = 0, 0.0
    for (is_exact, weight), rarity in tops:
        exact += is_exact
        weighed += FIELD_WEIGHTS["title"] * weight * rarity
    return 1000 * len(tops) + 10 * exact + weighed / (1 + weighed)


def _title_array(catalog: Catalog, alternative: Alternative) -> np.ndarray:
    """Documents holding each slot of the alternative in their title (sorted)."""

    def compute() -> np.ndarray:
        slots = alternative.slots
        return common_to(union_of([catalog.postings("title", t) for t in slot]) for slot in slots)

    return catalog.kept(("title array", alternative.slots), compute)


def _alternative_scores(catalog: Catalog, alternative: Alternative, position, where_found):
    """Where in the scored docs the alternative is found (their indexes), and where its words
    were found in each (the field weights, averaged over its slots)."""
    hit = _among(position, alternative_docs(catalog, alternative))
    summed = np.zeros(len(hit))
    for slot in alternative.slots:
        summed += where_found(slot)[hit]
    return hit, summed / len(alternative.slots)


def _among(position: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """The indexes, among the scored docs, of those of `documents` that are scored."""
    found = position[documents]
    return found[found >= 0]


class _WhereFound:
    """For each scored doc, the weight of the best field holding one of a slot's terms; each
    slot worked out once per query (a word's alternatives share slots)."""

    def __init__(self, catalog: Catalog, position: np.ndarray, count: int) -> None:
        self.catalog, self.position, self.count = catalog, position, count
        self.known: dict[frozenset[str], np.ndarray] = {}

    def __call__(self, slot: frozenset[str]) -> np.ndarray:
        found = self.known.get(slot)
        if found is None:
            found = self.known[slot] = np.zeros(self.count)
            for fieldname, weight in _FIELDS_BY_WEIGHT:  # heavier fields last: they overwrite
                for term in slot:
                    found[_among(self.position, self.catalog.postings(fieldname, term))] = weight
        return found
