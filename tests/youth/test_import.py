"""A counselor registers young people from a spreadsheet with `flask youth import FILE.csv`."""

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.csvimport.words import parse_education
from portal.extensions import db
from portal.youth.models import EducationLevel, Gender, YouthProfile
from tests.youth.helpers import years_ago

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "youth_example.csv"
HEADER = [
    "ref",
    "full_name",
    "gender",
    "date_of_birth",
    "phone",
    "province",
    "skills",
    "education_level",
    "wanted_kinds",
    "work_provinces",
]


def youth_row(**cells) -> dict:
    row = {
        "ref": "Y-1",
        "full_name": "Sok Dara",
        "gender": "F",
        "date_of_birth": years_ago(19).strftime("%d/%m/%Y"),
        "province": "Phnom Penh",
    }
    return {**row, **cells}


def write_csv(tmp_path, rows, header=HEADER, name="youth.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(runner, path, center, *options):
    return runner.invoke(args=["youth", "import", str(path), "--center", str(center), *options])


def count_youth() -> int:
    return db.session.scalar(select(func.count(YouthProfile.id)))


def only_youth() -> YouthProfile:
    return db.session.scalars(select(YouthProfile)).one()


@pytest.fixture
def center(make_center):
    return make_center("Phnom Penh Job Center")


def test_the_example_file_registers_everyone_at_the_center(runner, ctx, tmp_path, center):
    result = run(runner, shutil.copy(EXAMPLE, tmp_path), center.name)

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "created 4 · updated 0 · rejected 0"
    youth = {y.ref: y for y in db.session.scalars(select(YouthProfile))}
    assert {y.center_id for y in youth.values()} == {center.id}
    dara, sophea, vuthy, pov = (youth[f"Y-000{n}"] for n in range(1, 5))
    assert (dara.gender, dara.phone, dara.education_level) == (
        Gender.FEMALE,
        "012345678",
        EducationLevel.LOWER_SECONDARY,
    )
    assert dara.wanted_kinds == ["job", "course"]
    assert dara.work_provinces == ["08", "12"]
    assert (sophea.full_name, sophea.gender, sophea.province_code) == ("ចាន់ សុភា", "female", "03")
    assert sophea.phone == "0977654321"
    assert sophea.work_provinces == ["03", "12"]
    assert (vuthy.phone, vuthy.education_level) == (None, EducationLevel.UPPER_SECONDARY)
    assert (pov.province_code, pov.skills, pov.work_provinces) == ("04", [], [])


def test_the_counselor_finds_imported_youth_in_the_center_list(runner, ctx, tmp_path, login_as):
    client, counselor = login_as("counselor")
    run(runner, write_csv(tmp_path, [youth_row(full_name="ចាន់ សុភា")]), counselor.center_id)

    page = client.get("/youth").get_data(as_text=True)

    assert "ចាន់ សុភា" in page


def test_importing_the_same_file_twice_updates_and_never_duplicates(runner, ctx, tmp_path, center):
    path = shutil.copy(EXAMPLE, tmp_path)
    run(runner, path, center.name)

    result = run(runner, path, center.name)

    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "created 0 · updated 4 · rejected 0"
    assert count_youth() == 4


def test_a_second_import_changes_the_profile_but_keeps_the_consent(runner, ctx, tmp_path, center):
    run(runner, write_csv(tmp_path, [youth_row(skills="sewing")]), center.id)
    profile = only_youth()
    profile.set_consent(True)
    db.session.commit()

    run(runner, write_csv(tmp_path, [youth_row(skills="sewing; cooking")]), center.id)

    db.session.refresh(profile)
    assert profile.skills == ["sewing", "cooking"]
    assert profile.consent_to_share


def test_a_young_person_who_moved_province_loses_the_old_district(
    runner, ctx, tmp_path, center, make_youth
):
    make_youth(center_id=center.id, ref="Y-1", province_code="12", district_code="1201")

    result = run(runner, write_csv(tmp_path, [youth_row(province="Kandal")]), center.id)

    assert result.output.splitlines()[-1] == "created 0 · updated 1 · rejected 0"
    profile = only_youth()
    db.session.refresh(profile)
    assert (profile.province_code, profile.district_code) == ("08", None)


def test_the_same_ref_at_another_center_is_another_young_person(runner, ctx, tmp_path, make_center):
    path = write_csv(tmp_path, [youth_row()])
    run(runner, path, make_center("Center A").name)

    result = run(runner, path, make_center("Center B").name)

    assert result.output.splitlines()[-1] == "created 1 · updated 0 · rejected 0"
    assert count_youth() == 2


def test_a_bad_work_province_is_reported_with_its_line_and_the_closest_names(
    runner, ctx, tmp_path, center
):
    rows = [
        youth_row(ref="Y-1", work_provinces="Phnom Penh; Preah; Purset"),
        youth_row(ref="Y-2", work_provinces="Purset"),
    ]

    result = run(runner, write_csv(tmp_path, rows), center.name)

    assert result.exit_code == 0
    assert (
        "line 2: We do not know the province “Preah”. Did you mean: Preah Vihear, Preah Sihanouk"
        in result.output
    )
    assert only_youth().work_provinces == ["15"]


def test_a_bad_date_of_birth_says_which_format_to_use(runner, ctx, tmp_path, center):
    result = run(runner, write_csv(tmp_path, [youth_row(date_of_birth="2004/31/12")]), center.id)

    assert "line 2: '2004/31/12' is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY" in (
        result.output
    )
    assert count_youth() == 0


def test_the_age_rules_of_the_web_form_apply(runner, ctx, tmp_path, center):
    rows = [youth_row(date_of_birth=years_ago(12).isoformat())]

    result = run(runner, write_csv(tmp_path, rows), center.id)

    assert "line 2: Phlov is for young people from 15 years old." in result.output
    assert count_youth() == 0


def test_a_missing_name_and_a_bad_phone_are_both_reported(runner, ctx, tmp_path, center):
    rows = [youth_row(ref="Y-1", full_name="", phone="12345"), youth_row(ref="Y-2")]

    result = run(runner, write_csv(tmp_path, rows), center.id)

    line = next(line for line in result.output.splitlines() if line.startswith("line 2:"))
    assert "The full_name is missing." in line
    assert "'12345' is not a Cambodian phone number." in line
    assert only_youth().ref == "Y-2"


@pytest.mark.parametrize(
    ("typed", "gender"),
    [("F", "female"), ("m", "male"), ("Female", "female"), ("ស្រី", "female"), ("ប្រុស", "male")],
)
def test_gender_is_understood_in_english_letters_and_khmer(
    runner, ctx, tmp_path, center, typed, gender
):
    run(runner, write_csv(tmp_path, [youth_row(gender=typed)]), center.id)

    assert only_youth().gender == gender


def test_an_unknown_gender_says_what_to_write(runner, ctx, tmp_path, center):
    result = run(runner, write_csv(tmp_path, [youth_row(gender="W")]), center.id)

    assert "'W' is not a gender. Use female, male or other (F, M)." in result.output


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("lower_secondary", "lower_secondary"),
        ("University", "university"),
        ("grade 9", "lower_secondary"),
        ("Grade 12", "upper_secondary"),
        ("grade 5", "primary"),
        ("ថ្នាក់ទី៩", "lower_secondary"),
        ("BAC II", "upper_secondary"),
        ("vocational", "vocational"),
        ("TVET", "vocational"),
        ("no school", "none"),
    ],
)
def test_school_levels_are_understood_as_counselors_write_them(typed, level):
    assert parse_education(typed) == level


