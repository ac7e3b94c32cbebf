"""Every route, every role: each role is refused what is not its own, on the server.

A new route fails `test_every_route_is_declared` until its access is written down here.
TOKEN routes (the staff API) take a Bearer token only: a session cookie, whatever its role,
gets 401 there (tests/api/test_tokens.py checks the tokens of each role)."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from tests.conftest import login

MOVED = {"caseload.figures", "caseload.figures_csv"}  # old addresses, redirected (issue 17)
PUBLIC = "public"
TOKEN = "token"
STAFF = {Role.COUNSELOR, Role.ADMIN}

ACCESS: dict[str, object] = {
    "static": PUBLIC,
    "main.home": PUBLIC,
    "main.set_language": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.signup_employer": PUBLIC,
    "youth.signup": PUBLIC,
    "jobs.index": PUBLIC,
    "jobs.detail": PUBLIC,
    "jobs.feed": PUBLIC,
    "courses.index": PUBLIC,
    "orgs.show": PUBLIC,
    "jobs.new": {Role.EMPLOYER, *STAFF},
    "jobs.edit": {Role.EMPLOYER, *STAFF},
    "jobs.review_queue": STAFF,
    "jobs.approve": STAFF,
    "jobs.reject": STAFF,
    "jobs.close": STAFF,
    "jobs.candidates": STAFF,
    "orgs.dashboard": {Role.EMPLOYER},
    "orgs.edit_organization": {Role.EMPLOYER},
    "orgs.verify_organization": STAFF,
    "orgs.pending": STAFF,
    "orgs.review": STAFF,
    "orgs.reject_organization": STAFF,
    "jobs.decline": STAFF,
    "notifications.index": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "notifications.open_one": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "notifications.read_all": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "notifications.settings": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "telegram.connect": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "telegram.unlink": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "telegram.webhook": PUBLIC,  # Telegram's servers; the secret-token header is the check
    "youth.my_profile": {Role.YOUTH},
    "youth.for_you": {Role.YOUTH},
    "youth.confirm_details": {Role.YOUTH},
    "youth.not_for_me": {Role.YOUTH},
    "youth.undo_not_for_me": {Role.YOUTH},
    "alerts.save_search": {Role.YOUTH},
    "alerts.settings": {Role.YOUTH},
    "alerts.delete_search": {Role.YOUTH},
    "alerts.digest": {Role.YOUTH},
    "alerts.unsubscribe": PUBLIC,  # a signed token, no login (tests/alerts/test_unsubscribe.py)
    "youth.center_list": STAFF,
    "youth.new": STAFF,
    "youth.detail": STAFF,
    "youth.edit": STAFF,
    "youth.details_confirmed": STAFF,
    "claims.claim_profile": PUBLIC,
    "claims.give_code": STAFF,
    "claims.merge": STAFF,
    "admin.centers": {Role.ADMIN},
    "admin.center": {Role.ADMIN},
    "admin.staff": {Role.ADMIN},
    "admin.toggle_staff": {Role.ADMIN},
    "admin.staff_scope": {Role.ADMIN},
    "api.openings": PUBLIC,
    "api.suggest_openings": PUBLIC,
    "api.openapi_json": PUBLIC,
    "board.show": PUBLIC,
    "api.youth_list": TOKEN,
    "api.youth_suggestions": TOKEN,
    "api.opening_candidates": TOKEN,
    "api.applications_list": TOKEN,
    "api.application_detail": TOKEN,
    "api.new_referral": TOKEN,
    "api.application_status": TOKEN,
    "caseload.index": STAFF,
    "caseload.application": STAFF,
    "caseload.refer": STAFF,
    "caseload.refer_youth": STAFF,
    "caseload.refer_chosen": STAFF,
    "caseload.follow_ups": STAFF,
    "caseload.record_follow_up": STAFF,
    "caseload.figures": STAFF,
    "caseload.figures_csv": STAFF,
    "indicators.page": STAFF,
    "indicators.printed": STAFF,
    "indicators.export_csv": STAFF,
    "indicators.export_xlsx": STAFF,
    "placements.apply": {Role.YOUTH},
    "placements.my_applications": {Role.YOUTH},
    "placements.withdraw": {Role.YOUTH},
    "placements.saved": {Role.YOUTH},
    "placements.save": {Role.YOUTH},
    "placements.unsave": {Role.YOUTH},
    "placements.applicants": {Role.EMPLOYER},
    "placements.application": {Role.EMPLOYER},
    # The one way to move an application on the web (issue 19): the employer of the opening and
    # the young person's counselors (tests/placements/test_moving.py).
    "placements.change_status": {Role.EMPLOYER, *STAFF},
    "placements.cv": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    # Interviews (issue 19): the employer of that opening and the young person's counselors; other
    # employers and centers get 404 (tests/interviews/test_access.py).
    "interviews.edit": {Role.EMPLOYER, *STAFF},
    "interviews.no_show": {Role.EMPLOYER, *STAFF},
    "interviews.day": {Role.EMPLOYER, *STAFF},
    "safety_admin.bad_contacts": {Role.ADMIN},
    "safety_admin.delete_bad_contact": {Role.ADMIN},
    "safety_admin.set_recruiter": STAFF,
    "kiosk.setup": STAFF,
    "kiosk.start": STAFF,
    "kiosk.stop": STAFF,
    "kiosk.done": PUBLIC,
    "kiosk.idle": PUBLIC,
    "safety.report": PUBLIC,
    "safety.reports_queue": STAFF,
    "safety.dismiss": STAFF,
    "safety.confirm": STAFF,
    "safety.contacts": {Role.ADMIN},
    "safety.edit_contact": {Role.ADMIN},
    "safety.delete_contact": {Role.ADMIN},
    "privacy.my_privacy": {Role.YOUTH},
    "privacy.consent": {Role.YOUTH},
    "privacy.download_json": {Role.YOUTH},
    "privacy.data_page": {Role.YOUTH},
    "privacy.request_erasure": {Role.YOUTH},
    "privacy.cancel_erasure": {Role.YOUTH},
    "privacy.erasure_requests": STAFF,
    "privacy.confirm_erasure": STAFF,
    "privacy.release_cv": STAFF,
    "audit.trail": {Role.ADMIN},
    "audit.trail_export": {Role.ADMIN},
    "audit.who_looked": {Role.YOUTH},
    "serving.healthz": PUBLIC,
    "serving.favicon": PUBLIC,
    "recovery.forgot": PUBLIC,
    "recovery.reset_with_link": PUBLIC,
    "recovery.reset_with_code": PUBLIC,
    "recovery.issue_code": STAFF,
    "two_factor.verify": PUBLIC,
    "two_factor.setup": STAFF,
    "two_factor.qr": STAFF,
    "two_factor.admin_reset": {Role.ADMIN},
    "account.index": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "account.password": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "account.sessions": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "account.end_others": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "account.end_all": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "account.tokens": STAFF,
    "account.revoke": STAFF,
    "screening_admin.rules": STAFF,
    "screening_admin.try_rules": STAFF,
    "screening_admin.switch_rule": {Role.ADMIN},
    # The gateway's callback: no login, a secret in the address or a header (tests/sms).
    "sms.delivery_report": PUBLIC,
    "sms.usage": {Role.ADMIN},
    "phone_confirmation.index": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "phone_confirmation.send": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    "phone_confirmation.confirm": {Role.YOUTH, Role.EMPLOYER, *STAFF},
    # The CV made from the profile (issue 19): the young person's own, her center's counselors,
    # admins; another youth or center gets 404 (test_a_cv_is_reached_only_by_its_people below).
    "cv.mine": {Role.YOUTH},
    "cv.edit": {Role.YOUTH, *STAFF},
    "cv.new_row": {Role.YOUTH, *STAFF},
    "cv.edit_row": {Role.YOUTH, *STAFF},
    "cv.remove": {Role.YOUTH, *STAFF},
    "cv.show": {Role.YOUTH, *STAFF},
    "cv.pdf": {Role.YOUTH, *STAFF},
}

ROLES = [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN]

REFUSALS = [
    (endpoint, role)
    for endpoint, allowed in ACCESS.items()
    if allowed != PUBLIC
    for role in ROLES
    if allowed == TOKEN or role not in allowed
]


def test_every_route_is_declared(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - ACCESS.keys() == set(), "declare the access of new routes in ACCESS"
    assert ACCESS.keys() - endpoints == set(), "ACCESS lists routes that no longer exist"


@pytest.fixture
def world(make_opening, make_youth, make_center, make_user, make_application, ctx):
    """One object of each kind, so that every URL with an id can be built."""
    center = make_center()
    opening = make_opening(status=OpeningStatus.PENDING_REVIEW)
    staff = make_user(Role.COUNSELOR, center_id=center.id)
    youth = make_youth(center_id=center.id)
    application = make_application(opening=opening, youth=youth, hired_on=date(2026, 1, 5))
    return {
        "application_id": application.id,
        "follow_up_id": application.follow_ups[0].id,
        "opening_id": opening.id,
        "organization_id": opening.organization_id,
        "youth_id": youth.id,
        "center_id": center.id,
        "user_id": staff.id,
        "token_id": _token_of(staff).id,
        "search_id": 1,  # job alerts: a saved search or digest not hers is 404 (tests/alerts)
        "day": "2026-11-01",
        "token": "not-a-signed-token",
        "section": "work",  # a CV's rows (portal/cv); none of this id: 404 for those allowed
        "row_id": 1,
    }


def _token_of(user) -> ApiToken:
    token = ApiToken(user_id=user.id, token_hash=hash_token(f"world-{user.id}"))
    db.session.add(token)
    db.session.commit()
    return token


def _requests(app, endpoint: str, ids: dict):
    """(method, url) for each method of the endpoint's rules."""
    for rule in app.url_map.iter_rules(endpoint):
        values = {arg: ids[arg] for arg in rule.arguments}
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            with app.test_request_context():
                from flask import url_for

                yield method, url_for(endpoint, **values)


