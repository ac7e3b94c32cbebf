"""Facts the rules may need, computed from the fields and from the cue rows of rules.csv.

A fact holds when its name is in the dict; its value is the spans that show it (words of the text,
or a field's value). Cue rows of rules.csv (`cue:abroad`, `cue:night_work`, ...) add their matches
to the fact of that name; the fields add theirs here. Facts a `check` row or a `needs` may name:

- abroad: the work is outside Cambodia (the flag, the country, or the text says so)
- licensed: the organization is a licensed recruitment agency (only from the field)
- hazardous: hazardous work (the field, or `cue:hazardous`)
- night_work: night work (the field when given, else `cue:night_work`)
- minor: the youngest age the posting accepts (stated in the text, else min_age) is under 18, or
  the text says it takes teenagers
- minor_stated: the text itself says it takes people under 18 (an age or "teenagers"); the form's
  min_age alone (15 by default, the law's working age) is a weaker sign than words written for it
- risk_declared: the posting's own fields say the work is hazardous or at night (not only words
  of the text, which may speak of the company's other trades)
- abroad_declared: the posting's own fields say the work is abroad (a licensed agency's job abroad
  open from the form's working age is for review, not held)
- pay_above_norm: the pay is more than PAY_RATIO times the usual top pay for that kind of work
- formal_contact: an address or a company e-mail/office (the organization's address, or cues)
- course: the opening is a course (courses may charge fees)
"""

from __future__ import annotations

from portal.screening.rules import Rule, pay_norms
from portal.screening.text import (
    AMOUNT,
    NOT_PAY,
    STATED_AGE,
    TEENS,
    Folded,
    amount_value,
)
from portal.screening.types import Posting, Span

__all__ = ["FACTS", "facts"]

FACTS = (  # computed here; cue rows of rules.csv add more names
    "abroad",
    "licensed",
    "hazardous",
    "night_work",
    "minor",
    "minor_stated",
    "risk_declared",
    "abroad_declared",
    "pay_above_norm",
    "formal_contact",
    "course",
)

ADULT_AGE = 18
PAY_RATIO = 2.5  # "far above the market": more than this times the usual top pay
KHR_PER_USD = 4100
DAILY_BELOW = 60  # a salary field under this many dollars is a daily rate
WORK_DAYS_A_MONTH = 26
WEEKS_A_MONTH = 4.3
PAY_FIELDS = ("title", "skills")  # what says the kind of work, before the description


def facts(posting: Posting, texts: list[Folded], hits: dict[Rule, list[Span]]) -> dict:
    """Every fact that holds for `posting` and the spans that show it."""
    found: dict[str, list[Span]] = {}
    for rule, spans in hits.items():
        if rule.cue:
            found.setdefault(rule.cue, []).extend(spans)
    _field_facts(posting, found)
    minor = _minor(posting, texts)
    if minor:
        found["minor"] = minor
        if any(span.field != "min_age" for span in minor):
            found["minor_stated"] = minor
    pay = _pay_above_norm(posting, texts)
    if pay:
        found["pay_above_norm"] = pay
    return {name: tuple(spans) for name, spans in found.items()}


def _field_facts(posting: Posting, found: dict[str, list[Span]]) -> None:
    if posting.abroad or posting.country:
        found.setdefault("abroad", []).insert(0, _value("country", posting.country or "abroad"))
    if posting.organization_is_licensed_recruiter:
        found["licensed"] = [_value("organization_name", posting.organization_name)]
    if posting.hazardous:
        found.setdefault("hazardous", []).insert(0, _value("hazardous", "hazardous"))
    if posting.night_work is False:
        found.pop("night_work", None)
    elif posting.night_work:
        found.setdefault("night_work", []).insert(0, _value("night_work", "night work"))
    if (posting.organization_address or "").strip():
        found.setdefault("formal_contact", []).insert(
            0, _value("organization_address", posting.organization_address)
        )
    declared = [
        _value(name, name.replace("_", " "))
        for name, value in (("hazardous", posting.hazardous), ("night_work", posting.night_work))
        if value
    ]
    if declared:
        found["risk_declared"] = declared
    if posting.abroad or posting.country:
        found["abroad_declared"] = [_value("country", posting.country or "abroad")]
    if posting.kind == "course":
        found["course"] = [_value("kind", "course")]


def _value(field: str, text: str) -> Span:
    return Span(field, 0, len(text), text)


def _minor(posting: Posting, texts: list[Folded]) -> list[Span]:
    """Where the posting accepts people under 18: the ages stated in the text, else min_age."""
    stated = [
        (int(next(g for g in match.groups() if g)), text.cite(match.start(), match.end()))
        for text in texts
        for match in STATED_AGE.finditer(text.text)
    ]
    stated = [(age, span) for age, span in stated if 12 <= age <= 65]
    teens = [text.cite(m.start(), m.end()) for text in texts for m in TEENS.finditer(text.text)]
    if stated or teens:
        return [span for age, span in stated if age < ADULT_AGE] + teens
    if posting.min_age < ADULT_AGE:
        return [_value("min_age", str(posting.min_age))]
    return []


def _pay_above_norm(posting: Posting, texts: list[Folded]) -> list[Span]:
    """The pay (fields and amounts in the text, a month in USD) above PAY_RATIO x the norm."""
    norm_top = _usual_top_pay(texts)
    return [span for monthly, span in _pay(posting, texts) if monthly > PAY_RATIO * norm_top]


def _usual_top_pay(texts: list[Folded]) -> int:
    """The usual top monthly pay for the kind of work the title or skills name (else the
    description); several kinds: the best paid, to stay on the safe side of a false alarm."""
    for fields in (PAY_FIELDS, ("description",)):
        tops = [
            norm.usual_max
            for norm in pay_norms()
            for text in texts
            if text.field in fields and norm.keywords.search(text.text)
        ]
        if tops:
            return max(tops)
    return pay_norms()[-1].usual_max


def _pay(posting: Posting, texts: list[Folded]) -> list[tuple[float, Span]]:
    found = []
    top = posting.salary_max or posting.salary_min
    if top:
        monthly = top / KHR_PER_USD if posting.currency == "KHR" else float(top)
        if monthly < DAILY_BELOW:
            monthly *= WORK_DAYS_A_MONTH
        shown = f"{posting.salary_min or ''}-{posting.salary_max or ''} {posting.currency or ''}"
        found.append((monthly, _value("salary", shown.strip(" -"))))
    for text in texts:
        for match in AMOUNT.finditer(text.text):
            if not NOT_PAY.search(text.text[max(0, match.start() - 25) : match.start()]):
                found.append((_monthly(match), text.cite(match.start(), match.end())))
    return found


def _monthly(match) -> float:
    numbers = [match.group(g) for g in ("before", "upto", "from", "to") if match.group(g)]
    top = max(amount_value(n) for n in numbers)
    if match.group("daily"):
        return top * WORK_DAYS_A_MONTH
    return top * WEEKS_A_MONTH if match.group("weekly") else top
