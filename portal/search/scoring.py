"""Which documents match the groups of a query, and how well.

Matching is set algebra over cached posting sets (catalog.py): an alternative needs every slot,
a group any alternative, the query every group. Documents are ranked, in this order, by
1. how many groups they match (all of them, unless none matches all),
2. how many groups they match without a typo correction (as Meilisearch ranks typos first),
3. where the words were found (title 3, skills 2, organization 1.2, description 0.6), times the
   weight of the alternative (synonyms below the words typed) and how rare the group is (idf).
The three make one number, the score: 1000 per group, 10 per exact group, and the last in [0, 1).
"""

from __future__ import annotations

import math

import numpy as np

from portal.search.catalog import Catalog
from portal.search.expansion import Alternative, Group
from portal.search.schema import FIELD_WEIGHTS

_FIELDS_BY_WEIGHT = sorted(FIELD_WEIGHTS.items(), key=lambda item: item[1])


def slot_docs(catalog: Catalog, slot: frozenset[str]) -> frozenset[int]:
    if len(slot) == 1:
        return catalog.docs_with(next(iter(slot)))
    return catalog.kept(
        ("slot", slot), lambda: frozenset().union(*(catalog.docs_with(term) for term in slot))
    )


def alternative_docs(catalog: Catalog, alternative: Alternative) -> frozenset[int]:
    """Documents having every slot of the alternative (kept: queries share alternatives)."""
    key = ("alternative", alternative.slots)
    return catalog.kept(key, lambda: _all_slots(catalog, alternative))


def _all_slots(catalog: Catalog, alternative: Alternative) -> frozenset[int]:
    found = None
    for slot in sorted(alternative.slots, key=len):
        docs = slot_docs(catalog, slot)
        found = docs if found is None else found & docs
        if not found:
            return frozenset()
    return found or frozenset()


def group_docs(catalog: Catalog, group: Group) -> frozenset[int]:
    def union() -> frozenset[int]:
        docs = [alternative_docs(catalog, alt) for alt in group.alternatives]
        return frozenset().union(*docs) if docs else frozenset()

    return catalog.kept(("group", tuple(alt.slots for alt in group.alternatives)), union)


def matching(catalog: Catalog, groups: list[Group]) -> tuple[set[int], list[Group]]:
    """Documents matching every group that matches something (a word found nowhere is left
    out rather than emptying the answer), and those groups. Nothing when no group matches."""
    found: set[int] | None = None
    used = []
    for group in groups:
        docs = group_docs(catalog, group)
        if not docs:
            continue
        used.append(group)
        found = set(docs) if found is None else found & docs
    return found or set(), used


def any_group(catalog: Catalog, groups: list[Group]) -> set[int]:
    """Documents matching at least one group (when no document matches them all)."""
    found: set[int] = set()
    for group in groups:
        found |= group_docs(catalog, group)
    return found


def scores(catalog: Catalog, groups: list[Group], docs) -> tuple[np.ndarray, np.ndarray]:
    """`docs` (a set, or a sorted array) as a sorted array of document numbers, and the score
    of each (see the module docstring). Vectorised over `docs` alone: a common word matches
    thousands of openings at national scale, and neither the work nor the arrays grow with the
    whole index."""
    docs = docs if isinstance(docs, np.ndarray) else doc_array(docs)
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
    tier, exact, weighed = found, 0, 0.0
    title = FIELD_WEIGHTS["title"]
    for group in groups:
        held = [a for a in group.alternatives if len(_alternative_array(catalog, a))]
        if not held:
            return found[:0], 0.0
        top = max((a.exact, a.weight) for a in held)
        best = [_title_array(catalog, a) for a in held if (a.exact, a.weight) == top]
        in_title = best[0] if len(best) == 1 else np.union1d(best[0], np.concatenate(best[1:]))
        tier = np.intersect1d(tier, in_title, assume_unique=True)
        rarity = math.log(1 + size / (1 + len(group_docs(catalog, group))))
        exact += top[0]
        weighed += title * top[1] * rarity  # as scores() adds it up: the same float
    return tier, 1000 * len(groups) + 10 * exact + weighed / (1 + weighed)


def _title_array(catalog: Catalog, alternative: Alternative) -> np.ndarray:
    """Documents holding each slot of the alternative in their title (sorted)."""

    def compute() -> np.ndarray:
        found = None
        for slot in alternative.slots:
            docs = np.unique(
                np.concatenate([catalog.posting_array("title", term) for term in slot])
            )
            found = docs if found is None else np.intersect1d(found, docs, assume_unique=True)
        return found if found is not None else np.zeros(0, np.int64)

    return catalog.kept(("title array", alternative.slots), compute)


def doc_array(docs) -> np.ndarray:
    """Document numbers (a set or a list) as a sorted numpy array."""
    found = np.fromiter(docs, np.int64, len(docs))
    found.sort()
    return found


def _alternative_scores(catalog: Catalog, alternative: Alternative, position, where_found):
    """Where in the scored docs the alternative is found (their indexes), and where its words
    were found in each (the field weights, averaged over its slots)."""
    hit = _among(position, _alternative_array(catalog, alternative))
    summed = np.zeros(len(hit))
    for slot in alternative.slots:
        summed += where_found(slot)[hit]
    return hit, summed / len(alternative.slots)


def _alternative_array(catalog: Catalog, alternative: Alternative) -> np.ndarray:
    key = ("alternative array", alternative.slots)
    return catalog.kept(key, lambda: doc_array(alternative_docs(catalog, alternative)))


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
                    found[_among(self.position, self.catalog.posting_array(fieldname, term))] = (
                        weight
                    )
        return found
