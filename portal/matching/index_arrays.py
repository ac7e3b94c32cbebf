"""Array helpers shared by the two indexes: Python's rounding, CSR ranges, the top k, classes.

The indexes must give exactly the scores scoring.score gives, bit for bit, so that the same
openings and people come out in the same order: the arithmetic is done in the same order on
float64 (IEEE, as Python's floats), and rounding is Python's round() (numpy's differs on
halves).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

import numpy as np

REFUSED = -np.inf  # the score of a pair a hard rule refuses
# Scored again by score() beyond the limit: a guard only, the array scores are score()'s own.
RESCORED_EXTRA = 2


def round4(values: np.ndarray) -> np.ndarray:
    """round(v, 4) for each value, as Python rounds (correctly, halves to even).

    rint(v * 10^4) / 10^4 is the same unless v * 10^4 lies on (or within float error of) a
    half; those few are rounded by Python itself."""
    scaled = values * 10_000.0
    rounded = np.rint(scaled) / 10_000.0
    risky = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    for i in risky:
        rounded[i] = round(float(values[i]), 4)
    return rounded


def ranges(pointers: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The concatenated positions pointers[r]:pointers[r + 1] of each row r (CSR rows)."""
    starts, ends = pointers[rows], pointers[rows + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shifts = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return shifts + np.arange(total, dtype=np.int64)


def by_row(rows: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """(order, pointers): positions of `rows` grouped by row (stable), and where each row starts."""
    order = np.argsort(rows, kind="stable")
    pointers = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=count), out=pointers[1:])
    return order, pointers


def best_positions(scores: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` highest scores, best first, refused ones left out; ties: the
    lower position first (the indexes keep their items in id order, so the lower id first, as
    matching.best_matches orders them).

    Scores are round(x, 4): whole numbers of ticks (10^-4) from 0 to 10^4, so counting how
    many have each tick finds the lowest tick that makes the top without sorting; ties on it
    are taken in position order."""
    if count <= 0 or scores.size == 0:
        return np.zeros(0, dtype=np.int64)
    ticks = np.rint(np.where(scores > REFUSED, scores, -1.0) * 10_000.0).astype(np.int64)
    per_tick = np.bincount(ticks[ticks >= 0], minlength=1)
    from_top = np.cumsum(per_tick[::-1])
    reached = np.flatnonzero(from_top >= count)
    lowest = per_tick.size - 1 - reached[0] if reached.size else 0
    above = np.flatnonzero(ticks > lowest)
    above = above[np.lexsort((above, -ticks[above]))]
    tied = np.flatnonzero(ticks == lowest)[: count - above.size]
    return np.concatenate((above, tied))


class Classes:
    """Distinct values numbered in order of first sight, with one example item of each: the
    per-pair parts that depend on a few fields only are computed once per class, by the real
    scoring and rule functions on the example."""

    def __init__(self, items: Iterable, key: Callable[[object], Hashable]) -> None:
        numbers: dict[Hashable, int] = {}
        self.examples: list = []
        codes = []
        for item in items:
            k = key(item)
            if k not in numbers:
                numbers[k] = len(self.examples)
                self.examples.append(item)
            codes.append(numbers[k])
        self.codes = np.array(codes, dtype=np.int64)

    def table(self, value: Callable[[object], float]) -> np.ndarray:
        """value(example) for each class, as an array to gather from with `codes`."""
        return np.array([value(example) for example in self.examples], dtype=np.float64)
