"""A counselor's spreadsheet may say what the work needs: hazardous, min_education, languages."""

from sqlalchemy import select

from portal.extensions import db
from portal.jobs.models import Opening
from portal.youth.models import EducationLevel
from tests.jobs.test_import import (
    HEADER,
    count_openings,
    only_opening,
    opening_row,
    run,
    write_csv,
)

REQUIREMENTS = [*HEADER, "hazardous", "min_education", "languages"]


def import_rows(runner, tmp_path, *rows):
    return run(runner, write_csv(tmp_path, list(rows), header=REQUIREMENTS))


def test_the_requirements_columns_are_read(runner, ctx, tmp_path):
    row = opening_row(
        hazardous="yes", min_age="18", min_education="grade 9", languages="km; English ;th"
    )
    result = import_rows(runner, tmp_path, row)

    assert result.exit_code == 0, result.output
    opening = only_opening()
    assert opening.hazardous is True
    assert opening.min_education == EducationLevel.LOWER_SECONDARY
    assert opening.languages == ["km", "en", "th"]


def test_without_the_columns_an_opening_needs_nothing(runner, ctx, tmp_path):
    result = run(runner, write_csv(tmp_path, [opening_row()]))

    assert result.exit_code == 0, result.output
    opening = only_opening()
    assert opening.hazardous is False
    assert opening.min_education is None and opening.languages == []


def test_khmer_yes_and_no_and_khmer_school_words_are_understood(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1", hazardous="បាទ", min_age="20", min_education="វិទ្យាល័យ"),
        opening_row(ref="J-2", hazardous="ទេ", min_education="បឋមសិក្សា"),
        opening_row(ref="J-3", hazardous="0"),
    ]
    result = import_rows(runner, tmp_path, *rows)

    assert result.exit_code == 0, result.output
    openings = {o.ref: o for o in db.session.scalars(select(Opening))}
    assert openings["J-1"].hazardous and openings["J-1"].min_age == 20
    assert openings["J-1"].min_education == EducationLevel.UPPER_SECONDARY
    assert not openings["J-2"].hazardous
    assert openings["J-2"].min_education == EducationLevel.PRIMARY
    assert not openings["J-3"].hazardous


def test_a_hazardous_opening_without_a_minimum_age_is_for_adults(runner, ctx, tmp_path):
    result = import_rows(runner, tmp_path, opening_row(hazardous="true"))

    assert result.exit_code == 0, result.output
    assert only_opening().min_age == 18


def test_bad_requirement_values_are_refused_with_their_line(runner, ctx, tmp_path):
    rows = [
        opening_row(ref="J-1", hazardous="maybe"),
        opening_row(ref="J-2", min_education="PhD"),
        opening_row(ref="J-3", languages="km; Klingon"),
        opening_row(ref="J-4", hazardous="1", min_age="16"),
    ]
    result = import_rows(runner, tmp_path, *rows)

    assert "line 2: 'maybe' is not a yes or no answer. Use yes or no (1 or 0)." in result.output
    assert "line 3: 'PhD' is not a school level." in result.output
    assert "line 4: 'Klingon' is not a language." in result.output
    assert "line 5: The minimum age must be from 18 to 65." in result.output
    assert count_openings() == 0
