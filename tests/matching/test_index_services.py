"""The indexes behind the pages never answer from stale data: an opening published, edited or
closed, a profile added or edited, is seen by the very next request; and the indexes are
reused while nothing changes."""

from __future__ import annotations

from datetime import date

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.jobs.services import close
from portal.matching.services import (
    candidate_index,
    candidates_for,
    offer_index,
    suggestions_for,
)


def _titles(profile) -> list[str]:
    return [opening.title for opening, _match in suggestions_for(profile)]


def _names(opening, user) -> list[str]:
    return [youth.full_name for youth, _match in candidates_for(opening, user)]


def test_an_opening_published_edited_or_closed_shows_at_once(make_youth, make_opening):
    youth = make_youth(skills=["welding"])
    sewing = make_opening(title="Garment sewer", skills=["sewing"], province_code="25")
    assert _titles(youth) == ["Garment sewer"]  # the only one open, even with no skill in common
    welding = make_opening(title="Welder", skills=["welding"], status=OpeningStatus.DRAFT)
    assert _titles(youth) == ["Garment sewer"]
    welding.status = OpeningStatus.PUBLISHED
    db.session.commit()
    assert _titles(youth) == ["Welder", "Garment sewer"]
    sewing.skills, sewing.province_code = ["welding"], "12"
    db.session.commit()
    assert _titles(youth) == ["Garment sewer", "Welder"]  # same score: lower id first
    close(sewing, by=None)
    db.session.commit()
    assert _titles(youth) == ["Welder"]


def test_the_reasons_follow_an_edited_profile(make_youth, make_opening):
    youth = make_youth(skills=["sewing"])
    make_opening(title="Motorbike mechanic", skills=["motorbike repair"])
    [(_opening, match)] = suggestions_for(youth)
    assert match.reason("skills") is None
    youth.skills = ["repair motorbike"]
    db.session.commit()
    [(_opening, match)] = suggestions_for(youth)
    assert ("repair motorbike", "motorbike repair") in match.reason("skills").params["pairs"]


def test_a_profile_added_or_edited_shows_in_the_candidates_at_once(
    login_as, make_youth, make_opening
):
    _client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Cook", skills=["cooking"])
    ours = dict(center_id=counselor.center_id)
    sokha = make_youth(full_name="Sokha Cook", skills=["cooking"], **ours)
    assert _names(opening, counselor) == ["Sokha Cook"]
    dara = make_youth(full_name="Dara Welder", skills=["welding"], **ours)
    assert _names(opening, counselor) == ["Sokha Cook", "Dara Welder"]
    sokha.skills, dara.skills = ["welding"], ["cooking"]
    db.session.commit()
    assert _names(opening, counselor) == ["Dara Welder", "Sokha Cook"]


def test_counselors_see_their_centers_candidates_and_admins_everyone(
    login_as, make_youth, make_center, make_opening
):
    _client, counselor = login_as(Role.COUNSELOR)
    _client, admin = login_as(Role.ADMIN)
    opening = make_opening(title="Cook", skills=["cooking"])
    make_youth(full_name="Ours", skills=["cooking"], center_id=counselor.center_id)
    make_youth(full_name="Theirs", skills=["cooking"], center_id=make_center().id)
    assert _names(opening, counselor) == ["Ours"]
    assert sorted(_names(opening, admin)) == ["Ours", "Theirs"]


def test_the_indexes_are_kept_while_nothing_changes(make_youth, make_opening):
    make_opening(skills=["sewing"])
    make_youth(skills=["sewing"])
    day = date.today()
    assert offer_index(day) is offer_index(day)
    assert candidate_index(day) is candidate_index(day)
    kept = offer_index(day)
    make_opening(skills=["cooking"])
    assert offer_index(day) is not kept and len(offer_index(day)) == 2


def test_one_test_sees_its_own_opening(make_youth, make_opening):
    make_opening(title="First test's opening")
    assert _titles(make_youth()) == ["First test's opening"]


def test_the_next_test_sees_only_its_own_opening_too(make_youth, make_opening):
    make_opening(title="Second test's opening")
    assert _titles(make_youth()) == ["Second test's opening"]
