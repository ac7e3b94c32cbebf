"""Stopping job alerts from the link in a message: one click on the page it opens, no login,
for every alert or for one saved search; a forged or altered link stops nothing."""

from __future__ import annotations

from portal.alerts.models import AlertFrequency, SavedSearch
from portal.alerts.run import send_digests
from portal.alerts.services import settings_of
from portal.alerts.tokens import make_token, read_token
from portal.extensions import db
from tests.alerts.conftest import MORNING


def test_the_link_in_her_message_stops_all_her_alerts_without_logging_in(app, sewer, publish):
    publish()
    send_digests(MORNING)
    link = _only_digest(sewer).params["unsubscribe"]
    visitor = app.test_client()

    page = visitor.get(link)
    assert page.status_code == 200
    assert "Stop all job alerts?" in page.get_data(as_text=True)
    assert settings_of(sewer).frequency == AlertFrequency.DAILY  # opening the link changes nothing

    done = visitor.post(link)
    assert done.status_code == 200
    assert "we will send you no more job alerts" in done.get_data(as_text=True)
    db.session.expire_all()
    assert settings_of(sewer).frequency == AlertFrequency.OFF
    publish("Garment sewer")
    assert send_digests(MORNING.replace(hour=5)).digests == 0
    assert visitor.post(link).status_code == 200  # twice is harmless


def test_a_link_for_one_saved_search_stops_only_that_search(app, sewer):
    kept = SavedSearch(user_id=sewer.id, q="sewing", province_code="15")
    stopped = SavedSearch(user_id=sewer.id, q="cook")
    db.session.add_all([kept, stopped])
    db.session.commit()
    link = f"/alerts/stop/{make_token(sewer.id, stopped.id)}"
    visitor = app.test_client()

    assert "“cook”" in visitor.get(link).get_data(as_text=True)
    assert "no more alerts for “cook”" in visitor.post(link).get_data(as_text=True)

    assert [s.id for s in db.session.query(SavedSearch)] == [kept.id]
    assert settings_of(sewer).frequency == AlertFrequency.DAILY  # her other alerts go on
    assert "already deleted" in visitor.post(link).get_data(as_text=True)


def test_a_forged_or_altered_link_is_refused_and_stops_nothing(app, sewer, make_user):
    other = make_user("youth")
    real = make_token(sewer.id)
    forged = [
        "not-a-token",
        real[:-2] + ("AA" if not real.endswith("AA") else "BB"),  # signature altered
        real.replace(real.split(".")[0], make_token(other.id).split(".")[0]),  # her id swapped in
        _signed_with("another-secret", sewer.id),
    ]
    visitor = app.test_client()
    for token in forged:
        assert read_token(token) is None, token
        page = visitor.get(f"/alerts/stop/{token}")
        assert page.status_code == 404, token
        assert "This link is not valid" in page.get_data(as_text=True)
        assert visitor.post(f"/alerts/stop/{token}").status_code == 404
    assert settings_of(sewer).frequency == AlertFrequency.DAILY
    assert settings_of(other).frequency == AlertFrequency.DAILY


def test_another_users_saved_search_cannot_be_stopped_with_her_link(app, sewer, make_user):
    other = make_user("youth")
    theirs = SavedSearch(user_id=other.id, q="cook")
    db.session.add(theirs)
    db.session.commit()

    app.test_client().post(f"/alerts/stop/{make_token(sewer.id, theirs.id)}")

    assert db.session.get(SavedSearch, theirs.id) is not None


def _only_digest(user):
    from tests.alerts.test_limits import digests

    [digest] = digests(user)
    return digest


def _signed_with(secret: str, user_id: int) -> str:
    from itsdangerous import URLSafeSerializer

    return URLSafeSerializer(secret, salt="phlov-alerts-unsubscribe").dumps([user_id, 0])
