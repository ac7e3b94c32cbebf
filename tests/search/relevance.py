"""The labelled relevance set of the search, and precision@10 over it.

Data (tests/search/data/):
- `openings.csv`: realistic openings in English, Khmer and both, in every sector and province, with
  near-duplicates (the same job in two provinces, a mechanic and a spare-parts seller) and some
  closed or expired ones (expired = published with a closing date before `TODAY`).
- `queries.csv`: what young people and counselors type, each with the `key`s of ALL the open
  openings a counselor would want them to see (`;`-separated), in one `group` (see GROUPS).

Use in a test (inside an app context, empty database):
    ids = load_openings()
    report = precision_at_10(portal_search, read_queries(), {v: k for k, v in ids.items()})

Or print the report of the current engine on a temporary app and database:
    .venv/bin/python -m tests.search.relevance [--worst 25]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from statistics import mean

DATA_DIR = Path(__file__).parent / "data"
OPENINGS_FILE = DATA_DIR / "openings.csv"
QUERIES_FILE = DATA_DIR / "queries.csv"
TODAY = date(2026, 11, 25)  # the day the fixture's closing dates are judged on
K = 10
GROUPS = (
    "exact",
    "typo",
    "province_text",
    "province_param",
    "khmer",
    "cross_language",
    "vocabulary",
)


@dataclass(frozen=True)
class FixtureOpening:
    key: str
    kind: str
    title: str
    organization: str
    description: str
    skills: tuple[str, ...]
    province: str
    district: str | None
    salary_min: int | None
    salary_max: int | None
    currency: str | None
    status: str  # published | closed
    closing_date: date | None

    def is_open(self, today: date = TODAY) -> bool:
        """Shown to young people: published and not past its closing date."""
        if self.status != "published":
            return False
        return self.closing_date is None or self.closing_date >= today


@dataclass(frozen=True)
class LabelledQuery:
    query: str
    province_param: str
    kind_param: str
    group: str
    relevant: frozenset[str]


def _number(text: str) -> int | None:
    return int(text) if text.strip() else None


def read_openings(path: Path = OPENINGS_FILE) -> list[FixtureOpening]:
    """The fixture openings, in file order."""
    with open(path, encoding="utf-8", newline="") as f:
        return [
            FixtureOpening(
                key=row["key"],
                kind=row["kind"],
                title=row["title"],
                organization=row["organization"],
                description=row["description"],
                skills=tuple(s.strip() for s in row["skills"].split(";") if s.strip()),
                province=row["province"],
                district=row["district"] or None,
                salary_min=_number(row["salary_min"]),
                salary_max=_number(row["salary_max"]),
                currency=row["currency"] or None,
                status=row["status"],
                closing_date=date.fromisoformat(row["closing_date"])
                if row["closing_date"]
                else None,
            )
            for row in csv.DictReader(f)
        ]


def read_queries(path: Path = QUERIES_FILE) -> list[LabelledQuery]:
    """The labelled queries, in file order."""
    with open(path, encoding="utf-8", newline="") as f:
        return [
            LabelledQuery(
                query=row["query"],
                province_param=row["province_param"],
                kind_param=row["kind_param"],
                group=row["group"],
                relevant=frozenset(k.strip() for k in row["relevant"].split(";") if k.strip()),
            )
            for row in csv.DictReader(f)
        ]


def load_openings(openings: Iterable[FixtureOpening] | None = None) -> dict[str, int]:
    """Create the fixture openings in the app's database through the services, the way real
    openings arrive (organizations created as needed; published with `publish`, closed with
    `close`; expired ones keep their past closing date) and commit once.

    Needs an app context and a database without these organizations. Returns {key: opening id}."""
    from portal.extensions import db, utcnow
    from portal.jobs.models import Currency, Opening, OpeningKind, OpeningStatus
    from portal.jobs.services import close, publish
    from portal.orgs.models import Organization, OrgKind

    openings = list(read_openings() if openings is None else openings)
    reviewer = _fixture_reviewer()
    course_givers = {o.organization for o in openings if o.kind == "course"}
    organizations: dict[str, Organization] = {}
    created: dict[str, Opening] = {}
    for item in openings:
        org = organizations.get(item.organization)
        if org is None:
            org = Organization(
                name=item.organization,
                kind=OrgKind.TRAINING_PROVIDER
                if item.organization in course_givers
                else OrgKind.EMPLOYER,
                province_code=item.province,
                verified_at=utcnow(),
            )
            organizations[item.organization] = org
            db.session.add(org)
        opening = Opening(
            organization=org,
            ref=item.key.upper(),
            kind=OpeningKind(item.kind),
            title=item.title,
            description=item.description,
            skills=list(item.skills),
            province_code=item.province,
            district_code=item.district,
            salary_min=item.salary_min,
            salary_max=item.salary_max,
            currency=Currency(item.currency) if item.currency else None,
            closing_date=item.closing_date,
            status=OpeningStatus.DRAFT,
            min_age=15 if item.kind == "course" else 18,  # jobs for adults: night shifts, sites
        )
        db.session.add(opening)
        db.session.flush()  # an id before the services (and the search hooks) see it
        # A counselor checked the warning signs of the few "review" ones (a shop named
        # "Pretty Nails", a Facebook page to follow), as one would before they are public.
        publish(opening, by=reviewer, reason="relevance fixture", confirmed_warnings=True)
        if item.status == "closed":
            close(opening, by=None, reason="relevance fixture")
        created[item.key] = opening
    db.session.commit()
    return {key: opening.id for key, opening in created.items()}


def _fixture_reviewer():
    """The counselor who approves the fixture's openings (screening: see portal/jobs/services)."""
    from portal.auth.models import Role
    from portal.auth.services import create_user
    from portal.centers.models import Center
    from portal.extensions import db

    center = Center(name="Relevance fixture center", province_code="12")
    db.session.add(center)
    db.session.flush()
    return create_user(
        role=Role.COUNSELOR,
        password="relevance-fixture-9",
        email="relevance-reviewer@example.org",
        center_id=center.id,
    )


