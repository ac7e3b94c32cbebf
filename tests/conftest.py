"""Fixtures: one app per test session on a real SQLite file built by the migrations,
emptied after every test; a logged-in client per role; factories for data."""

from __future__ import annotations

import itertools
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_migrate import downgrade, upgrade
from sqlalchemy import delete, update

from portal import create_app
from portal.auth.models import Role, User
from portal.auth.services import create_user
from portal.centers.models import Center
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from portal.matching.changes import MatchingChange
from portal.orgs.models import Organization
from portal.youth.models import EducationLevel, Gender, YouthProfile

PASSWORD = "correct-horse-9"
CATALOGS = Path(__file__).resolve().parents[1] / "portal" / "translations"


def compile_catalogs() -> None:
    """Build each language's .mo from its .po when missing or older (as scripts/test does), so
    that a bare `pytest` reads Khmer pages too."""
    for po in CATALOGS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            write_catalog(read_po(source), mo)


def write_catalog(catalog, mo: Path) -> None:
    """Write a compiled catalog beside `mo`, then move it in place: another test worker may be
    reading that file at this moment."""
    partial = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
    with partial.open("wb") as target:
        write_mo(target, catalog)
    partial.replace(mo)


def _test_database_url() -> str | None:
    """TEST_DATABASE_URL, or under pytest-xdist the worker's own copy of it: `<db>_gw0`,
    `<db>_gw1`... on the same server, created when missing (the role needs CREATEDB)."""
    url = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy import create_engine, make_url, text

    base = make_url(url)
    name = f"{base.database}_{worker}"
    maintenance = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with maintenance.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    maintenance.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    compile_catalogs()
    instance = tmp_path_factory.mktemp("instance")
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(instance),
            # A real SQLite file by default; TEST_DATABASE_URL runs the suite on PostgreSQL.
            "SQLALCHEMY_DATABASE_URI": _test_database_url() or f"sqlite:///{instance / 'test.db'}",
            "SEARCH_INDEX_DIR": str(instance / "search-index"),
            # TEST_SEARCH_BACKEND=postgres (with TEST_DATABASE_URL) runs it on PostgreSQL's search.
            "SEARCH_BACKEND": os.environ.get("TEST_SEARCH_BACKEND", "whoosh"),
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "SERVER_NAME": "localhost",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # real hashes, cheap to make
            # Visitors get Khmer by default; tests read English unless they choose Khmer
            # (tests/test_translations.py checks the Khmer default).
            "DEFAULT_LANGUAGE": "en",
        }
    )
    with app.app_context():
        if os.environ.get("TEST_DATABASE_URL"):
            downgrade(revision="base")  # a server database may hold an earlier run's schema
        upgrade()  # the schema comes from the migrations, as in production
    return app


@pytest.fixture(autouse=True)
def _clean_database(app):
    yield
    with app.app_context():
        empty_database()


def empty_database() -> None:
    """Delete every row of every table (the schema stays)."""
    db.session.rollback()
    # Organizations and accounts point at each other (who verified it): unlink first.
    db.session.execute(update(Organization).values(verified_by_id=None))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()
    # That commit logged "every opening and profile changed" for the matching caches: empty the
    # log after it, so that an emptied database holds nothing at all (flask restore checks).
    db.session.execute(delete(MatchingChange))
    db.session.commit()


@pytest.fixture(autouse=True)
def _reset_rate_limits(app):
    """Each test starts with no rate-limit counts (failed logins, sign-ups, the API)."""
    from portal.extensions import limiter

    with app.app_context():
        limiter.reset()


@pytest.fixture
def ctx(app):
    """An app context for arranging data and checking what was saved."""
    with app.app_context():
        yield


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_counter = itertools.count(1)


@pytest.fixture
def make_center(ctx):
    def make(name: str | None = None, province_code: str = "12", **fields) -> Center:
        center = Center(
            name=name or f"Center {next(_counter)}", province_code=province_code, **fields
        )
        db.session.add(center)
        db.session.commit()
        return center

    return make


@pytest.fixture
def make_org(ctx):
    def make(name: str | None = None, verified: bool = True, **fields) -> Organization:
        org = Organization(name=name or f"Org {next(_counter)}", province_code="12", **fields)
        if verified:
            org.verified_at = utcnow()
        db.session.add(org)
        db.session.commit()
        return org

    return make


