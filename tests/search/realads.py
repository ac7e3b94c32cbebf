"""What Khmer occupation queries find among real job ads (issue 16), read at run time from
../shared/realads/benign.csv (or $REALADS_DIR) through tests/screening/realads.py and never
copied into the repository. Printed by `.venv/bin/python -m tests.search.relevance`; skipped,
with one line saying so, when the file is absent.

The ads carry no relevance labels, so each query below names the occupation with a pattern
written here, independently of the search vocabulary: an ad is "about" the occupation when its
title matches. For each query the report gives how many of those ads the search finds (in the
first 10 and in all), how many of them are written in English, and nDCG@10 against that silver
label. A spelling a Khmer writer might use (ដែរ for ដេរ, a missing ់) is asked beside the
usual one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import mean

from tests.screening.realads import BENIGN_FILE, read
from tests.search.relevance import FixtureOpening, K, load_openings, ndcg, temporary_app

# (query as typed, what the occupation is called in the ads' titles)
QUERIES: tuple[tuple[str, str], ...] = (
    ("គណនេយ្យករ", r"account|bookkeep|គណនេយ្យ"),
    ("គណនេយ្យ", r"account|bookkeep|គណនេយ្យ"),
    ("អ្នកលក់", r"\bsales?\b|seller|លក់"),
    ("អ្នកលក", r"\bsales?\b|seller|លក់"),
    ("ផ្នែកលក់", r"\bsales?\b|seller|លក់"),
    ("ទីផ្សារ", r"marketing|ទីផ្សារ"),
    ("អ្នកបើកបរ", r"driver|បើកបរ|បើកឡាន"),
    ("អ្នកបេីកបរ", r"driver|បើកបរ|បើកឡាន"),
    ("គ្រូបង្រៀន", r"teacher|instructor|tutor|គ្រូ"),
    ("គ្រូបងៀ្រន", r"teacher|instructor|tutor|គ្រូ"),
    ("អ្នកទទួលភ្ញៀវ", r"reception"),
    ("អ្នកបកប្រែ", r"translat|interpret|បកប្រែ"),
    ("អ្នកបកប្រេ", r"translat|interpret|បកប្រែ"),
    ("បេឡាករ", r"cashier|បេឡា"),
    ("សេវាអតិថិជន", r"customer (service|care|support|experience)|សេវាអតិថិជន|ថែទាំអតិថិជន"),
    ("ធនធានមនុស្ស", r"\bhr\b|human resource|talent|ធនធានមនុស្ស"),
    ("អ្នកសរសេរកម្មវិធី", r"developer|software engineer"),
    ("អ្នករចនា", r"designer|រចនា"),
    ("ជំនួយការរដ្ឋបាល", r"admin|រដ្ឋបាល"),
    ("បុគ្គលិកឃ្លាំង", r"warehouse|store ?keeper|ឃ្លាំង"),
    ("គិលានុបដ្ឋាក", r"nurse|គិលានុបដ្ឋា"),
    ("អ្នកថតរូប", r"photograph|ថតរូប"),
    ("បញ្ចូលទិន្នន័យ", r"data entry|បញ្ចូលទិន្នន័យ"),
    ("វិស្វករ", r"engineer|វិស្វករ"),
    ("លេខាធិការ", r"secretar|assistant to|លេខា"),
)
KHMER = re.compile(r"[\u1780-\u17ff]")


@dataclass(frozen=True)
class QueryFigures:
    query: str
    about: int  # ads whose title names the occupation
    about_english: int  # ...of which written with no Khmer in the title
    found: int  # ads the search returned
    found_about: int  # ads about the occupation among them
    found_about_english: int
    top_about: int  # ads about the occupation in the first K
    ndcg: float


def ads_as_openings(folder=None) -> list[FixtureOpening] | None:
    """The benign real ads as fixture openings (published, open, no pay guessed), leaving out
    the few the screening holds (they could not be published); None when the file is absent."""
    from portal.screening import HIGH, screen

    ads = read(BENIGN_FILE, folder)
    if ads is None:
        return None
    openings = []
    for n, ad in enumerate(ads):
        posting = ad.posting
        if screen(posting).level == HIGH or not posting.title.strip():
            continue
        openings.append(
            FixtureOpening(
                key=f"real{n:03d}",
                kind="job",
                title=posting.title[:200],
                organization=(posting.organization_name or f"Organization {n}")[:200],
                description=posting.description or posting.title,
                skills=posting.skills,
                province=posting.province_code or "12",
                district=None,
                salary_min=None,
                salary_max=None,
                currency=None,
                status="published",
                closing_date=None,
            )
        )
    return _unique_organizations(openings)


def _unique_organizations(openings: list[FixtureOpening]) -> list[FixtureOpening]:
    """Organization names are unique per portal: one spelling per name, case aside."""
    seen: dict[str, str] = {}
    for opening in openings:
        seen.setdefault(opening.organization.casefold(), opening.organization)
    from dataclasses import replace

    return [replace(o, organization=seen[o.organization.casefold()]) for o in openings]


def measure(folder=None) -> list[QueryFigures] | None:
    """Index the real ads in a temporary portal and run QUERIES; None when they are absent."""
    from portal import search

    openings = ads_as_openings(folder)
    if openings is None:
        return None
    titles = {o.key: o.title for o in openings}
    with temporary_app():
        key_of_id = {v: k for k, v in load_openings(openings).items()}
        figures = []
        for text, pattern in QUERIES:
            about = {k for k, t in titles.items() if re.search(pattern, t, re.IGNORECASE)}
            english = {k for k in about if not KHMER.search(titles[k])}
            result = search.query(text, search.SearchFilters(per_page=len(titles)))
            found = [key_of_id[i] for i in result.ids]
            figures.append(
                QueryFigures(
                    query=text,
                    about=len(about),
                    about_english=len(english),
                    found=len(found),
                    found_about=len(about & set(found)),
                    found_about_english=len(english & set(found)),
                    top_about=len(about & set(found[:K])),
                    ndcg=ndcg(tuple(found[:K]), frozenset(about)),
                )
            )
        return figures


def report(folder=None) -> str:
    """The figures as a table, or one line saying the real ads are not there."""
    figures = measure(folder)
    if figures is None:
        return f"Real ads: {BENIGN_FILE} not found (../shared/realads or $REALADS_DIR): skipped."
    lines = [
        "Real ads (benign.csv): Khmer occupation queries; 'about' = ads whose title names it",
        f"  {'query':<20} {'about (en)':>10} {'found':>6} {'about found (en)':>17} "
        f"{'in top 10':>9} {'nDCG@10':>8}",
    ]
    for f in figures:
        lines.append(
            f"  {f.query:<20} {f'{f.about} ({f.about_english})':>10} {f.found:>6} "
            f"{f'{f.found_about} ({f.found_about_english})':>17} {f.top_about:>9} {f.ndcg:>8.3f}"
        )
    about = sum(f.about for f in figures)
    found = sum(f.found_about for f in figures)
    english = sum(f.about_english for f in figures)
    found_english = sum(f.found_about_english for f in figures)
    lines.append(
        f"  all: {found}/{about} ads about the occupation found ({found_english}/{english} of "
        f"those in English), mean nDCG@10 {mean(f.ndcg for f in figures):.3f}"
    )
    return "\n".join(lines)
