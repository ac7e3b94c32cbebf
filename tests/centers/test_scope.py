"""A counselor's scope (issue 19): their center's provinces first, all of Cambodia one click
away for reading, and acting outside them refused unless an admin gave national scope."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.centers.models import CenterProvince
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningStatus
from portal.safety.models import OpeningReport
from tests.conftest import login
from tests.jobs.payloads import opening_payload

PURSAT, PAILIN, PHNOM_PENH, SIEM_REAP = "15", "24", "12", "17"


@pytest.fixture
def pursat_center(make_center):
    center = make_center(name="Pursat Career Corner", province_code=PURSAT)
    center.provinces = [CenterProvince(province_code=PAILIN)]
    db.session.commit()
    return center


@pytest.fixture
def pursat_counselor(app, make_user, pursat_center):
    user = make_user(Role.COUNSELOR, center_id=pursat_center.id)
    return login(app.test_client(), user), user


def _pending(make_opening, title: str, province: str, days_ago: int = 0, **fields):
    opening = make_opening(title=title, province_code=province, status=OpeningStatus.PENDING_REVIEW)
    opening.created_at = utcnow() - timedelta(days=days_ago)
    for name, value in fields.items():
        setattr(opening, name, value)
    db.session.commit()
    return opening


def _text(response) -> str:
    return unescape(response.get_data(as_text=True))


def test_the_queue_starts_in_the_centers_provinces_with_all_of_cambodia_one_click_away(
    pursat_counselor, make_opening
):
    client, _user = pursat_counselor
    _pending(make_opening, "Phnom Penh cashier", PHNOM_PENH, days_ago=30)
    _pending(make_opening, "Pursat rice miller", PURSAT, days_ago=1)
    _pending(make_opening, "Pailin gem polisher", PAILIN, days_ago=2)

    page = _text(client.get("/review"))

    assert "Your center's provinces: Pailin, Pursat" in page
    assert page.index("Pailin gem polisher") < page.index("Pursat rice miller")  # waited longer
    assert "Phnom Penh cashier" not in page
    assert 'href="/review?all=1"' in page

    everything = _text(client.get("/review?all=1"))

    # The center's own first, although the Phnom Penh posting waited a month.
    assert everything.index("Pursat rice miller") < everything.index("Phnom Penh cashier")
    assert "Outside your center's provinces: a counselor there reviews it." in everything
    assert everything.count("/approve") == 2  # no buttons for what she may not do


def test_acting_on_another_provinces_opening_is_refused_with_a_reason(
    app, make_center, make_user, make_opening
):
    siem_reap = make_user(Role.COUNSELOR, center_id=make_center(province_code=SIEM_REAP).id)
    client = login(app.test_client(), siem_reap)
    opening = make_opening(title="Phnom Penh waiter", province_code=PHNOM_PENH)

    detail = _text(client.get(f"/openings/{opening.id}"))
    response = client.post(f"/openings/{opening.id}/edit", data={"title": "Changed by Siem Reap"})

    assert f'href="/openings/{opening.id}/edit"' not in detail
    assert "outside your center's provinces" in detail
    assert response.status_code == 403
    assert "This is in Phnom Penh, outside your center's provinces (Siem Reap)" in _text(response)
    db.session.refresh(opening)
    assert opening.title == "Phnom Penh waiter"


def test_an_admin_gives_national_scope_on_the_staff_page_and_it_is_audited(
    app, login_as, make_center, make_user, make_opening
):
    admin_client, admin = login_as(Role.ADMIN)
    counselor = make_user(Role.COUNSELOR, center_id=make_center(province_code=SIEM_REAP).id)
    opening = _pending(make_opening, "Phnom Penh driver", PHNOM_PENH)
    client = login(app.test_client(), counselor)
    assert client.post(f"/openings/{opening.id}/approve").status_code == 403

    staff_page = _text(admin_client.get("/admin/staff"))
    response = admin_client.post(
        f"/admin/staff/{counselor.id}/scope", data={"national": "1"}, follow_redirects=True
    )

    assert "Give national scope" in staff_page
    assert "can now act in all of Cambodia" in _text(response)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.subject_id == counselor.id))
    assert (event.action, event.actor_id, event.detail) == (
        "account_changed",
        admin.id,
        {"national_scope": True},
    )
    assert client.post(f"/openings/{opening.id}/approve").status_code == 302
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED


def test_an_admin_lists_the_provinces_a_center_serves(login_as, make_center):
    client, _admin = login_as(Role.ADMIN)
    center = make_center(name="Pursat corner", province_code=PURSAT)

    form = _text(client.get(f"/admin/centers/{center.id}"))
    client.post(
        f"/admin/centers/{center.id}",
        data={
            "name": "Pursat corner",
            "province_code": PURSAT,
            "office": "partner",
            "served_provinces": [PAILIN],
        },
    )

    assert "Provinces it serves" in form
    db.session.refresh(center)
    assert center.served_provinces == {PURSAT, PAILIN}  # its own always counts
    assert "Also serves: Pailin" in _text(client.get("/admin/centers"))


def test_a_get_of_the_review_queue_writes_nothing(pursat_counselor, make_opening, runner):
    client, _user = pursat_counselor
    opening = _pending(make_opening, "Old posting", PURSAT)  # saved before screening existed

    page = _text(client.get("/review"))

    db.session.refresh(opening)
    assert "Not screened yet" in page and opening.screened_at is None
    runner.invoke(args=["openings", "screen"])  # where the backfill belongs
    db.session.refresh(opening)
    assert opening.screened_at is not None


def test_the_organizations_check_page_links_its_openings_and_returns_where_it_came_from(
    pursat_counselor, make_org, make_opening
):
    client, _user = pursat_counselor
    organization = make_org(name="Pursat Rice Mill", verified=False)
    organization.province_code = PURSAT
    db.session.commit()
    opening = _pending(make_opening, "Rice miller", PURSAT, organization=organization)

    queue = _text(client.get("/review"))
    check = f"/orgs/{organization.id}/review?next=/review"
    page = _text(client.get(check))
    response = client.post(
        f"/orgs/{organization.id}/verify", data={"note": "Saw the licence.", "next": "/review"}
    )

    assert f'href="{check}"' in queue  # "Check the organization", from the queue
    assert "1 opening waits" in page
    assert f'href="/openings/{opening.id}">Rice miller</a>' in page
    assert response.headers["Location"] == "/review"


def test_another_provinces_organization_is_read_but_not_checked(pursat_counselor, make_org):
    client, _user = pursat_counselor
    organization = make_org(name="Phnom Penh Bank", verified=False)

    listed = _text(client.get("/orgs/pending"))
    everything = _text(client.get("/orgs/pending?all=1"))
    page = _text(client.get(f"/orgs/{organization.id}/review"))

    assert "Phnom Penh Bank" not in listed and "Phnom Penh Bank" in everything
    assert "you can read it, and a counselor there checks it" in page
    assert f"/orgs/{organization.id}/verify" not in page
    assert client.post(f"/orgs/{organization.id}/verify", data={"note": "x"}).status_code == 403
    assert organization.verified_at is None


def test_visitors_reports_start_in_the_centers_provinces(pursat_counselor, make_opening):
    client, _user = pursat_counselor
    for title, province in (("Pursat scam", PURSAT), ("Kandal scam", "08")):
        opening = make_opening(title=title, province_code=province)
        db.session.add(OpeningReport(opening=opening, reason="asked_for_money", reporter_key=title))
    db.session.commit()

    page = _text(client.get("/safety/reports"))
    everything = _text(client.get("/safety/reports?all=1"))

    assert "Pursat scam" in page and "Kandal scam" not in page
    assert everything.index("Pursat scam") < everything.index("Kandal scam")
    assert everything.count("/dismiss") == 1  # the decisions are the Pursat counselor's only


def test_she_refers_her_own_young_people_anywhere_but_not_another_centers(
    app, pursat_center, make_center, make_user, make_opening, make_youth
):
    # Young people move for work: scope bounds what a counselor decides about openings, not
    # where her own young people may apply. Another center's young people stay out of reach.
    counselor = make_user(Role.COUNSELOR, center_id=pursat_center.id)
    db.session.add(ApiToken(user_id=counselor.id, token_hash=hash_token("pursat-token")))
    hers = make_youth(center_id=pursat_center.id, skills=["sewing"])
    theirs = make_youth(center_id=make_center(province_code=PHNOM_PENH).id, skills=["sewing"])
    far = make_opening(title="Phnom Penh sewer", province_code=PHNOM_PENH)
    headers = {"Authorization": "Bearer pursat-token"}

    def refer(youth):
        body = {"opening_id": far.id, "youth_id": youth.id, "note": "Sews well."}
        return app.test_client().post("/api/v1/applications", json=body, headers=headers)

    assert refer(hers).status_code == 201
    assert refer(theirs).status_code == 404
    other = make_opening(title="Siem Reap sewer", province_code=SIEM_REAP)
    web = login(app.test_client(), counselor)
    page = web.post(f"/openings/{other.id}/refer", data={"youth_id": hers.id, "note": "Sews."})
    assert page.status_code == 302


def test_a_counselor_posts_in_her_provinces_only(pursat_counselor, make_org):
    client, _user = pursat_counselor
    organization = make_org()

    refused = client.post(
        "/openings/new",
        data=opening_payload(organization=str(organization.id), province="12", district="1201"),
    )
    posted = client.post(
        "/openings/new",
        data=opening_payload(organization=str(organization.id), province=PURSAT, district=""),
    )

    assert refused.status_code == 400
    assert "This is in Phnom Penh, outside your center's provinces" in _text(refused)
    assert posted.status_code == 302
    assert db.session.scalars(select(Opening.province_code)).all() == [PURSAT]
