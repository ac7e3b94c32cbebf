"""Form answers for posting an opening, as a browser would send them."""

from __future__ import annotations

from datetime import date, timedelta


def opening_payload(**overrides) -> dict:
    """A valid job posting in Phnom Penh; override any field (None removes it)."""
    data = {
        "kind": "job",
        "title": "Sewing machine operator",
        "description": "Sew shirts in a clean factory. Training on the first week.",
        "skills": "sewing, ironing, Sewing ",
        "province": "12",
        "district": "1201",
        "salary_min": "200",
        "salary_max": "250",
        "currency": "USD",
        "min_age": "18",
        "positions": "3",
        "closing_date": (date.today() + timedelta(days=20)).isoformat(),
        "ref": "",
        "fee": "0",
        "fee_currency": "USD",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def course_payload(**overrides) -> dict:
    """A valid free course in Siem Reap."""
    data = {
        "kind": "course",
        "title": "Hotel housekeeping course",
        "description": "Learn to clean and prepare hotel rooms.",
        "skills": "housekeeping",
        "province": "17",
        "district": "",
        "salary_min": "",
        "salary_max": "",
        "currency": "",
        "min_age": "16",
        "start_date": (date.today() + timedelta(days=40)).isoformat(),
        "duration_weeks": "6",
        "fee": "0",
        "fee_currency": "USD",
        "scholarship_available": "y",
    }
    data.update(overrides)
    return opening_payload(**data)
