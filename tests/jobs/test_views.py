"""The public list and the page of one opening, as young people, employers and staff see them."""

from datetime import date, timedelta

from portal.auth.models import Role
from portal.courses.models import CourseDetails
from portal.extensions import db, utcnow
from portal.jobs.models import Currency, OpeningKind, OpeningStatus


def test_the_list_shows_published_openings_newest_first(client, make_opening):
    make_opening(title="Older cook job", published_at=utcnow() - timedelta(days=3))
    make_opening(title="Newer driver job", published_at=utcnow())
    html = client.get("/openings").get_data(as_text=True)
    assert html.index("Newer driver job") < html.index("Older cook job")
    assert "2 openings" in html


def test_drafts_pending_rejected_closed_and_expired_openings_are_not_listed(client, make_opening):
    make_opening(title="Open welder job")
    for status in (
        OpeningStatus.DRAFT,
        OpeningStatus.PENDING_REVIEW,
        OpeningStatus.REJECTED,
        OpeningStatus.CLOSED,
    ):
        make_opening(title=f"Hidden {status}", status=status)
    make_opening(title="Expired baker job", closing_date=date.today() - timedelta(days=1))
    html = client.get("/openings").get_data(as_text=True)
    assert "Open welder job" in html
    assert "Hidden" not in html
    assert "Expired baker job" not in html


def test_an_expired_opening_is_404_for_the_public(client, make_opening):
    opening = make_opening(closing_date=date.today() - timedelta(days=1))
    assert client.get(f"/openings/{opening.id}").status_code == 404


def test_an_opening_closing_today_is_still_open(client, make_opening):
    opening = make_opening(title="Last day job", closing_date=date.today())
    assert client.get(f"/openings/{opening.id}").status_code == 200
    assert "Last day job" in client.get("/openings").get_data(as_text=True)


def test_a_missing_opening_is_404(client):
    response = client.get("/openings/999999")
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)


def test_province_filter_accepts_a_misspelling(client, make_opening):
    make_opening(title="Rice mill helper", province_code="15")
    make_opening(title="City cafe waiter", province_code="12")
    response = client.get("/openings?province=Purset")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Rice mill helper" in html
    assert "City cafe waiter" not in html
    assert "1 opening in Pursat" in html
    assert '<option selected value="15">' in html


def test_an_unknown_province_is_explained_with_suggestions(client, make_opening):
    make_opening(title="City cafe waiter", province_code="12")
    response = client.get("/openings?province=Paris")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "We do not know the province “Paris”." in html
    assert "Did you mean:" in html
    assert "Phnom Penh</a>" in html
    assert "City cafe waiter" not in html  # nothing listed under a wrong guess


def test_kind_filter_and_a_bad_kind_is_ignored(client, make_opening):
    make_opening(title="Bank internship", kind=OpeningKind.INTERNSHIP)
    make_opening(title="Guard job", kind=OpeningKind.JOB)
    html = client.get("/openings?kind=internship").get_data(as_text=True)
    assert "Bank internship" in html and "Guard job" not in html
    response = client.get("/openings?kind=spaceship")
    assert response.status_code == 200
    assert "Bank internship" in response.get_data(as_text=True)
    assert "Guard job" in response.get_data(as_text=True)


def test_words_match_title_description_and_organization_ignoring_case(
    client, make_opening, make_org
):
    make_opening(title="Motorbike mechanic")
    make_opening(title="Helper", description="Repair MOTORBIKES in our shop")
    make_opening(title="Shop seller", organization=make_org(name="Motorbike World"))
    make_opening(title="Cook")
    html = client.get("/openings?q=motorbike").get_data(as_text=True)
    assert "Motorbike mechanic" in html and "Helper" in html and "Shop seller" in html
    assert "Cook" not in html
    assert client.get("/openings?q=100%25_").status_code == 200


def test_nothing_found_gives_a_friendly_message(client, make_opening):
    make_opening(title="Cook")
    html = client.get("/openings?q=astronaut").get_data(as_text=True)
    assert "No openings match what you asked for." in html


