"""The PostgreSQL backend's queries (SEARCH_BACKEND=postgres): the same plan as the Whoosh
engine (engine.understand, expansion.plan over a PgLexicon), run in SQL.

- A group of alternatives is a tsquery: `(alternative) | (alternative)`, an alternative the AND
  of its slots, a slot the OR of its terms. The GIN index on `search_document.words` finds the
  documents matching every group (or, when none matches them all, any of them).
- Their score is scoring.py's, computed by the database: 1000 per group matched, 10 per group
  matched without a correction, and the fields the words were found in (a term restricted to
  weight A is in the title, B the skills, C the organization, D the description) times the
  alternative's weight and the group's rarity, in [0, 1).
- One statement returns the page asked for and the facets of the whole answer.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from datetime import date

from sqlalchemy import text

from portal.extensions import db
from portal.search import pg_counts
from portal.search.engine import (
    MAX_QUERY_CHARS,
    PUBLIC,
    PUBLIC_OR_CLOSED,
    did_you_mean,
    understand,
)
from portal.search.expansion import Alternative, Group, plan
from portal.search.pg_index import FIELD_LETTERS, quote
from portal.search.pg_lexicon import PgLexicon
from portal.search.query_parse import parse_words
from portal.search.schema import FIELD_WEIGHTS, Moment
from portal.search.scoring import best_score, top_alternatives
from portal.search.types import Hit, SearchFilters, SearchResult, Sort

# The title's words alone (weight A), as the expression index ix_search_document_title_words
# holds them: the openings with every word of a query in their title are found without reading
# the others (a common word is in thousands of descriptions).
TITLE_WORDS = f"ts_filter(words, '{{{FIELD_LETTERS['title'].lower()}}}')"
ESTIMATED_FROM = 10_000  # documents: from this many, the planner's count is close enough
# Scores equal to six decimals tie (then the newest first), as numpy's round(values, 6) makes
# them in the Whoosh engine: times 10^6, to the nearest integer, half to even (rint in both).
ROUNDED = "round(score * 1e6::float8)"
# Published in the same second (a batch): the later opening first, as the Whoosh engine does.
NEWEST_FIRST = "published_at DESC, opening_id DESC"


class Params:
    """Bound parameters of one statement, named as they are added."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def add(self, value, cast: str = "") -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f"CAST(:{name} AS {cast})" if cast else f":{name}"

    def tsquery(self, literal: str) -> str:
        return self.add(literal, "tsquery")


def run_query(text_typed: str, filters: SearchFilters) -> SearchResult:
    """Openings matching `text_typed` and `filters`, as engine.run_query answers them."""
    session = db.session
    lexicon = PgLexicon(session)
    lexicon.learn(word.term for word in parse_words((text_typed or "")[:MAX_QUERY_CHARS]))
    parsed, words, result = understand(text_typed, filters, lexicon)
    params = Params()
    allowed = _allowed(filters, result.province_from_text, params)
    if not words:
        return _run(session, filters, result, allowed, None, [], params)
    groups = plan(words, lexicon)
    result.did_you_mean = did_you_mean(text_typed, parsed, groups)
    used = _used_groups(session, lexicon, groups)
    if not used:
        result.facets = {"kind": {}, "province": {}}
        return result
    every = " & ".join(group_query(group) for group, _rarity in used)
    found = _run(session, filters, result, allowed, every, used, params)
    if found.total or len(used) < 2:
        return found
    # No opening has every word: the ones with the most.
    params = Params()
    allowed = _allowed(filters, result.province_from_text, params)
    any_of = " | ".join(group_query(group) for group, _rarity in used)
    return _run(session, filters, result, allowed, any_of, used, params)


# --- tsqueries ----------------------------------------------------------------------------------


def slot_query(slot, letters: str = "") -> str:
    """Any of the slot's terms (restricted to the fields of `letters`, when given)."""
    suffix = f":{letters}" if letters else ""
    return "(" + " | ".join(quote(term) + suffix for term in sorted(slot)) + ")"


def alternative_query(alternative: Alternative) -> str:
    return "(" + " & ".join(slot_query(slot) for slot in alternative.slots) + ")"


def group_query(group: Group) -> str:
    """The documents matching any alternative: those implied by another are left out."""
    return "(" + " | ".join(alternative_query(a) for a in _not_implied(group.alternatives)) + ")"


def _not_implied(alternatives: list[Alternative]) -> list[Alternative]:
    """The alternatives no other one covers. `a` implies `b` when each slot of `b` holds every
    term of some slot of `a`: a document matching `a` matches `b`. "ជាង & កាត់ដេរ" is implied by
    "កាត់ដេរ"; left in, the GIN index would walk the postings of ជាង, in thousands of openings."""
    kept: list[Alternative] = []
    for alternative in dict.fromkeys(alternatives):
        if not any(_implies(alternative, other) for other in kept):
            kept = [other for other in kept if not _implies(other, alternative)]
            kept.append(alternative)
    return kept


