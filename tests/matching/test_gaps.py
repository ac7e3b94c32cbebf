"""Courses close the gap: when few open jobs near a young person fit their skills, they are shown
the courses that teach what the openings of their province ask for most, nearest first, with
why, in their language; never a closed course, never one a hard rule refuses them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from portal.auth.models import Role
from portal.courses.models import CourseDetails
from portal.extensions import db
from portal.jobs.models import OpeningKind, OpeningStatus
from portal.matching.gaps import (
    FEW_JOBS,
    Course,
    Jobs,
    close_the_gap,
    fitting_jobs,
    gap_courses_for,
    grouped,
    skill_wording,
    skills_asked,
)
from portal.places import neighbours
from tests.matching.builders import DAY, born_years_ago, candidate, offer

MONDULKIRI, KRATIE, PHNOM_PENH, SIEM_REAP = "11", "10", "12", "17"

_ids = iter(range(1000, 100_000))


def job(skills: tuple[str, ...], province: str = MONDULKIRI, **fields):
    return offer(id=next(_ids), title="Work", skills=skills, province_code=province, **fields)


def course(title: str, skills: tuple[str, ...], province: str, affordable: bool = True, **fields):
    made = offer(
        id=next(_ids), kind="course", title=title, skills=skills, province_code=province, **fields
    )
    return Course(made, affordable)


def mondulkiri_jobs():
    """Mondulkiri asks for farming three times (once in Khmer), cooking once, no welding."""
    return [
        job(("farming",)),
        job(("farming", "harvesting")),
        job(("កសិកម្ម",)),
        job(("cooking",)),
    ]


def titles(found, courses) -> list[str]:
    by_id = {c.offer.id: c.offer.title for c in courses}
    return [by_id[gap.offer_id] for gap in found]


def suggest(person, jobs, courses, day=DAY):
    return titles(close_the_gap(person, grouped(jobs), courses, day, neighbours), courses)


# ------------------------------------------------------------------ the rules, on plain data


def test_a_welder_in_mondulkiri_gets_the_nearest_course_teaching_what_openings_there_ask():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course("Farming in Phnom Penh", ("farming",), PHNOM_PENH),
        course("Farming in Kratie", ("vegetable growing", "farming"), KRATIE, affordable=False),
        course("Basic welding", ("welding",), MONDULKIRI),  # what he has already
        course("Hair cutting", ("hair cutting",), MONDULKIRI),  # nobody asks for it there
    ]
    found = close_the_gap(welder, grouped(mondulkiri_jobs()), courses, DAY, neighbours)
    assert titles(found, courses) == ["Farming in Kratie", "Farming in Phnom Penh"]
    (reason,) = found[0].reasons
    assert reason.code == "gap"
    assert (reason.params["count"], reason.params["province"]) == (3, MONDULKIRI)
    assert reason.params["concept"] == "farm_worker"


def test_one_skill_is_not_suggested_from_one_town_after_another():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course(f"Farming in {code}", ("farming",), code) for code in ("12", "10", "17", "02", "16")
    ]
    courses.append(course("Cooking in Battambang", ("cooking",), "02"))
    assert suggest(welder, mondulkiri_jobs(), courses) == [
        "Farming in 10",  # Kratie and Ratanakiri are next to Mondulkiri
        "Farming in 16",
        "Cooking in Battambang",  # not a third farming course
    ]


def test_a_course_at_home_comes_before_one_next_door_even_for_a_less_asked_skill():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course("Farming in Kratie", ("farming",), KRATIE),
        course("Cooking in Mondulkiri", ("cooking",), MONDULKIRI),
    ]
    assert suggest(welder, mondulkiri_jobs(), courses) == [
        "Cooking in Mondulkiri",
        "Farming in Kratie",
    ]


def test_someone_with_plenty_of_matching_jobs_gets_no_gap_courses():
    farmer = candidate(skills=("farming",), province_code=MONDULKIRI)
    courses = [course("Cooking in Mondulkiri", ("cooking",), MONDULKIRI)]
    jobs = mondulkiri_jobs()  # three farming jobs fit them
    assert fitting_jobs(farmer, grouped(jobs), DAY) == FEW_JOBS
    assert suggest(farmer, jobs, courses) == []
    # One farming job fewer, and the gap opens: the cooking course is shown.
    assert suggest(farmer, jobs[1:], courses) == ["Cooking in Mondulkiri"]


def test_jobs_in_a_province_they_would_work_in_count_as_fitting():
    sewer = candidate(skills=("sewing",), province_code=MONDULKIRI, work_provinces=(PHNOM_PENH,))
    jobs = [job(("sewing",), PHNOM_PENH) for _ in range(FEW_JOBS)]
    jobs += [job(("sewing",), SIEM_REAP) for _ in range(FEW_JOBS)]  # not where they would go
    assert fitting_jobs(sewer, grouped(jobs), DAY) == FEW_JOBS
    assert fitting_jobs(replace(sewer, work_provinces=()), grouped(jobs), DAY) == 0


def test_jobs_a_minor_may_not_take_do_not_count_as_fitting():
    young_welder = candidate(
        skills=("welding",), province_code=MONDULKIRI, date_of_birth=born_years_ago(16)
    )
    adult_jobs = [job(("welding",), min_age=18) for _ in range(FEW_JOBS)]
    assert fitting_jobs(young_welder, grouped(adult_jobs), DAY) == 0
    assert fitting_jobs(
        candidate(skills=("welding",), province_code=MONDULKIRI), grouped(adult_jobs), DAY
    )


def test_a_minor_is_not_offered_an_adult_only_course():
    young = candidate(skills=(), province_code=MONDULKIRI, date_of_birth=born_years_ago(15))
    courses = [
        course("Farming for adults", ("farming",), MONDULKIRI, min_age=18),
        course("Farming with machines", ("farming",), MONDULKIRI, hazardous=True, min_age=18),
        course("Farming for everyone", ("farming",), KRATIE),
    ]
    assert suggest(young, mondulkiri_jobs(), courses) == ["Farming for everyone"]
    adult = candidate(skills=(), province_code=MONDULKIRI, date_of_birth=born_years_ago(20))
    assert "Farming for adults" in suggest(adult, mondulkiri_jobs(), courses)


def test_a_closed_expired_or_unpublished_course_is_never_suggested():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course("Closed farming", ("farming",), MONDULKIRI, status="closed"),
        course("Draft farming", ("farming",), MONDULKIRI, status="draft"),
        course("Expired farming", ("farming",), MONDULKIRI, closing_date=DAY - timedelta(1)),
        course("Open farming", ("farming",), KRATIE, closing_date=DAY),
    ]
    assert suggest(welder, mondulkiri_jobs(), courses) == ["Open farming"]


def test_closed_jobs_neither_fit_nor_count_as_asked():
    farmer = candidate(skills=("farming",), province_code=MONDULKIRI)
    courses = [course("Cooking in Mondulkiri", ("cooking",), MONDULKIRI)]
    jobs = [job(("farming",)) for _ in range(FEW_JOBS)]
    closed = [job(("farming",), status="closed") for _ in range(FEW_JOBS)]
    closed.append(job(("cooking",), closing_date=DAY - timedelta(1)))
    assert suggest(farmer, jobs, courses) == []
    assert suggest(farmer, closed, courses) == []  # a gap, but no open job asks for cooking


def test_free_or_scholarship_courses_come_first_among_equals():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course("Paid farming", ("farming",), KRATIE, affordable=False),
        course("Free farming", ("farming",), KRATIE, affordable=True),
    ]
    assert suggest(welder, mondulkiri_jobs(), courses) == ["Free farming", "Paid farming"]


def test_the_most_asked_skill_comes_first_among_courses_as_near():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [
        course("Cooking in Kratie", ("cooking",), KRATIE),
        course("Farming in Kratie", ("farming",), KRATIE),
    ]
    assert suggest(welder, mondulkiri_jobs(), courses) == ["Farming in Kratie", "Cooking in Kratie"]


def test_khmer_named_skills_are_counted_with_their_english_twin():
    jobs = [
        job(("sewing", "sewing machine"), PHNOM_PENH),  # one opening, one skill asked
        job(("ដេរ",), PHNOM_PENH),
        job(("welding",), PHNOM_PENH),
        job(("sewing",), SIEM_REAP),  # another province
        job(("sewing",), PHNOM_PENH, kind="course"),  # a course asks nothing of anyone
    ]
    first, second = skills_asked(grouped(jobs), PHNOM_PENH)
    assert (first.concept, first.count) == ("sewing_machine_operator", 2)
    assert {"sewing", "ដេរ"} <= set(first.wordings)
    assert (second.concept, second.count) == ("welder", 1)


def test_jobs_asking_the_same_count_once_each():
    many = [Jobs(job(("farming",)), 4), Jobs(job(("cooking",)), 1)]
    assert [(a.concept, a.count) for a in skills_asked(many, MONDULKIRI)][0] == ("farm_worker", 4)
    assert fitting_jobs(candidate(skills=("farming",), province_code=MONDULKIRI), many, DAY) == 3
    assert fitting_jobs(candidate(skills=("cooking",), province_code=MONDULKIRI), many, DAY) == 1


def test_the_skill_is_named_in_the_readers_language_when_the_vocabulary_knows_it():
    both = {"wordings": ("farming", "កសិកម្ម"), "concept": "farm_worker"}
    assert (skill_wording(both, "en"), skill_wording(both, "km")) == ("farming", "កសិកម្ម")
    english_only = {"wordings": ("farming",), "concept": "farm_worker"}
    assert skill_wording(english_only, "km") == "កម្មករកសិដ្ឋាន"  # the vocabulary's Khmer
    khmer_only = {"wordings": ("ដេរ",), "concept": "sewing_machine_operator"}
    assert skill_wording(khmer_only, "en") == "sewing machine operator"
    unknown = {"wordings": ("net mending",), "concept": None}
    assert skill_wording(unknown, "km") == "net mending"


def test_a_course_teaching_by_its_title_counts():
    welder = candidate(skills=("welding",), province_code=MONDULKIRI)
    courses = [course("Safe vegetable growing and farming", (), KRATIE)]
    assert suggest(welder, mondulkiri_jobs(), courses) == ["Safe vegetable growing and farming"]


# ------------------------------------------------------------------ pages and API


@pytest.fixture
def mondulkiri(make_opening):
    """Open jobs in Mondulkiri asking for farming (once in Khmer), and courses here and there."""
    make_opening(title="Farm worker", skills=["farming"], province_code=MONDULKIRI)
    make_opening(title="Cashew farm", skills=["កសិកម្ម"], province_code=MONDULKIRI)
    make_opening(title="Rice farm", skills=["farming"], province_code=MONDULKIRI)

    def make_course(title, province, status=OpeningStatus.PUBLISHED, **fields):
        return make_opening(
            title=title, kind=OpeningKind.COURSE, skills=["farming"], province_code=province,
            status=status, course=CourseDetails(fee=fields.pop("fee", 0)), **fields,
        )  # fmt: skip

    return {
        "kratie": make_course("Farming in Kratie", KRATIE),
        "closed": make_course("Closed farming course", MONDULKIRI, OpeningStatus.CLOSED),
        "adult": make_course("Adult farming course", MONDULKIRI, min_age=18),
        "expired": make_course(
            "Expired farming course", MONDULKIRI, closing_date=date.today() - timedelta(1)
        ),
    }


def _years_ago(years: int) -> date:
    today = date.today()
    return today.replace(year=today.year - years) - timedelta(days=30)


def _set_profile(user, **fields):
    for name, value in fields.items():
        setattr(user.youth_profile, name, value)
    db.session.commit()
    return user.youth_profile


def test_a_young_welder_sees_courses_that_open_doors_in_english(login_as, mondulkiri):
    client, user = login_as(Role.YOUTH, locale="en")
    _set_profile(user, skills=["welding"], province_code=MONDULKIRI, date_of_birth=_years_ago(16))
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Courses that open doors" in page
    assert "Farming in Kratie" in page
    assert "3 openings in Mondulkiri ask for farming; this course teaches it." in page
    for hidden in ("Closed farming course", "Adult farming course", "Expired farming course"):
        assert hidden not in page


def test_the_same_page_in_khmer_names_the_skill_in_khmer(login_as, mondulkiri):
    client, user = login_as(Role.YOUTH, locale="km")
    _set_profile(user, skills=["welding"], province_code=MONDULKIRI)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "វគ្គសិក្សាដែលបើកទ្វារការងារ" in page  # Courses that open doors
    assert "មានឱកាស 3 នៅ មណ្ឌលគិរី ត្រូវការ កសិកម្ម។ វគ្គនេះបង្រៀនជំនាញនេះ។" in page
    assert "Farming in Kratie" in page


def test_someone_without_skills_sees_the_courses_too(login_as, mondulkiri):
    client, user = login_as(Role.YOUTH, locale="en")
    _set_profile(user, province_code=MONDULKIRI)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Add your skills" in page
    assert "Courses that open doors" in page and "Farming in Kratie" in page


def test_a_young_person_with_enough_jobs_sees_no_gap_courses(login_as, mondulkiri):
    client, user = login_as(Role.YOUTH, locale="en")
    _set_profile(user, skills=["farming"], province_code=MONDULKIRI)
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Farm worker" in page  # their suggestions
    assert "Courses that open doors" not in page
    assert "this course teaches it" not in page


def test_a_counselor_sees_the_courses_on_a_youth_profile(login_as, make_youth, mondulkiri):
    client, counselor = login_as(Role.COUNSELOR, locale="en")
    youth = make_youth(center_id=counselor.center_id, skills=["welding"], province_code=MONDULKIRI)
    page = client.get(f"/youth/{youth.id}").get_data(as_text=True)
    assert "Courses that open doors" in page
    assert "3 openings in Mondulkiri ask for farming; this course teaches it." in page


def test_the_loader_hands_back_the_course_openings(ctx, make_youth, mondulkiri):
    welder = make_youth(skills=["welding"], province_code=MONDULKIRI, date_of_birth=_years_ago(17))
    ((opening, gap),) = gap_courses_for(welder)  # the adults-only course is left out
    assert opening.id == mondulkiri["kratie"].id and opening.course.is_free
    assert gap.reasons[0].params["count"] == 3
    assert gap_courses_for(None) == []


def test_the_loader_counts_the_same_job_posted_again_and_again(ctx, make_youth, make_opening):
    make_opening(title="Rubber tapper", skills=["rubber tapping"], province_code=MONDULKIRI)
    make_opening(title="Tapping course", kind=OpeningKind.COURSE, skills=["rubber tapping"])
    welder = make_youth(skills=["welding"], province_code=MONDULKIRI)
    for _ in range(FEW_JOBS - 1):
        make_opening(title="Welder", skills=["welding"], province_code=MONDULKIRI)
    ((_course, gap),) = gap_courses_for(welder)
    assert gap.reasons[0].params["wordings"] == ("rubber tapping",)
    make_opening(title="Welder", skills=["welding"], province_code=MONDULKIRI)
    assert gap_courses_for(welder) == []  # three welding jobs now: no gap


def test_the_api_lists_the_courses_beside_the_suggestions(app, make_user, make_youth, mondulkiri):
    from portal.auth.tokens import issue_token

    counselor = make_user(Role.COUNSELOR)
    youth = make_youth(
        center_id=counselor.center_id, skills=["welding"], province_code=MONDULKIRI,
        date_of_birth=_years_ago(17),
    )  # fmt: skip
    headers = {"Authorization": f"Bearer {issue_token(counselor)}", "Accept-Language": "en"}
    db.session.commit()
    response = app.test_client().get(f"/api/v1/youth/{youth.id}/suggestions", headers=headers)
    assert response.status_code == 200
    (found,) = response.get_json()["courses"]
    assert set(found) == {"id", "ref", "title", "province", "reasons"}
    assert found["id"] == mondulkiri["kratie"].id and found["province"]["code"] == KRATIE
    assert found["reasons"] == [
        {"code": "gap", "count": 3, "province": "11", "skill": "farming", "concept": "farm_worker"}
    ]
