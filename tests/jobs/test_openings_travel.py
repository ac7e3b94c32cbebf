"""Openings that travel (issue 16): a search engine reads an opening page's JobPosting, a center
follows the search page's Atom feed in its Telegram channel. Neither ever carries an opening
the public may not see, and a hostile title cannot break out of either."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from portal.extensions import db, utcnow
from portal.jobs.models import Currency, OpeningKind, OpeningStatus

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = 'Cook </script><script>alert("x")</script> & <b>'


def json_ld(html: str) -> list[dict]:
    """The JSON-LD blocks of a page, parsed as a search engine parses them."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def entries(response) -> list[dict]:
    root = ET.fromstring(response.get_data())  # raises if the feed is not well-formed XML
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def sewing_job(make_opening, make_org):
    org = make_org(name="Angkor Garments")
    return make_opening(
        title="Sewing machine operator",
        description="Sew shirts on a modern line. Training given.",
        organization=org,
        province_code="15",
        district_code="1502",
        salary_min=220,
        salary_max=260,
        currency=Currency.USD,
        closing_date=date.today() + timedelta(days=10),
        published_at=utcnow() - timedelta(days=2),
    )


def test_a_search_engine_reads_the_job_posting_of_a_public_opening(client, sewing_job):
    html = client.get(f"/openings/{sewing_job.id}").get_data(as_text=True)
    [posting] = json_ld(html)
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Sewing machine operator"
    assert posting["description"].startswith("Sew shirts")
    assert posting["datePosted"] == (utcnow() - timedelta(days=2)).date().isoformat()
    closing = sewing_job.closing_date.isoformat()
    assert posting["validThrough"] == f"{closing}T23:59:59+07:00"
    assert posting["hiringOrganization"]["name"] == "Angkor Garments"
    address = posting["jobLocation"]["address"]
    assert address["addressCountry"] == "KH"
    assert address["addressRegion"] == "Pursat"
    assert posting["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 220,
                  "maxValue": 260},
    }  # fmt: skip
    assert posting["employmentType"] == "OTHER"
    assert posting["url"].endswith(f"/openings/{sewing_job.id}")


def test_an_internship_without_pay_says_intern_and_no_salary(client, make_opening):
    opening = make_opening(kind=OpeningKind.INTERNSHIP, title="Hotel intern")
    [posting] = json_ld(client.get(f"/openings/{opening.id}").get_data(as_text=True))
    assert posting["employmentType"] == "INTERN"
    assert "baseSalary" not in posting


def test_a_course_is_not_advertised_as_a_job(client, make_opening):
    course = make_opening(kind=OpeningKind.COURSE, title="Tailoring course")
    assert json_ld(client.get(f"/openings/{course.id}").get_data(as_text=True)) == []


@pytest.mark.parametrize(
    "status", [OpeningStatus.PENDING_REVIEW, OpeningStatus.CLOSED, OpeningStatus.REJECTED]
)
def test_staff_see_a_pending_or_closed_opening_without_any_job_posting(
    login_as, make_opening, status
):
    opening = make_opening(status=status, title="Waiting for review")
    client, _staff = login_as("counselor")
    response = client.get(f"/openings/{opening.id}")
    assert response.status_code == 200  # staff see it; search engines must not be told of it
    assert json_ld(response.get_data(as_text=True)) == []


def test_an_opening_hidden_by_reports_or_expired_has_no_job_posting(login_as, make_opening):
    hidden = make_opening(title="Hidden by reports", hidden_by_reports_at=utcnow())
    expired = make_opening(title="Expired", closing_date=date.today() - timedelta(days=1))
    client, _staff = login_as("counselor")
    for opening in (hidden, expired):
        assert json_ld(client.get(f"/openings/{opening.id}").get_data(as_text=True)) == []


def test_a_title_with_a_closing_script_tag_stays_inside_the_json_ld(client, make_opening):
    opening = make_opening(title=HOSTILE, description="</SCRIPT><img src=x onerror=alert(1)>")
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    head = html.split("</head>")[0]
    # One script element in the head, and it is the JSON-LD: nothing broke out of it.
    assert head.lower().count("<script") == 1
    assert "</script><script>" not in head.lower().replace('"', "")
    [posting] = json_ld(html)
    assert posting["title"] == HOSTILE  # read back exactly, by a JSON parser
    assert posting["description"] == "</SCRIPT><img src=x onerror=alert(1)>"


