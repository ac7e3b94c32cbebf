"""`flask alerts send`: make today's digests. Never in quiet hours (21:00-07:00 in Cambodia);
one a day at most (one a week for those who chose weekly), so a second run the same day makes
nothing; each one a single NEW_SUGGESTIONS notification whose copies `flask notify send` delivers.

At national scale (100,000 youth, 50,000 openings: bench/alerts.py) the work is one OfferIndex of
the new openings, the openings each person must not get again read in three bulk queries, each
distinct saved search run once, the choosing spread over processes, and the writing in chunks."""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from portal import search
from portal.alerts.digest import Pick, pick_openings
from portal.alerts.models import (
    DEFAULT_PER_DIGEST,
    AlertFrequency,
    AlertSetting,
    SavedSearch,
    SentAlert,
)
from portal.alerts.tokens import make_token
from portal.auth.models import Role, User
from portal.extensions import db
from portal.i18n import CAMBODIA
from portal.jobs.listing import parse_search_args
from portal.jobs.models import Opening
from portal.jobs.queries import MATCHING_COLUMNS, published_openings
from portal.matching import Candidate, from_opening, from_youth
from portal.matching.index import OfferIndex
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.models import Application, DismissedOpening
from portal.places import neighbours
from portal.search.types import SearchFilters, Sort
from portal.youth.models import YouthProfile

QUIET_FROM, QUIET_UNTIL = time(21), time(7)  # Cambodian time: no digest is made in between
# How far back an opening counts as new: a little more than the period, so a missed cron run
# loses nothing (what was already sent is never sent again).
NEW_FOR = {AlertFrequency.DAILY: timedelta(days=2), AlertFrequency.WEEKLY: timedelta(days=8)}
WEEK = 7
SEARCH_HITS = 200  # the newest hits of a saved search looked at
CHUNK = 1_000  # people written per commit

_YOUTH_FIELDS = (
    YouthProfile.id,
    YouthProfile.skills,
    YouthProfile.province_code,
    YouthProfile.work_provinces,
    YouthProfile.wanted_kinds,
    YouthProfile.education_level,
    YouthProfile.languages,
    YouthProfile.date_of_birth,
    YouthProfile.consent_to_share,
)


@dataclass(frozen=True)
class Person:
    user_id: int
    candidate: Candidate
    frequency: AlertFrequency
    per_digest: int


@dataclass
class Report:
    """What a run did, for the command to print."""

    quiet: bool = False
    local_time: datetime | None = None
    due: int = 0
    already: int = 0  # had today's digest (or this week's) already
    new_openings: dict[str, int] = field(default_factory=dict)
    searches_run: int = 0
    digests: int = 0
    openings_listed: int = 0
    nothing_new: int = 0


def in_quiet_hours(local: datetime) -> bool:
    return local.time() >= QUIET_FROM or local.time() < QUIET_UNTIL


