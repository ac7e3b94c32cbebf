"""The search page, as a young person on a phone uses it: words, a place, filters that are
links, corrections, sorting and pages; a wrong place or a too-long search is explained.

Most stories run on the real search engine (openings made by the factories are put in the
index with `reindex()`); `fake_search` stands in for it where the index must say something
the database does not."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import unquote

import pytest

from portal.auth.models import Role
from portal.extensions import utcnow
from portal.jobs.models import Currency, OpeningKind, OpeningStatus


def links(html: str) -> list[str]:
    return [unquote(href.replace("&amp;", "&")) for href in re.findall(r'href="([^"]+)"', html)]


def cards(html: str) -> list[str]:
    """The titles of the opening cards, in the order shown."""
    return re.findall(r"<h3>(?:<a [^>]+>)?([^<]+)", html)


@pytest.fixture
def garment_town(make_opening, make_org, reindex):
    """Openings of a small town's week: sewing in Pursat and Phnom Penh, a course, a mechanic."""
    org = make_org(name="Angkor Garments")
    openings = {
        "operator": make_opening(
            title="Sewing machine operator", province_code="15", organization=org,
            salary_min=220, currency="USD", published_at=utcnow() - timedelta(days=3),
        ),
        "helper": make_opening(
            title="Sewing helper", province_code="12", published_at=utcnow() - timedelta(days=1)
        ),
        "course": make_opening(
            title="Tailoring course", kind=OpeningKind.COURSE, description="Learn sewing.",
            province_code="15", published_at=utcnow() - timedelta(days=2),
        ),
        "mechanic": make_opening(title="Motorbike mechanic", province_code="17"),
    }  # fmt: skip
    reindex()
    return openings


def test_a_youth_types_sewing_and_sees_the_sewing_openings(client, garment_town):
    html = client.get("/openings?q=sewing").get_data(as_text=True)
    assert set(cards(html)) == {"Sewing machine operator", "Sewing helper", "Tailoring course"}
    assert "3 openings" in html
    assert "Motorbike mechanic" not in html


def test_the_same_search_from_the_home_page_box(client, garment_town):
    home = client.get("/").get_data(as_text=True)
    assert 'action="/openings"' in home and 'name="q"' in home
    assert "Sewing helper" in client.get("/openings", query_string={"q": "Sewing"}).get_data(
        as_text=True
    )


def test_a_typo_shows_did_you_mean_as_a_link(client, garment_town):
    html = client.get("/openings?q=sewwing&kind=job").get_data(as_text=True)
    assert "Did you mean:" in html
    assert "/openings?q=sewing&kind=job" in links(html)
    assert set(cards(html)) == {"Sewing machine operator", "Sewing helper"}


def test_a_province_in_the_words_is_applied_and_shown(client, garment_town):
    html = client.get("/openings?q=Purset+sewing").get_data(as_text=True)
    assert "Showing openings in Pursat." in html
    assert "2 openings in Pursat" in html
    assert set(cards(html)) == {"Sewing machine operator", "Tailoring course"}
    assert "/openings?q=sewing" in links(html)  # "Search all provinces"
    all_places = client.get("/openings?q=sewing").get_data(as_text=True)
    assert "Sewing helper" in all_places


def test_a_khmer_province_in_the_words(client, garment_town):
    html = client.get("/openings", query_string={"q": "ពោធិ៍សាត់ sewing"}).get_data(as_text=True)
    assert "Showing openings in Pursat." in html
    assert "Sewing helper" not in html


def test_facets_count_and_add_a_filter(client, garment_town):
    html = client.get("/openings?q=sewing").get_data(as_text=True)
    assert "Job (2)" in html and "Course (1)" in html
    assert "Pursat (2)" in html and "Phnom Penh (1)" in html
    assert "/openings?q=sewing&kind=course" in links(html)
    assert "/openings?q=sewing&province=15" in links(html)
    courses = client.get("/openings?q=sewing&kind=course").get_data(as_text=True)
    assert cards(courses) == ["Tailoring course"]
    assert "/openings?q=sewing" in links(courses)  # back to every kind