@pytest.mark.parametrize(("endpoint", "role"), REFUSALS, ids=lambda v: str(v))
def test_role_is_refused(app, login_as, world, endpoint, role):
    client = app.test_client() if role is None else login_as(role)[0]
    for method, url in _requests(app, endpoint, world):
        response = client.open(url, method=method)
        if ACCESS[endpoint] == TOKEN:
            assert response.status_code == 401, (method, url, response.status_code)
            assert response.headers["WWW-Authenticate"].startswith("Bearer"), (method, url)
        elif role is None:
            assert response.status_code == 302, (method, url)
            assert "/login" in response.headers["Location"], (method, url)
        else:
            assert response.status_code == 403, (method, url, response.status_code)


@pytest.mark.parametrize(
    ("endpoint", "role"),
    [
        (e, r)
        for e, allowed in ACCESS.items()
        if allowed not in (PUBLIC, TOKEN)
        for r in ROLES
        if r in allowed
    ],
    ids=lambda v: str(v),
)
def test_role_reaches_its_own_pages(app, login_as, world, endpoint, role):
    """The matrix is not vacuous: allowed roles get past the role check on GET pages."""
    client = login_as(role)[0]
    for method, url in _requests(app, endpoint, world):
        if method != "GET":
            continue
        response = client.get(url)
        expected = (301,) if endpoint in MOVED else (200, 404)
        assert response.status_code in expected, (url, response.status_code)


