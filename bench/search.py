"""Search bench: build N synthetic openings into a temporary index, then time typo'd queries
through the portal's search function and through two baselines.

    .venv/bin/python bench/search.py --n 50000

Prints the index build time, p50/p95 latency of the portal's engine (engine.search, the function
run_query calls, on one reused searcher as a worker has), the same on Khmer titles spelt as usual
and then misspelt as people often write them (issue 16), of Whoosh's own FuzzyTermPlugin
(maxdist 2, every word, the four text fields) and of a rapidfuzz scan of all titles, and the
ratios. Targets (issue 3): p95 <= 30 ms at 50,000 openings, >= 5x faster than the Whoosh fuzzy
baseline, build <= 60 s. No database is needed: documents have the shape of document_for.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402
from whoosh import index as whoosh_index  # noqa: E402
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser  # noqa: E402

from bench.synthetic import PROVINCE_NAMES, TITLES_EN, TITLES_KH, opening_documents  # noqa: E402
from portal.search.analysis import warm_up as load_khmercut  # noqa: E402
from portal.search.engine import search, warm_up  # noqa: E402
from portal.search.schema import TEXT_FIELDS, build_schema  # noqa: E402
from portal.search.types import SearchFilters  # noqa: E402

TODAY = date(2026, 11, 1)  # the synthetic openings were published in the two years before
PROVINCE_SPELLINGS = ("siem riep", "PP", "Kg Cham", "battambong", "kampong som", "Purset")


def build(path: Path, n: int) -> tuple[float, float, float]:
    """Write `n` synthetic openings: seconds to make the documents, then to index them (wall
    clock and this process's CPU time: the machine may be busy with other work)."""
    started = time.perf_counter()
    documents = list(opening_documents(n))
    load_khmercut()
    made, cpu = time.perf_counter(), time.process_time()
    ix = whoosh_index.create_in(str(path), build_schema())
    with ix.writer(limitmb=512) as writer:
        for document in documents:
            writer.add_document(**document)
    return made - started, time.perf_counter() - made, time.process_time() - cpu


def typo(rng: random.Random, word: str) -> str:
    """`word` with as many typing mistakes as the engine forgives (1 from 5 letters, 2 from 9)."""
    mistakes = 0 if len(word) < 5 else 1 if len(word) < 9 else 2
    for _ in range(mistakes):
        i = rng.randrange(1, len(word) - 1)
        word = rng.choice(
            (
                word[:i] + word[i + 1 :],  # a letter left out
                word[:i] + word[i + 1] + word[i] + word[i + 2 :],  # two letters swapped
                word[:i] + rng.choice("aeiourst") + word[i + 1 :],  # a wrong letter
            )
        )
    return word


def typo_queries(count: int, seed: int = 11) -> list[str]:
    """What young people type: a trade with typos, sometimes a province, sometimes Khmer."""
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        if rng.random() < 0.15:
            text = rng.choice(TITLES_KH)
        else:
            text = " ".join(typo(rng, w.lower()) for w in rng.choice(TITLES_EN).split())
        if rng.random() < 0.3:
            text += " " + rng.choice(PROVINCE_SPELLINGS + tuple(PROVINCE_NAMES.values()))
        queries.append(text)
    return queries


# Letters Khmer writers confuse (portal/search/data/khmer_spelling.toml): (as usual, as typed).
KHMER_SLIPS = (("េ", "ែ"), ("ែ", "េ"), ("ូ", "ុ"), ("ួ", "ូ"), ("ី", "ិ"), ("់", ""), ("ណ", "ន"))


def khmer_queries(count: int, seed: int = 13) -> tuple[list[str], list[str]]:
    """Khmer titles as usually spelt, and the same as people often write them: one vowel or
    letter confused, or ់ left out."""
    rng = random.Random(seed)
    usual, misspelt = [], []
    while len(usual) < count:
        title = rng.choice(TITLES_KH)
        slips = [slip for slip in KHMER_SLIPS if slip[0] in title]
        if slips:
            right, typed = rng.choice(slips)
            usual.append(title)
            misspelt.append(title.replace(right, typed, 1))
    return usual, misspelt


def timed(function, queries: list[str]) -> tuple[list[float], int]:
    """Milliseconds each query took, and how many queries found something."""
    times, answered = [], 0
    for text in queries:
        started = time.perf_counter()
        found = function(text)
        times.append((time.perf_counter() - started) * 1000)
        answered += bool(found)
    return times, answered


def percentiles(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[94]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="openings to index")
    parser.add_argument("--queries", type=int, default=400, help="typo'd queries to time")
    parser.add_argument("--baseline-queries", type=int, default=100, help="for each baseline")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="phlov-bench-") as tmp:
        making, indexing, cpu = build(Path(tmp), args.n)
        print(
            f"{args.n} openings: documents made in {making:.1f} s, "
            f"indexed in {indexing:.1f} s (CPU {cpu:.1f} s)"
        )
        ix = whoosh_index.open_dir(tmp)
        with ix.searcher() as searcher:
            report(searcher, args)
    return 0


def report(searcher, args) -> None:
    filters = SearchFilters(today=TODAY)
    queries = typo_queries(args.queries)
    started = time.perf_counter()
    warm_up(searcher)
    seconds = time.perf_counter() - started
    print(f"warm-up (khmercut, vocabulary, the index's columns): {seconds:.1f} s")
    warm, _ = timed(lambda text: search(searcher, text, filters).ids, typo_queries(20, seed=9))
    print(f"first typo'd query: {warm[0]:.0f} ms")
    portal = timed(lambda text: search(searcher, text, filters).ids, queries)
    usual, misspelt = khmer_queries(args.baseline_queries)
    khmer_usual = timed(lambda text: search(searcher, text, filters).ids, usual)
    khmer = timed(lambda text: search(searcher, text, filters).ids, misspelt)

    parser = MultifieldParser(list(TEXT_FIELDS), searcher.schema)
    parser.add_plugin(FuzzyTermPlugin())
    fuzzy_queries = queries[: args.baseline_queries]
    whoosh_fuzzy = timed(
        lambda text: searcher.search(
            parser.parse(" ".join(f"{w}~2" for w in text.split())), limit=20
        ),
        fuzzy_queries,
    )
    titles = [fields["title"] for fields in searcher.all_stored_fields()]
    scan = timed(
        lambda text: process.extract(text, titles, scorer=fuzz.WRatio, limit=20), fuzzy_queries
    )

    rows = [
        ("portal engine", portal),
        ("portal, Khmer as usual", khmer_usual),
        ("portal, the same misspelt", khmer),
        ("Whoosh FuzzyTermPlugin ~2", whoosh_fuzzy),
        ("rapidfuzz scan of titles", scan),
    ]
    print(f"{'':28} {'queries':>7} {'answered':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (times, answered) in rows:
        p50, p95 = percentiles(times)
        print(f"{name:28} {len(times):>7} {answered:>8} {p50:>8.1f} {p95:>8.1f}")
    p50, p95 = percentiles(portal[0])
    for name, (times, _answered) in rows[3:]:
        b50, b95 = percentiles(times)
        print(f"portal vs {name}: {b50 / p50:.1f}x faster at p50, {b95 / p95:.1f}x at p95")


if __name__ == "__main__":
    sys.exit(main())
