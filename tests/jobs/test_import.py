"""A counselor imports openings from a spreadsheet with `flask openings import FILE.csv`."""

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.jobs.models import Currency, Opening, OpeningKind, OpeningStatus
from portal.jobs.services import close
from portal.orgs.models import Organization, OrgKind
from portal.orgs.services import verify

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "openings_example.csv"
HEADER = [
    "ref",
    "kind",
    "title",
    "organization",
    "description",
    "skills",
    "province",
    "district",
    "salary_min",
    "salary_max",
    "currency",
    "min_age",
    "closing_date",
    "positions",
]


def opening_row(**cells) -> dict:
    row = {
        "ref": "J-1",
        "kind": "job",
        "title": "Sewing machine operator",
        "organization": "Golden Thread Garment",
        "province": "Phnom Penh",
        "closing_date": "2030-12-31",
    }
    return {**row, **cells}


def write_csv(tmp_path, rows, header=HEADER, name="openings.csv", encoding="utf-8", **options):
    path = tmp_path / name
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, **options)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(runner, path, *options):
    return runner.invoke(args=["openings", "import", str(path), *options])


def count_openings() -> int:
    return db.session.scalar(select(func.count(Opening.id)))


def only_opening() -> Opening:
    return db.session.scalars(select(Opening)).one()


def test_the_example_file_is_imported_and_published(runner, ctx, tmp_path):
    result = run(runner, shutil.copy(EXAMPLE, tmp_path))

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "created 4 · updated 0 · rejected 0"
    openings = db.session.scalars(select(Opening).order_by(Opening.ref)).all()
    assert [o.status for o in openings] == [OpeningStatus.PUBLISHED] * 4
    change = openings[0].status_changes[-1]
    assert change.reason == "CSV import openings_example.csv"
    assert change.changed_by_id is None
    assert {o.kind for o in openings} == set(OpeningKind)


def test_new_organizations_are_unverified_employers_and_the_summary_says_so(runner, ctx, tmp_path):
    result = run(runner, write_csv(tmp_path, [opening_row(organization="  Mekong   Bakery ")]))

    organization = db.session.scalars(select(Organization)).one()
    assert organization.name == "Mekong Bakery"
    assert organization.kind == OrgKind.EMPLOYER
    assert not organization.is_verified
    assert "New organization Mekong Bakery was added as an employer, not verified yet" in (
        result.output
    )


def test_a_known_organization_is_found_whatever_its_case(runner, ctx, tmp_path, make_org):
    known = make_org("Golden Thread Garment")

    result = run(runner, write_csv(tmp_path, [opening_row(organization="GOLDEN THREAD garment")]))

    assert "New organization" not in result.output
    assert only_opening().organization_id == known.id


def test_importing_the_same_file_twice_updates_and_never_duplicates(runner, ctx, tmp_path):
    path = shutil.copy(EXAMPLE, tmp_path)
    run(runner, path)

    result = run(runner, path)

    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "created 0 · updated 4 · rejected 0"
    assert count_openings() == 4
    assert db.session.scalar(select(func.count(Organization.id))) == 3
    # published once: a second import does not add to the history
    assert all(len(o.status_changes) == 1 for o in db.session.scalars(select(Opening)))


def test_a_second_import_changes_what_the_file_changed(runner, ctx, tmp_path):
    run(runner, write_csv(tmp_path, [opening_row(title="Cook")]))

    result = run(runner, write_csv(tmp_path, [opening_row(title="Head cook", positions="3")]))

    assert result.output.splitlines()[-1] == "created 0 · updated 1 · rejected 0"
    opening = only_opening()
    db.session.refresh(opening)
    assert (opening.title, opening.positions) == ("Head cook", 3)


def test_a_bad_province_is_reported_with_its_line_and_the_closest_names(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1"),
        opening_row(ref="J-2", province="Kampong"),
        opening_row(ref="J-3", province="Purset"),
    ]

    result = run(runner, write_csv(tmp_path, rows))

    assert result.exit_code == 0
    assert (
        "line 3: We do not know the province “Kampong”. Did you mean: "
        "Kampong Cham, Kampong Chhnang, Kampong Speu?" in result.output
    )
    assert result.output.splitlines()[-1] == "created 2 · updated 0 · rejected 1"
    provinces = db.session.scalars(select(Opening.province_code).order_by(Opening.ref)).all()
    assert provinces == ["12", "15"]


def test_a_bad_date_says_which_format_to_use(runner, ctx, tmp_path):
    rows = [opening_row(ref="J-1", closing_date="31-31-2030"), opening_row(ref="J-2")]

    result = run(runner, write_csv(tmp_path, rows))

    assert "line 2: '31-31-2030' is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY" in (
        result.output
    )
    assert db.session.scalars(select(Opening.ref)).all() == ["J-2"]


