"""Moving an application (issue 19): one view for the employer's page and the counselor's, one
service behind it and the API. Each refusal says why, next to the field, and loses nothing typed;
a success goes back to the page the form was on. The forms are the pages' own, posted as a
browser would post them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import select

from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.extensions import db, utcnow
from portal.placements import services
from portal.placements.models import Application, ApplicationStatus, ApplicationStatusChange
from tests.conftest import login

S = ApplicationStatus
TYPED = "She found a job nearer home, her mother told us."


@pytest.fixture
def desk(app, make_center, make_org, make_user, make_opening, make_application):
    """An employer's opening, a young woman of a center applying to it, the center's counselor."""
    center = make_center(name="Pursat center", province_code="15")
    organization = make_org(name="Pursat Garments")
    employer = make_user(Role.EMPLOYER, organization_id=organization.id)
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    youth = make_user(Role.YOUTH)
    youth.youth_profile.center_id = center.id
    opening = make_opening(organization=organization, title="Sewing machine operator")
    application = make_application(opening=opening, youth=youth.youth_profile)
    application.created_at = utcnow() - timedelta(days=20)
    db.session.commit()
    users = {"employer": employer, "counselor": counselor}
    pages = {
        "employer": f"/employer/applications/{application.id}",
        "counselor": f"/caseload/applications/{application.id}?next=/caseload",
    }
    return {"application": application, "users": users, "pages": pages}


MOVERS = ["employer", "counselor"]


def _form(page: str, status: str) -> tuple[str, dict]:
    """The action and hidden fields of the page's form for `status`."""
    match = re.search(rf'<form method="post" action="([^"]+)"[^>]*id="move-{status}"', page)
    assert match, f"no form for {status}"
    form = page[match.start() : page.index("</form>", match.start())]
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    return unescape(match.group(1)), hidden


def _submit(client, page_url: str, status: str, **typed):
    """Open the page, fill its form for `status` and press the button."""
    action, hidden = _form(client.get(page_url).get_data(as_text=True), status)
    return client.post(action, data=hidden | typed)


def _status(application) -> ApplicationStatus:
    db.session.expire_all()
    return db.session.get(Application, application.id).status


def _move(application, *steps, by):
    for step in steps:
        services.move(application, step, by=by)
    db.session.commit()


@pytest.fixture
def mover(app, desk, request):
    """(client, user, page) of the employer or the counselor."""
    user = desk["users"][request.param]
    return login(app.test_client(), user), user, desk["pages"][request.param]


moving_roles = pytest.mark.parametrize("mover", MOVERS, indirect=True)


@moving_roles
def test_a_move_goes_back_to_the_page_it_came_from(desk, mover):
    client, user, page = mover

    response = _submit(client, page, "shortlisted")

    assert response.status_code == 302
    assert response.headers["Location"].split("?")[0] == page.split("?")[0]
    assert "next=/caseload" in response.headers["Location"] or user.role == Role.EMPLOYER
    assert _status(desk["application"]) == S.SHORTLISTED
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "is now “On the short list”" in shown
    change = db.session.scalars(select(ApplicationStatusChange)).all()[-1]
    assert (change.to_status, change.changed_by_id) == (S.SHORTLISTED, user.id)


@moving_roles
def test_someone_moved_it_first_nothing_changes_and_the_words_are_kept(desk, mover):
    client, _user, page = mover
    application = desk["application"]
    action, hidden = _form(client.get(page).get_data(as_text=True), "not_selected")
    _move(application, S.SHORTLISTED, by=desk["users"]["counselor"])  # meanwhile, elsewhere

    response = client.post(action, data=hidden | {"reason_code": "skills", "reason": TYPED})

    assert response.status_code == 409
    text = unescape(response.get_data(as_text=True))
    assert "While you had this page open, this application moved to “On the short list”" in text
    assert TYPED in text  # nothing typed is lost
    assert _status(application) == S.SHORTLISTED
    assert len(db.session.get(Application, application.id).status_changes) == 1


@moving_roles
def test_a_second_press_of_the_same_button_changes_nothing(desk, mover):
    client, _user, page = mover
    action, hidden = _form(client.get(page).get_data(as_text=True), "shortlisted")

    assert client.post(action, data=hidden).status_code == 302
    again = client.post(action, data=hidden)

    assert again.status_code == 409
    assert _status(desk["application"]) == S.SHORTLISTED
    changes = db.session.get(Application, desk["application"].id).status_changes
    assert [c.to_status for c in changes] == [S.SHORTLISTED]


@moving_roles
def test_not_selected_needs_a_reason_from_the_list_and_keeps_the_words(desk, mover):
    client, _user, page = mover

    response = _submit(client, page, "not_selected", reason_code="", reason=TYPED)

    assert response.status_code == 400
    form = response.get_data(as_text=True).split('id="move-not_selected"')[1].split("</form>")[0]
    assert "Choose why the person was not selected." in form
    assert TYPED in unescape(form)
    assert _status(desk["application"]) == S.APPLIED


