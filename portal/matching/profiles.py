"""The plain data matching works on: a young person and an opening, with no database behind.

Built from the models with `from_youth` / `from_opening`, or directly (tests, the bench).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from portal.matching.skills import SkillText, prepare


def _texts(items) -> tuple[str, ...]:
    return tuple(str(item) for item in (items or ()) if str(item).strip())


@dataclass(frozen=True)
class Candidate:
    """A young person as matching sees them."""

    id: int
    skills: tuple[str, ...]
    province_code: str
    work_provinces: tuple[str, ...] = ()
    wanted_kinds: tuple[str, ...] = ()
    education_level: str | None = None  # None: not said, so no school requirement is checked
    languages: tuple[str, ...] = ()  # ISO 639-1 codes ("km", "en")
    date_of_birth: date | None = None
    consent: bool = False

    @cached_property
    def skill_texts(self) -> tuple[SkillText, ...]:
        """Their skills analyzed once (see skills.prepare)."""
        return tuple(prepare(s) for s in self.skills)


@dataclass(frozen=True)
class Offer:
    """An opening (job, internship or course) as matching sees it."""

    id: int
    kind: str
    title: str
    skills: tuple[str, ...]
    province_code: str
    min_age: int
    status: str
    closing_date: date | None
    hazardous: bool = False
    min_education: str | None = None
    languages: tuple[str, ...] = ()  # ISO 639-1 codes the work needs

    @cached_property
    def skill_texts(self) -> tuple[SkillText, ...]:
        """The opening's skills analyzed once."""
        return tuple(prepare(s) for s in self.skills)

    @cached_property
    def title_text(self) -> SkillText:
        """The opening's title analyzed once."""
        return prepare(self.title)


def from_youth(profile) -> Candidate:
    """A Candidate from a YouthProfile."""
    return Candidate(
        id=profile.id,
        skills=_texts(profile.skills),
        province_code=profile.province_code,
        work_provinces=_texts(profile.work_provinces),
        wanted_kinds=_texts(profile.wanted_kinds),
        education_level=str(profile.education_level) if profile.education_level else None,
        languages=_texts(profile.languages),
        date_of_birth=profile.date_of_birth,
        consent=bool(profile.consent_to_share),
    )


def from_opening(opening) -> Offer:
    """An Offer from an Opening."""
    return Offer(
        id=opening.id,
        kind=str(opening.kind),
        title=opening.title or "",
        skills=_texts(opening.skills),
        province_code=opening.province_code,
        min_age=opening.min_age,
        status=str(opening.status),
        closing_date=opening.closing_date,
        hazardous=bool(opening.hazardous),
        min_education=str(opening.min_education) if opening.min_education else None,
        languages=_texts(opening.languages),
    )