def _implies(a: Alternative, b: Alternative) -> bool:
    return all(any(slot <= other for slot in a.slots) for other in b.slots)


# --- which groups match, and how rare they are --------------------------------------------------


def _used_groups(session, lexicon: PgLexicon, groups: list[Group]) -> list[tuple[Group, float]]:
    """The groups some document matches (a word found nowhere is left out rather than emptying
    the answer), with their rarity, log(1 + documents / (1 + documents matching the group)),
    the documents matching it estimated from the terms' counts (`_estimate`: what Whoosh counts
    exactly would cost a scan of every matching document here)."""
    lexicon.learn(term for group in groups for term in _terms_of(group))
    groups = [_possible(lexicon, group) for group in groups]
    size = max(1, _documents(session))
    used = []
    for group in groups:
        if group.alternatives and _group_found(session, group):
            matching = min(_estimate(lexicon, group), size)
            used.append((group, math.log(1 + size / (1 + matching))))
    return used


def _estimate(lexicon: PgLexicon, group: Group) -> int:
    """The documents matching `group`, about: its most common alternative, an alternative as
    common as its rarest slot, a slot as its terms together."""
    return max(
        min(sum(lexicon.known[term] for term in slot) for slot in alternative.slots)
        for alternative in group.alternatives
    )


def _terms_of(group: Group) -> set[str]:
    return {term for a in group.alternatives for slot in a.slots for term in slot}


def _possible(lexicon: PgLexicon, group: Group) -> Group:
    """The group with only what some document holds: each slot's terms found somewhere, and the
    alternatives whose every slot has one. What is left out matches nothing, so the answer and
    its scores are the same, but the statements are shorter, and the best a document can score
    (`_best_possible`) is one some document may reach: a typo'd word as typed is in no document,
    and the page is then made of the openings holding its correction in their title."""
    alternatives = []
    for alternative in group.alternatives:
        slots = tuple(
            frozenset(term for term in slot if lexicon.known[term]) for slot in alternative.slots
        )
        if all(slots):
            alternatives.append(replace(alternative, slots=slots))
    return replace(group, alternatives=list(dict.fromkeys(alternatives)))


def _group_found(session, group: Group) -> bool:
    """Some document matches the group (whose terms are all in some document): surely when an
    alternative has one slot; otherwise asked of the GIN index (the first match is enough)."""
    if any(len(a.slots) == 1 for a in group.alternatives):
        return True
    params = Params()
    query = params.tsquery(group_query(group))
    sql = f"SELECT EXISTS (SELECT 1 FROM search_document WHERE words @@ {query})"
    return bool(session.scalar(text(sql), params.values))


def _documents(session) -> int:
    """How many documents there are: the planner's estimate once the table is big enough for
    it to be kept up to date by autovacuum, else counted."""
    estimate = session.scalar(
        text("SELECT reltuples::bigint FROM pg_class WHERE relname = 'search_document'")
    )
    if estimate and estimate >= ESTIMATED_FROM:
        return estimate
    return session.scalar(text("SELECT count(*) FROM search_document"))


# --- filters ------------------------------------------------------------------------------------


def _allowed(filters: SearchFilters, province_from_text: str | None, params: Params) -> str:
    """The SQL condition of engine._allowed_docs: public (or closed, when asked), not expired,
    and every filter."""
    statuses = PUBLIC_OR_CLOSED if filters.include_closed else PUBLIC
    if len(statuses) == 1:  # equality: the listing index then gives the newest first
        conditions = [f"status = {params.add(next(iter(statuses)))}"]
    else:
        conditions = [f"status = ANY({params.add(sorted(statuses))})"]
    if not filters.include_closed:
        conditions.append(f"closing_date >= {params.add(filters.today or date.today())}")
    if filters.kind:
        conditions.append(f"kind = {params.add(str(filters.kind))}")
    province = filters.province or province_from_text
    if province:
        conditions.append(f"province = {params.add(province)}")
    if filters.organization_id is not None:
        conditions.append(f"organization_id = {params.add(filters.organization_id)}")
    if filters.min_salary_usd:
        conditions.append(f"salary_min_usd >= {params.add(filters.min_salary_usd)}")
    if filters.published_since is not None:
        since = Moment().to_column_value(filters.published_since)
        conditions.append(f"published_at >= {params.add(since)}")
    return " AND ".join(conditions)


# --- scores -------------------------------------------------------------------------------------

_LETTERS_BY_WEIGHT = [(FIELD_WEIGHTS[name], letter) for name, letter in FIELD_LETTERS.items()]


