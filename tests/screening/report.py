"""Print the screening's figures on the labelled set, and its misses:
    .venv/bin/python -m tests.screening.report [--all]
(--all also lists what fired on every posting)."""

from __future__ import annotations

import sys

from portal.screening import Screening
from tests.screening.labelled import (
    MAX_FALSE_ALARM_RATE,
    MIN_RECALL,
    Figures,
    Labelled,
    evaluate,
    load,
)


def describe(result: Screening) -> str:
    reasons = "; ".join(f"{r.name}({r.weight}): {r.matched_text!r}" for r in result.reasons)
    return f"{result.level} {result.score} — {reasons or 'nothing fired'}"


def figures_text(postings: list[Labelled], figures: Figures) -> str:
    khmer = sum(item.khmer for item in postings)
    lines = [
        f"Labelled postings: {len(postings)} ({figures.benign} benign, {figures.red_flags} red "
        f"flags; {khmer} in Khmer or mixed)",
        f"Recall on red flags: {figures.recall:.3f} ({figures.caught}/{figures.red_flags}), "
        f"must be >= {MIN_RECALL}",
        f"False-alarm rate on benign: {figures.false_alarm_rate:.3f} "
        f"({figures.false_alarms}/{figures.benign}), must be <= {MAX_FALSE_ALARM_RATE}",
        "Recall per indicator (postings where it fired / postings labelled with it):",
    ]
    for name, (fired, expected) in sorted(figures.per_indicator.items()):
        lines.append(f"  {name:22} {fired / expected:.3f} ({fired}/{expected})")
    for label, part in (("Khmer or mixed", True), ("English only", False)):
        some = evaluate([item for item in postings if item.khmer == part])
        lines.append(
            f"{label}: recall {some.recall:.3f} ({some.caught}/{some.red_flags}), false alarms "
            f"{some.false_alarm_rate:.3f} ({some.false_alarms}/{some.benign})"
        )
    return "\n".join(lines)


def misses_text(figures: Figures) -> str:
    lines = ["Red flags missed:"]
    lines += [f"  {item.id} {item.posting.title!r}: {describe(r)}" for item, r in figures.missed]
    lines.append("False alarms:")
    lines += [f"  {item.id} {item.posting.title!r}: {describe(r)}" for item, r in figures.alarms]
    lines.append("Indicators expected but not fired:")
    lines += [
        f"  {item.id} missing {sorted(absent)}: {describe(r)}"
        for item, r, absent in figures.indicator_misses
    ]
    return "\n".join(lines)


def near_misses_text(postings: list[Labelled]) -> str:
    """Benign postings that scored something without reaching review: what to watch."""
    from portal.screening import screen

    lines = ["Benign postings with a score under review (near misses):"]
    for item in postings:
        result = screen(item.posting)
        if not item.red_flag and result.score:
            lines.append(f"  {item.id} {item.posting.title!r}: {describe(result)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    postings = load()
    figures = evaluate(postings)
    print(figures_text(postings, figures))
    print(misses_text(figures))
    print(near_misses_text(postings))
    if "--all" in argv:
        from portal.screening import screen

        for item in postings:
            print(f"{item.id} [{item.expect}] {describe(screen(item.posting))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