@pytest.mark.parametrize(
    ("endpoint", "role"),
    [(e, r) for e, allowed in ACCESS.items() if allowed == TOKEN for r in ROLES[1:]],
    ids=lambda v: str(v),
)
def test_token_routes_answer_staff_tokens_only(app, make_user, world, endpoint, role):
    user = make_user(role)
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token(f"matrix-{user.id}")))
    db.session.commit()
    headers = {"Authorization": f"Bearer matrix-{user.id}"}
    for _method, url in _requests(app, endpoint, world):
        response = app.test_client().get(url, headers=headers)
        expected = (200, 404) if role in STAFF else (403,)
        assert response.status_code in expected, (url, role, response.status_code)


# --- A counselor's scope (issue 19): acting outside the center's provinces -------------------

# Every route that acts on an opening or an organization of one province: a counselor of a
# center that does not serve it is refused (403, saying why), unless an admin gave them
# national scope; admins act everywhere.
SCOPED = (
    "jobs.edit",
    "jobs.approve",
    "jobs.reject",
    "jobs.decline",
    "jobs.close",
    "orgs.verify_organization",
    "orgs.reject_organization",
    "safety_admin.set_recruiter",
    "safety.dismiss",
    "safety.confirm",
)
ACTORS = {  # who acts on a posting in Pursat (15): allowed?
    "in-scope counselor": True,
    "out-of-scope counselor": False,
    "national-scope counselor": True,
    "admin": True,
}


def _actor(make_center, make_user, make_youth, who: str):
    province = "15" if who == "in-scope counselor" else "12"
    center = make_center(province_code=province)
    role = Role.ADMIN if who == "admin" else Role.COUNSELOR
    user = make_user(role, center_id=center.id)
    user.national_scope = who == "national-scope counselor"  # given on the admins' page
    youth = make_youth(center_id=center.id, province_code=province)
    return user, youth


