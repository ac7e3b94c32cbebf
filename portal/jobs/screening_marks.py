"""What staff read of an opening's screening: the reasons in their language and the words that
raised them marked in the text (<mark>), from the results stored by portal/screening/openings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from portal.i18n import current_language
from portal.jobs.models import Opening, ScreeningLevel
from portal.screening import Reason, highlight
from portal.screening.openings import needs_confirmation, stored_reasons

LEVEL_ORDER = {ScreeningLevel.HIGH: 0, ScreeningLevel.REVIEW: 1, ScreeningLevel.NONE: 2}


@dataclass(frozen=True)
class ShownReason:
    """One reason as a counselor reads it."""

    indicator: int
    name: str
    explanation: str
    words: str


def shown_reasons(opening: Opening) -> list[ShownReason]:
    """The reasons of the last screening, explained in the reader's language."""
    return explained(stored_reasons(opening))


def explained(reasons: Iterable[Reason]) -> list[ShownReason]:
    """`reasons` as a counselor reads them, in the reader's language."""
    language = current_language()
    return [
        ShownReason(r.indicator, r.name, r.explanation(language), r.matched_text) for r in reasons
    ]


def marked(opening: Opening, field: str) -> Markup:
    """The text of `field` (title, description) with the flagged words in <mark>, escaped."""
    return marked_text(getattr(opening, field) or "", stored_reasons(opening), field)


def marked_text(text: str, reasons: Iterable[Reason], field: str) -> Markup:
    """`text`, the value of `field`, with the words `reasons` cite in <mark>, escaped."""
    pieces = []
    for segment in highlight(text, reasons, field):
        if segment.flagged:
            names = " ".join(f"flag-{name}" for name in segment.indicators)
            pieces.append(Markup('<mark class="{}">{}</mark>').format(names, segment.text))
        else:
            pieces.append(escape(segment.text))
    return Markup("").join(pieces)


def screening_view(opening: Opening) -> dict:
    """What the review queue and the opening page show of the screening."""
    return {
        "level": opening.screening_level.value if opening.screening_level else "none",
        "screened": opening.screened_at is not None,
        "reasons": shown_reasons(opening),
        "title": marked(opening, "title"),
        "description": marked(opening, "description"),
        "needs_confirmation": needs_confirmation(opening),
        "is_high": opening.screening_level == ScreeningLevel.HIGH,
    }
