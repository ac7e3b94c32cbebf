"""Try a text against the screening rules, as the portal screens an opening (the rules an admin
switched off left out, the known bad contacts in), without keeping anything."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from portal.jobs.screening_marks import ShownReason, explained, marked_text
from portal.safety.contacts import known_values
from portal.screening import Posting, screen
from portal.screening_admin.switches import switched_off


@dataclass(frozen=True)
class Trial:
    """What the screening says of a tried text, as the page shows it."""

    level: str
    score: int
    reasons: list[ShownReason]
    title: Markup
    description: Markup


def try_text(
    title: str,
    description: str = "",
    *,
    province_code: str | None = None,
    salary_min: int | None = None,
    salary_max: int | None = None,
    currency: str | None = None,
) -> Trial:
    """Screen the words of a posting now; the reasons in the reader's language, the words that
    raised them marked in the title and description."""
    posting = Posting(
        title=title,
        description=description,
        province_code=province_code or None,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency or None,
    )
    result = screen(posting, extra_contacts=known_values(), disabled=switched_off())
    return Trial(
        level=result.level,
        score=result.score,
        reasons=explained(result.reasons),
        title=marked_text(title, result.reasons, "title"),
        description=marked_text(description, result.reasons, "description"),
    )
