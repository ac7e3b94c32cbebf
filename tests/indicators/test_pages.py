"""The indicators page, its printed report and its files, as counselors and admins use them;
who may see which center; the old figures page's address still works."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from portal.auth.models import Role
from portal.indicators.periods import today_in_cambodia
from portal.jobs.models import OpeningKind


@pytest.fixture
def pursat(make_center):
    return make_center(name="Pursat center", province_code="15")


def test_a_counselor_sees_her_center_this_month_by_default(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    response = client.get("/indicators")

    assert response.status_code == 200
    period, centers, province = asked[-1]
    assert centers == (pursat.id,) and province is None
    today = today_in_cambodia()  # the page's "today" is Phnom Penh's, even at 1 a.m. there
    assert period.start == today.replace(day=1) and period.end == today
    page = response.get_data(as_text=True)
    assert "Pursat center" in page
    row = page.split('id="main-registered"')[1].split("</tr>")[0]
    assert "Young people registered" in row
    assert 'id="chart-sex"' in page and 'id="chart-bands"' in page
    assert "<script" not in page.split("<main>")[1] and "style=" not in page


def test_the_page_shows_exact_figures_and_the_printed_report_hides_small_ones(
    pursat, asked, login_as
):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    page = client.get("/indicators?period=last_quarter").get_data(as_text=True)
    printed = client.get("/indicators/print?period=last_quarter").get_data(as_text=True)

    assert "&lt;5" not in page.split('id="table-main"')[1].split("</table>")[0]
    assert "&lt;5" in printed
    assert "Pursat center" in printed and date.today().strftime("%Y") in printed
    assert asked[-1][0].end < date.today().replace(day=1)  # the last whole quarter


def test_age_bands_and_dates_of_ones_choice(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    page = client.get("/indicators?period=dates&start=2026-07-01&end=2026-09-30&bands=y")

    assert asked[-1][0].start == date(2026, 7, 1) and asked[-1][0].end == date(2026, 9, 30)
    html = page.get_data(as_text=True)
    assert html.count('id="main-registered') == 4  # all ages, then each band
    assert "18–24" in html


def test_wrong_dates_are_explained_not_counted(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    response = client.get("/indicators?period=dates&start=2026-09-30&end=2026-07-01")

    assert response.status_code == 400
    assert "The end must be on or after the start." in response.get_data(as_text=True)
    assert asked == []


def test_a_counselor_asking_for_another_center_gets_nothing(pursat, make_center, asked, login_as):
    other = make_center(name="Kampot center")
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    for url in ("/indicators", "/indicators.csv", "/indicators.xlsx", "/indicators/print"):
        assert client.get(f"{url}?center={other.id}").status_code == 404
    assert client.get(f"/indicators?center={pursat.id}").status_code == 200
    assert all(centers == (pursat.id,) for _period, centers, _province in asked)


def test_an_admin_chooses_several_centers_or_all_and_a_province(
    pursat, make_center, asked, login_as
):
    kampot = make_center(name="Kampot center")
    client, _user = login_as(Role.ADMIN)

    assert client.get("/indicators").status_code == 200
    assert asked[-1][1] is None
    page = client.get(f"/indicators?center={kampot.id}&center={pursat.id}&province=15")
    assert asked[-1][1] == tuple(sorted((kampot.id, pursat.id))) and asked[-1][2] == "15"
    assert "Kampot center, Pursat center" in page.get_data(as_text=True)
    assert client.get("/indicators?center=999999").status_code == 404


def test_the_csv_is_named_after_the_center_and_period(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    response = client.get("/indicators.csv?period=dates&start=2026-07-01&end=2026-09-30")

    assert response.status_code == 200 and response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition == "attachment; filename=phlov-indicators-pursat-2026-Q3.csv"
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert lines[0] == ["Phlov indicators", "Pursat center"]
    assert lines[1] == ["Period", "2026-07-01 – 2026-09-30"]


def test_the_xlsx_downloads(pursat, asked, login_as):
    client, _user = login_as(Role.ADMIN)

    response = client.get(
        f"/indicators.xlsx?center={pursat.id}&period=dates&start=2026-07-01&end=2026-09-30"
    )

    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith("phlov-indicators-pursat-2026-Q3.xlsx")
    assert response.data[:2] == b"PK"  # a zip, as every XLSX


def test_each_download_and_print_is_on_the_audit_trail(pursat, asked, login_as):
    from portal.audit.models import AuditEvent
    from portal.extensions import db

    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)
    for url in ("/indicators.csv", "/indicators.xlsx", "/indicators/print"):
        client.get(url)

    exports = [event.detail.get("export") for event in db.session.query(AuditEvent).all()]
    assert {"indicators_csv", "indicators_xlsx", "indicators_print"} <= set(exports)


def test_the_old_figures_address_leads_to_the_indicators(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    response = client.get("/placements/figures?start=2026-01-01&end=2026-03-31")
    assert response.status_code == 301
    assert response.headers["Location"].startswith("/indicators?")
    assert "period=dates" in response.headers["Location"]
    followed = client.get(
        "/placements/figures.csv?start=2026-01-01&end=2026-03-31", follow_redirects=True
    )
    assert followed.mimetype == "text/csv"
    assert asked[-1][0].start == date(2026, 1, 1)


@pytest.mark.parametrize(
    "url",
    [
        "/indicators",
        "/indicators/print",
        "/indicators.csv",
        "/indicators.xlsx",
        "/placements/figures",
    ],
)
@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.YOUTH])
def test_employers_and_youth_are_refused(login_as, asked, url, role):
    client, _user = login_as(role)
    assert client.get(url).status_code == 403
    assert asked == []


def test_one_split_at_a_time_and_of_one_indicator_if_asked(pursat, asked, login_as):
    client, _user = login_as(Role.COUNSELOR, center_id=pursat.id)

    plain = client.get("/indicators?period=last_quarter").get_data(as_text=True)
    split = client.get("/indicators?period=last_quarter&split=province&only=hires")

    assert 'id="table-main"' in plain and 'id="chart-sex"' in plain
    assert "table-province" not in plain and "table-education" not in plain
    html = split.get_data(as_text=True)
    province = html.split('id="table-province"')[1].split("</table>")[0]
    rows = province.count("<tr id=")
    assert rows >= 2 and province.count('<tr id="province-hires') == rows  # hires only
    assert len(html) < len(plain) + 8000  # one indicator's rows, not every breakdown


def test_openings_by_occupation_group(make_center, make_opening, login_as):
    center = make_center(name="Phnom Penh center", province_code="12")  # the orgs' province
    for _n in range(2):
        make_opening(title="Motorbike mechanic", isco_minor_group="723")
    make_opening(title="Sewing machine operator", isco_minor_group="815")
    make_opening(title="English class", kind=OpeningKind.COURSE)  # a language: no ISCO group
    client, _user = login_as(Role.COUNSELOR, center_id=center.id)

    html = client.get("/indicators?split=occupation").get_data(as_text=True)

    table = html.split('id="table-occupation"')[1].split("</table>")[0]
    mechanics = table.split("723 Machinery mechanics and repairers")[1].split("</tr>")[0]
    assert ">2<" in mechanics
    assert "815 " in table
    assert '<td class="sub">English</td>' in table and "english_language" not in table
    client.post("/lang/km", data={"next": "/"})
    khmer = client.get("/indicators?split=occupation").get_data(as_text=True)
    assert '<td class="sub">ភាសាអង់គ្លេស</td>' in khmer
