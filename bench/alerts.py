"""Job alerts bench: `flask alerts send` at national size, through the database, beside the naive
way (per youth, score every new opening pair by pair), in one run.

    .venv/bin/python bench/alerts.py --openings 50000 --youth 100000

Data: bench/synthetic_matching's 50,000 openings, all published in the last 36 hours (so every one
is new for every youth: the hardest day) and 100,000 youth, each with an account (an e-mail, so
each digest also queues one e-mail), 20% weekly, 10% with a saved search (300 distinct ones), 20%
with 1-3 applications, 10% with 1-3 openings dismissed, written to a temporary SQLite file with
the search index built. Timed: send_digests(processes=2) with each step; then a second run the
same day (idempotent: nothing made). The naive way is timed on a sample of youth and extrapolated
to all of them on 2 processes (labelled so); both ways pick the same openings on that sample.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, update  # noqa: E402

from bench.matching_db import fill  # noqa: E402
from bench.scratch import scratch_app  # noqa: E402
from bench.synthetic import SKILLS  # noqa: E402
from bench.synthetic_matching import DAY, POPULATION  # noqa: E402
from portal.alerts.digest import FITS_ABOVE  # noqa: E402
from portal.alerts.models import AlertFrequency, AlertSetting, SavedSearch, SentAlert  # noqa: E402
from portal.alerts.run import (  # noqa: E402
    NEW_FOR,
    Report,
    _choose_one,
    _work,
    due_people,
    excluded_openings,
    new_offers,
    send_digests,
)
from portal.auth.models import Role, User  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.jobs.models import Opening  # noqa: E402
from portal.matching import suggest_openings  # noqa: E402
from portal.matching.index import OfferIndex  # noqa: E402
from portal.notifications.models import Notification, NotificationDelivery  # noqa: E402
from portal.placements.models import Application, DismissedOpening  # noqa: E402
from portal.places import neighbours  # noqa: E402
from portal.search.sync import rebuild  # noqa: E402
from portal.youth.models import YouthProfile  # noqa: E402

PROCESSES = 2  # the bench machine has 2 cores
NOW = datetime(2026, 11, 1, 1, 0)  # UTC: 08:00 in Cambodia on the bench's day


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def prepare(n_openings: int, n_youth: int) -> None:
    """The matching bench's data, then what alerts add: accounts, settings, saved searches,
    applications and dismissals."""
    rng = random.Random(16)
    fill(n_openings, n_youth)
    for start in range(1, n_openings + 1, 5_000):  # published in the last 36 hours
        db.session.execute(
            update(Opening)
            .where(Opening.id.between(start, start + 4_999))
            .values(published_at=NOW - timedelta(minutes=rng.randint(1, 36 * 60)))
        )
    users = [
        {"id": n, "role": Role.YOUTH, "password_hash": "-", "email": f"youth{n}@example.org"}
        for n in range(1, n_youth + 1)
    ]
    db.session.execute(insert(User), users)
    db.session.execute(update(YouthProfile).values(user_id=YouthProfile.id))
    weekly = [
        {"user_id": n, "frequency": AlertFrequency.WEEKLY, "per_digest": 5}
        for n in range(1, n_youth + 1)
        if rng.random() < 0.2
    ]
    db.session.execute(insert(AlertSetting), weekly)
    db.session.execute(insert(SavedSearch), _saved_searches(rng, n_youth))
    db.session.execute(insert(Application), _pairs(rng, n_youth, n_openings, 0.2, "applied"))
    db.session.execute(insert(DismissedOpening), _pairs(rng, n_youth, n_openings, 0.1, None))
    db.session.commit()


def _saved_searches(rng: random.Random, n_youth: int) -> list[dict]:
    provinces = list(POPULATION)
    distinct = [
        {"q": rng.choice(SKILLS), "province_code": rng.choice(provinces + [None] * 5)}
        for _ in range(300)
    ]
    return [
        {"user_id": n, **rng.choice(distinct)} for n in range(1, n_youth + 1) if rng.random() < 0.1
    ]


def _pairs(rng, n_youth, n_openings, share, status) -> list[dict]:
    rows, seen = [], set()
    for youth in range(1, n_youth + 1):
        if rng.random() >= share:
            continue
        for opening in rng.sample(range(1, n_openings + 1), rng.randint(1, 3)):
            if (youth, opening) not in seen:
                seen.add((youth, opening))
                rows.append({"youth_id": youth, "opening_id": opening})
    if status:
        for row in rows:
            row.update(source=status, status=status)
    return rows


def naive(people, offers, excluded, sample: int) -> tuple[float, int]:
    """Mean ms per youth of the naive way (every new opening scored for her, pair by pair),
    and on how many of the sample both ways picked the same openings (profile part)."""
    rng = random.Random(3)
    chosen = rng.sample([p for p in people if p.frequency == AlertFrequency.DAILY], sample)
    index = OfferIndex(offers, DAY, neighbours)
    _work.update(indexes={AlertFrequency.DAILY: index}, excluded=excluded, searched={})
    times, same = [], 0
    for person in chosen:
        started = time.perf_counter()
        gone = excluded.get(person.user_id, set())
        ranked = suggest_openings(person.candidate, offers, DAY, neighbours, limit=len(offers))
        fits = [
            m
            for m in ranked
            if m.offer_id not in gone and m.score > FITS_ABOVE and m.reason("skills")
        ][: person.per_digest]
        times.append((time.perf_counter() - started) * 1000)
        fast = [pick.match for pick in _choose_one(person)[1]]
        same += fast == fits
    _work.clear()
    return statistics.fmean(times), same


def counts() -> str:
    rows = [
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Notification, NotificationDelivery, SentAlert)
    ]
    return f"{rows[0]} notifications, {rows[1]} e-mails queued, {rows[2]} openings recorded sent"


def run(args) -> None:
    started = time.perf_counter()
    prepare(args.openings, args.youth)
    seconds = time.perf_counter() - started
    print(f"{args.openings} openings, {args.youth} youth written in {seconds:.0f} s")
    started = time.perf_counter()
    built = rebuild()
    print(f"search index built in {time.perf_counter() - started:.0f} s ({built})")
    print(f"\nflask alerts send, {PROCESSES} processes (the machine has {os.cpu_count()} cores):")
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    report = send_digests(NOW, processes=PROCESSES)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = _children_cpu() - children
    _print(report)
    idle = cpu + children / PROCESSES  # the main process waits while its children choose
    print(
        f"total {wall:.0f} s wall ({wall / 60:.1f} min) at load {load()}; CPU: main process "
        f"{cpu:.0f} s, choosing processes {children:.0f} s in all, so about {idle:.0f} s "
        f"({idle / 60:.1f} min) on 2 idle cores"
    )
    print(counts())
    again = time.perf_counter()
    second = send_digests(NOW + timedelta(hours=3), processes=PROCESSES)
    print(
        f"second run the same day: {second.digests} digests made, {second.already} already had "
        f"theirs ({time.perf_counter() - again:.0f} s)"
    )
    print(counts())
    people = due_people(DAY, Report())  # nobody is due any more: rebuild the list for the sample
    people = people or _everyone()
    offers = new_offers(NOW - NEW_FOR[AlertFrequency.DAILY], DAY)
    mean_ms, same = naive(people, offers, _nothing_sent(), args.baseline_youth)
    naive_s = mean_ms * args.youth / 1000 / PROCESSES
    print(
        f"\nnaive way (per youth, score all {len(offers)} new openings pair by pair), measured "
        f"on {args.baseline_youth} youth: {mean_ms:.0f} ms a youth; extrapolated to "
        f"{args.youth} youth on {PROCESSES} processes: {naive_s:.0f} s ({naive_s / 60:.0f} min), "
        f"{naive_s / wall:.0f}x the alerts run's wall time"
    )
    print(f"both ways picked the same openings for {same} of {args.baseline_youth} sampled youth")


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the forked choosers, once reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _print(report: Report) -> None:
    for step, seconds in report.seconds.items():
        print(f"  {step:28} {seconds:>7.1f} s")
    print(
        f"  {report.due} due; new openings {report.new_openings}; {report.searches_run} distinct "
        f"saved searches run; {report.digests} digests listing {report.openings_listed} "
        f"openings; {report.nothing_new} with nothing new"
    )


def _everyone():
    """Every youth as due_people reads them, whatever their last digest (for the sample)."""
    db.session.execute(update(AlertSetting).values(last_digest_on=None))
    people = due_people(DAY, Report())
    db.session.rollback()
    return people


def _nothing_sent() -> dict[int, set[int]]:
    """Applied and dismissed only (as before the first run), so both ways start alike."""
    excluded = excluded_openings(NOW - timedelta(days=8))
    sent = defaultdict(set)
    for user_id, opening_id in db.session.execute(select(SentAlert.user_id, SentAlert.opening_id)):
        sent[user_id].add(opening_id)
    return {user: ids - sent[user] for user, ids in excluded.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--openings", type=int, default=50_000)
    parser.add_argument("--youth", type=int, default=100_000)
    parser.add_argument("--baseline-youth", type=int, default=20, help="naive way's sample")
    args = parser.parse_args(argv)
    print(f"load average before: {load()} (the machine is shared)")
    with scratch_app("phlov-alerts-"):
        run(args)
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
