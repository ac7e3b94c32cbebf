"""“Alert me about this search”: a young person keeps a search from the search page, finds it
in her account, gets its new openings in her digest (even ones her profile would not bring),
and deletes it."""

from __future__ import annotations

import re

from sqlalchemy import select

from portal.alerts.models import SavedSearch, SentAlert
from portal.alerts.run import send_digests
from portal.extensions import db
from tests.alerts.conftest import MORNING
from tests.alerts.test_limits import digests
from tests.conftest import login


def _searches(user) -> list[SavedSearch]:
    return list(db.session.scalars(select(SavedSearch).where(SavedSearch.user_id == user.id)))


def test_she_saves_a_search_from_the_search_page_and_gets_its_new_openings(
    app, sewer, publish, reindex
):
    cook = publish("Cook", skills=("cooking",), province_code="17")  # nothing of her skills
    publish("Cook", skills=("cooking",), province_code="02")  # another province
    reindex()
    client = login(app.test_client(), sewer)

    page = client.get("/openings?q=cook&province=17").get_data(as_text=True)
    assert "Alert me about this search" in page
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    saved = client.post("/openings/alert", data=fields, follow_redirects=True)

    assert "We will tell you about new openings for this search" in saved.get_data(as_text=True)
    [search] = _searches(sewer)
    assert search.args() == {"q": "cook", "province": "17"}
    send_digests(MORNING)
    [digest] = digests(sewer)
    assert digest.params["opening_ids"] == [cook.id]
    [sent] = db.session.scalars(select(SentAlert)).all()
    assert sent.saved_search_id == search.id


def test_the_same_search_twice_is_kept_once_and_an_empty_one_is_refused(app, sewer):
    client = login(app.test_client(), sewer)
    client.post("/openings/alert", data={"q": "sewing", "kind": "job"})

    again = client.post(
        "/openings/alert", data={"q": "sewing", "kind": "job"}, follow_redirects=True
    )
    empty = client.post("/openings/alert", data={}, follow_redirects=True)

    assert "You already get alerts for this search" in again.get_data(as_text=True)
    assert "Type some words or choose a filter first" in empty.get_data(as_text=True)
    assert len(_searches(sewer)) == 1


def test_she_sees_her_saved_searches_and_deletes_one(app, sewer, make_user):
    other = make_user("youth")
    mine = SavedSearch(user_id=sewer.id, q="sewing", province_code="15")
    theirs = SavedSearch(user_id=other.id, q="cook")
    db.session.add_all([mine, theirs])
    db.session.commit()
    client = login(app.test_client(), sewer)

    page = client.get("/me/alerts").get_data(as_text=True)
    assert "“sewing” · Pursat" in page
    assert "“cook”" not in page
    assert client.post(f"/me/alerts/searches/{theirs.id}/delete").status_code == 404
    done = client.post(f"/me/alerts/searches/{mine.id}/delete", follow_redirects=True)

    assert "No more alerts for this search" in done.get_data(as_text=True)
    assert _searches(sewer) == [] and len(_searches(other)) == 1


def test_she_chooses_weekly_and_three_openings(app, sewer):
    client = login(app.test_client(), sewer)

    response = client.post("/me/alerts", data={"frequency": "weekly", "per_digest": "3"})
    refused = client.post("/me/alerts", data={"frequency": "weekly", "per_digest": "50"})

    assert response.status_code == 302
    assert refused.status_code == 400
    from portal.alerts.services import settings_of

    db.session.expire_all()
    setting = settings_of(sewer)
    assert (setting.frequency, setting.per_digest) == ("weekly", 3)


def test_a_saved_search_never_brings_a_minor_work_the_rules_refuse(make_user, publish, reindex):
    minor = make_user("youth")
    minor.youth_profile.date_of_birth = MORNING.date().replace(year=MORNING.year - 16)
    db.session.add(SavedSearch(user_id=minor.id, q="welder"))
    db.session.commit()
    publish("Welder", skills=("welding",), hazardous=True, min_age=18)
    allowed = publish("Welding course helper", skills=("welding",), min_age=15)
    reindex()

    send_digests(MORNING)

    assert [d.params["opening_ids"] for d in digests(minor)] == [[allowed.id]]


def test_visitors_and_staff_see_no_alert_button(app, client, login_as, reindex):
    reindex()
    assert "Log in to get new openings" in client.get("/openings?q=cook").get_data(as_text=True)
    counselor, _user = login_as("counselor")
    assert "Alert me" not in counselor.get("/openings?q=cook").get_data(as_text=True)