def _where_found(slot, params: Params) -> str:
    """The weight of the heaviest field holding one of the slot's terms (scoring._where_found),
    0 when none does (one test then: most documents lack most slots). In float8, as numpy
    computes the Whoosh engine's scores (numeric, PostgreSQL's default for 3.0, is exact but
    several times slower to add and multiply)."""
    branches = " ".join(
        f"WHEN words @@ {params.tsquery(slot_query(slot, letter))} THEN {_float(weight)}"
        for weight, letter in _LETTERS_BY_WEIGHT[:-1]
    )
    lightest = _LETTERS_BY_WEIGHT[-1][0]
    absent = f"NOT words @@ {params.tsquery(slot_query(slot))}"
    return f"CASE WHEN {absent} THEN {_float(0.0)} {branches} ELSE {_float(lightest)} END"


def _float(number: float) -> str:
    return f"{float(number)!r}::float8"


def _alternative_value(alternative: Alternative, slot_column: dict) -> str:
    """scoring._alternative_scores times the alternative's weight; NULL when not matched."""
    columns = [slot_column[slot] for slot in alternative.slots]
    found = " AND ".join(f"{column} > 0" for column in columns)
    count, weight = len(columns), alternative.weight
    mean = f"({' + '.join(columns)}) / {_float(count)}"
    return f"CASE WHEN {found} THEN {mean} * {_float(weight)} END"


def _best(values: list[str]) -> str:
    if not values:
        return "NULL::float8"
    return values[0] if len(values) == 1 else f"GREATEST({', '.join(values)})"


def _group_columns(n: int, group: Group, slot_column: dict) -> str:
    """e<n>: the best exact alternative's value, c<n>: the best correction's (NULL: none)."""
    exact = [_alternative_value(a, slot_column) for a in group.alternatives if a.exact]
    corrected = [_alternative_value(a, slot_column) for a in group.alternatives if not a.exact]
    return f"{_best(exact)} AS e{n}, {_best(corrected)} AS c{n}"


def _score(groups_with_rarity) -> str:
    """scoring.scores: 1000 per group, 10 per exact group, found / (1 + found)."""
    matched = " + ".join(
        f"(e{n} IS NOT NULL OR c{n} IS NOT NULL)::int" for n in range(len(groups_with_rarity))
    )
    exact = " + ".join(f"(e{n} IS NOT NULL)::int" for n in range(len(groups_with_rarity)))
    found = " + ".join(
        f"{rarity!r} * COALESCE(e{n}, c{n}, 0)"
        for n, (_group, rarity) in enumerate(groups_with_rarity)
    )
    return f"1000 * ({matched}) + 10 * ({exact}) + ({found}) / (1 + {found})"


# --- the page and the facets --------------------------------------------------------------------


def _run(session, filters, result, allowed, match, groups_with_rarity, params) -> SearchResult:
    """The page asked for and the facets of the whole answer, in one statement. The documents
    matching are counted by kind and province in one pass over them (k), keeping nothing else,
    unless this worker has their counts (pg_counts.py); on the relevance order, the openings
    scoring the best a document can are looked up by the title words' index first (b), and the
    matches are read again and scored only when those cannot fill the page (a condition
    PostgreSQL checks once, e, before running either branch)."""
    per_page = max(1, filters.per_page)
    offset = (max(1, filters.page) - 1) * per_page
    paging = f"LIMIT {per_page} OFFSET {offset}"
    where = allowed if match is None else f"{allowed} AND words @@ {params.tsquery(match)}"
    counting = Counting(where, params)
    if match is None:  # no words: every allowed opening, newest first
        page = f"SELECT opening_id, 0.0::float8 FROM search_document WHERE {where} ORDER BY {NEWEST_FIRST} {paging}"  # noqa: E501
        return _answer(session, result, counting, page, params)
    if filters.sort == Sort.NEWEST:
        newest = (
            f"SELECT opening_id, published_at, words FROM search_document WHERE opening_id IN "
            f"(SELECT opening_id FROM search_document WHERE {where} ORDER BY {NEWEST_FIRST} {paging})"  # noqa: E501
        )
        scored = _scored(newest, groups_with_rarity, params)
        page = f"SELECT opening_id, score FROM ({scored}) s ORDER BY {NEWEST_FIRST}"
        return _answer(session, result, counting, page, params)
    best, best_score = _best_possible(groups_with_rarity, params)
    first = f"SELECT opening_id, {best_score!r}::float8 FROM search_document WHERE {allowed} AND {TITLE_WORDS} @@ {best} ORDER BY {NEWEST_FIRST} {paging}"  # noqa: E501
    every = f"SELECT opening_id, published_at, words FROM search_document WHERE {where}"
    ranked = _scored(every, groups_with_rarity, params)
    scored = f"SELECT opening_id, score FROM ({ranked}) s ORDER BY {ROUNDED} DESC, {NEWEST_FIRST} {paging}"  # noqa: E501
    # The best page is the page when it is full, or holds every opening left from the offset.
    enough = f"(SELECT count(*) FROM b) IN ({per_page}, {counting.total()} - {offset})"
    kept = f"b AS MATERIALIZED ({first}), e AS MATERIALIZED (SELECT {enough} AS yes)"
    page = (
        "SELECT * FROM b WHERE (SELECT yes FROM e) "
        f"UNION ALL SELECT * FROM ({scored}) s WHERE NOT (SELECT yes FROM e)"
    )
    return _answer(session, result, counting, page, params, kept)


