"""The query engine: `run_query(text, filters) -> SearchResult` over the current index.

1. The province written among the words is taken out and becomes the province filter.
2. The other words become groups of alternatives (typo corrections, vocabulary synonyms, Khmer
   words inside longer ones; expansion.py); an opening must match every group.
3. Filters (status, closing date, kind, province, organization, salary) are checked on columns
   read once per index generation (catalog.py), facets are counted over the whole answer, and
   only the page asked for is ranked (scoring.py) and returned.
An empty query lists every matching published opening, newest first.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from whoosh.searching import Searcher

from portal.search.catalog import SETS_KEPT, Catalog, catalog_for, common_to, union_of
from portal.search.expansion import Group, plan, vocabulary
from portal.search.query_parse import ParsedText, joined, parse_text, without_stopwords
from portal.search.schema import Moment
from portal.search.scoring import any_group, best_tier, matching, scores
from portal.search.types import Hit, SearchFilters, SearchResult, Sort

MAX_QUERY_CHARS = 200  # longer text is cut (the API refuses it; a search box never sends it)
MAX_QUERY_WORDS = 12
PUBLIC = frozenset({"published"})
PUBLIC_OR_CLOSED = frozenset({"published", "closed"})


def run_query(text: str, filters: SearchFilters) -> SearchResult:
    """Openings matching `text` and `filters` in the current index (caught up with the
    database first, without waiting for a writer)."""
    from portal.search.pg_index import is_postgres_backend

    if is_postgres_backend():
        from portal.search.pg_engine import run_query as run_on_postgres

        return run_on_postgres(text, filters)
    from portal.search.sync import searcher

    return search(searcher(), text, filters)


def warm_up(searcher: Searcher | None = None) -> None:
    """Load now what the first search would (khmercut's model, the vocabulary, province names,
    and with a searcher the index's catalog and public openings): ~1 s at 50,000 openings."""
    from portal.search.analysis import warm_up as load_khmercut

    load_khmercut()
    vocabulary()
    parse_text("phnom penh")
    if searcher is not None:
        search(searcher, "", SearchFilters())


def search(searcher: Searcher, text: str, filters: SearchFilters) -> SearchResult:
    """The same on a given Whoosh searcher (tests and the bench build their own index)."""
    catalog = catalog_for(searcher)
    parsed, words, result = understand(text, filters, catalog)
    allowed = _allowed(catalog, filters, result.province_from_text)
    if not words:
        return _listing(catalog, filters, allowed, result)
    groups = plan(words, catalog)
    docs, used = matching(catalog, groups)
    docs = docs[allowed[docs]]
    if not len(docs) and len(used) > 1:  # no opening has every word: the ones with the most
        docs = any_group(catalog, used)
        docs = docs[allowed[docs]]
    result.did_you_mean = did_you_mean(text, parsed, groups)
    return _ranked(catalog, filters, docs, used, result)


def understand(text: str, filters: SearchFilters, lexicon) -> tuple[ParsedText, list, SearchResult]:
    """The query's words with the province among them taken out, and the result to fill
    (both backends; `lexicon` is a Catalog or the PostgreSQL backend's PgLexicon)."""
    known = vocabulary().known
    parsed = parse_text(
        (text or "")[:MAX_QUERY_CHARS],
        is_known_word=lambda term: term in known or term in lexicon.document_frequency,
    )
    province_from_text = parsed.province if parsed.province and not filters.province else None
    words = without_stopwords(parsed.words)[:MAX_QUERY_WORDS]
    result = SearchResult(hits=[], total=0, page=filters.page, per_page=filters.per_page)
    result.province_from_text = province_from_text
    result.text_used = joined(words)
    return parsed, words, result


def _allowed(catalog: Catalog, filters: SearchFilters, province_from_text: str | None):
    """Whether a search may answer each document (a boolean array by document number):
    public (or closed, when asked), not expired, and passing every filter. Deleted documents
    have no status and are never allowed."""
    key = (_filters_key(filters), province_from_text)
    memo = catalog.memo("allowed", size=SETS_KEPT)
    if key not in memo:
        allowed = np.zeros(max(1, catalog.size), bool)
        allowed[_allowed_docs(catalog, filters, filters.province or province_from_text)] = True
        memo[key] = allowed
    return memo[key]


def _allowed_docs(catalog: Catalog, filters: SearchFilters, province: str | None):
    statuses = PUBLIC_OR_CLOSED if filters.include_closed else PUBLIC
    sets = [union_of([catalog.docs_where("status", status) for status in sorted(statuses)])]
    if not filters.include_closed:
        today = (filters.today or date.today()).toordinal()
        sets.append(catalog.docs_at_least("closing_date", today, none=0))
    if filters.kind:
        sets.append(catalog.docs_where("kind", filters.kind))
    if province:
        sets.append(catalog.docs_where("province", province))
    if filters.organization_id is not None:
        sets.append(catalog.docs_where("organization_id", filters.organization_id))
    if filters.min_salary_usd:
        sets.append(catalog.docs_at_least("salary_min_usd", filters.min_salary_usd))
    if filters.published_since is not None:
        since = Moment().to_column_value(filters.published_since)
        sets.append(catalog.docs_at_least("published_at", since))
    return common_to(sorted(sets, key=len))


def _listing(catalog: Catalog, filters, allowed, result: SearchResult) -> SearchResult:
    """No words: every matching opening, newest first."""
    key = (_filters_key(filters), result.province_from_text)
    memo = catalog.memo("listings", size=SETS_KEPT)
    if key not in memo:
        newest = catalog.newest_first
        ordered = newest[allowed[newest]]
        memo[key] = ordered.tolist(), _facets(catalog, ordered)
    ordered, facets = memo[key]
    return _page(catalog, filters, ordered, result, None, facets=facets)


def _ranked(catalog: Catalog, filters, docs: np.ndarray, groups: list[Group], result):
    """Only the best `_wanted` of `docs` (sorted document numbers) are put in order, in numpy:
    a common word matches thousands of openings at national scale."""
    published, ids = catalog.array("published_at"), catalog.array("id")
    wanted = _wanted(filters, docs)
    if filters.sort == Sort.NEWEST:
        ordered = _top(wanted, docs, ids[docs], published[docs])
        scored, values = scores(catalog, groups, np.sort(ordered))
    else:
        tier, best = best_tier(catalog, groups, docs)
        if len(tier) >= wanted:  # the page is made of openings nothing can rank above
            ordered = _top(wanted, tier, ids[tier], published[tier])
            doc_scores = dict.fromkeys(ordered.tolist(), best)
            return _page(catalog, filters, ordered.tolist(), result, doc_scores, counted=docs)
        scored, values = scores(catalog, groups, docs)
        ordered = _top(wanted, scored, ids[scored], published[scored], np.round(values, 6))
    kept = values[np.searchsorted(scored, ordered)]  # the scores of those put in order only
    doc_scores = dict(zip(ordered.tolist(), kept.tolist(), strict=True))
    return _page(catalog, filters, ordered.tolist(), result, doc_scores, counted=docs)


def _top(count: int, docs: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """The `count` docs with the largest keys (the last key first, then the others, then the
    document number), best first. Only the ties of the last one kept are sorted with them.
    The first key is the opening id: ties never depend on the order documents were indexed in
    (which differs between a rebuilt index and one kept up to date, and between backends)."""
    if count < len(docs):
        primary = keys[-1]
        cut = np.partition(primary, len(primary) - count)[len(primary) - count]
        keep = primary >= cut
        docs, keys = docs[keep], tuple(key[keep] for key in keys)
    return docs[np.lexsort((docs, *keys))[::-1][:count]]


def _wanted(filters: SearchFilters, docs) -> int:
    """How many of the best documents the page asked for needs."""
    return min(len(docs), max(1, filters.page) * max(1, filters.per_page))


def _page(catalog, filters, ordered, result, scores, counted=None, facets=None) -> SearchResult:
    per_page = max(1, filters.per_page)
    start = (max(1, filters.page) - 1) * per_page
    page = ordered[start : start + per_page]
    ids = catalog.opening_ids
    result.hits = [Hit(ids[d], round(scores[d], 4) if scores else 0.0) for d in page]
    counted = ordered if counted is None else counted
    result.total = len(counted)
    result.facets = facets if facets is not None else _facets(catalog, counted)
    return result


def _facets(catalog: Catalog, docs: np.ndarray) -> dict[str, dict[str, int]]:
    """How many of `docs` (document numbers) there are of each kind and in each province, most
    first."""
    return {"kind": catalog.counts("kind", docs), "province": catalog.counts("province", docs)}


def _filters_key(filters: SearchFilters) -> tuple:
    return (
        filters.kind, filters.province, filters.organization_id, filters.min_salary_usd,
        filters.include_closed, filters.today or date.today(), filters.published_since,
    )  # fmt: skip


def did_you_mean(text: str, parsed: ParsedText, groups: list[Group]) -> str | None:
    """The query with its corrected words replaced, when some were corrected. Khmer words
    typed together share a span: a correction of some of them replaces only those."""
    from portal.search.analysis import fold

    folded = fold(text)
    edits: dict[tuple[int, int], str] = {}
    for group in groups:
        if not group.correction:
            continue
        start, end = group.span
        if group.replaces:
            written = edits.get(group.span, folded[start:end])
            edits[group.span] = written.replace(group.replaces, group.correction, 1)
        else:
            edits[group.span] = group.correction
    if not edits:
        return None
    typed = " ".join(folded.split())
    for (start, end), correction in sorted(edits.items(), reverse=True):
        folded = folded[:start] + correction + folded[end:]
    meant = " ".join(folded.split())
    return meant if meant != typed else None
