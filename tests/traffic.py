"""Web writes while something else writes: young people logging in and a counselor's app
referring young people through the token API, counted (attempted, failed, slowest), for the
tests and the bench that run them beside a long import."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from portal import search
from portal.auth.models import Role
from portal.auth.services import create_user
from portal.auth.tokens import issue_token
from portal.centers.models import Center
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from portal.orgs.models import Organization
from portal.youth.models import Gender, YouthProfile

PASSWORD = "correct-horse-9"


@dataclass
class Visitors:
    """Who makes the traffic: accounts that log in, a token, referrals still to make."""

    logins: list[str]
    token: str
    referrals: list[tuple[int, int]]  # (opening id, youth id), each made once


@dataclass
class Traffic:
    logins: int = 0
    api_writes: int = 0
    failures: list[str] = field(default_factory=list)
    slowest: float = 0.0

    def summary(self) -> str:
        return (
            f"logins attempted {self.logins}, API writes attempted {self.api_writes}, "
            f"failed {len(self.failures)}, slowest {self.slowest:.2f} s"
        )


def arrange_visitors(accounts: int, referrals: int) -> Visitors:
    """Youth accounts that log in, and a counselor's token with young people of her center to
    refer to one published opening. Needs an app context; commits."""
    center = Center(name="Traffic YEC", province_code="12")
    organization = Organization(name="Traffic Employer", province_code="12", verified_at=utcnow())
    db.session.add_all([center, organization])
    db.session.flush()
    counselor = create_user(
        role=Role.COUNSELOR, password=PASSWORD, email="traffic@example.org", center_id=center.id
    )
    logins = [
        create_user(role=Role.YOUTH, password=PASSWORD, email=f"visitor{n}@example.org").email
        for n in range(accounts)
    ]
    opening = Opening(
        organization=organization,
        ref="TRAFFIC-1",
        kind=OpeningKind.JOB,
        title="Shop assistant",
        province_code="12",
        status=OpeningStatus.PUBLISHED,
        published_at=utcnow(),
        closing_date=date.today() + timedelta(days=30),
    )
    youth = [_young_person(center, n) for n in range(referrals)]
    db.session.add_all([opening, *youth])
    token = issue_token(counselor)  # flushes: the opening has its id
    search.index(opening)
    db.session.commit()
    return Visitors(logins, token, [(opening.id, person.id) for person in youth])


def _young_person(center: Center, number: int) -> YouthProfile:
    return YouthProfile(
        full_name=f"Referred {number}",
        gender=Gender.FEMALE,
        date_of_birth=date(2003, 1, 15),
        province_code="12",
        center_id=center.id,
        consent_to_share=True,
        consent_at=datetime(2025, 1, 1),
    )


def drive(app, visitors: Visitors, until: Callable[[], bool], pause: float = 0.05) -> Traffic:
    """Log in and refer, in turn, until `until()` says stop (at least one round). Each login is
    a fresh browser; a failure is any answer but the expected redirect or 201."""
    traffic = Traffic()
    api = app.test_client()
    headers = {"Authorization": f"Bearer {visitors.token}"}
    round_number = 0
    while round_number == 0 or not until():
        login = visitors.logins[round_number % len(visitors.logins)]
        _timed(traffic, "login", _log_in, app, login)
        traffic.logins += 1
        if round_number < len(visitors.referrals):
            opening_id, youth_id = visitors.referrals[round_number]
            body = {"opening_id": opening_id, "youth_id": youth_id, "note": "Good with people."}
            _timed(traffic, "referral", _refer, api, headers, body)
            traffic.api_writes += 1
        round_number += 1
        time.sleep(pause)
    return traffic


def _log_in(app, login: str) -> str | None:
    response = app.test_client().post("/login", data={"identifier": login, "password": PASSWORD})
    if response.status_code != 302:
        return f"login {login}: HTTP {response.status_code}"
    return None


def _refer(api, headers: dict, body: dict) -> str | None:
    response = api.post("/api/v1/applications", json=body, headers=headers)
    if response.status_code != 201:
        return f"referral {body}: HTTP {response.status_code} {response.get_data(as_text=True)}"
    return None


def _timed(traffic: Traffic, what: str, call: Callable[..., str | None], *args) -> None:
    started = time.perf_counter()
    try:
        problem = call(*args)
    except Exception as error:  # noqa: BLE001 - counted: the test asserts there were none
        problem = f"{what}: {error!r}"
    traffic.slowest = max(traffic.slowest, time.perf_counter() - started)
    if problem:
        traffic.failures.append(problem)
