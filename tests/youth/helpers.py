"""Data a young person or a counselor would type into the youth forms."""

from __future__ import annotations

from datetime import date


def years_ago(years: int, days: int = 0, today: date | None = None) -> date:
    """The date `years` years before today (28 February for a 29 February), minus `days`."""
    from datetime import timedelta

    today = today or date.today()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return day - timedelta(days=days)


def signup_data(**overrides) -> dict:
    data = {
        "full_name": "Sok Dara",
        "phone": "+855 12 345 678",
        "email": "",
        "password": "my-secret-9",
        "confirm": "my-secret-9",
        "gender": "female",
        "date_of_birth": years_ago(19).isoformat(),
        "province_code": "12",
        "consent": "y",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def profile_data(**overrides) -> dict:
    """A complete profile form; lists are sent as repeated fields, as a browser does."""
    data = {
        "full_name": "Chan Sreymom",
        "gender": "female",
        "date_of_birth": years_ago(20).isoformat(),
        "phone": "097 123 4567",
        "province_code": "17",
        "district_code": "",
        "education_level": "lower_secondary",
        "skills": "sewing, cooking",
        "languages": ["km"],
        "wanted_kinds": ["job"],
        "work_provinces": ["17"],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
