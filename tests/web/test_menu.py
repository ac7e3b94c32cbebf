"""The header's menu (issue 16): each role's few main entries, the others under a "More" that
opens without any script (details/summary), every entry a page that role can open."""

from __future__ import annotations

import re

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

MAIN = {
    None: ["/openings", "/courses", "/login", "/signup"],
    Role.YOUTH: ["/openings", "/me/for-you", "/me/applications"],
    Role.EMPLOYER: ["/employer", "/openings"],
    Role.COUNSELOR: ["/caseload", "/review", "/youth"],
    Role.ADMIN: ["/caseload", "/review", "/youth"],
}
UNDER_MORE = {
    Role.YOUTH: ["/me/saved", "/me/profile", "/courses", "/notifications", "/account"],
    Role.EMPLOYER: ["/openings/new", "/courses", "/notifications", "/account"],
    Role.COUNSELOR: [
        "/openings",
        "/safety/reports",
        "/account/two-factor",
        "/notifications",
        "/account",
    ],
    Role.ADMIN: ["/admin/centers", "/admin/audit", "/notifications", "/account"],
}


def _menu(page: str) -> tuple[list[str], list[str], str]:
    """(links before "More", links under it, the HTML under it) of the header's menu."""
    nav = re.search(r'<nav aria-label="Main" class="menu">(.*?)</nav>', page, re.S).group(1)
    before, _, more = nav.partition('<details class="more">')
    links = lambda html: re.findall(r'<a href="([^"]+)"', html)  # noqa: E731
    return links(before), links(more), more


@pytest.mark.parametrize("role", list(MAIN), ids=str)
def test_each_role_has_its_main_entries_and_the_rest_under_more(app, login_as, role):
    client = app.test_client() if role is None else login_as(role)[0]

    main, more, more_html = _menu(client.get("/").get_data(as_text=True))

    assert main == MAIN[role]
    assert set(UNDER_MORE.get(role, [])) <= set(more)
    if role is not None:
        assert more_html.index("<summary>More") < more_html.index('action="/logout"')
    for path in main + more:  # no dead end: every entry opens for this role
        assert client.get(path).status_code == 200, path


def test_the_counselors_menu_has_no_admin_entries(login_as):
    client, _ = login_as(Role.COUNSELOR)
    _main, more, _ = _menu(client.get("/").get_data(as_text=True))
    assert "/admin/centers" not in more and "/admin/audit" not in more


def test_unread_notifications_show_on_more_as_well(login_as):
    client, user = login_as(Role.YOUTH)
    notify(user, NotificationKind.NEW_SUGGESTIONS, {"count": 2})
    db.session.commit()

    _main, _more, more_html = _menu(client.get("/").get_data(as_text=True))

    summary = more_html[: more_html.index("</summary>")]
    assert 'class="count"' in summary and ">1</span>" in summary


def test_the_page_she_is_on_is_marked_in_the_menu(login_as):
    client, _ = login_as(Role.YOUTH)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert '<a href="/me/for-you" aria-current="page">' in page
