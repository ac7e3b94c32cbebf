"""A counselor's app, with a token, reads the caseload, refers a young person and moves an
application along; it sees its own center's applications only, and errors come as JSON."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token, issue_token
from portal.extensions import db
from portal.placements.models import Application, ApplicationSource, ApplicationStatus


@pytest.fixture
def centers(make_center):
    return {"pp": make_center(name="Phnom Penh YEC"), "sr": make_center(name="Siem Reap YEC")}


@pytest.fixture
def api(app, make_user, centers):
    """api(role) -> call(method, url, expect=200, json=None, **query) with that user's token."""

    def make(role: Role, center: str = "pp"):
        fields = {"center_id": centers[center].id} if role in (Role.COUNSELOR, Role.ADMIN) else {}
        user = make_user(role, **fields)
        if role in (Role.COUNSELOR, Role.ADMIN):
            raw = issue_token(user)
        else:  # the command refuses them a token; one made in the database must not work
            raw = f"test-token-{user.id}"
            db.session.add(ApiToken(user_id=user.id, token_hash=hash_token(raw)))
        headers = {"Authorization": f"Bearer {raw}"}
        db.session.commit()
        client = app.test_client()

        def call(method: str, url: str, expect: int = 200, json=None, **query) -> dict:
            response = client.open(
                url, method=method, headers=headers, json=json, query_string=query
            )
            assert response.status_code == expect, (url, response.get_json())
            assert response.content_type == "application/json"
            return response.get_json()

        call.user = user
        return call

    return make


@pytest.fixture
def youth(make_youth, centers):
    return {
        "dara": make_youth(center_id=centers["pp"].id, full_name="Dara", phone="012111222"),
        "bopha": make_youth(center_id=centers["pp"].id, full_name="Bopha"),
        "vanna": make_youth(center_id=centers["sr"].id, full_name="Vanna"),
    }


def test_list_shows_own_centers_applications_with_filters(
    api, youth, make_application, make_opening
):
    call = api(Role.COUNSELOR)
    tailor = make_opening(title="Tailor")
    referred = make_application(
        youth=youth["dara"], opening=tailor, source=ApplicationSource.REFERRED
    )
    make_application(youth=youth["bopha"], opening=tailor)
    make_application(youth=youth["dara"])
    make_application(youth=youth["vanna"], opening=tailor)

    every = call("GET", "/api/v1/applications")
    assert every["total"] == 3
    assert {r["youth"]["full_name"] for r in every["results"]} == {"Dara", "Bopha"}

    only = call("GET", "/api/v1/applications", status="referred", opening_id=tailor.id)
    assert [r["id"] for r in only["results"]] == [referred.id]
    assert only["results"][0]["opening"]["title"] == "Tailor"
    assert call("GET", "/api/v1/applications", youth_id=youth["dara"].id)["total"] == 2


def test_an_admin_lists_every_center(api, youth, make_application):
    call = api(Role.ADMIN)
    make_application(youth=youth["dara"])
    make_application(youth=youth["vanna"])

    assert call("GET", "/api/v1/applications")["total"] == 2


@pytest.mark.parametrize(
    ("query", "field"),
    [({"status": "spaceship"}, "status"), ({"opening_id": "abc"}, "opening_id")],
)
def test_bad_filters_answer_400_with_a_message(api, query, field):
    answer = api(Role.COUNSELOR)("GET", "/api/v1/applications", expect=400, **query)

    assert answer["field"] == field
    assert answer["message"]


def test_detail_has_history_and_full_contact(api, youth, make_application):
    call = api(Role.COUNSELOR)
    application = make_application(youth=youth["dara"], hired_on=date(2026, 1, 10))

    answer = call("GET", f"/api/v1/applications/{application.id}")

    assert answer["status"] == "hired" and answer["hired_on"] == "2026-01-10"
    assert answer["youth"]["phone"] == "012111222"
    assert [f["month"] for f in answer["follow_ups"]] == [1, 3]
    assert "history" in answer and "allowed_moves" in answer


def test_another_centers_application_is_not_found(api, youth, make_application):
    application = make_application(youth=youth["vanna"])

    answer = api(Role.COUNSELOR)("GET", f"/api/v1/applications/{application.id}", expect=404)

    assert answer["error"] == "Not Found"


