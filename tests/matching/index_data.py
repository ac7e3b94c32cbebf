"""Seeded random youth and openings as messy as real ones, for the index equivalence tests:
typos, word order, Khmer, stopwords, blank skills, a title that repeats a skill, ages around
15-18 on the day, unknown dates of birth, hazardous and adults-only work, languages, levels."""

from __future__ import annotations

import random
from datetime import date, timedelta

from portal.matching import Candidate, Offer
from portal.matching.scoring import EDUCATION_ORDER
from tests.matching.builders import DAY, born_years_ago

SKILLS = (
    "sewing",
    "Sewing",
    "sewing machine",
    "garment sewer",
    "ការកាត់ដេរ",
    "motorbike repair",
    "repair motorbike",
    "ជួសជុលម៉ូតូ",
    "cooking",
    "cook",
    "kitchen assistant",
    "ការចម្អិនម្ហូប",
    "english",
    "English language",
    "ភាសាអង់គ្លេស",
    "computer",
    "excel",
    "customer service",
    "phone repair",
    "repair",
    "driving licence",
    "driver",
    "hair cutting",
    "hairdresser",
    "welding",
    "welder",
    "sales",
    "cashier",
    "accounting",
    "bookkeeping",
    "the",
    "",
    "security guard",
    "waiter",
    "waitress",
    "barista coffee",
)
TITLES = (
    "Sewing machine operator",
    "Garment sewer",
    "Motorbike mechanic",
    "ជាងជួសជុលម៉ូតូ",
    "Cook",
    "Kitchen assistant wanted",
    "Phone repair technician",
    "Driver",
    "Hairdresser",
    "Welder (night shift)",
    "Sales assistant",
    "Accountant",
    "ចុងភៅ",
    "Security guard",
    "Barista",
    "Receptionist",
)
PROVINCES = ("12", "12", "12", "08", "02", "17", "15", "07", "03", "21", "25")
KINDS = ("job", "internship", "course")
LANGUAGES = ("km", "en", "zh", "th")


def typo(rng: random.Random, text: str) -> str:
    """`text` with one typing mistake, now and then."""
    if len(text) < 4 or rng.random() < 0.6:
        return text
    i = rng.randrange(1, len(text) - 1)
    return rng.choice((text[:i] + text[i + 1 :], text[:i] + text[i + 1] + text[i] + text[i + 2 :]))


def _skills(rng: random.Random, most: int) -> tuple[str, ...]:
    return tuple(typo(rng, rng.choice(SKILLS)) for _ in range(rng.randint(0, most)))


def _some(rng: random.Random, values, most: int) -> tuple[str, ...]:
    return tuple(rng.sample(values, rng.randint(0, most)))


def candidates(count: int, seed: int = 1) -> list[Candidate]:
    rng = random.Random(seed)
    return [_candidate(rng, number) for number in range(1, count + 1)]


def _candidate(rng: random.Random, number: int) -> Candidate:
    born = None
    if rng.random() > 0.1:
        born = born_years_ago(rng.randint(14, 30), DAY, days_later=rng.choice((-1, 0, 1, 40)))
    return Candidate(
        id=number * 3 % 1009 + 1,  # not in id order
        skills=_skills(rng, 4),
        province_code=rng.choice(PROVINCES),
        work_provinces=_some(rng, PROVINCES[3:], 2),
        wanted_kinds=_some(rng, KINDS, 2),
        education_level=rng.choice(EDUCATION_ORDER + ("", "unknown")),
        languages=_some(rng, LANGUAGES, 3),
        date_of_birth=born,
        consent=rng.random() < 0.6,
    )


def offers(count: int, seed: int = 2) -> list[Offer]:
    rng = random.Random(seed)
    return [_offer(rng, number) for number in range(1, count + 1)]


def _offer(rng: random.Random, number: int) -> Offer:
    skills = _skills(rng, 3)
    title = rng.choice(TITLES + skills) if skills else rng.choice(TITLES + ("",))
    hazardous = rng.random() < 0.1
    closing = DAY + timedelta(days=rng.choice((-1, 0, 1, 30))) if rng.random() < 0.5 else None
    return Offer(
        id=number * 7 % 2003 + 1,
        kind=rng.choice(KINDS),
        title=typo(rng, title),
        skills=skills,
        province_code=rng.choice(PROVINCES),
        min_age=18 if hazardous else rng.choice((15, 15, 16, 17, 18, 21)),
        status=rng.choice(("published",) * 8 + ("closed", "draft")),
        closing_date=closing,
        hazardous=hazardous,
        min_education=rng.choice((None, None) + EDUCATION_ORDER),
        languages=_some(rng, LANGUAGES, 2),
    )


def day_after(days: int) -> date:
    return DAY + timedelta(days=days)
