"""The labelled relevance set is sound: every label points at an opening a young person can see,
the groups are big enough, and the fixture loads through the services. (The precision gate
itself is test_relevance.py.)"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus
from portal.jobs.queries import published_openings
from portal.places import districts_of, provinces, resolve_province
from tests.search.relevance import (
    FROZEN_FILE,
    FROZEN_GROUPS,
    GROUPS,
    OPENINGS_FILE,
    QUERIES_FILE,
    TODAY,
    LabelledQuery,
    load_openings,
    precision_at_10,
    read_openings,
    read_queries,
    score_query,
)

KHMER = re.compile(r"[\u1780-\u17FF]")
INVISIBLE = re.compile(r"[\u200B\u200C\u200D\u2060\uFEFF\u00AD]")
MINIMUM_PER_GROUP = {
    "exact": 30,
    "typo": 25,
    "province_text": 25,
    "province_param": 20,
    "khmer": 35,
    "cross_language": 20,
    "vocabulary": 20,
}


@pytest.fixture(scope="module")
def openings():
    return {o.key: o for o in read_openings()}


@pytest.fixture(scope="module")
def queries():
    return read_queries()


def test_files_have_the_documented_columns_and_no_invisible_characters():
    with open(OPENINGS_FILE, encoding="utf-8", newline="") as f:
        assert csv.DictReader(f).fieldnames == [
            "key", "kind", "title", "organization", "description", "skills", "province",
            "district", "salary_min", "salary_max", "currency", "status", "closing_date",
        ]  # fmt: skip
    with open(QUERIES_FILE, encoding="utf-8", newline="") as f:
        assert csv.DictReader(f).fieldnames == [
            "query", "province_param", "kind_param", "group", "relevant",
        ]  # fmt: skip
    with open(FROZEN_FILE, encoding="utf-8", newline="") as f:
        assert csv.DictReader(f).fieldnames == [
            "query", "province_param", "kind_param", "group", "relevant",
        ]  # fmt: skip
    for path in (OPENINGS_FILE, QUERIES_FILE, FROZEN_FILE):
        assert not INVISIBLE.search(path.read_text(encoding="utf-8")), path.name


def test_openings_are_valid_and_cover_every_province_and_kind(openings):
    assert len(openings) >= 280
    assert len(openings) == len(read_openings())  # keys are unique
    codes = {p.code for p in provinces()}
    for o in openings.values():
        assert o.kind in {"job", "internship", "course"}, o.key
        assert o.title.strip() and o.organization.strip() and o.description.strip(), o.key
        assert o.province in codes, o.key
        assert o.district is None or o.district in {d.code for d in districts_of(o.province)}
        assert o.status in {"published", "closed"}, o.key
        if o.salary_min is not None or o.salary_max is not None:
            assert o.currency in {"USD", "KHR"}, o.key
            assert o.salary_min <= o.salary_max, o.key
    assert {o.province for o in openings.values()} == codes
    assert Counter(o.kind for o in openings.values()).keys() == {"job", "internship", "course"}


def test_openings_mix_languages_and_include_hidden_ones(openings):
    titles = [o.title for o in openings.values()]
    khmer_only = [t for t in titles if KHMER.search(t) and not re.search(r"[A-Za-z]", t)]
    mixed = [t for t in titles if KHMER.search(t) and re.search(r"[A-Za-z]", t)]
    assert len(khmer_only) >= 50 and len(mixed) >= 2
    hidden = [o for o in openings.values() if not o.is_open()]
    assert sum(o.status == "closed" for o in hidden) >= 10
    assert sum(o.status == "published" for o in hidden) >= 5  # expired
    # Open ones stay open for years, so the set does not rot.
    assert all(o.closing_date is None or o.closing_date.year >= 2031 for o in openings.values()
               if o.is_open())  # fmt: skip


def test_every_relevant_key_exists_and_is_open(openings, queries):
    for q in queries + read_queries(FROZEN_FILE):
        assert q.relevant, q.query
        unknown = q.relevant - openings.keys()
        assert not unknown, (q.query, unknown)
        hidden = [k for k in q.relevant if not openings[k].is_open()]
        assert not hidden, (q.query, hidden)


def test_labels_respect_the_kind_and_province_parameters(openings, queries):
    for q in queries:
        if q.kind_param:
            assert {openings[k].kind for k in q.relevant} == {q.kind_param}, q.query
        if q.province_param:
            code = resolve_province(q.province_param).code
            assert {openings[k].province for k in q.relevant} == {code}, q.query


def test_query_groups_have_their_minimum_sizes(queries):
    assert len(queries) >= 150
    counts = Counter(q.group for q in queries)
    assert set(counts) == set(GROUPS)
    for group, minimum in MINIMUM_PER_GROUP.items():
        assert counts[group] >= minimum, group
    assert all(KHMER.search(q.query) for q in queries if q.group == "khmer")
    assert all(q.province_param for q in queries if q.group == "province_param")
    keys = [(q.query.casefold(), q.province_param, q.kind_param) for q in queries]
    assert len(keys) == len(set(keys))


def test_precision_counts_relevant_results_in_the_first_ten():
    query = LabelledQuery("cook", "", "", "exact", frozenset({"a", "b", "c"}))
    assert score_query(query, ["a", "x", "b", "c"]).precision == 1.0
    assert score_query(query, ["x", "a"]).precision == pytest.approx(1 / 3)
    assert score_query(query, ["x"] * 10 + ["a", "b", "c"]).precision == 0.0
    many = LabelledQuery("hotel", "", "", "exact", frozenset(str(n) for n in range(30)))
    assert score_query(many, [str(n) for n in range(5)] + ["x"] * 5).precision == 0.5


def test_the_report_gives_overall_group_and_worst_queries():
    queries = [
        LabelledQuery("cook", "", "", "exact", frozenset({"a"})),
        LabelledQuery("ចុងភៅ", "", "", "khmer", frozenset({"a", "b"})),
    ]
    results = {"cook": [1], "ចុងភៅ": [2, 9]}
    report = precision_at_10(lambda q: results[q.query], queries, {1: "a", 2: "b", 9: "z"})
    assert report.by_group == {"exact": 1.0, "khmer": 0.5}
    assert report.overall == 0.75
    table = report.table(worst=1)
    assert "ចុងភៅ" in table and "missed a / wrong z" in table


def test_the_fixture_loads_through_the_services_and_hides_what_is_hidden(ctx, openings):
    ids = load_openings()
    assert set(ids) == set(openings)
    visible = set(db.session.scalars(published_openings(TODAY).with_only_columns(Opening.id)))
    assert visible == {ids[k] for k, o in openings.items() if o.is_open()}
    closed = db.session.scalars(select(Opening).where(Opening.status == OpeningStatus.CLOSED))
    assert {o.ref for o in closed} == {
        k.upper() for k, o in openings.items() if o.status == "closed"
    }
    sewing = db.session.get(Opening, ids["sew04"])
    assert sewing.title == "ត្រូវការជាងកាត់ដេរ ២០នាក់" and sewing.published_at is not None
    assert sewing.closing_date >= date(2031, 1, 1)


def test_ndcg_counts_where_the_relevant_results_are():
    query = LabelledQuery("cook", "", "", "exact", frozenset({"a", "b"}))
    assert score_query(query, ["a", "b", "x"]).ndcg == 1.0
    first_and_third = score_query(query, ["a", "x", "b"]).ndcg
    second_and_third = score_query(query, ["x", "a", "b"]).ndcg
    assert 1.0 > first_and_third > second_and_third > 0
    assert score_query(query, ["x"] * 10 + ["a", "b"]).ndcg == 0.0
    assert score_query(query, ["x", "a"]).ndcg == pytest.approx(
        (1 / math.log2(3)) / (1 + 1 / math.log2(3))
    )


def test_the_frozen_set_holds_khmer_as_people_write_it():
    frozen = read_queries(FROZEN_FILE)
    assert len(frozen) >= 30
    counts = Counter(q.group for q in frozen)
    assert set(counts) == set(FROZEN_GROUPS)
    assert all(count >= 8 for count in counts.values()), counts
    khmer_groups = {"kh_misspelling", "kh_variant", "kh_for_english"}
    assert all(KHMER.search(q.query) for q in frozen if q.group in khmer_groups)
    keys = [q.query.casefold() for q in frozen]
    assert len(keys) == len(set(keys))
    tuned = {q.query.casefold() for q in read_queries()}
    assert not tuned & set(keys), "a frozen query is also a tuned one"


def test_the_real_ads_report_skips_cleanly_when_the_ads_are_absent(tmp_path):
    from tests.search.realads import report

    assert report(folder=tmp_path) == (
        "Real ads: benign.csv not found (../shared/realads or $REALADS_DIR): skipped."
    )