def test_the_list_has_twenty_openings_per_page(client, make_opening):
    for n in range(21):
        make_opening(title=f"Job number {n:02d}")
    first = client.get("/openings").get_data(as_text=True)
    assert first.count('class="opening-card"') == 20
    assert "Page 1 of 2" in first
    second = client.get("/openings?page=2").get_data(as_text=True)
    assert second.count('class="opening-card"') == 1
    assert client.get("/openings?page=abc").status_code == 200


def test_the_page_of_an_opening_shows_everything_a_young_person_needs(
    client, make_opening, make_org
):
    opening = make_opening(
        title="Garment worker",
        organization=make_org(name="Golden Thread Co"),
        province_code="12",
        district_code="1201",
        salary_min=200,
        salary_max=260,
        currency=Currency.USD,
        min_age=18,
        positions=5,
        closing_date=date(2099, 3, 1),
        skills=["sewing", "ironing"],
        description="Sew shirts.",
    )
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    for text in (
        "Garment worker",
        "Golden Thread Co",
        "Job",
        "Phnom Penh",
        "Chamkar Mon",
        "$200–$260",
        "18 years old",
        "5",
        "Mar 1, 2099",
        "sewing",
        "ironing",
        "Sew shirts.",
    ):
        assert text in html
    assert "Reference" not in html  # the public sees no internal fields
    assert "Edit" not in html


def test_place_names_are_shown_in_khmer_to_a_khmer_reader(client, make_opening):
    opening = make_opening(province_code="15")
    client.post("/lang/km")
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "ពោធិ៍សាត់" in html


def test_a_course_shows_its_start_length_fee_and_scholarship(client, make_opening):
    opening = make_opening(kind=OpeningKind.COURSE, title="Barista course", min_age=15)
    opening.course = CourseDetails(
        start_date=date(2099, 6, 1), duration_weeks=8, fee=0, scholarship_available=True
    )
    db.session.commit()
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "Jun 1, 2099" in html
    assert "8 weeks" in html
    assert "Free" in html
    assert "Yes, ask the school" in html


def test_a_paid_course_shows_its_fee(client, make_opening):
    opening = make_opening(kind=OpeningKind.COURSE)
    opening.course = CourseDetails(fee=150000, fee_currency=Currency.KHR)
    db.session.commit()
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "150,000៛" in html
    assert "Free" not in html


def test_the_owning_employer_sees_its_pending_opening_with_badge_and_note(
    login_as, make_opening, make_org
):
    client, employer = login_as(Role.EMPLOYER)
    opening = make_opening(
        organization=employer.organization,
        status=OpeningStatus.PENDING_REVIEW,
        title="Our pending job",
        review_note="Add the working hours.",
    )
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "Our pending job" in html
    assert "Waiting for review" in html
    assert "Add the working hours." in html
    assert f"/openings/{opening.id}/edit" in html
    assert "Approve" not in html


def test_nobody_else_sees_an_unpublished_opening(client, login_as, make_opening):
    opening = make_opening(status=OpeningStatus.PENDING_REVIEW)
    other_employer, _ = login_as(Role.EMPLOYER)
    youth, _ = login_as(Role.YOUTH)
    assert client.get(f"/openings/{opening.id}").status_code == 404
    assert other_employer.get(f"/openings/{opening.id}").status_code == 404
    assert youth.get(f"/openings/{opening.id}").status_code == 404


def test_staff_see_any_status_and_the_review_actions(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    pending = make_opening(status=OpeningStatus.PENDING_REVIEW)
    html = client.get(f"/openings/{pending.id}").get_data(as_text=True)
    assert "Waiting for review" in html
    assert f"/openings/{pending.id}/approve" in html
    assert f"/openings/{pending.id}/reject" in html
    assert f"/openings/{pending.id}/edit" in html
    published = make_opening()
    html = client.get(f"/openings/{published.id}").get_data(as_text=True)
    assert f"/openings/{published.id}/close" in html
    assert f"/openings/{published.id}/approve" not in html


def test_the_owner_sees_its_expired_opening_with_a_warning(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    opening = make_opening(
        organization=employer.organization, closing_date=date.today() - timedelta(days=2)
    )
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "The closing date has passed" in html