def test_refer_makes_a_referral_with_its_history(api, youth, make_opening):
    call = api(Role.COUNSELOR)
    opening = make_opening(title="Garment sewer")

    answer = call(
        "POST",
        "/api/v1/applications",
        expect=201,
        json={"opening_id": opening.id, "youth_id": youth["dara"].id, "note": "Sews well."},
    )

    assert answer["status"] == "referred" and answer["source"] == "referred"
    assert answer["referral_note"] == "Sews well."
    assert answer["referred_by"]["id"] == call.user.id
    assert [h["to_status"] for h in answer["history"]] == ["referred"]
    saved = db.session.get(Application, answer["id"])
    assert saved.referred_by_id == call.user.id


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"youth_id": 1, "note": "x"}, "opening_id"),
        ({"opening_id": "seven", "youth_id": 1, "note": "x"}, "opening_id"),
        ({"opening_id": 1, "youth_id": 1, "note": 5}, "note"),
        (["not", "an", "object"], "body"),
    ],
)
def test_refer_with_a_bad_body_answers_400(api, body, field):
    answer = api(Role.COUNSELOR)("POST", "/api/v1/applications", expect=400, json=body)

    assert answer["field"] == field


def test_refer_without_a_note_or_twice_is_refused_and_keeps_nothing_more(api, youth, make_opening):
    call = api(Role.COUNSELOR)
    opening = make_opening()
    body = {"opening_id": opening.id, "youth_id": youth["dara"].id}

    answer = call("POST", "/api/v1/applications", expect=400, json=body | {"note": " "})
    assert answer["field"] == "note" and "note" in answer["message"]
    assert db.session.scalar(select(Application.id)) is None

    call("POST", "/api/v1/applications", expect=201, json=body | {"note": "Good."})
    answer = call("POST", "/api/v1/applications", expect=400, json=body | {"note": "Again."})
    assert "already an application" in answer["message"]


def test_refer_another_centers_youth_is_not_found(api, youth, make_opening):
    opening = make_opening()
    body = {"opening_id": opening.id, "youth_id": youth["vanna"].id, "note": "Good."}

    api(Role.COUNSELOR)("POST", "/api/v1/applications", expect=404, json=body)

    assert db.session.scalar(select(Application.id)) is None


def test_status_moves_along_the_pipeline(api, youth, make_application):
    call = api(Role.COUNSELOR)
    application = make_application(youth=youth["dara"])

    answer = call(
        "POST", f"/api/v1/applications/{application.id}/status", json={"status": "shortlisted"}
    )

    assert answer["status"] == "shortlisted"
    assert answer["history"][-1]["to_status"] == "shortlisted"
    assert answer["history"][-1]["changed_by"]["id"] == call.user.id


def test_status_says_which_steps_may_come_next(api, youth, make_application):
    application = make_application(youth=youth["dara"], hired_on=date(2026, 1, 10))

    answer = api(Role.COUNSELOR)("GET", f"/api/v1/applications/{application.id}/status")

    assert answer["status"] == "hired"
    assert answer["allowed_moves"] == ["not_selected", "withdrawn"]
    assert "left" in answer["reason_codes"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"status": "hired"}, "cannot go from"),
        ({"status": "not_selected"}, "Choose why"),
        ({"status": "not_selected", "reason_code": "bogus"}, "from the list"),
        ({"status": "king"}, "must be one of"),
        ({}, "must be one of"),
    ],
)
def test_status_refusals_answer_400_and_change_nothing(api, youth, make_application, body, words):
    call = api(Role.COUNSELOR)
    application = make_application(youth=youth["dara"])

    answer = call("POST", f"/api/v1/applications/{application.id}/status", expect=400, json=body)

    assert words in answer["message"]
    db.session.refresh(application)
    assert application.status == ApplicationStatus.APPLIED


def test_another_centers_application_cannot_be_moved(api, youth, make_application):
    application = make_application(youth=youth["vanna"])

    api(Role.COUNSELOR)(
        "POST",
        f"/api/v1/applications/{application.id}/status",
        expect=404,
        json={"status": "shortlisted"},
    )

    db.session.refresh(application)
    assert application.status == ApplicationStatus.APPLIED


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER])
def test_youth_and_employer_tokens_are_refused(api, youth, make_application, make_opening, role):
    application = make_application(youth=youth["dara"])
    call = api(role)

    for method, url, body in [
        ("GET", "/api/v1/applications", None),
        ("GET", f"/api/v1/applications/{application.id}", None),
        ("POST", "/api/v1/applications", {"opening_id": 1, "youth_id": 1, "note": "x"}),
        ("POST", f"/api/v1/applications/{application.id}/status", {"status": "hired"}),
    ]:
        assert call(method, url, expect=403, json=body)["error"] == "forbidden"


def test_no_token_answers_401(client):
    response = client.post("/api/v1/applications", json={})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
