"""`flask alerts send`: make today's digests. Never in quiet hours (21:00-07:00 in Cambodia);
one a day at most (one a week for those who chose weekly), so a second run the same day makes
nothing; each one a single NEW_SUGGESTIONS notification whose copies `flask notify send` delivers.

At national scale (100,000 youth, 50,000 openings: bench/alerts.py) the work is one OfferIndex of
the new openings, the openings each person must not get again read in three bulk queries, each
distinct saved search run once, the choosing spread over processes, and the writing in chunks."""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter

from sqlalchemy import insert, select, update
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
from portal.extensions import db, utcnow
from portal.i18n import CAMBODIA
from portal.jobs.listing import parse_search_args
from portal.jobs.models import Opening
from portal.jobs.queries import MATCHING_COLUMNS, published_openings
from portal.matching import Candidate, from_opening, from_youth
from portal.matching.index import OfferIndex
from portal.matching.services import YOUTH_FIELDS
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import build_notification
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
FORK_FROM = 2_000  # fewer people than this are chosen for in this process (a fork costs more)


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
    seconds: dict[str, float] = field(default_factory=dict)  # wall clock of each step

    @contextmanager
    def timing(self, step: str):
        started = perf_counter()
        try:
            yield
        finally:
            self.seconds[step] = perf_counter() - started


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
    today, since = local.date(), now - max(NEW_FOR.values())
    with report.timing("people due"):
        people = due_people(today, report)
    with report.timing("index of new openings"):
        indexes = {
            frequency: OfferIndex(new_offers(now - NEW_FOR[frequency], today), today, neighbours)
            for frequency in {p.frequency for p in people}
        }
        report.new_openings = {str(f): len(index) for f, index in indexes.items()}
        people = [p for p in people if len(indexes[p.frequency])]
    with report.timing("sent, applied, dismissed"):
        excluded = excluded_openings(since)
    with report.timing("saved searches"):
        searched = searched_openings({p.user_id for p in people}, since, today, report)
    with report.timing("choosing"):
        chosen = choose(people, indexes, excluded, searched, processes)
    with report.timing("writing"):
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
            *YOUTH_FIELDS,
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
        if processes <= 1 or len(people) < FORK_FROM:
            return [_choose_one(p) for p in people]
        with multiprocessing.get_context("fork").Pool(processes) as workers:
            return list(workers.imap(_choose_one, people, chunksize=500))
    finally:
        _work.clear()


def digest_key(day: date) -> str:
    """The dedupe key of her digest of `day` (one a day at most), also its page's address."""
    return f"alerts:{day.isoformat()}"


def write(chosen, indexes, today: date, report: Report) -> None:
    """One notification per person with picks, what it lists recorded, her day noted;
    committed every CHUNK people (one flush each) so a crash keeps what was done."""
    chosen = [(person, picks) for person, picks in chosen if picks]
    for start in range(0, len(chosen), CHUNK):
        chunk = chosen[start : start + CHUNK]
        ids = [person.user_id for person, _ in chunk]
        users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
        made = []
        for person, picks in chunk:  # built first: a query between adds would flush each one
            index = indexes[person.frequency]
            notification = _digest(users[person.user_id], picks, index, today)
            if notification is not None:
                made.append((notification, picks))
        db.session.add_all(notification for notification, _ in made)
        db.session.flush()
        _record_sent(made)
        _note_day(chunk, today)
        db.session.commit()
        report.digests += len(made)
        report.openings_listed += sum(len(picks) for _, picks in made)


def _digest(user: User, picks: list[Pick], index: OfferIndex, today: date):
    ids = [pick.match.offer_id for pick in picks]
    params = {
        "count": len(ids),
        "opening_ids": ids,
        "titles": [index.offer(i).title for i in ids],
        "unsubscribe": portal_path("alerts.unsubscribe", token=make_token(user.id)),
    }
    return build_notification(
        user,
        NotificationKind.NEW_SUGGESTIONS,
        params,
        link=portal_path("alerts.digest", day=today.isoformat()),
        dedupe_key=digest_key(today),
    )


def _record_sent(made) -> None:
    rows = [
        {
            "user_id": notification.user_id,
            "opening_id": pick.match.offer_id,
            "notification_id": notification.id,
            "saved_search_id": pick.search_id,
            "sent_at": notification.created_at,
        }
        for notification, picks in made
        for pick in picks
    ]
    if rows:
        db.session.execute(insert(SentAlert), rows)


def _note_day(chunk, today: date) -> None:
    """Her digest of `today` is done (a new settings row, with her defaults, if she had none)."""
    ids = [person.user_id for person, _ in chunk]
    have = set(
        db.session.scalars(select(AlertSetting.user_id).where(AlertSetting.user_id.in_(ids)))
    )
    if have:
        db.session.execute(
            update(AlertSetting).where(AlertSetting.user_id.in_(have)).values(last_digest_on=today)
        )
    new = [
        {
            "user_id": person.user_id,
            "frequency": person.frequency,
            "per_digest": person.per_digest,
            "last_digest_on": today,
            "updated_at": utcnow(),
        }
        for person, _ in chunk
        if person.user_id not in have
    ]
    if new:
        db.session.execute(insert(AlertSetting), new)