def test_a_closing_date_in_the_past_is_refused(runner, ctx, tmp_path):
    result = run(runner, write_csv(tmp_path, [opening_row(closing_date="2020-01-31")]))

    assert "line 2: The closing date 2020-01-31 has already passed." in result.output
    assert count_openings() == 0


def test_a_missing_title_is_reported_and_nothing_of_that_row_is_saved(runner, ctx, tmp_path):
    # a new organization on a bad row must not be created either
    rows = [opening_row(title="", organization="Nobody Ltd")]

    result = run(runner, write_csv(tmp_path, rows))

    assert "line 2: The title is missing." in result.output
    assert result.output.splitlines()[-1] == "created 0 · updated 0 · rejected 1"
    assert db.session.scalar(select(func.count(Organization.id))) == 0


def test_every_problem_of_a_row_is_listed_at_once(runner, ctx, tmp_path):
    rows = [opening_row(kind="volunteer", positions="0", min_age="10")]

    result = run(runner, write_csv(tmp_path, rows))

    line = next(line for line in result.output.splitlines() if line.startswith("line 2:"))
    assert "'volunteer' is not a kind of opening. Use job, internship or course." in line
    assert "Positions must be 1 or more." in line
    assert "The minimum age must be from 15 to 65." in line


def test_khmer_title_and_khmer_province_round_trip(runner, ctx, tmp_path):
    rows = [opening_row(title="ជំនួយការចុងភៅ", province="ខេត្តសៀមរាប", skills="ចម្អិនម្ហូប; អនាម័យ")]

    run(runner, write_csv(tmp_path, rows))

    opening = only_opening()
    assert opening.title == "ជំនួយការចុងភៅ"
    assert opening.province_code == "17"
    assert opening.skills == ["ចម្អិនម្ហូប", "អនាម័យ"]


def test_the_public_list_shows_an_imported_khmer_opening_once_its_organization_is_verified(
    runner, ctx, tmp_path, client, make_user
):
    run(runner, write_csv(tmp_path, [opening_row(title="ជំនួយការចុងភៅ", province="សៀមរាប")]))
    assert "ជំនួយការចុងភៅ" not in client.get("/openings").get_data(as_text=True)

    verify(only_opening().organization, by=make_user("counselor"))
    db.session.commit()

    assert "ជំនួយការចុងភៅ" in client.get("/openings").get_data(as_text=True)


def test_an_excel_file_with_a_byte_order_mark_and_untidy_headers_is_read(runner, ctx, tmp_path):
    header = ["Ref", " Kind", "TITLE", "Organization ", "Province", "Closing Date"]
    path = tmp_path / "excel.csv"
    path.write_text(
        ",".join(header) + "\r\nJ-9,Intern,Cashier,Lucky Market,PP,05/03/2030\r\n",
        encoding="utf-8-sig",
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    result = run(runner, path)

    assert result.exit_code == 0, result.output
    opening = only_opening()
    assert (opening.ref, opening.kind, opening.province_code) == ("J-9", "internship", "12")


def test_day_month_year_dates_are_read_the_cambodian_way(runner, ctx, tmp_path):
    run(runner, write_csv(tmp_path, [opening_row(closing_date="05/03/2030")]))

    assert only_opening().closing_date == date(2030, 3, 5)


def test_salaries_may_have_thousand_separators_and_currency_words(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1", salary_min="1,200,000", salary_max="1 500 000", currency="riel"),
        opening_row(ref="J-2", salary_min="$250.00", salary_max="$300"),
        opening_row(ref="J-3", salary_min="800,000៛", salary_max="900 000 ៛"),
    ]

    result = run(runner, write_csv(tmp_path, rows))

    assert result.output.splitlines()[-1] == "created 3 · updated 0 · rejected 0"
    pay = db.session.execute(
        select(Opening.salary_min, Opening.salary_max, Opening.currency).order_by(Opening.ref)
    ).all()
    assert pay == [
        (1_200_000, 1_500_000, Currency.KHR),
        (250, 300, Currency.USD),
        (800_000, 900_000, Currency.KHR),
    ]


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"salary_min": "200"}, "Say the currency of the salary: USD or KHR."),
        ({"salary_min": "$200", "currency": "KHR"}, "The salary is written in two currencies"),
        ({"salary_min": "300", "salary_max": "200", "currency": "USD"}, "salary_min is more"),
        ({"salary_min": "about 200", "currency": "USD"}, "'about 200' is not an amount of money"),
        ({"currency": "euro"}, "'euro' is not a currency. Use USD or KHR."),
    ],
)
def test_a_salary_that_does_not_add_up_is_refused(runner, ctx, tmp_path, cells, reason):
    result = run(runner, write_csv(tmp_path, [opening_row(**cells)]))

    assert reason in result.output
    assert count_openings() == 0


