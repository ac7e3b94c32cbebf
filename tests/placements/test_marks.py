"""A youth sees "Applied" and "Saved" on every list of openings (search, home, "For you", an
organization's page, courses), found in one query per page, not one per card (issue 16)."""

from __future__ import annotations

import re

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningKind
from portal.placements.marks import marks_for
from portal.placements.models import SavedOpening
from tests.sql_statements import statements

APPLIED = '<span class="mark mark-applied">Applied</span>'
SAVED = '<span class="mark mark-saved">Saved</span>'


@pytest.fixture
def youth_with_marks(login_as, make_org, make_opening, make_application, reindex):
    """A youth who sews; of one organization's three sewing courses, she applied to the first
    and saved the second."""
    client, user = login_as(Role.YOUTH)
    profile = user.youth_profile
    profile.skills = ["sewing"]
    org = make_org(name="Sewing school")
    openings = [
        make_opening(
            organization=org, title=f"Sewing {n}", skills=["sewing"], kind=OpeningKind.COURSE
        )
        for n in range(3)
    ]
    make_application(opening=openings[0], youth=profile)
    db.session.add(SavedOpening(youth_id=profile.id, opening_id=openings[1].id))
    db.session.commit()
    reindex()
    return client, openings


def _card_of(page: str, title: str) -> str:
    """The HTML of the card whose title is `title`."""
    for card in re.findall(r'<article class="opening-card.*?</article>', page, re.S):
        if f">{title}</a>" in card:
            return card
    raise AssertionError(f"no card for {title}")


@pytest.mark.parametrize(
    "path", ["/", "/openings?q=sewing", "/courses", "/orgs/{org}", "/me/for-you"]
)
def test_every_list_marks_what_she_applied_to_and_saved(youth_with_marks, path):
    client, (applied, saved, fresh) = youth_with_marks
    page = client.get(path.format(org=applied.organization_id)).get_data(as_text=True)

    if path != "/me/for-you":  # "For you" leaves out what she applied to
        assert APPLIED in _card_of(page, applied.title)
        assert SAVED not in _card_of(page, applied.title)
    assert SAVED in _card_of(page, saved.title) and APPLIED not in _card_of(page, saved.title)
    assert "mark-" not in _card_of(page, fresh.title)


def test_nobody_else_sees_her_marks(youth_with_marks, client, login_as):
    for other in (client, login_as(Role.YOUTH)[0], login_as(Role.COUNSELOR)[0]):
        page = other.get("/openings?q=sewing").get_data(as_text=True)
        assert "Sewing 0" in page and "mark-" not in page


def _marking_queries(seen: list[str]) -> list[str]:
    return [s for s in seen if "saved_opening" in s or "FROM application" in s]


def test_one_query_for_the_marks_of_a_page_however_many_cards(
    login_as, make_opening, make_application, reindex
):
    client, user = login_as(Role.YOUTH)
    profile = user.youth_profile
    openings = [make_opening(title=f"Cook {n}") for n in range(12)]
    for opening in openings[:6]:
        make_application(opening=opening, youth=profile)
        db.session.add(SavedOpening(youth_id=profile.id, opening_id=opening.id))
    db.session.commit()
    reindex()

    for path in ("/", "/openings?q=cook"):
        with statements() as seen:
            page = client.get(path).get_data(as_text=True)
        assert page.count(APPLIED) == 6 and page.count(SAVED) == 6
        assert len(_marking_queries(seen)) == 1, _marking_queries(seen)


def test_marks_for_nobody_or_no_openings_ask_nothing(make_opening, make_youth):
    opening, youth = make_opening(), make_youth()
    assert opening.id and youth.id  # loaded before counting
    with statements() as seen:
        assert not marks_for(None, [opening]).has_applied(opening)
        assert not marks_for(youth, []).has_saved(opening)
    assert seen == []


def test_her_saved_list_says_which_she_applied_to(youth_with_marks):
    client, (applied, saved, _fresh) = youth_with_marks
    client.post(f"/openings/{applied.id}/save")

    page = client.get("/me/saved").get_data(as_text=True)

    assert page.count(APPLIED) == 1
    assert page.index(APPLIED) > page.index(applied.title)
    assert saved.title in page
