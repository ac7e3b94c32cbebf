"""The plain data the screening works on: a posting in, a screening out (no database behind)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Posting:
    """An opening as the screening reads it (built from an Opening, an import row or a test)."""

    title: str
    description: str = ""
    skills: tuple[str, ...] = ()
    kind: str = "job"  # job, internship, course
    province_code: str | None = None
    abroad: bool = False  # the work is outside Cambodia
    country: str = ""  # where, when abroad
    min_age: int = 15
    hazardous: bool = False
    night_work: bool | None = None  # None: read from the text ("night shift", "វេនយប់")
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str | None = None  # "USD" or "KHR"
    organization_name: str = ""
    organization_is_licensed_recruiter: bool = False
    organization_address: str = ""
    contact: str = ""  # phone numbers, e-mail addresses, handles, as given


@dataclass(frozen=True)
class Span:
    """Words of the posting that raised a flag: which field, where (offsets in the field's text
    as written), and the words. Facts taken from a field's value (min_age, salary, country) have
    that field's name and the value as text, from 0 to its length."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reason:
    """One red-flag indicator that fired, the words that raised it, and what to tell a counselor."""

    indicator: int  # 1-10 as in issue 7, 11 for a known bad contact
    name: str
    weight: int
    matches: tuple[Span, ...]
    explanation_en: str
    explanation_km: str

    @property
    def matched_text(self) -> str:
        """The words that raised it, as written, in order, once each."""
        return " … ".join(dict.fromkeys(span.text for span in self.matches))

    def explanation(self, language: str) -> str:
        """The explanation in `language` ("km" or anything else for English)."""
        return self.explanation_km if language == "km" else self.explanation_en


@dataclass(frozen=True)
class Screening:
    """The verdict on a posting: "none", "review" or "high", the score and the reasons."""

    level: str
    score: int
    reasons: tuple[Reason, ...]

    @property
    def indicators(self) -> frozenset[str]:
        """The names of the indicators that fired."""
        return frozenset(reason.name for reason in self.reasons)
