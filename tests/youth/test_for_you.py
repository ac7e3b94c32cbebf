"""The "For you" list leaves out what she applied to and what she said is "not for me"; the
"Not for me" button is a plain form (no script), and the notice after it can undo it (issue 16)."""

from __future__ import annotations

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.placements.models import DismissedOpening
from portal.placements.services import dismiss_opening, dismissed_opening_ids
from portal.youth import for_you
from portal.youth.for_you import SUGGESTIONS, suggestions_left_for


@pytest.fixture
def seamstress(login_as):
    client, user = login_as(Role.YOUTH)
    user.youth_profile.skills = ["sewing"]
    db.session.commit()
    return client, user.youth_profile


def _sewing_jobs(make_opening, count: int):
    return [make_opening(title=f"Sewing job {n}", skills=["sewing"]) for n in range(count)]


def test_for_you_leaves_out_what_she_applied_to_or_turned_down(
    seamstress, make_opening, make_application
):
    client, profile = seamstress
    applied, turned_down, fresh = _sewing_jobs(make_opening, 3)
    make_application(opening=applied, youth=profile)
    dismiss_opening(profile, turned_down)
    db.session.commit()

    page = client.get("/me/for-you").get_data(as_text=True)

    assert fresh.title in page
    assert applied.title not in page and turned_down.title not in page


def test_the_list_stays_full_when_some_are_left_out(seamstress, make_opening, make_application):
    _client, profile = seamstress
    jobs = _sewing_jobs(make_opening, SUGGESTIONS + 4)
    for job in jobs[:4]:
        make_application(opening=job, youth=profile)

    suggested = [opening for opening, _match in suggestions_left_for(profile)]

    assert len(suggested) == SUGGESTIONS
    assert not {job.id for job in jobs[:4]} & {opening.id for opening in suggested}


def test_not_for_me_then_undo_from_the_notice(seamstress, make_opening):
    client, profile = seamstress
    (job,) = _sewing_jobs(make_opening, 1)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert f'action="/openings/{job.id}/not-for-me"' in page

    response = client.post(f"/openings/{job.id}/not-for-me")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/me/for-you?hidden={job.id}#turned-down"
    assert dismissed_opening_ids(profile) == {job.id}
    page = client.get(f"/me/for-you?hidden={job.id}").get_data(as_text=True)
    assert f"“{job.title}” will not be suggested to you again." in page
    assert f'action="/openings/{job.id}/not-for-me/undo"' in page
    assert page.count(job.title) == 1  # in the notice only, not among the suggestions

    response = client.post(f"/openings/{job.id}/not-for-me/undo", follow_redirects=True)

    assert f"“{job.title}” may be suggested to you again." in response.get_data(as_text=True)
    assert 'class="opening-card"' in response.get_data(as_text=True)
    assert dismissed_opening_ids(profile) == set()


def test_the_notice_names_only_her_own_choices(seamstress, make_opening, make_youth):
    client, _profile = seamstress
    other = make_youth()
    (job,) = _sewing_jobs(make_opening, 1)
    dismiss_opening(other, job)
    db.session.commit()

    page = client.get(f"/me/for-you?hidden={job.id}").get_data(as_text=True)

    assert "will not be suggested to you again" not in page


def test_not_for_me_needs_a_public_opening_and_a_post(seamstress, make_opening):
    client, _profile = seamstress
    draft = make_opening(status=OpeningStatus.DRAFT)
    (job,) = _sewing_jobs(make_opening, 1)

    assert client.post(f"/openings/{draft.id}/not-for-me").status_code == 404
    assert client.get(f"/openings/{job.id}/not-for-me").status_code == 405
    assert DismissedOpening.query.count() == 0


def test_not_for_me_without_the_forms_token_is_refused(seamstress, make_opening, app, monkeypatch):
    client, _profile = seamstress
    (job,) = _sewing_jobs(make_opening, 1)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)

    response = client.post(f"/openings/{job.id}/not-for-me")

    assert response.status_code == 400
    assert DismissedOpening.query.count() == 0


def test_a_counselor_sees_no_not_for_me_buttons_on_a_youths_page(
    login_as, make_youth, make_opening
):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id, skills=["sewing"])
    _sewing_jobs(make_opening, 2)

    page = client.get(f"/youth/{youth.id}").get_data(as_text=True)

    assert "Sewing job 0" in page
    assert "not-for-me" not in page


def test_choices_on_closed_openings_do_not_widen_the_search(
    seamstress, make_opening, make_application, monkeypatch
):
    _client, profile = seamstress
    closed = make_opening(title="Old sewing job", skills=["sewing"], status=OpeningStatus.CLOSED)
    make_application(opening=closed, youth=profile)
    (job,) = _sewing_jobs(make_opening, 1)
    dismiss_opening(profile, job)
    db.session.commit()
    asked = []
    real = for_you.suggestions_for
    monkeypatch.setattr(
        for_you, "suggestions_for", lambda *a, limit: asked.append(limit) or real(*a, limit=limit)
    )

    assert suggestions_left_for(profile) == []
    assert asked == [SUGGESTIONS + 1]  # the open one she turned down, not the closed one
