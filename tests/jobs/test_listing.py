"""The one reader of search parameters, shared by the search page and the JSON API: what a
reader typed becomes a checked search, and every bad value is explained, never a crash."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from portal.jobs.listing import MAX_QUERY_LENGTH, parse_search_args
from portal.jobs.models import OpeningKind
from portal.search import Sort


@pytest.fixture
def parse(app):
    def read(fixed_per_page=None, allow_closed=False, **args):
        with app.test_request_context():
            return parse_search_args(
                MultiDict(args), per_page=fixed_per_page, allow_closed=allow_closed
            )

    return read


def test_nothing_asked_lists_everything_newest_first(parse):
    params = parse()
    assert params.errors == {}
    filters = params.filters()
    assert (filters.kind, filters.province, filters.organization_id) == (None, None, None)
    assert filters.sort == Sort.NEWEST and filters.page == 1 and filters.per_page == 20
    assert not filters.include_closed


def test_words_are_tidied_and_ranked_by_relevance(parse):
    params = parse(q="  sewing \t machine\x00 ")
    assert params.q == "sewing machine"
    assert params.filters().sort == Sort.RELEVANCE
    assert parse(q="sewing", sort="newest").filters().sort == Sort.NEWEST


def test_every_filter_is_read(parse, make_org):
    org = make_org(name="Angkor Garments")
    params = parse(
        q="x", kind="Internship", province="Purset", organization=str(org.id),
        min_salary="$1,200", sort="newest", page="3", per_page="50",
    )  # fmt: skip
    assert params.errors == {}
    filters = params.filters()
    assert filters.kind == OpeningKind.INTERNSHIP
    assert filters.province == "15"
    assert filters.organization_id == org.id
    assert filters.min_salary_usd == 1200
    assert (filters.page, filters.per_page) == (3, 50)


def test_a_khmer_province_and_khmer_digits(parse):
    params = parse(province="ពោធិ៍សាត់", page="២")
    assert params.province.code == "15" and params.page == 2


def test_the_page_fixes_the_page_size_and_may_show_closed_openings(parse):
    params = parse(fixed_per_page=20, allow_closed=True, include_closed="y", per_page="500")
    assert params.per_page == 20 and params.include_closed and params.errors == {}
    assert parse(include_closed="y").include_closed is False  # the API lists open ones only
    assert parse(allow_closed=True, include_closed="0").include_closed is False


@pytest.mark.parametrize(
    ("name", "value", "code", "words"),
    [
        ("q", "x" * 5000, "too_long", "5000 letters"),
        ("kind", "spaceship", "invalid_choice", "job, internship, course"),
        ("sort", "cheapest", "invalid_choice", "relevance, newest"),
        ("province", "Paris", "unknown_province", "Did you mean"),
        ("organization", "abc", "invalid_number", "by its number"),
        ("organization", "99999999999", "invalid_number", "by its number"),
        ("organization", "424242", "unknown_organization", "no organization number 424242"),
        ("min_salary", "lots", "invalid_number", "from 0 to 100000"),
        ("min_salary", "-5", "invalid_number", "from 0 to 100000"),
        ("page", "-1", "invalid_number", "from 1 to 1000"),
        ("page", "0", "invalid_number", "from 1 to 1000"),
        ("page", "abc", "invalid_number", "from 1 to 1000"),
        ("per_page", "10000", "invalid_number", "1 to 100 openings"),
        ("per_page", "0", "invalid_number", "1 to 100 openings"),
    ],
)
def test_a_bad_value_is_explained_and_left_out(parse, name, value, code, words):
    params = parse(**{name: value})
    error = params.errors[name]
    assert (error.field, error.code) == (name, code)
    assert words in error.message
    assert params.filters() == parse().filters()  # the bad value changes nothing


def test_an_unknown_province_keeps_what_was_typed_and_the_closest_places(parse):
    params = parse(province="Siem Reep Paris")
    assert params.unknown_province == "Siem Reep Paris"
    assert "17" in [place.code for place in params.suggestions]
    assert "Did you mean: " in params.errors["province"].message
    assert "Siem Reap" in params.errors["province"].message


def test_words_of_exactly_the_limit_are_fine(parse):
    assert parse(q="x" * MAX_QUERY_LENGTH).errors == {}


def test_links_keep_the_search_and_go_back_to_the_first_page(parse):
    params = parse(q="sewing", kind="job", province="Purset", page="4", sort="newest")
    assert params.link_args(kind=None) == {"q": "sewing", "province": "15", "sort": "newest"}
    assert params.link_args(page=2)["page"] == 2
