"""Admins manage the centers and the staff accounts; nobody else may."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.centers.models import Center
from portal.extensions import db
from tests.conftest import PASSWORD


def _center_data(**overrides) -> dict:
    data = {
        "name": "Kampot youth center",
        "province_code": "07",
        "address": "Street 7, Kampot",
        "phone": "033 923 456",
        "email": "",
        "office": "own",
    }
    data.update(overrides)
    return data


def _staff_data(**overrides) -> dict:
    data = {
        "display_name": "Chea Sophal",
        "login": "sophal@center.org",
        "password": "temporary-9",
        "role": "counselor",
    }
    data.update(overrides)
    return data


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def admin(login_as):
    return login_as(Role.ADMIN)


# --- Who may enter ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR])
def test_only_admins_may_use_the_admin_pages(login_as, make_center, role):
    client, user = login_as(role)
    center = make_center()

    assert client.get("/admin/centers").status_code == 403
    assert client.post("/admin/centers", data=_center_data()).status_code == 403
    assert client.get(f"/admin/centers/{center.id}").status_code == 403
    assert client.get("/admin/staff").status_code == 403
    assert client.post(f"/admin/staff/{user.id}/toggle").status_code == 403


def test_a_visitor_is_sent_to_log_in(client):
    for path in ("/admin/centers", "/admin/staff"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


# --- Centers ----------------------------------------------------------------------------------


def test_the_centers_list_shows_staff_and_youth_counts(admin, make_center, make_user, make_youth):
    client, _admin = admin
    takeo = make_center("Takeo center", province_code="21")
    make_user(Role.COUNSELOR, center_id=takeo.id)
    make_user(Role.COUNSELOR, center_id=takeo.id)
    for _ in range(3):
        make_youth(center_id=takeo.id)

    page = client.get("/admin/centers").get_data(as_text=True)

    row = page.split("Takeo center")[1].split("</tr>")[0]
    assert "Takeo" in row
    assert "<td>2</td>" in row
    assert ">3</a>" in row
    assert page.count("<h1>") == 1


def test_an_admin_adds_a_center(admin, ctx):
    client, _admin = admin

    response = client.post(
        "/admin/centers", data=_center_data(office="partner"), follow_redirects=True
    )

    assert "The center Kampot youth center is added." in response.get_data(as_text=True)
    center = db.session.scalar(select(Center).where(Center.name == "Kampot youth center"))
    assert (center.province_code, center.phone, center.is_partner) == ("07", "033923456", True)


def test_a_duplicate_center_name_is_refused_with_a_message(admin, make_center, ctx):
    client, _admin = admin
    make_center("Kampot youth center")
    before = _count(Center)

    response = client.post("/admin/centers", data=_center_data(name="  kampot YOUTH center "))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "A center named kampot YOUTH center already exists." in page
    assert 'id="name-error"' in page
    assert _count(Center) == before


def test_a_center_needs_a_name_and_a_province(admin, ctx):
    client, _admin = admin
    before = _count(Center)

    response = client.post("/admin/centers", data=_center_data(name="", province_code=""))

    assert response.status_code == 400
    assert "Choose a province." in response.get_data(as_text=True)
    assert _count(Center) == before


def test_an_admin_edits_a_center(admin, make_center, ctx):
    client, _admin = admin
    center = make_center("Old name", province_code="12")

    form = client.get(f"/admin/centers/{center.id}").get_data(as_text=True)
    assert 'value="Old name"' in form
    response = client.post(
        f"/admin/centers/{center.id}", data=_center_data(name="New name", office="partner")
    )

    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Center, center.id)
    assert (saved.name, saved.province_code, saved.is_partner) == ("New name", "07", True)


def test_a_center_keeps_its_own_name_but_cannot_take_another(admin, make_center, ctx):
    client, _admin = admin
    center = make_center("Pursat center")
    make_center("Kep center")

    same = client.post(f"/admin/centers/{center.id}", data=_center_data(name="Pursat center"))
    taken = client.post(f"/admin/centers/{center.id}", data=_center_data(name="Kep center"))

    assert same.status_code == 302
    assert taken.status_code == 400
    db.session.expire_all()
    assert db.session.get(Center, center.id).name == "Pursat center"


def test_an_unknown_center_is_404(admin):
    client, _admin = admin
    assert client.get("/admin/centers/999999").status_code == 404


# --- Staff accounts ---------------------------------------------------------------------------


def test_the_staff_list_shows_center_and_last_login(admin, make_center, make_user):
    client, _admin = admin
    center = make_center("Svay Rieng center")
    make_user(Role.COUNSELOR, center_id=center.id, display_name="Never Logged")
    make_user(Role.YOUTH, display_name="Not staff")

    page = client.get("/admin/staff").get_data(as_text=True)

    row = page.split("Never Logged")[1].split("</tr>")[0]
    assert "Svay Rieng center" in row
    assert "Never" in row
    assert "Not staff" not in page


def test_an_admin_creates_a_counselor_who_can_log_in(app, admin, make_center, ctx):
    client, _admin = admin
    center = make_center("Kratie center")

    response = client.post("/admin/staff", data=_staff_data(center_id=center.id))

    assert response.status_code == 302
    counselor = db.session.scalar(select(User).where(User.email == "sophal@center.org"))
    assert (counselor.role, counselor.center_id) == (Role.COUNSELOR, center.id)
    login = app.test_client().post(
        "/login", data={"identifier": "sophal@center.org", "password": "temporary-9"}
    )
    assert login.status_code == 302
    assert "Kratie center" in client.get("/admin/staff").get_data(as_text=True)


def test_a_staff_account_can_log_in_with_a_phone(app, admin, ctx):
    client, admin_user = admin

    client.post(
        "/admin/staff",
        data=_staff_data(login="+855 17 222 333", role="admin", center_id=admin_user.center_id),
    )

    created = db.session.scalar(select(User).where(User.phone == "017222333"))
    assert created.role == Role.ADMIN
    login = app.test_client().post(
        "/login", data={"identifier": "017222333", "password": "temporary-9"}
    )
    assert login.status_code == 302


def test_a_taken_login_is_refused_next_to_the_field(admin, make_user, ctx):
    client, admin_user = admin
    make_user(Role.EMPLOYER, email="sophal@center.org")
    before = _count(User)

    response = client.post("/admin/staff", data=_staff_data(center_id=admin_user.center_id))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "sophal@center.org is already registered" in page
    assert 'id="login-error"' in page
    assert _count(User) == before


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"login": "sophal"}, "Enter an e-mail address or a Cambodian phone number"),
        ({"login": "sophal@"}, "This e-mail address looks wrong."),
        ({"password": "short"}, "at least 8 characters"),
        ({"role": "youth"}, "Not a valid choice"),
    ],
)
def test_a_staff_account_with_a_mistake_is_refused(admin, ctx, overrides, message):
    client, admin_user = admin
    before = _count(User)

    response = client.post(
        "/admin/staff", data=_staff_data(center_id=admin_user.center_id, **overrides)
    )

    assert response.status_code == 400
    assert message.lower() in response.get_data(as_text=True).lower()
    assert _count(User) == before


def test_a_switched_off_counselor_cannot_log_in_until_switched_on(app, admin, make_user, ctx):
    client, _admin = admin
    counselor = make_user(Role.COUNSELOR, email="off@center.org")
    credentials = {"identifier": "off@center.org", "password": PASSWORD}

    off = client.post(f"/admin/staff/{counselor.id}/toggle", follow_redirects=True)
    assert "is switched off and cannot log in" in off.get_data(as_text=True)
    refused = app.test_client().post("/login", data=credentials)
    assert refused.status_code == 400
    assert "switched off" in refused.get_data(as_text=True)

    client.post(f"/admin/staff/{counselor.id}/toggle")
    assert app.test_client().post("/login", data=credentials).status_code == 302


def test_an_admin_cannot_switch_off_their_own_account(admin, ctx):
    client, admin_user = admin

    response = client.post(f"/admin/staff/{admin_user.id}/toggle", follow_redirects=True)

    assert "You cannot switch off your own account." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, admin_user.id).active is True


def test_only_staff_accounts_are_switched_here(admin, make_user, ctx):
    client, _admin = admin
    youth = make_user(Role.YOUTH)

    assert client.post(f"/admin/staff/{youth.id}/toggle").status_code == 404
    assert client.post("/admin/staff/999999/toggle").status_code == 404
    assert client.get(f"/admin/staff/{youth.id}/toggle").status_code == 405


def test_switching_off_also_ends_an_open_session(admin, login_as):
    client, _admin = admin
    counselor_client, counselor = login_as(Role.COUNSELOR)
    assert counselor_client.get("/youth").status_code == 200

    client.post(f"/admin/staff/{counselor.id}/toggle")

    response = counselor_client.get("/youth")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
