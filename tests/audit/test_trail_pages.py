"""Admins read the audit trail, filtered; a young person sees who opened her profile; nobody
else reads either."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from portal.audit import AuditAction, record
from portal.auth.models import Role
from portal.extensions import db
from tests.audit.conftest import events
from tests.conftest import login


def test_the_trail_lists_a_counselors_look_at_a_profile_and_so_does_the_young_woman(
    app, counselor, admin, young_woman
):
    client, staff = counselor
    user, profile = young_woman

    assert client.get(f"/youth/{profile.id}").status_code == 200

    page = rows(admin[0].get("/admin/audit", query_string={"youth": "Srey Leak"}))
    assert "Profile opened" in page
    assert "Sokunthea Chea" in page and "Counselor" in page
    assert f'href="/youth/{profile.id}"' in page
    assert "127.0.0.1" in page
    own = login(app.test_client(), user).get("/me/profile/views").get_data(as_text=True)
    assert "Sokunthea Chea, Battambang Youth Center" in own
    assert "opened your profile" in own


def test_a_list_of_young_people_is_not_a_view_of_each_profile(counselor, young_woman):
    client, _staff = counselor

    assert "Srey Leak" in client.get("/youth").get_data(as_text=True)
    assert client.get("/caseload").status_code == 200

    assert events(AuditAction.PROFILE_VIEWED) == []


def test_her_own_look_at_her_profile_is_not_recorded(app, young_woman):
    user, _profile = young_woman
    client = login(app.test_client(), user)

    assert client.get("/me/profile").status_code == 200
    assert "Nobody has opened your profile yet." in client.get("/me/profile/views").get_data(True)
    assert events() == [] or all(e.action != AuditAction.PROFILE_VIEWED for e in events())


def test_a_young_person_sees_only_who_looked_at_her_own_profile(
    app, counselor, young_woman, make_user, center
):
    client, _staff = counselor
    user, profile = young_woman
    other = make_user(Role.YOUTH)
    other.youth_profile.center_id = center.id
    db.session.commit()
    other_counselor = make_user(Role.COUNSELOR, center_id=center.id, display_name="Dara Other")
    login(app.test_client(), other_counselor).get(f"/youth/{other.youth_profile.id}")
    client.get(f"/youth/{profile.id}")

    hers = login(app.test_client(), user).get("/me/profile/views").get_data(as_text=True)
    theirs = login(app.test_client(), other).get("/me/profile/views").get_data(as_text=True)

    assert "Sokunthea Chea" in hers and "Dara Other" not in hers
    assert "Dara Other" in theirs and "Sokunthea Chea" not in theirs


def test_the_profile_page_links_to_who_looked(app, young_woman):
    user, _profile = young_woman
    page = login(app.test_client(), user).get("/me/profile").get_data(as_text=True)
    assert 'href="/me/profile/views"' in page


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.COUNSELOR, Role.YOUTH])
def test_only_admins_open_the_trail_and_its_export(login_as, role):
    client, _user = login_as(role)
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get("/admin/audit")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def rows(response) -> str:
    """The table of events of a trail page (the filters above it name every action)."""
    text = response.get_data(as_text=True)
    return text.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in text else ""


def _event_at(when: datetime, action=AuditAction.LOGIN, **fields):
    event = record(action, **fields)
    event.at = when  # still pending: a new record may be dated before it is saved
    db.session.commit()
    return event


def test_times_are_cambodian_and_days_filter_in_cambodian_days(admin, make_user):
    client, _admin = admin
    night_owl = make_user(Role.COUNSELOR, display_name="Night Owl")
    # 18:30 UTC on 6 December is 01:30 on 7 December in Phnom Penh.
    _event_at(datetime(2026, 12, 6, 18, 30), actor=night_owl)

    page = client.get("/admin/audit", query_string={"start": "2026-12-07", "end": "2026-12-07"})
    text = page.get_data(as_text=True)
    assert "Night Owl" in text and "7 Dec 2026, 01:30:00" in text
    earlier = client.get("/admin/audit", query_string={"end": "2026-12-06"}).get_data(True)
    assert "Night Owl" not in earlier


def test_the_admin_filters_by_person_and_by_action(admin, make_user, young_woman):
    client, _admin = admin
    _user, profile = young_woman
    first = make_user(Role.COUNSELOR, display_name="Kanha First")
    second = make_user(Role.COUNSELOR, display_name="Rithy Second")
    record(AuditAction.PROFILE_VIEWED, actor=first, subject=profile)
    record(AuditAction.LOGIN, actor=second)
    db.session.commit()

    by_name = rows(client.get("/admin/audit", query_string={"person": "kanha"}))
    by_action = rows(client.get("/admin/audit", query_string={"action": "login"}))
    by_login = rows(client.get("/admin/audit", query_string={"person": second.email}))

    assert "Kanha First" in by_name and "Rithy Second" not in by_name
    assert "Rithy Second" in by_action and "Kanha First" not in by_action
    assert "Rithy Second" in by_login and "Kanha First" not in by_login


def test_the_admin_filters_by_kind_and_number_of_record(admin, make_org, make_user):
    client, admin_user = admin
    org = make_org(name="Mekong Garments")
    record(AuditAction.ORGANIZATION_VERIFIED, actor=make_user(Role.COUNSELOR), subject=org)
    record(AuditAction.LOGIN, actor=admin_user)
    db.session.commit()

    query = {"subject_type": "organization", "subject_id": org.id}
    page = rows(client.get("/admin/audit", query_string=query))

    assert "Organization verified" in page and "Logged in" not in page


def test_huge_or_wrong_page_numbers_and_ids_answer_without_a_server_error(admin):
    client, _admin = admin
    huge = "99999999999999999999999"
    assert client.get("/admin/audit", query_string={"page": huge}).status_code == 200
    assert client.get("/admin/audit", query_string={"subject_id": huge}).status_code == 400
    assert client.get("/admin/audit", query_string={"youth_id": huge}).status_code == 200
    assert client.get("/admin/audit", query_string={"start": "yesterday"}).status_code == 400


def test_the_trail_pages_fifty_events_newest_first(admin, make_user):
    client, _admin = admin
    actor = make_user(Role.COUNSELOR, display_name="Busy Bee")
    for day in range(1, 31):
        for hour in (1, 2):
            _event_at(datetime(2026, 11, day, hour), actor=actor)

    first = client.get("/admin/audit").get_data(as_text=True)
    second = client.get("/admin/audit", query_string={"page": 2}).get_data(True)

    first_of_november = re.compile(r"\b1 Nov 2026,")
    assert "Page 1 of 2" in first and "30 Nov 2026" in first
    assert not first_of_november.search(first) and first_of_november.search(second)


def test_the_trail_reads_in_khmer(app, login_as):
    client, user = login_as(Role.ADMIN, locale="km")
    record(AuditAction.LOGIN, actor=user)
    db.session.commit()

    page = rows(client.get("/admin/audit"))

    assert "បានចូលគណនី" in page and "Logged in" not in page


def test_the_admin_exports_the_filtered_trail_neutralised_and_the_export_is_recorded(
    admin, make_user, make_youth
):
    import csv
    import io

    client, admin_user = admin
    schemer = make_user(Role.COUNSELOR, display_name='=HYPERLINK("http://evil.example")')
    youth = make_youth(full_name="@SUM(A1:A9)")
    record(AuditAction.PROFILE_VIEWED, actor=schemer, subject=youth)
    record(AuditAction.LOGIN, actor=admin_user)
    db.session.commit()

    response = client.get("/admin/audit.csv", query_string={"action": "profile_viewed"})

    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == "attachment; filename=audit-trail.csv"
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(table) == 2  # the header and the one profile view, not the login
    row = dict(zip(table[0], table[1], strict=True))
    assert row["Who"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Young person"] == "'@SUM(A1:A9)"
    assert row["What happened"] == "Profile opened" and row["Role"] == "Counselor"
    [export] = events(AuditAction.EXPORTED)
    assert (export.actor_id, export.detail) == (admin_user.id, {"export": "audit", "rows": 1})


def test_every_action_has_a_label_in_words():
    from portal.audit.labels import ACTION_LABELS

    assert set(ACTION_LABELS) == set(AuditAction)


def test_an_admin_goes_from_a_profile_to_its_trail(admin, young_woman, make_user):
    client, _admin = admin
    _user, profile = young_woman
    other = make_user(Role.YOUTH)
    record(AuditAction.PROFILE_VIEWED, actor=make_user(Role.COUNSELOR), subject=other.youth_profile)
    db.session.commit()

    page = client.get(f"/youth/{profile.id}").get_data(as_text=True)
    assert f'href="/admin/audit?youth_id={profile.id}"' in page
    trail = rows(client.get("/admin/audit", query_string={"youth_id": profile.id}))

    assert trail.count("<tr ") == 1 and "Vibol Admin" in trail and "Srey Leak" in trail
