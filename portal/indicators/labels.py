"""Words for what a report holds: indicators, sexes, age bands and breakdown values, in the
reader's language. An indicator the computation adds without a label here is still shown by its
id, so a new figure never breaks the page or an export."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.indicators.types import Breakdown
from portal.places import province_name
from portal.youth.forms import EDUCATION_LABELS

SEX_LABELS = {
    "female": _l("Female"),
    "male": _l("Male"),
    "other": _l("Other or not said"),
    "total": _l("Total"),
}
SHORT_SEX_LABELS = {"female": _l("Female"), "male": _l("Male"), "other": _l("Other")}  # charts
BAND_LABELS = {
    "15-17": _l("15–17"),
    "18-24": _l("18–24"),
    "25-30": _l("25–30"),
    "all": _l("All ages"),
}
BREAKDOWN_LABELS = {
    Breakdown.PROVINCE: _l("By province"),
    Breakdown.DISABILITY: _l("By disability"),
    Breakdown.EDUCATION: _l("By education"),
    Breakdown.OCCUPATION: _l("By occupation group (openings)"),
}
DISABILITY_LABELS = {
    "yes": _l("With a disability"),
    "no": _l("Without a disability"),
    "not_said": _l("Not said"),
}


def indicator_label(indicator: str) -> str:
    """An indicator's name, as the computation's registry gives it (compute.INDICATORS)."""
    from portal.indicators.compute import INDICATORS

    for known in INDICATORS:
        if known.id == indicator:
            return str(known.label)
    return indicator


def breakdown_value_label(breakdown: Breakdown, value: str, locale: str = "en") -> str:
    """A province's name, "with a disability", a school level; "not said" where nobody said."""
    if breakdown == Breakdown.PROVINCE:
        return province_name(value, locale) or str(DISABILITY_LABELS["not_said"])
    if breakdown == Breakdown.DISABILITY:
        return str(DISABILITY_LABELS.get(value, value))
    if breakdown == Breakdown.EDUCATION:
        label = EDUCATION_LABELS.get(value) or DISABILITY_LABELS["not_said"]
        return str(label)
    if breakdown == Breakdown.OCCUPATION:
        return _occupation_label(value, locale)
    return value


def _occupation_label(value: str, locale: str) -> str:
    """An ISCO-08 minor group as "723 Machinery mechanics and repairers"; a vocabulary concept
    without one by its id; "Other" for titles no concept names."""
    from portal.occupations import minor_groups
    from portal.search.vocabulary import concepts

    language = locale.split("_")[0]
    name = minor_groups(language).get(value)
    if name:
        return f"{value} {name}"
    if value == "other":
        return str(_l("Other"))
    concept = next((c for c in concepts() if c.id == value), None)
    if concept is None:
        return value
    names = concept.khmer if language == "km" and concept.khmer else concept.english
    return names[0] if names else value
