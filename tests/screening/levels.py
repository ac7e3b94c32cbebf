"""The screening's figures as levels only, for any set of postings: how many benign ones reach
"high" or are flagged at all (review or high), how many red flags reach their expected level.

The frozen set (data/frozen.toml), the real ads in ../shared/realads/ and the labelled set are
all counted this way by report.py and test_frozen.py, so their figures read side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from portal.screening import HIGH, NONE, REVIEW, Posting, Screening, screen
from tests.screening.labelled import Labelled, load

FROZEN_FILE = Path(__file__).parent / "data" / "frozen.toml"
LEVELS = (NONE, REVIEW, HIGH)


def load_frozen(path: Path = FROZEN_FILE) -> list[Labelled]:
    """The frozen held-out set, read by the labelled set's own loader."""
    return load(path)


@dataclass(frozen=True)
class Screened:
    """One posting, the least level it must reach ("none" for a benign one), and its screening."""

    name: str
    expect: str
    posting: Posting
    result: Screening

    @property
    def red_flag(self) -> bool:
        return self.expect != NONE

    @property
    def caught(self) -> bool:
        return LEVELS.index(self.result.level) >= LEVELS.index(self.expect)


@dataclass
class Levels:
    """Counts over one set: benign reaching high or flagged at all, red flags caught."""

    screened: list[Screened] = field(default_factory=list)

    @property
    def benign(self) -> list[Screened]:
        return [item for item in self.screened if not item.red_flag]

    @property
    def red_flags(self) -> list[Screened]:
        return [item for item in self.screened if item.red_flag]

    @property
    def false_high(self) -> list[Screened]:
        return [item for item in self.benign if item.result.level == HIGH]

    @property
    def false_alarms(self) -> list[Screened]:
        """Benign postings flagged at all: a counselor must look (review) or they are held."""
        return [item for item in self.benign if item.result.level != NONE]

    @property
    def caught(self) -> list[Screened]:
        return [item for item in self.red_flags if item.caught]

    @property
    def missed(self) -> list[Screened]:
        return [item for item in self.red_flags if not item.caught]

    @property
    def false_high_rate(self) -> float:
        return _share(self.false_high, self.benign)

    @property
    def false_alarm_rate(self) -> float:
        return _share(self.false_alarms, self.benign)

    @property
    def recall(self) -> float:
        return _share(self.caught, self.red_flags) if self.red_flags else 1.0


def _share(part: list, whole: list) -> float:
    return len(part) / len(whole) if whole else 0.0


def levels(items: Iterable[tuple[str, str, Posting]]) -> Levels:
    """Screen each (name, expected level, posting) and keep the results."""
    return Levels([Screened(name, expect, p, screen(p)) for name, expect, p in items])


def labelled_levels(postings: list[Labelled]) -> Levels:
    """The levels of a labelled or frozen set."""
    return levels((item.id, item.expect, item.posting) for item in postings)
