"""Known bad contacts: phone numbers, e-mail addresses and handles from confirmed bad postings.

Values are kept normalised, so one contact is one row however it was typed: a phone number as
its stored form (`portal.phones.match_key`: "+855 12 345 678", "012-345-678", "855 12345678"
and "០១២ ៣៤៥ ៦៧៨" are all "012345678"; a number abroad "+66812345678"),
e-mail addresses and handles in lower case, a handle without its "@" or "t.me/". Services flush;
the view commits."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from portal import phones
from portal.auth.models import User
from portal.extensions import db
from portal.safety.models import BadContact, ContactKind

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[\w.\-]{2,100}$")
_HANDLE_PREFIXES = re.compile(r"^(?:https?://)?(?:www\.)?(?:t\.me/|telegram\.me/|wa\.me/|@)", re.I)


class ContactError(ValueError):
    """The value is not a contact of that kind, or it is already on the list."""


def normalize(kind: ContactKind | str, value: str) -> str:
    """The stored form of `value`; raises ContactError when it is not a contact of `kind`."""
    kind = ContactKind(kind)
    text = (value or "").strip()
    if kind == ContactKind.PHONE:
        key = phones.match_key(text)
        if len(key.lstrip("+")) < phones.MIN_DIGITS or not phones.looks_written_as_number(text):
            raise ContactError(_("Write a phone number, like 012 345 678 or +855 12 345 678."))
        return key
    text = text.lower()
    if kind == ContactKind.EMAIL:
        if not _EMAIL.match(text):
            raise ContactError(_("Write an e-mail address, like name@example.com."))
        return text
    handle = _HANDLE_PREFIXES.sub("", text)
    if not _HANDLE.match(handle):
        raise ContactError(_("Write a handle, like @name or t.me/name."))
    return handle


def known_values() -> list[str]:
    """Every known bad contact, as the screening compares them."""
    return list(db.session.scalars(select(BadContact.value).order_by(BadContact.id)))


def all_contacts() -> list[BadContact]:
    """The list as admins read it, the newest first."""
    return list(db.session.scalars(select(BadContact).order_by(BadContact.created_at.desc())))


def add_contact(kind: ContactKind | str, value: str, *, note: str, by: User) -> BadContact:
    """Add a contact to the list; raises ContactError for a bad value or one already there."""
    kind = ContactKind(kind)
    normal = normalize(kind, value)
    if db.session.scalar(
        select(BadContact.id).where(BadContact.kind == kind, BadContact.value == normal)
    ):
        raise ContactError(_("%(value)s is already on the list.", value=normal))
    contact = BadContact(kind=kind, value=normal, note=(note or "").strip(), added_by_id=by.id)
    db.session.add(contact)
    db.session.flush()
    return contact


def delete_contact(contact: BadContact) -> None:
    """Take a contact off the list (openings already held stay held until a counselor acts)."""
    db.session.delete(contact)
    db.session.flush()
