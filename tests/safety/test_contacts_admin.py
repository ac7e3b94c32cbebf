"""Admins keep the hotlines and legal-aid contacts of the safe-migration panel: national ones and
one center's."""

from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.safety.models import SafetyContact, SafetyContactKind

FIELDS = {
    "center": "",
    "kind": "hotline",
    "name_en": "Migrant workers line",
    "name_km": "ខ្សែទូរស័ព្ទពលករចំណាកស្រុក",
    "phone": "012 000 000",
    "note_en": "",
    "note_km": "",
    "position": "1",
}


def _all():
    return db.session.scalars(select(SafetyContact)).all()


def test_an_admin_adds_a_national_contact(login_as):
    admin, _ = login_as(Role.ADMIN)

    response = admin.post("/admin/safety-contacts", data=FIELDS)

    assert response.status_code == 302
    (contact,) = _all()
    assert contact.center_id is None and contact.kind == SafetyContactKind.HOTLINE
    assert "Migrant workers line" in admin.get("/admin/safety-contacts").get_data(as_text=True)


def test_a_contact_for_one_center_then_edited_then_deleted(login_as, make_center):
    admin, _ = login_as(Role.ADMIN)
    center = make_center(name="Kampot center")
    admin.post("/admin/safety-contacts", data={**FIELDS, "center": str(center.id)})
    (contact,) = _all()
    assert contact.center_id == center.id

    page = admin.get(f"/admin/safety-contacts/edit?contact={contact.id}").get_data(as_text=True)
    assert "Migrant workers line" in page
    admin.post(
        f"/admin/safety-contacts/edit?contact={contact.id}",
        data={**FIELDS, "kind": "legal_aid", "name_en": "Legal aid NGO", "center": ""},
    )
    db.session.refresh(contact)
    assert contact.name_en == "Legal aid NGO" and contact.center_id is None
    assert contact.kind == SafetyContactKind.LEGAL_AID

    admin.post("/admin/safety-contacts/delete", data={"contact": contact.id})
    assert _all() == []


def test_a_contact_needs_names_and_a_phone(login_as):
    admin, _ = login_as(Role.ADMIN)

    response = admin.post("/admin/safety-contacts", data={**FIELDS, "name_km": "", "phone": ""})

    assert response.status_code == 400
    assert _all() == []


def test_unknown_contacts_are_404(login_as):
    admin, _ = login_as(Role.ADMIN)
    assert admin.get("/admin/safety-contacts/edit?contact=999").status_code == 404
    assert admin.get("/admin/safety-contacts/edit").status_code == 404
    assert admin.post("/admin/safety-contacts/delete", data={"contact": "abc"}).status_code == 404


def test_only_admins_manage_contacts(login_as):
    for role in (Role.COUNSELOR, Role.YOUTH, Role.EMPLOYER):
        assert login_as(role)[0].get("/admin/safety-contacts").status_code == 403
