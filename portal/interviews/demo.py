"""The demo's interviews (`flask demo seed`): each demo application that reached the interview
step gets its day and place, as an employer or counselor would have set them, so that the day's
lists and the reminders have something to show. Chosen with their own random numbers (from the
application's own facts), so that the demo year's other choices stay as they were."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from portal.interviews.models import Interview
from portal.placements.models import Application, ApplicationStatus

HOURS = (2, 3, 7)  # 09:00, 10:00 and 14:00 in Cambodia, in UTC
BRING = "ID card, CV"


def demo_interviews(applications: list[Application], now: datetime) -> list[Interview]:
    """One interview for each application that reached the interview step, between that step
    and the next one; those still waiting get theirs in the next three days (today's list)."""
    interviews = []
    for application in applications:
        changes = application.status_changes
        steps = [i for i, c in enumerate(changes) if c.to_status == ApplicationStatus.INTERVIEW]
        if not steps:
            continue
        invited = changes[steps[0]]
        rng = random.Random(f"{application.youth.full_name}|{invited.changed_at.isoformat()}")
        day = invited.changed_at.date() + timedelta(days=rng.randint(1, 3))
        starts_at = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.choice(HOURS))
        later = changes[steps[0] + 1 :]
        if later:  # it happened before the next step
            starts_at = max(
                min(starts_at, later[0].changed_at - timedelta(hours=1)),
                invited.changed_at + timedelta(hours=1),
            )
        interviews.append(_interview(application, invited, starts_at, now))
    return interviews


def _interview(application: Application, invited, starts_at: datetime, now: datetime) -> Interview:
    organization = application.opening.organization
    return Interview(
        application=application,
        starts_at=starts_at,
        place=organization.address or organization.name,
        ask_for=organization.contact_name or "",
        bring=BRING,
        created_by_id=invited.changed_by_id,
        created_at=invited.changed_at,
        # Those already held were reminded; the cron reminds the ones to come.
        reminded_at=starts_at - timedelta(days=1) if starts_at <= now else None,
    )
