"""Courses close the gap: when few open jobs in a person's provinces fit their skills, suggest
the courses that teach what the openings of their province ask for most, and they lack.

- `fitting_jobs(candidate, jobs, day)`: how many open jobs and internships in their province or
  the provinces they would work in fit their skills (the bar of a skills reason);
- `skills_asked(jobs, province_code)`: what the jobs of one province ask for, most asked first;
- `close_the_gap(candidate, jobs, courses, day, neighbours)`: under FEW_JOBS fitting jobs, the
  courses teaching the most asked skills they lack, nearest first;
- `gap_courses_for(profile)`: the same over the database: one SQL query tallies the open jobs of
  their provinces only (those asking the same counted together), courses are few; and
  `explain_gap(reasons)`: the reasons in words.

Jobs come as `Jobs(offer, openings)`: one Offer standing for all the openings asking the same.

Skills are grouped by vocabulary concept, so "sewing", "sewing machine" and "ដេរ" count as one
skill asked; a skill the vocabulary does not know is grouped by its analyzed words. An opening
asks for its skills; its title stands in when it lists none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from flask_babel import ngettext
from sqlalchemy import String, cast, func, select

from portal.courses.models import CourseDetails
from portal.extensions import db
from portal.i18n import current_language
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.queries import MATCHING_COLUMNS, published_openings, with_card_data
from portal.khmer import has_khmer
from portal.matching.profiles import Candidate, Offer, from_opening, from_youth
from portal.matching.rules import PUBLISHED, not_open, refusal
from portal.matching.scoring import PLACE_TIERS, Neighbours, Reason, place_tier
from portal.matching.skills import SkillText, best_of, prepare, similarity
from portal.places import neighbours, province_name
from portal.search.vocabulary import concepts

FEW_JOBS = 3  # under this many fitting jobs, courses are suggested
TOP_SKILLS = 5  # the most asked skills they lack that a course may teach
LIMIT = 5  # courses suggested at most
PER_SKILL = 2  # courses at most for the same skill (the nearest), not one town after another
WORK_KINDS = frozenset({"job", "internship"})
COURSE = "course"


@dataclass(frozen=True)
class Asked:
    """A skill the open jobs of a province ask for: how many openings, in which words."""

    key: str  # "concept:<id>" or "words:<analyzed form>"
    province_code: str
    count: int  # openings asking for it
    wordings: tuple[str, ...]  # as the openings write it, most used first

    @property
    def concept(self) -> str | None:
        kind, _, value = self.key.partition(":")
        return value if kind == "concept" else None


class Jobs(NamedTuple):
    """Open jobs asking exactly the same (one Offer stands for them) and how many they are."""

    offer: Offer
    openings: int


def grouped(offers: Iterable[Offer]) -> list[Jobs]:
    """Plain Offers as Jobs, the same ones tallied together (the loader groups them in SQL)."""
    tally = Counter(offers)
    return [Jobs(offer, n) for offer, n in tally.items()]


class Course(NamedTuple):
    """A course as the gap sees it: the opening, and whether money stands in the way."""

    offer: Offer
    affordable: bool  # free, or a scholarship is offered


@dataclass(frozen=True)
class GapCourse:
    """A course suggested to a person; its ("gap", {...}) reasons say which asked skills it
    teaches."""

    offer_id: int
    candidate_id: int
    reasons: tuple[Reason, ...]


def _places(candidate: Candidate) -> tuple[str, ...]:
    """Their province first, then the provinces they would work in, once each."""
    return tuple(dict.fromkeys((candidate.province_code, *candidate.work_provinces)))


def fitting_jobs(
    candidate: Candidate, jobs: Iterable[Jobs], day: date, enough: int = FEW_JOBS
) -> int:
    """How many open jobs and internships in their provinces, allowed to them on `day`, fit
    their skills (the bar of a skills reason: one of their skills like one of the opening's
    skills or its title); counting stops at `enough`. Openings asking the same are judged once."""
    if not candidate.skill_texts:
        return 0
    places, best, found = set(_places(candidate)), best_of(candidate.skill_texts), 0
    fits: dict[tuple, bool] = {}
    for offer, openings in jobs:
        if offer.kind not in WORK_KINDS or offer.province_code not in places:
            continue
        asks = (offer.skills, offer.title)
        fit = fits.get(asks)
        if fit is None:
            items = (*offer.skill_texts, offer.title_text)
            fit = fits[asks] = any(best(item)[0] > 0 for item in items)
        if fit and not refusal(candidate, offer, day):
            found += openings
            if found >= enough:
                return enough
    return found


def _keys(text: SkillText) -> set[str]:
    if text.concepts:
        return {f"concept:{concept}" for concept in text.concepts}
    return {f"words:{text.form}"} if text.form else set()


def skills_asked(jobs: Iterable[Jobs], province_code: str) -> list[Asked]:
    """What the jobs and internships of one province ask for, the most asked first (each
    opening counts once per skill, however many of its words name it)."""
    same_asks: Counter[tuple[str, ...]] = Counter()  # each distinct list analyzed once
    for offer, openings in jobs:
        if offer.kind in WORK_KINDS and offer.province_code == province_code:
            same_asks[offer.skills or (offer.title,)] += openings
    counts: Counter[str] = Counter()
    wordings: dict[str, Counter[str]] = {}
    for asks, n in same_asks.items():
        asked_here: set[str] = set()
        for text in asks:
            for key in _keys(prepare(text)):
                asked_here.add(key)
                wordings.setdefault(key, Counter())[text] += n
        for key in asked_here:
            counts[key] += n
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        Asked(key, province_code, n, tuple(w for w, _ in wordings[key].most_common()))
        for key, n in ranked
    ]


def missing_skills(candidate: Candidate, jobs: list[Jobs]) -> list[Asked]:
    """The skills asked in their province, then in the provinces they would work in, that
    they do not have, each once (where first asked), the most asked first within a province."""
    best = best_of(candidate.skill_texts) if candidate.skill_texts else None
    seen: set[str] = set()
    missing: list[Asked] = []
    for code in _places(candidate):
        for asked in skills_asked(jobs, code):
            if asked.key in seen:
                continue
            seen.add(asked.key)
            if best is None or not any(best(prepare(w))[0] > 0 for w in asked.wordings):
                missing.append(asked)
    return missing


def teaches(course: Offer, asked: Asked) -> bool:
    """The course's skills or title name the asked skill (same concept, or alike in words)."""
    items = (*course.skill_texts, course.title_text)
    if asked.concept and any(asked.concept in item.concepts for item in items):
        return True
    return any(similarity(prepare(w), item) > 0 for w in asked.wordings[:3] for item in items)