def test_a_district_of_another_province_is_refused(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1", province="Kandal", district="Chamkar Mon"),
        opening_row(ref="J-2", province="Phnom Penh", district="Chamkar Mon"),
        opening_row(ref="J-3", province="Kandal", district="0811"),
    ]

    result = run(runner, write_csv(tmp_path, rows))

    assert "line 2: 'Chamkar Mon' is a district of Phnom Penh, not of Kandal." in result.output
    districts = db.session.scalars(select(Opening.district_code).order_by(Opening.ref)).all()
    assert districts == ["1201", "0811"]


def test_kind_words_counselors_use_are_understood(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1", kind="JOB"),
        opening_row(ref="J-2", kind="Intern"),
        opening_row(ref="J-3", kind="training"),
    ]

    run(runner, write_csv(tmp_path, rows))

    kinds = db.session.scalars(select(Opening.kind).order_by(Opening.ref)).all()
    assert kinds == [OpeningKind.JOB, OpeningKind.INTERNSHIP, OpeningKind.COURSE]


def test_defaults_for_minimum_age_and_positions(runner, ctx, tmp_path):
    run(runner, write_csv(tmp_path, [opening_row()]))

    opening = only_opening()
    assert (opening.min_age, opening.positions, opening.skills) == (15, 1, [])


def test_the_same_ref_twice_in_one_file_is_refused(runner, ctx, tmp_path):
    rows = [opening_row(title="Cook"), opening_row(title="Cleaner")]

    result = run(runner, write_csv(tmp_path, rows))

    assert "line 3: Opening J-1 of Golden Thread Garment is already on line 2." in result.output
    assert only_opening().title == "Cook"


def test_a_closed_opening_is_updated_but_stays_closed(runner, ctx, tmp_path):
    path = write_csv(tmp_path, [opening_row()])
    run(runner, path)
    close(only_opening(), by=None, reason="filled")
    db.session.commit()

    result = run(runner, path)

    assert (
        "line 2: Opening J-1 of Golden Thread Garment is closed; "
        "it was updated but not published again." in result.output
    )
    assert only_opening().status == OpeningStatus.CLOSED


def test_dry_run_checks_and_reports_but_writes_nothing(runner, ctx, tmp_path):
    rows = [opening_row(ref="J-1"), opening_row(ref="J-2", province="Atlantis")]

    result = run(runner, write_csv(tmp_path, rows), "--dry-run")

    assert result.exit_code == 0
    assert "line 3: We do not know the province “Atlantis”." in result.output
    assert "Dry run: nothing was saved." in result.output
    assert "New organization Golden Thread Garment would be added." in result.output
    assert result.output.splitlines()[-1] == "created 1 · updated 0 · rejected 1"
    assert count_openings() == 0
    assert db.session.scalar(select(func.count(Organization.id))) == 0


def test_a_semicolon_separated_file_is_read_too(runner, ctx, tmp_path):
    path = write_csv(tmp_path, [opening_row()], delimiter=";")

    result = run(runner, path)

    assert result.output.splitlines()[-1] == "created 1 · updated 0 · rejected 0"


def test_columns_the_importer_does_not_know_are_named(runner, ctx, tmp_path):
    path = write_csv(tmp_path, [{**opening_row(), "contact": "Dara"}], header=[*HEADER, "contact"])

    result = run(runner, path)

    assert "Columns not used: contact." in result.output
    assert count_openings() == 1


def test_missing_required_columns_stop_the_import_and_are_named(runner, ctx, tmp_path):
    path = write_csv(tmp_path, [{"ref": "J-1", "title": "Cook"}], header=["ref", "title"])

    result = run(runner, path)

    assert result.exit_code != 0
    assert "openings.csv has no column kind, organization, province." in result.output
    assert count_openings() == 0


def test_a_missing_file_exits_non_zero(runner, ctx, tmp_path):
    result = run(runner, tmp_path / "nowhere.csv")

    assert result.exit_code != 0
    assert "does not exist" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ref,kind,title\n".encode("utf-16"), "is not UTF-8 text"),
        (b"", "is empty"),
        (b"PK\x03\x04\x14\x00 workbook", "is a spreadsheet workbook, not a CSV file"),
    ],
)
def test_a_file_that_cannot_be_read_exits_non_zero(runner, ctx, tmp_path, content, message):
    path = tmp_path / "openings.csv"
    path.write_bytes(content)

    result = run(runner, path)

    assert result.exit_code != 0
    assert message in result.output
