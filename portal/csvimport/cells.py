"""Cell parsers shared by the importers; each returns the value or raises RowError with a
reason a counselor can act on."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from flask_babel import gettext as _

from portal.csvimport.files import RowError
from portal.khmer import TO_LATIN_DIGITS
from portal.places import (
    UnknownPlace,
    province_name,
    resolve_district,
    resolve_province,
    unknown_province_message,
)

T = TypeVar("T")

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str) -> date:
    """'2025-03-31', '31/03/2025' or '31/3/2025' (what Excel writes in Cambodia)."""
    text = re.sub(r"\s+0{1,2}:00(:00)?$", "", text.translate(TO_LATIN_DIGITS).strip())
    for date_format in _DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise RowError(
        _(
            "'%(text)s' is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY, "
            "for example 2025-03-31 or 31/03/2025.",
            text=text,
        )
    )


def parse_whole_number(text: str) -> int:
    """'1,200,000', '1 200 000', '250.00' and '២៥០' are whole numbers; '12.5' and 'ten' are not."""
    cleaned = re.sub(r"[,\s\u00a0\u202f_']", "", text.translate(TO_LATIN_DIGITS))
    cleaned = re.sub(r"\.0+$", "", cleaned)
    if not cleaned.isdigit():
        raise RowError(_("'%(text)s' is not a whole number.", text=text))
    return int(cleaned)


def parse_list(text: str) -> list[str]:
    """'sewing; cooking ;; Sewing' -> ['sewing', 'cooking']: trimmed, no repeats."""
    items: dict[str, str] = {}
    for part in text.split(";"):
        item = " ".join(part.split())
        if item:
            items.setdefault(item.casefold(), item)
    return list(items.values())


def parse_choice(text: str, words: dict[str, str], what: str, expected: str) -> str:
    """The value `words` gives for `text` (case, spaces and dots ignored), else RowError."""
    key = re.sub(r"[\s.\-_]+", " ", text.casefold()).strip()
    if key in words:
        return words[key]
    raise RowError(
        _(
            "'%(text)s' is not a %(what)s. Use %(expected)s.",
            text=text,
            what=what,
            expected=expected,
        )
    )


def parse_each(parse: Callable[[str], T]) -> Callable[[str], list[T]]:
    """A parser of a ';'-separated list whose items `parse` reads, naming every bad item."""

    def parse_items(text: str) -> list[T]:
        values, reasons = [], []
        for item in parse_list(text):
            try:
                values.append(parse(item))
            except RowError as error:
                reasons.extend(error.reasons)
        if reasons:
            raise RowError(*reasons)
        return list(dict.fromkeys(values))

    return parse_items


def check_length(text: str, limit: int, column: str) -> str:
    if len(text) > limit:
        raise RowError(
            _(
                "The %(column)s is too long (at most %(limit)s characters).",
                column=column,
                limit=limit,
            )
        )
    return text


def parse_province(text: str) -> str:
    """The code of the province `text` names; the reason lists the closest provinces."""
    try:
        return resolve_province(text).code
    except UnknownPlace as unknown:
        raise RowError(unknown_province_message(text, unknown)) from unknown


def parse_district(text: str, province_code: str) -> str:
    """The code of the district `text` names, which must lie in the province."""
    try:
        return resolve_district(text, province_code).code
    except UnknownPlace as unknown:
        province = province_name(province_code)
        if unknown.elsewhere:
            reason = _(
                "'%(text)s' is a district of %(other)s, not of %(province)s.",
                text=text,
                other=", ".join(unknown.elsewhere),
                province=province,
            )
        else:
            reason = _(
                "%(province)s has no district '%(text)s'. The closest are: %(names)s.",
                province=province,
                text=text,
                names=", ".join(unknown.suggestions),
            )
        raise RowError(reason) from unknown
