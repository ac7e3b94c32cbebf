"""The search page draws each opening's card once and keeps it (issue 18), but never shows a
card that is out of date: an edit, another language, another reader's marks or a closed opening
each get their own card."""

from __future__ import annotations

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.placements.models import SavedOpening
from portal.search import index


def _page(client, **args) -> str:
    return client.get("/openings", query_string=args).get_data(as_text=True)


def test_an_edited_opening_shows_as_it_is_now(client, make_opening, make_org, reindex):
    org = make_org(name="Angkor Garments")
    opening = make_opening(title="Sewing helper", organization=org, salary_min=200, currency="USD")
    reindex()
    assert "Sewing helper" in _page(client, q="sewing")

    opening.title = "Sewing team leader"
    index(opening)
    db.session.commit()
    html = _page(client, q="sewing")
    assert "Sewing team leader" in html and "Sewing helper" not in html

    org.name = "Angkor Garments Group"
    db.session.commit()
    assert "Angkor Garments Group" in _page(client, q="sewing")

    opening.salary_min = 350
    db.session.commit()
    assert "$350" in _page(client, q="sewing")
    closed = _page(client, q="sewing", include_closed="y")
    opening.status = OpeningStatus.CLOSED
    index(opening)
    db.session.commit()
    assert "badge-closed" not in closed
    assert "badge-closed" in _page(client, q="sewing", include_closed="y")


def test_each_language_has_its_own_card(client, make_opening, reindex):
    make_opening(title="Cook")
    reindex()
    assert "Posted today" in _page(client, q="cook")
    client.post("/lang/km")
    html = _page(client, q="cook")
    assert "Posted today" not in html and "ថ្ងៃនេះ" in html


def test_her_saved_mark_is_hers_alone(app, login_as, make_opening, reindex):
    opening = make_opening(title="Cook")
    reindex()
    client, youth = login_as(Role.YOUTH)
    db.session.add(SavedOpening(youth_id=youth.youth_profile.id, opening_id=opening.id))
    db.session.commit()
    assert "mark-saved" in _page(client, q="cook")

    assert "mark-saved" not in _page(app.test_client(), q="cook")
