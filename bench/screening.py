"""Screening bench: the figures and the speed of `screen()` on real job-board text.

    .venv/bin/python bench/screening.py [--realads ../shared/realads] [--repeat 5]

Reads the real ads of `benign.csv` (postings from Cambodian job boards) and
`lures_from_reports.csv` (what real lures promised, from news and NGO reports) at run time; their
rows are never copied into the repository (the texts belong to their authors). Prints, for the
benign ads, the share held as "high" and the share flagged at all (targets of issue 15: at most 1%
and 5%), for the lures the share flagged (recall), and the time of one `screen()` per posting
(p50/p95 of the best of --repeat runs). Skips cleanly, exit 0, when the folder is absent.
A row becomes a Posting with its title, description, skills and organization; its location and
salary text are appended to the description as a job board shows them; min_age is 18 (the boards
do not say).
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.screening import HIGH, NONE, Posting, Screening, screen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REALADS = ROOT.parent / "shared" / "realads"
FILES = {"benign": "benign.csv", "lures": "lures_from_reports.csv"}


def posting(row: dict[str, str]) -> Posting:
    """A real ad's row as the screening reads it."""
    extra = [f"Location: {row['province_or_location']}"] if row["province_or_location"] else []
    if row["salary_text"]:
        extra.append(f"Salary: {row['salary_text']}")
    return Posting(
        title=row["title"],
        description="\n".join([row["description"], *extra]),
        skills=tuple(s.strip() for s in re.split(r"[;,]", row["skills"]) if s.strip()),
        organization_name=row["organization"],
        min_age=18,
    )


def timed(item: Posting, repeat: int) -> tuple[Screening, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = screen(item)
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return result, best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realads", type=Path, default=REALADS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not all((args.realads / name).exists() for name in FILES.values()):
        print(f"No real ads in {args.realads}: nothing to measure.")
        return 0
    times: list[float] = []
    for kind, name in FILES.items():
        with open(args.realads / name, encoding="utf-8", newline="") as f:
            results = [timed(posting(row), args.repeat) for row in csv.DictReader(f)]
        times += [seconds for _, seconds in results]
        n = len(results)
        high = sum(result.level == HIGH for result, _ in results)
        flagged = sum(result.level != NONE for result, _ in results)
        print(
            f"{kind} ({name}): {n} postings, high {high} ({high / n:.1%}), "
            f"flagged at all {flagged} ({flagged / n:.1%})"
        )
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(
        f"screen(): {len(times)} postings, p50 {statistics.median(times) * 1000:.2f} ms, "
        f"p95 {p95 * 1000:.2f} ms (best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
