"""A counselors' spreadsheet of many openings, for the tests and the bench that import thousands
of rows: realistic rows (English and Khmer titles, a few dozen employers, salaries in either
currency), seeded so two runs write the same file."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

COLUMNS = (
    "ref",
    "kind",
    "title",
    "organization",
    "description",
    "skills",
    "province",
    "salary_min",
    "salary_max",
    "currency",
    "closing_date",
    "positions",
)
TITLES = (
    "Sewing machine operator",
    "Motorbike mechanic",
    "Receptionist",
    "Cook",
    "Waiter",
    "Cashier",
    "Accounting assistant",
    "Electrician",
    "Driver",
    "Phone repair technician",
    "ជំនួយការចុងភៅ",
    "អ្នកលក់",
    "ជាងកាត់ដេរ",
    "អ្នកបើកបរ",
)
SKILLS = ("sewing", "cooking", "english", "computer", "customer service", "welding", "ការលក់")
PROVINCES = ("Phnom Penh", "Siem Reap", "Battambang", "Kampong Cham", "ខេត្តសៀមរាប", "Kampot")
EMPLOYERS = ("Golden Thread", "Angkor Riverside", "Mekong Motors", "Tonle Sap Foods", "Sabay")
SENTENCES = (
    "We train you on the job for two weeks.",
    "Free lunch and uniform.",
    "Salary paid every month by bank transfer.",
    "Applicants should be 18 years or older.",
    "ការងារនេះសម្រាប់យុវជនដែលចង់រៀនជំនាញថ្មី។",
)


def opening_rows(count: int, *, prefix: str = "BULK", seed: int = 18) -> list[dict[str, str]]:
    """`count` rows, refs PREFIX-1 ... PREFIX-count, spread over 40 employers."""
    rng = random.Random(seed)
    closing = date.today() + timedelta(days=60)
    rows = []
    for number in range(1, count + 1):
        low = rng.choice((150, 200, 250, 300))
        rows.append(
            {
                "ref": f"{prefix}-{number}",
                "kind": rng.choice(("job", "job", "job", "internship")),
                "title": rng.choice(TITLES),
                "organization": f"{rng.choice(EMPLOYERS)} {number % 8 + 1}",
                "description": " ".join(rng.sample(SENTENCES, 3)),
                "skills": ";".join(rng.sample(SKILLS, 2)),
                "province": rng.choice(PROVINCES),
                "salary_min": str(low),
                "salary_max": str(low + 50),
                "currency": "USD",
                "closing_date": closing.isoformat(),
                "positions": str(rng.randint(1, 20)),
            }
        )
    return rows


def write_openings_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """The rows as a CSV file, as Excel saves it (UTF-8 with a byte-order mark)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path
