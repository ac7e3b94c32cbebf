"""`flask openings import`: openings from a counselor's spreadsheet, created or updated by
(organization, ref) and published. The machinery is in portal/csvimport.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from portal import search
from portal.csvimport import (
    ImportSummary,
    Outcome,
    Row,
    RowError,
    check_length,
    parse_choice,
    parse_date,
    parse_district,
    parse_each,
    parse_list,
    parse_province,
    parse_whole_number,
)
from portal.csvimport.words import parse_education_level, parse_kind
from portal.extensions import db
from portal.jobs.models import (
    MIN_HAZARDOUS_AGE,
    MIN_WORKING_AGE,
    Currency,
    Opening,
    OpeningKind,
    OpeningStatus,
)
from portal.jobs.services import ScreeningHold, hold_if_unsafe, publish, submit_for_review
from portal.orgs.models import Organization, OrgKind
from portal.orgs.services import find_organization
from portal.screening.openings import CAMBODIA, screen_opening

CURRENCY_WORDS = {
    **dict.fromkeys(["usd", "us$", "$", "dollar", "dollars", "ដុល្លារ"], Currency.USD),
    **dict.fromkeys(["khr", "៛", "riel", "riels", "រៀល"], Currency.KHR),
}
YES_NO_WORDS = {
    **dict.fromkeys(["yes", "y", "1", "true", "បាទ", "ចាស", "មែន"], "yes"),
    **dict.fromkeys(["no", "n", "0", "false", "ទេ", "អត់", "មិនមែន"], "no"),
}
# The languages an opening may need (the youth profile's codes), by code and by name.
LANGUAGE_WORDS = {
    **{code: code for code in ("km", "en", "th", "zh", "ko", "ja", "vi", "fr")},
    **dict.fromkeys(["khmer", "cambodian", "ខ្មែរ", "ភាសាខ្មែរ"], "km"),
    **dict.fromkeys(["english", "អង់គ្លេស", "ភាសាអង់គ្លេស"], "en"),
    **dict.fromkeys(["thai", "ថៃ", "ភាសាថៃ"], "th"),
    **dict.fromkeys(["chinese", "mandarin", "ចិន", "ភាសាចិន"], "zh"),
    **dict.fromkeys(["korean", "កូរ៉េ", "ភាសាកូរ៉េ"], "ko"),
    **dict.fromkeys(["japanese", "ជប៉ុន", "ភាសាជប៉ុន"], "ja"),
    **dict.fromkeys(["vietnamese", "វៀតណាម", "ភាសាវៀតណាម"], "vi"),
    **dict.fromkeys(["french", "បារាំង", "ភាសាបារាំង"], "fr"),
}
MIN_COURSE_AGE = 12  # the lowest minimum age the database accepts; jobs need MIN_WORKING_AGE
MAX_MIN_AGE = 65
# Statuses an import leaves alone: a counselor closed or sent back the opening on purpose.
KEPT_STATUSES = {OpeningStatus.CLOSED, OpeningStatus.REJECTED}


def parse_currency(text: str) -> Currency:
    return Currency(parse_choice(text, CURRENCY_WORDS, _("currency"), _("USD or KHR")))


def parse_yes_no(text: str) -> bool:
    return parse_choice(text, YES_NO_WORDS, _("yes or no answer"), _("yes or no (1 or 0)")) == "yes"


def parse_language(text: str) -> str:
    expected = _("a code like km, en, th, zh, ko, ja, vi, fr")
    return parse_choice(text, LANGUAGE_WORDS, _("language"), expected)


def parse_money(text: str) -> tuple[int, Currency | None]:
    """'1,200,000', '$250.00', '800000 ៛' -> the amount and the currency its symbol names."""
    symbol = re.sub(r"[\d០-៩,.\s\u00a0]", "", text).casefold()
    digits = re.sub(r"[^\d០-៩,.\s\u00a0]", "", text)
    if (symbol and symbol not in CURRENCY_WORDS) or not re.search(r"[\d០-៩]", digits):
        raise RowError(
            _("'%(text)s' is not an amount of money. Write it like 1,200,000.", text=text)
        )
    return parse_whole_number(digits), CURRENCY_WORDS.get(symbol)


@dataclass
class OpeningRow:
    line: int
    organization: str
    ref: str
    fields: dict[str, Any]


class OpeningImporter:
    required_columns = ("ref", "kind", "title", "organization", "province")
    optional_columns = (
        "description",
        "skills",
        "district",
        "salary_min",
        "salary_max",
        "currency",
        "min_age",
        "closing_date",
        "positions",
        "hazardous",
        "min_education",
        "languages",
        "work_country",
    )

    def parse(self, row: Row) -> OpeningRow:
        organization = row.value(
            "organization", lambda t: check_length(t, 200, "organization"), required=True
        )
        ref = row.value("ref", lambda t: check_length(t, 60, "ref"), required=True)
        fields = {
            "kind": row.value("kind", parse_kind, required=True),
            "title": row.value("title", lambda t: check_length(t, 200, "title"), required=True),
            "description": row.value("description") or "",
            "skills": row.value("skills", parse_list, default=[]),
            "positions": row.value("positions", _parse_positions, default=1),
            "closing_date": row.value("closing_date", _parse_closing_date),
            "hazardous": row.value("hazardous", parse_yes_no, default=False),
            "min_education": row.value("min_education", parse_education_level),
            "languages": row.value("languages", parse_each(parse_language), default=[]),
            **_work_country(row),
        }
        fields["min_age"] = _min_age(row, fields["kind"], hazardous=fields["hazardous"])
        fields.update(_place(row))
        fields.update(_pay(row))
        row.check()
        return OpeningRow(row.line, " ".join(organization.split()), ref, fields)

    def key(self, item: OpeningRow) -> tuple[str, str]:
        return item.organization.casefold(), item.ref

    def describe(self, item: OpeningRow) -> str:
        return _describe(item)

    def save(self, item: OpeningRow, summary: ImportSummary) -> Outcome:
        organization = find_organization(item.organization) or _new_organization(item, summary)
        opening = db.session.scalar(
            select(Opening).where(
                Opening.organization_id == organization.id, Opening.ref == item.ref
            )
        )
        outcome: Outcome = "updated" if opening else "created"
        if opening is None:
            opening = Opening(organization=organization, ref=item.ref)
            db.session.add(opening)
        for name, value in item.fields.items():
            setattr(opening, name, value)
        if opening.kind != OpeningKind.COURSE:
            opening.course = None  # only courses have course details
        _publish(opening, item, summary)
        db.session.flush()  # a new opening gets the id the search index needs
        search.index(opening)  # also an update of an opening that stays published
        return outcome


def _describe(item: OpeningRow) -> str:
    return _("Opening %(ref)s of %(organization)s", ref=item.ref, organization=item.organization)


def _parse_positions(text: str) -> int:
    positions = parse_whole_number(text)
    if positions < 1:
        raise RowError(_("Positions must be 1 or more."))
    return positions


def _parse_closing_date(text: str) -> date:
    closing = parse_date(text)
    if closing < date.today():
        raise RowError(_("The closing date %(date)s has already passed.", date=closing))
    return closing


def _min_age(row: Row, kind: OpeningKind | None, *, hazardous: bool) -> int:
    """Jobs and internships follow the Labour Law (15 and over, hazardous work 18 and over);
    courses may start younger. A hazardous opening without a minimum age is for 18 and over."""
    default = MIN_HAZARDOUS_AGE if hazardous else MIN_WORKING_AGE
    age = row.value("min_age", parse_whole_number, default=default)
    lowest = MIN_COURSE_AGE if kind == OpeningKind.COURSE else MIN_WORKING_AGE
    if hazardous:
        lowest = MIN_HAZARDOUS_AGE
    if not lowest <= age <= MAX_MIN_AGE:
        row.errors.append(
            _("The minimum age must be from %(low)s to %(high)s.", low=lowest, high=MAX_MIN_AGE)
        )
    return age


def _place(row: Row) -> dict[str, str | None]:
    province = row.value("province", parse_province, required=True)
    district = None
    if province:
        district = row.value("district", lambda text: parse_district(text, province))
    return {"province_code": province, "district_code": district}


def _pay(row: Row) -> dict[str, Any]:
    """Salary range and currency: a symbol in an amount counts as the currency, if it agrees."""
    low, low_currency = row.value("salary_min", parse_money, default=(None, None))
    high, high_currency = row.value("salary_max", parse_money, default=(None, None))
    named = row.value("currency", parse_currency)
    currencies = {c for c in (named, low_currency, high_currency) if c}
    if len(currencies) > 1:
        row.errors.append(_("The salary is written in two currencies: use USD or KHR, not both."))
    elif not currencies and (low is not None or high is not None):
        row.errors.append(_("Say the currency of the salary: USD or KHR."))
    if low is not None and high is not None and low > high:
        row.errors.append(_("salary_min is more than salary_max."))
    return {
        "salary_min": low,
        "salary_max": high,
        "currency": currencies.pop() if len(currencies) == 1 else None,
    }


def _new_organization(item: OpeningRow, summary: ImportSummary) -> Organization:
    """An organization the counselors' file names but Phlov does not know yet: unverified."""
    organization = Organization(
        name=item.organization, kind=OrgKind.EMPLOYER, province_code=item.fields["province_code"]
    )
    db.session.add(organization)
    db.session.flush()
    if summary.dry_run:
        message = _("New organization %(name)s would be added.", name=item.organization)
    else:
        message = _(
            "New organization %(name)s was added as an employer, not verified yet. "
            "Check it on the website.",
            name=item.organization,
        )
    summary.note(message)
    return organization


