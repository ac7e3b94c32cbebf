"""Cross-cutting protections: CSRF on every form, isolation between employers, no 500 on bad ids."""

from __future__ import annotations

import pytest
from flask_migrate import upgrade

from portal import create_app
from portal.auth.models import Role
from portal.jobs.models import OpeningStatus


@pytest.fixture(scope="module")
def csrf_app(tmp_path_factory):
    instance = tmp_path_factory.mktemp("csrf")
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(instance),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'csrf.db'}",
            "SECRET_KEY": "csrf-test",
            "DEFAULT_LANGUAGE": "en",
        }
    )
    with app.app_context():
        upgrade()
    return app


@pytest.mark.parametrize("url", ["/login", "/signup", "/signup/employer", "/lang/km", "/logout"])
def test_forms_without_csrf_token_are_refused(csrf_app, url):
    response = csrf_app.test_client().post(url, data={"identifier": "x", "password": "y"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


def test_login_form_carries_a_csrf_token(csrf_app):
    page = csrf_app.test_client().get("/login").get_data(as_text=True)
    assert 'name="csrf_token"' in page


@pytest.mark.parametrize("status", [OpeningStatus.DRAFT, OpeningStatus.PENDING_REVIEW])
def test_employer_never_sees_another_organizations_unpublished_openings(
    login_as, make_opening, status
):
    hidden = make_opening(status=status, title="Secret plan for a new line")
    client, _employer = login_as(Role.EMPLOYER)
    assert client.get(f"/openings/{hidden.id}").status_code == 404
    assert client.get(f"/openings/{hidden.id}/edit").status_code == 404
    assert "Secret plan" not in client.get(f"/orgs/{hidden.organization_id}").get_data(as_text=True)
    assert "Secret plan" not in client.get("/openings?q=Secret").get_data(as_text=True)
    assert "Secret plan" not in client.get("/employer").get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    ["/openings/999999", "/orgs/999999", "/openings/abc", "/no-such-page", "/youth/999999"],
)
def test_unknown_ids_are_404_pages_not_500(login_as, url):
    client, _ = login_as(Role.ADMIN)
    response = client.get(url)
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)


def test_garbage_query_arguments_do_not_break_lists(client):
    for url in [
        "/openings?page=-3",
        "/openings?page=abc",
        "/openings?kind=spaceship",
        "/courses?page=0",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "target",
    ["//evil.example/x", "/\\evil.example", "https://evil.example", "/ok\r\nLocation: x", "ok"],
)
def test_going_back_never_leaves_the_site(target):
    from portal.web import safe_next

    assert safe_next(target, "/home") == "/home"
    assert safe_next("/openings?q=cook&page=2", "/home") == "/openings?q=cook&page=2"


def test_after_login_an_address_elsewhere_is_not_followed(app, make_user):
    from tests.conftest import PASSWORD

    user = make_user("youth")
    client = app.test_client()
    response = client.post(
        "/login?next=/%5Cevil.example",
        data={"identifier": user.login_name, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert "evil" not in response.headers["Location"]
