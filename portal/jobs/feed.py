"""An Atom feed of the newest public openings, with the search page's filters (?q=, ?kind=,
?province=, ?organization=, ?min_salary=, ?since=): a center pipes it into its own Telegram
channel, or anyone follows it in a feed reader.

Written with a Jinja template rather than a library: Atom needs a dozen elements, Flask escapes
`.xml` templates as it does HTML, and feedgen (the usual library, last released in 2023) would
bring lxml and python-dateutil for it. What escaping cannot fix, the characters XML 1.0 forbids
(control characters a pasted posting may carry), `xml_text` removes, so the feed always parses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext as _

from portal.i18n import current_language, nice_date, salary_range
from portal.jobs.listing import SearchParams, search_openings
from portal.jobs.models import Opening
from portal.places import province_name
from portal.search import Sort
from portal.web import absolute_url

FEED_SIZE = 50
SUMMARY_LENGTH = 400
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str | None) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text or "")


def rfc3339(moment: datetime) -> str:
    """A naive UTC moment as Atom writes it: 2026-12-07T09:30:00Z."""
    return moment.replace(microsecond=0, tzinfo=UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    published: str
    summary: str
    author: str


def feed_entries(params: SearchParams) -> list[Entry]:
    """The newest public openings of this search (never pending, held, hidden or closed ones:
    the search lists published openings only, and the database has the last word)."""
    params.sort, params.include_closed = Sort.NEWEST, False
    params.page, params.per_page = 1, FEED_SIZE
    return [_entry(opening) for opening in search_openings(params).openings]


def _entry(opening: Opening) -> Entry:
    url = absolute_url("jobs.detail", opening_id=opening.id)
    return Entry(
        id=url,
        title=xml_text(opening.title),
        url=url,
        published=rfc3339(opening.published_at or opening.created_at),
        summary=xml_text(_summary(opening)),
        author=xml_text(opening.organization.name),
    )


def _summary(opening: Opening) -> str:
    """What a message in a channel shows: who, where, pay, closing day, then the text."""
    facts = [opening.organization.name, province_name(opening.province_code, current_language())]
    if opening.salary_min is not None or opening.salary_max is not None:
        facts.append(salary_range(opening.salary_min, opening.salary_max, opening.currency))
    if opening.closing_date:
        facts.append(_("Closes %(date)s", date=nice_date(opening.closing_date)))
    description = " ".join((opening.description or "").split())
    if len(description) > SUMMARY_LENGTH:
        description = description[:SUMMARY_LENGTH].rstrip() + "…"
    return " · ".join(facts) + ("\n" + description if description else "")


def feed_title(params: SearchParams) -> str:
    """ "New openings on Phlov", with what the search asks for."""
    asked = [params.q] if params.q else []
    if params.province:
        asked.append(province_name(params.province.code, current_language()))
    if params.organization:
        asked.append(params.organization.name)
    title = _("New openings on Phlov")
    return xml_text(f"{title}: {', '.join(asked)}" if asked else title)