def _work_country(row: Row) -> dict[str, Any]:
    """A country other than Cambodia in work_country: the work is abroad."""
    country = " ".join((row.value("work_country") or "").split())[:60] or None
    return {
        "work_country": country,
        "work_abroad": bool(country and country.casefold() not in CAMBODIA),
    }


def _publish(opening: Opening, item: OpeningRow, summary: ImportSummary) -> None:
    """Publish the row's opening unless the screening holds it (then it waits for a counselor
    and the summary says why); leave alone what a counselor closed or sent back. `publish`
    screens the opening and decides (the one door): a good row is screened once."""
    if opening.status == OpeningStatus.PUBLISHED:
        if hold_if_unsafe(opening, by=None):
            _note_flagged(opening, item, summary)
        return
    if opening.status in KEPT_STATUSES:
        screen_opening(opening)
        summary.note(
            _(
                "line %(line)s: %(what)s is %(status)s; it was updated but not published again.",
                line=item.line,
                what=_describe(item),
                status=opening.status.value,
            )
        )
        return
    try:
        publish(opening, by=None, reason=f"CSV import {summary.file_name}")
    except ScreeningHold:
        if opening.status != OpeningStatus.PENDING_REVIEW:
            submit_for_review(opening, by=None)
        _note_flagged(opening, item, summary)


def _note_flagged(opening: Opening, item: OpeningRow, summary: ImportSummary) -> None:
    """The row's line, level and reasons, in the summary the counselor reads."""
    reasons = "; ".join(
        f"{reason['name']} ({reason['matched_text']})" for reason in opening.screening_reasons
    )
    summary.note(
        _(
            "line %(line)s: %(what)s has warning signs (%(level)s): %(reasons)s. "
            "It is not published: it waits for a counselor in the review queue.",
            line=item.line,
            what=_describe(item),
            level=opening.screening_level.value,
            reasons=reasons,
        )
    )