class Counting:
    """The counts by kind and province of the documents meeting `where`: kept by this worker
    (pg_counts.py), or counted in the page's statement (k: one pass, a few rows)."""

    def __init__(self, where: str, params: Params) -> None:
        self.statement = (
            "SELECT kind, province, count(*) AS n "
            f"FROM search_document WHERE {where} GROUP BY kind, province"
        )
        self.store, self.counter = pg_counts.kept()
        self.key = pg_counts.key_of(self.statement, params.values)
        self.known = self.store.get(self.key) if self.store is not None else None

    def total(self) -> str:
        """The number of documents, in SQL."""
        if self.known is not None:
            return str(sum(self.known[0].values()))
        return "(SELECT sum(n) FROM k)"

    def keep(self, counts: pg_counts.Counts) -> None:
        if self.store is not None:
            self.store.put(self.key, self.counter, counts)


def _scored(rows: str, groups_with_rarity, params: Params) -> str:
    """`rows` (of m) with their score: each distinct slot weighed once (s<k>; OFFSET 0 keeps
    the planner from pulling the subquery up, which would repeat each slot's tests in every
    expression using it), then each group's best alternatives (e<n>, c<n>), then the score."""
    slot_column: dict[frozenset[str], str] = {}
    for group, _rarity in groups_with_rarity:
        for alternative in group.alternatives:
            for slot in alternative.slots:
                slot_column.setdefault(slot, f"s{len(slot_column)}")
    slots = ", ".join(f"{_where_found(slot, params)} AS {c}" for slot, c in slot_column.items())
    columns = ", ".join(
        _group_columns(n, group, slot_column) for n, (group, _r) in enumerate(groups_with_rarity)
    )
    return (
        f"SELECT opening_id, published_at, {_score(groups_with_rarity)} AS score "
        f"FROM (SELECT opening_id, published_at, {columns} "
        f"FROM (SELECT opening_id, published_at, {slots} FROM ({rows}) r OFFSET 0) w OFFSET 0) g"
    )


def _best_possible(groups_with_rarity, params: Params) -> tuple[str, float]:
    """The tsquery, on the title's words (TITLE_WORDS), of the documents scoring the most a
    document can (every group through its best alternatives, exact and heaviest, with every
    word in the title), and that score."""
    parts, tops = [], []
    for group, rarity in groups_with_rarity:
        top, best = top_alternatives(group.alternatives)
        parts.append("(" + " | ".join(alternative_query(a) for a in best) + ")")
        tops.append((top, rarity))
    return params.tsquery(" & ".join(parts)), best_score(tops)


def _answer(
    session, result: SearchResult, counting: Counting, page: str, params: Params, kept: str = ""
) -> SearchResult:
    """Fill `result` from the `page` (opening id, score), which may read what `kept` adds (more
    WITH queries), and the counts of the whole answer (`counting`)."""
    counted = counting.known is not None
    withs = [] if counted else [f"k AS MATERIALIZED ({counting.statement})"]
    withs += [kept] if kept else []
    sql = (
        "SELECT p.opening_id, p.score, NULL AS kind, NULL AS province, 0::bigint AS n "
        f"FROM ({page}) p(opening_id, score)"
    )
    if not counted:
        sql += " UNION ALL SELECT NULL, NULL, kind, province, n FROM k"
    if withs:
        sql = f"WITH {', '.join(withs)} {sql}"
    hits: list[Hit] = []
    kinds: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for opening_id, score, kind, province, count in _rows(session, sql, params):
        if opening_id is not None:
            hits.append(Hit(int(opening_id), round(float(score), 4)))
        else:
            kinds[kind] += count
            provinces[province] += count
    if counting.known is not None:
        by_kind, by_province = counting.known
    else:
        by_kind, by_province = dict(kinds.most_common()), dict(provinces.most_common())
        counting.keep((by_kind, by_province))
    result.hits = hits
    result.total = sum(by_kind.values())
    result.facets = {"kind": dict(by_kind), "province": dict(by_province)}
    return result


def _rows(session, sql: str, params: Params):
    return session.execute(text(sql), params.values).all()
