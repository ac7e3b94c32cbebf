"""Who may see and edit an opening: one helper answers for every view."""

from datetime import date, timedelta

import pytest
from flask_login import AnonymousUserMixin
from werkzeug.exceptions import NotFound

from portal.auth.models import Role
from portal.jobs.access import can_edit, can_view, get_opening_or_404
from portal.jobs.models import OpeningStatus

UNPUBLISHED = [
    OpeningStatus.DRAFT,
    OpeningStatus.PENDING_REVIEW,
    OpeningStatus.REJECTED,
    OpeningStatus.CLOSED,
]


@pytest.fixture
def people(make_user, make_org):
    org = make_org()
    return {
        "visitor": AnonymousUserMixin(),
        "youth": make_user(Role.YOUTH),
        "owner": make_user(Role.EMPLOYER, organization_id=org.id),
        "other_employer": make_user(Role.EMPLOYER),
        "counselor": make_user(Role.COUNSELOR),
        "admin": make_user(Role.ADMIN),
        "org": org,
    }


def test_everyone_sees_an_open_published_opening(people, make_opening):
    opening = make_opening(organization=people["org"])
    for who in ("visitor", "youth", "owner", "other_employer", "counselor", "admin"):
        assert get_opening_or_404(opening.id, for_user=people[who]) is opening


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_only_the_owner_and_staff_see_other_statuses(people, make_opening, status):
    opening = make_opening(organization=people["org"], status=status)
    for who in ("owner", "counselor", "admin"):
        assert can_view(people[who], opening)
    for who in ("visitor", "youth", "other_employer"):
        assert not can_view(people[who], opening)
        with pytest.raises(NotFound):
            get_opening_or_404(opening.id, for_user=people[who])


def test_an_expired_opening_is_hidden_from_the_public_only(people, make_opening):
    opening = make_opening(
        organization=people["org"], closing_date=date.today() - timedelta(days=1)
    )
    assert not can_view(people["visitor"], opening)
    assert not can_view(people["youth"], opening)
    assert can_view(people["owner"], opening)
    assert can_view(people["counselor"], opening)


def test_a_missing_opening_is_404_for_everyone(people):
    for who in ("visitor", "admin"):
        with pytest.raises(NotFound):
            get_opening_or_404(424242, for_user=people[who])


def test_only_staff_and_the_owner_may_edit(people, make_opening):
    opening = make_opening(organization=people["org"])
    assert can_edit(people["owner"], opening)
    assert can_edit(people["counselor"], opening)
    assert can_edit(people["admin"], opening)
    for who in ("visitor", "youth", "other_employer"):
        assert not can_edit(people[who], opening)
    assert not can_edit(None, opening)
