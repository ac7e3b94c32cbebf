"""`flask interviews remind`: the day before her interview, the young person is reminded (once:
`Interview.reminded_at`). Meant for cron, as often as wanted: it writes nothing in quiet hours
(21:00-07:00 in Cambodia, as job alerts), and a reminder missed the day before goes out on the
morning of the interview, before it starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.alerts.run import in_quiet_hours
from portal.extensions import db, utcnow
from portal.i18n import local_day_start, local_time
from portal.interviews.models import Interview
from portal.interviews.services import tell_youth
from portal.placements.models import Application, ApplicationStatus


@dataclass
class Reminded:
    told: int = 0  # reminders made for a young person
    unreachable: int = 0  # due, but she has no account or switched interviews off
    quiet: bool = False  # quiet hours: nothing done


def due_reminders(now: datetime) -> list[Interview]:
    """Interviews that still stand, not reminded, starting after `now` and by the end of
    tomorrow (Cambodian days), set before today (an interview set today was just told)."""
    today = local_time(now).date()
    query = (
        select(Interview)
        .join(Application, Application.id == Interview.application_id)
        .where(
            Interview.replaced_at.is_(None),
            Interview.reminded_at.is_(None),
            Interview.starts_at > now,
            Interview.starts_at < local_day_start(today + timedelta(days=2)),
            Interview.created_at < local_day_start(today),
            Application.status == ApplicationStatus.INTERVIEW,
        )
        .options(selectinload(Interview.application))
        .order_by(Interview.starts_at)
    )
    return list(db.session.scalars(query))


def remind(now: datetime | None = None) -> Reminded:
    """Make the day-before reminders that are due (flushes; the command commits)."""
    now = now or utcnow()
    done = Reminded()
    if in_quiet_hours(local_time(now)):
        done.quiet = True
        return done
    today = local_time(now).date()
    for interview in due_reminders(now):
        stage = "today" if local_time(interview.starts_at).date() == today else "tomorrow"
        interview.reminded_at = now
        if tell_youth(interview, stage):
            done.told += 1
        else:
            done.unreachable += 1
    db.session.flush()
    return done
