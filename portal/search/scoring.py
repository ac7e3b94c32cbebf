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
from collections.abc import Iterable

from portal.search.catalog import Catalog
from portal.search.expansion import Alternative, Group
from portal.search.schema import FIELD_WEIGHTS

_FIELDS_BY_WEIGHT = sorted(FIELD_WEIGHTS.items(), key=lambda item: item[1])


def slot_docs(catalog: Catalog, slot: frozenset[str]) -> frozenset[int]:
    if len(slot) == 1:
        return catalog.docs_with(next(iter(slot)))
    return frozenset().union(*(catalog.docs_with(term) for term in slot))


def alternative_docs(catalog: Catalog, alternative: Alternative) -> frozenset[int]:
    found = None
    for slot in sorted(alternative.slots, key=len):
        docs = slot_docs(catalog, slot)
        found = docs if found is None else found & docs
        if not found:
            return frozenset()
    return found or frozenset()


def group_docs(catalog: Catalog, group: Group) -> frozenset[int]:
    docs = [alternative_docs(catalog, alt) for alt in group.alternatives]
    return frozenset().union(*docs) if docs else frozenset()


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


def scores(catalog: Catalog, groups: list[Group], docs: set[int]) -> dict[int, float]:
    """The score of each of `docs` (see the module docstring)."""
    matched = dict.fromkeys(docs, 0)
    exact = dict.fromkeys(docs, 0)
    found = dict.fromkeys(docs, 0.0)
    size = max(1, catalog.size)
    for group in groups:
        rarity = math.log(1 + size / (1 + len(group_docs(catalog, group))))
        best: dict[int, tuple[bool, float]] = {}
        for alternative in group.alternatives:
            for doc, where in _alternative_scores(catalog, alternative, docs).items():
                value = (alternative.exact, where * alternative.weight)
                if value > best.get(doc, (False, 0.0)):
                    best[doc] = value
        for doc, (is_exact, where) in best.items():
            matched[doc] += 1
            exact[doc] += is_exact
            found[doc] += where * rarity
    return {d: 1000 * matched[d] + 10 * exact[d] + found[d] / (1 + found[d]) for d in docs}


def _alternative_scores(catalog: Catalog, alternative: Alternative, docs: set[int]):
    """For each doc having the alternative: where its words were found (field weights)."""
    matched = alternative_docs(catalog, alternative) & docs
    if not matched:
        return {}
    summed = dict.fromkeys(matched, 0.0)
    for slot in alternative.slots:
        for doc, weight in _where_found(catalog, slot, matched).items():
            summed[doc] += weight
    count = len(alternative.slots)
    return {doc: value / count for doc, value in summed.items()}


def _where_found(catalog: Catalog, slot: Iterable[str], docs) -> dict[int, float]:
    """For each doc, the weight of the best field holding one of the slot's terms."""
    found: dict[int, float] = {}
    for fieldname, weight in _FIELDS_BY_WEIGHT:  # heavier fields last: they overwrite
        for term in slot:
            found.update(dict.fromkeys(catalog.postings(fieldname, term) & docs, weight))
    return found
