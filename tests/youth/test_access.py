"""Who may open a youth profile: get_youth_or_404 decides for every view."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin
from werkzeug.exceptions import NotFound

from portal.auth.models import Role
from portal.youth.access import can_see_youth, get_youth_or_404


@pytest.fixture
def center_and_youth(make_center, make_youth):
    center = make_center()
    return center, make_youth(center_id=center.id)


def test_a_counselor_opens_a_youth_of_their_center(make_user, center_and_youth):
    center, youth = center_and_youth
    counselor = make_user(Role.COUNSELOR, center_id=center.id)

    assert get_youth_or_404(youth.id, for_user=counselor) is youth


def test_a_counselor_of_another_center_gets_404(make_user, center_and_youth):
    _center, youth = center_and_youth
    stranger = make_user(Role.COUNSELOR)  # a center of their own

    with pytest.raises(NotFound):
        get_youth_or_404(youth.id, for_user=stranger)


def test_a_youth_without_a_center_is_seen_by_admins_only(make_user, make_youth):
    lonely = make_youth(center_id=None)

    assert get_youth_or_404(lonely.id, for_user=make_user(Role.ADMIN)) is lonely
    with pytest.raises(NotFound):
        get_youth_or_404(lonely.id, for_user=make_user(Role.COUNSELOR))


def test_an_admin_opens_any_youth(make_user, center_and_youth):
    _center, youth = center_and_youth

    assert get_youth_or_404(youth.id, for_user=make_user(Role.ADMIN)) is youth


def test_a_young_person_sees_only_their_own_profile(make_user, center_and_youth):
    _center, someone = center_and_youth
    youth = make_user(Role.YOUTH)

    assert get_youth_or_404(youth.youth_profile.id, for_user=youth) is youth.youth_profile
    with pytest.raises(NotFound):
        get_youth_or_404(someone.id, for_user=youth)


def test_employers_and_visitors_see_no_profile(make_user, center_and_youth):
    _center, youth = center_and_youth

    assert not can_see_youth(youth, make_user(Role.EMPLOYER))
    assert not can_see_youth(youth, AnonymousUserMixin())


def test_a_missing_id_is_404(make_user):
    with pytest.raises(NotFound):
        get_youth_or_404(999_999, for_user=make_user(Role.ADMIN))
