"""The list of courses: when they start, how long they last, what they cost."""

from datetime import date

from portal.courses.models import CourseDetails
from portal.extensions import db
from portal.jobs.models import Currency, OpeningKind, OpeningStatus


def make_course(make_opening, title, fee=0, province_code="12", start=None, **details):
    opening = make_opening(kind=OpeningKind.COURSE, title=title, province_code=province_code)
    opening.course = CourseDetails(fee=fee, start_date=start, **details)
    db.session.commit()
    return opening


def test_courses_show_start_length_fee_and_scholarship(client, make_opening):
    make_course(
        make_opening,
        "Tailoring course",
        start=date(2099, 5, 4),
        duration_weeks=12,
        scholarship_available=True,
    )
    make_course(make_opening, "Barber course", fee=120, fee_currency=Currency.USD)
    make_opening(title="A job, not a course")
    make_opening(kind=OpeningKind.COURSE, title="Draft course", status=OpeningStatus.DRAFT)
    html = client.get("/courses").get_data(as_text=True)
    assert "Tailoring course" in html and "Barber course" in html
    assert "A job, not a course" not in html and "Draft course" not in html
    assert "Starts May 4, 2099" in html
    assert "12 weeks" in html
    assert "Free" in html
    assert "$120" in html
    assert "Scholarships" in html
    assert html.index("Tailoring course") < html.index("Barber course")  # dated ones first


def test_free_only(client, make_opening):
    make_course(make_opening, "Free computer course")
    make_course(make_opening, "Paid English course", fee=50)
    html = client.get("/courses?free=y").get_data(as_text=True)
    assert "Free computer course" in html
    assert "Paid English course" not in html


def test_province_filter_accepts_any_spelling(client, make_opening):
    make_course(make_opening, "Siem Reap cooking", province_code="17")
    make_course(make_opening, "Phnom Penh cooking", province_code="12")
    html = client.get("/courses?province=siemreap").get_data(as_text=True)
    assert "Siem Reap cooking" in html
    assert "Phnom Penh cooking" not in html
    html = client.get("/courses?province=Atlantis").get_data(as_text=True)
    assert "We do not know the province “Atlantis”." in html
    assert "cooking" not in html


def test_courses_are_paginated(client, make_opening):
    for n in range(21):
        make_course(make_opening, f"Course {n:02d}")
    first = client.get("/courses").get_data(as_text=True)
    assert first.count("course-card") == 20
    assert "Page 1 of 2" in first
    assert client.get("/courses?page=2").get_data(as_text=True).count("course-card") == 1


def test_no_courses_gives_a_friendly_message(client):
    assert "No courses match." in client.get("/courses").get_data(as_text=True)


def test_the_soonest_start_comes_first_and_undated_courses_last_newest_first(client, make_opening):
    make_course(make_opening, "Undated older")
    make_course(make_opening, "Starts in June", start=date(2099, 6, 1))
    make_course(make_opening, "Starts in March", start=date(2099, 3, 1))
    make_course(make_opening, "Undated newer")
    make_course(make_opening, "Starts in April", start=date(2099, 4, 1))
    html = client.get("/courses").get_data(as_text=True)
    shown = ["March", "April", "June", "Undated newer", "Undated older"]
    places = [html.index(title) for title in shown]
    assert places == sorted(places), shown
