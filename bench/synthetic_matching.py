"""Synthetic openings and youth for the matching bench, as matching sees them (Offer, Candidate).

Openings reuse the search bench's (bench/synthetic.py: titles in English, Khmer and both, skills,
provinces where work is) and add what matching reads: minimum age, hazardous work, school level,
languages. All of them are published and open on the bench's day, so the index holds them all.
Young people live where Cambodians live (the 2019 census, by province), are 15 to 30 on the day,
and write their skills as they come: trades, words from openings, Khmer, typing mistakes.
Seeded, so two runs make the same data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.synthetic import SKILLS, TITLES_EN, TITLES_KH, opening_documents
from portal.matching import Candidate, Offer

DAY = date(2026, 11, 1)
# Population by province code, thousands (General Population Census of Cambodia 2019).
POPULATION = {
    "01": 861, "02": 997, "03": 896, "04": 525, "05": 877, "06": 677, "07": 593, "08": 1196,
    "09": 124, "10": 373, "11": 92, "12": 2282, "13": 254, "14": 1058, "15": 411, "16": 204,
    "17": 1006, "18": 311, "19": 160, "20": 525, "21": 900, "22": 276, "23": 42, "24": 72,
    "25": 776,
}  # fmt: skip
# What young people write that is not an opening's word for word.
TRADES = (
    "motorbike repair",
    "repair motorbike",
    "phone repair",
    "sewing machine",
    "garment",
    "hair dressing",
    "nail painting",
    "electrical wiring",
    "car wash",
    "farming",
    "rice farming",
    "fishing",
    "construction",
    "painting walls",
    "driving",
    "motorbike driving",
    "selling",
    "shop keeping",
    "coffee making",
    "serving food",
    "cleaning rooms",
    "caring for children",
    "typing",
    "microsoft word",
    "facebook marketing",
    "ជួសជុលម៉ូតូ",
    "ជួសជុលទូរស័ព្ទ",
    "កសិកម្ម",
    "ការលក់ដូរ",
)
LEVELS = (
    ("none", 8),
    ("primary", 25),
    ("lower_secondary", 30),
    ("upper_secondary", 22),
    ("vocational", 8),
    ("university", 7),
)
KINDS = ("job", "internship", "course")
CITIES = ("12", "17", "02", "18", "08")  # where young people go for work


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def typo(rng: random.Random, text: str) -> str:
    """One typing mistake in a Latin word of `text` (Khmer left as typed)."""
    words = text.split()
    i = rng.randrange(len(words))
    word = words[i]
    if len(word) < 4 or not word.isascii():
        return text
    j = rng.randrange(1, len(word) - 1)
    words[i] = rng.choice(
        (
            word[:j] + word[j + 1 :],
            word[:j] + word[j + 1] + word[j] + word[j + 2 :],
            word[:j] + rng.choice("aeiourstn") + word[j + 1 :],
        )
    )
    return " ".join(words)


def offers(n: int, seed: int = 7) -> list[Offer]:
    """`n` openings, all published and open on DAY."""
    rng = random.Random(seed + 1)
    return [_offer(rng, document) for document in opening_documents(n, seed=seed)]


def _offer(rng: random.Random, document: dict) -> Offer:
    roll = rng.random()
    hazardous = roll < 0.05  # construction, chemicals, night security: adults only
    min_age = 18 if roll < 0.15 else rng.choice((15, 15, 16))
    closing = DAY + timedelta(days=rng.randint(0, 90)) if rng.random() < 0.9 else None
    languages = _weighted(rng, (((), 60), (("km",), 10), (("en",), 25), (("en", "zh"), 5)))
    return Offer(
        id=int(document["id"]),
        kind=document["kind"],
        title=document["title"],
        skills=tuple(document["skills"].split(" ; ")),
        province_code=document["province"],
        min_age=min_age,
        status="published",
        closing_date=closing,
        hazardous=hazardous,
        min_education=None if rng.random() < 0.6 else _weighted(rng, LEVELS[1:]),
        languages=languages,
    )


def candidates(n: int, seed: int = 11) -> list[Candidate]:
    """`n` young people aged 15 to 30 on DAY, living where Cambodians live."""
    rng = random.Random(seed)
    return [_candidate(rng, number) for number in range(1, n + 1)]


def _skill(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        text = rng.choice(SKILLS)
    elif roll < 0.65:
        text = rng.choice(TRADES)
    elif roll < 0.85:
        text = rng.choice(TITLES_EN).lower()
    else:
        text = rng.choice(TITLES_KH)
    return typo(rng, text) if rng.random() < 0.15 else text


def _candidate(rng: random.Random, number: int) -> Candidate:
    province = _weighted(rng, POPULATION.items())
    work = (
        rng.sample(("12", "17", "02", "18", "08"), rng.randint(1, 2)) if rng.random() < 0.3 else ()
    )
    wanted = rng.sample(KINDS, rng.randint(1, 2)) if rng.random() < 0.6 else ()
    languages = (
        ("km",) + (("en",) if rng.random() < 0.3 else ()) + (("zh",) * (rng.random() < 0.03))
    )
    return Candidate(
        id=number,
        skills=tuple(_skill(rng) for _ in range(rng.randint(0, 4))),
        province_code=province,
        work_provinces=tuple(code for code in work if code != province),
        wanted_kinds=tuple(wanted),
        education_level=_weighted(rng, LEVELS),
        languages=languages,
        date_of_birth=DAY - timedelta(days=rng.randint(15 * 365 + 4, 31 * 365 - 1)),
        consent=rng.random() < 0.6,
    )


def center_of(candidate: Candidate) -> int:
    """A made-up youth center for each person: two per province."""
    return int(candidate.province_code) * 2 + candidate.id % 2
