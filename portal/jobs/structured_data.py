"""schema.org `JobPosting` of a public opening, so that search engines can list it.

Only what the public page already shows, of an opening the public may see: never a pending,
held, hidden or closed opening (`job_posting` answers None), never a person's data, never the
employer's contact. `json_ld` writes it as Jinja's `tojson` does, escaping `<`, `>`, `&` and `'`,
so a title such as `</script><script>` stays inside its JSON-LD block, but keeps Khmer as UTF-8
(a third of the bytes of `\\u17xx` escapes)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from portal.jobs.access import is_public
from portal.jobs.models import Opening, OpeningKind
from portal.places import district_name, province_name
from portal.web import absolute_url

CAMBODIA = timezone(timedelta(hours=7), "ICT")
# schema.org employmentType: an internship is INTERN; a job's hours are not asked when posting,
# so OTHER rather than a guess. Courses are training, not jobs: no JobPosting.
EMPLOYMENT_TYPES = {OpeningKind.JOB: "OTHER", OpeningKind.INTERNSHIP: "INTERN"}


def job_posting(opening: Opening, today: date | None = None) -> dict | None:
    """The JSON-LD object of `opening`, or None when it must not be advertised."""
    if opening.kind not in EMPLOYMENT_TYPES or not is_public(opening, today):
        return None
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opening.title,
        "description": opening.description or opening.title,
        "identifier": {
            "@type": "PropertyValue",
            "name": opening.organization.name,
            "value": opening.ref,
        },
        "datePosted": (opening.published_at or opening.created_at).date().isoformat(),
        "employmentType": EMPLOYMENT_TYPES[opening.kind],
        "hiringOrganization": _organization(opening),
        "jobLocation": _place(opening),
        "url": absolute_url("jobs.detail", opening_id=opening.id),
        "directApply": True,
    }
    if opening.closing_date:
        posting["validThrough"] = _end_of_day(opening.closing_date)
    if salary := _salary(opening):
        posting["baseSalary"] = salary
    return posting


def json_ld(opening: Opening) -> Markup | None:
    """The text of the page's `<script type="application/ld+json">`, or None."""
    posting = job_posting(opening)
    return None if posting is None else htmlsafe_json_dumps(posting, ensure_ascii=False)


def _organization(opening: Opening) -> dict:
    return {
        "@type": "Organization",
        "name": opening.organization.name,
        "sameAs": absolute_url("orgs.show", organization_id=opening.organization_id),
    }


def _place(opening: Opening) -> dict:
    address = {
        "@type": "PostalAddress",
        "addressRegion": province_name(opening.province_code, "en"),
        "addressCountry": "KH",
    }
    if opening.district_code:
        address["addressLocality"] = district_name(opening.district_code, "en")
    return {"@type": "Place", "address": address}


def _salary(opening: Opening) -> dict | None:
    """Pay per month, when the opening gives it (an amount or a range)."""
    low, high = opening.salary_min, opening.salary_max
    if low is None and high is None:
        return None
    value: dict = {"@type": "QuantitativeValue", "unitText": "MONTH"}
    if low is None or high is None or low == high:
        value["value"] = low if high is None else high
    else:
        value["minValue"], value["maxValue"] = low, high
    currency = opening.currency.value if opening.currency else "USD"
    return {"@type": "MonetaryAmount", "currency": currency, "value": value}


def _end_of_day(day: date) -> str:
    """The last second of the closing day, in Cambodian time."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=CAMBODIA).isoformat()
