"""The words counselors write in columns that both spreadsheets share (the openings file and the
youth file): the kind of opening (an opening's kind, a young person's wanted kinds) and the
school level (an opening's minimum, a young person's schooling). One place, so that both files
read the same words the same way and neither importer imports the other."""

from __future__ import annotations

import re

from flask_babel import gettext as _

from portal.csvimport.cells import parse_choice
from portal.jobs.models import OpeningKind
from portal.khmer import TO_LATIN_DIGITS
from portal.youth.models import EducationLevel

KIND_WORDS = {
    **dict.fromkeys(["job", "jobs", "work", "employment", "ការងារ"], OpeningKind.JOB),
    **dict.fromkeys(
        ["internship", "internships", "intern", "apprenticeship", "កម្មសិក្សា"],
        OpeningKind.INTERNSHIP,
    ),
    **dict.fromkeys(
        ["course", "courses", "training", "class", "វគ្គសិក្សា", "វគ្គបណ្តុះបណ្តាល", "វគ្គបណ្ដុះបណ្ដាល"],
        OpeningKind.COURSE,
    ),
}
EDUCATION_WORDS = {
    **{level.value.replace("_", " "): level for level in EducationLevel},
    **dict.fromkeys(["no school", "never went to school", "គ្មាន"], EducationLevel.NONE),
    **dict.fromkeys(["primary school", "បឋមសិក្សា"], EducationLevel.PRIMARY),
    **dict.fromkeys(["lower secondary school", "អនុវិទ្យាល័យ"], EducationLevel.LOWER_SECONDARY),
    **dict.fromkeys(
        ["upper secondary school", "high school", "bac ii", "bac 2", "bacii", "វិទ្យាល័យ", "បាក់ឌុប"],
        EducationLevel.UPPER_SECONDARY,
    ),
    **dict.fromkeys(["vocational training", "tvet", "វិជ្ជាជីវៈ"], EducationLevel.VOCATIONAL),
    **dict.fromkeys(
        ["bachelor", "degree", "associate degree", "master", "សាកលវិទ្យាល័យ"],
        EducationLevel.UNIVERSITY,
    ),
}
_GRADE = re.compile(r"^(?:grade|ថ្នាក់ទី)\s*(\d{1,2})$")
# The last grade of each school level in Cambodia (grade 0: never went to school).
_GRADES = (
    (0, EducationLevel.NONE),
    (6, EducationLevel.PRIMARY),
    (9, EducationLevel.LOWER_SECONDARY),
    (12, EducationLevel.UPPER_SECONDARY),
)


def parse_kind(text: str) -> OpeningKind:
    """'job', 'training', 'កម្មសិក្សា'... -> the kind of opening."""
    return OpeningKind(
        parse_choice(text, KIND_WORDS, _("kind of opening"), _("job, internship or course"))
    )


def parse_education(text: str) -> str:
    """An EducationLevel value, or a school grade: 'grade 9' is lower secondary."""
    grade = _GRADE.match(text.translate(TO_LATIN_DIGITS).strip().casefold())
    if grade:
        number = int(grade.group(1))
        for last_grade, level in _GRADES:
            if number <= last_grade:
                return level.value
    expected = _("none, primary, grade 9, grade 12, vocational or university")
    return parse_choice(text, EDUCATION_WORDS, _("school level"), expected)


def parse_education_level(text: str) -> EducationLevel:
    """The same words, as the level itself (an opening's minimum schooling)."""
    return EducationLevel(parse_education(text))
