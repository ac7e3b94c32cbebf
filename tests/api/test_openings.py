"""GET /api/v1/openings: a partner's app searches the public openings and gets JSON back;
a bad parameter gets a 400 that says what is wrong, never a 500."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.extensions import utcnow
from portal.jobs.models import OpeningKind, OpeningStatus
from portal.youth.models import EducationLevel

URL = "/api/v1/openings"


def search(client, **args) -> dict:
    response = client.get(URL, query_string=args)
    assert response.status_code == 200, response.get_json()
    assert response.content_type == "application/json"
    return response.get_json()


def titles(body: dict) -> list[str]:
    return [result["title"] for result in body["results"]]


@pytest.fixture
def openings(make_opening, make_org, reindex):
    org = make_org(name="Angkor Garments")
    made = {
        "operator": make_opening(
            title="Sewing machine operator", ref="AG-7", organization=org, province_code="15",
            salary_min=220, currency="USD", closing_date=date(2099, 1, 31),
            published_at=utcnow() - timedelta(days=3),
        ),
        "helper": make_opening(
            title="Sewing helper", province_code="12", published_at=utcnow() - timedelta(days=1)
        ),
        "course": make_opening(
            title="Tailoring course", kind=OpeningKind.COURSE, description="Learn sewing.",
            province_code="15", closing_date=None, published_at=utcnow() - timedelta(days=2),
        ),
        "mechanic": make_opening(title="Motorbike mechanic", province_code="17"),
    }  # fmt: skip
    reindex()
    return made


def test_the_answer_has_the_documented_shape(client, openings):
    body = search(client, q="sewing machine operator")
    assert set(body) == {"total", "page", "per_page", "results", "facets", "did_you_mean"}
    assert (body["page"], body["per_page"]) == (1, 20)
    assert body["did_you_mean"] is None
    first = body["results"][0]
    assert set(first) == {
        "id", "ref", "kind", "title", "organization", "province", "closing_date",
        "hazardous", "min_age", "min_education", "languages", "isco_minor_group", "score",
    }  # fmt: skip
    assert first["id"] == openings["operator"].id
    assert first | {"score": None} == {
        "id": openings["operator"].id,
        "ref": "AG-7",
        "kind": "job",
        "title": "Sewing machine operator",
        "organization": "Angkor Garments",
        "province": {"code": "15", "name_en": "Pursat", "name_kh": "ពោធិ៍សាត់"},
        "closing_date": "2099-01-31",
        "hazardous": False,
        "min_age": 15,
        "min_education": None,
        "languages": [],
        "isco_minor_group": None,
        "score": None,
    }
    scores = [result["score"] for result in body["results"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert set(body["facets"]) == {"kind", "province"}


def test_each_opening_says_what_the_work_needs(client, make_opening, reindex):
    make_opening(
        title="Welder", skills=["welding"], hazardous=True, min_age=18,
        min_education=EducationLevel.LOWER_SECONDARY, languages=["km", "en"],
        isco_minor_group="721",
    )  # fmt: skip
    reindex()
    (welder,) = search(client, q="welder")["results"]
    assert welder["hazardous"] is True and welder["min_age"] == 18
    assert welder["min_education"] == "lower_secondary"
    assert welder["languages"] == ["km", "en"]
    assert welder["isco_minor_group"] == "721"  # ISCO-08: metal workers and welders


def test_a_course_without_closing_date(client, openings):
    (course,) = search(client, q="tailoring", kind="course")["results"]
    assert course["kind"] == "course" and course["closing_date"] is None


def test_facets_count_kinds_and_provinces(client, openings):
    body = search(client, q="sewing")
    assert body["total"] == 3
    assert body["facets"] == {"kind": {"job": 2, "course": 1}, "province": {"15": 2, "12": 1}}


def test_a_typo_gets_did_you_mean(client, openings):
    body = search(client, q="sewwing")
    assert body["did_you_mean"] == "sewing"
    assert len(body["results"]) == 3


def test_no_words_lists_every_published_opening_newest_first(client, openings):
    body = search(client)
    assert titles(body) == [
        "Motorbike mechanic", "Sewing helper", "Tailoring course", "Sewing machine operator",
    ]  # fmt: skip
    assert body["total"] == 4


def test_filters_kind_province_organization_and_pay(client, openings):
    assert titles(search(client, q="sewing", kind="course")) == ["Tailoring course"]
    assert set(titles(search(client, q="sewing", province="Pursat"))) == {
        "Sewing machine operator", "Tailoring course",
    }  # fmt: skip
    org_id = openings["operator"].organization_id
    assert titles(search(client, organization=org_id)) == ["Sewing machine operator"]
    assert titles(search(client, min_salary=200)) == ["Sewing machine operator"]
    assert titles(search(client, kind="internship")) == []


@pytest.mark.parametrize("spelling", ["Purset", "ពោធិ៍សាត់", "15", "pursat province"])
def test_the_province_parameter_takes_any_spelling(client, openings, spelling):
    body = search(client, q="sewing", province=spelling)
    assert set(titles(body)) == {"Sewing machine operator", "Tailoring course"}


def test_a_province_in_the_words_is_applied(client, openings):
    assert set(titles(search(client, q="Purset sewing"))) == {
        "Sewing machine operator", "Tailoring course",
    }  # fmt: skip


def test_sort_newest(client, openings):
    body = search(client, q="sewing", sort="newest")
    assert titles(body) == ["Sewing helper", "Tailoring course", "Sewing machine operator"]


def test_pagination(client, make_opening, reindex):
    for n in range(7):
        make_opening(title=f"Cook {n}", published_at=utcnow() - timedelta(hours=n))
    reindex()
    page_2 = search(client, page=2, per_page=3)
    assert (page_2["total"], page_2["page"], page_2["per_page"]) == (7, 2, 3)
    assert titles(page_2) == ["Cook 3", "Cook 4", "Cook 5"]
    assert titles(search(client, page=3, per_page=3)) == ["Cook 6"]
    assert search(client, page=4, per_page=3)["results"] == []  # past the end: empty, not 404
    assert len(search(client, per_page=100)["results"]) == 7


def test_only_published_open_openings(client, make_opening, reindex):
    make_opening(title="Open welder job")
    for status in set(OpeningStatus) - {OpeningStatus.PUBLISHED}:
        make_opening(title=f"Hidden welder {status}", status=status)
    make_opening(title="Expired welder job", closing_date=date.today() - timedelta(days=1))
    reindex()
    assert titles(search(client, q="welder")) == ["Open welder job"]
    assert titles(search(client, q="welder", include_closed="y")) == ["Open welder job"]
    assert titles(search(client)) == ["Open welder job"]


def test_what_the_index_still_lists_but_the_database_hides_is_left_out(
    client, make_opening, fake_search
):
    shown = make_opening(title="Open job")
    draft = make_opening(title="Draft", status=OpeningStatus.DRAFT)
    fake_search.answer([draft, shown])
    assert [result["id"] for result in search(client)["results"]] == [shown.id]


def test_a_published_opening_shows_on_the_next_request(client, login_as, make_org):
    """Through the services, as employers and counselors post: no reindex needed."""
    from portal.extensions import db
    from portal.jobs import services

    _, counselor = login_as("counselor")
    opening = services.create_opening(
        make_org(),
        {"kind": OpeningKind.JOB, "title": "Brick layer", "province_code": "17",
         "description": "Build houses.", "min_age": 18, "positions": 2},
        by=counselor, publish_now=True,
    )  # fmt: skip
    db.session.commit()
    assert titles(search(client, q="brick")) == ["Brick layer"]
    services.close(opening, by=counselor, reason="Filled")
    db.session.commit()
    assert titles(search(client, q="brick")) == []


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
        ({"province": "Atlantis"}, "province", "We do not know the province “Atlantis”."),
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


def test_the_message_speaks_the_readers_language(client):
    client.post("/lang/km")
    body = client.get(URL, query_string={"per_page": "500"}).get_json()
    assert body["field"] == "per_page"
    assert body["message"] == "សូមសុំពី 1 ដល់ 100 ឱកាស ក្នុងមួយទំព័រ។"


def test_an_unknown_api_address_answers_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"] == "Not Found"


def test_the_api_is_public_and_takes_no_post(client, openings):
    assert client.get(URL).status_code == 200
    response = client.post(URL)
    assert response.status_code == 405 and response.is_json
