"""A counselor's app asks, with a token, which openings suit a young person, which youth suit an
opening, and who is registered: it sees its own center's youth only; an admin sees everyone."""

from __future__ import annotations

from datetime import date

import pytest

from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.extensions import db
from portal.jobs.models import OpeningKind


def years_ago(years: int, days: int = 0) -> date:
    today = date.today()
    born = today.replace(year=today.year - years) if (today.month, today.day) != (2, 29) else today
    return date.fromordinal(born.toordinal() - days)


@pytest.fixture
def centers(make_center):
    return {"pp": make_center(name="Phnom Penh YEC"), "sr": make_center(name="Siem Reap YEC")}


@pytest.fixture
def api(app, make_user, centers):
    """api("counselor") -> a GET function sending that user's Bearer token."""

    def make(role: Role, center: str = "pp"):
        user = make_user(role, center_id=centers[center].id)
        headers = {"Authorization": f"Bearer {issue_token(user)}"}
        db.session.commit()
        client = app.test_client()

        def get(url: str, status: int = 200, **args) -> dict:
            response = client.get(url, headers=headers, query_string=args)
            assert response.status_code == status, (url, response.get_json())
            assert response.content_type == "application/json"
            return response.get_json()

        return get

    return make


@pytest.fixture
def people(make_youth, centers):
    return {
        "sokha": make_youth(
            full_name="Sokha Chan", ref="PP-1", center_id=centers["pp"].id, province_code="12",
            skills=["sewing"], wanted_kinds=["job"], gender="female",
        ),
        "dara": make_youth(
            full_name="Dara Keo", ref="PP-2", center_id=centers["pp"].id, province_code="17",
            skills=["motorbike repair"], gender="male",
        ),
        "vanna": make_youth(
            full_name="Vanna Sok", ref="SR-1", center_id=centers["sr"].id, province_code="17",
            skills=["sewing"],
        ),
    }  # fmt: skip


@pytest.fixture
def sewer(make_opening):
    return make_opening(
        title="Garment sewer", ref="AG-7", skills=["sewing"], province_code="12", min_age=16
    )


def test_a_counselor_lists_only_their_centers_youth(api, people):
    get = api(Role.COUNSELOR)
    body = get("/api/v1/youth")
    assert [y["full_name"] for y in body["results"]] == ["Dara Keo", "Sokha Chan"]
    first = body["results"][0]
    assert set(first) >= {"id", "ref", "full_name", "province", "gender", "center"}
    assert first["province"]["code"] == "17"
    assert first["gender"] == "male"
    assert first["center"]["name"] == "Phnom Penh YEC"


def test_an_admin_lists_everyone_and_filters(api, people):
    get = api(Role.ADMIN)
    assert len(get("/api/v1/youth")["results"]) == 3
    assert [y["full_name"] for y in get("/api/v1/youth", ref="SR-1")["results"]] == ["Vanna Sok"]
    assert [y["full_name"] for y in get("/api/v1/youth", q="chan")["results"]] == ["Sokha Chan"]
    found = get("/api/v1/youth", province="ខេត្តសៀមរាប")["results"]  # in Khmer
    assert sorted(y["full_name"] for y in found) == ["Dara Keo", "Vanna Sok"]
    assert len(get("/api/v1/youth", province="kh-12")["results"]) == 1


def test_an_unknown_province_is_a_400_naming_the_closest(api, people):
    body = api(Role.ADMIN)("/api/v1/youth", status=400, province="Battambangg zzz")
    assert body["error"] == "unknown_province"
    assert body["field"] == "province"
    assert "Battambang" in body["message"]
    assert "02" in body["suggestions"]


def test_suggestions_have_the_documented_shape_and_reasons(api, people, sewer, make_opening):
    make_opening(title="Motorbike mechanic", skills=["motorbike repair"], province_code="17")
    body = api(Role.COUNSELOR)(f"/api/v1/youth/{people['sokha'].id}/suggestions")
    first = body["results"][0]
    assert set(first) == {"id", "ref", "kind", "title", "province", "score", "reasons"}
    assert (first["id"], first["ref"], first["kind"]) == (sewer.id, "AG-7", "job")
    assert first["province"]["code"] == "12"
    assert 0 < first["score"] <= 1
    codes = {reason["code"]: reason for reason in first["reasons"]}
    assert {"skill": "sewing", "wanted": "sewing"} in codes["skills"]["pairs"]
    assert codes["place"] == {"code": "place", "tier": "same_province", "province": "12"}
    assert codes["kind"] == {"code": "kind", "kind": "job"}


def test_a_counselor_gets_404_for_another_centers_youth(api, people, sewer):
    get = api(Role.COUNSELOR)
    body = get(f"/api/v1/youth/{people['vanna'].id}/suggestions", status=404)
    assert body["error"]
    get("/api/v1/youth/999999/suggestions", status=404)
    assert api(Role.COUNSELOR, "sr")(f"/api/v1/youth/{people['vanna'].id}/suggestions")["results"]


def test_candidates_are_the_counselors_center_only_and_all_for_admins(api, people, sewer):
    url = f"/api/v1/openings/{sewer.id}/candidates"
    mine = api(Role.COUNSELOR)(url)["results"]
    assert set(mine[0]) == {"id", "score", "reasons"}
    assert mine[0]["id"] == people["sokha"].id
    assert people["vanna"].id not in {c["id"] for c in mine}
    everyone = {c["id"] for c in api(Role.ADMIN)(url)["results"]}
    assert {people["sokha"].id, people["vanna"].id} <= everyone
    api(Role.COUNSELOR)("/api/v1/openings/999999/candidates", status=404)


def test_a_16_year_old_is_never_suggested_adults_only_work(api, make_youth, make_opening, centers):
    teen = make_youth(
        full_name="Young Sewer", center_id=centers["pp"].id, skills=["sewing"],
        date_of_birth=years_ago(16),
    )  # fmt: skip
    adults = make_opening(title="Sewing supervisor", skills=["sewing"], min_age=18)
    hazardous = make_opening(
        title="Sewing, dye works", skills=["sewing"], min_age=18, hazardous=True
    )
    open_to_teens = make_opening(title="Sewing helper", skills=["sewing"], min_age=15)
    get = api(Role.COUNSELOR)
    suggested = {r["id"] for r in get(f"/api/v1/youth/{teen.id}/suggestions")["results"]}
    assert open_to_teens.id in suggested
    assert suggested.isdisjoint({adults.id, hazardous.id})
    for opening in (adults, hazardous):
        candidates = get(f"/api/v1/openings/{opening.id}/candidates")["results"]
        assert teen.id not in {c["id"] for c in candidates}


def test_closed_openings_are_never_suggested(api, people, make_opening):
    closed = make_opening(title="Sewing", skills=["sewing"], kind=OpeningKind.JOB,
                          closing_date=date(2020, 1, 1))  # fmt: skip
    body = api(Role.ADMIN)(f"/api/v1/youth/{people['sokha'].id}/suggestions")
    assert closed.id not in {r["id"] for r in body["results"]}
