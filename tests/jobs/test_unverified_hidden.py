"""An organization no counselor has verified (pending or rejected) shows nothing in public, even
an opening marked published: not in the list, the search, the detail page, the courses, the home
page, its own public page, the API or the suggestions."""

import pytest

from portal import search
from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.jobs.models import OpeningKind
from portal.jobs.queries import published_openings
from portal.matching.services import suggestions_for
from portal.orgs.services import verify
from tests.conftest import login


@pytest.fixture
def openings(make_org, make_opening, reindex):
    """A published job and course of a rejected organization, and the same of a verified one."""
    rejected = make_org(
        name="Shady Agency", verified=False, rejected_at=utcnow(), rejection_reason="Fake."
    )
    pending = make_org(name="Brand New Shop", verified=False)
    made = {
        "rejected": make_opening(organization=rejected, title="Cook hidden", skills=["cooking"]),
        "pending": make_opening(organization=pending, title="Cashier hidden"),
        "course": make_opening(
            organization=rejected, title="Sewing course hidden", kind=OpeningKind.COURSE
        ),
        "shown": make_opening(title="Cook shown", skills=["cooking"]),
    }
    reindex()
    return made


HIDDEN = ("Cook hidden", "Cashier hidden", "Sewing course hidden")


def _assert_only_shown(html: str) -> None:
    for title in HIDDEN:
        assert title not in html


def test_the_public_query_leaves_them_out(openings):
    ids = {opening.id for opening in db.session.scalars(published_openings())}
    assert ids == {openings["shown"].id}


def test_the_list_and_the_search_leave_them_out(client, openings):
    html = client.get("/openings").get_data(as_text=True)
    assert "Cook shown" in html
    _assert_only_shown(html)
    html = client.get("/openings?q=cook").get_data(as_text=True)
    assert "Cook shown" in html and "Cook hidden" not in html
    html = client.get("/openings?q=cook&include_closed=1").get_data(as_text=True)
    assert "Cook hidden" not in html


def test_the_search_index_does_not_count_them(openings):
    result = search.query("")
    assert result.ids == [openings["shown"].id]
    assert result.total == 1


def test_their_detail_page_is_404_for_the_public_and_youth_but_not_for_staff_or_members(
    client, login_as, make_user, openings
):
    hidden = openings["rejected"]
    youth, _ = login_as(Role.YOUTH)
    counselor, _ = login_as(Role.COUNSELOR)
    member = make_user(Role.EMPLOYER, organization_id=hidden.organization_id)

    assert client.get(f"/openings/{hidden.id}").status_code == 404
    assert youth.get(f"/openings/{hidden.id}").status_code == 404
    assert counselor.get(f"/openings/{hidden.id}").status_code == 200
    member_client = login(client.application.test_client(), member)
    assert member_client.get(f"/openings/{hidden.id}").status_code == 200


def test_the_home_courses_and_organization_pages_leave_them_out(client, openings):
    _assert_only_shown(client.get("/").get_data(as_text=True))
    _assert_only_shown(client.get("/courses").get_data(as_text=True))
    page = client.get(f"/orgs/{openings['rejected'].organization_id}").get_data(as_text=True)
    _assert_only_shown(page)


def test_the_api_leaves_them_out(client, openings):
    answer = client.get("/api/v1/openings").get_json()
    assert [o["title"] for o in answer["results"]] == ["Cook shown"]
    assert answer["total"] == 1
    suggested = client.get("/api/v1/openings/suggest?q=cook").get_json()["suggestions"]
    assert [s["title"] for s in suggested] == ["Cook shown"]


def test_suggestions_leave_them_out(make_user, openings):
    profile = make_user(Role.YOUTH).youth_profile
    profile.skills = ["cooking"]
    db.session.commit()

    titles = [opening.title for opening, _ in suggestions_for(profile)]

    assert "Cook shown" in titles
    assert "Cook hidden" not in titles


def test_verifying_the_organization_makes_them_public_through_the_index(
    client, make_user, openings
):
    verify(openings["rejected"].organization, by=make_user(Role.COUNSELOR))
    db.session.commit()

    html = client.get("/openings?q=cook").get_data(as_text=True)
    assert "Cook hidden" in html
    assert client.get(f"/openings/{openings['rejected'].id}").status_code == 200
    assert search.query("").total == 3
