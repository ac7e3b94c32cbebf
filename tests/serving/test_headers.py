"""What every browser is told: no inline code may run, no other site may frame a page, a page
made for a known person is never stored, and static files are cached for a year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal import create_app
from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.board.qr import qr_svg
from portal.extensions import db
from portal.placements import services
from portal.placements.cv import CvFile
from tests.conftest import login
from tests.placements import pdfs

ROOT = Path(__file__).resolve().parents[2]
PDF = pdfs.plain_cv()
CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
YEAR = "public, max-age=31536000, immutable"


def test_every_page_forbids_inline_code_framing_and_sniffing(client):
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions
    assert "Strict-Transport-Security" not in response.headers  # development, plain http


# A JSON-LD block (`type="application/ld+json"`, an opening's JobPosting) is data the browser
# never runs, so the CSP leaves it be (tests/browser/test_job_posting.py): not inline code.
INLINE = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*\stype=\"application/ld\+json\")[^>]*>"
    r"|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)


def test_no_template_carries_inline_script_or_style():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []


def test_the_boards_qr_codes_carry_no_inline_style():
    svg = str(qr_svg("https://phlov.org/openings/7", "Scan me"))
    assert svg.startswith("<svg") and "<path" in svg
    assert INLINE.search(svg) is None


@pytest.fixture
def cv_application(make_opening, make_user, make_center):
    center = make_center()
    youth = make_user(Role.YOUTH)
    youth.youth_profile.center_id = center.id
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization)
    application = services.apply(opening, youth.youth_profile, by=youth, cv=CvFile("cv.pdf", PDF))
    db.session.commit()
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    return application, youth, counselor


def test_what_a_known_person_sees_is_never_stored(app, cv_application):
    application, youth, counselor = cv_application
    as_youth = login(app.test_client(), youth)
    as_counselor = login(app.test_client(), counselor)
    seen = {
        "a youth's own profile": as_youth.get("/me/profile"),
        "her applications": as_youth.get("/me/applications"),
        "the caseload": as_counselor.get("/caseload"),
        "a youth's page": as_counselor.get(f"/youth/{youth.youth_profile.id}"),
        "the CV": as_counselor.get(f"/applications/{application.id}/cv"),
        "a public page, logged in": as_youth.get("/openings"),
    }
    for what, response in seen.items():
        assert response.status_code == 200, what
        assert response.headers["Cache-Control"] == "no-store", what


def test_the_staff_api_is_never_stored(app, make_user):
    token = issue_token(make_user(Role.COUNSELOR))
    db.session.commit()
    response = app.test_client().get("/api/v1/youth", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_public_pages_for_visitors_keep_ordinary_caching(client):
    """The rule is about who asks: a visitor's Back button on 3G still works from cache."""
    assert "no-store" not in client.get("/openings").headers.get("Cache-Control", "")
    suggest = client.get("/api/v1/openings/suggest?q=cook")
    assert suggest.headers["Cache-Control"] == "public, max-age=60"


def test_versioned_files_are_cached_a_year_and_never_carry_the_session(app, make_user):
    client = login(app.test_client(), make_user(Role.YOUTH))
    page = client.get("/me/profile").get_data(as_text=True)
    urls = re.findall(r'(?:href|src)="(/static/[^"]+\?v=[0-9a-f]+)"', page)
    assert any("portal.css" in url for url in urls) and any("favicon.svg" in url for url in urls)
    urls.append("/static/fonts/" + next((ROOT / "static/fonts").glob("*Regular*.woff2")).name)
    for url in urls:
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == YEAR, url
        assert "Cookie" not in response.headers.get("Vary", ""), url
        assert "Set-Cookie" not in response.headers, url


def test_the_favicon_is_served_in_both_forms(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.mimetype == "image/vnd.microsoft.icon"
    assert icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert icon.headers["Cache-Control"] == "public, max-age=86400"
    page = client.get("/").get_data(as_text=True)
    svg_url = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page).group(1)
    svg = client.get(svg_url)
    assert svg.mimetype == "image/svg+xml" and b"#0b6e4f" in svg.data


@pytest.fixture
def production_app(tmp_path):
    """The portal as in production behind one proxy (no database needed for the favicon)."""

    def make(**settings):
        config = {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SECRET_KEY": "production-test",
            "PORTAL_ENV": "production",
            "SESSION_COOKIE_SECURE": True,
            "TRUSTED_PROXIES": 1,
        }
        return create_app({**config, **settings})

    return make


def test_hsts_only_in_production_over_https_from_a_trusted_proxy(production_app, tmp_path):
    https = {"X-Forwarded-Proto": "https"}
    behind_proxy = production_app().test_client()
    assert (
        behind_proxy.get("/favicon.ico", headers=https).headers["Strict-Transport-Security"]
        == "max-age=31536000"
    )
    assert "Strict-Transport-Security" not in behind_proxy.get("/favicon.ico").headers

    no_proxy = production_app(TRUSTED_PROXIES=0).test_client()  # anyone can send the header
    assert "Strict-Transport-Security" not in no_proxy.get("/favicon.ico", headers=https).headers
    direct_tls = no_proxy.get("/favicon.ico", base_url="https://phlov.example")
    assert direct_tls.headers["Strict-Transport-Security"] == "max-age=31536000"

    development = create_app(
        {
            "INSTANCE_PATH": str(tmp_path),
            "SECRET_KEY": "x",
            "TRUSTED_PROXIES": 1,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'd.db'}",
        }
    ).test_client()
    assert "Strict-Transport-Security" not in development.get("/favicon.ico", headers=https).headers
