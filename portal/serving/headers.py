"""Security headers on every response, and what browsers may keep.

Flask-Talisman (maintained, used widely) writes the Content-Security-Policy, X-Frame-Options,
X-Content-Type-Options, Referrer-Policy and Permissions-Policy. Two things are ours instead:
HSTS, because Talisman believes any X-Forwarded-Proto header while only TRUSTED_PROXIES may
tell us a request came over https; and redirecting to https, which is the proxy's job (a
redirect here would also answer a load balancer's plain-http /healthz with 302).

The rule for caching: a response made for someone known (a logged-in user, or a Bearer token
on the API) is never stored (`Cache-Control: no-store`): a shared center computer or a lost
phone must not keep a young person's profile, a caseload or a CV. Public pages for visitors
keep the browser's ordinary behaviour (Back works on slow 3G); versioned static files are
cached a year (`portal/assets.py`).
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from flask_talisman import Talisman

# No inline script or style anywhere (tests/web/test_headers.py and the browser check it).
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Features no page of the portal uses: off, for the page and anything it might embed.
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
HSTS = "max-age=31536000"  # a year; not includeSubDomains: other services may share the domain
# Files anyone may cache: `portal/assets.py` and `views.favicon` say how long.
PUBLIC_FILES = frozenset({"static", "serving.favicon"})
# Answers that never read or write the session (no Vary: Cookie, no Set-Cookie).
SESSIONLESS = PUBLIC_FILES | {"serving.healthz"}


def init_app(app: Flask) -> None:
    Talisman(
        app,
        force_https=False,
        strict_transport_security=False,
        frame_options="DENY",
        content_security_policy=CONTENT_SECURITY_POLICY,
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy=PERMISSIONS_POLICY,
        # Talisman would otherwise force secure cookies, and logins over http in development.
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
    )
    app.session_interface = StaticFilesKeepNoSession()
    app.after_request(_cache_rule)
    if app.config["PORTAL_ENV"] == "production":
        app.after_request(_strict_transport_security)


def _strict_transport_security(response: Response) -> Response:
    if request.is_secure:  # over TLS, or behind a trusted proxy that says so
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def _cache_rule(response: Response) -> Response:
    """No loading of the user for files and /healthz (which says no-store itself)."""
    if request.endpoint not in SESSIONLESS and made_for_someone():
        response.headers["Cache-Control"] = "no-store"
    return response


def made_for_someone() -> bool:
    """Does this response show what a known person may see (their session or their token)?"""
    return "Authorization" in request.headers or current_user.is_authenticated


class StaticFilesKeepNoSession(SecureCookieSessionInterface):
    """The session is never saved on a static file, the favicon or /healthz: Flask-Login's
    after-request hook reads it on every response, and a read session adds `Vary: Cookie`,
    which makes browsers and proxies keep one copy of the stylesheet per visitor."""

    def save_session(self, app, session, response) -> None:
        if request.endpoint in SESSIONLESS:
            return
        super().save_session(app, session, response)
