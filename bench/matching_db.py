"""Matching through the database, as the pages call it (portal/matching/services.py): the
bench's synthetic openings and youth written to a temporary SQLite file, then timed.

    .venv/bin/python bench/matching_db.py --openings 50000 --youth 100000

Prints the time of the change counter query that tells whether an index is still current, of
the first call (which builds the index from the database), of suggestions_for / candidates_for
once built (counter query, index, loading the chosen rows), and of the first call after one
opening changed (that opening read again, the arrays rebuilt in memory). bench/matching.py times
the indexes alone, beside the naive baseline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from bench.scratch import scratch_app  # noqa: E402
from bench.synthetic_matching import DAY, candidates, center_of, offers  # noqa: E402
from portal.auth.models import Role  # noqa: E402
from portal.centers.models import Center  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.jobs.models import Opening  # noqa: E402
from portal.matching import changes, services  # noqa: E402
from portal.orgs.models import Organization  # noqa: E402
from portal.youth.models import YouthProfile  # noqa: E402

NOW = datetime(2026, 10, 31, 12)


def fill(n_openings: int, n_youth: int) -> None:
    """Write the synthetic data with bulk inserts (no search indexing: not what is timed)."""
    db.session.execute(insert(Organization), [{"id": 1, "name": "Bench", "verified_at": NOW}])
    db.session.execute(
        insert(Center),
        [{"id": c, "name": f"Center {c}", "province_code": "12"} for c in range(1, 60)],
    )
    db.session.execute(insert(Opening), [_opening(o) for o in offers(n_openings)])
    db.session.execute(insert(YouthProfile), [_youth(c) for c in candidates(n_youth)])
    db.session.commit()


def _opening(offer) -> dict:
    fields = ("id", "kind", "title", "province_code", "min_age", "closing_date", "hazardous")
    row = {name: getattr(offer, name) for name in fields}
    return row | {
        "organization_id": 1,
        "ref": f"SYN-{offer.id}",
        "skills": list(offer.skills),
        "languages": list(offer.languages),
        "min_education": offer.min_education,
        "status": "published",
        "published_at": NOW,
    }


def _youth(person) -> dict:
    fields = ("id", "province_code", "education_level", "date_of_birth")
    row = {name: getattr(person, name) for name in fields}
    lists = ("skills", "languages", "wanted_kinds", "work_provinces")
    return (
        row
        | {name: list(getattr(person, name)) for name in lists}
        | {
            "full_name": f"Youth {person.id}",
            "gender": "female",
            "consent_to_share": person.consent,
            "consent_at": NOW if person.consent else None,
            "center_id": center_of(person),
        }
    )


def timed(function, items) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        function(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    if len(times) == 1:
        print(f"{name:52} {times[0]:>9.0f} ms")
        return
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    print(f"{name:52} p50 {cuts[49]:>6.1f} ms  p95 {cuts[94]:>6.1f} ms  ({len(times)})")


def run(args) -> None:
    started = time.perf_counter()
    fill(args.openings, args.youth)
    seconds = time.perf_counter() - started
    print(f"{args.openings} openings, {args.youth} youth written in {seconds:.0f} s")
    rng = random.Random(3)
    people = _sample(YouthProfile, args.youth, rng)
    openings = _sample(Opening, args.openings, rng)
    admin = SimpleNamespace(role=Role.ADMIN, center_id=None)
    counselor = SimpleNamespace(role=Role.COUNSELOR, center_id=25)
    report("change counter query", timed(lambda _: changes.latest(), range(50)))
    report("first suggestions_for (builds the index)", timed(suggest, people[:1]))
    print(f"{len(services.offer_index(DAY))} openings held, each call lists 10")
    report("suggestions_for", timed(suggest, people))
    report("first candidates_for (builds the index)", timed(lambda o: rank(o, admin), openings[:1]))
    print(f"{len(services.candidate_index(DAY))} youth held, each call lists 50")
    report("candidates_for, an admin (all youth)", timed(lambda o: rank(o, admin), openings))
    report(
        "candidates_for, a counselor (one center)", timed(lambda o: rank(o, counselor), openings)
    )
    openings[0].title = "Motorbike mechanic"
    db.session.commit()
    report("suggestions_for after an opening changed", timed(suggest, people[:1]))


def suggest(profile):
    return services.suggestions_for(profile, day=DAY)


def rank(opening, user):
    return services.candidates_for(opening, user, day=DAY)


def _sample(model, count: int, rng: random.Random) -> list:
    ids = rng.sample(range(1, count + 1), 200)
    return list(db.session.scalars(select(model).where(model.id.in_(ids))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--openings", type=int, default=50_000)
    parser.add_argument("--youth", type=int, default=100_000)
    args = parser.parse_args(argv)
    with scratch_app("phlov-matching-"):
        run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
