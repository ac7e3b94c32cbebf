"""Matching reads a saved young person and a saved opening as plain data, and suggests the
opening to them."""

from datetime import date

from portal.jobs.models import OpeningKind, OpeningStatus
from portal.matching import from_opening, from_youth, suggest_openings
from portal.matching.rules import minor_protected
from portal.youth.models import EducationLevel
from tests.matching.builders import neighbours


def test_a_saved_profile_and_opening_become_a_candidate_and_an_offer(make_youth, make_opening):
    youth = make_youth(
        skills=["Sewing", "cooking"],
        province_code="08",
        work_provinces=["12"],
        wanted_kinds=["job"],
        education_level=EducationLevel.UPPER_SECONDARY,
        languages=["km", "en"],
        date_of_birth=date(2005, 6, 1),
    )
    youth.set_consent(True)
    opening = make_opening(
        kind=OpeningKind.JOB,
        title="Garment sewer",
        skills=["sewing machine"],
        province_code="12",
        min_age=18,
        closing_date=date(2026, 12, 31),
    )
    person, offer = from_youth(youth), from_opening(opening)
    assert person.skills == ("Sewing", "cooking")
    assert person.work_provinces == ("12",) and person.wanted_kinds == ("job",)
    assert person.education_level == "upper_secondary" and person.consent
    assert offer.kind == "job" and offer.status == "published" and offer.min_age == 18
    # Nothing said about the work's needs: none.
    assert offer.hazardous is False and offer.min_education is None and offer.languages == ()
    [match] = suggest_openings(person, [offer], date(2026, 11, 25), neighbours)
    assert match.offer_id == opening.id and match.candidate_id == youth.id
    pairs = match.reason("skills").params["pairs"]
    assert pairs == [("Sewing", "sewing machine"), ("Sewing", "Garment sewer")]
    assert match.reason("place").params["tier"] == "work_province"


def test_a_draft_opening_read_from_the_database_is_not_suggested(make_youth, make_opening):
    person = from_youth(make_youth(skills=["sewing"]))
    draft = from_opening(make_opening(title="Sewer", status=OpeningStatus.DRAFT))
    assert suggest_openings(person, [draft], date(2026, 11, 25), neighbours) == []


def test_an_openings_requirements_are_read_from_the_database(make_opening):
    opening = make_opening(
        min_age=18,
        hazardous=True,
        min_education=EducationLevel.LOWER_SECONDARY,
        languages=["km", "th"],
    )
    offer = from_opening(opening)
    assert offer.hazardous is True
    assert offer.min_education == "lower_secondary"
    assert offer.languages == ("km", "th")


def test_a_minor_is_never_suggested_a_saved_hazardous_opening(make_youth, make_opening):
    day = date(2026, 11, 25)
    minor = from_youth(make_youth(skills=["welding"], date_of_birth=date(2009, 6, 1)))
    adult = from_youth(make_youth(skills=["welding"], date_of_birth=date(2000, 6, 1)))
    hazardous = from_opening(
        make_opening(title="Welder", skills=["welding"], min_age=18, hazardous=True)
    )
    assert suggest_openings(minor, [hazardous], day, neighbours) == []
    assert minor_protected(minor, hazardous, day) == "minor_hazardous"
    [match] = suggest_openings(adult, [hazardous], day, neighbours)
    assert match.offer_id == hazardous.id