def test_a_chosen_province_shows_in_the_form_and_can_be_removed(client, garment_town):
    html = client.get("/openings?q=sewing&province=Purset").get_data(as_text=True)
    assert '<option selected value="15">' in html
    assert "2 openings in Pursat" in html
    assert "/openings?q=sewing" in links(html)  # every province


def test_sort_newest_first(client, garment_town):
    best = client.get("/openings?q=sewing").get_data(as_text=True)
    assert '<strong aria-current="true">Best match</strong>' in best
    assert "/openings?q=sewing&sort=newest" in links(best)
    newest = client.get("/openings?q=sewing&sort=newest").get_data(as_text=True)
    assert cards(newest) == ["Sewing helper", "Tailoring course", "Sewing machine operator"]
    assert '<input type="hidden" name="sort" value="newest">' in newest


def test_no_words_lists_every_open_opening_newest_first(client, garment_town, make_opening):
    html = client.get("/openings").get_data(as_text=True)
    assert cards(html) == [
        "Motorbike mechanic", "Sewing helper", "Tailoring course", "Sewing machine operator",
    ]  # fmt: skip
    assert "Best match" not in html  # nothing to rank


def test_pages_keep_the_search(client, make_opening, reindex):
    for n in range(23):
        make_opening(title=f"Cook number {n:02d}", province_code="15")
    reindex()
    html = client.get("/openings?q=cook&province=Purset&page=2").get_data(as_text=True)
    assert len(cards(html)) == 3
    assert "Page 2 of 2" in html
    assert "/openings?q=cook&province=Purset&page=1" in links(html)
    first = client.get("/openings?q=cook&province=Purset").get_data(as_text=True)
    assert len(cards(first)) == 20
    assert "/openings?q=cook&province=Purset&page=2" in links(first)
    past = client.get("/openings?q=cook&page=9").get_data(as_text=True)
    assert "There is nothing on this page." in past and "/openings?q=cook" in links(past)


def test_lowest_pay_filter(client, garment_town):
    html = client.get("/openings?q=sewing&min_salary=200").get_data(as_text=True)
    assert cards(html) == ["Sewing machine operator"]


def test_openings_of_one_organization(client, garment_town):
    org = garment_town["operator"].organization
    html = client.get(f"/openings?organization={org.id}").get_data(as_text=True)
    assert cards(html) == ["Sewing machine operator"]
    assert "Only openings of Angkor Garments." in html
    assert f'<input type="hidden" name="organization" value="{org.id}">' in html
    assert "/openings" in links(html)  # every organization
    unknown = client.get("/openings?organization=999999").get_data(as_text=True)
    assert "There is no organization number 999999." in unknown


def test_an_unknown_province_is_explained_and_nothing_is_listed(client, garment_town):
    html = client.get("/openings?q=sewing&province=Paris").get_data(as_text=True)
    assert "We do not know the province “Paris”." in html and "Did you mean:" in html
    assert "/openings?province=12&q=sewing" in links(html)  # Phnom Penh, keeping the words
    assert cards(html) == []


def test_a_too_long_search_is_explained_next_to_the_box(client, garment_town):
    response = client.get("/openings", query_string={"q": "sewing " * 700})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your search is too long" in html and 'aria-invalid="true"' in html
    assert cards(html) == []


def test_a_bad_filter_is_explained_and_left_out(client, garment_town):
    html = client.get("/openings?q=sewing&kind=spaceship&min_salary=lots").get_data(as_text=True)
    assert "is not a kind of opening" in html
    assert "Write the lowest pay per month in dollars" in html
    assert len(cards(html)) == 3