@dataclass(frozen=True)
class QueryScore:
    query: LabelledQuery
    precision: float
    top_keys: tuple[str, ...]  # the keys of the first K results, best first ("?" if unknown)

    @property
    def missed(self) -> list[str]:
        """Relevant openings not in the first K (only as many as could have fitted)."""
        return sorted(self.query.relevant - set(self.top_keys))

    @property
    def wrong(self) -> list[str]:
        """Results in the first K that are not relevant."""
        return [key for key in self.top_keys if key not in self.query.relevant]


@dataclass
class RelevanceReport:
    scores: list[QueryScore]
    overall: float = 0.0
    by_group: dict[str, float] = field(default_factory=dict)

    def worst(self, n: int = 20) -> list[QueryScore]:
        return sorted(self.scores, key=lambda s: (s.precision, s.query.group))[:n]

    def table(self, worst: int = 20) -> str:
        """Overall and per-group P@10, then the `worst` queries with what went wrong."""
        lines = [f"P@{K} overall {self.overall:.3f} over {len(self.scores)} queries"]
        for group, value in self.by_group.items():
            count = sum(1 for s in self.scores if s.query.group == group)
            lines.append(f"  {group:<15} {value:.3f}  ({count} queries)")
        lines.append(f"Worst {worst}:")
        lines.append(f"  {'P@10':>5}  {'group':<15} {'query':<40} missed / wrong")
        for score in self.worst(worst):
            q = score.query
            label = q.query + (f"  [province={q.province_param}]" if q.province_param else "")
            label += f"  [kind={q.kind_param}]" if q.kind_param else ""
            missed = ",".join(score.missed[:6]) or "-"
            wrong = ",".join(score.wrong[:6]) or "-"
            scored = f"  {score.precision:>5.2f}  {q.group:<15} {label:<40}"
            lines.append(f"{scored} missed {missed} / wrong {wrong}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def score_query(query: LabelledQuery, result_keys: list[str]) -> QueryScore:
    """P@K of one query: relevant results in the first K / min(K, number relevant)."""
    top = tuple(result_keys[:K])
    hits = len(set(top) & query.relevant)
    return QueryScore(query, hits / min(K, len(query.relevant)), top)


def precision_at_10(
    search_fn: Callable[[LabelledQuery], list[int]],
    queries: Iterable[LabelledQuery],
    key_of_id: Mapping[int, str],
) -> RelevanceReport:
    """Run every query through `search_fn` (opening ids, best first) and score it."""
    scores = [score_query(q, [key_of_id.get(i, "?") for i in search_fn(q)[:K]]) for q in queries]
    by_group = {
        group: mean(s.precision for s in scores if s.query.group == group)
        for group in GROUPS
        if any(s.query.group == group for s in scores)
    }
    overall = mean(s.precision for s in scores) if scores else 0.0
    return RelevanceReport(scores, overall, by_group)


def portal_search(query: LabelledQuery) -> list[int]:
    """The portal's search as a young person uses it: the province parameter in any spelling
    (resolved as the search page does), the kind filter, the first page of K results."""
    from portal import search
    from portal.places import resolve_province

    province = resolve_province(query.province_param).code if query.province_param else None
    filters = search.SearchFilters(
        kind=query.kind_param or None, province=province, per_page=K, today=TODAY
    )
    return search.query(query.query, filters).ids


def measure(search_fn: Callable[[LabelledQuery], list[int]] = portal_search) -> RelevanceReport:
    """Load the fixture into a temporary app and database and score `search_fn` on it."""
    import tempfile

    from flask_migrate import upgrade

    from portal import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": tmp,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/relevance.db",
                "SEARCH_INDEX_DIR": f"{tmp}/search-index",
                "SECRET_KEY": "relevance",
            }
        )
        with app.app_context():
            upgrade()
            ids = load_openings()
            return precision_at_10(search_fn, read_queries(), {v: k for k, v in ids.items()})


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    worst = int(argv[argv.index("--worst") + 1]) if "--worst" in argv else 25
    print(measure().table(worst=worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
