"""The demo's year behind it: openings published over the last twelve months (closed when
their date passed or their places filled), the applications and referrals of those and of
today's openings (pipeline.py), saved openings and "not for me", postings the screening held,
and visitors' reports. Its own random generator, so today's demo stays as it was."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from portal.auth.models import Role
from portal.extensions import db
from portal.interviews.demo import demo_interviews
from portal.jobs import services
from portal.jobs.models import Opening, OpeningKind, OpeningStatus, ScreeningLevel
from portal.placements.models import Application, DismissedOpening, SavedOpening
from portal.screening.openings import screen_opening
from portal.youth.models import YouthProfile

from . import pipeline
from .openings import Poster, build_opening, pick_poster, province_slots
from .people import CenterDesk
from .pipeline import Desk, Year, at_office_hours
from .safety_history import held_postings, visitors_reports

HISTORY_SEED = 2026_17
PAST_OPENINGS = 130
DEMO_EMPLOYER_PAST = 10  # the demo employer's own past year, for its applicants pages
YEAR_DAYS = 365


@dataclass
class HistorySummary:
    past_openings: int
    applications: int
    hires: int
    follow_ups_answered: int


def seed_history(
    posters: list[Poster],
    by_province: dict[str, CenterDesk],
    youth: list[YouthProfile],
    openings: list[Opening],
    now: datetime,
) -> HistorySummary:
    """Write the year; flushes."""
    rng = random.Random(HISTORY_SEED)
    year = Year(
        rng=rng,
        # Up to this morning (7:00 in Cambodia): the same history all day long.
        now=datetime.combine(now.date(), time(0, 0)),
        desk=_desk(posters, by_province),
        pools=_pools(youth),
        female_share=_female_shares(posters),
    )
    past = past_openings(rng, posters, by_province, now)
    for opening in past:
        _run_past(year, opening, by_province)
    visitors_reports(rng, openings, by_province, now)
    for opening in openings:  # today's: recent applications, places never all taken
        if _has_applicants(rng, opening):
            last_day = min(opening.closing_date or now.date(), now.date())
            pipeline.run_opening(
                year, opening, opening.published_at, last_day, places=opening.positions - 1
            )
    db.session.add_all(year.applications)
    db.session.flush()
    db.session.add_all(pipeline.audit_events(year.applications))
    db.session.add_all(demo_interviews(year.applications, now))  # their days and places
    _saved_and_dismissed(rng, youth, openings, now)
    held_postings(rng, posters, by_province, now)
    db.session.flush()
    return _summary(past, year.applications)


def _has_applicants(rng: random.Random, opening: Opening) -> bool:
    """Most of today's public openings have someone already (the demo employer's all do)."""
    if opening.status != OpeningStatus.PUBLISHED or not opening.organization.is_verified:
        return False
    return opening.created_by_id is not None or rng.random() < 0.55


def _summary(past: list[Opening], applications: list[Application]) -> HistorySummary:
    follow_ups = [f for a in applications for f in a.follow_ups]
    return HistorySummary(
        past_openings=len(past),
        applications=len(applications),
        hires=sum(a.hired_on is not None for a in applications),
        follow_ups_answered=sum(f.still_employed is not None for f in follow_ups),
    )


def _desk(posters: list[Poster], by_province: dict[str, CenterDesk]) -> Desk:
    counselors = {desk.center.id: desk.counselor for desk in by_province.values()}
    employers = {p.organization.id: p.employer for p in posters if p.employer is not None}
    return Desk(counselors=counselors, employers=employers)


def _pools(youth: list[YouthProfile]) -> dict[str, list[YouthProfile]]:
    pools: dict[str, list[YouthProfile]] = {}
    for profile in youth:
        for code in profile.work_provinces or [profile.province_code]:
            pools.setdefault(code, []).append(profile)
    return pools


def _female_shares(posters: list[Poster]) -> dict[int, float]:
    shares = {}
    for poster in posters:
        known = [pipeline.FEMALE_SHARE.get(s, 0.5) for s in poster.row.sectors]
        shares[poster.organization.id] = sum(known) / len(known) if known else 0.5
    return shares


def past_openings(
    rng: random.Random, posters: list[Poster], by_province: dict[str, CenterDesk], now: datetime
) -> list[Opening]:
    """Openings published on days spread over the year, by verified organizations (the demo
    employer's among them), through the services; the ones the screening holds are dropped."""
    verified = [p for p in posters if p.organization.is_verified and not p.employer]
    demo = next(p for p in posters if p.employer)
    provinces = province_slots(rng, PAST_OPENINGS)
    slots = [(pick_poster(rng, verified, code), code) for code in provinces]
    slots += [(demo, rng.choice(demo.row.posts_in)) for _ in range(DEMO_EMPLOYER_PAST)]
    published = []
    for poster, province in slots:
        day = now.date() - timedelta(days=int(rng.triangular(20, YEAR_DAYS - 5, 330)))
        opening = build_opening(rng, poster, province, day)
        with db.session.no_autoflush:
            if screen_opening(opening).level == ScreeningLevel.HIGH:
                poster.organization.openings.remove(opening)  # it would be held: not posted
                continue
            opening.ref = services.next_ref(poster.organization)
        db.session.add(opening)
        services.publish(opening, by=by_province[province].counselor, confirmed_warnings=True)
        backdate_status_changes(opening, at_office_hours(rng, day) - timedelta(hours=3))
        published.append(opening)
    return published


def backdate_status_changes(opening: Opening, created: datetime, step_hours: int = 3) -> None:
    """The opening was written at `created` and each status change a few hours after the last."""
    opening.created_at = opening.updated_at = created
    for step, change in enumerate(opening.status_changes, start=1):
        change.changed_at = created + timedelta(hours=step * step_hours)
        if change.to_status == OpeningStatus.PUBLISHED:
            opening.published_at = change.changed_at


def _run_past(year: Year, opening: Opening, by_province: dict[str, CenterDesk]) -> None:
    """Its applications, then its end: filled, or its closing date passed."""
    last_day = min(opening.closing_date, year.today)
    places = pipeline.run_opening(
        year, opening, opening.published_at, last_day, places=opening.positions
    )
    if places.filled_at is not None and opening.kind != OpeningKind.COURSE:
        _close(opening, by=by_province[opening.province_code].counselor, when=places.filled_at)
    elif opening.closing_date < year.today:
        when = datetime.combine(opening.closing_date + timedelta(days=1), time(0, 5))
        _close(opening, by=None, when=when, reason=services.CLOSED_BY_DATE)


def _close(opening: Opening, *, by, when: datetime, reason: str | None = None) -> None:
    services.close(opening, by=by, reason=reason or "All places are filled.")
    opening.status_changes[-1].changed_at = when
    opening.updated_at = when


def _saved_and_dismissed(
    rng: random.Random, youth: list[YouthProfile], openings: list[Opening], now: datetime
) -> None:
    """Those who log in keep a few of today's openings to look at again, and said "not for me"
    to one or two."""
    live = [o for o in openings if o.is_open_on(now.date()) and o.hidden_by_reports_at is None]
    for profile in youth:
        if profile.user is None or profile.user.role != Role.YOUTH:
            continue
        fitting = [o for o in live if o.province_code in (profile.work_provinces or [])]
        picked = rng.sample(fitting, min(len(fitting), rng.randint(1, 5)))
        for opening in picked[:-1] if len(picked) > 2 else picked:
            when = _after(rng, profile, opening, now)
            db.session.add(SavedOpening(youth_id=profile.id, opening_id=opening.id, saved_at=when))
        if len(picked) > 2:
            when = _after(rng, profile, picked[-1], now)
            db.session.add(
                DismissedOpening(youth_id=profile.id, opening_id=picked[-1].id, dismissed_at=when)
            )


def _after(rng: random.Random, profile: YouthProfile, opening: Opening, now: datetime) -> datetime:
    """A moment she could have seen it: published, she was registered, in the last month."""
    start = max(opening.published_at, profile.created_at, now - timedelta(days=30))
    return start + (now - start) * rng.random()