@pytest.fixture
def make_user(ctx, make_center, make_org):
    def make(role: Role | str = Role.YOUTH, **fields) -> User:
        role = Role(role)
        n = next(_counter)
        if role in (Role.COUNSELOR, Role.ADMIN) and "center_id" not in fields:
            fields["center_id"] = make_center().id
        if role == Role.EMPLOYER and "organization_id" not in fields:
            fields["organization_id"] = make_org().id
        fields.setdefault("email", f"{role.value}{n}@example.org")
        user = create_user(role=role, password=PASSWORD, **fields)
        if role == Role.YOUTH:
            db.session.add(
                YouthProfile(
                    user_id=user.id,
                    full_name=f"Youth {n}",
                    gender=Gender.FEMALE,
                    date_of_birth=date(2004, 5, 1),
                    province_code="12",
                    education_level=EducationLevel.LOWER_SECONDARY,
                    details_confirmed_at=datetime(2025, 1, 1),  # not re-asked (issue 17)
                    consent_to_share=True,  # applying needs it (issue 14)
                    consent_at=datetime(2025, 1, 1),
                )
            )
        db.session.commit()
        return user

    return make


@pytest.fixture
def make_opening(ctx, make_org):
    def make(organization: Organization | None = None, **fields) -> Opening:
        n = next(_counter)
        fields.setdefault("ref", f"REF-{n}")
        fields.setdefault("kind", OpeningKind.JOB)
        fields.setdefault("title", f"Opening {n}")
        fields.setdefault("province_code", "12")
        fields.setdefault("status", OpeningStatus.PUBLISHED)
        fields.setdefault("closing_date", date.today() + timedelta(days=30))
        if fields["status"] == OpeningStatus.PUBLISHED:
            fields.setdefault("published_at", utcnow())
        opening = Opening(organization=organization or make_org(), **fields)
        db.session.add(opening)
        db.session.commit()
        return opening

    return make


@pytest.fixture
def make_youth(ctx):
    def make(**fields) -> YouthProfile:
        n = next(_counter)
        fields.setdefault("full_name", f"Sokha {n}")
        fields.setdefault("gender", Gender.FEMALE)
        fields.setdefault("date_of_birth", date(2003, 1, 15))
        fields.setdefault("province_code", "12")
        # Applying and referrals need consent to share (issue 14); a test of its absence says so.
        fields.setdefault("consent_to_share", True)
        if fields["consent_to_share"]:
            fields.setdefault("consent_at", datetime(2025, 1, 1))
        youth = YouthProfile(**fields)
        db.session.add(youth)
        db.session.commit()
        return youth

    return make


def login(client, user: User, password: str = PASSWORD):
    response = client.post("/login", data={"identifier": user.login_name, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def login_as(app, make_user):
    """login_as("counselor") -> (client, user): a fresh client logged in with that role."""

    def make(role: Role | str, **fields):
        user = make_user(role, **fields)
        return login(app.test_client(), user), user

    return make


def _fresh_request_globals(sender, **extra):
    """Each test request starts with an empty `g`, as in production.

    Tests arrange data inside an app context (`ctx`), and Flask reuses that context for the
    requests of the test client, so `g` (where Flask-Login keeps the current user and
    Flask-Babel the locale) would otherwise leak from one client's request into the next.
    """
    from flask import g

    g.__dict__.clear()


@pytest.fixture(autouse=True)
def _isolate_request_globals(app):
    from flask import request_started

    with request_started.connected_to(_fresh_request_globals, app):
        yield


@pytest.fixture(autouse=True)
def _clean_search_index(app):
    """Each test starts without a search index, as each starts with an empty database; the
    first commit or search that needs one builds it from the database."""
    yield
    import shutil

    from portal.search.store import IndexStore

    store = IndexStore(app.config["SEARCH_INDEX_DIR"])
    store.forget()
    shutil.rmtree(store.root, ignore_errors=True)


@pytest.fixture
def reindex(ctx):
    """reindex(): put every opening of the database in the search index. The factories above
    save openings directly, past the services that keep the index up to date."""
    from portal.search.sync import rebuild

    return rebuild


@pytest.fixture
def make_application(ctx, make_opening, make_youth):
    """make_application(youth=..., status=..., hired_on=...) -> Application saved directly (past
    the services), with its 1- and 3-month follow-ups when `hired_on` is given."""
    from portal.placements.models import (
        Application,
        ApplicationSource,
        ApplicationStatus,
        FollowUp,
    )

    def make(opening=None, youth=None, hired_on: date | None = None, **fields) -> Application:
        fields.setdefault("source", ApplicationSource.APPLIED)
        fields.setdefault("status", ApplicationStatus(fields["source"].value))
        if hired_on is not None:
            fields["status"] = ApplicationStatus.HIRED
        application = Application(
            opening=opening or make_opening(),
            youth=youth or make_youth(),
            hired_on=hired_on,
            **fields,
        )
        if hired_on is not None:
            application.follow_ups = [
                FollowUp(month=1, due_on=hired_on + timedelta(days=30)),
                FollowUp(month=3, due_on=hired_on + timedelta(days=91)),
            ]
        db.session.add(application)
        db.session.commit()
        return application

    return make
