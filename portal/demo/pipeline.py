"""The demo's year of applications: who applied or was referred to each opening, and how far
each went (short list, interview, hire or a refusal with its reason), with the rows the
placement services write: the application, each ApplicationStatusChange dated, the hire's
follow-ups at 1 and 3 months (answered, due or overdue) and the audit trail's records.

Each step goes through the placement service's `record_step` (checked as a move is: the
pipeline, who may take it, the reason it needs; dated in the past) and a hire's follow-ups
through `start_follow_ups`; `move` itself runs "now" and tells people by notification, which a
year of the past must not."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import User
from portal.jobs.models import Opening, OpeningKind
from portal.matching import rules
from portal.matching.profiles import from_opening, from_youth
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
)
from portal.placements.services import record_step, start_follow_ups
from portal.youth.models import Gender, YouthProfile

S = ApplicationStatus

# Share of women among those who apply, by sector (Cambodian labour force surveys: garment and
# hospitality mostly women, construction and driving mostly men).
FEMALE_SHARE = {
    "garment": 0.82,
    "hospitality": 0.64,
    "beauty": 0.88,
    "care": 0.72,
    "retail": 0.6,
    "agriculture": 0.45,
    "it": 0.35,
    "phone": 0.3,
    "construction": 0.12,
    "driving": 0.06,
    "motorbike": 0.08,
}
REFERRAL_NOTES = (
    "She sews well and lives close to the factory. Reliable; she came to every session.",
    "Finished our soft-skills course last month. Speaks some English. Please call the center.",
    "Motivated and on time. He has worked on his family's farm and wants a steady job.",
    "Good with customers; she helped in her aunt's shop for two years.",
    "Young but serious; the work fits what he learned at school. Happy to talk by phone.",
    "Looking for work near home so she can help her mother. Ready to start next week.",
)
MESSAGES = (
    "",
    "",
    "I would like to work with you. I can start soon.",
    "ខ្ញុំចង់ធ្វើការជាមួយក្រុមហ៊ុនរបស់លោកអ្នក។",
    "I have some experience and I learn fast.",
    "Can I come for an interview on Saturday?",
)
WITHDRAW_NOTES = {"found_other_work": "Found work closer to home.", "offer_declined": None}
DEMO_CLOCK = (time(1, 30), time(10, 30))  # 8:30 to 17:30 in Cambodia: office hours, in UTC


@dataclass
class Desk:
    """Who acts for the past year: the counselor of each center, the employer accounts."""

    counselors: dict[int, User]  # center id -> the center's counselor
    employers: dict[int, User]  # organization id -> its employer login, when it has one


@dataclass
class Year:
    """What the pipeline needs to know and what it wrote so far."""

    rng: random.Random
    now: datetime
    desk: Desk
    pools: dict[str, list[YouthProfile]]  # province code -> youth who would work there
    female_share: dict[int, float]  # organization id -> share of women among applicants
    taken: set[tuple[int, int]] = field(default_factory=set)  # (opening id, youth id)
    applications: list[Application] = field(default_factory=list)

    @property
    def today(self) -> date:
        return self.now.date()


def at_office_hours(rng: random.Random, day: date) -> datetime:
    start, end = (datetime.combine(day, t) for t in DEMO_CLOCK)
    return start + timedelta(minutes=rng.randint(0, int((end - start).total_seconds() // 60)))


def may_apply(youth: YouthProfile, opening: Opening, day: date) -> bool:
    """The hard rules the services apply on the day (age, minors kept from hazardous or adult
    work), her consent to share, and she was registered by then."""
    if not youth.consent_to_share or youth.created_at.date() >= day:
        return False
    candidate, offer = from_youth(youth), from_opening(opening)
    return not (
        rules.minor_protected(candidate, offer, day) or rules.under_min_age(candidate, offer, day)
    )


def _weight(year: Year, youth: YouthProfile, opening: Opening) -> float:
    share = year.female_share.get(opening.organization_id, 0.5)
    by_sex = {Gender.FEMALE: share, Gender.MALE: 1 - share}.get(youth.gender, 0.5)
    wants = 2.0 if opening.kind.value in (youth.wanted_kinds or []) else 0.4
    fit = 1 + len(set(youth.skills or []) & set(opening.skills or []))
    return max(by_sex, 0.02) * wants * fit


def applicant_count(rng: random.Random, opening: Opening, open_days: int) -> int:
    """How many apply over a month; an opening open for days only has a few so far (the demo
    employer's are sought after: its dashboard shows applicants on each)."""
    if opening.created_by_id is not None:
        open_days = 30
    if opening.kind == OpeningKind.COURSE:
        count = rng.randint(3, min(12, opening.positions))
    else:
        count = rng.randint(1, 3 + 2 * min(opening.positions, 4))
    return max(1, round(count * min(1.0, open_days / 30)))


def choose_applicants(
    year: Year, opening: Opening, first: datetime, last_day: date
) -> list[tuple[YouthProfile, datetime]]:
    """Who applied, and when (between `first` and `last_day`, office hours), earliest first."""
    rng = year.rng
    span = (last_day - first.date()).days
    if span < 0:  # published after its closing date: nobody could apply
        return []
    keyed = []
    for youth in year.pools.get(opening.province_code, []):
        if (opening.id, youth.id) in year.taken:
            continue
        day = first.date() + timedelta(days=rng.randint(min(1, span), span))
        if may_apply(youth, opening, day):
            # Weighted sampling without replacement (Efraimidis-Spirakis): deterministic.
            keyed.append((rng.random() ** (1 / _weight(year, youth, opening)), youth, day))
    keyed.sort(key=lambda item: item[0], reverse=True)
    chosen = [
        (youth, max(first, at_office_hours(rng, day)))
        for _, youth, day in keyed[: applicant_count(rng, opening, span)]
    ]
    return sorted((pair for pair in chosen if pair[1] <= year.now), key=lambda pair: pair[1])


@dataclass
class Step:
    to: ApplicationStatus
    days: tuple[int, int]  # how long after the previous step
    reason_code: str | None = None


def planned_steps(rng: random.Random, referred: bool) -> list[Step]:
    """How far an application goes. Most end before a hire; counselors' referrals go further."""
    roll = rng.random()
    if roll < (0.42 if referred else 0.58):
        code = rng.choices(["skills", "experience", "education", "filled"], [4, 4, 2, 2])[0]
        return [Step(S.NOT_SELECTED, (3, 15), code)]
    if roll < (0.46 if referred else 0.63):
        return [Step(S.WITHDRAWN, (2, 12), "found_other_work")]
    steps = [Step(S.SHORTLISTED, (2, 9))]
    roll = rng.random()
    if roll < 0.18:
        return [*steps, Step(S.NOT_SELECTED, (2, 8), rng.choice(["not_reachable", "filled"]))]
    steps.append(Step(S.INTERVIEW, (2, 8)))
    roll = rng.random()
    if roll < 0.5:
        return [*steps, Step(S.HIRED, (1, 10))]
    if roll < 0.62:
        return [*steps, Step(S.WITHDRAWN, (1, 7), "offer_declined")]
    code = rng.choices(["no_show", "experience", "skills", "filled"], [2, 3, 2, 1])[0]
    return [*steps, Step(S.NOT_SELECTED, (1, 7), code)]


@dataclass
class Places:
    """Places left on one opening (seats of a course), and when the last was taken."""

    left: int
    filled_at: datetime | None = None


def start(year: Year, opening: Opening, youth: YouthProfile, when: datetime) -> Application:
    """A referral by her center's counselor, or her own application (at the center when she has
    no login: the counselor submits it with her)."""
    rng = year.rng
    counselor = year.desk.counselors[youth.center_id]
    referred = rng.random() < 0.4
    application = Application(
        opening=opening,
        youth=youth,
        source=ApplicationSource.REFERRED if referred else ApplicationSource.APPLIED,
        status=S.REFERRED if referred else S.APPLIED,
        message="" if referred else rng.choice(MESSAGES),
        referred_by_id=counselor.id if referred else None,
        referral_note=rng.choice(REFERRAL_NOTES) if referred else None,
        abroad_confirmed_at=when if opening.work_abroad else None,
        created_at=when,
        updated_at=when,
    )
    by = counselor if referred or youth.user is None else youth.user
    application.status_changes.append(  # the first step, as placements.services writes it
        ApplicationStatusChange(
            to_status=application.status, changed_by_id=by.id, changed_by=by, changed_at=when
        )
    )
    year.taken.add((opening.id, youth.id))
    year.applications.append(application)
    return application


def _change(
    application: Application,
    to: ApplicationStatus,
    *,
    by: User,
    when: datetime,
    reason_code: str | None = None,
) -> None:
    """One step on its day, checked and written by the placement service (the pipeline, who may
    take it, the reason it needs)."""
    reason = WITHDRAW_NOTES.get(reason_code or "")
    record_step(application, to, by=by, at=when, reason_code=reason_code, reason=reason)
    application.updated_at = when


def _who_moves(year: Year, application: Application, to: ApplicationStatus) -> User:
    """The employer's login moves its own applicants; otherwise the counselor records what
    the employer said; a withdrawal is hers when she can log in."""
    youth = application.youth
    if to == S.WITHDRAWN and youth.user is not None:
        return youth.user
    employer = year.desk.employers.get(application.opening.organization_id)
    if employer is not None and to != S.WITHDRAWN:
        return employer
    return year.desk.counselors[youth.center_id]


def advance(year: Year, application: Application, places: Places) -> None:
    """Take the application along its planned steps, as far as today allows."""
    rng = year.rng
    referred = application.source == ApplicationSource.REFERRED
    when = application.created_at
    for step in planned_steps(rng, referred):
        when = at_office_hours(rng, when.date() + timedelta(days=rng.randint(*step.days)))
        if when > year.now:
            return  # still waiting for that step
        to, code = step.to, step.reason_code
        if to == S.HIRED and places.left <= 0:
            to, code = S.NOT_SELECTED, "filled"
        _change(application, to, by=_who_moves(year, application, to), when=when, reason_code=code)
        if to == S.HIRED:
            _hired(year, application, places, when)


def _hired(year: Year, application: Application, places: Places, when: datetime) -> None:
    places.left -= 1
    if places.left == 0:
        places.filled_at = when
    start_follow_ups(application, when.date())
    if year.rng.random() < 0.04:  # did not start after all: the counselor records it
        left = at_office_hours(year.rng, when.date() + timedelta(days=year.rng.randint(3, 9)))
        if left <= year.now:
            counselor = year.desk.counselors[application.youth.center_id]
            _change(application, S.WITHDRAWN, by=counselor, when=left, reason_code="left")
            application.hired_on = None
            application.follow_ups.clear()
            places.left += 1
            return
    answer_follow_ups(year, application)


def answer_follow_ups(year: Year, application: Application) -> None:
    """Follow-ups whose day came: most answered within days (by her counselor, or by her in
    Telegram); of those due in the last month, some still wait (overdue). Once she has left,
    she has left."""
    rng = year.rng
    employed = True
    for follow_up in application.follow_ups:
        late = (year.today - follow_up.due_on).days
        if late < 0 or (late <= 30 and rng.random() > 0.55):
            return
        recorded = at_office_hours(rng, follow_up.due_on + timedelta(days=rng.randint(0, 6)))
        if recorded > year.now:
            return
        employed = employed and rng.random() < (0.84 if follow_up.month == 1 else 0.86)
        youth = application.youth
        by_youth = youth.user is not None and rng.random() < 0.3
        follow_up.still_employed = employed
        follow_up.recorded_at = recorded
        follow_up.recorded_by_id = (
            youth.user.id if by_youth else year.desk.counselors[youth.center_id].id
        )
        follow_up.answered_via = "telegram" if by_youth else None


def run_opening(
    year: Year, opening: Opening, first: datetime, last_day: date, *, places: int
) -> Places:
    """All the applications of one opening open from `first` to `last_day`; returns its places
    (when it filled up, the applications after that are not made)."""
    left = Places(left=places)
    for youth, when in choose_applicants(year, opening, first, last_day):
        if left.filled_at is not None and when >= left.filled_at:
            break
        advance(year, start(year, opening, youth, when), left)
    return left


def audit_events(applications: list[Application]) -> list[AuditEvent]:
    """The audit trail's records the services write for each step (after a flush: ids)."""
    events = []
    for application in applications:
        for change in application.status_changes:
            action = AuditAction.APPLICATION_STATUS
            if change.from_status is None and application.source == ApplicationSource.REFERRED:
                action = AuditAction.REFERRAL
            detail = {
                "from": change.from_status,
                "to": change.to_status,
                "reason_code": change.reason_code,
            }
            events.append(
                AuditEvent(
                    at=change.changed_at,
                    action=str(action),
                    actor_id=change.changed_by_id,
                    actor_role=str(change.changed_by.role),
                    subject_type="application",
                    subject_id=application.id,
                    youth_id=application.youth_id,
                    detail={key: str(value) for key, value in detail.items() if value},
                )
            )
    return events
