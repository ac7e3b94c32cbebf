"""The home page: the newest public openings, and how many there are of each kind and from how
many organizations, the same counts the search page it links to shows."""

from __future__ import annotations

import re
from datetime import date, timedelta

from portal.extensions import utcnow
from portal.jobs.models import OpeningKind, OpeningStatus


def titles(html: str) -> list[str]:
    return re.findall(r"<h3>(?:<a [^>]+>)?([^<]+)", html)


def test_the_home_page_counts_and_lists_only_public_openings_newest_first(
    client, make_opening, make_org, reindex
):
    bakery, garage = make_org(name="Sok Bakery"), make_org(name="Dara Garage")
    hours = iter(range(100, 0, -1))

    def opening(title, **fields):
        return make_opening(
            title=title, published_at=utcnow() - timedelta(hours=next(hours)), **fields
        )

    opening("Baker", organization=bakery)
    opening("Baker helper", organization=bakery)
    opening("Mechanic intern", kind=OpeningKind.INTERNSHIP, organization=garage)
    opening("Pastry course", kind=OpeningKind.COURSE, organization=bakery)
    opening("Cashier", closing_date=date.today() - timedelta(days=1))  # expired
    opening("Waiter", status=OpeningStatus.PENDING_REVIEW)  # not checked yet
    opening("Driver", organization=make_org(verified=False))  # organization not verified
    reindex()

    html = client.get("/").get_data(as_text=True)

    assert titles(html) == ["Pastry course", "Mechanic intern", "Baker helper", "Baker"]
    assert "2 jobs" in html and "1 internship" in html and "1 course" in html
    assert "from 2 organizations" in html
    jobs = client.get("/openings", query_string={"kind": "job"}).get_data(as_text=True)
    assert "2 openings" in jobs  # what "2 jobs" links to


def test_the_home_page_shows_only_the_twelve_newest(client, make_opening, reindex):
    for n in range(15):
        make_opening(title=f"Cook {n}", published_at=utcnow() - timedelta(hours=20 - n))
    reindex()

    shown = titles(client.get("/").get_data(as_text=True))

    assert shown == [f"Cook {n}" for n in range(14, 2, -1)]
