"""Print the screening's figures side by side on the labelled set, the frozen held-out set and
the real ads of ../shared/realads/ (or $REALADS_DIR), then the labelled set's misses:
    .venv/bin/python -m tests.screening.report [--all] [--worst N] [--frozen-misses]
--all lists what fired on every labelled posting; --worst N the N real benign ads scoring highest
among those flagged, with the words that fired; --frozen-misses the frozen set's misses and false
alarms (by default only their counts are shown, so that nobody tunes the rules to that set)."""

from __future__ import annotations

import sys

from portal.screening import Screening
from tests.screening import realads
from tests.screening.labelled import (
    MAX_FALSE_ALARM_RATE,
    MIN_RECALL,
    Figures,
    Labelled,
    evaluate,
    load,
)
from tests.screening.levels import Levels, Screened, labelled_levels, levels, load_frozen


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


NAME_WIDTH = 24  # the set's name, then its figures
ROW = "{:<" + str(NAME_WIDTH) + "}{:>7}  {:>16}  {:>18}  {:>5}  {:>16}"


def _count(part: list, whole: list) -> str:
    if not whole:
        return "-"
    return f"{len(part) / len(whole):.3f} ({len(part)}/{len(whole)})"


def levels_row(name: str, figures: Levels) -> str:
    """One set's line of the side-by-side table ("-" where the set has no such postings)."""
    benign, red = figures.benign, figures.red_flags
    return ROW.format(
        name,
        len(benign),
        _count(figures.false_high, benign),
        _count(figures.false_alarms, benign),
        len(red),
        _count(figures.caught, red),
    )


def side_by_side(sets: dict[str, Levels | None], folder: str) -> str:
    """The table: per set, benign postings held "high", flagged at all, and red flags caught."""
    lines = [ROW.format("set", "benign", "high", "flagged (rev+high)", "red", "recall")]
    for name, figures in sets.items():
        if figures is None:
            lines.append(f"{name:<{NAME_WIDTH}}skipped: no {folder} (set REALADS_DIR)")
        else:
            lines.append(levels_row(name, figures))
    lines.append(
        "recall: red flags reaching at least their expected level (the lures: review or high); "
        f"targets: real benign high <= 0.01, flagged <= {MAX_FALSE_ALARM_RATE}; frozen recall >= "
        f"{MIN_RECALL}, flagged <= {MAX_FALSE_ALARM_RATE}"
    )
    return "\n".join(lines)


def all_sets(postings: list[Labelled]) -> dict[str, Levels | None]:
    """Every set screened: labelled, frozen, real benign ads and real lures (None when absent)."""
    benign, lures = realads.read(realads.BENIGN_FILE), realads.read(realads.LURES_FILE)
    return {
        "(a) labelled": labelled_levels(postings),
        "(b) frozen (held out)": labelled_levels(load_frozen()),
        "(c) real benign ads": None if benign is None else _real(benign, "none"),
        "(d) real lures": None if lures is None else _real(lures, "review"),
    }


def _real(ads: list[realads.RealAd], expect: str) -> Levels:
    # the source is "repository:file | address": the address is enough to find the ad
    return levels((ad.source.rsplit(" | ", 1)[-1], expect, ad.posting) for ad in ads)


def screened_text(title: str, items: list[Screened]) -> str:
    lines = [f"{title} ({len(items)}):"]
    for item in sorted(items, key=lambda i: -i.result.score):
        lines.append(f"  {item.name} {item.posting.title!r}: {describe(item.result)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    postings = load()
    sets = all_sets(postings)
    print(side_by_side(sets, str(realads.realads_dir())))
    frozen, real_benign = sets["(b) frozen (held out)"], sets["(c) real benign ads"]
    if "--frozen-misses" in argv:
        print(screened_text("Frozen set: red flags missed", frozen.missed))
        print(screened_text("Frozen set: benign postings flagged", frozen.false_alarms))
    if "--worst" in argv and real_benign is None:
        print("--worst: no real benign ads to list (see REALADS_DIR)")
    elif "--worst" in argv:
        worst = int(argv[argv.index("--worst") + 1])
        flagged = sorted(real_benign.false_alarms, key=lambda i: -i.result.score)[:worst]
        print(screened_text(f"Real benign ads flagged, the {worst} highest scores", flagged))
    print()
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
