"""GET /api/v1/openings: a partner's app searches the public openings and gets JSON back;
a bad parameter gets a 400 that says what is wrong, never a 500."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.jobs.models import OpeningKind, OpeningStatus
from portal.search import Sort

URL = "/api/v1/openings"


def test_the_answer_has_the_documented_shape(client, make_opening, make_org, fake_search):
    org = make_org(name="Angkor Garments")
    sewing = make_opening(
        title="Sewing machine operator", ref="AG-7", organization=org, province_code="15",
        closing_date=date(2099, 1, 31),
    )  # fmt: skip
    course = make_opening(title="Tailoring course", kind=OpeningKind.COURSE, closing_date=None)
    fake_search.answer(
        [sewing, course],
        total=2,
        facets={"kind": {"job": 1, "course": 1}, "province": {"15": 1, "12": 1}},
        did_you_mean="sewing",
    )
    response = client.get(URL, query_string={"q": "sewwing"})
    assert response.status_code == 200
    assert response.content_type == "application/json"
    body = response.get_json()
    assert set(body) == {"total", "page", "per_page", "results", "facets", "did_you_mean"}
    assert (body["total"], body["page"], body["per_page"]) == (2, 1, 20)
    assert body["did_you_mean"] == "sewing"
    assert body["facets"] == {"kind": {"job": 1, "course": 1}, "province": {"15": 1, "12": 1}}
    first, second = body["results"]
    assert first == {
        "id": sewing.id,
        "ref": "AG-7",
        "kind": "job",
        "title": "Sewing machine operator",
        "organization": "Angkor Garments",
        "province": {"code": "15", "name_en": "Pursat", "name_kh": "ពោធិ៍សាត់"},
        "closing_date": "2099-01-31",
        "score": 10.0,
    }
    assert second["id"] == course.id and second["kind"] == "course"
    assert second["closing_date"] is None
    assert first["score"] > second["score"]  # the engine's order is kept


def test_the_filters_reach_the_search(client, make_org, fake_search):
    org = make_org()
    response = client.get(
        URL,
        query_string={
            "q": "cook",
            "province": "Purset",
            "kind": "internship",
            "organization": org.id,
            "min_salary": "200",
            "sort": "newest",
            "page": "2",
            "per_page": "5",
        },
    )
    assert response.status_code == 200
    text, filters = fake_search.last
    assert text == "cook"
    assert filters.province == "15" and filters.kind == "internship"
    assert filters.organization_id == org.id and filters.min_salary_usd == 200
    assert filters.sort == Sort.NEWEST and (filters.page, filters.per_page) == (2, 5)
    assert not filters.include_closed
    assert (response.get_json()["page"], response.get_json()["per_page"]) == (2, 5)


def test_a_khmer_province_name_is_understood(client, fake_search):
    assert client.get(URL, query_string={"province": "ពោធិ៍សាត់"}).status_code == 200
    assert fake_search.last[1].province == "15"


def test_no_words_lists_newest_first(client, fake_search):
    client.get(URL)
    assert fake_search.last == ("", fake_search.last[1])
    assert fake_search.last[1].sort == Sort.NEWEST


def test_only_published_open_openings_are_shown_whatever_the_index_says(
    client, make_opening, fake_search
):
    shown = make_opening(title="Open job")
    hidden = [
        make_opening(status=status)
        for status in (
            OpeningStatus.DRAFT,
            OpeningStatus.PENDING_REVIEW,
            OpeningStatus.REJECTED,
            OpeningStatus.CLOSED,
        )
    ]
    hidden.append(make_opening(closing_date=date.today() - timedelta(days=1)))
    fake_search.answer([*hidden, shown])
    results = client.get(URL).get_json()["results"]
    assert [result["id"] for result in results] == [shown.id]


def test_an_include_closed_parameter_is_ignored(client, fake_search):
    assert client.get(URL, query_string={"include_closed": "y"}).status_code == 200
    assert not fake_search.last[1].include_closed


@pytest.mark.parametrize(
    ("args", "field", "words"),
    [
        ({"per_page": "10000"}, "per_page", "1 to 100"),
        ({"per_page": "0"}, "per_page", "1 to 100"),
        ({"page": "-1"}, "page", "from 1 to 1000"),
        ({"page": "0"}, "page", "from 1 to 1000"),
        ({"page": "two"}, "page", "from 1 to 1000"),
        ({"q": "sewing " * 715}, "q", "at most 200"),
        ({"province": "Purzzzat"}, "province", "Did you mean: Pursat"),
        ({"kind": "spaceship"}, "kind", "job, internship, course"),
        ({"sort": "cheapest"}, "sort", "relevance, newest"),
        ({"organization": "abc"}, "organization", "number"),
        ({"organization": "987654"}, "organization", "no organization number 987654"),
        ({"min_salary": "lots"}, "min_salary", "dollars"),
    ],
)
def test_a_bad_parameter_gets_a_400_that_says_what_is_wrong(
    client, fake_search, args, field, words
):
    response = client.get(URL, query_string=args)
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"error", "message", "field"}
    assert body["field"] == field
    assert words in body["message"]
    assert fake_search.calls == []  # nothing was searched


def test_an_unknown_api_address_answers_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"] == "Not Found"


def test_the_api_is_public_and_takes_no_post(client, fake_search):
    assert client.get(URL).status_code == 200
    response = client.post(URL)
    assert response.status_code == 405
    assert response.is_json
