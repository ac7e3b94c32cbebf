"""The search page, as a young person on a phone uses it: words, a place, filters that are
links, corrections, sorting and pages; a wrong place or a too-long search is explained."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import unquote

from portal.auth.models import Role
from portal.jobs.models import OpeningKind, OpeningStatus
from portal.search import Sort


def links(html: str) -> list[str]:
    return [unquote(href.replace("&amp;", "&")) for href in re.findall(r'href="([^"]+)"', html)]


def test_the_page_shows_the_openings_the_search_found_in_its_order(
    client, make_opening, fake_search
):
    first = make_opening(title="Sewing machine operator")
    second = make_opening(title="Sewing helper")
    fake_search.answer([first, second], total=2)
    html = client.get("/openings?q=sewing").get_data(as_text=True)
    assert html.index("Sewing machine operator") < html.index("Sewing helper")
    assert "2 openings" in html
    assert fake_search.last[0] == "sewing"


def test_did_you_mean_links_to_the_corrected_search_keeping_the_filters(
    client, make_opening, fake_search
):
    fake_search.answer([make_opening(title="Sewing helper")], did_you_mean="sewing")
    html = client.get("/openings?q=sewwing&kind=job").get_data(as_text=True)
    assert "Did you mean:" in html
    assert "/openings?q=sewing&kind=job" in links(html)


def test_a_province_found_in_the_words_is_shown_with_a_way_out(client, make_opening, fake_search):
    fake_search.answer(
        [make_opening(title="Rice mill helper", province_code="15")],
        province_from_text="15",
        text_used="rice",
    )
    html = client.get("/openings?q=Purset+rice").get_data(as_text=True)
    assert "Showing openings in Pursat." in html
    assert "1 opening in Pursat" in html
    assert "/openings?q=rice" in links(html)  # search all provinces


def test_did_you_mean_keeps_the_province_found_in_the_words(client, make_opening, fake_search):
    fake_search.answer(
        [make_opening(province_code="15")],
        province_from_text="15",
        text_used="rice mil",
        did_you_mean="rice mill",
    )
    html = client.get("/openings?q=Purset+rice+mil").get_data(as_text=True)
    assert "/openings?q=rice+mill&province=15" in links(html)


def test_facets_are_links_that_add_a_filter(client, make_opening, fake_search):
    fake_search.answer(
        [make_opening(title="Cook")],
        total=9,
        facets={"kind": {"job": 7, "internship": 2, "course": 0}, "province": {"12": 6, "17": 3}},
    )
    html = client.get("/openings?q=cook").get_data(as_text=True)
    assert "Job (7)" in html and "Internship (2)" in html and "Course (0)" not in html
    assert "Phnom Penh (6)" in html and "Siem Reap (3)" in html
    assert "/openings?q=cook&kind=internship" in links(html)
    assert "/openings?q=cook&province=17" in links(html)
    assert html.index("Phnom Penh (6)") < html.index("Siem Reap (3)")


def test_a_chosen_filter_can_be_removed(client, make_opening, fake_search):
    fake_search.answer([make_opening(title="Cook")], facets={"kind": {"job": 1}})
    html = client.get("/openings?q=cook&kind=job&province=Purset").get_data(as_text=True)
    assert "/openings?q=cook&province=15" in links(html)  # every kind
    assert "/openings?q=cook&kind=job" in links(html)  # every province
    assert '<option selected value="15">' in html


def test_the_sort_switch_keeps_the_words(client, make_opening, fake_search):
    fake_search.answer([make_opening(title="Cook")])
    html = client.get("/openings?q=cook").get_data(as_text=True)
    assert fake_search.last[1].sort == Sort.RELEVANCE
    assert '<strong aria-current="true">Best match</strong>' in html
    assert "/openings?q=cook&sort=newest" in links(html)
    html = client.get("/openings?q=cook&sort=newest").get_data(as_text=True)
    assert fake_search.last[1].sort == Sort.NEWEST
    assert '<input type="hidden" name="sort" value="newest">' in html


def test_pages_keep_the_search(client, make_opening, fake_search):
    fake_search.answer([make_opening(title="Cook")], total=45)
    html = client.get("/openings?q=cook&province=Purset&page=2").get_data(as_text=True)
    assert fake_search.last[1].page == 2 and fake_search.last[1].per_page == 20
    assert "Page 2 of 3" in html
    pages = [link for link in links(html) if "page=" in link]
    assert "/openings?q=cook&province=Purset&page=1" in pages
    assert "/openings?q=cook&province=Purset&page=3" in pages


def test_an_unknown_province_is_explained_and_nothing_is_listed(client, fake_search):
    html = client.get("/openings?q=cook&province=Paris").get_data(as_text=True)
    assert "Unknown province “Paris”." in html
    assert "/openings?province=12&q=cook" in links(html)  # Phnom Penh, keeping the words
    assert fake_search.calls == []


def test_a_too_long_search_is_explained_next_to_the_box(client, fake_search):
    response = client.get("/openings", query_string={"q": "sewing " * 700})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your search is too long" in html and 'aria-invalid="true"' in html
    assert fake_search.calls == []


def test_a_bad_filter_is_explained_and_left_out(client, make_opening, fake_search):
    fake_search.answer([make_opening(title="Cook")])
    html = client.get("/openings?q=cook&kind=spaceship&min_salary=lots").get_data(as_text=True)
    assert "is not a kind of opening" in html
    assert "Write the lowest pay per month in dollars" in html
    assert "Cook" in html
    assert fake_search.last[1].kind is None and fake_search.last[1].min_salary_usd is None


def test_openings_of_one_organization(client, make_opening, make_org, fake_search):
    org = make_org(name="Angkor Garments")
    fake_search.answer([make_opening(title="Cook", organization=org)])
    html = client.get(f"/openings?organization={org.id}").get_data(as_text=True)
    assert fake_search.last[1].organization_id == org.id
    assert "Only openings of Angkor Garments." in html
    assert f'<input type="hidden" name="organization" value="{org.id}">' in html
    assert "There is no organization number 999999." in client.get(
        "/openings?organization=999999"
    ).get_data(as_text=True)


def test_closed_openings_only_when_asked_and_without_a_dead_link(
    client, login_as, make_opening, fake_search
):
    closed = make_opening(title="Old welder job", status=OpeningStatus.CLOSED)
    expired = make_opening(title="Old baker job", closing_date=date.today() - timedelta(days=2))
    fake_search.answer([closed, expired])
    html = client.get("/openings").get_data(as_text=True)
    assert "Old welder job" not in html and "Old baker job" not in html
    html = client.get("/openings?include_closed=y").get_data(as_text=True)
    assert fake_search.last[1].include_closed
    assert "Old welder job" in html and "Old baker job" in html
    assert html.count('<span class="badge badge-closed">Closed</span>') == 2
    assert f"/openings/{closed.id}" not in links(html)  # the public cannot open it
    staff, _ = login_as(Role.COUNSELOR)
    html = staff.get("/openings?include_closed=y").get_data(as_text=True)
    assert f"/openings/{closed.id}" in links(html)


def test_drafts_never_show_even_if_the_index_lists_them(client, make_opening, fake_search):
    fake_search.answer([make_opening(title="Secret draft", status=OpeningStatus.DRAFT)])
    html = client.get("/openings?include_closed=y").get_data(as_text=True)
    assert "Secret draft" not in html


def test_the_page_works_in_khmer(client, make_opening, fake_search):
    fake_search.answer(
        [make_opening(title="ជាងកាត់ដេរ", kind=OpeningKind.JOB)],
        facets={"kind": {"job": 1, "course": 2}},
        did_you_mean="កាត់ដេរ",
    )
    client.post("/lang/km")
    html = client.get("/openings?q=កាត់ដែរ").get_data(as_text=True)
    assert '<html lang="km">' in html
    assert "ជាងកាត់ដេរ" in html
    assert "/openings?q=កាត់ដេរ" in links(html)
