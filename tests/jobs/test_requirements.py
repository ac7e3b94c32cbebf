"""An opening says what the work needs: hazardous work (adults only), the lowest education and
the languages. Employers set them in the form; everyone reads them on the opening's page."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import Opening
from portal.youth.models import EducationLevel
from tests.jobs.payloads import opening_payload


def tag_of(html: str, attribute: str) -> str:
    """The whole <input ...> tag holding `attribute`."""
    at = html.index(attribute)
    return html[html.rindex("<", 0, at) : html.index(">", at)]


def only_opening() -> Opening:
    return db.session.scalars(select(Opening)).one()


def test_an_employer_says_what_the_work_needs_and_it_is_saved(login_as):
    client, _ = login_as(Role.EMPLOYER)
    data = opening_payload(
        hazardous="y", min_age="18", min_education="lower_secondary", languages=["km", "th"]
    )
    response = client.post("/openings/new", data=data)
    assert response.status_code == 302
    opening = only_opening()
    assert opening.hazardous is True
    assert opening.min_education == EducationLevel.LOWER_SECONDARY
    assert opening.languages == ["km", "th"]


def test_nothing_ticked_means_no_requirements(login_as):
    client, _ = login_as(Role.EMPLOYER)
    assert client.post("/openings/new", data=opening_payload()).status_code == 302
    opening = only_opening()
    assert opening.hazardous is False
    assert opening.min_education is None and opening.languages == []


def test_hazardous_work_for_a_16_year_old_is_refused_next_to_the_minimum_age(login_as):
    client, _ = login_as(Role.EMPLOYER)
    response = client.post("/openings/new", data=opening_payload(hazardous="y", min_age="16"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="min_age-error">Hazardous work is for people of 18 or older.' in html
    assert db.session.scalar(select(func.count()).select_from(Opening)) == 0


def test_the_form_offers_the_education_levels_and_languages_of_the_youth_profile(login_as):
    client, _ = login_as(Role.EMPLOYER)
    html = client.get("/openings/new").get_data(as_text=True)
    assert "Hazardous work (heavy loads, chemicals, heights, night work…)" in html
    assert "Lower secondary (grade 9)" in html
    assert 'value="ko"' in html and "Korean" in html


def test_an_edit_shows_the_saved_requirements(login_as, make_opening):
    client, user = login_as(Role.EMPLOYER)
    opening = make_opening(
        organization=user.organization, min_age=18, hazardous=True, languages=["en"]
    )
    html = client.get(f"/openings/{opening.id}/edit").get_data(as_text=True)
    assert "checked" in tag_of(html, 'id="hazardous"')
    assert "checked" in tag_of(html, 'value="en"')
    assert "checked" not in tag_of(html, 'value="km"')


def test_the_opening_page_shows_the_requirements_in_the_readers_language(client, make_opening):
    opening = make_opening(
        min_age=18,
        hazardous=True,
        min_education=EducationLevel.UPPER_SECONDARY,
        languages=["km", "en"],
    )
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "Hazardous work" in html
    assert "Upper secondary (grade 12)" in html
    assert "Khmer, English" in html
    client.post("/lang/km")
    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "វិទ្យាល័យ (ថ្នាក់ទី១២)" in html
    assert "ខ្មែរ, អង់គ្លេស" in html


def test_an_opening_without_requirements_does_not_mention_them(client, make_opening):
    html = client.get(f"/openings/{make_opening().id}").get_data(as_text=True)
    assert "Hazardous work" not in html and "Languages needed" not in html


def test_the_database_refuses_hazardous_work_open_to_minors(ctx, make_opening):
    with pytest.raises(IntegrityError, match="hazardous_adults_only"):
        make_opening(min_age=17, hazardous=True)
    db.session.rollback()
