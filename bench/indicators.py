"""Indicators bench: one report over a year, for all centers and for one, at 10,000 young people.

    .venv/bin/python bench/indicators.py --youth 10000

Data (random, seeded): 4 centers in 4 provinces, `--youth` profiles registered over 2026 with
every sex, age 14-32, disability answers or none, every schooling; 1,000 openings of the three
kinds; 1-3 applications for 60% of the young people, a third of them moved to an interview with
its status change, half of those hired with their two follow-ups (most answered); a few reports.
Written to a temporary SQLite file with the migrations. Timed: `compute()` for the whole year
(best of 3), with the number of SQL statements it sent."""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, insert  # noqa: E402

from bench.scratch import scratch_app  # noqa: E402
from portal.centers.models import Center  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.indicators.compute import compute  # noqa: E402
from portal.indicators.types import Period  # noqa: E402
from portal.jobs.models import Opening  # noqa: E402
from portal.orgs.models import Organization  # noqa: E402
from portal.placements.models import Application, ApplicationStatusChange, FollowUp  # noqa: E402
from portal.youth.models import YouthProfile  # noqa: E402

PROVINCES = ("12", "17", "02", "15")
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31), "2026")
TITLES = ("Sewing machine operator", "Hotel receptionist", "Motorbike mechanic", "Cook")


def _moment(rng: random.Random) -> datetime:
    return datetime(2026, 1, 1) + timedelta(minutes=rng.randrange(365 * 24 * 60))


def _youth_rows(rng: random.Random, count: int) -> list[dict]:
    rows = []
    for n in range(count):
        answers = {"wg_seeing": rng.choice((1, 2, 3, 4))} if rng.random() < 0.6 else {}
        rows.append(
            dict(
                full_name=f"Youth {n}",
                gender=rng.choice(("female", "male", "other")),
                date_of_birth=date(1994, 1, 1) + timedelta(days=rng.randrange(19 * 365)),
                province_code=(province := rng.choice(PROVINCES)),
                center_id=PROVINCES.index(province) + 1,
                education_level=rng.choice(("none", "primary", "lower_secondary", "university")),
                skills=[],
                languages=[],
                wanted_kinds=[],
                work_provinces=[],
                consent_to_share=False,
                created_at=_moment(rng),
                updated_at=datetime(2026, 1, 1),
                **answers,
            )
        )
    return rows


def _opening_rows(rng: random.Random, count: int) -> list[dict]:
    return [
        dict(
            organization_id=rng.randrange(1, 5),
            ref=f"B-{n}",
            kind=rng.choice(("job", "job", "internship", "course")),
            title=rng.choice(TITLES),
            province_code=rng.choice(PROVINCES),
            status="published",
            published_at=(moment := _moment(rng)),
            screened_at=moment,
            screening_level=rng.choice(("none", "none", "review", "high")),
            created_at=moment,
            updated_at=moment,
        )
        for n in range(count)
    ]


def _hire(rng: random.Random, number: int, created: datetime) -> tuple[date, list[dict]]:
    hired_on = (created + timedelta(days=20)).date()
    follow_ups = [
        dict(
            application_id=number,
            month=month,
            due_on=hired_on + timedelta(days=days),
            still_employed=rng.choice((True, False, None)),
        )
        for month, days in ((1, 30), (3, 91))
    ]
    return hired_on, follow_ups


def _applications(rng: random.Random, youth: int, openings: int) -> tuple[list, list, list]:
    applications, changes, follow_ups = [], [], []
    for youth_id in range(1, youth + 1):
        if rng.random() > 0.6:
            continue
        for opening_id in rng.sample(range(1, openings + 1), rng.randint(1, 3)):
            number, created = len(applications) + 1, _moment(rng)
            status, hired_on = "applied", None
            if rng.random() < 0.33:
                status, interview = "interview", created + timedelta(days=5)
                changes.append(dict(application_id=number, to_status=status, changed_at=interview))
                if rng.random() < 0.5:
                    status = "hired"
                    hired_on, rows = _hire(rng, number, created)
                    follow_ups.extend(rows)
            applications.append(
                dict(
                    opening_id=opening_id,
                    youth_id=youth_id,
                    source="applied",
                    status=status,
                    hired_on=hired_on,
                    message="",
                    created_at=created,
                    updated_at=created,
                )
            )
    return applications, changes, follow_ups


def fill(youth: int, openings: int) -> None:
    rng = random.Random(17)
    for n, province in enumerate(PROVINCES, start=1):
        db.session.add(Center(name=f"Center {n}", province_code=province))
        db.session.add(Organization(name=f"Org {n}", province_code=province))
    db.session.flush()
    db.session.execute(insert(YouthProfile), _youth_rows(rng, youth))
    db.session.execute(insert(Opening), _opening_rows(rng, openings))
    applications, changes, follow_ups = _applications(rng, youth, openings)
    db.session.execute(insert(Application), applications)
    db.session.execute(insert(ApplicationStatusChange), changes)
    db.session.execute(insert(FollowUp), follow_ups)
    db.session.commit()
    print(f"{youth} young people, {openings} openings, {len(applications)} applications, "
          f"{len(follow_ups)} follow-ups")  # fmt: skip


def timed(label: str, **scope) -> None:
    statements = []
    listener = lambda *args: statements.append(1)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    best = float("inf")
    for _ in range(3):
        statements.clear()
        start = time.perf_counter()
        report = compute(YEAR, today=date(2026, 12, 31), **scope)
        best = min(best, time.perf_counter() - start)
    event.remove(db.engine, "before_cursor_execute", listener)
    print(f"{label}: {best:.3f} s, {len(statements)} SQL statements, "
          f"{len(report.figures)} figures")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--youth", type=int, default=10_000)
    parser.add_argument("--openings", type=int, default=1_000)
    args = parser.parse_args(argv)
    with scratch_app("phlov-indicators-"):
        fill(args.youth, args.openings)
        timed("all centers, the year 2026")
        timed("one center, the year 2026", center_ids=(1,))
    return 0


if __name__ == "__main__":
    sys.exit(main())
