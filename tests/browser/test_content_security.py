"""Chromium opens every page each role can reach, under the portal's real Content-Security-Policy
(`default-src 'self'`, no inline script or style): not one violation, not one console error.
An inline `style=`, `<script>` or `onclick=` left in a template, or in HTML made in Python (the
board's QR codes), would be blocked here and fail the test."""

from __future__ import annotations

import pytest

from portal.auth.models import Role
from portal.extensions import db
from tests.conftest import PASSWORD
from tests.web.conftest import khmer_world  # noqa: F401  (the same world as the page checks)
from tests.web.walk import client_for, every_page

# Runs before any page script, outside the page's CSP: records each violation the page meets.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def _urls(app, users, ids, role):
    """The pages this role opens with a 200 (the walk of tests/web), in English."""
    urls = [url for url, _html in every_page(app, client_for(app, users, role), ids, "en")]
    db.session.rollback()  # the walk shares the test's session: free SQLite for the browser
    return urls


def _log_in(page, base_url, user):
    page.goto(base_url + "/login")
    page.fill("#identifier", user.email)
    page.fill("#password", PASSWORD)
    page.locator("main form button.primary").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_no_page_breaks_the_content_security_policy(
    app,
    browser,
    live_server,
    monkeypatch,
    khmer_world,  # noqa: F811  (the fixture imported above)
    role,
):
    users, ids, _ = khmer_world
    urls = _urls(app, users, ids, role)
    assert len(urls) >= 8, urls  # the walk really reached this role's pages
    monkeypatch.setitem(
        app.config, "WTF_CSRF_ENABLED", True
    )  # the browser's forms, as in production
    context = browser.new_context(locale="en-US")
    context.add_init_script(LISTEN)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: _console(problems, page, message))
    try:
        if role is not None:
            _log_in(page, live_server, users[role])
        for url in urls:
            response = page.goto(live_server + url)
            assert "default-src 'self'" in response.headers["content-security-policy"], url
            problems += [f"{url}: {v}" for v in page.evaluate("window.__violations")]
        page.goto(live_server + "/openings")
        page.fill("input[name=q]", "sewing")  # the live suggestions script runs
        page.wait_for_timeout(600)
        problems += [f"/openings typing: {v}" for v in page.evaluate("window.__violations")]
    finally:
        context.close()
    assert problems == []


def _console(problems: list[str], page, message) -> None:
    if message.type == "error" or "Content Security Policy" in message.text:
        problems.append(f"{page.url}: console {message.type}: {message.text}")
