"""Demo openings: jobs, internships and courses spread over all 25 provinces, made from the
sector templates in data/sectors.toml and moved through their statuses by the real services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from portal import search
from portal.auth.models import User
from portal.courses.models import CourseDetails
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Currency, Opening, OpeningKind, OpeningStatus
from portal.orgs.models import Organization, OrgKind
from portal.places import districts_of
from portal.youth.models import EducationLevel

from . import data

PER_PROVINCE_AT_LEAST = 3
REJECT_REASON = "Please add the working hours and the pay, so young people can decide."
CLOSE_REASON = "All positions are filled. Thank you!"


@dataclass
class Poster:
    """An organization in the demo, with the row it came from and who acts for it."""

    organization: Organization
    row: data.OrganizationRow
    employer: User | None = None  # the demo employer login, for its own organization


def province_slots(rng: random.Random, count: int) -> list[str]:
    """`count` province codes: every province a few times, the rest weighted by where work is."""
    weights = data.province_weights()["openings"]
    slots = [code for code in sorted(weights) for _ in range(PER_PROVINCE_AT_LEAST)]
    codes = sorted(weights)
    slots += rng.choices(codes, weights=[weights[c] for c in codes], k=count - len(slots))
    rng.shuffle(slots)
    return slots


def pick_poster(rng: random.Random, posters: list[Poster], province: str) -> Poster:
    candidates = [p for p in posters if p.row.posts_in_province(province)]
    # Home-province posters post most; new, unverified ones rarely.
    weights = [
        (4 if p.row.province_code == province else 1) * (1 if p.row.verified else 0.3)
        for p in candidates
    ]
    return rng.choices(candidates, weights=weights)[0]


def _pick_kind(rng: random.Random, poster: Poster) -> OpeningKind:
    if poster.organization.kind == OrgKind.TRAINING_PROVIDER:
        return OpeningKind.COURSE if rng.random() < 0.9 else OpeningKind.INTERNSHIP
    if "*" in poster.row.posts_in or "care" in poster.row.sectors:  # NGOs also run courses
        return rng.choices(list(OpeningKind), weights=[70, 12, 18])[0]
    return OpeningKind.JOB if rng.random() < 0.86 else OpeningKind.INTERNSHIP


def _title_and_text(rng: random.Random, template: dict) -> tuple[str, str]:
    """English, Khmer, or both, as employers really write them."""
    title, text = template["title"], template["text"]
    khmer, text_km = template.get("km"), template.get("text_km")
    roll = rng.random()
    if khmer and roll < 0.15:
        return khmer, text_km or text
    if khmer and roll < 0.35:
        return f"{khmer} / {title}", f"{text_km}\n\n{text}" if text_km else text
    return title, text


def _pay(rng: random.Random, template: dict, kind: OpeningKind) -> tuple[int | None, ...]:
    """(salary_min, salary_max, currency); some employers leave the pay to discuss."""
    pay = template.get("pay")
    if kind == OpeningKind.COURSE or not pay or rng.random() < 0.08:
        return None, None, None
    if kind == OpeningKind.INTERNSHIP and rng.random() < 0.25:
        return None, None, None
    currency = Currency(template.get("currency", "USD"))
    step = 10_000 if currency == Currency.KHR else 5
    low, high = pay
    middle = (low + high) / 2
    salary_min = round(rng.uniform(low, middle) / step) * step
    salary_max = round(rng.uniform(middle, high) / step) * step
    return salary_min, max(salary_min, salary_max), currency


def _needs(template: dict) -> dict:
    """What the work needs from a person: adults only when hazardous, a school level, languages."""
    level = template.get("min_education")
    return {
        "hazardous": template.get("hazardous", False),
        "min_education": EducationLevel(level) if level else None,
        "languages": list(template.get("languages", [])),
    }


def _course_details(rng: random.Random, template: dict, today: date) -> CourseDetails:
    fee = rng.choice(template["fees"])
    return CourseDetails(
        start_date=today + timedelta(days=rng.randint(10, 60)),
        duration_weeks=rng.randint(*template["weeks"]),
        fee=fee,
        scholarship_available=fee > 0 and rng.random() < 0.5,
    )


def build_opening(rng: random.Random, poster: Poster, province: str, today: date) -> Opening:
    """One opening (not yet saved, no status) of `poster` in `province`."""
    kind = _pick_kind(rng, poster)
    sector = data.sectors()[rng.choice(poster.row.sectors)]
    template = rng.choice(sector[f"{kind.value}s"])
    title, text = _title_and_text(rng, template)
    skills = list(template["skills"])
    if rng.random() < 0.3:
        extra = rng.choice(data.people()["common_skills"])
        # Employers add a skill they like; a course teaches what its template says.
        skills += [] if extra in skills or kind == OpeningKind.COURSE else [extra]
    salary_min, salary_max, currency = _pay(rng, template, kind)
    districts = districts_of(province)
    opening = Opening(
        organization=poster.organization,
        kind=kind,
        title=title,
        description=f"{text}\n\n{rng.choice(data.sectors()['how_to_apply'])}",
        skills=skills,
        province_code=province,
        district_code=rng.choice(districts).code if districts and rng.random() < 0.8 else None,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        min_age=template.get("min_age", 15),
        **_needs(template),
        positions=rng.randint(*template.get("positions", [1, 3])),
        created_by_id=poster.employer.id if poster.employer else None,
    )
    if kind == OpeningKind.COURSE:
        opening.course = _course_details(rng, template, today)
        opening.positions = rng.randint(12, 30)  # seats
        opening.closing_date = opening.course.start_date - timedelta(days=rng.randint(2, 7))
    else:
        opening.closing_date = today + timedelta(days=rng.randint(7, 60))
    return opening


# The demo employer sees one opening in each status on its dashboard, then published ones.
EMPLOYER_STATUSES = [
    OpeningStatus.DRAFT,
    OpeningStatus.PENDING_REVIEW,
    OpeningStatus.REJECTED,
    OpeningStatus.CLOSED,
]


def pick_status(rng: random.Random, poster: Poster, nth_of_poster: int) -> OpeningStatus:
    if poster.employer and nth_of_poster < len(EMPLOYER_STATUSES):
        return EMPLOYER_STATUSES[nth_of_poster]
    if not poster.organization.is_verified:
        return OpeningStatus.PENDING_REVIEW  # a counselor checks new organizations first
    weights = {
        OpeningStatus.PUBLISHED: 89,
        OpeningStatus.PENDING_REVIEW: 4,
        OpeningStatus.CLOSED: 4,
        OpeningStatus.DRAFT: 3,
    }
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def apply_status(
    rng: random.Random,
    opening: Opening,
    status: OpeningStatus,
    *,
    employer: User | None,
    reviewer: User,
    now: datetime,
) -> None:
    """Move a new opening to `status` the way people would, through the named services."""
    with db.session.no_autoflush:  # the new opening is not complete until it has its ref
        opening.ref = services.next_ref(opening.organization)
    db.session.add(opening)
    if status == OpeningStatus.DRAFT:
        db.session.flush()
        search.index(opening)  # the other statuses go through services, which index
    elif status in (OpeningStatus.PENDING_REVIEW, OpeningStatus.REJECTED):
        services.submit_for_review(opening, by=employer)
        if status == OpeningStatus.REJECTED:
            services.reject(opening, by=reviewer, reason=REJECT_REASON)
    elif _published_if_safe(opening, employer=employer, reviewer=reviewer):
        if status == OpeningStatus.CLOSED:
            opening.closing_date = now.date() - timedelta(days=rng.randint(1, 20))
            services.close(opening, by=employer or reviewer, reason=CLOSE_REASON)
        elif rng.random() < 0.04:  # past its date but not yet closed: hidden from the public
            opening.closing_date = now.date() - timedelta(days=rng.randint(1, 10))
    _backdate(rng, opening, now)


def _published_if_safe(opening: Opening, *, employer: User | None, reviewer: User) -> bool:
    """Publish as the demo counselor, who checked any warning signs; the screening still holds
    a "high" opening, which then waits for review."""
    try:
        services.publish(opening, by=reviewer, confirmed_warnings=True)
    except services.ScreeningHold:
        services.submit_for_review(opening, by=employer)
        return False
    return True


def _backdate(rng: random.Random, opening: Opening, now: datetime) -> None:
    """Spread the openings over the last weeks so lists look lived in."""
    created = now - timedelta(days=rng.randint(1, 40), minutes=rng.randint(0, 600))
    opening.created_at = created
    for step, change in enumerate(opening.status_changes, start=1):
        change.changed_at = min(now, created + timedelta(hours=step * rng.randint(2, 20)))
    if opening.published_at is not None:
        opening.published_at = max(
            c.changed_at for c in opening.status_changes if c.to_status == OpeningStatus.PUBLISHED
        )