def close_the_gap(
    candidate: Candidate,
    jobs: Iterable[Jobs],
    courses: Iterable[Course],
    day: date,
    neighbours: Neighbours,
    limit: int = LIMIT,
) -> list[GapCourse]:
    """Under FEW_JOBS fitting jobs, the `limit` courses allowed to them on `day` that teach the
    TOP_SKILLS most asked skills they lack: same province first, then a province they would
    work in, a neighbouring one, anywhere; then the most asked skill; free or with a scholarship
    first; at most PER_SKILL courses for the same skill."""
    jobs = [j for j in jobs if j.offer.kind in WORK_KINDS and not not_open(candidate, j.offer, day)]
    if fitting_jobs(candidate, jobs, day) >= FEW_JOBS:
        return []
    wanted = missing_skills(candidate, jobs)[:TOP_SKILLS]
    ranked = []
    for course in courses if wanted else ():
        if course.offer.kind != COURSE or refusal(candidate, course.offer, day):
            continue
        taught = [rank for rank, asked in enumerate(wanted) if teaches(course.offer, asked)]
        if not taught:
            continue
        tier = place_tier(candidate, course.offer, neighbours)
        key = (-PLACE_TIERS[tier], taught[0], not course.affordable, course.offer.id)
        reasons = tuple(_reason(wanted[rank]) for rank in taught)
        ranked.append((key, GapCourse(course.offer.id, candidate.id, reasons)))
    ranked.sort(key=lambda pair: pair[0])
    return _varied([gap for _, gap in ranked], limit)


def _varied(ranked: list[GapCourse], limit: int) -> list[GapCourse]:
    """The first `limit` courses, at most PER_SKILL of them for the same first skill taught."""
    per_skill: Counter[str] = Counter()
    chosen: list[GapCourse] = []
    for gap in ranked:
        skill = gap.reasons[0].params["key"]
        if per_skill[skill] < PER_SKILL:
            per_skill[skill] += 1
            chosen.append(gap)
            if len(chosen) == limit:
                break
    return chosen


