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
from datetime import date

from sqlalchemy import text

from portal.extensions import db
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
from portal.search.types import Hit, SearchFilters, SearchResult, Sort

ESTIMATED_FROM = 10_000  # documents: from this many, the planner's count is close enough


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
    return "(" + " | ".join(alternative_query(a) for a in group.alternatives) + ")"


# --- which groups match, and how rare they are --------------------------------------------------


def _used_groups(session, lexicon: PgLexicon, groups: list[Group]) -> list[tuple[Group, float]]:
    """The groups some document matches (a word found nowhere is left out rather than emptying
    the answer), with their rarity, log(1 + documents / (1 + documents matching the group)),
    the documents matching it estimated from the terms' counts (`_estimate`: what Whoosh counts
    exactly would cost a scan of every matching document here)."""
    groups = [group for group in groups if group.alternatives]
    lexicon.learn(term for group in groups for term in _terms_of(group))
    size = max(1, _documents(session))
    used = []
    for group in groups:
        if _group_found(session, lexicon, group):
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


def _group_found(session, lexicon: PgLexicon, group: Group) -> bool:
    """Some document matches the group: surely when an alternative of one slot has a term some
    document holds; otherwise asked of the GIN index (the first match is enough)."""
    possible = [
        a
        for a in group.alternatives
        if all(any(lexicon.known[term] for term in slot) for slot in a.slots)
    ]
    if any(len(a.slots) == 1 for a in possible):
        return True
    if not possible:
        return False
    params = Params()
    query = params.tsquery(group_query(Group([], alternatives=possible)))
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
    """The weight of the heaviest field holding one of the slot's terms (scoring._where_found)."""
    branches = " ".join(
        f"WHEN words @@ {params.tsquery(slot_query(slot, letter))} THEN {weight!r}"
        for weight, letter in _LETTERS_BY_WEIGHT
    )
    return f"CASE {branches} ELSE 0 END"


def _alternative_value(alternative: Alternative, params: Params) -> str:
    """scoring._alternative_scores times the alternative's weight; NULL when not matched."""
    where = " + ".join(_where_found(slot, params) for slot in alternative.slots)
    count, weight = len(alternative.slots), alternative.weight
    matches = params.tsquery(alternative_query(alternative))
    return f"CASE WHEN words @@ {matches} THEN ({where}) / {count}.0 * {weight!r} END"


def _best(values: list[str]) -> str:
    if not values:
        return "NULL::float8"
    return values[0] if len(values) == 1 else f"GREATEST({', '.join(values)})"


def _group_columns(n: int, group: Group, params: Params) -> str:
    """e<n>: the best exact alternative's value, c<n>: the best correction's (NULL: none)."""
    exact = [_alternative_value(a, params) for a in group.alternatives if a.exact]
    corrected = [_alternative_value(a, params) for a in group.alternatives if not a.exact]
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


# --- one statement: the page and the facets -----------------------------------------------------


def _run(session, filters, result, allowed, match, groups_with_rarity, params) -> SearchResult:
    per_page = max(1, filters.per_page)
    offset = (max(1, filters.page) - 1) * per_page
    if match is None:  # no words: every allowed opening, newest first
        scored = f"SELECT opening_id, kind, province, published_at, 0.0::float8 AS score FROM search_document WHERE {allowed}"  # noqa: E501
        order = "published_at DESC, opening_id ASC"
    else:
        columns = ", ".join(
            _group_columns(n, group, params) for n, (group, _r) in enumerate(groups_with_rarity)
        )
        matched = (
            f"SELECT opening_id, kind, province, published_at, {columns} FROM search_document "
            f"WHERE {allowed} AND words @@ {params.tsquery(match)}"
        )
        scored = (
            f"SELECT opening_id, kind, province, published_at, {_score(groups_with_rarity)} "
            f"AS score FROM ({matched}) m"
        )
        order = "published_at DESC, opening_id DESC"
        if filters.sort != Sort.NEWEST:
            order = f"round(score::numeric, 6) DESC, {order}"
    sql = f"""
        WITH scored AS MATERIALIZED ({scored})
        SELECT * FROM (SELECT 'hit' AS part, opening_id::text AS key, score FROM scored
                       ORDER BY {order} LIMIT {per_page} OFFSET {offset}) page
        UNION ALL SELECT 'kind', kind, count(*) FROM scored GROUP BY kind
        UNION ALL SELECT 'province', province, count(*) FROM scored GROUP BY province
    """
    hits: list[Hit] = []
    facets: dict[str, dict[str, int]] = {"kind": {}, "province": {}}
    for part, key, value in session.execute(text(sql), params.values):
        if part == "hit":
            hits.append(Hit(int(key), round(value, 4)))
        else:
            facets[part][key] = int(value)
    result.hits = hits
    result.total = sum(facets["kind"].values())
    result.facets = {name: _most_common(counts) for name, counts in facets.items()}
    return result


def _most_common(counts: dict[str, int]) -> dict[str, int]:
    """Counts largest first, as collections.Counter.most_common orders them."""
    return dict(sorted(counts.items(), key=lambda item: -item[1]))
