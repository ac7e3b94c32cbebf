"""The words of a CV: labels of the kinds of work and of how schooling ended, and years as a
reader writes them (Khmer digits for a Khmer reader). Made when asked, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.cv.models import SchoolOutcome, WorkKind
from portal.i18n import localise_digits
from portal.youth.forms import EDUCATION_LABELS

WORK_KIND_LABELS = {
    WorkKind.JOB.value: _l("Paid work"),
    WorkKind.FAMILY.value: _l("Family work (farm, shop, home)"),
    WorkKind.OWN.value: _l("My own small business"),
    WorkKind.HELPING.value: _l("Learning a trade or volunteering"),
}
# The same on the CV itself, where an employer reads them.
WORK_KIND_ON_CV = {
    WorkKind.JOB.value: _l("Paid work"),
    WorkKind.FAMILY.value: _l("Family work"),
    WorkKind.OWN.value: _l("Own small business"),
    WorkKind.HELPING.value: _l("Apprentice or volunteer"),
}
OUTCOME_LABELS = {
    SchoolOutcome.FINISHED.value: _l("I finished it"),
    SchoolOutcome.STOPPED.value: _l("I stopped before the end"),
    SchoolOutcome.STUDYING.value: _l("I am still studying there"),
}


def years(start: int | None, end: int | None, ongoing: bool = False) -> str:
    """ "2019 – 2023", "2021 – now", "2018", or "" when no year is known."""
    if start and end and start != end:
        text = f"{start} – {end}"
    elif start and ongoing and not end:
        text = _("%(year)s – now", year=start)
    else:
        text = str(start or end or "")
    return localise_digits(text)


def outcome_text(outcome: str, grade: int | None) -> str:
    """How the schooling ended, as a CV says it: "Stopped in grade 9", "Finished"."""
    if outcome == SchoolOutcome.STOPPED.value and grade:
        return _("Stopped in grade %(grade)s", grade=localise_digits(str(grade)))
    return {
        SchoolOutcome.FINISHED.value: _("Finished"),
        SchoolOutcome.STOPPED.value: _("Stopped before the end"),
        SchoolOutcome.STUDYING.value: _("Still studying"),
    }[outcome]


def level_text(level: str) -> str:
    return str(EDUCATION_LABELS.get(level, level))