def test_khmer_stays_readable_utf8_in_the_json_ld(client, make_opening):
    opening = make_opening(title="ជាងកាត់ដេរ")
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert '"title": "ជាងកាត់ដេរ"' in html


def test_the_search_page_links_its_feed_with_the_same_filters(client, sewing_job, reindex):
    reindex()
    html = client.get("/openings?q=sewing&province=Pursat&kind=job").get_data(as_text=True)
    alternate = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', html)
    assert alternate, "feed readers find the feed in the page's head"
    href = re.search(r'href="([^"]+)"', alternate.group(0)).group(1).replace("&amp;", "&")
    assert href.startswith("/openings/feed.atom?")
    assert "q=sewing" in href and "province=15" in href and "kind=job" in href
    assert "Atom feed" in html  # a link people can see and copy into their channel's bot
    titles = [entry["title"] for entry in entries(client.get(href))]
    assert titles == ["Sewing machine operator"]


def test_the_feed_lists_new_public_openings_newest_first(client, make_opening, reindex):
    old = make_opening(title="Cook", published_at=utcnow() - timedelta(days=5))
    new = make_opening(title="Waiter", published_at=utcnow() - timedelta(hours=1))
    make_opening(title="Driver", kind=OpeningKind.COURSE, published_at=utcnow())
    reindex()
    response = client.get("/openings/feed.atom?kind=job")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    found = entries(response)
    assert [entry["title"] for entry in found] == ["Waiter", "Cook"]
    assert found[0]["link"].endswith(f"/openings/{new.id}")
    assert found[1]["link"].endswith(f"/openings/{old.id}")


def test_held_pending_hidden_and_closed_openings_are_never_in_the_feed(
    client, make_opening, reindex
):
    make_opening(title="Public sewing job")
    make_opening(title="Held sewing job", status=OpeningStatus.PENDING_REVIEW)
    make_opening(title="Closed sewing job", status=OpeningStatus.CLOSED)
    make_opening(title="Reported sewing job", hidden_by_reports_at=utcnow())
    make_opening(title="Expired sewing job", closing_date=date.today() - timedelta(days=1))
    reindex()
    for url in ("/openings/feed.atom", "/openings/feed.atom?q=sewing&include_closed=y"):
        assert [e["title"] for e in entries(client.get(url))] == ["Public sewing job"]


def test_a_hostile_title_keeps_the_feed_well_formed(client, make_opening, reindex):
    make_opening(title=HOSTILE + "\x01\x0b", description="Line\x08one ]]> <![CDATA[")
    reindex()
    [entry] = entries(client.get("/openings/feed.atom"))
    assert entry["title"] == HOSTILE
    assert "]]> <![CDATA[" in entry["summary"]


def test_a_wrong_filter_is_explained_not_answered_with_an_empty_feed(client):
    response = client.get("/openings/feed.atom?since=last-week")
    assert response.status_code == 400
    assert "ISO 8601" in response.get_data(as_text=True)


def test_the_feed_speaks_khmer_to_a_khmer_reader(client, sewing_job, reindex):
    reindex()
    client.post("/lang/km")
    response = client.get("/openings/feed.atom")
    root = ET.fromstring(response.get_data())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "km"
    [entry] = entries(response)
    assert "ពោធិ៍សាត់" in entry["summary"]  # Pursat, in Khmer


def test_since_keeps_what_was_published_after_that_moment(client, make_opening, reindex):
    make_opening(title="Old job", published_at=utcnow() - timedelta(days=3))
    make_opening(title="New job", published_at=utcnow() - timedelta(hours=2))
    reindex()
    since = (utcnow() - timedelta(days=1)).replace(microsecond=0).isoformat() + "Z"
    titles = [e["title"] for e in entries(client.get(f"/openings/feed.atom?since={since}"))]
    assert titles == ["New job"]
    db.session.rollback()