def test_closed_openings_only_when_asked_and_without_a_dead_link(
    client, login_as, make_opening, reindex
):
    make_opening(title="Welder job")
    closed = make_opening(title="Old welder job", status=OpeningStatus.CLOSED)
    expired = make_opening(title="Past welder job", closing_date=date.today() - timedelta(days=2))
    make_opening(title="Draft welder job", status=OpeningStatus.DRAFT)
    reindex()
    assert cards(client.get("/openings?q=welder").get_data(as_text=True)) == ["Welder job"]
    html = client.get("/openings?q=welder&include_closed=y").get_data(as_text=True)
    assert set(cards(html)) == {"Welder job", "Old welder job", "Past welder job"}
    assert html.count('<span class="badge badge-closed">Closed</span>') == 2
    assert f"/openings/{closed.id}" not in links(html)  # the public cannot open them
    assert f"/openings/{expired.id}" not in links(html)
    staff, _ = login_as(Role.COUNSELOR)
    html = staff.get("/openings?q=welder&include_closed=y").get_data(as_text=True)
    assert f"/openings/{closed.id}" in links(html)


def test_what_the_index_still_lists_but_the_database_hides_is_not_shown(
    client, make_opening, fake_search
):
    fake_search.answer([make_opening(title="Secret draft", status=OpeningStatus.DRAFT)])
    html = client.get("/openings?include_closed=y").get_data(as_text=True)
    assert "Secret draft" not in html


def test_the_page_works_in_khmer(client, garment_town):
    client.post("/lang/km")
    html = client.get("/openings", query_string={"q": "កាត់ដេរ"}).get_data(as_text=True)
    assert '<html lang="km">' in html
    assert "Sewing helper" in html and "Motorbike mechanic" not in html
    assert "តម្រៀប៖" in html and "ត្រូវគ្នាបំផុត" in html  # Sort: Best match


def test_a_khmer_misspelling_finds_sewing_and_offers_the_usual_spelling(
    client, make_opening, reindex
):
    """កាត់ដែរ (a common misspelling of កាត់ដេរ, sewing) listed hairdressers first (issue 16)."""
    make_opening(title="ជាងកាត់ដេរ", province_code="15")
    make_opening(title="ជាងកាត់សក់", description="កាត់សក់ និងកក់សក់ដែរ", province_code="15")
    reindex()
    client.post("/lang/km")

    html = client.get("/openings", query_string={"q": "កាត់ដែរ"}).get_data(as_text=True)

    assert "តើអ្នកចង់និយាយថា៖" in html  # Did you mean:
    assert "/openings?q=កាត់ដេរ" in links(html)
    assert cards(html) == ["ជាងកាត់ដេរ"]


def test_the_search_page_asks_the_database_as_often_for_twenty_cards_as_for_two(
    client, make_opening, make_org, reindex
):
    """The cards' openings, organizations and courses come in one query whatever their number:
    a card reading a column the page did not load would cost a query per card."""
    from portal.courses.models import CourseDetails
    from portal.extensions import db
    from tests.sql_statements import statements

    for n in range(20):
        opening = make_opening(
            title=f"Welder {n}" if n < 2 else f"Cook {n}",
            kind=OpeningKind.COURSE if n % 3 == 0 else OpeningKind.JOB,
            salary_min=150,
            currency=Currency.USD,
            skills=["welding"] if n < 2 else ["cooking"],
            organization=make_org(),
        )
        if opening.kind == OpeningKind.COURSE:
            db.session.add(CourseDetails(opening=opening, fee=20, start_date=date.today()))
    db.session.commit()
    reindex()
    client.get("/openings", query_string={"q": "welder"})  # the first search's own work done
    db.session.expunge_all()  # nothing already loaded in the session
    counts = {}
    for query, shown in (("welder", 2), ("cook", 18)):
        with statements() as seen:
            html = client.get("/openings", query_string={"q": query}).get_data(as_text=True)
        assert len(cards(html)) == shown
        # the page's own statements (the PostgreSQL search backend's depend on the words)
        counts[query] = len([sql for sql in seen if "search_" not in sql])
        db.session.expunge_all()
    assert counts["cook"] == counts["welder"]
