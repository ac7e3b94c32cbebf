"""The safe-migration panel: on openings in another province than the youth's, and abroad; not in
the youth's own province; with the hotlines of the reader's center and the national ones."""

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.safety.models import SafetyContact, SafetyContactKind

PANEL = "Before you move for this work"
ABROAD = "Before you go to work in another country"
FOLDED = "Is this work far from your home?"


def _contact(name, center=None, position=0, kind=SafetyContactKind.HOTLINE):
    contact = SafetyContact(
        center_id=center.id if center else None,
        kind=kind,
        name_en=name,
        name_km=f"{name} km",
        phone="012 000 000",
        position=position,
    )
    db.session.add(contact)
    db.session.commit()
    return contact


@pytest.fixture
def youth_in_siem_reap(login_as, make_center):
    center = make_center(province_code="17")
    client, user = login_as(Role.YOUTH)
    user.youth_profile.province_code = "17"
    user.youth_profile.center_id = center.id
    db.session.commit()
    return client, center


def test_a_youth_sees_it_for_work_in_another_province(youth_in_siem_reap, make_opening):
    client, _ = youth_in_siem_reap
    opening = make_opening(province_code="12")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert PANEL in page
    assert "Never pay a recruiter" in page
    assert "never give them to an employer or a recruiter".lower() in page.lower()
    assert "Check the recruitment agency" not in page  # that part is for work abroad


def test_not_for_work_in_the_youths_own_province(youth_in_siem_reap, make_opening):
    client, _ = youth_in_siem_reap
    opening = make_opening(province_code="17")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert PANEL not in page and FOLDED not in page and "Never pay a recruiter" not in page


def test_work_abroad_shows_the_abroad_panel_to_everyone(client, youth_in_siem_reap, make_opening):
    youth, _ = youth_in_siem_reap
    opening = make_opening(province_code="17", work_abroad=True, work_country="Thailand")

    for reader in (youth, client):
        page = reader.get(f"/openings/{opening.id}").get_data(as_text=True)
        assert ABROAD in page
        assert "This work is in Thailand." in page
        assert "Check the recruitment agency" in page
        assert FOLDED not in page


def test_a_visitor_gets_it_folded_for_work_in_the_country(client, make_opening):
    opening = make_opening(province_code="18")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert FOLDED in page and "<details>" in page
    assert PANEL not in page


def test_contacts_of_the_youths_center_and_national_ones_in_order(
    youth_in_siem_reap, make_center, make_opening
):
    client, center = youth_in_siem_reap
    _contact("National legal aid", position=2, kind=SafetyContactKind.LEGAL_AID)
    _contact("National hotline", position=1)
    _contact("Siem Reap center line", center=center, position=0)
    _contact("Battambang center line", center=make_center(province_code="02"))
    opening = make_opening(province_code="12")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert "Battambang center line" not in page
    own = page.index("Siem Reap center line")
    assert own < page.index("National hotline") < page.index("National legal aid")
    assert "Legal help" in page


def test_visitors_see_only_the_national_contacts(client, make_center, make_opening):
    _contact("National hotline")
    _contact("Center line", center=make_center())
    opening = make_opening(work_abroad=True, work_country="Malaysia")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert "National hotline" in page and "Center line" not in page


def test_khmer_readers_get_the_khmer_names(client, make_opening):
    _contact("National hotline")
    opening = make_opening(work_abroad=True)
    client.post("/lang/km")

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert "National hotline km" in page