def test_an_unknown_school_level_is_refused(runner, ctx, tmp_path, center):
    result = run(runner, write_csv(tmp_path, [youth_row(education_level="grade 14")]), center.id)

    assert "'grade 14' is not a school level." in result.output


def test_an_unknown_wanted_kind_is_refused(runner, ctx, tmp_path, center):
    result = run(runner, write_csv(tmp_path, [youth_row(wanted_kinds="job; party")]), center.id)

    assert "'party' is not a kind of opening. Use job, internship or course." in result.output


def test_dry_run_checks_and_reports_but_writes_nothing(runner, ctx, tmp_path, center):
    path = shutil.copy(EXAMPLE, tmp_path)

    result = run(runner, path, center.name, "--dry-run")

    assert result.exit_code == 0
    assert "Dry run: nothing was saved." in result.output
    assert result.output.splitlines()[-1] == "created 4 · updated 0 · rejected 0"
    assert count_youth() == 0


def test_an_unknown_center_exits_non_zero_and_lists_the_centers(runner, ctx, tmp_path, make_center):
    make_center("Battambang Job Center")
    make_center("Siem Reap Job Center")

    result = run(runner, write_csv(tmp_path, [youth_row()]), "Atlantis Center")

    assert result.exit_code != 0
    assert "no center 'Atlantis Center'" in result.output
    assert "Battambang Job Center, Siem Reap Job Center" in result.output
    assert count_youth() == 0


def test_a_missing_file_exits_non_zero(runner, ctx, tmp_path, center):
    result = run(runner, tmp_path / "nowhere.csv", center.id)

    assert result.exit_code != 0
    assert count_youth() == 0


def test_missing_required_columns_stop_the_import(runner, ctx, tmp_path, center):
    path = write_csv(tmp_path, [{"ref": "Y-1"}], header=["ref", "phone"])

    result = run(runner, path, center.id)

    assert result.exit_code != 0
    assert "youth.csv has no column full_name, gender, date_of_birth, province." in result.output