@pytest.mark.parametrize("who", ACTORS, ids=str)
@pytest.mark.parametrize("endpoint", SCOPED, ids=str)
def test_acting_outside_the_scope_is_refused(
    app, make_center, make_user, make_youth, make_org, make_opening, endpoint, who
):
    organization = make_org(verified=False)
    organization.province_code = "15"
    opening = make_opening(
        organization=organization, province_code="15", status=OpeningStatus.PENDING_REVIEW
    )
    user, youth = _actor(make_center, make_user, make_youth, who)
    client = login(app.test_client(), user)
    ids = {"opening_id": opening.id, "organization_id": organization.id, "youth_id": youth.id}
    data = {"youth_id": youth.id, "note": "Sews well", "reason": "Add the pay, please."}
    for method, url in _requests(app, endpoint, ids):
        response = client.open(url, method=method, data=data if method == "POST" else None)
        if ACTORS[who]:
            assert response.status_code in (200, 302, 400), (who, method, url)
        else:
            assert response.status_code == 403, (who, method, url, response.status_code)
            assert "outside your center's provinces" in unescape(response.get_data(as_text=True))


# --- A CV made from the profile (issue 19): whose CV, and whose application's CV ---------------

CV_PAGES = ("cv.edit", "cv.new_row", "cv.edit_row", "cv.remove", "cv.show", "cv.pdf")
CV_READERS = {  # who opens the CV pages of a youth of center A: allowed?
    "the youth herself": True,
    "another youth": False,
    "counselor of her center": True,
    "counselor of another center": False,
    "admin": True,
}


def _cv_reader(make_user, make_center, owner_user, center, who: str):
    if who == "the youth herself":
        return owner_user
    if who == "another youth":
        return make_user(Role.YOUTH)
    if who == "counselor of her center":
        return make_user(Role.COUNSELOR, center_id=center.id)
    if who == "counselor of another center":
        return make_user(Role.COUNSELOR, center_id=make_center().id)
    return make_user(Role.ADMIN, center_id=make_center().id)


@pytest.mark.parametrize("who", CV_READERS, ids=str)
@pytest.mark.parametrize("endpoint", CV_PAGES, ids=str)
def test_a_cv_is_reached_only_by_its_people(app, make_user, make_center, endpoint, who):
    from portal.cv.models import WorkExperience, WorkKind

    center = make_center()
    owner_user = make_user(Role.YOUTH)
    owner = owner_user.youth_profile
    owner.center_id = center.id
    row = WorkExperience(youth_id=owner.id, kind=WorkKind.FAMILY, what="Fed the pigs")
    db.session.add(row)
    db.session.commit()
    client = login(app.test_client(), _cv_reader(make_user, make_center, owner_user, center, who))
    ids = {"youth_id": owner.id, "section": "work", "row_id": row.id}
    data = {"kind": "family", "what": "Fed the pigs and the chickens"}
    for method, url in _requests(app, endpoint, ids):
        response = client.open(url, method=method, data=data if method == "POST" else None)
        if CV_READERS[who]:
            assert response.status_code in (200, 302, 503), (who, method, url)
        else:
            assert response.status_code == 404, (who, method, url, response.status_code)
    db.session.expire_all()
    if not CV_READERS[who]:
        assert db.session.get(WorkExperience, row.id).what == "Fed the pigs"


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("employer of the opening", True), ("another employer", False), ("another youth", False)],
)
def test_an_applications_cv_is_read_by_the_employer_of_its_opening_only(
    app, make_user, make_opening, make_youth, make_application, who, allowed
):
    from portal.placements.models import ApplicationDocument, CvOrigin

    employer = make_user(Role.EMPLOYER)
    application = make_application(
        opening=make_opening(organization=employer.organization), youth=make_youth()
    )
    application.cv = ApplicationDocument(
        filename="cv.pdf", size=3, data=b"%PDF", origin=CvOrigin.PROFILE
    )
    db.session.commit()
    reader = {
        "employer of the opening": employer,
        "another employer": make_user(Role.EMPLOYER),
        "another youth": make_user(Role.YOUTH),
    }[who]

    response = login(app.test_client(), reader).get(f"/applications/{application.id}/cv")

    assert response.status_code == (200 if allowed else 404)