@moving_roles
def test_a_reason_not_on_the_list_is_refused(desk, mover):
    client, _user, page = mover

    response = _submit(client, page, "not_selected", reason_code="she-is-lazy")

    assert response.status_code == 400
    assert "Choose a reason from the list." in response.get_data(as_text=True)
    assert _status(desk["application"]) == S.APPLIED


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("hired", "An application cannot go from “Applied” to “Hired”."),  # not from here
        ("king", "Choose a step from the buttons."),  # not a step at all
    ],
)
@moving_roles
def test_a_step_that_is_not_the_next_one_is_refused(desk, mover, asked, message):
    client, _user, page = mover
    action, hidden = _form(client.get(page).get_data(as_text=True), "shortlisted")

    response = client.post(action, data=hidden | {"to_status": asked})

    assert response.status_code == 400
    assert message in unescape(response.get_data(as_text=True))
    assert _status(desk["application"]) == S.APPLIED


@moving_roles
def test_words_too_long_are_refused_and_kept(desk, mover):
    client, _user, page = mover
    words = "Not this time. " * 70  # 1050 characters

    response = _submit(client, page, "not_selected", reason_code="skills", reason=words)

    assert response.status_code == 400
    assert "1000" in response.get_data(as_text=True)
    assert _status(desk["application"]) == S.APPLIED


def _to_interview(desk):
    _move(desk["application"], S.SHORTLISTED, S.INTERVIEW, by=desk["users"]["counselor"])


@pytest.mark.parametrize(
    ("days_from_today", "message"),
    [
        (1, "The day of the hire cannot be in the future."),
        (-30, "The day of the hire cannot be before the application"),  # she applied 20 days ago
    ],
)
@moving_roles
def test_a_hire_on_a_day_that_cannot_be_is_refused(desk, mover, days_from_today, message):
    client, _user, page = mover
    _to_interview(desk)
    day = date.today() + timedelta(days=days_from_today)

    response = _submit(client, page, "hired", hired_on=day.isoformat())

    assert response.status_code == 400
    form = response.get_data(as_text=True).split('id="move-hired"')[1].split("</form>")[0]
    assert message in unescape(form)
    assert f'value="{day.isoformat()}"' in form  # the day typed, to correct
    assert _status(desk["application"]) == S.INTERVIEW


@moving_roles
def test_a_hire_last_week_counts_its_follow_ups_from_that_day(desk, mover):
    client, _user, page = mover
    _to_interview(desk)
    last_week = date.today() - timedelta(days=7)

    page_text = client.get(page).get_data(as_text=True)
    assert f'value="{date.today().isoformat()}"' in page_text  # today, unless she says
    response = _submit(client, page, "hired", hired_on=last_week.isoformat())

    assert response.status_code == 302
    hired = db.session.get(Application, desk["application"].id)
    assert (hired.status, hired.hired_on) == (S.HIRED, last_week)
    assert hired.follow_ups[0].due_on == services.add_months(last_week, 1)


def test_an_employer_may_not_withdraw_for_her(app, desk):
    client = login(app.test_client(), desk["users"]["employer"])
    action, hidden = _form(
        client.get(desk["pages"]["employer"]).get_data(as_text=True), "shortlisted"
    )

    response = client.post(action, data=hidden | {"to_status": "withdrawn"})

    assert response.status_code == 403
    assert "You cannot make this change to this application." in response.get_data(as_text=True)
    assert _status(desk["application"]) == S.APPLIED


def test_leaving_hired_needs_a_reason_for_both(app, desk):
    _to_interview(desk)
    _move(desk["application"], S.HIRED, by=desk["users"]["counselor"])
    client = login(app.test_client(), desk["users"]["employer"])

    response = _submit(client, desk["pages"]["employer"], "not_selected", reason_code="")

    assert response.status_code == 400
    assert "this step needs a reason" in response.get_data(as_text=True)
    assert _status(desk["application"]) == S.HIRED


def test_another_centers_counselor_and_another_employer_do_not_find_it(app, desk, make_user):
    url = f"/applications/{desk['application'].id}/status"
    for outsider in (make_user(Role.COUNSELOR), make_user(Role.EMPLOYER)):
        response = login(app.test_client(), outsider).post(url, data={"to_status": "shortlisted"})
        assert response.status_code == 404
    assert _status(desk["application"]) == S.APPLIED


# --- the API: the same service, the same refusals ------------------------------------------------


@pytest.fixture
def api(app, desk):
    user = desk["users"]["counselor"]
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token("moving")))
    db.session.commit()
    url = f"/api/v1/applications/{desk['application'].id}/status"

    def post(body: dict):
        return app.test_client().post(url, json=body, headers={"Authorization": "Bearer moving"})

    return post


def test_the_api_refuses_a_stale_move_with_409(api, desk):
    _move(desk["application"], S.SHORTLISTED, by=desk["users"]["counselor"])

    response = api({"status": "interview", "from_status": "applied"})

    assert response.status_code == 409
    assert response.get_json()["error"] == "conflict"
    assert "moved to “On the short list”" in response.get_json()["message"]
    assert _status(desk["application"]) == S.SHORTLISTED


def test_the_api_refuses_a_hire_in_the_future_next_to_its_field(api, desk):
    _to_interview(desk)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()

    response = api({"status": "hired", "hired_on": tomorrow, "from_status": "interview"})

    assert response.status_code == 400
    assert response.get_json()["field"] == "hired_on"
    assert api({"status": "hired", "hired_on": "last monday"}).get_json()["field"] == "hired_on"
    assert _status(desk["application"]) == S.INTERVIEW
    assert api({"status": "hired", "hired_on": date.today().isoformat()}).status_code == 200
