"""Screening bench: `screen()` timed over the labelled set, the frozen set and the real ads of
../shared/realads/ (when present), repeated to about N postings, with a naive baseline measured
in the same run on the same texts.

    .venv/bin/python bench/screening.py [--count 5000]

Prints p50/p95 milliseconds per posting (wall and CPU) and postings per second for both. The
naive baseline is what any keyword screener does at least: lower-case the posting's text fields
joined, and search it once with every phrase and regex row of rules.csv (compiled as the engine
compiles them); no Khmer folding, no cited spans, no negations, no facts, no levels. The ratio
says what the engine's reading costs over that scan. Issue 15 asks that the screening stays as
fast: compare this bench's figures before and after a change to the rules.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.screening import Posting, screen  # noqa: E402
from portal.screening.rules import scanned_rules  # noqa: E402
from tests.screening import realads  # noqa: E402
from tests.screening.labelled import load  # noqa: E402
from tests.screening.levels import load_frozen  # noqa: E402

FIELDS = ("title", "description", "organization_name", "contact")


def postings(count: int) -> tuple[list[Posting], str]:
    """The sets' postings repeated to `count`, and what they were."""
    sets = {"labelled": [i.posting for i in load()], "frozen": [i.posting for i in load_frozen()]}
    for name in (realads.BENIGN_FILE, realads.LURES_FILE):
        ads = realads.read(name)
        if ads is not None:
            sets[name] = [ad.posting for ad in ads]
    every = [posting for some in sets.values() for posting in some]
    what = ", ".join(f"{name} {len(some)}" for name, some in sets.items())
    return list(islice(cycle(every), count)), what


def naive(posting: Posting) -> int:
    """The baseline: lower-cased text searched with every rule's pattern; how many matched."""
    text = "\n\n".join([getattr(posting, f) or "" for f in FIELDS] + list(posting.skills)).lower()
    return sum(1 for rule in scanned_rules() if rule.regex.search(text))


def timed(function: Callable[[Posting], object], items: list[Posting]) -> dict[str, float]:
    """p50/p95 wall and CPU milliseconds per posting, and postings per second (wall)."""
    walls, cpus = [], []
    start = time.perf_counter()
    for item in items:
        wall, cpu = time.perf_counter(), time.process_time()
        function(item)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    total = time.perf_counter() - start
    return {
        "p50": statistics.median(walls),
        "p95": statistics.quantiles(walls, n=20)[18],
        "cpu_p50": statistics.median(cpus),
        "cpu_p95": statistics.quantiles(cpus, n=20)[18],
        "per_second": len(items) / total,
    }


def line(name: str, figures: dict[str, float]) -> str:
    return (
        f"{name:<28} p50 {figures['p50']:6.2f} ms  p95 {figures['p95']:6.2f} ms  "
        f"(CPU p50 {figures['cpu_p50']:5.2f}, p95 {figures['cpu_p95']:5.2f})  "
        f"{figures['per_second']:7.0f} postings/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    args = parser.parse_args()
    items, what = postings(args.count)
    screen(items[0]), naive(items[0])  # rules loaded and compiled before timing
    print(f"{len(items)} postings ({what}), {len(scanned_rules())} patterns scanned")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores, shared)")
    engine, baseline = timed(screen, items), timed(naive, items)
    print(line("screen()", engine))
    print(line("naive lower+regex scan", baseline))
    print(f"screen() p50 is {engine['p50'] / baseline['p50']:.1f}x the naive scan's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
