"""Who sees which application, and how an employer reaches an applicant: the phone of an
adult who agreed, the center for everyone else."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from portal.auth.models import Role
from portal.extensions import db
from portal.placements.access import (
    applications_visible_to,
    contact_for_employer,
    get_application_or_404,
)
from portal.placements.models import Application


@pytest.fixture
def center(make_center):
    return make_center(name="Kampot center", phone="033 111 222")


@pytest.fixture
def employer(make_user):
    return make_user(Role.EMPLOYER)


@pytest.fixture
def application(make_application, make_opening, make_youth, employer, center):
    youth = make_youth(center_id=center.id, phone="012999888")
    return make_application(opening=make_opening(organization=employer.organization), youth=youth)


def _visible(user):
    return db.session.scalars(select(Application).where(*applications_visible_to(user))).all()


def test_each_role_sees_the_applications_that_are_theirs(
    application, employer, center, make_user, make_application
):
    other = make_application()  # another organization, another youth, no center
    counselor = make_user(Role.COUNSELOR, center_id=center.id)

    assert _visible(employer) == [application]
    assert _visible(counselor) == [application]
    assert {a.id for a in _visible(make_user(Role.ADMIN))} == {application.id, other.id}
    assert _visible(make_user(Role.EMPLOYER)) == []
    assert _visible(make_user(Role.COUNSELOR)) == []
    assert _visible(make_user(Role.YOUTH)) == []


def test_a_youth_sees_only_their_own(make_user, make_application, make_opening):
    youth_user = make_user(Role.YOUTH)
    mine = make_application(youth=youth_user.youth_profile)
    make_application()

    assert _visible(youth_user) == [mine]
    assert get_application_or_404(mine.id, for_user=youth_user) is mine


def test_anyone_else_gets_404(application, make_user):
    for user in (make_user(Role.EMPLOYER), make_user(Role.COUNSELOR), make_user(Role.YOUTH)):
        with pytest.raises(NotFound):
            get_application_or_404(application.id, for_user=user)
    with pytest.raises(NotFound):
        get_application_or_404(999999, for_user=make_user(Role.ADMIN))


def test_an_employer_gets_the_phone_of_an_adult_who_agreed(application):
    application.youth.date_of_birth = date(2000, 1, 1)
    application.youth.set_consent(True)

    assert contact_for_employer(application, date(2026, 1, 1)) == ("youth", "012999888")


def test_an_employer_never_gets_a_minors_phone_even_with_consent(application, center):
    application.youth.date_of_birth = date(2008, 6, 2)
    application.youth.set_consent(True)

    assert contact_for_employer(application, date(2026, 6, 1)) == ("center", center)
    # the day they turn 18 the phone may be shared
    assert contact_for_employer(application, date(2026, 6, 2)) == ("youth", "012999888")


def test_an_adult_who_did_not_agree_is_reached_through_the_center(application, center):
    application.youth.date_of_birth = date(2000, 1, 1)
    application.youth.set_consent(False)

    assert contact_for_employer(application, date(2026, 1, 1)) == ("center", center)