def send_digests(now: datetime | None = None, processes: int = 1) -> Report:
    """Make the digests due at `now` (UTC, naive as the database keeps it; default now) and
    commit them in chunks. `processes` > 1 chooses the openings in forked processes."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    local = now.replace(tzinfo=UTC).astimezone(CAMBODIA)
    report = Report(local_time=local)
    if in_quiet_hours(local):
        report.quiet = True
        return report
    today = local.date()
    people = due_people(today, report)
    indexes = {
        frequency: OfferIndex(new_offers(now - NEW_FOR[frequency], today), today, neighbours)
        for frequency in {p.frequency for p in people}
    }
    report.new_openings = {str(f): len(index) for f, index in indexes.items()}
    people = [p for p in people if len(indexes[p.frequency])]
    since = now - max(NEW_FOR.values())
    excluded = excluded_openings(since)
    searched = searched_openings({p.user_id for p in people}, since, today, report)
    chosen = choose(people, indexes, excluded, searched, processes)
    write(chosen, indexes, today, report)
    report.nothing_new = report.due - report.digests
    return report


def due_people(today: date, report: Report) -> list[Person]:
    """Young people whose digest is due today: alerts not switched off (here or in her
    notification settings), none made today, none this week for those who chose weekly."""
    rows = db.session.execute(
        select(
            User.id.label("user_id"),
            User.notification_settings,
            AlertSetting.frequency,
            AlertSetting.per_digest,
            AlertSetting.last_digest_on,
            *_YOUTH_FIELDS,
        )
        .join(YouthProfile, YouthProfile.user_id == User.id)
        .outerjoin(AlertSetting, AlertSetting.user_id == User.id)
        .where(User.role == Role.YOUTH, User.active.is_(True))
    )
    people = []
    for row in rows:
        frequency = row.frequency or AlertFrequency.DAILY
        channels = (row.notification_settings or {}).get(str(NotificationKind.NEW_SUGGESTIONS))
        if frequency == AlertFrequency.OFF or channels == []:
            continue
        if not _due(frequency, row.last_digest_on, today):
            report.already += 1
            continue
        per_digest = row.per_digest or DEFAULT_PER_DIGEST
        people.append(Person(row.user_id, from_youth(row), frequency, per_digest))
    report.due = len(people)
    return people


def _due(frequency: AlertFrequency, last: date | None, today: date) -> bool:
    """Daily: not made today yet; weekly: none in the last seven days."""
    if last is None:
        return True
    return (today - last).days >= (WEEK if frequency == AlertFrequency.WEEKLY else 1)


def new_offers(since: datetime, today: date) -> list:
    """The openings open today and published since `since`, as matching sees them."""
    where = published_openings(today).whereclause
    rows = db.session.execute(select(*MATCHING_COLUMNS).where(where, Opening.published_at >= since))
    return [from_opening(row) for row in rows]


def excluded_openings(since: datetime) -> dict[int, set[int]]:
    """Per user, the openings published since `since` she must not get: already sent, applied
    to or referred for, or said "not for me" (placements' DismissedOpening)."""
    new = select(Opening.id).where(Opening.published_at >= since)
    queries = [
        select(SentAlert.user_id, SentAlert.opening_id).where(SentAlert.opening_id.in_(new)),
        select(YouthProfile.user_id, Application.opening_id)
        .join(YouthProfile, YouthProfile.id == Application.youth_id)
        .where(Application.opening_id.in_(new)),
        select(YouthProfile.user_id, DismissedOpening.opening_id)
        .join(YouthProfile, YouthProfile.id == DismissedOpening.youth_id)
        .where(DismissedOpening.opening_id.in_(new)),
    ]
    excluded: dict[int, set[int]] = defaultdict(set)
    for query in queries:
        for user_id, opening_id in db.session.execute(query):
            excluded[user_id].add(opening_id)
    return excluded


def searched_openings(
    user_ids: set[int], since: datetime, today: date, report: Report
) -> dict[int, dict[int, int]]:
    """Per user, the new openings her saved searches found (opening id -> search id). Each
    distinct search runs once through the search engine, newest first."""
    new = set(db.session.scalars(select(Opening.id).where(Opening.published_at >= since)))
    by_args: dict[tuple, list[SavedSearch]] = defaultdict(list)
    for saved in db.session.scalars(select(SavedSearch).order_by(SavedSearch.id)):
        if saved.user_id in user_ids:
            by_args[tuple(sorted(saved.args().items()))].append(saved)
    found: dict[int, dict[int, int]] = defaultdict(dict)
    for args, searches in by_args.items():
        hits = [i for i in _search(dict(args), today) if i in new]
        report.searches_run += 1
        for saved in searches:
            for opening_id in hits:
                found[saved.user_id].setdefault(opening_id, saved.id)
    return found


def _search(args: dict[str, str], today: date) -> list[int]:
    """The ids a saved search finds today, newest first (nothing if one of its filters no
    longer reads: an organization gone, say; a broader search would be a surprise)."""
    params = parse_search_args(MultiDict(args))
    if params.errors:
        return []
    filters = params.filters()
    wanted = SearchFilters(
        kind=filters.kind,
        province=filters.province,
        organization_id=filters.organization_id,
        min_salary_usd=filters.min_salary_usd,
        sort=Sort.NEWEST,
        per_page=SEARCH_HITS,
        today=today,
    )
    return search.query(params.q, wanted).ids


_work: dict = {}  # what the forked processes read (set before the fork)


def _choose_one(person: Person) -> tuple[Person, list[Pick]]:
    index = _work["indexes"][person.frequency]
    picks = pick_openings(
        person.candidate,
        index,
        person.per_digest,
        _work["excluded"].get(person.user_id, ()),
        _work["searched"].get(person.user_id),
    )
    return person, picks


def choose(people, indexes, excluded, searched, processes: int) -> list[tuple[Person, list[Pick]]]:
    """Each person's picks, in `processes` processes (forked: they share the indexes)."""
    _work.update(indexes=indexes, excluded=excluded, searched=searched)
    try:
        if processes <= 1 or len(people) < 2_000:
            return [_choose_one(p) for p in people]
        with multiprocessing.get_context("fork").Pool(processes) as workers:
            return list(workers.imap(_choose_one, people, chunksize=500))
    finally:
        _work.clear()


def write(chosen, indexes, today: date, report: Report) -> None:
    """One notification per person with picks, what it lists recorded, her day noted;
    committed every CHUNK people so a crash keeps what was done."""
    chosen = [(person, picks) for person, picks in chosen if picks]
    for start in range(0, len(chosen), CHUNK):
        chunk = chosen[start : start + CHUNK]
        ids = [person.user_id for person, _ in chunk]
        users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
        settings = {
            s.user_id: s
            for s in db.session.scalars(select(AlertSetting).where(AlertSetting.user_id.in_(ids)))
        }
        for person, picks in chunk:
            index = indexes[person.frequency]
            _write_one(users[person.user_id], picks, index, today, report)
            setting = settings.get(person.user_id) or AlertSetting(
                user_id=person.user_id, frequency=person.frequency, per_digest=person.per_digest
            )
            setting.last_digest_on = today
            db.session.add(setting)
        db.session.commit()


def _write_one(user: User, picks: list[Pick], index: OfferIndex, today: date, report) -> None:
    ids = [pick.match.offer_id for pick in picks]
    params = {
        "count": len(ids),
        "opening_ids": ids,
        "titles": [index.offer(i).title for i in ids],
        "unsubscribe": portal_path("alerts.unsubscribe", token=make_token(user.id)),
    }
    kind = NotificationKind.NEW_SUGGESTIONS
    notification = notify(user, kind, params, dedupe_key=f"alerts:{today.isoformat()}")
    if notification is None:
        return
    notification.link = portal_path("alerts.digest", notification_id=notification.id)
    db.session.add_all(
        SentAlert(
            user_id=user.id,
            opening_id=pick.match.offer_id,
            notification_id=notification.id,
            saved_search_id=pick.search_id,
        )
        for pick in picks
    )
    report.digests += 1
    report.openings_listed += len(ids)