def _reason(asked: Asked) -> Reason:
    return Reason(
        "gap",
        {
            "key": asked.key,
            "count": asked.count,
            "province": asked.province_code,
            "concept": asked.concept,
            "wordings": asked.wordings,
        },
    )


# ---------------------------------------------------------------- words


@cache
def _concepts_by_id() -> dict:
    return {concept.id: concept for concept in concepts()}


def skill_wording(params: dict, language: str) -> str:
    """The asked skill in the reader's language: the openings' own words when some are in it,
    else the vocabulary's term for it, else the openings' words as they are."""
    wordings = params["wordings"]
    khmer_reader = language == "km"
    for wording in wordings:
        if has_khmer(wording) == khmer_reader:
            return wording
    concept = _concepts_by_id().get(params.get("concept") or "")
    terms = (concept.khmer if khmer_reader else concept.english) if concept else ()
    return terms[0] if terms else wordings[0]


def explain_gap(reasons: Iterable[Reason]) -> list[str]:
    """One sentence per skill a course teaches, in the current language."""
    language = current_language()
    return [
        ngettext(
            "%(num)d opening in %(province)s asks for %(skill)s; this course teaches it.",
            "%(num)d openings in %(province)s ask for %(skill)s; this course teaches it.",
            params["count"],
            province=province_name(params["province"], language),
            skill=skill_wording(params, language),
        )
        for code, params in reasons
        if code == "gap"
    ]


# ---------------------------------------------------------------- the database


def gap_courses_for(profile, day: date | None = None, limit: int = LIMIT) -> list[tuple]:
    """[(course Opening, GapCourse)] for a YouthProfile on `day` (default today): one query for
    the open jobs of their provinces, one for the open courses (columns only), one for the few
    courses suggested."""
    if profile is None:
        return []
    day = day or date.today()
    candidate = from_youth(profile)
    jobs = _open_jobs(_places(candidate), day)
    courses = [
        Course(from_opening(row), (row.fee == 0) or bool(row.scholarship_available))
        for row in _open_courses(day)
    ]
    found = close_the_gap(candidate, jobs, courses, day, neighbours, limit)
    ids = [gap.offer_id for gap in found]
    openings = db.session.scalars(with_card_data(select(Opening).where(Opening.id.in_(ids))))
    by_id = {opening.id: opening for opening in openings}
    return [(by_id[gap.offer_id], gap) for gap in found]


def _open_jobs(places: tuple[str, ...], day: date) -> list[Jobs]:
    """The open jobs and internships of `places`, those asking the same tallied in SQL (the
    skills list compared as its JSON text, portable), each distinct list decoded once."""
    skills_text = cast(Opening.skills, String)
    asks = (Opening.kind, Opening.title, skills_text, Opening.province_code)
    rules = (Opening.min_age, Opening.hazardous)
    query = published_openings(day).with_only_columns(*asks, *rules, func.count(Opening.id))
    kinds = [OpeningKind.JOB, OpeningKind.INTERNSHIP]
    query = query.where(Opening.kind.in_(kinds), Opening.province_code.in_(places))
    decoded: dict[str | None, tuple[str, ...]] = {}
    jobs = []
    for kind, title, skills, province, min_age, hazardous, n in db.session.execute(
        query.group_by(*asks, *rules)
    ):
        if skills not in decoded:
            decoded[skills] = tuple(str(s) for s in json.loads(skills or "[]") if str(s).strip())
        offer = Offer(
            id=0,
            kind=str(kind),
            title=title or "",
            skills=decoded[skills],
            province_code=province,
            min_age=min_age,
            status=PUBLISHED,
            closing_date=None,
            hazardous=bool(hazardous),
        )  # fmt: skip; open on `day`, as the query says
        jobs.append(Jobs(offer, n))
    return jobs


def _open_courses(day: date):
    """Every open course, with its fee and whether a scholarship is offered."""
    columns = (*MATCHING_COLUMNS, CourseDetails.fee, CourseDetails.scholarship_available)
    query = published_openings(day).with_only_columns(*columns).select_from(Opening)
    query = query.outerjoin(CourseDetails, CourseDetails.opening_id == Opening.id)
    return db.session.execute(query.where(Opening.kind == OpeningKind.COURSE))
