"""The matching figures, tuned cases and frozen set side by side:
`.venv/bin/python -m tests.matching.report` (add --each to see every person of the frozen set)."""

from __future__ import annotations

import sys

from tests.matching.labelled import figures, frozen_set, ndcg, precision, ranked, tuned_set


def main(argv: list[str]) -> None:
    tuned, frozen = figures(tuned_set()), figures(frozen_set())
    print(f"{'':22}{'tuned (cases.csv)':>20}{'frozen (frozen_cases.csv)':>28}")
    print(f"{'people':22}{tuned.people:>20}{frozen.people:>28}")
    print(f"{'nDCG@10':22}{tuned.ndcg10:>20.3f}{frozen.ndcg10:>28.3f}")
    print(f"{'P@5 (relevant >= 1)':22}{tuned.p5:>20.3f}{frozen.p5:>28.3f}")
    print(
        "tuned: binary labels (the top-3 ids); frozen: graded 0-3 (tests/matching/data/FROZEN.md)"
    )
    if "--each" in argv:
        for judged in frozen_set():
            shown = ranked(judged)
            print(
                f"{ndcg(shown, judged.grades):.3f} {precision(shown, judged.grades):.1f} "
                f"{judged.name}: {shown[:5]}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
