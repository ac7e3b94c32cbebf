"""Matching bench: N synthetic openings and M young people, matched through the indexes
(portal/matching/index.py) and pair by pair (suggest_openings / rank_candidates), in one run.

    .venv/bin/python bench/matching.py --openings 50000 --youth 100000

Prints the index build times, p50/p95 of one youth's suggestions and of one opening's
candidates (all youth, as an admin sees them; one center's, as a counselor does), the time to
make suggestions for every young person, and the naive baseline (every pair scored with
rapidfuzz, today's pure-Python path) on a sample, with ratios; the baseline's all-youth time is
extrapolated from that sample and labelled so. It also checks that both paths gave the same
answers on the sample. Targets (issue 4): p95 <= 50 ms for suggestions, <= 200 ms for
candidates, every youth's suggestions <= 5 min. No database: data is bench/synthetic_matching.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_matching import DAY, candidates, center_of, offers  # noqa: E402
from portal.matching import rank_candidates, suggest_openings  # noqa: E402
from portal.matching.index import CandidateIndex, OfferIndex  # noqa: E402
from portal.places import neighbours  # noqa: E402

PROCESSES = 2  # the bench machine has 2 cores
_shared: dict = {}  # what the forked processes of the all-youth run read


def timed(function, items) -> tuple[list[float], list[float], list]:
    """Wall and CPU milliseconds per item, and the answers."""
    walls, cpus, answers = [], [], []
    for item in items:
        wall, cpu = time.perf_counter(), time.process_time()
        answers.append(function(item))
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return walls, cpus, answers


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def percentiles(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[94]


def build(args):
    started = time.perf_counter()
    pool, youth = offers(args.openings), candidates(args.youth)
    seconds = time.perf_counter() - started
    print(f"{args.openings} openings, {args.youth} youth made in {seconds:.1f} s")
    indexes = []
    for make, items in ((OfferIndex, pool), (CandidateIndex, youth)):
        wall, cpu = time.perf_counter(), time.process_time()
        index = make(items, DAY, neighbours)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"{make.__name__} built in {wall:.1f} s (CPU {cpu:.1f} s): {len(index)} held, "
            f"{len(index.pool.texts)} distinct skill texts"
        )
        indexes.append(index)
    # A worker keeps ~150,000 profiles for good: out of the cyclic collector's way.
    gc.collect()
    gc.freeze()
    return pool, youth, *indexes


def row(name: str, function, items) -> tuple[tuple[float, float], list]:
    """Time `function` on each item and print a row: (p50, p95) of the wall clock, answers."""
    walls, cpus, answers = timed(function, items)
    p50, p95 = percentiles(walls)
    c50, c95 = percentiles(cpus)
    print(f"{name:42} {len(walls):>6} {p50:>8.1f} {p95:>8.1f} {c50:>8.1f} {c95:>8.1f}")
    _shared.setdefault("means", {})[name] = statistics.fmean(walls)
    return (p50, p95), answers


def latencies(args, pool, youth, offer_index, candidate_index) -> None:
    rng = random.Random(5)
    people, openings = rng.sample(youth, args.samples), rng.sample(pool, args.samples)
    centers: dict[int, list[int]] = {}
    for person in youth:
        centers.setdefault(center_of(person), []).append(person.id)
    center_ids = [centers[center_of(rng.choice(youth))] for _ in openings]
    print(f"\n{'':42} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'CPU p95':>8}")
    fast = {
        "suggestions": row("index: a youth's suggestions (10)", offer_index.suggest, people)[0],
        "candidates": row("index: an opening's candidates (50)", candidate_index.rank, openings)[0],
    }
    row(
        "index: candidates, one center's youth",
        lambda pair: candidate_index.rank(pair[0], among=pair[1]),
        list(zip(openings, center_ids, strict=True)),
    )
    few, some = people[: args.baseline_youth], openings[: args.baseline_openings]
    slow = {
        "suggestions": row(
            "naive: a youth's suggestions",
            lambda c: suggest_openings(c, pool, DAY, neighbours),
            few,
        ),
        "candidates": row(
            "naive: an opening's candidates",
            lambda o: rank_candidates(o, youth, DAY, neighbours),
            some,
        ),
    }
    same = sum(
        offer_index.suggest(c) == a for c, a in zip(few, slow["suggestions"][1], strict=True)
    )
    same += sum(
        candidate_index.rank(o) == a for o, a in zip(some, slow["candidates"][1], strict=True)
    )
    print(f"index and naive answers identical: {same} of {len(few) + len(some)}")
    for what in ("suggestions", "candidates"):
        (n50, n95), (i50, i95) = slow[what][0], fast[what]
        print(f"index vs naive, {what}: {n50 / i50:.0f}x faster at p50, {n95 / i95:.0f}x at p95")
    _shared["naive_mean_ms"] = _shared["means"]["naive: a youth's suggestions"]


def _suggest_range(bounds: tuple[int, int]) -> tuple[int, float]:
    """Suggestions for the youth in `bounds`: how many listed, and the CPU seconds it took."""
    index, youth = _shared["offer_index"], _shared["youth"]
    cpu = time.process_time()
    listed = sum(len(index.suggest(person)) for person in youth[bounds[0] : bounds[1]])
    return listed, time.process_time() - cpu


def everyone(youth, offer_index) -> None:
    _shared.update(offer_index=offer_index, youth=youth)
    step = 2_000
    chunks = [(start, start + step) for start in range(0, len(youth), step)]
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(PROCESSES) as workers:
        done = list(workers.imap_unordered(_suggest_range, chunks))
    seconds = time.perf_counter() - started
    listed, cpu = sum(d[0] for d in done), sum(d[1] for d in done)
    naive = _shared["naive_mean_ms"] * len(youth) / 1000 / PROCESSES
    print(
        f"\nsuggestions for every youth ({len(youth)}, {listed} listed), {PROCESSES} processes "
        f"(the machine has {os.cpu_count()} cores): {seconds:.0f} s "
        f"(CPU {cpu:.0f} s in all, {cpu / PROCESSES:.0f} s a process)"
    )
    print(
        f"naive, extrapolated from the sample's mean ({_shared['naive_mean_ms']:.0f} ms a youth), "
        f"{PROCESSES} processes: {naive:.0f} s ({naive / 60:.0f} min); {naive / seconds:.0f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--openings", type=int, default=50_000)
    parser.add_argument("--youth", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300, help="timed queries each way")
    parser.add_argument("--baseline-youth", type=int, default=20, help="naive suggestions")
    parser.add_argument("--baseline-openings", type=int, default=10, help="naive candidates")
    parser.add_argument("--skip-everyone", action="store_true", help="no all-youth run")
    args = parser.parse_args(argv)
    print(f"load average before: {load()} (the machine is shared)")
    pool, youth, offer_index, candidate_index = build(args)
    latencies(args, pool, youth, offer_index, candidate_index)
    if not args.skip_everyone:
        everyone(youth, offer_index)
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
