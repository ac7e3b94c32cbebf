"""Real job-ad text nobody on the project wrote, read at run time from ../shared/realads/
(or $REALADS_DIR) and never copied into the repository: `benign.csv` (ads from Cambodian job
boards) and `lures_from_reports.csv` (what real recruiters' lures promised, from news and NGO
reports). Each row becomes a `Posting` as an employer's form would give it: title, organization,
description, skills, the province when the location names one, a monthly USD salary when the
text gives one plainly. Nothing else is guessed (no "abroad" from the location: a lure's
location often says where it ended, not what the ad claimed).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from portal.places import UnknownPlace, resolve_province
from portal.screening import Posting

BENIGN_FILE = "benign.csv"
LURES_FILE = "lures_from_reports.csv"
USD_AMOUNT = re.compile(r"(?:us\s?\$|\$|usd)\s?(\d{1,3}(?:[,.]\d{3})+|\d+)", re.IGNORECASE)
NOT_MONTHLY = re.compile(r"\b(?:day|daily|hour|hourly|week|weekly|year|yearly|annual)\b", re.I)
PLAUSIBLE_MONTHLY_USD = range(50, 20_001)


@dataclass(frozen=True)
class RealAd:
    """One row: where it came from (`source`: board or report, and its address) and the posting."""

    source: str
    language: str
    posting: Posting


def realads_dir() -> Path:
    """$REALADS_DIR, else ../shared/realads beside the repository."""
    configured = os.environ.get("REALADS_DIR")
    return (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[3] / "shared" / "realads"
    )


def read(name: str, folder: Path | None = None) -> list[RealAd] | None:
    """The rows of `name` in the real-ads folder as postings; None when the file is absent."""
    path = (folder or realads_dir()) / name
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return [_real_ad(row) for row in csv.DictReader(f)]


def _real_ad(row: dict[str, str]) -> RealAd:
    salary = monthly_usd(row.get("salary_text", ""))
    posting = Posting(
        title=row.get("title", ""),
        description=row.get("description", ""),
        skills=tuple(s.strip() for s in re.split(r"[,;\n]", row.get("skills", "")) if s.strip()),
        province_code=province_code(row.get("province_or_location", "")),
        salary_min=salary[0] if salary else None,
        salary_max=salary[1] if salary else None,
        currency="USD" if salary else None,
        organization_name=row.get("organization", ""),
    )
    return RealAd(source=row.get("source", ""), language=row.get("language", ""), posting=posting)


def province_code(location: str) -> str | None:
    """The province a location names ("Siemreap Province", "Sen Sok, Phnom Penh, Cambodia"),
    trying the whole text, then each comma-separated part from the last; None if none does."""
    parts = [location] + [part for part in reversed(location.split(",")) if part.strip()]
    for part in parts:
        text = re.sub(r"\b(province|cambodia)\b", "", part, flags=re.IGNORECASE).strip()
        if not text:
            continue
        try:
            return resolve_province(text).code
        except UnknownPlace:
            continue
    return None


def monthly_usd(salary_text: str) -> tuple[int, int] | None:
    """(min, max) of a plain monthly dollar salary ("$400 ~ $600", "USD 900"); None when there
    is none, or it is by the day, hour, week or year, or out of any plausible monthly range."""
    if NOT_MONTHLY.search(salary_text):
        return None
    amounts = [int(re.sub(r"[,.]", "", m)) for m in USD_AMOUNT.findall(salary_text)][:2]
    if not amounts or not all(a in PLAUSIBLE_MONTHLY_USD for a in amounts):
        return None
    return min(amounts), max(amounts)
