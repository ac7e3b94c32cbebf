"""The text of a field cut into plain and flagged pieces, for a page to mark the flagged words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.screening.types import Reason


@dataclass(frozen=True)
class Segment:
    """A piece of the text; `indicators` names the red flags its words raised (empty: plain)."""

    text: str
    indicators: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.indicators)


def highlight(text: str, reasons: Iterable[Reason], field: str = "description") -> list[Segment]:
    """`text` (the value of `field`) as segments; overlapping flagged words are merged and carry
    every indicator that cited them. Joined, the segments give `text` back unchanged."""
    marks: dict[int, set[str]] = {}
    for reason in reasons:
        for span in reason.matches:
            if span.field == field and text[span.start : span.end] == span.text:
                for position in range(span.start, span.end):
                    marks.setdefault(position, set()).add(reason.name)
    segments: list[Segment] = []
    start = 0
    for position in range(1, len(text) + 1):
        if position == len(text) or marks.get(position) != marks.get(start):
            names = tuple(sorted(marks.get(start, ())))
            segments.append(Segment(text[start:position], names))
            start = position
    return segments
